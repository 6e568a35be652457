"""Applying a pulled page on the laptop (no Qt): newer values win per field (by HLC); rows
that do not exist yet wait in sync_pending until all their required fields are here.

Nothing another device sent may stop this laptop's sync: a value the domain cannot hold
(an unknown enum member, "abc" for a number, a malformed date or id, a field or table this
version does not know, a clock stamp beyond what the office allows) is put aside in
sync_quarantine and reported; the rest of the page applies."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import InvalidValue, decode_value
from ..domain.hlc import WALL_DIGITS, HybridLogicalClock, Timestamp, is_timestamp, wall_prefix
from ..storage import blobs, clocks
from ..storage.keyed import by_table, in_chunks
from ..storage.orm import (
    audit_remote,
    change_log,
    refused_change,
    row_clock,
    sync_pending,
    sync_quarantine,
    table_of,
)
from .merge import apply_pulled
from .protocol import MAX_CLOCK_AHEAD_MS, PullResponse, PurgeNotice

FUTURE_STAMP = "Zeitstempel liegt weiter in der Zukunft, als das Landratsamt zulässt."
BAD_STAMP = "Kein gültiger Zeitstempel."
UNKNOWN_TABLE = "Unbekannte Tabelle „{table}“."


@dataclasses.dataclass
class PageResult:
    pulled: int = 0
    conflicts: int = 0
    evicted: int = 0
    quarantined: int = 0
    purged: int = 0  # rows deleted because the office deleted them


def apply_page(conn: sa.Connection, page: PullResponse, hlc: HybridLogicalClock) -> PageResult:
    """Apply one page in the caller's transaction (the cursor is stored with it)."""
    result = PageResult()
    for case_id in page.evict_cases:
        evict_case(conn, case_id)
        result.evicted += 1
    for notice in page.purges:
        result.purged += purge(conn, notice)
    limit = wall_prefix(page.server_time_ms + MAX_CLOCK_AHEAD_MS)
    # (table, row id) -> field -> (JSON, hlc, value): the newest valid value of each field
    by_row: dict[tuple[str, str], dict[str, tuple[str, str, object]]] = {}
    quarantine = []
    stamps: dict[str, str | None] = {}  # each clock checked once: a snapshot's rows share them
    newest = ""
    for table, row_id, field, raw, stamp in _values(page):
        try:
            cls = m.BY_TABLE.get(table)
            if cls is None or table in _REFERENCE:
                raise InvalidValue(UNKNOWN_TABLE.format(table=table[:40]))
            if stamp not in stamps:
                stamps[stamp] = _stamp_problem(stamp, limit)
            if stamps[stamp] is not None:
                raise InvalidValue(stamps[stamp])
            value = decode_value(cls, field, raw)
        except InvalidValue as exc:
            quarantine.append((_now_text(), table, row_id, field, raw, stamp, str(exc)))
            continue
        fields = by_row.get((table, row_id))
        if fields is None:
            fields = by_row[(table, row_id)] = {}
        elif field in fields and fields[field][1] >= stamp:
            continue
        fields[field] = (raw, stamp, value)
        if stamp > newest:  # string order is clock order
            newest = stamp
    if quarantine:
        conn.exec_driver_sql(_QUARANTINE, quarantine)
        result.quarantined = len(quarantine)
    if not by_row:
        return result
    hlc.observe(Timestamp.decode(newest), check_drift=False)  # bounded by the office above
    held = clocks.read_many(conn, by_row)
    for key, had in held.items():  # only what is newer than what the fields hold here
        fields = {f: item for f, item in by_row[key].items() if apply_pulled(had.get(f), item[1])}
        if fields:
            by_row[key] = fields
        else:
            del by_row[key]
    if not by_row:
        return result
    result.pulled = sum(len(fields) for fields in by_row.values())
    merged = {key: held.get(key, {}) | {f: item[1] for f, item in fields.items()}
              for key, fields in by_row.items()}  # fmt: skip
    clocks.write(conn, merged, sent=True)  # these rows are at the office
    existing = _existing_rows(conn, by_row)
    updates: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    new_rows = {}
    for (table, row_id), fields in by_row.items():
        if (table, row_id) not in existing:
            new_rows[(table, row_id)] = fields
            continue
        params = {f"v_{f}": value for f, (_, _, value) in fields.items()}
        params["v_updated_hlc"] = max(stamp for _, stamp, _ in fields.values())
        params["row"] = row_id
        updates.setdefault((table, tuple(sorted(fields))), []).append(params)
    for (table, names), params in updates.items():
        t = table_of(m.BY_TABLE[table])
        values = {n: sa.bindparam(f"v_{n}") for n in (*names, "updated_hlc")}
        conn.execute(t.update().where(t.c.id == sa.bindparam("row")).values(values), params)
    if new_rows:
        result.conflicts = _insert_new_rows(conn, new_rows)
    return result


