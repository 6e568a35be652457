"""SECURITY.md 2: no plaintext next to the database (temp, WAL, backups, logs), even after
a crash in the middle of a write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

from caseworker_desktop.domain.enums import ContactKind
from caseworker_desktop.storage.casefile import CaseFile
from tests.conftest import PASSPHRASE
from tests.helpers import files_under, new_client

CANARY = "Kanarienvogel-7f3a9c"


def _assert_absent(*roots):
    checked = 0
    for path in files_under(*roots):
        data = path.read_bytes()
        checked += 1
        for needle in (CANARY.encode(), CANARY.encode("utf-16-le")):
            assert needle not in data, f"canary in plaintext in {path}"
    return checked


def test_canary_never_on_disk_in_plaintext(services, case_file, data_dir, log_dir, tmp_path):
    client, case = new_client(services, first=CANARY, last=CANARY)
    services.cases.add_note(
        case.id, kind=ContactKind.HOME_VISIT, text=f"Notiz {CANARY}", contact_on=date(2026, 11, 2)
    )
    services.clients.update(client.id, notes=f"Vermerk {CANARY}")
    case_file.backup("test")
    # the WAL and shm exist right now, while the file is open
    assert _assert_absent(data_dir, log_dir) >= 3
    case_file.lock()
    assert _assert_absent(data_dir, log_dir) >= 3


def test_canary_absent_after_kill_during_write(case_file, data_dir, log_dir, tmp_path):
    """A writer process is killed with SIGKILL in the middle of a transaction; afterwards
    nothing in the profile, the temp dir or the logs holds the text, and the file is intact."""
    case_file.lock()
    temp = tmp_path / "tmp"
    temp.mkdir()
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from caseworker_desktop.storage.casefile import CaseFile
        from caseworker_desktop.services import Services, NewClient
        cf = CaseFile.open({str(data_dir)!r}, {PASSPHRASE!r})
        s = Services(cf)
        muni = s.clients.municipalities()[0]
        for i in range(20):
            s.clients.register(NewClient(first_name="{CANARY}", last_name=str(i),
                                         municipality_id=muni.id))
        with s.transaction():
            for i in range(200):
                s.clients.register(NewClient(first_name="{CANARY}", last_name="x" + str(i),
                                             municipality_id=muni.id))
            sys.stdout.write("mid\\n"); sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "TMPDIR": str(temp), "CASEWORKER_LOG_DIR": str(log_dir)}
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "mid" in proc.stdout
    _assert_absent(data_dir, log_dir, temp)
    reopened = CaseFile.open(data_dir, PASSPHRASE)
    try:
        assert reopened.verify() == []
        with reopened.engine.connect() as conn:
            # the 20 committed registrations survived, the killed transaction left nothing
            count = conn.exec_driver_sql(
                "SELECT count(*) FROM client WHERE first_name = ?", (CANARY,)
            ).scalar()
        assert count == 20
    finally:
        reopened.lock()
    _assert_absent(data_dir, log_dir, temp)
