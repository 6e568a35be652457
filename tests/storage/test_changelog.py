"""Change capture: every write through the services records its field-level changes with a
hybrid logical clock and an audit event, in the same transaction."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain import codec
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import AuditAction, ContactKind, LifeArea
from caseworker_desktop.domain.errors import ValidationError
from caseworker_desktop.domain.hlc import Timestamp
from caseworker_desktop.storage.orm import audit_event, change_log
from tests.helpers import new_client


def _changes(conn, row_id=None):
    query = sa.select(change_log).order_by(change_log.c.seq)
    if row_id:
        query = query.where(change_log.c.row_id == row_id)
    return list(conn.execute(query).mappings())


def test_insert_records_every_field_with_one_hlc(services):
    client, _ = new_client(services)
    with services.ctx.read() as conn:
        rows = _changes(conn, client.id)
    fields = {r["field"] for r in rows}
    assert {"first_name", "last_name", "birth_date", "household_id", "deleted"} <= fields
    assert "id" not in fields and "updated_hlc" not in fields
    assert len({r["hlc"] for r in rows}) == 1
    assert rows[0]["hlc"] == client.updated_hlc
    by_field = {r["field"]: r["value"] for r in rows}
    assert by_field["first_name"] == '"Olena"'
    assert by_field["birth_date"] == '"1985-03-02"'
    assert codec.decode_value(m.Client, "birth_date", by_field["birth_date"]) == date(1985, 3, 2)


def test_update_records_only_changed_fields_with_a_later_hlc(services, clock):
    client, _ = new_client(services)
    clock.advance(1)
    updated = services.clients.update(client.id, phone="0176 1234567", last_name="Kovalenko")
    with services.ctx.read() as conn:
        rows = _changes(conn, client.id)
    latest = [r for r in rows if r["hlc"] == updated.updated_hlc]
    assert [r["field"] for r in latest] == ["phone"]
    assert Timestamp.decode(updated.updated_hlc) > Timestamp.decode(client.updated_hlc)


def test_update_without_change_writes_nothing(services):
    client, _ = new_client(services)
    with services.ctx.read() as conn:
        before = (
            len(_changes(conn)),
            conn.execute(sa.select(sa.func.count()).select_from(audit_event)).scalar(),
        )
    services.clients.update(client.id, first_name="Olena")
    with services.ctx.read() as conn:
        after = (
            len(_changes(conn)),
            conn.execute(sa.select(sa.func.count()).select_from(audit_event)).scalar(),
        )
    assert after == before


def test_delete_is_a_tombstone_in_the_log(services):
    _, case = new_client(services)
    note = services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf")
    services.cases.delete_note(note.id)
    assert services.cases.notes(case.id) == []
    with services.ctx.read() as conn:
        rows = _changes(conn, note.id)
        still_there = conn.exec_driver_sql(
            "SELECT deleted FROM contact_note WHERE id = ?", (note.id,)
        ).scalar()
    assert rows[-1]["field"] == "deleted" and rows[-1]["value"] == "true"
    assert still_there == 1


def test_failed_use_case_leaves_no_trace(services):
    """Validation fails after the household was written: the whole use case rolls back."""
    with services.ctx.read() as conn:
        counts_before = [
            conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in (change_log, audit_event)
        ]
    with pytest.raises(ValidationError) as info:
        new_client(services, first="  ", birth_date=date(2030, 1, 1))
    assert set(info.value.problems) == {"first_name", "birth_date"}
    with services.ctx.read() as conn:
        counts_after = [
            conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in (change_log, audit_event)
        ]
        households = conn.exec_driver_sql("SELECT count(*) FROM household").scalar()
    assert counts_after == counts_before
    assert households == 0


def test_every_change_has_an_audit_event(services):
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 5, 1), date(2027, 2, 1))
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    services.plans.update_entry(entry.id, measures="Bewerbung schreiben")
    events = services.history("help_plan_entry", entry.id)
    assert [e.action for e in events] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert events[1].detail == "measures"
    assert events[0].user_id == services.user.id


def test_hlc_survives_reopening(services, case_file, data_dir, clock):
    from caseworker_desktop.services import Services
    from caseworker_desktop.storage.casefile import CaseFile
    from tests.conftest import PASSPHRASE

    client, _ = new_client(services)
    case_file.lock()
    clock.advance(-3600)  # the laptop clock jumped back an hour
    reopened = CaseFile.open(data_dir, PASSPHRASE, clock=clock)
    try:
        later = Services(reopened, clock).clients.update(client.id, phone="1")
        assert Timestamp.decode(later.updated_hlc) > Timestamp.decode(client.updated_hlc)
    finally:
        reopened.lock()


def test_unsynced_count_counts_field_changes(services):
    assert services.unsynced_changes() == 0
    client, _ = new_client(services)
    n = services.unsynced_changes()
    assert n > 10
    services.clients.update(client.id, phone="07141 123")
    assert services.unsynced_changes() == n + 1


def test_audit_chain_detects_an_edited_row(services, case_file):
    new_client(services)
    assert case_file.verify() == []
    with case_file.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET detail = 'harmlos' WHERE seq = 2")
    problems = case_file.verify()
    assert any("Protokolleintrag 2" in p for p in problems)


def test_audit_chain_detects_a_deleted_row(services, case_file):
    new_client(services)
    with case_file.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_event WHERE seq = 3")
    assert any("Verkettung" in p for p in case_file.verify())


def test_acknowledged_changes_leave_the_file_after_a_week(services, case_file):
    """The change log keeps what the office acknowledged for a week; then the rows go, and
    once the free pages are a quarter of the file it is rewritten without them. Unsent
    changes stay, whatever their age."""
    from caseworker_desktop.storage.casefile import db_path
    from caseworker_desktop.sync import outbox

    for n in range(60):
        new_client(services, first=f"Name{n}", last="X" * 200)
    path = db_path(case_file.data_dir)

    def size() -> int:
        with case_file.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.stat().st_size

    assert case_file.release_free_pages() is False  # nothing free: no rewrite
    with case_file.engine.begin() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
        conn.exec_driver_sql("UPDATE change_log SET pushed = 1 WHERE seq % 4 != 0")
        sent = conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE pushed").scalar()
        now = int(services.ctx.clock.time() * 1000)
        assert outbox.drop_acknowledged(conn, now) == 0  # not a week old yet
        week = outbox.KEEP_ACKNOWLEDGED_DAYS * 86_400_000
        assert outbox.drop_acknowledged(conn, now + week + 1000) == sent
        left = conn.exec_driver_sql("SELECT count(*), max(pushed) FROM change_log").one()
    assert left == (total - sent, 0)
    before = size()
    assert case_file.release_free_pages() is True
    assert size() < before * 0.8


@pytest.mark.parametrize(
    "value",
    ['a\nb\t\x01\x7f\u2028"\\ ß', "\x00", "\ud800", 5, -(2**70), True, None, ""],
)
def test_values_are_logged_as_json_writes_them(value):
    """encode_value writes with orjson (fast) and falls back to json for what orjson
    refuses (a lone surrogate, a huge integer): the text is the same either way."""
    import json

    assert codec.encode_value(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("detail", ["first_name,last_name", 'Ölçü \x01\n\u2028"\\', "\udc80"])
def test_audit_links_hash_the_text_json_writes(detail):
    """The chain's hash input must not change between releases (old files are verified
    with it): orjson writes what json wrote, and json writes what orjson refuses."""
    import hashlib
    import hmac
    import json

    from caseworker_desktop.storage import audit

    body = {"id": "1" * 32, "at": "2026-11-24T09:00:00", "detail": detail, "action": "update"}

    def as_before(prev: str, key: bytes) -> str:
        payload = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hmac.new(key, f"{prev}|{payload}".encode(), hashlib.sha256).hexdigest()

    try:
        expected = as_before("0" * 64, b"k" * 32)
    except UnicodeEncodeError:  # a lone surrogate: refused before as now
        with pytest.raises(UnicodeEncodeError):
            audit.event_hash("0" * 64, body, b"k" * 32)
        return
    assert audit.event_hash("0" * 64, body, b"k" * 32) == expected
