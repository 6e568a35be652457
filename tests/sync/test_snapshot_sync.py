"""A real laptop's first sync served as a snapshot (office/snapshot.py) fills its case file
exactly as the log does, and an interrupted snapshot goes on where it stopped: real case
files and the real office app in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caseworker_desktop import demo
from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain import permissions
from caseworker_desktop.office import snapshot
from caseworker_desktop.storage.orm import table_of
from caseworker_desktop.sync.client import SNAPSHOT, SyncClient
from caseworker_desktop.sync.transport import SyncError
from tests.helpers import sync_once
from tests.inprocess import Laptop


def _contents(laptop: Laptop) -> dict[str, set[tuple]]:
    """Every row of every table of case data, as a set of its values (the reference data
    and the staff directory each laptop makes for itself)."""
    found = {}
    with laptop.file.engine.connect() as conn:
        for cls in m.SYNCABLE:
            if cls.table not in permissions.RULES:
                continue
            table = table_of(cls)
            found[cls.table] = {tuple(row) for row in conn.execute(table.select())}
    return found


@pytest.fixture
def team(tmp_path, inprocess_office):
    clock = FakeClock(datetime.now(UTC))
    anna = Laptop(tmp_path / "anna", inprocess_office, "anna", clock)
    demo.generate(anna.services, 12, seed=5)
    anna.sync()
    yield inprocess_office, clock
    anna.close()


def test_a_team_leads_first_sync_by_snapshot_is_the_same_as_by_the_log(tmp_path, team, monkeypatch):
    office, clock = team
    by_log = Laptop(tmp_path / "log", office, "lena", clock)
    by_log.sync()
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    by_snapshot = Laptop(tmp_path / "snap", office, "lena", clock)
    report = sync_once(by_snapshot.file, pull_limit=100)
    try:
        assert report.pulled > 0
        expected = _contents(by_log)
        assert sum(len(rows) for rows in expected.values()) > 100
        assert _contents(by_snapshot) == expected
        assert by_snapshot.services.cases.caseload(everyone=True)
    finally:
        by_log.close()
        by_snapshot.close()


def test_an_interrupted_snapshot_goes_on_where_it_stopped(tmp_path, team, monkeypatch):
    office, clock = team
    monkeypatch.setattr(snapshot, "RECENT_WINDOW", 0)
    monkeypatch.setattr(snapshot, "FIELDS_PER_CASE", 0)
    lena = Laptop(tmp_path / "lena", office, "lena", clock)
    client = SyncClient(lena.file, pull_limit=20)  # rows a page: a snapshot of many pages
    real_pull, calls = client.transport.pull, []

    def broken(cursor, limit, token=None, skip_own=False):
        calls.append(token)
        if len(calls) == 3:  # the network goes away in the middle of the snapshot
            raise SyncError("Keine Verbindung zum Landratsamt.")
        return real_pull(cursor, limit, token, skip_own)

    client.transport.pull = broken
    try:
        with pytest.raises(SyncError):
            client.sync()
        with lena.file.engine.connect() as conn:
            kept = lena.file.state(conn, SNAPSHOT)
        assert kept and kept == calls[-1]  # the token of the page that did not come
        client.transport.pull = real_pull
        resumed = []
        client.transport.pull = lambda c, n, t, o: (resumed.append(t), real_pull(c, n, t, o))[1]
        client.sync()
        assert resumed[0] == kept  # not from the start
        fresh = Laptop(tmp_path / "fresh", office, "lena", clock)
        sync_once(fresh.file, pull_limit=100)
        assert _contents(lena) == _contents(fresh)
        fresh.close()
    finally:
        lena.close()
