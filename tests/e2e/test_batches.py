"""Pushing in many small batches: a batch never ends inside one write, so no row reaches
the office without the fields that place it in its case, and nothing is rejected."""

from __future__ import annotations

from caseworker_desktop import demo
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync import outbox
from caseworker_desktop.sync.client import SyncClient
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import add_caseworker, enrolment_code


def test_small_batches_lose_nothing(tmp_path, server, monkeypatch):
    add_caseworker(server.db, "amueller")
    monkeypatch.setattr(outbox, "PUSH_BATCH", 37)
    files = []
    for name in ("a", "b"):
        cf = CaseFile.create(tmp_path / name, username="amueller", passphrase=PASSPHRASE)
        SyncClient.enrol(cf, server.url, enrolment_code(server.db, "amueller"))
        files.append(cf)
    try:
        demo.generate(Services(files[0]), 12, seed=5)
        report = SyncClient(files[0]).sync()
        assert report.rejected == 0
        assert report.pushed > 37 * 10
        SyncClient(files[1]).sync()
        counts = []
        for cf in files:
            with cf.engine.connect() as conn:
                counts.append(
                    [
                        conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                        for t in ("client", "case_file", "help_plan_entry", "contact_note")
                    ]
                )
        assert counts[0] == counts[1] and counts[0][0] == 12
    finally:
        for cf in files:
            cf.lock()
