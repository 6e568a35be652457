"""`caseworker-desktop --smoke` on the source install: a real process, offscreen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from tests.conftest import PASSPHRASE
from tests.helpers import files_under, new_client

SMOKE_LINE = re.compile(
    r"^smoke ok: 3 cases, unlock to caseload [0-9.]+ s, start to caseload [0-9.]+ s, "
    r"help plan preview: 1 pages$",
    re.M,
)


@pytest.fixture
def profile(data_dir, clock):
    cf = CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE, clock=clock)
    services = Services(cf, clock)
    for last in ("Kovalenko", "Haddad", "Rahimi"):
        _client, case = new_client(services, last=last)
    services.plans.create(case.id, date(2026, 11, 1), date(2027, 4, 30), date(2027, 2, 1))
    cf.lock()
    return data_dir


def smoke(data_dir, passphrase: str | None, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CASEWORKER_SMOKE_PASSPHRASE", None)
    if passphrase is not None:
        env["CASEWORKER_SMOKE_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "caseworker_desktop", "--data-dir", str(data_dir), "--smoke"],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_unlocks_and_loads_the_caseload(profile, log_dir):
    result = smoke(profile, PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert SMOKE_LINE.search(result.stdout), result.stdout
    # The passphrase is nowhere: not in the output, the log, or the settings of the user.
    assert PASSPHRASE not in result.stdout + result.stderr
    logs = list(files_under(log_dir))
    assert logs
    assert all(PASSPHRASE.encode() not in path.read_bytes() for path in logs)
    assert not any(files_under(Path(os.environ["CASEWORKER_CONFIG_DIR"])))


def test_smoke_reads_the_passphrase_from_stdin(profile):
    result = smoke(profile, None, stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert SMOKE_LINE.search(result.stdout)


def test_smoke_with_a_wrong_passphrase_fails_with_a_clear_message(profile):
    result = smoke(profile, "eine falsche Passphrase")
    assert result.returncode == 1
    assert "Selbsttest fehlgeschlagen: Die Passphrase ist falsch." in result.stderr
    assert "smoke ok" not in result.stdout


def test_smoke_without_a_passphrase_fails(profile):
    result = smoke(profile, None)
    assert result.returncode == 2
    assert "CASEWORKER_SMOKE_PASSPHRASE" in result.stderr


def test_smoke_without_a_profile_fails(tmp_path):
    result = smoke(tmp_path / "nothing-here", PASSPHRASE)
    assert result.returncode == 1
    assert "Selbsttest fehlgeschlagen: " in result.stderr
