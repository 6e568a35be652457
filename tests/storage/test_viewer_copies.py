"""Copies of documents for the system's viewer (#17 part 1): owner-only, in a folder of the
process, gone when the session ends and after ten minutes; and what a crashed process left
(kill -9: nothing of ours runs to clean up) is gone after the next start, checked with a
canary searched in every file under the viewer folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from caseworker_desktop.storage.viewer_copies import KEEP_SECONDS, ViewerCopies
from tests.canary import files_holding

CANARY = "CANARY-Befund-8c1e"


def test_copies_are_private_and_removed(tmp_path):
    now = [1000.0]
    copies = ViewerCopies(tmp_path / "ansicht", clock=lambda: now[0])
    first = copies.write("../../etc/Befund März.pdf", CANARY.encode())
    assert first.parent.parent == tmp_path / "ansicht"  # no way out of the folder
    assert first.name == "Befund_März.pdf"
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    assert oct(first.parent.stat().st_mode & 0o777) == "0o700"
    second = copies.write("Befund März.pdf", b"zweite")
    assert second != first and first.read_bytes() == CANARY.encode()
    now[0] += KEEP_SECONDS - 1
    assert copies.expire() == 0 and first.exists()
    now[0] += 1
    assert copies.expire() == 2 and not first.exists() and not second.exists()
    copies.write("noch.pdf", CANARY.encode())
    copies.remove_all()
    assert list((tmp_path / "ansicht").iterdir()) == []


def test_a_running_process_keeps_its_copies_a_crashed_one_loses_them(tmp_path):
    base = tmp_path / "ansicht"
    script = textwrap.dedent(f"""
        import sys, time
        from caseworker_desktop.storage.viewer_copies import ViewerCopies
        copies = ViewerCopies({str(base)!r})
        copies.write("befund.pdf", {CANARY!r}.encode())
        print("bereit", flush=True)
        time.sleep(120)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "bereit"
        # another process starting now must not take the copies of one still running
        assert ViewerCopies(base).sweep() == 0
        assert files_holding([base], CANARY, []) != []
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    assert files_holding([base], CANARY, []) != []  # the crash left it behind
    started = time.perf_counter()
    assert ViewerCopies(base).sweep() == 1  # what the next start does
    assert time.perf_counter() - started < 5
    assert files_holding([base], CANARY, []) == []
    assert list(base.iterdir()) == []


def test_a_folder_someone_else_prepared_is_not_used(tmp_path):
    trap = tmp_path / "falle"
    trap.mkdir()
    base = tmp_path / "ansicht"
    base.symlink_to(trap, target_is_directory=True)  # a link planted where the folder goes
    copies = ViewerCopies(base)
    copy = copies.write("befund.pdf", CANARY.encode())
    try:
        assert trap not in copy.parents and base not in copy.parents
        assert list(trap.iterdir()) == []
    finally:
        copies.remove_all()
    assert not copy.exists() and not copy.parent.parent.exists()
