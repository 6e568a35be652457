"""The unit of work every service runs in: one transaction per use case, and in it the
record write, its field-level change log entries (with one HLC per write) and an audit event.
"""

from __future__ import annotations

import dataclasses
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
from ..storage import changelog, rows
from ..storage.casefile import CaseFile
from ..storage.orm import table_of
from ..storage.staged import Staged

R = TypeVar("R", bound=m.Record)


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
        """One use case. Nested calls join the outer transaction: each in a savepoint, so
        that a caught failure of the inner one leaves nothing half-written in the outer."""
        current = getattr(self._local, "tx", None)
        if current is not None:
            with current.savepoint():
                yield current
            return
        yield from self._outer(bulk=False)

    @contextmanager
    def bulk(self) -> Iterator[Tx]:
        """Many use cases in one transaction that writes all or nothing (an import, demo
        data): no savepoint per use case; a failure anywhere rolls all of it back."""
        if getattr(self._local, "tx", None) is not None:
            raise RuntimeError("bulk() inside a transaction")
        yield from self._outer(bulk=True)

    def _outer(self, *, bulk: bool) -> Iterator[Tx]:
        with self.case_file.engine.begin() as conn:
            tx = Tx(self, conn, bulk=bulk)
            self._local.tx = tx
            try:
                yield tx
                if tx.failed:
                    raise RuntimeError("a use case of this bulk transaction failed")
                tx.flush()
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
    def __init__(self, ctx: ServiceContext, conn: sa.Connection, *, bulk: bool = False):
        self.ctx = ctx
        # For reading and writing records; their change log, audit events and clocks are
        # staged and written with the transaction (`conn` writes them first).
        self.records = conn
        self.bulk = bulk
        self.failed = False
        self.wrote = False
        self.touched: list[tuple[str, str]] = []
        self._staged = Staged(conn, ctx.case_file.audit_key)

    @property
    def conn(self) -> sa.Connection:
        """The connection, with everything staged written: for any table."""
        self._staged.flush()
        return self.records

    def flush(self) -> None:
        self._staged.flush()

    def scalar(self, sql: str, *params):
        """The first column of the first row of a query of record tables (driver SQL)."""
        row = rows.driver(self.records).execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def savepoint(self) -> Iterator[Tx]:
        """Part of the transaction that a failure takes back alone (in a bulk transaction,
        whose use cases have no savepoint, a failure fails the whole)."""
        if self.bulk:
            try:
                yield self
            except BaseException:
                self.failed = True
                raise
            return
        self._staged.flush()  # what the savepoint may take back is all staged after it
        head = self._staged.head
        try:
            with self.records.begin_nested():
                yield self
        except BaseException:
            self._staged.discard(head)
            raise

    @property
    def user(self) -> m.User:
        return self.ctx.user

    @property
    def today(self):
        return self.ctx.clock.today()

    # --- reading -----------------------------------------------------------------------

    def get(self, cls: type[R], record_id: str, *, include_deleted: bool = False) -> R:
        record = rows.get(self.records, cls, record_id)
        if record is None or (record.deleted and not include_deleted):
            raise NotFoundError(f"Datensatz nicht gefunden ({cls.__name__} {record_id}).")
        return record

    def find(self, cls: type[R], *where, order_by=None) -> list[R]:
        table = table_of(cls)
        query = sa.select(table).where(table.c.deleted.is_(False), *where)
        if order_by is not None:
            query = (
                query.order_by(*order_by)
                if isinstance(order_by, tuple)
                else query.order_by(order_by)
            )
        return [cls(**row._mapping) for row in self.records.execute(query)]

    # --- writing -----------------------------------------------------------------------

    def _stamp(self, record: m.Record) -> str:
        self.wrote = True
        self.touched.append((record.table, record.id))
        return self.ctx.hlc.now().encode()

    def add(self, record: R) -> R:
        rules.validate(record, self.today)
        self.check_write(None, record)
        record.updated_hlc = self._stamp(record)
        rows.insert(self.records, record)
        self._staged.changes(
            record.table,
            record.id,
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
        rows.update(self.records, cls, new.id, {"updated_hlc": new.updated_hlc, **changed})
        self._staged.changes(
            new.table, new.id, changed, hlc=new.updated_hlc, device_id=self.ctx.device_id
        )
        self.audit(AuditAction.UPDATE, new, ",".join(sorted(changed)))
        return new

    def delete(self, cls: type[R], record_id: str) -> None:
        """Tombstone: the row stays (sync needs it), marked deleted."""
        old = self.get(cls, record_id)
        self.check_write(old, dataclasses.replace(old, deleted=True))
        stamp = self._stamp(old)
        rows.update(self.records, cls, record_id, {"deleted": True, "updated_hlc": stamp})
        self._staged.changes(
            old.table, old.id, {"deleted": True}, hlc=stamp, device_id=self.ctx.device_id
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
        self._staged.audit(
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
        if self.scalar(_ANY_MARKER) is None:  # as good as always
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
            case = self.records.execute(
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
            owner = self.records.execute(
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
