"""The laptop's side of sync (no Qt): enrol once, then push the outbox and pull what the
office has, page by page. Each page is applied together with the new cursor in one
transaction, so a crash at any point resumes without loss or duplicates."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import Role
from ..storage.casefile import CaseFile
from ..storage.changelog import decode_value
from ..storage.orm import change_log, field_clock, sync_pending, table_of
from .hlc import HybridLogicalClock, Timestamp
from .merge import apply_pulled
from .protocol import MAX_PULL_LIMIT, EnrolRequest, PullResponse, PushRequest
from .transport import SyncError, Transport

log = logging.getLogger(__name__)

PUSH_BATCH = 2000
# Local fields that hold the id of a user: remapped to the server's id at enrolment.
USER_ID_FIELDS = {
    m.Case: ("caseworker_id",),
    m.TraumaReferral: ("caseworker_id",),
    m.TraumaPlacement: ("caseworker_id",),
    m.ContactNote: ("author_id",),
    m.ReviewComment: ("author_id",),
    m.HelpPlan: ("approved_by",),
}


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    evicted_cases: int = 0
    seconds: float = 0.0


class SyncClient:
    def __init__(
        self,
        case_file: CaseFile,
        transport: Transport | None = None,
        hlc: HybridLogicalClock | None = None,
        pull_limit: int = MAX_PULL_LIMIT,  # fewer, larger pages: each is one transaction
        server_url: str | None = None,  # another address of the same office
    ):
        self.case_file = case_file
        self.engine = case_file.engine
        with self.engine.connect() as conn:
            enrolled_at = case_file.state(conn, "server_url")
            token = case_file.state(conn, "device_token")
            last = case_file.state(conn, "hlc")
        self.server_url = (server_url or enrolled_at) if enrolled_at else None
        self.transport = transport or (
            Transport(self.server_url, token) if self.server_url else None
        )
        self.hlc = hlc or HybridLogicalClock(
            case_file.device_id,
            clock=case_file.clock.time,
            last=Timestamp.decode(last) if last else None,
        )
        self.pull_limit = pull_limit

    @property
    def enrolled(self) -> bool:
        return self.transport is not None and self.server_url is not None

    # --- enrolment ---------------------------------------------------------------------

    @classmethod
    def enrol(cls, case_file: CaseFile, server_url: str, code: str) -> m.User:
        """Register this laptop with a one-time code. The local user takes the server's
        user id, role and team (rewritten in the rows and the unsent changes)."""
        recovery = case_file.key_file.recovery
        request = EnrolRequest(
            code=code.strip(),
            device_id=case_file.device_id,
            device_name=case_file.key_file.user,
            recovery_wrap=dataclasses.asdict(recovery) if recovery else None,
        )
        transport = Transport(server_url)
        try:
            response = transport.enrol(request)
        finally:
            transport.close()
        user = response.user
        with case_file.engine.begin() as conn:
            old_id = case_file.state(conn, "user_id")
            if old_id != user.id:
                _remap_user(conn, old_id, user.id)
            users = table_of(m.User)
            conn.execute(
                users.update()
                .where(users.c.id == user.id)
                .values(
                    username=user.username,
                    display_name=user.display_name,
                    role=Role(user.role),
                    team_id=user.team_id,
                )
            )
            case_file.set_state(conn, "user_id", user.id)
            case_file.set_state(conn, "server_url", server_url)
            case_file.set_state(conn, "device_token", response.token)  # inside the encrypted file
            case_file.set_state(conn, "sync_cursor", 0)
        return m.User(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=Role(user.role),
            team_id=user.team_id,
        )

    # --- sync --------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        if not self.enrolled:
            raise SyncError("Dieses Gerät ist noch nicht beim Landratsamt angemeldet.")
        started = time.perf_counter()
        report = SyncReport()
        self.push(report)
        self.pull(report)
        self.refresh_directory()
        with self.engine.begin() as conn:
            self.case_file.set_state(
                conn, "last_sync_at", datetime.now(UTC).isoformat(timespec="seconds")
            )
        report.seconds = time.perf_counter() - started
        log.info(
            "sync: pushed %d, pulled %d, conflicts %d, rejected %d, %.3f s",
            report.pushed,
            report.pulled,
            report.conflicts,
            report.rejected,
            report.seconds,
        )
        return report

    def refresh_directory(self) -> None:
        """Staff names, roles and teams from the office: reference data, kept as the office
        has it (not in the change log). The local user's role and team follow too."""
        directory = self.transport.directory()
        users, teams = table_of(m.User), table_of(m.Team)
        new = {"updated_hlc": "", "deleted": False}
        with self.engine.begin() as conn:
            for team in directory.teams:
                values = {"name": team.name}
                if not conn.execute(teams.update().where(teams.c.id == team.id), values).rowcount:
                    conn.execute(
                        teams.insert(),
                        {"id": team.id, **new, **values},
                    )
            for user in directory.users:
                values = {
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": Role(user.role),
                    "team_id": user.team_id,
                }
                if not conn.execute(users.update().where(users.c.id == user.id), values).rowcount:
                    conn.execute(
                        users.insert(),
                        {"id": user.id, **new, **values},
                    )

    def push(self, report: SyncReport) -> None:
        while True:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql(_UNPUSHED, (PUSH_BATCH,)).mappings().all()
            if not rows:
                return
            rows = _whole_writes(rows)
            request = PushRequest.model_validate(
                {
                    "changes": [
                        {
                            "change_id": r["change_id"],
                            "table": r["table_name"],
                            "row_id": r["row_id"],
                            "field": r["field"],
                            "value": r["value"],
                            "hlc": r["hlc"],
                            "base_hlc": r["base_hlc"],
                        }
                        for r in rows
                    ]
                }
            )
            response = self.transport.push(request)
            with self.engine.begin() as conn:  # acknowledged: never sent again
                conn.exec_driver_sql(_MARK_PUSHED, [(r["seq"],) for r in rows])
            report.pushed += response.accepted
            report.duplicates += response.duplicates
            report.rejected += len(response.rejected)
            for rejected in response.rejected:
                log.warning("change %s rejected by the office", rejected.change_id)

    def pull(self, report: SyncReport) -> None:
        with self.engine.connect() as conn:
            cursor = int(self.case_file.state(conn, "sync_cursor") or 0)
        while True:
            page = self.transport.pull(cursor, self.pull_limit)
            with self.engine.begin() as conn:
                self._apply(conn, page, report)
                self.case_file.set_state(conn, "sync_cursor", page.next_cursor)
                self.case_file.set_state(conn, "hlc", self.hlc.last.encode())
            cursor = page.next_cursor
            if not page.more:
                return

    # --- applying a page ---------------------------------------------------------------

    def _apply(self, conn: sa.Connection, page: PullResponse, report: SyncReport) -> None:
        """Apply one page: newer values win per field (by HLC); rows that do not exist yet
        wait in sync_pending until all their required fields are here. Batched per page:
        one read of the field clocks, one executemany per table and set of fields."""
        for case_id in page.evict_cases:
            evict_case(conn, case_id)
            report.evicted_cases += 1
        changes = [c for c in page.changes if c.table in m.BY_TABLE]
        if not changes:
            return
        self.hlc.observe(Timestamp.decode(max(c.hlc for c in changes)))
        clocks = _clocks_for(conn, {(c.table, c.row_id) for c in changes})
        newest: dict[tuple[str, str, str], object] = {}
        for change in changes:  # within a page, too, only the newest value of a field counts
            key = (change.table, change.row_id, change.field)
            current = newest[key].hlc if key in newest else clocks.get(key)
            if apply_pulled(current, change.hlc):
                newest[key] = change
        if not newest:
            return
        report.pulled += len(newest)
        conn.exec_driver_sql(_SET_CLOCK, [(t, r, f, c.hlc) for (t, r, f), c in newest.items()])
        by_row: dict[tuple[str, str], dict[str, object]] = {}
        for (table, row_id, field), change in newest.items():
            by_row.setdefault((table, row_id), {})[field] = change
        existing = _existing_rows(conn, by_row)
        updates: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
        new_rows = {}
        for (table, row_id), fields in by_row.items():
            if (table, row_id) not in existing:
                new_rows[(table, row_id)] = {f: (c.value, c.hlc) for f, c in fields.items()}
                continue
            cls = m.BY_TABLE[table]
            params = {f"v_{f}": decode_value(cls, f, c.value) for f, c in fields.items()}
            params["v_updated_hlc"] = max(c.hlc for c in fields.values())
            params["row"] = row_id
            updates.setdefault((table, tuple(sorted(fields))), []).append(params)
        for (table, names), params in updates.items():
            t = table_of(m.BY_TABLE[table])
            values = {n: sa.bindparam(f"v_{n}") for n in (*names, "updated_hlc")}
            conn.execute(t.update().where(t.c.id == sa.bindparam("row")).values(values), params)
        if new_rows:
            report.conflicts += _insert_new_rows(conn, new_rows)


