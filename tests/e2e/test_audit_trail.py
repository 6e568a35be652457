"""The audit trail leaves the laptop (issue 12, item 2; SECURITY.md 15), on SQLite and
PostgreSQL: events go to the office, which keeps them append-only and lists who saw or
changed what; the chain is keyed, and a shortened, re-chained or rolled-back trail is found
by `verify` or at the next sync; the case history shows everyone's synced events."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import AuditAction, ContactKind, LifeArea
from caseworker_desktop.office import schema
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.services import Services
from caseworker_desktop.storage.audit import GENESIS_HASH, hash_body
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.protocol import AuditPush
from tests.conftest import PASSPHRASE
from tests.helpers import RELEASE, new_client
from tests.inprocess import Laptop


@pytest.fixture
def office(inprocess_office):
    return inprocess_office


@pytest.fixture
def desks(tmp_path, office):
    made = {
        name: Laptop(tmp_path, office, name, FakeClock(datetime.now(UTC)))
        for name in ("anna", "lena")
    }
    yield made
    for laptop in made.values():
        laptop.close()


def _assessed_case(services):
    _, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.referrals.assign_consultation(referral.id, date(2026, 11, 20))
    services.referrals.record_assessment(referral.id, outcome="Belastung", recommendation="Gruppe")
    services.referrals.view_trauma_referral(referral.id)
    return case, referral


def test_the_office_lists_who_saw_what_and_the_history_shows_everyone(
    desks, office, db_url, capsys
):
    anna, lena = desks["anna"], desks["lena"]
    case, referral = _assessed_case(anna.services)
    plan = anna.services.plans.create(
        case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1)
    )
    anna.services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Deutsch B1")
    anna.services.plans.agree(plan.id)
    assert anna.sync().audit_sent > 5
    lena.sync()
    lena.services.referrals.view_trauma_referral(referral.id)  # the team lead looks too
    lena.services.plans.approve(plan.id)
    lena.sync()
    assert anna.sync().audit_received >= 2

    history = anna.services.case_history(case.id)
    by_lena = [e for e in history if e.user_id == lena.services.user.id]
    assert {e.action for e in by_lena} >= {AuditAction.VIEW, AuditAction.UPDATE}
    assert [e.at for e in history] == sorted(e.at for e in history)

    assert office_main(["audit", "--db", db_url, "--case", case.reference]) == 0
    listed = capsys.readouterr().out
    views = [line for line in listed.splitlines() if "angesehen  Traumasprechstunde" in line]
    assert any("Anna" in v for v in views) and any("Lena" in v for v in views)
    assert office_main(["audit", "--db", db_url, "--user", "lena"]) == 0
    assert "Lena" in capsys.readouterr().out
    assert office_main(["audit", "--db", db_url, "--case", "IM-gibt-es-nicht"]) == 2


def test_the_office_refuses_to_edit_or_delete_the_trail(desks, office):
    anna = desks["anna"]
    new_client(anna.services)
    anna.sync()
    for statement in ("UPDATE device_audit SET detail = 'harmlos'", "DELETE FROM device_audit"):
        with pytest.raises(sa.exc.DBAPIError, match="unveränderlich"), office.write() as conn:
            conn.exec_driver_sql(statement)
    with office.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.device_audit)).scalar()


def test_a_shortened_trail_is_found_offline_and_at_the_next_sync(desks, office):
    anna = desks["anna"]
    new_client(anna.services)
    anna.sync()
    with anna.file.engine.begin() as conn:
        top = conn.exec_driver_sql("SELECT max(seq) FROM audit_event").scalar()
        conn.exec_driver_sql("DELETE FROM audit_event WHERE seq > ?", (top - 3,))
    assert any("fehlen" in p for p in anna.file.verify())
    report = anna.sync()
    assert report.audit_problem and "kürzer" in report.audit_problem


def test_a_view_removed_and_the_chain_recomputed_without_the_key_is_found(desks, office):
    anna = desks["anna"]
    case, referral = _assessed_case(anna.services)
    anna.services.referrals.view_trauma_referral(referral.id)  # not yet at the office
    with anna.file.engine.begin() as conn:
        conn.exec_driver_sql(
            "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event"
            " WHERE action = 'view')"
        )
        rows = (
            conn.exec_driver_sql(
                "SELECT seq, id, at, user_id, device_id, action, entity, entity_id, detail"
                " FROM audit_event ORDER BY seq"
            )
            .mappings()
            .all()
        )
        prev = GENESIS_HASH  # as a tool that does not know the key would link it
        for row in rows:
            payload = json.dumps(hash_body(dict(row)), sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False)  # fmt: skip
            digest = hashlib.sha256(f"{prev}|{payload}".encode()).hexdigest()
            conn.exec_driver_sql(
                "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?",
                (prev, digest, row["seq"]),
            )
            prev = digest
    assert any("verändert" in p for p in anna.file.verify())
    report = anna.sync()  # the next sync says so, and the office holds the evidence
    assert report.audit_problem and "verändert" in report.audit_problem
    assert anna.services.cases.get(case.id)  # the data syncs on regardless


def test_an_older_backup_copied_over_the_file_is_found_at_the_next_sync(desks, office, db_url):
    anna = desks["anna"]
    new_client(anna.services)
    anna.sync()
    backup = anna.file.backup("vor-dem-urlaub")
    anna.services.cases.add_note(
        anna.services.cases.caseload()[0].case_id, kind=ContactKind.PHONE, text="Anruf"
    )
    anna.sync()  # the office now holds events the backup does not have
    folder = anna.file.data_dir
    anna.file.lock()
    # a rollback: the views since then are gone
    anna.file = CaseFile.restore(backup, folder, PASSPHRASE, replace=True, clock=anna.clock)
    anna.services = Services(anna.file, anna.clock)
    report = anna.sync()
    assert report.audit_problem and "Landratsamt" in report.audit_problem
    with office.engine.connect() as conn:
        noted = conn.execute(
            sa.select(schema.office_audit.c.action).where(
                schema.office_audit.c.action == "audit_diverged"
            )
        ).all()
    assert noted


def test_a_device_cannot_write_into_anothers_trail_or_leave_gaps(desks, office):
    anna, lena = desks["anna"], desks["lena"]
    new_client(anna.services)
    anna.sync()
    client = SyncClient(lena.file)
    with anna.file.engine.connect() as conn:
        row = (
            conn.exec_driver_sql(
                "SELECT seq, id, at, user_id, device_id, action, entity, entity_id, detail,"
                " prev_hash, hash FROM audit_event ORDER BY seq LIMIT 1"
            )
            .mappings()
            .one()
        )
    event = {**hash_body(dict(row)), "seq": 1, "prev_hash": row["prev_hash"], "hash": row["hash"]}
    event["at"] = str(row["at"]).replace(" ", "T")
    with pytest.raises(Exception, match="anderen Geräts"):
        client.transport.push_audit(AuditPush.model_validate({"events": [event]}))
    own = {**event, "device_id": lena.file.device_id, "seq": 999}
    with pytest.raises(Exception, match="fehlen Einträge"):
        client.transport.push_audit(AuditPush.model_validate({"events": [own]}))


def test_a_restored_backup_gets_back_what_was_sent_since_at_the_next_sync(desks, office):
    """A laptop restored from yesterday's backup: the note written and sent after it comes
    back from the office, and a note written after it but never sent is lost only where
    the user chose to restore (the copy kept aside still holds it)."""
    anna, lena = desks["anna"], desks["lena"]
    _client, case = new_client(anna.services)
    anna.sync()
    backup = anna.file.backup("gestern")
    anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Nach der Sicherung")
    anna.sync()
    lena.sync()
    folder = anna.file.data_dir
    anna.file.lock()
    anna.file = CaseFile.restore(backup, folder, PASSPHRASE, replace=True, clock=anna.clock)
    anna.services = Services(anna.file, anna.clock)
    assert "Nach der Sicherung" not in [n.text for n in anna.services.cases.notes(case.id)]
    anna.sync()
    assert "Nach der Sicherung" in [n.text for n in anna.services.cases.notes(case.id)]
    anna.services.cases.add_note(case.id, kind=ContactKind.HOME_VISIT, text="Danach")
    anna.sync()
    lena.sync()
    assert {"Nach der Sicherung", "Danach"} <= {n.text for n in lena.services.cases.notes(case.id)}
