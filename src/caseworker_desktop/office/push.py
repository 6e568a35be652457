"""One push batch, applied in one transaction. The office is the single authority: every
change is checked before anything of the batch is stored.

1. The clock: a batch stamped further ahead of the office's clock than MAX_CLOCK_AHEAD_MS is
   refused whole (409), so a laptop whose clock runs ahead keeps its changes until the
   clock is right (it re-stamps them then) and no far-future value ever wins a merge.
2. Idempotency per device: a change id this device sent before is a duplicate.
3. Each change on its own: table, field and value (the domain's types, domain.codec).
4. Each row: its case and whether the pusher may write it (office.scoping).
5. Each field: the role rules shared with the laptop's services (domain.permissions),
   and that no row moves to another case and no case to another caseworker.
6. What is refused goes back to the sender (listed in the response; the laptop keeps it in
   its "nicht übernommen" list). Changes refused because the case was reassigned away
   from the pusher are handed over to the case as one Conflict per row (kind "handover"),
   for its new owner; refused text never enters a case the pusher never held.
7. The merge of every accepted change (sync.merge), conflicts for concurrent texts."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Sequence

import sqlalchemy as sa

from ..domain import codec, permissions
from ..domain import model as m
from ..domain.enums import Role
from ..domain.hlc import HybridLogicalClock, Timestamp
from ..domain.labels import span
from ..domain.rules import approval_problem
from ..sync.merge import ConflictCopy, FieldChange, FieldState, MergeResult, merge
from ..sync.protocol import MAX_CLOCK_AHEAD_MS, Change, PushResponse, Rejected
from . import documents, keyed_sql
from . import schema as s
from .auth import OfficeError, Principal, works_on_cases
from .consent import release_problem
from .restriction import Restrictions
from .schema import Key
from .scoping import LINK, NOT_YOURS, PARK, Scope, decode, ref
from .sealing import Sealer

_NS = uuid.UUID("5b0f7c0e-3f7a-4d52-9a51-2f1c8e0b6a11")  # fixed: ids must be reproducible

ADMIN = "Administratorinnen und Administratoren haben keinen Zugriff auf Falldaten."
REASSIGN = "Die Zuständigkeit für eine Akte ändert das Landratsamt (Umverteilung)."
MOVE = "Ein Datensatz kann nicht in eine andere Akte verschoben werden."
HANDED_OVER = (
    "Die Akte ist inzwischen einer anderen Fachkraft zugewiesen; Ihre Änderung liegt dort "
    "zur Übernahme bereit."
)
CLOCK_AHEAD = (
    "Die Uhr dieses Geräts geht um {ahead} vor (gegenüber dem Landratsamt). Bitte Datum, "
    "Uhrzeit und Zeitzone des Geräts korrigieren und dann erneut abgleichen; die Änderungen "
    "bleiben bis dahin gespeichert."
)


PART_OF_REFUSED = "Gehört zu einer Änderung, die nicht übernommen wurde: {reason}"


def _write(change: Change) -> tuple[str, str, str]:
    return (change.table, change.row_id, change.hlc)


def conflict_id(table: str, row_id: str, field: str, loser_hlc: str) -> str:
    """Deterministic, so that the same lost text never yields two conflicts."""
    return uuid.uuid5(_NS, f"conflict/{table}/{row_id}/{field}/{loser_hlc}").hex


def handover_id(table: str, row_id: str, loser_hlc: str, device_id: str) -> str:
    return uuid.uuid5(_NS, f"handover/{table}/{row_id}/{loser_hlc}/{device_id}").hex


def check_clock(batch: Sequence[Change], now_ms: int) -> None:
    if not batch:
        return
    newest = Timestamp.decode(max(c.hlc for c in batch)).wall_ms  # string order: clock order
    if newest > now_ms + MAX_CLOCK_AHEAD_MS:
        raise OfficeError(
            CLOCK_AHEAD.format(ahead=span(newest - now_ms)), status=409, code="clock_ahead"
        )


def problem(change: Change) -> tuple[str | None, object]:
    """What is wrong with a change on its own, before any case is looked at: (the German
    reason or None, the domain value)."""
    cls = m.BY_TABLE.get(change.table)
    if change.table not in permissions.RULES:
        if cls is not None:
            return permissions.REFERENCE_DATA, None
        return f"Unbekannte Tabelle „{change.table}“.", None
    try:
        return None, codec.decode_value(cls, change.field, change.value)
    except codec.InvalidValue as exc:
        return str(exc), None


class PushBatch:
    def __init__(
        self, conn: sa.Connection, who: Principal, clock: HybridLogicalClock, sealer: Sealer
    ):
        self.conn, self.who, self.clock, self.sealer = conn, who, clock, sealer
        self._role = Role(who.role)  # once, not per change
        self.scope = Scope(conn, who, sealer)
        self.stored = self.scope.stored
        self.rejected: list[Rejected] = []
        self.log: list[tuple] = []  # `changes` rows to insert, in order (_LOG_COLUMNS)
        self.dirty: dict[tuple[Key, str], FieldState] = {}  # field_state to write
        self.superseded: list[dict] = []  # `superseded_changes` rows to insert
        # Refused because the case was reassigned: row -> (the case, its changes).
        self.handover: dict[Key, tuple[str, list[Change]]] = {}
        self._owners: dict[str, str] = {}
        self.now = s.utcnow()  # received_at of the whole batch
        self._lost: dict[str, bool] = {}
        self.values: dict[str, object] = {}  # change id -> its domain value
        self._batch: list[Change] = []  # the changes still allowed in this round
        self._in_batch: dict[tuple[str, str, str], str] = {}  # its last change id per field
        self._consents: list[Change] = []  # its consent records' changes
        # How many of the changes taken each case had (the access log); parked rows have none.
        self.accepted: Counter[str] = Counter()
        self._restrictions: Restrictions | None = None  # per round of _decide
        # Called once the batch is checked, before its first entry in the log.
        self.before_log: Callable[[], None] = lambda: None

    # --- the whole batch ----------------------------------------------------------------

    def apply(self, batch: Sequence[Change], now_ms: int) -> PushResponse:
        if not works_on_cases(self.who):
            rejected = [Rejected(change_id=c.change_id, reason=ADMIN) for c in batch]
            return PushResponse(accepted=0, duplicates=0, conflicts=0, rejected=rejected)
        check_clock(batch, now_ms)
        fresh, duplicates = self._fresh(batch)
        problems = {}
        for change in fresh:
            problems[change.change_id], self.values[change.change_id] = problem(change)
        candidates, refusals = fresh, {}
        while True:  # until every change left is allowed (a refusal may orphan others)
            self.scope = Scope(self.conn, self.who, self.sealer)
            self.stored = self.scope.stored
            for change in candidates:
                if not problems[change.change_id]:
                    self.scope.add(change)
            self.scope.load()
            self.scope.resolve()
            verdicts = self.scope.verdicts()
            self._batch = [c for c in candidates if not problems[c.change_id]]
            self._in_batch = {(c.table, c.row_id, c.field): c.change_id for c in self._batch}
            # what a trauma release check looks through (not the whole batch each time)
            self._consents = [c for c in self._batch if c.table == "consent_record"]
            allowed, refused = self._decide(candidates, problems, verdicts)
            refusals.update(refused)
            if len(allowed) == len(candidates):
                break
            candidates = allowed
        self.before_log()
        for change in fresh:
            if change.change_id in refusals:
                self._refuse(change, *refusals[change.change_id])
        self.scope.record(verdicts)
        case_of = self.scope.case.get  # as resolved and recorded (`row_case`)
        self.accepted = Counter(case for c in allowed if (case := case_of((c.table, c.row_id))))
        conflicts = sum(self._merge(c) for c in allowed)
        conflicts += sum(self._hand_over(key, *item) for key, item in self.handover.items())
        self._flush()
        return PushResponse(
            accepted=len(allowed),
            duplicates=duplicates,
            conflicts=conflicts,
            rejected=self.rejected,
        )

    def cases_written(self) -> set[str]:
        """The cases of every row this batch looked at, made or handed a change over to."""
        cases = {case for case in self.scope.case.values() if case}
        cases.update(self.scope.new_cases)
        cases.update(case for case, _changes in self.handover.values())
        return cases

    def _reject(self, change: Change, reason: str, handed_to: str | None = None) -> None:
        self.rejected.append(
            Rejected(change_id=change.change_id, reason=reason, handed_to=handed_to)
        )

    def _fresh(self, batch: Sequence[Change]) -> tuple[list[Change], int]:
        """Changes this device has not sent before: a re-sent batch is harmless, and no
        other device can pre-empt a change id it has learnt."""
        ids = list(dict.fromkeys(c.change_id for c in batch))
        seen: set[str] = set()
        for table in ("changes", "superseded_changes"):
            sql = f"SELECT change_id FROM {table} WHERE device_id = ? AND change_id IN"
            seen.update(
                cid for (cid,) in keyed_sql.select_in(self.conn, sql, ids, self.who.device_id)
            )
        fresh = []
        for change in batch:
            if change.change_id not in seen:
                seen.add(change.change_id)
                fresh.append(change)
        return fresh, len(batch) - len(fresh)

    # --- one change ---------------------------------------------------------------------

    def _decide(
        self, changes: list[Change], problems: dict[str, str | None], verdicts: dict
    ) -> tuple[list[Change], dict[str, tuple[str, str | None]]]:
        """(the changes allowed, change id -> (reason, case id to hand over to or None)).
        A write (the fields of one row with one stamp) is applied whole or not at all; a
        change refused because the pusher lost the case by reassignment is handed over."""
        self._restrictions = Restrictions(self.conn, self.scope, changes)
        reasons = {c.change_id: problems[c.change_id] or self._reason(c, verdicts) for c in changes}
        refused_writes: dict[tuple[str, str, str], str] = {}
        for change in changes:
            if reasons[change.change_id]:
                refused_writes.setdefault(_write(change), reasons[change.change_id])
        allowed, refused = [], {}
        for change in changes:
            reason = reasons[change.change_id]
            if reason is None and _write(change) in refused_writes:
                reason = PART_OF_REFUSED.format(reason=refused_writes[_write(change)])
            if reason is None:
                allowed.append(change)
                continue
            case_id = self.scope.case.get((change.table, change.row_id))
            lost = reason == NOT_YOURS and case_id and self._lost_by_reassignment(case_id)
            refused[change.change_id] = (reason, case_id if lost else None)
        return allowed, refused

    def _refuse(self, change: Change, reason: str, hand_to_case: str | None) -> None:
        if hand_to_case is None:
            self._reject(change, reason)
            return
        key = (change.table, change.row_id)
        self.handover.setdefault(key, (hand_to_case, []))[1].append(change)
        if hand_to_case not in self._owners:
            self._owners[hand_to_case] = self.conn.execute(
                sa.select(s.cases.c.caseworker_id).where(s.cases.c.case_id == hand_to_case)
            ).scalar()
        self._reject(change, HANDED_OVER, self._owners[hand_to_case])

    def _reason(self, change: Change, verdicts: dict[Key, str | None]) -> str | None:
        reason = verdicts[(change.table, change.row_id)]
        if reason in (None, PARK):
            reason = self._field_problem((change.table, change.row_id), change)
        if reason in (None, PARK):
            reason = self._restrictions.reason(change) or reason
        return reason

    def _lost_by_reassignment(self, case_id: str) -> bool:
        if case_id not in self._lost:
            self._lost[case_id] = self.scope.lost_by_reassignment(case_id)
        return self._lost[case_id]

    def _field_problem(self, key: Key, change: Change) -> str | None:
        """The role rules of the field (shared with the laptop), and the fields that would
        move a row: a row cannot change its case (that would outrun `row_case`), a case
        cannot change its caseworker (the office reassigns)."""
        if change.table == "case_file" and change.field == "caseworker_id":
            case = self.scope.cases.get(key[1])
            if case is not None and ref(change.value) != case.caseworker_id:
                return REASSIGN
        link = LINK.get(change.table)
        if link and change.field == link[0] and (target := ref(change.value)):
            case_id = self.scope.case.get(key)
            named = target if link[1] is None else self.scope.case_of((link[1], target))
            if named != case_id:
                return MOVE
        cls = m.BY_TABLE[change.table]
        stored = self.stored.get(key)
        if stored and all(st.hlc == change.hlc for st in stored.values()):
            stored = None  # the rest of the write that made the row (sent in two batches)

        def before(name: str) -> object:
            state = stored.get(name) if stored else None
            if state is None:
                return permissions.MISSING
            try:
                return codec.decode_value(cls, name, state.value)
            except codec.InvalidValue:
                return permissions.MISSING

        return (
            permissions.check_write(
                self._role,
                self.who.user_id,
                change.table,
                change.field,
                self.values[change.change_id],
                before if stored else None,
                stand_in=self.who.role != "team_lead" or self.who.stand_in or self._owns(key),
            )
            or (
                change.table == "trauma_referral"
                and release_problem(
                    self.conn,
                    change,
                    self.values[change.change_id],
                    lambda name: self._row_field(key, name),
                    lambda name: self._row_field(key, name, batch=False),
                    self.scope.case.get(key),
                    self._consents,
                    self.scope.case.get,
                    s.district_day(self.now),  # the laptops' today, not UTC's
                )
            )
            or (
                change.table == "help_plan"
                and change.field in ("status", "signed")
                and approval_problem(self._row_field(key, "status"), self._row_field(key, "signed"))
            )
            or (
                change.table == documents.TABLE
                and documents.push_problem(self.conn, change.field, self.values[change.change_id])
            )
            or None
        )

    def _owns(self, key: Key) -> bool:
        """The row is in one of the pusher's own cases, or in none yet (parked; a case it
        may become part of is the pusher's own when they create it)."""
        case_id = self.scope.case.get(key)
        if case_id is None:
            return True
        case = self.scope.cases.get(case_id)
        return case is None or case.caseworker_id == self.who.user_id

    def _row_field(self, key: Key, name: str, *, batch: bool = True) -> object:
        """A field of a row as this batch leaves it (batch), else as stored."""
        change_id = self._in_batch.get((*key, name)) if batch else None
        if change_id is not None:  # the batch's last change of the field
            return self.values[change_id]
        state = self.stored.get(key, {}).get(name)
        return decode(state.value) if state is not None else None

    # --- merge --------------------------------------------------------------------------

    def _merge(self, change: Change) -> int:
        key = (change.table, change.row_id)
        fields = self.stored.setdefault(key, {})
        current = fields.get(change.field)
        if current is None:  # a new field (most of a push): merge's first rule, inlined
            state = FieldState(change.value, change.hlc, self.who.device_id)
            applied, conflict = True, None
        else:
            result = self._merge_field(current, change)
            state, applied, conflict = result.state, result.applied, result.conflict
        if applied:
            fields[change.field] = state
            self.dirty[(key, change.field)] = state
            self.log.append(
                (change.change_id, change.table, change.row_id, change.field, change.value,
                 change.hlc, self.who.device_id, self.who.user_id)
            )  # fmt: skip
        else:
            self.superseded.append(
                {
                    "device_id": self.who.device_id,
                    "change_id": change.change_id,
                    "received_at": self.now,
                }
            )
        if conflict is None:
            return 0
        row_id = conflict_id(conflict.table, conflict.row_id, conflict.field, conflict.loser_hlc)
        return self._conflict(key, row_id, _text_conflict(conflict))

    def _merge_field(self, current: FieldState, change: Change) -> MergeResult:
        return merge(
            current,
            FieldChange(
                change_id=change.change_id,
                table=change.table,
                row_id=change.row_id,
                field=change.field,
                value=change.value,
                hlc=change.hlc,
                base_hlc=change.base_hlc,
                device_id=self.who.device_id,  # the authenticated device, never a claim
            ),
            is_text=change.field in m.BY_TABLE[change.table].text_fields,
        )

    def _hand_over(self, key: Key, case_id: str, changes: list[Change]) -> int:
        """Everything the old owner wrote offline in a case reassigned meanwhile, one row
        at a time: their values beside the values in force, for the new owner to take."""
        latest: dict[str, Change] = {}
        for change in changes:
            if change.field not in latest or change.hlc > latest[change.field].hlc:
                latest[change.field] = change
        stored = self._stored_fields(key)
        theirs = {f: decode(c.value) for f, c in sorted(latest.items())}
        current = {f: decode(stored[f].value) for f in sorted(latest) if f in stored}
        loser_hlc = max(c.hlc for c in latest.values())
        values = {
            "table_name": key[0],
            "row_id": key[1],
            "field": "",
            "winner_value": json.dumps(current, ensure_ascii=False),
            "winner_hlc": max((stored[f].hlc for f in current), default=""),
            "winner_device": "",
            "loser_value": json.dumps(theirs, ensure_ascii=False),
            "loser_hlc": loser_hlc,
            "loser_device": self.who.device_id,
            "kind": "handover",
            "handed_over_by": self.who.user_id,
        }
        row_id = handover_id(*key, loser_hlc, self.who.device_id)
        return self._conflict(key, row_id, values, case_id)

    def _stored_fields(self, key: Key) -> dict[str, FieldState]:
        """The values in force of a row (it may not be in this batch's final pool)."""
        if key not in self.stored:
            self.scope.read_stored([key])
        return self.stored.get(key, {})

    def _conflict(self, about: Key, row_id: str, values: dict, case_id: str | None = None) -> int:
        """A Conflict row, written through the log like any row, in the case of the row
        it is about (parked with it while that has none)."""
        key = ("conflict", row_id)
        if (
            key in self.stored
            or self.conn.execute(
                sa.select(s.field_state.c.row_id).where(
                    s.field_state.c.table_name == key[0], s.field_state.c.row_id == key[1]
                )
            ).first()
        ):
            return 0
        case_id = case_id or self.scope.case.get(about)
        stamp = self.clock.now().encode()
        values = {
            "kind": "text",
            "handed_over_by": None,
            **values,
            "case_id": case_id,
            "resolved": False,
            "resolution": "",
            "deleted": False,
        }
        self.stored[key] = {}
        for field, value in values.items():
            entry = s.office_change(key, field, value, stamp)
            self.log.append(tuple(entry[name] for name in _LOG_COLUMNS))
            state = FieldState(entry["value"], stamp, s.OFFICE)
            self.stored[key][field] = state
            self.dirty[(key, field)] = state
        if case_id:
            self.conn.execute(
                s.row_case.insert().values(table_name=key[0], row_id=key[1], case_id=case_id)
            )
        else:
            self.scope.park([key])
        return 1

    def _flush(self) -> None:
        """Write the log and the winning field values in a few statements."""
        seal = self.sealer.seal
        received = (
            keyed_sql.sqlite_time(self.now) if self.conn.dialect.name == "sqlite" else self.now
        )
        keyed_sql.insert_tuples(
            self.conn,
            "changes",
            (*_LOG_COLUMNS, "received_at"),
            [
                (i, t, r, f, seal(t, r, f, v), h, d, u, received)
                for i, t, r, f, v, h, d, u in self.log
            ],
        )
        keyed_sql.insert_rows(self.conn, s.superseded_changes, self.superseded)
        updates, inserts = [], []
        for (key, field), st in self.dirty.items():
            value = seal(key[0], key[1], field, st.value)
            if (key, field) in self.scope.existing:
                updates.append((value, st.hlc, st.device_id, key[0], key[1], field))
            else:
                inserts.append((key[0], key[1], field, value, st.hlc, st.device_id))
        keyed_sql.update_fields(self.conn, updates)
        keyed_sql.insert_tuples(self.conn, "field_state", _FIELD_COLUMNS, inserts)


def _text_conflict(copy: ConflictCopy) -> dict:
    return {
        "table_name": copy.table,
        "row_id": copy.row_id,
        "field": copy.field,
        "winner_value": copy.winner_value,
        "winner_hlc": copy.winner_hlc,
        "winner_device": copy.winner_device,
        "loser_value": copy.loser_value,
        "loser_hlc": copy.loser_hlc,
        "loser_device": copy.loser_device,
    }


_LOG_COLUMNS = ("change_id", "table_name", "row_id", "field", "value", "hlc", "device_id",
                "user_id")  # fmt: skip
_FIELD_COLUMNS = ("table_name", "row_id", "field", "value", "hlc", "device_id")