def _insert_new_rows(conn: sa.Connection, new_rows: dict) -> int:
    """Insert the rows whose every required field has arrived (in this page or earlier
    ones, kept in sync_pending); park the fields of the others in sync_pending. Returns
    the number of conflicts inserted."""
    pending = _pending_for(conn, list(new_rows))
    complete: dict[type[m.Record], list[dict]] = {}
    parked, done = [], []
    for (table, row_id), fields in new_rows.items():
        cls = m.BY_TABLE[table]
        known = {**pending.get((table, row_id), {}), **fields}  # field -> (JSON, hlc)
        if not _REQUIRED[cls] <= known.keys():
            parked.extend((table, row_id, f, v, h) for f, (v, h) in fields.items())
            continue
        record = cls(id=row_id, **{f: decode_value(cls, f, v) for f, (v, _) in known.items()})
        record.updated_hlc = max(h for _, h in known.values())
        complete.setdefault(cls, []).append(
            {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        )
        if (table, row_id) in pending:
            done.append((table, row_id))
    if parked:
        conn.exec_driver_sql(_SET_PENDING, parked)
    for cls in m.SYNCABLE:  # parents before children
        if cls in complete:
            conn.execute(table_of(cls).insert(), complete[cls])
    if done:
        conn.exec_driver_sql(_DROP_PENDING, done)
    return len(complete.get(m.Conflict, ()))


_UNPUSHED = (
    "SELECT seq, change_id, table_name, row_id, field, value, hlc, base_hlc FROM change_log"
    " WHERE pushed = 0 ORDER BY seq LIMIT ?"
)
_MARK_PUSHED = "UPDATE change_log SET pushed = 1 WHERE seq = ?"
_REQUIRED = {
    cls: frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    for cls in m.SYNCABLE
}
_SET_CLOCK = (
    "INSERT INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc"
)
_SET_PENDING = (
    "INSERT INTO sync_pending (table_name, row_id, field, value, hlc) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (table_name, row_id, field) DO UPDATE"
    " SET value = excluded.value, hlc = excluded.hlc"
)
_DROP_PENDING = "DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?"


def _by_table(keys) -> dict[str, list[str]]:
    """Row ids grouped by table, sorted, for `table_name = ? AND row_id IN (...)`: the
    primary keys of field_clock and sync_pending start with (table_name, row_id)."""
    grouped: dict[str, list[str]] = {}
    for table, row_id in keys:
        grouped.setdefault(table, []).append(row_id)
    return {table: sorted(set(ids)) for table, ids in grouped.items()}


def _clocks_for(conn: sa.Connection, keys) -> dict[tuple[str, str, str], str]:
    clocks: dict[tuple[str, str, str], str] = {}
    for table, ids in _by_table(keys).items():
        for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row_id, field, hlc in conn.exec_driver_sql(
                "SELECT row_id, field, hlc FROM field_clock"
                f" WHERE table_name = ? AND row_id IN ({marks})",
                (table, *chunk),
            ):
                clocks[(table, row_id, field)] = hlc
    return clocks


def _pending_for(conn: sa.Connection, keys) -> dict[tuple[str, str], dict[str, tuple]]:
    """Fields of these rows that earlier pages left in sync_pending."""
    found: dict[tuple[str, str], dict[str, tuple]] = {}
    if conn.exec_driver_sql("SELECT 1 FROM sync_pending LIMIT 1").first() is None:
        return found
    for table, ids in _by_table(keys).items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row_id, field, value, hlc in conn.exec_driver_sql(
                "SELECT row_id, field, value, hlc FROM sync_pending"
                f" WHERE table_name = ? AND row_id IN ({marks})",
                (table, *chunk),
            ):
                found.setdefault((table, row_id), {})[field] = (value, hlc)
    return found


def _existing_rows(conn: sa.Connection, rows) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for table, ids in _by_table(rows).items():
        name = table_of(m.BY_TABLE[table]).name
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                (table, i)
                for (i,) in conn.exec_driver_sql(
                    f"SELECT id FROM {name} WHERE id IN ({marks})", tuple(chunk)
                )
            )
    return found


