"""Backup and restore of the office, SQLite and PostgreSQL: a backup restored into the
database serves again, and a laptop that synced after the backup notices the office's new
epoch and sends what the office lost, so the team lead receives it after all."""

from __future__ import annotations

from datetime import UTC, datetime

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import ContactKind
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.office.store import Store
from tests.helpers import new_client
from tests.inprocess import Laptop, serve_in_process
from tests.pg import reset_database


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
        # into a fresh database (the lost host): a new SQLite file, an emptied PostgreSQL
        fresh = f"sqlite:///{tmp_path / 'new-host' / 'office.db'}"
        if db_url.startswith("sqlite"):
            (tmp_path / "new-host").mkdir()
        else:
            reset_database(db_url)
            fresh = db_url
        assert office_main(["restore", "--db", fresh, "--from", str(backup)]) == 0
        store = serve_in_process(Store(fresh), monkeypatch)
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
