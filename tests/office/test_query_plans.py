"""The office's hot queries keep plans that do not grow with its history (issue 16): asked
of the databases themselves with EXPLAIN, on SQLite and PostgreSQL. PostgreSQL plans by
its statistics, so it is shown a log of some size first (and told that scanning a table is
expensive, as it is on an office of millions of changes)."""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy as sa

from caseworker_desktop.office import keyed_sql, pull
from caseworker_desktop.office import schema as s
from caseworker_desktop.office.auth import Principal


def _principal(role: str = "caseworker") -> Principal:
    return Principal(user_id="a" * 32, username="anna", display_name="Anna", role=role,
                     team_id="b" * 32, device_id="c" * 32, stand_in=False)  # fmt: skip


def _fill(store, cases: int = 200, rows: int = 20) -> None:
    """A log of cases of other caseworkers, with evictions of other users."""
    now = s.utcnow()
    log, scoped, owners = [], [], []
    for _ in range(cases):
        case_id = uuid.uuid4().hex
        owners.append({"case_id": case_id, "caseworker_id": uuid.uuid4().hex,
                       "team_id": uuid.uuid4().hex, "kind": "case"})  # fmt: skip
        for _r in range(rows):
            row_id = uuid.uuid4().hex
            scoped.append({"table_name": "contact_note", "row_id": row_id, "case_id": case_id})
            log.append({"change_id": uuid.uuid4().hex, "table_name": "contact_note",
                        "row_id": row_id, "field": "kind", "value": '"phone"', "hlc": "h",
                        "device_id": "d" * 32, "user_id": "e" * 32,
                        "received_at": now})  # fmt: skip
        log.append({**log[-1], "change_id": uuid.uuid4().hex, "table_name": s.EVICT_TABLE,
                    "row_id": case_id, "field": "user",
                    "value": json.dumps(uuid.uuid4().hex)})  # fmt: skip
    with store.write() as conn:
        conn.execute(s.cases.insert(), owners)
        conn.execute(s.row_case.insert(), scoped)
        conn.execute(s.changes.insert(), log)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE")


def _plan(conn: sa.Connection, query) -> str:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET enable_seqscan = off")  # as on a big office
        sql = query.compile(conn, compile_kwargs={"literal_binds": True})
        return "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))
    sql = query.compile(conn, compile_kwargs={"literal_binds": True})
    return "\n".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.fixture
def filled(store):
    _fill(store)
    return store


def test_evictions_are_found_by_their_recipient(filled):
    with filled.engine.connect() as conn:
        plan = _plan(conn, pull.user_evictions(_principal(), 0, 10**9, 100))
    assert "ix_changes_evict" in plan, plan


@pytest.mark.parametrize("role", ["caseworker", "team_lead", "coordinator"])
def test_new_changes_are_walked_in_log_order_and_checked_one_by_one(filled, role):
    """Never a join that starts from the caseload (PostgreSQL chose a semi-join over all of
    row_case for the correlated EXISTS a few thousand changes behind)."""
    with filled.engine.connect() as conn:
        head = pull.head_seq(conn)
        plan = _plan(conn, pull._visible_changes(_principal(role), head - 3000, head, 1000))
    if filled.url.startswith("postgresql"):
        assert "SubPlan" in plan and "changes_pkey" in plan, plan
        assert "Hash" not in plan and "Semi Join" not in plan, plan
    else:
        first = plan.splitlines()[0]
        assert "changes USING INTEGER PRIMARY KEY" in first, plan
        assert "CORRELATED SCALAR SUBQUERY" in plan, plan


@pytest.mark.parametrize("role", ["caseworker", "team_lead"])
def test_a_pull_far_behind_goes_from_the_cases_to_their_rows_changes(filled, role, monkeypatch):
    """Through the caseload (pull.caseload_changes): the user's cases by their index, their
    rows by row_case's index of cases, each row's changes by ix_changes_row; never a scan
    of the log or of row_case."""
    with filled.engine.connect() as conn:
        head = pull.head_seq(conn)
        rows = _plan(conn, pull.caseload_rows(_principal(role)))
        keys = [
            tuple(r)
            for r in conn.exec_driver_sql("SELECT table_name, row_id FROM row_case LIMIT 3")
        ]
        sent = _statements(
            conn,
            monkeypatch,
            lambda: list(pull._row_changes(conn, keys, head - 50_000, head, 1000)),
        )
        if conn.dialect.name == "postgresql":
            ((sql, params),) = sent
            changes = "\n".join(r[0] for r in keyed_sql.rows_of(conn, f"EXPLAIN {sql}", params))
            assert "ix_row_case_case_id" in rows and "Seq Scan" not in rows, rows
            assert "ix_changes_row" in changes and "Hash" not in changes, changes
            assert "Seq Scan" not in changes, changes
            return
        (sql,) = sent
        changes = " ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SEARCH row_case USING INDEX ix_row_case_case_id" in rows, rows
    assert "SCAN" not in rows, rows
    assert "SEARCH changes USING INDEX ix_changes_row" in changes and "SCAN" not in changes


def _statements(conn, monkeypatch, run) -> list:
    """The SELECTs that `run` sends: SQLite's as executed (values in place), PostgreSQL's
    as (sql, params) through keyed_sql.rows_of."""
    if conn.dialect.name == "postgresql":
        sent = []
        real = keyed_sql.rows_of

        def recording(c, sql, params):
            sent.append((sql, params))
            return real(c, sql, params)

        monkeypatch.setattr(keyed_sql, "rows_of", recording)
        run()
        return sent
    statements: list[str] = []
    conn.connection.driver_connection.set_trace_callback(statements.append)
    try:
        run()
    finally:
        conn.connection.driver_connection.set_trace_callback(None)
    return [q for q in statements if q.startswith("SELECT")]


def test_rows_are_deleted_and_reread_by_their_key(filled):
    """No row-value IN (VALUES ...): SQLite scanned all of field_state with it."""
    with filled.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            pytest.skip("the scan was SQLite's")
        statements: list[str] = []
        conn.connection.driver_connection.set_trace_callback(statements.append)
        with conn.begin():
            keyed_sql.delete_keys(
                conn, s.unscoped_rows, [("client", "f" * 32), ("household", "e" * 32)]
            )
            list(keyed_sql.select_keys(conn, s.field_state, "field", [("client", "f" * 32)]))
        conn.connection.driver_connection.set_trace_callback(None)
        statements = [q for q in statements if q.startswith(("DELETE", "SELECT"))]
        assert len(statements) == 3
        for sql in statements:
            plan = " ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)
