"""Every test gets a fresh encrypted case file, a fake clock and its own log/temp dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import glob
import shutil
import socket
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile

PASSPHRASE = "Testpassphrase-mit-Länge"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    logs = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("CASEWORKER_LOG_DIR", str(logs))
    monkeypatch.setenv("CASEWORKER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("CASEWORKER_PASSPHRASE", raising=False)
    monkeypatch.delenv("CASEWORKER_NEW_PASSPHRASE", raising=False)
    return logs


@pytest.fixture
def log_dir(_isolated_dirs) -> Path:
    return _isolated_dirs


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def case_file(data_dir, clock):
    cf = CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE, clock=clock)
    yield cf
    cf.lock()


@pytest.fixture
def services(case_file, clock) -> Services:
    return Services(case_file, clock)


# --- PostgreSQL ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL cluster in a temporary directory. initdb refuses to run as root, so
    as root it runs as the `postgres` system user (created by the postgresql package)."""
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        pytest.fail(
            "PostgreSQL fehlt (/usr/lib/postgresql/*/bin/initdb): die Server-Tests laufen "
            "auch gegen PostgreSQL. Bitte `bash tools/system-deps.sh` ausführen."
        )
    bindir = Path(initdbs[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="office-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_postgres, *cmd], check=True, capture_output=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o", options,
        "start")  # fmt: skip
    try:
        run(str(bindir / "createdb"), "-h", str(root), "-p", str(port), "-U", "postgres",
            "office_test")  # fmt: skip
        yield f"postgresql+psycopg://postgres@/office_test?host={root}&port={port}"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
