"""SECURITY.md 17 (issue 12, item 5): a crash while a case file is unlocked writes no core
dump (it would hold the data key and whatever was on screen), and absurd key-file
parameters or settings are refused with a clear message instead of hurting the machine."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caseworker_desktop.config import Settings, config_dir
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.casefile import CaseFile, key_file_path
from tests.conftest import PASSPHRASE

BIN = Path(sys.executable).parent


def _allow_cores() -> None:  # in the child: as if the user's shell had `ulimit -c unlimited`
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _cores(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith("core")]


def test_a_crash_while_unlocked_leaves_no_core_dump(tmp_path, data_dir):
    CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE).lock()
    silent = socket.create_server(("127.0.0.1", 0))  # accepts, never answers: sync waits
    port = silent.getsockname()[1]
    control, hardened = tmp_path / "control", tmp_path / "hardened"
    control.mkdir(), hardened.mkdir()
    try:
        # The machine does write core files where a program lets it (else this proves less).
        subprocess.run([sys.executable, "-c", "import os; os.abort()"], cwd=control,
                       preexec_fn=_allow_cores, check=False)  # fmt: skip
        proc = subprocess.Popen(
            [str(BIN / "caseworker"), "enrol", "--data-dir", str(data_dir), "--server",
             f"http://127.0.0.1:{port}", "--code", "ABCD-EFGH-JKMN"],
            cwd=hardened, preexec_fn=_allow_cores,
            env={**os.environ, "CASEWORKER_PASSPHRASE": PASSPHRASE},
        )  # fmt: skip
        conn, _ = silent.accept()  # the file is unlocked and the command waits for the office
        limits = Path(f"/proc/{proc.pid}/limits").read_text()
        core_line = next(line for line in limits.splitlines() if "core file size" in line)
        assert core_line.split()[4] == "0", core_line  # the soft limit: no core file
        os.kill(proc.pid, signal.SIGABRT)
        assert proc.wait(timeout=30) == -signal.SIGABRT
        conn.close()
    finally:
        silent.close()
    time.sleep(0.2)
    if _cores(control):  # where the machine writes cores, the program must not
        assert _cores(hardened) == []
    assert _cores(hardened) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 128 * 1024 * 1024), ("iterations", 10**9), ("lanes", 100_000)],
)
def test_absurd_key_derivation_parameters_are_refused_at_once(data_dir, field, value):
    CaseFile.create(data_dir, username="amueller", passphrase=PASSPHRASE).lock()
    path = key_file_path(data_dir)
    body = json.loads(path.read_text())
    body["kdf"][field] = value
    body.pop("checksum", None)
    key_file = vault.KeyFile(
        kdf=vault.KdfParams(**body["kdf"]),
        recovery=None,
        **{k: v for k, v in body.items() if k not in ("kdf", "recovery", "format")},
    )
    path.write_bytes(key_file.to_json())
    began = time.perf_counter()
    with pytest.raises(vault.KeyFileDamagedError, match="unüblich aufwendige Parameter"):
        CaseFile.open(data_dir, PASSPHRASE)
    assert time.perf_counter() - began < 1


@pytest.mark.parametrize(
    ("saved", "minutes"),
    [({"idle_lock_minutes": "7"}, 7), ({"idle_lock_minutes": 0}, 5),
     ({"idle_lock_minutes": 999}, 5), ({"idle_lock_minutes": "fünf"}, 5),
     ({"idle_lock_minutes": True}, 5), ({"idle_lock_minutes": [3]}, 5)],
)  # fmt: skip
def test_settings_are_coerced_field_by_field(saved, minutes, caplog):
    config_dir().mkdir(parents=True, exist_ok=True)
    body = {"language": "en", "profiles": ["/tmp/a"], **saved}
    (config_dir() / "settings.json").write_text(json.dumps(body))
    settings = Settings.load()
    assert settings.idle_lock_minutes == minutes
    assert settings.language == "en" and settings.profiles == ["/tmp/a"]  # the rest stays
    if minutes == 5:
        assert "idle_lock_minutes unreadable" in caplog.text
