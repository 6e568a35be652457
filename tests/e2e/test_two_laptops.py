"""End to end, with the real server process on loopback: two caseworkers and a team lead.
Two laptops of one caseworker edit the same help plan offline; both end with one plan and
a visible, resolvable conflict for the text both changed. Then a reassignment evicts the
case from the old caseworker's laptop."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import ConflictKind, ContactKind, EntryStatus, LifeArea
from caseworker_desktop.domain.errors import NotFoundError
from caseworker_desktop.services import Services
from caseworker_desktop.services.inbox import handover_values
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.transport import DeviceRevokedError
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import enrolment_code, office
from tests.helpers import new_client, sync_once


def laptop(tmp_path, name, username, server, clock):
    cf = CaseFile.create(tmp_path / name, username=username, passphrase=PASSPHRASE, clock=clock)
    SyncClient.enrol(cf, server.url, enrolment_code(server.db, username))
    return cf, Services(cf, clock)


def sync(cf, services):
    report = sync_once(cf, hlc=services.ctx.hlc)
    services.ctx.reload_user()
    return report


@pytest.fixture
def district(server):
    office(server.db, "team add", "--name", "Team Nord")
    office(server.db, "team add", "--name", "Team Süd")
    for username, role, team in (
        ("amueller", "caseworker", "Team Nord"),
        ("bschulz", "caseworker", "Team Nord"),
        ("lead", "team_lead", "Team Nord"),
    ):
        office(
            server.db,
            "user add",
            "--username",
            username,
            "--display-name",
            username.title(),
            "--role",
            role,
            "--team",
            team,
        )
    return server


def test_two_laptops_converge_with_a_visible_conflict(tmp_path, district):
    clock = FakeClock(datetime.now(UTC))  # the server's clock is real
    a_file, a = laptop(tmp_path, "laptop-a", "amueller", district, clock)
    b_file, b = laptop(tmp_path, "laptop-b", "amueller", district, clock)
    lead_file, lead = laptop(tmp_path, "lead", "lead", district, clock)
    other_file, other = laptop(tmp_path, "other", "bschulz", district, clock)
    try:
        _, case = new_client(a, first="Olena", last="Kovalenko")
        plan = a.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
        entry = a.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B1")
        sync(a_file, a)
        sync(b_file, b)
        assert b.plans.entries(plan.id)[0].goal == "Sprachniveau B1"

        # offline on both laptops
        clock.advance(60)
        a.plans.update_entry(entry.id, goal="B1 bis Juni, Kinderbetreuung klären")
        a.plans.set_entry_status(entry.id, EntryStatus.IN_PROGRESS)
        clock.advance(60)
        b.plans.update_entry(entry.id, goal="B2 bis Dezember")
        b.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum im Einzelhandel")

        for _ in range(2):
            sync(a_file, a)
            sync(b_file, b)
        entries_a = [(e.goal, e.status) for e in a.plans.entries(plan.id)]
        entries_b = [(e.goal, e.status) for e in b.plans.entries(plan.id)]
        assert entries_a == entries_b
        assert ("B2 bis Dezember", EntryStatus.IN_PROGRESS) in entries_a  # later text, status kept
        assert ("Praktikum im Einzelhandel", EntryStatus.OPEN) in entries_a
        (conflict_a,) = a.conflicts()
        (conflict_b,) = b.conflicts()
        assert conflict_a.id == conflict_b.id
        assert "Kinderbetreuung" in conflict_a.loser_value

        a.resolve_conflict(conflict_a.id, "B1 bis Juni, danach B2; Kinderbetreuung klären")
        sync(a_file, a)
        sync(b_file, b)
        assert b.conflicts() == []
        assert b.plans.entries(plan.id)[0].goal == "B1 bis Juni, danach B2; Kinderbetreuung klären"

        sync(lead_file, lead)
        assert lead.plans.entries(plan.id)  # the team lead sees the team's cases
        sync(other_file, other)
        with pytest.raises(NotFoundError):
            other.cases.get(case.id)  # another caseworker does not

        # reassignment: the case leaves amueller's laptops and arrives at bschulz's
        office(district.db, "reassign", "--case", case.id, "--to", "bschulz")
        a.plans.update_entry(entry.id, measures="Offline vor der Abgabe: Kita-Platz zugesagt")
        a.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf vor der Übergabe")
        sync(a_file, a)
        with a_file.engine.connect() as conn:
            for table in ("case_file", "client", "help_plan", "help_plan_entry", "contact_note"):
                assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0, table
        sync(other_file, other)
        assert other.cases.get(case.id).caseworker_id == other.user.id
        assert len(other.plans.entries(plan.id)) == 2
        # what amueller wrote offline after the handover is not lost: it waits as handovers
        # for bschulz, every field of it, and amueller's laptop says where it went
        handovers = {c.table_name: c for c in other.conflicts(case.id)}
        assert {h.kind for h in handovers.values()} == {ConflictKind.HANDOVER}
        assert handover_values(handovers["help_plan_entry"]) == {
            "measures": "Offline vor der Abgabe: Kita-Platz zugesagt"
        }
        note = handover_values(handovers["contact_note"])
        assert note["text"] == "Anruf vor der Übergabe" and note["kind"] is ContactKind.PHONE
        refused = a.inbox.refused_changes()
        assert {r.handed_to for r in refused} == {other.user.id}
        assert all(r.value is None and r.case_reference == case.reference for r in refused)
        other.inbox.take_over(handovers["help_plan_entry"].id, ["measures"])
        taken = other.inbox.take_over(handovers["contact_note"].id, list(note))
        assert taken.resolution.startswith("Übernommen")
        (taken_note,) = [n for n in other.cases.notes(case.id) if n.text == note["text"]]
        assert taken_note.author_id is None  # made by bschulz, written by amueller: nobody's
        assert other.plans.entries(plan.id)[0].measures.startswith("Offline vor der Abgabe")
        assert other.conflicts(case.id) == []
        sync(other_file, other)

        # a revoked laptop is cut off
        office(district.db, "revoke", "--device", b_file.device_id)
        with pytest.raises(DeviceRevokedError):
            sync(b_file, b)
    finally:
        for cf in (a_file, b_file, lead_file, other_file):
            cf.lock()


def test_sync_cli_round_trip(tmp_path, district, monkeypatch, capsys):
    from caseworker_desktop.cli import main

    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    data_dir = tmp_path / "cli-laptop"
    assert main(["init", "--data-dir", str(data_dir), "--user", "amueller"]) == 0
    assert main(["demo-data", "--data-dir", str(data_dir), "--clients", "5"]) == 0
    code = enrolment_code(district.db, "amueller")
    assert (
        main(["enrol", "--data-dir", str(data_dir), "--server", district.url, "--code", code]) == 0
    )
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Synchronisiert" in out
    assert main(["sync", "--data-dir", str(data_dir)]) == 0  # nothing new: an empty sync
    assert "0 Änderungen gesendet" in capsys.readouterr().out
    cf = CaseFile.open(data_dir, PASSPHRASE)
    try:
        services = Services(cf)
        assert services.unsynced_changes() == 0
        assert cf.verify() == []
        case = services.cases.caseload()[0]
        office(district.db, "reassign", "--case", case.case_id, "--to", "bschulz")
        services.cases.set_dormant(case.case_id)  # offline, after the case went to bschulz
    finally:
        cf.lock()
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "1 Fälle abgegeben" in out and "1 Änderungen in inzwischen umverteilten Akten" in out
