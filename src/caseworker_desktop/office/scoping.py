"""Which case every row of a push belongs to, and whether the pushing user may write it.

Resolved to a fixpoint over the batch plus the rows this user parked that the batch may
claim (found by key, never by scanning everything parked):
- a `case_file` row is its own case; a new one is a case of the pushing user;
- rows with a `case_id` field belong to that case; a trauma referral or placement without
  one is the pusher's own consultation, in their personal pseudo-case (made by the office,
  with a random id, for the pusher only);
- a help plan entry belongs to its plan's case, a consent record to its client's case, a
  conflict without `case_id` to the case of the row it is about;
- a client belongs to the case whose `client_id` is the client, a household to the case of
  a client whose `household_id` it is.
A row keeps its case once it has one (`row_case`). A client, household, consent record or
conflict that no case points at yet is parked for its user (at most MAX_PARKED_ROWS),
invisible to everyone, until a case of theirs claims it."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable

import sqlalchemy as sa

from ..sync.merge import FieldState
from ..sync.protocol import Change
from . import keyed_sql
from . import schema as s
from .auth import PLANNING_CASE, Principal, may_see
from .schema import Key
from .sealing import Sealer, is_sealed

CASE_LINKED = frozenset(
    (
        "help_plan",
        "course_referral",
        "trauma_referral",
        "contact_note",
        "reminder",
        "document",
        "review_comment",
        "trauma_placement",
        "conflict",
    )
)
PLANNING_TABLES = frozenset({"trauma_offer"})
PERSONAL = frozenset({"trauma_referral", "trauma_placement"})
# The field that names a row's parent, and the parent's table (None: the case itself).
LINK = {t: ("case_id", None) for t in CASE_LINKED} | {
    "help_plan_entry": ("help_plan_id", "help_plan"),
    "consent_record": ("client_id", "client"),
    "data_marker": ("client_id", "client"),
}
# Rows that name a child which then belongs to the same case (the other direction).
CLAIMS = {"case_file": ("client_id", "client"), "client": ("household_id", "household")}
PARKABLE = frozenset({"client", "household", "consent_record", "data_marker", "conflict"})
MAX_PARKED_ROWS = 5_000
PARK = "park"  # verdict: keep, but invisible until a case claims the row
_HEX32 = re.compile(r"[0-9a-f]{32}")

NOT_YOURS = "Diese Akte ist Ihnen nicht (mehr) zugewiesen; die Änderung wurde nicht übernommen."
NO_CASE = "Der Datensatz gehört zu keiner Akte, die dem Landratsamt bekannt ist."
OTHER_USER = "Der Datensatz gehört einer anderen Person."
NEW_CASE_FOR_OTHERS = (
    "Eine neue Akte kann nur mit sich selbst als zuständiger Fachkraft angelegt werden."
)
OWN_CONSULTATION = "Eine eigene Fallberatung kann nur die Fachkraft selbst anfragen."
COORDINATOR_ONLY = "Termine und Plätze der Traumaangebote plant die Koordination."
NO_CASE_FILES = "Die Koordination bearbeitet keine Fallakten."
REQUESTS_BY_CASEWORKERS = "Anfragen für Termine und Plätze stellen die Fachkräfte."
NOT_A_CASE = "Diese Kennung gehört keiner Fallakte."
PURGED = (
    "Dieser Datensatz wurde nach den Aufbewahrungsregeln (oder auf Antrag) gelöscht und "
    "kann nicht wiederhergestellt werden."
)
TOO_MANY_PARKED = (
    f"Zu viele Einträge ohne Akte (höchstens {MAX_PARKED_ROWS:,}); bitte zuerst für die "
    "Klient:innen eine Akte anlegen und erneut abgleichen."
).replace(",", ".")


def decode(raw: str | None) -> object:
    try:
        return json.loads(raw) if raw is not None else None
    except (ValueError, RecursionError):
        return None


def ref(raw: str | None) -> str | None:
    """A row id from a JSON field value; None for null, missing or malformed ids."""
    value = decode(raw)
    return value if isinstance(value, str) and _HEX32.fullmatch(value) else None


class Scope:
    """The rows of one push with their stored state, their cases and the verdicts."""

    def __init__(self, conn: sa.Connection, who: Principal, sealer: Sealer):
        self.conn, self.who, self.sealer = conn, who, sealer
        self.latest: dict[Key, dict[str, tuple[str, str]]] = {}  # batch: field -> (hlc, value)
        self.stored: dict[Key, dict[str, FieldState]] = {}  # field_state of the pool
        self.existing: set[tuple[Key, str]] = set()  # field_state rows already stored
        self.known_case: dict[Key, str | None] = {}  # row_case as stored (cache)
        self.case: dict[Key, str] = {}  # resolved for this batch
        self.cases: dict[str, sa.Row] = {}  # `cases` rows involved
        # Cases this batch makes: id -> kind ("case", "personal"), or why it may not.
        self.new_cases: dict[str, str] = {}
        self.pool: list[Key] = []
        self.parked: set[Key] = set()  # pool rows this user parked before this batch
        self.foreign: set[Key] = set()  # rows someone else parked
        self._personal: str | None = None
        self._looked: set[Key] = set()  # keys already considered for the pool

    def add(self, change: Change) -> None:
        fields = self.latest.setdefault((change.table, change.row_id), {})
        fields[change.field] = max(fields.get(change.field, ("", "")), (change.hlc, change.value))

    # --- the pool: the batch's rows and the parked rows they may claim -----------------

    def load(self) -> None:
        self._grow(list(self.latest))
        grown = self.pool
        while grown:
            before = len(self.pool)
            self._grow(sorted(self._claimable(grown) - self._looked), parked_only=True)
            grown = self.pool[before:]

    def _grow(self, keys: list[Key], parked_only: bool = False) -> None:
        """Add rows to the pool with their stored state; `parked_only`: only those this
        user parked (candidates for a claim)."""
        keys = [k for k in dict.fromkeys(keys) if k not in self._looked]
        self._looked.update(keys)
        parked = {
            (t, r): user
            for t, r, user in keyed_sql.select_keys(self.conn, s.unscoped_rows, "user_id", keys)
        }
        for key in keys:
            if key in parked and parked[key] != self.who.user_id:
                self.foreign.add(key)
            elif key in parked:
                self.parked.add(key)
        added = [k for k in keys if k not in self.foreign and (not parked_only or k in self.parked)]
        self.pool.extend(added)
        self.known_case.update(dict.fromkeys(added))  # None: not in row_case (yet)
        for t, r, case_id in keyed_sql.select_keys(self.conn, s.row_case, "case_id", added):
            self.known_case[(t, r)] = case_id
        self.read_stored(added)

    def read_stored(self, keys: Iterable[Key]) -> None:
        """The stored fields of these rows into `stored` (sealed values opened) and
        `existing`: thousands on a push, so a plain loop."""
        stored, existing, open_sealed = self.stored, self.existing, self.sealer.open
        for t, r, field, value, hlc, device_id in keyed_sql.select_keys(
            self.conn, s.field_state, "field, value, hlc, device_id", keys
        ):
            key = (t, r)
            if is_sealed(value):
                value = open_sealed(t, r, field, value)
            fields = stored.get(key)
            if fields is None:
                fields = stored[key] = {}
            fields[field] = FieldState(value, hlc, device_id)
            existing.add((key, field))

    def _claimable(self, keys: Iterable[Key]) -> set[Key]:
        """Rows the given ones would claim: the client of a case, the household of a
        client, the rows parked with one of them as their parent."""
        found: set[Key] = set()
        for key in keys:
            if key[0] in CLAIMS:
                field, table = CLAIMS[key[0]]
                child = ref(self.value(key, field))
                if child:
                    found.add((table, child))
        # By the parent index alone (the user's index would walk all they parked).
        sql = (
            "SELECT table_name, row_id, user_id FROM unscoped_rows"
            " WHERE parent_table = ? AND parent_id IN"
        )
        by_table: dict[str, list[str]] = {}
        for table, row_id in keys:
            by_table.setdefault(table, []).append(row_id)
        for table, ids in by_table.items():
            for child_table, child_id, user_id in keyed_sql.select_in(self.conn, sql, ids, table):
                if user_id == self.who.user_id:
                    found.add((child_table, child_id))
        return found

    # --- values and cases ---------------------------------------------------------------

    def value(self, key: Key, field: str) -> str | None:
        """A field's value once this batch is merged: the newer of batch and store."""
        stored = self.stored.get(key, {}).get(field)
        candidates = [self.latest.get(key, {}).get(field), stored and (stored.hlc, stored.value)]
        candidates = [c for c in candidates if c]
        return max(candidates)[1] if candidates else None

    def exists(self, key: Key) -> bool:
        return bool(self.stored.get(key))

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

    def personal_case(self) -> str:
        """The pusher's own pseudo-case: looked up, or made now with a random id."""
        if self._personal is None:
            found = self.conn.execute(
                sa.select(s.cases.c.case_id).where(
                    s.cases.c.kind == "personal", s.cases.c.caseworker_id == self.who.user_id
                )
            ).scalar()
            if found is None:
                found = uuid.uuid4().hex
                self.new_cases[found] = "personal"
            self._personal = found
        return self._personal

    def _direct(self, key: Key) -> str | None:
        """The case a row names itself (through its own fields), if any."""
        table, row_id = key
        if table == "case_file":
            return row_id
        if table in PLANNING_TABLES:
            return PLANNING_CASE
        if table not in LINK:
            return None  # client, household: claimed by the rows that name them
        field, parent = LINK[table]
        target = ref(self.value(key, field))
        if parent is not None:
            return self.case_of((parent, target))
        if target:
            return target
        if table in PERSONAL:  # own consultation: the pusher's, or nobody's
            owner = ref(self.value(key, "caseworker_id"))
            return self.personal_case() if owner == self.who.user_id else None
        if table == "conflict":  # a conflict belongs to the case of the row it is about
            about = decode(self.value(key, "table_name"))
            if isinstance(about, str):
                return self.case_of((about, ref(self.value(key, "row_id"))))
        return None

    def resolve(self) -> None:
        in_pool = set(self.pool)
        for key in self.pool:
            if self.known_case.get(key):
                self.case[key] = self.known_case[key]
        changed = True
        while changed:
            changed = False
            for key in self.pool:
                if key not in self.case and (case_id := self._direct(key)):
                    self.case[key] = case_id
                    changed = True
            for key in self.pool:
                if key in self.case and key[0] in CLAIMS:
                    field, table = CLAIMS[key[0]]
                    child = (table, ref(self.value(key, field)))
                    if child in in_pool and child not in self.case:
                        self.case[child] = self.case[key]
                        changed = True
        ids = sorted({self.case[k] for k in self.pool if k in self.case})
        for part in keyed_sql.chunks(ids):
            for row in self.conn.execute(sa.select(s.cases).where(s.cases.c.case_id.in_(part))):
                self.cases[row.case_id] = row
        for key in self.pool:  # a case_file row the office does not know: a new case
            if key[0] == "case_file" and key[1] not in self.cases:
                owner = ref(self.value(key, "caseworker_id"))
                mine = owner == self.who.user_id and self.who.role != "coordinator"
                self.new_cases[key[1]] = "case" if mine else NEW_CASE_FOR_OTHERS

    # --- who may write which row --------------------------------------------------------

    def verdicts(self) -> dict[Key, str | None]:
        """Per row: None = allowed, PARK, or the German reason for refusing it."""
        verdicts: dict[Key, str | None] = dict.fromkeys(self.foreign, OTHER_USER)
        for key in self.pool:
            verdicts[key] = self._verdict(key)
        purged = {
            (t, r) for t, r, _one in keyed_sql.select_keys(self.conn, s.purged_rows, "1", self.pool)
        }
        verdicts.update(dict.fromkeys(purged, PURGED))
        new_parked = [k for k in self.pool if verdicts[k] == PARK and k not in self.parked]
        if new_parked:
            count = self.conn.execute(
                sa.select(sa.func.count())
                .select_from(s.unscoped_rows)
                .where(s.unscoped_rows.c.user_id == self.who.user_id)
            ).scalar()
            if count + len(new_parked) > MAX_PARKED_ROWS:
                verdicts.update(dict.fromkeys(new_parked, TOO_MANY_PARKED))
        return verdicts

    def _verdict(self, key: Key) -> str | None:
        case_id = self.case.get(key)
        coordinator = self.who.role == "coordinator"
        if case_id == PLANNING_CASE:
            return None if coordinator else COORDINATOR_ONLY
        if coordinator:
            # The coordinator answers requests (assigns slots and places) but neither
            # makes them nor touches anything else of a case.
            if key[0] != "trauma_placement":
                return NO_CASE_FILES
            return None if self.exists(key) and case_id in self.cases else REQUESTS_BY_CASEWORKERS
        if case_id is None:
            if key[0] in PERSONAL and ref(self.value(key, "case_id")) is None:
                return OWN_CONSULTATION
            return PARK if key[0] in PARKABLE else NO_CASE
        if case := self.cases.get(case_id):
            if key[0] == "case_file" and case.kind != "case":
                return NOT_A_CASE
            return None if may_see(self.who, case.caseworker_id, case.team_id) else NOT_YOURS
        if case_id in self.new_cases:  # made by this batch (or refused with a reason)
            kind = self.new_cases[case_id]
            return None if kind in ("case", "personal") else kind
        return NO_CASE

    def lost_by_reassignment(self, case_id: str) -> bool:
        """Whether the pusher held (or, as team lead, saw) this case until the office
        reassigned it: the eviction it sent them is the record."""
        return (
            self.conn.execute(
                sa.select(s.changes.c.seq)
                .where(
                    s.changes.c.table_name == s.EVICT_TABLE,
                    s.changes.c.row_id == case_id,
                    s.changes.c.value == json.dumps(self.who.user_id),
                )
                .limit(1)
            ).first()
            is not None
        )

    # --- recording what the batch decided -----------------------------------------------

    def record(self, verdicts: dict[Key, str | None]) -> None:
        """New cases, the case of every newly scoped row, newly parked rows; parked rows
        that a case now claims are re-sent in the log (their first copies went to nobody)."""
        scoped, parked, claimed = [], [], []
        for key in self.pool:
            verdict = verdicts[key]
            if verdict == PARK and key not in self.parked:
                parked.append(key)
            if verdict is not None or self.known_case.get(key):
                continue
            scoped.append({"table_name": key[0], "row_id": key[1], "case_id": self.case[key]})
            if key in self.parked:
                claimed.append(key)
        made = [c for c in {row["case_id"] for row in scoped} if c not in self.cases]
        if made:
            self.conn.execute(s.cases.insert(), [self._new_case(c) for c in sorted(made)])
        if scoped:
            keyed_sql.insert_rows(self.conn, s.row_case, scoped)
        if parked:
            self.park(parked)
        keyed_sql.delete_keys(self.conn, s.unscoped_rows, claimed)
        if claimed:
            s.reappend(self.conn, claimed)

    def _new_case(self, case_id: str) -> dict:
        if case_id == PLANNING_CASE:
            return {"case_id": case_id, "caseworker_id": s.OFFICE, "team_id": None,
                    "kind": "planning"}  # fmt: skip
        return {
            "case_id": case_id,
            "caseworker_id": self.who.user_id,
            "team_id": self.who.team_id,
            "kind": self.new_cases.get(case_id, "case"),
        }

    def park(self, keys: list[Key]) -> None:
        rows = []
        for table, row_id in keys:
            parent: tuple[str | None, str | None] = (None, None)
            if table in ("consent_record", "data_marker"):
                parent = ("client", ref(self.value((table, row_id), "client_id")))
            elif table == "conflict":
                about = decode(self.value((table, row_id), "table_name"))
                parent = (about if isinstance(about, str) else None,
                          ref(self.value((table, row_id), "row_id")))  # fmt: skip
            rows.append(
                {
                    "table_name": table,
                    "row_id": row_id,
                    "user_id": self.who.user_id,
                    "parent_table": parent[0],
                    "parent_id": parent[1],
                }
            )
        self.conn.execute(s.unscoped_rows.insert(), rows)