def _values(page: PullResponse) -> Iterator[tuple[str, str, str, str, str]]:
    """(table, row id, field, JSON value, clock) of every value on the page, in either
    form: changes, or a snapshot's rows (protocol.SnapshotRow)."""
    for c in page.changes:
        yield c.table, c.row_id, c.field, c.value, c.hlc
    for table, row_id, stamps, flat in page.rows:
        fields = flat[0::2]
        if len(stamps) == 1:  # every field of the row has the same
            stamps = stamps * len(fields)
        for field, raw, stamp in zip(fields, flat[1::2], stamps, strict=True):
            yield table, row_id, field, raw, stamp


def _stamp_problem(stamp: str, limit: str) -> str | None:
    """Why a clock stamp cannot be taken (malformed, or later than `limit`, the office's
    clock plus what it tolerates, as HLC wall digits), or None."""
    if not is_timestamp(stamp):
        return BAD_STAMP
    if stamp[:WALL_DIGITS] > limit:
        return FUTURE_STAMP
    return None


# The office keeps reference data out of the log; a change to it is nobody's to send.
_REFERENCE = frozenset({"organisation", "municipality", "team", "app_user"})


def _insert_new_rows(conn: sa.Connection, new_rows: dict) -> int:
    """Insert the rows whose every required field has arrived (in this page or earlier
    ones, kept in sync_pending); park the fields of the others in sync_pending. Returns
    the number of conflicts inserted. `new_rows`: (table, id) -> field -> (JSON, hlc,
    decoded value)."""
    pending = _pending_for(conn, list(new_rows))
    complete: dict[type[m.Record], list[dict]] = {}
    parked, done, bad = [], [], []
    for (table, row_id), fields in new_rows.items():
        cls = m.BY_TABLE[table]
        known = {}
        for field, (raw, stamp) in pending.get((table, row_id), {}).items():
            try:  # kept by an earlier release, which did not check
                known[field] = (raw, stamp, decode_value(cls, field, raw))
            except InvalidValue as exc:
                bad.append((table, row_id, field, raw or "", stamp, str(exc)))
        known.update(fields)
        if not _REQUIRED[cls] <= known.keys():
            parked.extend((table, row_id, f, v, h) for f, (v, h, _) in fields.items())
            continue
        values = {f: value for f, (_, _, value) in known.items()}
        values["id"], values["updated_hlc"] = row_id, max(h for _, h, _ in known.values())
        complete.setdefault(cls, []).append(values)
        if (table, row_id) in pending:
            done.append((table, row_id))
    if bad:
        at = _now_text()
        conn.exec_driver_sql(_QUARANTINE, [(at, *row) for row in bad])
        conn.exec_driver_sql(_DROP_PENDING_FIELD, [row[:3] for row in bad])
    if parked:
        conn.exec_driver_sql(_SET_PENDING, parked)
    for cls in m.SYNCABLE:  # parents before children
        if cls in complete:
            sql, columns = _insert_plan(cls, conn.dialect)
            conn.exec_driver_sql(sql, [
                tuple(bind(v.get(name, default) if factory is None else
                           v[name] if name in v else factory())
                      for name, default, factory, bind in columns)
                for v in complete[cls]
            ])  # fmt: skip
    if done:
        conn.exec_driver_sql(_DROP_PENDING, done)
    return len(complete.get(m.Conflict, ()))


@functools.cache
def _insert_plan(cls: type[m.Record], dialect: sa.Dialect) -> tuple[str, list[tuple]]:
    """The driver SQL that inserts a row of `cls`, and per column its name, its default
    (a value or a factory, as the dataclass gives it) and how SQLAlchemy would bind it:
    rows as SQLAlchemy writes them, without its cost per row (a third of a first sync)."""
    table = table_of(cls)
    columns = []
    for f in dataclasses.fields(cls):
        bind = table.c[f.name].type.bind_processor(dialect) or _same
        factory = None if f.default_factory is dataclasses.MISSING else f.default_factory
        default = None if f.default is dataclasses.MISSING else f.default
        columns.append((f.name, default, factory, bind))
    names = ", ".join(name for name, *_ in columns)
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table.name} ({names}) VALUES ({marks})", columns


def _same(value: object) -> object:
    return value


def _now_text() -> str:
    return datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


_QUARANTINE = (
    "INSERT INTO sync_quarantine (received_at, table_name, row_id, field, value, hlc, reason)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_REQUIRED = {
    cls: frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    for cls in m.SYNCABLE
}
_SET_PENDING = (
    "INSERT INTO sync_pending (table_name, row_id, field, value, hlc) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (table_name, row_id, field) DO UPDATE"
    " SET value = excluded.value, hlc = excluded.hlc"
)
_DROP_PENDING = "DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?"
_DROP_PENDING_FIELD = "DELETE FROM sync_pending WHERE table_name = ? AND row_id = ? AND field = ?"


