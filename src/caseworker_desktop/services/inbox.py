"""What sync leaves for a person to look at: conflicts of concurrent texts, handovers from
the former caseworker of a reassigned case, changes the office refused ("nicht
übernommen") and pulled values this laptop could not hold."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..domain import codec, permissions
from ..domain import model as m
from ..domain.enums import AuditAction, ConflictKind
from ..domain.errors import CaseworkerError, NotFoundError
from ..domain.labels import FIELD_LABELS_DE
from ..storage.orm import refused_change, sync_quarantine, table_of
from .context import ServiceContext, Tx

INCOMPLETE = "Die Übergabe ist unvollständig; sie kann nicht übernommen werden."


@dataclass(frozen=True)
class RefusedChange:
    seq: int
    refused_at: datetime
    table: str
    row_id: str
    field: str
    value: object  # the domain value; None once handed over (or the case left)
    kept: bool  # the value is still here
    reason: str
    handed_to: str | None  # user id of the new caseworker
    case_reference: str


@dataclass(frozen=True)
class QuarantinedValue:
    seq: int
    received_at: datetime
    table: str
    row_id: str
    field: str
    value: str  # as received (JSON text)
    reason: str


class InboxService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- conflicts and handovers --------------------------------------------------------

    def conflicts(self, case_id: str | None = None, open_only: bool = True) -> list[m.Conflict]:
        with self.ctx.transaction() as tx:
            t = table_of(m.Conflict)
            where = [t.c.resolved.is_(False)] if open_only else []
            if case_id is not None:
                where.append(t.c.case_id == case_id)
            return tx.find(m.Conflict, *where, order_by=(t.c.loser_hlc,))

    def open_conflict(self, conflict_id: str) -> m.Conflict:
        """A conflict or handover to show. One about a trauma referral is restricted like
        the referral itself, and showing it is a view (audited)."""
        with self.ctx.transaction() as tx:
            conflict = tx.get(m.Conflict, conflict_id)
            if conflict.table_name == m.TraumaReferral.table:
                referral = _find(tx, m.TraumaReferral, conflict.row_id)
                if referral is not None:
                    tx.require_trauma_access(referral)
                tx.audit(AuditAction.VIEW, entity=conflict.table_name, entity_id=conflict.row_id,
                         detail="Konflikt/Übergabe angezeigt")  # fmt: skip
            return conflict

    def resolve_conflict(self, conflict_id: str, text: str) -> m.Conflict:
        """A person decided: `text` (one side, or their merge of both) becomes the field's
        value, and the conflict is closed with it. Both sync to everyone involved."""
        with self.ctx.transaction() as tx:
            conflict = tx.get(m.Conflict, conflict_id)
            if conflict.kind is ConflictKind.HANDOVER:
                raise CaseworkerError("Eine Übergabe wird übernommen oder verworfen.")
            cls = m.BY_TABLE[conflict.table_name]
            target = _find(tx, cls, conflict.row_id)
            if target is not None:  # else: text of a row that never reached this case
                if cls is m.TraumaReferral:
                    tx.require_trauma_access(target)
                tx.update(cls, conflict.row_id, check_transition=False, **{conflict.field: text})
            return tx.update(m.Conflict, conflict_id, resolved=True, resolution=text)

    def take_over(self, conflict_id: str, fields: Iterable[str]) -> m.Conflict:
        """Take the chosen values of a handover into the record (a new record: all of it,
        as the current user's). Fields this user may not write stay as they are; the
        resolution says what was taken. An empty choice discards the handover."""
        with self.ctx.transaction() as tx:
            conflict = tx.get(m.Conflict, conflict_id)
            if conflict.kind is not ConflictKind.HANDOVER:
                raise CaseworkerError("Das ist keine Übergabe.")
            cls = m.BY_TABLE[conflict.table_name]
            theirs = handover_values(conflict)
            chosen = [f for f in dict.fromkeys(fields) if f in theirs]
            target = _find(tx, cls, conflict.row_id)
            taken: list[str] = []
            if chosen and target is None:
                taken = _create(tx, cls, conflict, theirs)
            elif chosen:
                if cls is m.TraumaReferral:
                    tx.require_trauma_access(target)
                values = {f: theirs[f] for f in chosen if self._may_write(tx, target, f, theirs)}
                if values:
                    tx.update(cls, target.id, check_transition=False, **values)
                taken = list(values)
            resolution = (
                "Übernommen: " + ", ".join(FIELD_LABELS_DE.get(f, f) for f in taken)
                if taken
                else "Verworfen"
            )
            return tx.update(m.Conflict, conflict_id, resolved=True, resolution=resolution)

    @staticmethod
    def _may_write(tx: Tx, target: m.Record, field: str, theirs: dict) -> bool:
        reason = permissions.check_write(
            tx.user.role,
            tx.user.id,
            target.table,
            field,
            theirs[field],
            lambda name: getattr(target, name, permissions.MISSING),
        )
        return reason is None

    # --- what the office refused --------------------------------------------------------

    def refused_changes(self) -> list[RefusedChange]:
        with self.ctx.read() as conn:
            rows = conn.execute(sa.select(refused_change).order_by(refused_change.c.seq.desc()))
            return [_refused(row) for row in rows.mappings()]

    def quarantined_values(self) -> list[QuarantinedValue]:
        with self.ctx.read() as conn:
            rows = conn.execute(sa.select(sync_quarantine).order_by(sync_quarantine.c.seq.desc()))
            return [
                QuarantinedValue(
                    seq=r["seq"],
                    received_at=r["received_at"],
                    table=r["table_name"],
                    row_id=r["row_id"],
                    field=r["field"],
                    value=r["value"],
                    reason=r["reason"],
                )
                for r in rows.mappings()
            ]

    def inbox_count(self) -> int:
        """Entries of both lists (the status bar shows the number)."""
        with self.ctx.read() as conn:
            return sum(
                conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (refused_change, sync_quarantine)
            )

    def dismiss(self, refused: Iterable[int] = (), quarantined: Iterable[int] = ()) -> int:
        """Remove entries a person has read (audited: it was data of a case)."""
        refused, quarantined = list(refused), list(quarantined)
        with self.ctx.transaction() as tx:
            count = 0
            for table, seqs in ((refused_change, refused), (sync_quarantine, quarantined)):
                if seqs:
                    count += tx.conn.execute(table.delete().where(table.c.seq.in_(seqs))).rowcount
            if count:
                tx.audit(AuditAction.DELETE, entity=refused_change.name, entity_id="",
                         detail=f"{count} Einträge gelesen und entfernt")  # fmt: skip
            return count


def handover_values(conflict: m.Conflict) -> dict[str, object]:
    """The former caseworker's values of a handover (field -> domain value); fields this
    version does not know, or values it cannot hold, are left out."""
    return _decoded(conflict.table_name, conflict.loser_value)


def current_values(conflict: m.Conflict) -> dict[str, object]:
    """The values in force when the office handed the row over (field -> domain value)."""
    return _decoded(conflict.table_name, conflict.winner_value)


def _decoded(table: str, raw: str) -> dict[str, object]:
    cls = m.BY_TABLE.get(table)
    try:
        values = json.loads(raw)
    except ValueError:
        return {}
    if cls is None or not isinstance(values, dict):
        return {}
    out = {}
    for field, value in values.items():
        try:
            out[field] = codec.decode_value(cls, field, json.dumps(value))
        except codec.InvalidValue:
            continue
    return out


def _find(tx: Tx, cls: type[m.Record], row_id: str) -> m.Record | None:
    try:
        return tx.get(cls, row_id, include_deleted=True)
    except NotFoundError:
        return None


def _create(tx: Tx, cls: type[m.Record], conflict: m.Conflict, theirs: dict) -> list[str]:
    """A record the former caseworker made offline, now made by the current user: fields
    that name a user (author, requester) name them, or nobody where that may be empty."""
    values = dict(theirs)
    rules = permissions.RULES[cls.table].fields
    for field, rule in rules.items():
        if rule.own_id and values.get(field) not in (None, tx.user.id):
            optional = codec.field_type(cls, field)[1]
            values[field] = None if optional else tx.user.id
    values.pop("deleted", None)
    try:
        record = cls(id=conflict.row_id, **values)
    except TypeError:
        raise CaseworkerError(
            "Die Übergabe ist unvollständig und kann nicht übernommen werden."
        ) from None
    tx.add(record)
    return list(theirs)


def _refused(row) -> RefusedChange:
    cls = m.BY_TABLE.get(row["table_name"])
    value = None
    if row["value"] is not None and cls is not None:
        try:
            value = codec.decode_value(cls, row["field"], row["value"])
        except codec.InvalidValue:
            value = row["value"]
    return RefusedChange(
        seq=row["seq"],
        refused_at=row["refused_at"],
        table=row["table_name"],
        row_id=row["row_id"],
        field=row["field"],
        value=value,
        kept=row["value"] is not None,
        reason=row["reason"],
        handed_to=row["handed_to"],
        case_reference=row["case_reference"],
    )
