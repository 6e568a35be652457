"""Crash safety (SECURITY.md 11): `kill -9` of the laptop's sync and of the server at random
moments, many times; afterwards everything converges with nothing lost or doubled and both
files pass the integrity check."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from caseworker_desktop.office.store import Store
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import add_caseworker, enrolment_code
from tests.helpers import new_client, sync_once

TRIALS = int(os.environ.get("CRASH_TRIALS", "50"))
BIN = Path(sys.executable).parent


def sync_process(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "caseworker"), "sync", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "CASEWORKER_PASSPHRASE": PASSPHRASE},
    )


def snapshot(cf: CaseFile) -> dict:
    with cf.engine.connect() as conn:
        return {
            table: sorted(conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id").all())
            for table in ("client", "case_file", "household", "contact_note")
        }


def test_kill_minus_nine_anywhere_loses_and_doubles_nothing(tmp_path, server):
    add_caseworker(server.db, "amueller")
    dirs = [tmp_path / "laptop-a", tmp_path / "laptop-b"]
    for data_dir in dirs:
        cf = CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE)
        SyncClient.enrol(cf, server.url, enrolment_code(server.db, "amueller"))
        cf.lock()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "7")))
    written = 0
    kills = {"client": 0, "server": 0}
    for trial in range(TRIALS):
        data_dir = dirs[trial % 2]
        cf = CaseFile.open(data_dir, PASSPHRASE)
        services = Services(cf)
        with services.transaction():  # some offline work to push
            for i in range(rng.randint(1, 6)):
                new_client(services, first=f"T{trial}", last=f"N{i}")
                written += 1
        cf.lock()
        proc = sync_process(data_dir)
        time.sleep(rng.uniform(0.0, 1.6))
        if rng.random() < 0.3:  # the server dies mid-request
            server.kill()
            kills["server"] += 1
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills["client"] += 1
        proc.wait()
        if server.proc is None:
            server.start()
    assert kills["client"] >= TRIALS // 4, kills

    files = [CaseFile.open(d, PASSPHRASE) for d in dirs]
    try:
        for _ in range(2):
            for cf in files:
                sync_once(cf)
        for cf in files:
            assert cf.verify() == []
            assert Services(cf).unsynced_changes() == 0
        a, b = (snapshot(cf) for cf in files)
        assert a == b
        assert len(a["client"]) == written  # none lost, none doubled
        assert len({row[0] for row in a["client"]}) == written
        if server.db.startswith("sqlite:///"):  # the server's file survived the kills too
            with Store(server.db) as store, store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").all() == [("ok",)]
                assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").all() == []
    finally:
        for cf in files:
            cf.lock()
