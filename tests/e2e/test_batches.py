"""Pushing in many small batches: a batch never ends inside one write, so no row reaches
the office without the fields that place it in its case, and nothing is rejected."""

from __future__ import annotations

import json

import pytest

from caseworker_desktop import demo
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync import client as sync_client
from caseworker_desktop.sync import outbox
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.transport import OfflineError, Transport
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import add_caseworker, enrolment_code
from tests.fixtures.import_lists import PEOPLE, excel_list
from tests.helpers import new_client, sync_once


def _counts(cf: CaseFile) -> list[int]:
    with cf.engine.connect() as conn:
        return [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("client", "case_file", "help_plan_entry", "contact_note")]  # fmt: skip


def test_small_batches_lose_nothing(laptops, monkeypatch):
    files = laptops
    monkeypatch.setattr(outbox, "PUSH_BATCH", 37)
    demo.generate(Services(files[0]), 12, seed=5)
    report = sync_once(files[0])
    assert report.rejected == 0
    assert report.pushed > 37 * 10
    sync_once(files[1])
    counts = [_counts(cf) for cf in files]
    assert counts[0] == counts[1] and counts[0][0] == 12


def test_a_batch_that_fails_stops_the_ones_after_it(tmp_path, server, monkeypatch):
    """The next batch is read while the office works on one; once a batch fails, none after
    it leaves the laptop, the acknowledged ones stay sent, and the next sync sends the
    rest."""
    add_caseworker(server.db, "amueller")
    monkeypatch.setattr(outbox, "PUSH_BATCH", 37)
    cf = CaseFile.create(tmp_path / "a", username="amueller", passphrase=PASSPHRASE)
    try:
        SyncClient.enrol(cf, server.url, enrolment_code(server.db, "amueller"))
        demo.generate(Services(cf), 6, seed=5)
        sent = []
        real_push = Transport.push

        def push(self, request):
            sent.append(len(json.loads(request)["changes"]))
            if len(sent) == 3:
                raise OfflineError("Verbindung unterbrochen")
            return real_push(self, request)

        monkeypatch.setattr(Transport, "push", push)
        with pytest.raises(OfflineError):
            sync_once(cf)
        assert len(sent) == 3  # the fourth batch was read but never sent
        with cf.engine.connect() as conn:
            marked = conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE pushed").scalar()
            total = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
        assert marked == sent[0] + sent[1]
        monkeypatch.setattr(Transport, "push", real_push)
        report = sync_once(cf)
        assert report.rejected == 0 and report.pushed == total - marked
        with cf.engine.connect() as conn:
            assert not conn.exec_driver_sql(
                "SELECT count(*) FROM change_log WHERE NOT pushed"
            ).scalar()
    finally:
        cf.lock()


def test_a_page_that_fails_to_apply_is_fetched_again(laptops, monkeypatch):
    """The next page is fetched while one is applied; if applying fails, the cursor stays
    at the last page applied and the next sync goes on from there."""
    files = laptops
    demo.generate(Services(files[0]), 6, seed=5)
    sync_once(files[0])
    real_apply = sync_client.apply_page
    pages = []

    def apply(conn, page, hlc):
        pages.append(page.next_cursor)
        if len(pages) == 3:
            raise RuntimeError("Platte voll")
        return real_apply(conn, page, hlc)

    monkeypatch.setattr(sync_client, "apply_page", apply)
    reader = SyncClient(files[1])
    reader.pull_limit = 50
    with reader, pytest.raises(RuntimeError):
        reader.sync()
    with files[1].engine.connect() as conn:
        assert int(files[1].state(conn, "sync_cursor")) == pages[1]
    monkeypatch.setattr(sync_client, "apply_page", real_apply)
    sync_once(files[1])
    counts = [_counts(cf) for cf in files]
    assert counts[0] == counts[1] and counts[0][0] == 6


def test_an_imported_list_reaches_the_other_laptop(laptops, tmp_path):
    """#17 part 4: what an import writes syncs like anything entered in the window."""
    files = laptops
    services = Services(files[0])
    services.imports.run(services.imports.plan(excel_list(tmp_path / "liste.xlsx")))
    assert sync_once(files[0]).rejected == 0
    sync_once(files[1])
    other = Services(files[1])
    names = sorted(r.client_name for r in other.cases.caseload())
    assert names == sorted(f"{p[0]}, {p[1]}" for p in PEOPLE)
    amir = next(c for c in other.cases.caseload() if c.client_name == "Haidari, Amir")
    soraya = next(c for c in other.cases.caseload() if c.client_name == "Haidari, Soraya")
    with files[1].engine.connect() as conn:
        households = {
            conn.exec_driver_sql(
                "SELECT household_id FROM client WHERE id = "
                "(SELECT client_id FROM case_file WHERE id = ?)",
                (row.case_id,),
            ).scalar()
            for row in (amir, soraya)
        }
    assert len(households) == 1  # one household, as in the list
    with files[1].engine.connect() as conn:  # the relations travel (#17 part 5)
        relations = dict(conn.exec_driver_sql(
            "SELECT first_name, relationship FROM client WHERE last_name = 'Haidari'"
        ).all())  # fmt: skip
    assert relations == {"Amir": "reference_person", "Soraya": "spouse"}


def test_a_reminder_reaches_the_other_laptop_and_its_done_comes_back(laptops):
    """#17 part 2: a follow-up set on one laptop is due on the other; done there, it is done
    on the first."""
    files = laptops
    first, second = Services(files[0]), Services(files[1])
    _client, case = new_client(first)
    today = first.ctx.clock.today()
    reminder = first.follow_ups.remind(case.id, today, "Kita anrufen")
    sync_once(files[0])
    sync_once(files[1])
    due = second.follow_ups.due()
    assert [(i.detail, i.reminder_id) for i in due.of("today")] == [
        ("Kita anrufen", reminder.id)]  # fmt: skip
    second.follow_ups.done(reminder.id)
    sync_once(files[1])
    sync_once(files[0])
    assert first.follow_ups.reminders(case.id)[0].done_on == today
    assert reminder.id not in {i.reminder_id for i in first.follow_ups.due().items}
