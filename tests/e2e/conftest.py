"""A real district office server process (uvicorn) on loopback, on SQLite."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.pg import reset_database

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def office(db: str, command: str, *options: str) -> str:
    """Run `caseworker-office <command> --db DB <options>`; command may be two words."""
    proc = subprocess.run(
        [str(BIN / "caseworker-office"), *command.split(), "--db", db, *options],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def add_caseworker(db: str, username: str, team: str = "Team") -> None:
    """A team and a caseworker in it (the team may exist already)."""
    subprocess.run(
        [str(BIN / "caseworker-office"), "team", "add", "--db", db, "--name", team],
        capture_output=True,
        timeout=60,
    )
    office(
        db,
        "user add",
        "--username",
        username,
        "--display-name",
        username.title(),
        "--role",
        "caseworker",
        "--team",
        team,
    )


def enrolment_code(db: str, username: str) -> str:
    out = office(db, "enrol", "--username", username)
    return re.search(r"Anmeldecode für \S+: (\S+)", out).group(1)


class OfficeServer:
    def __init__(self, tmp: Path, db: str | None = None, tls: tuple[Path, Path] | None = None):
        self.db = db or f"sqlite:///{tmp / 'office.db'}"
        self.port = free_port()
        self.tls = tls  # (certificate, key): serve HTTPS
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.log = tmp / "server.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        office(self.db, "migrate")
        with self.log.open("ab") as log:  # the child holds its own copy of the descriptor
            self.proc = self._spawn(log)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                httpx.get(
                    self.url + "/version",
                    headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
                    timeout=1,
                    verify=False,  # only: is it up? (laptops pin the key)
                )
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("server did not start: " + self.log.read_text())

    def _spawn(self, log) -> subprocess.Popen:
        return subprocess.Popen(
            [
                str(BIN / "caseworker-office"),
                "serve",
                "--db",
                self.db,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *(
                    ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
                    if self.tls
                    else []
                ),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ},
        )

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path):
    """The real server process, on SQLite and on PostgreSQL (a fresh schema per test)."""
    db = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    srv = OfficeServer(tmp_path, db)
    srv.start()
    yield srv
    srv.kill()
    if db:
        reset_database(db)


@pytest.fixture
def laptops(tmp_path, server):
    """Two laptops of one caseworker, enrolled with the office server process."""
    from caseworker_desktop.storage.casefile import CaseFile
    from caseworker_desktop.sync.client import SyncClient
    from tests.conftest import PASSPHRASE

    add_caseworker(server.db, "amueller")
    files = []
    for name in ("a", "b"):
        cf = CaseFile.create(tmp_path / name, username="amueller", passphrase=PASSPHRASE)
        SyncClient.enrol(cf, server.url, enrolment_code(server.db, "amueller"))
        files.append(cf)
    yield files
    for cf in files:
        cf.lock()
