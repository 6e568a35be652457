"""One push batch, applied in one transaction: which case every row belongs to (scoping),
whether the pushing user may write it, and the merge of every accepted change.

Scoping, resolved to a fixpoint over the batch plus the user's not-yet-scoped rows:
- a `case_file` row is its own case;
- rows with a `case_id` field belong to that case (a trauma referral without one is the
  caseworker's own consultation: their personal pseudo-case);
- a help plan entry belongs to its plan's case, a consent record to its client's case, a
  conflict without `case_id` to the case of the row it is about;
- a client belongs to the case whose `client_id` is the client, a household to the case
  of a client whose `household_id` it is.
A row keeps its case once it has one (`row_case`). A client, household or consent record
that no case points at yet is stored but parked for its user, invisible to everyone, until
a case of theirs claims it (see schema.unscoped_rows)."""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
from collections.abc import Sequence

import sqlalchemy as sa

from ..domain import model as m
from ..sync.hlc import HybridLogicalClock
from ..sync.merge import ConflictCopy, FieldChange, FieldState, MergeResult, merge
from ..sync.protocol import Change, PushResponse, Rejected
from . import schema as s
from .auth import PLANNING_CASE, Principal, may_see, works_on_cases
from .schema import Key

REFERENCE_TABLES = frozenset({"organisation", "municipality", "team", "app_user"})
# Rows with a `case_id` field.
CASE_LINKED = frozenset(
    (
        "help_plan",
        "course_referral",
        "trauma_referral",
        "contact_note",
        "review_comment",
        "trauma_placement",
        "conflict",
    )
)
PLANNING_TABLES = frozenset({"trauma_offer"})
# Without a case: a caseworker's own consultation, in their personal pseudo-case.
PERSONAL = frozenset({"trauma_referral", "trauma_placement"})
# The field that names a row's parent, and the parent's table.
LINK = {t: ("case_id", None) for t in CASE_LINKED} | {
    "help_plan_entry": ("help_plan_id", "help_plan"),
    "consent_record": ("client_id", "client"),
}
# Rows that name a child which then belongs to the same case (the other direction).
CLAIMS = {"case_file": ("client_id", "client"), "client": ("household_id", "household")}
# May exist before any case points at them.
PARKABLE = frozenset({"client", "household", "consent_record", "conflict"})
FIELDS = {
    cls.table: frozenset(f.name for f in dataclasses.fields(cls)) - {"id", "updated_hlc"}
    for cls in m.SYNCABLE
}
_HEX32 = re.compile(r"[0-9a-f]{32}")
_NS = uuid.UUID("5b0f7c0e-3f7a-4d52-9a51-2f1c8e0b6a11")  # fixed: ids must be reproducible

NOT_YOURS = "Diese Akte ist Ihnen nicht (mehr) zugewiesen; die Änderung wurde nicht übernommen."
NO_CASE = "Der Datensatz gehört zu keiner Akte, die dem Landratsamt bekannt ist."
OTHER_USER = "Der Datensatz gehört einer anderen Person."
NEW_CASE_FOR_OTHERS = (
    "Eine neue Akte kann nur mit sich selbst als zuständiger Fachkraft angelegt werden."
)
ADMIN = "Administratorinnen und Administratoren haben keinen Zugriff auf Falldaten."
COORDINATOR_ONLY = "Termine und Plätze der Traumaangebote plant die Koordination."
NO_CASE_FILES = "Die Koordination bearbeitet keine Fallakten."
REQUESTS_BY_CASEWORKERS = "Anfragen für Termine und Plätze stellen die Fachkräfte."
REASSIGN = "Die Zuständigkeit für eine Akte ändert das Landratsamt (Umverteilung)."
MOVE = "Ein Datensatz kann nicht in eine andere Akte verschoben werden."
_PARK = "park"  # verdict: keep, but invisible until a case claims the row


def personal_case_id(user_id: str) -> str:
    """The pseudo-case of a caseworker's own trauma consultations."""
    return uuid.uuid5(_NS, f"own-consultations/{user_id}").hex


def conflict_id(table: str, row_id: str, field: str, loser_hlc: str) -> str:
    """Deterministic, so that the same lost text never yields two conflicts."""
    return uuid.uuid5(_NS, f"conflict/{table}/{row_id}/{field}/{loser_hlc}").hex


