"""Backup and restore of the office, SQLite and PostgreSQL: a backup restored into the
database serves again, and a laptop that synced after the backup notices the office's new
epoch and sends what the office lost, so the team lead receives it after all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import ContactKind
from caseworker_desktop.domain.errors import CaseworkerError
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.office.store import Store
from tests.helpers import new_client
from tests.inprocess import Laptop, serve_in_process
from tests.pg import reset_database


def _restore_on_a_new_host(tmp_path, db_url: str, backup, monkeypatch) -> tuple[str, Store]:
    """The backup restored into a fresh database (the lost host: a new SQLite file, an
    emptied PostgreSQL), serving every laptop of the test from now on."""
    fresh = f"sqlite:///{tmp_path / 'new-host' / 'office.db'}"
    if db_url.startswith("sqlite"):
        (tmp_path / "new-host").mkdir()
    else:
        reset_database(db_url)
        fresh = db_url
    assert office_main(["restore", "--db", fresh, "--from", str(backup)]) == 0
    return fresh, serve_in_process(Store(fresh), monkeypatch)


def test_restore_a_backup_and_laptops_send_what_the_office_lost(
    tmp_path, inprocess_office, db_url, monkeypatch, capsys
):
    clock = FakeClock(datetime.now(UTC))
    anna, lena = (Laptop(tmp_path / "p", inprocess_office, n, clock) for n in ("anna", "lena"))
    try:
        _client, case = new_client(anna.services, "Olena", "Kovalenko")
        anna.sync()
        backup = tmp_path / "office.backup"
        assert office_main(["backup", "--db", db_url, "--out", str(backup)]) == 0
        assert backup.stat().st_mode & 0o777 == 0o600
        assert office_main(["backup", "--db", db_url, "--out", str(backup)]) == 2  # no overwrite
        # after the backup: a note the office will lose
        anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Nach der Sicherung")
        anna.services.documents.attach_content(case.id, "scan.pdf", b"%PDF-1.4 Bescheid")
        assert anna.sync().documents_sent == 1
        inprocess_office.close()
        capsys.readouterr()
        assert office_main(["restore", "--db", db_url, "--from", str(backup)]) == 2
        assert "--replace" in capsys.readouterr().err
        assert office_main(["restore", "--db", db_url, "--from", str(backup), "--replace"]) == 0
        fresh, store = _restore_on_a_new_host(tmp_path, db_url, backup, monkeypatch)
        try:
            assert office_main(["migrate", "--db", fresh]) == 0  # at head, serves again
            lena.sync()
            assert [n.text for n in lena.services.cases.notes(case.id)] == []  # lost, for now
            report = anna.sync()
            assert report.office_restored and report.duplicates > 0 and report.pushed > 0
            assert report.documents_sent == 1  # its content, which the office lost too
            assert lena.sync().documents_received == 1
            assert [n.text for n in lena.services.cases.notes(case.id)] == ["Nach der Sicherung"]
            assert anna.sync().office_restored is False  # once
        finally:
            store.close()
    finally:
        anna.close()
        lena.close()


def test_acknowledged_changes_are_dropped_and_an_old_backup_still_gets_everything(
    tmp_path, inprocess_office, db_url, monkeypatch
):
    """A laptop keeps the changes the office acknowledged for a week only (for a restore
    from a recent backup, sent again as they were). Restored from an older backup, the
    office gets what the laptop dropped from the values and clocks it holds: nothing is
    lost (SECURITY.md: an office restore never silently diverges)."""
    from datetime import timedelta

    from caseworker_desktop.storage import clocks
    from caseworker_desktop.sync import outbox

    now = datetime.now(UTC)
    clock = FakeClock(now - timedelta(days=outbox.KEEP_ACKNOWLEDGED_DAYS + 2))
    anna, lena = (Laptop(tmp_path / "p", inprocess_office, n, clock) for n in ("anna", "lena"))
    try:
        client, case = new_client(anna.services, "Olena", "Kovalenko")
        anna.sync()
        backup = tmp_path / "office.backup"
        assert office_main(["backup", "--db", db_url, "--out", str(backup)]) == 0
        anna.services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Vor einer Woche")
        anna.services.clients.update(client.id, phone="0711 1")
        anna.sync()
        clock.set(now)
        anna.services.cases.add_note(case.id, kind=ContactKind.HOME_VISIT, text="Heute")
        anna.sync()
        with anna.file.engine.connect() as conn:
            kept = conn.exec_driver_sql("SELECT DISTINCT table_name FROM change_log").all()
            phone = clocks.read(conn, "client", client.id)["phone"]
        assert kept == [("contact_note",)]  # only today's note is still in the log
        with pytest.raises(CaseworkerError, match="übertragen"):  # still known as sent
            anna.services.clients.delete_unsynced(case.id)
        inprocess_office.close()
        _fresh, store = _restore_on_a_new_host(tmp_path, db_url, backup, monkeypatch)
        try:
            report = anna.sync()
            assert report.office_restored and report.pushed > 0
            lena.sync()
            notes = sorted(n.text for n in lena.services.cases.notes(case.id))
            assert notes == ["Heute", "Vor einer Woche"]
            assert lena.services.clients.get(client.id).phone == "0711 1"
            with lena.file.engine.connect() as conn:  # with the clock it had
                assert clocks.read(conn, "client", client.id)["phone"] == phone
            assert lena.services.conflicts() == []  # sent again is no concurrent edit
        finally:
            store.close()
    finally:
        anna.close()
        lena.close()
