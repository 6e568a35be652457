"""The operations guide's own commands, run as written (docs/operations.md, the blocks
marked `<!-- tested: … -->`): migrate, add a team and a user, set the retention rules,
start the server and ask /healthz, issue an enrolment code, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def snippet(name: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- tested: {name} -->\n```sh\n(.*?)```", text, re.S)
    assert found, f"no block {name} in {GUIDE}"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_first_start_as_the_guide_writes_it(db_url):
    script = snippet("first-start")
    assert "serve" in script and "/healthz" in script
    env = {
        **os.environ,
        "DB": db_url,
        "PORT": str(free_port()),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    process = subprocess.Popen(
        ["bash", "-e", "-c", script + "\nkill %1\nwait %1 || true\n"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0, err
    assert '"status":"ok"' in out.replace(" ", "")
    assert "Anmeldecode für amueller: " in out  # the enrolment code was issued