def _decode(raw: str | None) -> object:
    try:
        return json.loads(raw) if raw is not None else None
    except (ValueError, RecursionError):
        return None


def _ref(raw: str | None) -> str | None:
    """A row id from a JSON field value; None for null, missing or malformed ids."""
    value = _decode(raw)
    return value if isinstance(value, str) and _HEX32.fullmatch(value) else None


def _problem(change: Change) -> str | None:
    """What is wrong with a change on its own, before any case is looked at."""
    if change.table in REFERENCE_TABLES:
        return "Stammdaten pflegt das Landratsamt; Änderungen vom Laptop werden nicht übernommen."
    if change.table not in FIELDS:
        return f"Unbekannte Tabelle „{change.table}“."
    if change.field not in FIELDS[change.table]:
        return f"Unbekanntes Feld „{change.field}“ in „{change.table}“."
    try:
        json.loads(change.value)
    except (ValueError, RecursionError):
        return "Der Wert ist kein gültiges JSON."
    return None


class PushBatch:
    def __init__(self, conn: sa.Connection, who: Principal, clock: HybridLogicalClock):
        self.conn, self.who, self.clock = conn, who, clock
        self.rejected: list[Rejected] = []
        self.latest: dict[Key, dict[str, tuple[str, str]]] = {}  # batch: (hlc, value)
        self.stored: dict[Key, dict[str, FieldState]] = {}  # field_state of the pool
        self.known_case: dict[Key, str | None] = {}  # row_case as stored (cache)
        self.case: dict[Key, str] = {}  # resolved for this batch
        self.owner: dict[str, str | None] = {}  # owner of each case this batch may create
        self.cases: dict[str, sa.Row] = {}  # cases rows involved
        self.log: list[dict] = []  # `changes` rows to insert, in order
        self.dirty: dict[tuple[Key, str], FieldState] = {}  # field_state to write
        self.existing: set[tuple[Key, str]] = set()  # field_state rows already stored
        self.parked: set[Key] = set()  # rows this user parked before this batch
        self.refused_texts: list[Change] = []  # text refused because the case moved on
        self.superseded: list[dict] = []  # `superseded_changes` rows to insert
        self.now = s.utcnow()  # received_at of the whole batch

    # --- the whole batch ----------------------------------------------------------------

    def apply(self, batch: Sequence[Change]) -> PushResponse:
        if not works_on_cases(self.who):
            rejected = [Rejected(change_id=c.change_id, reason=ADMIN) for c in batch]
            return PushResponse(accepted=0, duplicates=0, conflicts=0, rejected=rejected)
        fresh, duplicates = self._fresh(batch)
        valid = []
        for change in fresh:
            problem = _problem(change)
            if problem:
                self._reject(change, problem)
            else:
                valid.append(change)
                fields = self.latest.setdefault((change.table, change.row_id), {})
                fields[change.field] = max(
                    fields.get(change.field, ("", "")), (change.hlc, change.value)
                )
        pool, foreign = self._pool(list(self.latest))
        self._resolve(pool)
        verdicts = self._verdicts(pool, foreign)
        allowed = [c for c in valid if self._check(c, verdicts)]
        self._scope(pool, verdicts)
        conflicts = sum(self._merge(c) for c in allowed)
        conflicts += sum(self._keep_refused_text(c) for c in self.refused_texts)
        self._flush()
        return PushResponse(
            accepted=len(allowed),
            duplicates=duplicates,
            conflicts=conflicts,
            rejected=self.rejected,
        )

    def _reject(self, change: Change, reason: str) -> None:
        self.rejected.append(Rejected(change_id=change.change_id, reason=reason))

    def _fresh(self, batch: Sequence[Change]) -> tuple[list[Change], int]:
        """Changes not seen before; `change_id` makes a re-sent batch harmless."""
        ids = list(dict.fromkeys(c.change_id for c in batch))
        seen: set[str] = set()
        for table in ("changes", "superseded_changes"):
            sql = f"SELECT change_id FROM {table} WHERE change_id IN"
            seen.update(change_id for (change_id,) in s.select_in(self.conn, sql, ids))
        fresh = []
        for change in batch:
            if change.change_id not in seen:
                seen.add(change.change_id)
                fresh.append(change)
        return fresh, len(batch) - len(fresh)

    # --- scoping ------------------------------------------------------------------------

    def _pool(self, keys: list[Key]) -> tuple[list[Key], set[Key]]:
        """The batch's rows plus the rows this user parked earlier (a case in this batch
        may claim them); rows someone else parked are not ours to touch."""
        parked = s.select_keys(self.conn, s.unscoped_rows, "user_id", keys)
        parked_by = {(t, r): user for t, r, user in parked}
        foreign = {k for k, user in parked_by.items() if user != self.who.user_id}
        mine = self.conn.execute(
            sa.select(s.unscoped_rows.c.table_name, s.unscoped_rows.c.row_id).where(
                s.unscoped_rows.c.user_id == self.who.user_id
            )
        ).all()
        self.parked = {tuple(k) for k in mine}
        pool = list(dict.fromkeys([k for k in keys if k not in foreign] + sorted(self.parked)))
        self.known_case.update(dict.fromkeys(pool))  # None: not in row_case (yet)
        for t, r, case_id in s.select_keys(self.conn, s.row_case, "case_id", pool):
            self.known_case[(t, r)] = case_id
        for t, r, field, *state in s.select_keys(
            self.conn, s.field_state, "field, value, hlc, device_id", pool
        ):
            self.stored.setdefault((t, r), {})[field] = FieldState(*state)
            self.existing.add(((t, r), field))
        return pool, foreign

    def value(self, key: Key, field: str) -> str | None:
        """A field's value once this batch is merged: the newer of batch and store."""
        stored = self.stored.get(key, {}).get(field)
        candidates = [self.latest.get(key, {}).get(field), stored and (stored.hlc, stored.value)]
        candidates = [c for c in candidates if c]
        return max(candidates)[1] if candidates else None

    def case_of(self, key: Key) -> str | None:
        if key[1] is None:
            return None
        if key in self.case:
            return self.case[key]
        if key not in self.known_case:
            self.known_case[key] = self.conn.execute(
                sa.select(s.row_case.c.case_id).where(
                    s.row_case.c.table_name == key[0], s.row_case.c.row_id == key[1]
                )
            ).scalar()
        return self.known_case[key]

    def _direct(self, key: Key) -> str | None:
        """The case a row names itself (through its own fields), if any."""
        table, row_id = key
        if table == "case_file":
            self.owner.setdefault(row_id, _ref(self.value(key, "caseworker_id")))
            return row_id
        if table in PLANNING_TABLES:
            return PLANNING_CASE
        if table not in LINK:
            return None  # client, household: claimed by the rows that name them
        field, parent = LINK[table]
        target = _ref(self.value(key, field))
        if parent is not None:
            return self.case_of((parent, target))
        if target:
            return target
        if table in PERSONAL:  # own consultation, no client case
            owner = _ref(self.value(key, "caseworker_id"))
            if owner:
                self.owner.setdefault(personal_case_id(owner), owner)
                return personal_case_id(owner)
        if table == "conflict":  # a conflict belongs to the case of the row it is about
            about = _decode(self.value(key, "table_name"))
            if isinstance(about, str):
                return self.case_of((about, _ref(self.value(key, "row_id"))))
        return None

    def _resolve(self, pool: list[Key]) -> None:
        in_pool = set(pool)
        for key in pool:
            if self.known_case.get(key):
                self.case[key] = self.known_case[key]
        changed = True
        while changed:
            changed = False
            for key in pool:
                if key not in self.case and (case_id := self._direct(key)):
                    self.case[key] = case_id
                    changed = True
            for key in pool:
                if key in self.case and key[0] in CLAIMS:
                    field, table = CLAIMS[key[0]]
                    child = (table, _ref(self.value(key, field)))
                    if child in in_pool and child not in self.case:
                        self.case[child] = self.case[key]
                        changed = True

    # --- authorisation ------------------------------------------------------------------

    def _verdicts(self, pool: list[Key], foreign: set[Key]) -> dict[Key, str | None]:
        """Per row: None = allowed, _PARK, or the German reason for refusing it."""
        ids = sorted({self.case[k] for k in pool if k in self.case})
        for part in s.chunks(ids):
            for row in self.conn.execute(sa.select(s.cases).where(s.cases.c.case_id.in_(part))):
                self.cases[row.case_id] = row
        verdicts: dict[Key, str | None] = dict.fromkeys(foreign, OTHER_USER)
        coordinator = self.who.role == "coordinator"
        for key in pool:
            case_id = self.case.get(key)
            if case_id == PLANNING_CASE:
                verdicts[key] = None if coordinator else COORDINATOR_ONLY
            elif coordinator:
                # The coordinator answers requests (assigns slots and places) but neither
                # makes them nor touches anything else of a case.
                if key[0] != "trauma_placement":
                    verdicts[key] = NO_CASE_FILES
                elif key in self.stored and case_id in self.cases:
                    verdicts[key] = None
                else:
                    verdicts[key] = REQUESTS_BY_CASEWORKERS
            elif case_id is None:
                verdicts[key] = _PARK if key[0] in PARKABLE else NO_CASE
            elif case := self.cases.get(case_id):
                verdicts[key] = (
                    None if may_see(self.who, case.caseworker_id, case.team_id) else NOT_YOURS
                )
            elif case_id not in self.owner or not self.owner[case_id]:
                verdicts[key] = NO_CASE
            elif self.owner[case_id] != self.who.user_id:
                verdicts[key] = NEW_CASE_FOR_OTHERS
            else:
                verdicts[key] = None  # a new case of the pushing user
        return verdicts

    def _check(self, change: Change, verdicts: dict[Key, str | None]) -> bool:
        """Whether this change is applied; a refused one is listed with its reason."""
        key = (change.table, change.row_id)
        reason = verdicts[key]
        if reason == _PARK:
            return True
        if reason is None:
            reason = self._field_problem(key, change)
        if reason is not None:
            self._reject(change, reason)
            if reason == NOT_YOURS:
                self.refused_texts.append(change)
        return reason is None

    def _keep_refused_text(self, change: Change) -> int:
        """Text written offline in a case that was reassigned meanwhile is refused, but
        not lost: it becomes a Conflict in that case, for whoever holds it now."""
        key = (change.table, change.row_id)
        if change.field not in m.BY_TABLE[change.table].text_fields:
            return 0
        current = self.stored.get(key, {}).get(change.field)
        if key not in self.case or (current is not None and current.value == change.value):
            return 0
        if current is None:  # a new row (e.g. a note): nothing in force, the text is kept
            current = FieldState(json.dumps(""), "", s.OFFICE)
        copy = ConflictCopy(
            table=change.table,
            row_id=change.row_id,
            field=change.field,
            winner_value=current.value,
            winner_hlc=current.hlc,
            winner_device=current.device_id,
            loser_value=change.value,
            loser_hlc=change.hlc,
            loser_device=self.who.device_id,
        )
        return self._conflict(key, copy)

    def _field_problem(self, key: Key, change: Change) -> str | None:
        """Fields that would move a row: the caseworker of a case is the office's to
        set, and a row cannot change its case (that would outrun `row_case`)."""
        case_id = self.case[key]
        if change.table == "case_file" and change.field == "caseworker_id":
            case = self.cases.get(case_id)
            owner = case.caseworker_id if case else self.owner.get(case_id)
            return None if _ref(change.value) == owner else REASSIGN
        link = LINK.get(change.table)
        if link and change.field == link[0] and (target := _ref(change.value)):
            named = target if link[1] is None else self.case_of((link[1], target))
            return None if named == case_id else MOVE
        return None

    def _scope(self, pool: list[Key], verdicts: dict[Key, str | None]) -> None:
        """Record new cases and the case of every newly scoped row; rows parked earlier
        that a case now claims are re-sent in the log (their first copies went to nobody)."""
        new_cases, scoped, parked, claimed = set(), [], [], []
        for key in pool:
            verdict = verdicts[key]
            if verdict == _PARK and key not in self.parked:
                parked.append(key)
            if verdict is not None or self.known_case.get(key):
                continue
            case_id = self.case[key]
            if case_id not in self.cases:
                new_cases.add(case_id)
            scoped.append({"table_name": key[0], "row_id": key[1], "case_id": case_id})
            if key in self.parked:
                claimed.append(key)
        if new_cases:
            self.conn.execute(
                s.cases.insert(),
                [
                    {"case_id": c, "caseworker_id": s.OFFICE, "team_id": None}
                    if c == PLANNING_CASE
                    else {
                        "case_id": c,
                        "caseworker_id": self.who.user_id,
                        "team_id": self.who.team_id,
                    }
                    for c in sorted(new_cases)
                ],
            )
        if scoped:
            self.conn.execute(s.row_case.insert(), scoped)
        if parked:
            self.conn.execute(
                s.unscoped_rows.insert(),
                [{"table_name": t, "row_id": r, "user_id": self.who.user_id} for t, r in parked],
            )
        for part in s.chunks(claimed):
            self.conn.execute(s.unscoped_rows.delete().where(s.keys_in(s.unscoped_rows, part)))
        if claimed:
            s.reappend(self.conn, claimed)

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
                {
                    "change_id": change.change_id,
                    "table_name": change.table,
                    "row_id": change.row_id,
                    "field": change.field,
                    "value": change.value,
                    "hlc": change.hlc,
                    "device_id": self.who.device_id,
                    "user_id": self.who.user_id,
                    "received_at": self.now,
                }
            )
        else:
            self.superseded.append({"change_id": change.change_id, "received_at": self.now})
        return self._conflict(key, conflict) if conflict else 0

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

    def _conflict(self, about: Key, copy: ConflictCopy) -> int:
        """Keep the losing text as a Conflict row, written through the log like any row,
        in the case of the row it is about (parked with it while that has none)."""
        key = ("conflict", conflict_id(copy.table, copy.row_id, copy.field, copy.loser_hlc))
        if (
            key in self.stored
            or self.conn.execute(
                sa.select(s.field_state.c.row_id).where(
                    s.field_state.c.table_name == key[0], s.field_state.c.row_id == key[1]
                )
            ).first()
        ):
            return 0
        case_id = self.case.get(about)
        stamp = self.clock.now().encode()
        values = {
            "table_name": copy.table,
            "row_id": copy.row_id,
            "field": copy.field,
            "winner_value": copy.winner_value,
            "winner_hlc": copy.winner_hlc,
            "winner_device": copy.winner_device,
            "loser_value": copy.loser_value,
            "loser_hlc": copy.loser_hlc,
            "loser_device": copy.loser_device,
            "case_id": case_id,
            "resolved": False,
            "resolution": "",
            "deleted": False,
        }
        self.stored[key] = {}
        for field, value in values.items():
            entry = s.office_change(key, field, value, stamp)
            self.log.append(entry)
            state = FieldState(entry["value"], stamp, s.OFFICE)
            self.stored[key][field] = state
            self.dirty[(key, field)] = state
        if case_id:
            self.conn.execute(
                s.row_case.insert().values(table_name=key[0], row_id=key[1], case_id=case_id)
            )
        else:
            self.conn.execute(
                s.unscoped_rows.insert().values(
                    table_name=key[0], row_id=key[1], user_id=self.who.user_id
                )
            )
        return 1

    def _flush(self) -> None:
        """Write the log and the winning field values in a few statements."""
        s.insert_rows(self.conn, s.changes, self.log)
        s.insert_rows(self.conn, s.superseded_changes, self.superseded)
        updates, inserts = [], []
        for (key, field), st in self.dirty.items():
            if (key, field) in self.existing:
                updates.append((st.value, st.hlc, st.device_id, key[0], key[1], field))
            else:
                inserts.append((key[0], key[1], field, st.value, st.hlc, st.device_id))
        s.execute_many(self.conn, _UPDATE_FIELD, updates)
        s.execute_many(self.conn, _INSERT_FIELD, inserts)


_UPDATE_FIELD = (
    "UPDATE field_state SET value = ?, hlc = ?, device_id = ?"
    " WHERE table_name = ? AND row_id = ? AND field = ?"
)
_INSERT_FIELD = (
    "INSERT INTO field_state (table_name, row_id, field, value, hlc, device_id)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