def _whole_writes(rows: list) -> list:
    """A full batch must not end inside one write (the fields of one row with one HLC): the
    office places a row in its case by the row's link fields, which may come later in the
    same write. The cut-off write goes out whole with the next batch."""
    if len(rows) < PUSH_BATCH:
        return rows
    last = (rows[-1]["table_name"], rows[-1]["row_id"], rows[-1]["hlc"])
    whole = [r for r in rows if (r["table_name"], r["row_id"], r["hlc"]) != last]
    return whole or rows  # one write larger than a batch: send it as it is


def _remap_user(conn: sa.Connection, old_id: str, new_id: str) -> None:
    users = table_of(m.User)
    conn.execute(users.update().where(users.c.id == old_id).values(id=new_id))
    old_json, new_json = json.dumps(old_id), json.dumps(new_id)
    for cls, fields in USER_ID_FIELDS.items():
        table = table_of(cls)
        for name in fields:
            conn.execute(table.update().where(table.c[name] == old_id).values({name: new_id}))
            conn.execute(
                change_log.update()
                .where(
                    change_log.c.table_name == cls.table,
                    change_log.c.field == name,
                    change_log.c.value == old_json,
                )
                .values(value=new_json)
            )


def evict_case(conn: sa.Connection, case_id: str) -> None:
    """A case reassigned to someone else leaves this laptop completely (SECURITY.md 9)."""
    case_t = table_of(m.Case)
    case = conn.execute(sa.select(case_t).where(case_t.c.id == case_id)).mappings().first()
    doomed: list[tuple[type[m.Record], list[str]]] = []

    def ids(cls, column, values):
        if not values:
            return []
        t = table_of(cls)
        return list(conn.execute(sa.select(t.c.id).where(t.c[column].in_(values))).scalars())

    plans = ids(m.HelpPlan, "case_id", [case_id])
    doomed.append((m.HelpPlanEntry, ids(m.HelpPlanEntry, "help_plan_id", plans)))
    doomed.append((m.HelpPlan, plans))
    for cls in (m.CourseReferral, m.TraumaReferral, m.ContactNote, m.ReviewComment, m.Conflict):
        doomed.append((cls, ids(cls, "case_id", [case_id])))
    doomed.append((m.Case, [case_id]))
    if case is not None:
        other_cases = ids(m.Case, "client_id", [case["client_id"]])
        if set(other_cases) <= {case_id}:  # the client has no other case here
            client_t = table_of(m.Client)
            household = conn.execute(
                sa.select(client_t.c.household_id).where(client_t.c.id == case["client_id"])
            ).scalar()
            doomed.append((m.ConsentRecord, ids(m.ConsentRecord, "client_id", [case["client_id"]])))
            doomed.append((m.Client, [case["client_id"]]))
            members = ids(m.Client, "household_id", [household]) if household else []
            if household and set(members) <= {case["client_id"]}:
                doomed.append((m.Household, [household]))
    for cls, row_ids in doomed:
        if not row_ids:
            continue
        table = table_of(cls)
        conn.execute(table.delete().where(table.c.id.in_(row_ids)))
        for aux in (field_clock, sync_pending, change_log):
            conn.execute(
                aux.delete().where(aux.c.table_name == cls.table, aux.c.row_id.in_(row_ids))
            )
