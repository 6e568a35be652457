"""The unit of work every service runs in: one transaction per use case, and in it the
record write, its field-level change log entries (with one HLC per write) and an audit event.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import sqlalchemy as sa

from ..clock import Clock
from ..domain import model as m
from ..domain import permissions, rules
from ..domain.enums import AuditAction, Role
from ..domain.errors import NotFoundError, PermissionDeniedError
from ..domain.hlc import HybridLogicalClock, Timestamp
from ..domain.markers import restriction_reason
from ..storage import audit, changelog
from ..storage.casefile import CaseFile
from ..storage.orm import table_of

R = TypeVar("R", bound=m.Record)


@functools.cache
def _select_by_id(cls: type[m.Record]) -> sa.Select:
    table = table_of(cls)
    return sa.select(table).where(table.c.id == sa.bindparam("record_id"))


class ServiceContext:
    """Who acts, on which file, with which clock. Shared by all services of one session."""

    def __init__(self, case_file: CaseFile, clock: Clock | None = None):
        self.case_file = case_file
        self.clock = clock or case_file.clock
        self.device_id = case_file.device_id
        self._local = threading.local()  # the open transaction, per thread
        # Plain-Python observers of committed changes: called with [(table, record_id), ...].
        self.listeners: list[Callable[[list[tuple[str, str]]], None]] = []
        with case_file.engine.connect() as conn:
            last = case_file.state(conn, "hlc")
        self.reload_user()
        self.hlc = HybridLogicalClock(
            self.device_id, clock=self.clock.time, last=Timestamp.decode(last) if last else None
        )

    def reload_user(self) -> m.User:
        """The local user (again: enrolment gives it the server's id, role and team)."""
        with self.case_file.engine.connect() as conn:
            user_id = self.case_file.state(conn, "user_id")
            row = conn.execute(
                sa.select(table_of(m.User)).where(table_of(m.User).c.id == user_id)
            ).first()
        if row is None:
            raise NotFoundError("Der lokale Benutzer fehlt in der Falldatei.")
        self.user = m.User(**row._mapping)
        return self.user

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One use case. Nested calls join the outer transaction (bulk work, demo data)."""
        current = getattr(self._local, "tx", None)
        if current is not None:
            # A use case inside another: a savepoint, so that a caught failure of the inner
            # one leaves nothing half-written in the outer transaction.
            with current.conn.begin_nested():
                yield current
            return
        with self.case_file.engine.begin() as conn:
            tx = Tx(self, conn)
            self._local.tx = tx
            try:
                yield tx
                if tx.wrote:
                    self.case_file.set_state(conn, "hlc", self.hlc.last.encode())
            finally:
                self._local.tx = None
        if tx.touched:  # committed: tell the listeners (the UI adapter re-emits as Qt signals)
            for listener in list(self.listeners):
                listener(list(tx.touched))

    def read(self) -> Iterator[sa.Connection]:
        return self.case_file.engine.connect()


_ANY_MARKER = "SELECT 1 FROM data_marker WHERE deleted = 0 LIMIT 1"


class Tx:
    def __init__(self, ctx: ServiceContext, conn: sa.Connection):
        self.ctx = ctx
        self.conn = conn
        self.wrote = False
        self.touched: list[tuple[str, str]] = []
        # Head of the audit chain; valid for the whole transaction (BEGIN IMMEDIATE holds
        # the write lock, so nobody else can append in between).
        self._audit_head: str | None = None

    @property
    def user(self) -> m.User:
        return self.ctx.user

    @property
    def today(self):
        return self.ctx.clock.today()

    # --- reading -----------------------------------------------------------------------

    def get(self, cls: type[R], record_id: str, *, include_deleted: bool = False) -> R:
        row = self.conn.execute(_select_by_id(cls), {"record_id": record_id}).first()
        if row is None or (row.deleted and not include_deleted):
            raise NotFoundError(f"Datensatz nicht gefunden ({cls.__name__} {record_id}).")
        return cls(**row._mapping)

    def find(self, cls: type[R], *where, order_by=None) -> list[R]:
        table = table_of(cls)
        query = sa.select(table).where(table.c.deleted.is_(False), *where)
        if order_by is not None:
            query = (
                query.order_by(*order_by)
                if isinstance(order_by, tuple)
                else query.order_by(order_by)
            )
        return [cls(**row._mapping) for row in self.conn.execute(query)]

    # --- writing -----------------------------------------------------------------------

    def _stamp(self, record: m.Record) -> str:
        self.wrote = True
        self.touched.append((record.table, record.id))
        return self.ctx.hlc.now().encode()

    def add(self, record: R) -> R:
        rules.validate(record, self.today)
        self.check_write(None, record)
        record.updated_hlc = self._stamp(record)
        values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        self.conn.execute(table_of(type(record)).insert(), values)
        changelog.append_changes(
            self.conn,
            record,
            changelog.tracked_values(record),
            hlc=record.updated_hlc,
            device_id=self.ctx.device_id,
        )
        self.audit(AuditAction.CREATE, record)
        return record

    def update(
        self,
        record: R | type[R],
        record_id: str | None = None,
        *,
        check_transition: bool = True,
        **changes,
    ) -> R:
        """Apply `changes` to the stored version of the record; validates, checks the
        status transition (not when undoing), logs only fields that really changed.
        Returns the new version."""
        cls = record if isinstance(record, type) else type(record)
        old = self.get(cls, record_id if record_id is not None else record.id)
        unknown = set(changes) - {f.name for f in dataclasses.fields(cls)}
        if unknown or {"id", "updated_hlc", "deleted"} & set(changes):
            raise ValueError(f"fields that cannot be changed here: {sorted(changes)}")
        new = dataclasses.replace(old, **changes)
        if check_transition:
            rules.check_status_change(old, new)
        rules.validate(new, self.today)
        self.check_write(old, new)
        changed = changelog.diff(old, new)
        if not changed:
            return old
        new.updated_hlc = self._stamp(new)
        table = table_of(cls)
        self.conn.execute(
            table.update()
            .where(table.c.id == new.id)
            .values(updated_hlc=new.updated_hlc, **changed)
        )
        changelog.append_changes(
            self.conn, new, changed, hlc=new.updated_hlc, device_id=self.ctx.device_id
        )
        self.audit(AuditAction.UPDATE, new, ",".join(sorted(changed)))
        return new

    def delete(self, cls: type[R], record_id: str) -> None:
        """Tombstone: the row stays (sync needs it), marked deleted."""
        old = self.get(cls, record_id)
        self.check_write(old, dataclasses.replace(old, deleted=True))
        stamp = self._stamp(old)
        table = table_of(cls)
        self.conn.execute(
            table.update().where(table.c.id == record_id).values(deleted=True, updated_hlc=stamp)
        )
        changelog.append_changes(
            self.conn, old, {"deleted": True}, hlc=stamp, device_id=self.ctx.device_id
        )
        self.audit(AuditAction.DELETE, old)

    def audit(
        self,
        action: AuditAction,
        record: m.Record | None = None,
        detail: str = "",
        *,
        entity: str | None = None,
        entity_id: str | None = None,
    ) -> None:
        if self._audit_head is None:
            self._audit_head = audit.last_audit_hash(self.conn)
        self._audit_head = audit.append_audit(
            self.conn,
            key=self.ctx.case_file.audit_key,
            prev_hash=self._audit_head,
            at=self.ctx.clock.now(),
            user_id=self.user.id,
            device_id=self.ctx.device_id,
            action=action,
            entity=entity or (record.table if record else ""),
            entity_id=entity_id or (record.id if record else ""),
            detail=detail,
        )

    # --- access ------------------------------------------------------------------------

    def check_write(self, old: m.Record | None, new: m.Record) -> None:
        """The office's rule of who may write which field, applied before anything is
        written here: what the office would refuse is refused at once."""
        stand_in = self.user.role is not Role.TEAM_LEAD or self.user.stand_in or self._owns(new)
        reason = permissions.check_record(self.user.role, self.user.id, old, new, stand_in=stand_in)
        if reason:
            raise PermissionDeniedError(reason)
        self._check_restriction(old, new)

    def _check_restriction(self, old: m.Record | None, new: m.Record) -> None:
        """Restricted processing (Art. 18): the person's data is read-only (domain.markers)."""
        if isinstance(new, m.DataMarker | m.TraumaOffer | m.User):
            return
        if self.conn.exec_driver_sql(_ANY_MARKER).first() is None:  # as good as always
            return
        clients = self._clients_of(new)
        if not clients:
            return
        t = table_of(m.DataMarker)
        found = self.find(m.DataMarker, t.c.client_id.in_(clients))
        if not found:
            return
        changed = (
            [f.name for f in dataclasses.fields(new)]
            if old is None
            else list(changelog.diff(old, new))
        )
        reason = restriction_reason(found, new.table, changed, self.today)
        if reason:
            raise PermissionDeniedError(reason)

    def _clients_of(self, record: m.Record) -> list[str]:
        """The people a record is about (for a household: everyone living there)."""
        if isinstance(record, m.Client):
            return [record.id]
        if isinstance(record, m.ConsentRecord | m.DataMarker):
            return [record.client_id]
        if isinstance(record, m.Household):
            members = table_of(m.Client)
            return [c.id for c in self.find(m.Client, members.c.household_id == record.id)]
        if isinstance(record, m.Case):
            return [record.client_id]
        if isinstance(record, m.HelpPlanEntry):
            plan = self.get(m.HelpPlan, record.help_plan_id, include_deleted=True)
            return self._clients_of(plan)
        case_id = getattr(record, "case_id", None)
        if case_id:
            case = self.conn.execute(
                sa.select(table_of(m.Case).c.client_id).where(table_of(m.Case).c.id == case_id)
            ).scalar()
            return [case] if case else []
        return []

    def _owns(self, record: m.Record) -> bool:
        """The record belongs to one of the user's own cases (or to none yet): a team lead
        who also holds cases works on those like any caseworker."""
        if isinstance(record, m.Case):
            return record.caseworker_id == self.user.id
        if isinstance(record, m.HelpPlanEntry):
            return self._owns(self.get(m.HelpPlan, record.help_plan_id))
        case_id = getattr(record, "case_id", None)
        if case_id is not None:
            return self.get(m.Case, case_id).caseworker_id == self.user.id
        client_ids = self._clients_of(record)
        cases = table_of(m.Case)
        held = [c.caseworker_id for c in self.find(m.Case, cases.c.client_id.in_(client_ids))]
        return not held or self.user.id in held

    def require_role(self, *roles: Role) -> None:
        if self.user.role not in roles:
            raise PermissionDeniedError("Dafür fehlt die Berechtigung.")

    def may_see_trauma(self, referral: m.TraumaReferral) -> bool:
        """Trauma referrals: the assigned caseworker and the team lead of their team only."""
        if referral.caseworker_id == self.user.id:
            return True
        if self.user.role is Role.TEAM_LEAD and self.user.team_id:
            owner = self.conn.execute(
                sa.select(table_of(m.User).c.team_id).where(
                    table_of(m.User).c.id == referral.caseworker_id
                )
            ).scalar()
            return owner == self.user.team_id
        return False

    def require_trauma_access(self, referral: m.TraumaReferral) -> None:
        if self.may_see_trauma(referral):
            return
        raise PermissionDeniedError(
            "Traumasprechstunde: nur die zuständige Fachkraft und ihre Teamleitung haben Zugriff."
        )