def _pending_for(conn: sa.Connection, keys) -> dict[tuple[str, str], dict[str, tuple]]:
    """Fields of these rows that earlier pages left in sync_pending."""
    found: dict[tuple[str, str], dict[str, tuple]] = {}
    if conn.exec_driver_sql("SELECT 1 FROM sync_pending LIMIT 1").first() is None:
        return found
    sql = "SELECT row_id, field, value, hlc FROM sync_pending WHERE table_name = ? AND row_id IN"
    for table, ids in by_table(keys).items():
        for row_id, field, value, hlc in in_chunks(conn, sql, table, ids):
            found.setdefault((table, row_id), {})[field] = (value, hlc)
    return found


def _existing_rows(conn: sa.Connection, rows) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for table, ids in by_table(rows).items():
        name = table_of(m.BY_TABLE[table]).name
        sql = f"SELECT id FROM {name} WHERE id IN"
        found.update((table, i) for (i,) in in_chunks(conn, sql, None, ids))
    return found


def evict_case(conn: sa.Connection, case_id: str) -> None:
    """A case reassigned to someone else leaves this laptop completely (SECURITY.md 9),
    the values in its "nicht übernommen" entries too."""
    _drop(conn, _case_rows(conn, case_id))
    conn.execute(
        refused_change.update().where(refused_change.c.case_id == case_id).values(value=None)
    )


def purge(conn: sa.Connection, notice: PurgeNotice) -> int:
    """Rows the office deleted under the retention rules (or on request) go from this
    laptop with every trace kept of them: field clocks, pending and quarantined values,
    the change log, refused changes, others' audit events about them. Returns rows gone
    (0 where this laptop never held them)."""
    if notice.rows is None:
        pending = sync_pending.c  # rows of the case that never completed here
        of_case = sa.select(pending.row_id).where(
            pending.field == "case_id", pending.value == json.dumps(notice.case_id)
        )
        conn.execute(sync_pending.delete().where(pending.row_id.in_(of_case)))
        doomed = _case_rows(conn, notice.case_id)
        placements = table_of(m.TraumaPlacement)  # the coordinator's copy of the requests
        doomed.append((m.TraumaPlacement, list(conn.execute(
            sa.select(placements.c.id).where(placements.c.case_id == notice.case_id)
        ).scalars())))  # fmt: skip
    else:
        by_table: dict[str, list[str]] = {}
        for table, row_id in notice.rows:
            if table in m.BY_TABLE:
                by_table.setdefault(table, []).append(row_id)
        doomed = [(m.BY_TABLE[t], ids) for t, ids in by_table.items()]
    gone = _drop(conn, doomed)
    keys = [(cls.table, row_id) for cls, ids in doomed for row_id in ids]
    for part in range(0, len(keys), 400):
        chunk = keys[part : part + 400]
        for table in (refused_change, sync_quarantine):
            conn.execute(
                table.delete().where(sa.tuple_(table.c.table_name, table.c.row_id).in_(chunk))
            )
    if notice.rows is None:
        conn.execute(refused_change.delete().where(refused_change.c.case_id == notice.case_id))
    return gone


def _case_rows(conn: sa.Connection, case_id: str) -> list[tuple[type[m.Record], list[str]]]:
    """The rows of a case on this laptop; its client, their consents and household where
    no other case here needs them."""
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
    for cls in (m.CourseReferral, m.TraumaReferral, m.ContactNote, m.ReviewComment, m.Conflict,
                m.Reminder, m.Document):  # fmt: skip
        doomed.append((cls, ids(cls, "case_id", [case_id])))
    doomed.append((m.Case, [case_id]))
    if case is not None:
        other_cases = ids(m.Case, "client_id", [case["client_id"]])
        if set(other_cases) <= {case_id}:  # the client has no other case here
            client_t = table_of(m.Client)
            household = conn.execute(
                sa.select(client_t.c.household_id).where(client_t.c.id == case["client_id"])
            ).scalar()
            for cls in (m.ConsentRecord, m.DataMarker):
                doomed.append((cls, ids(cls, "client_id", [case["client_id"]])))
            doomed.append((m.Client, [case["client_id"]]))
            members = ids(m.Client, "household_id", [household]) if household else []
            if household and set(members) <= {case["client_id"]}:
                doomed.append((m.Household, [household]))
    return doomed


def _drop(conn: sa.Connection, doomed: list[tuple[type[m.Record], list[str]]]) -> int:
    """Delete these rows and what is kept about them (a document's content too, unless
    another document here has the same); returns the rows that were here."""
    gone = 0
    for cls, row_ids in doomed:
        if not row_ids:
            continue
        table = table_of(cls)
        gone += conn.execute(table.delete().where(table.c.id.in_(row_ids))).rowcount
        for aux in (row_clock, sync_pending, change_log):
            conn.execute(
                aux.delete().where(aux.c.table_name == cls.table, aux.c.row_id.in_(row_ids))
            )
        conn.execute(
            audit_remote.delete().where(
                audit_remote.c.entity == cls.table, audit_remote.c.entity_id.in_(row_ids)
            )
        )
    if any(cls is m.Document and row_ids for cls, row_ids in doomed):
        blobs.drop_unreferenced(conn)
    return gone
