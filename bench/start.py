"""Start to caseload (#18 item 1): the real start of `caseworker-desktop --smoke` (process
start, unlock dialog, Argon2id, the file opened, the window built, 2,000 clients listed),
in the venv and, if built (`make dist`), in the bundle; against a bare PySide6 window
started the same way in the same run (what Python and Qt cost anyway). Target: < 0.8 s.

    .venv/bin/python bench/start.py [--clients 2000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BUNDLE = ROOT / "dist" / "caseworker-desktop" / "caseworker-desktop"
PASSPHRASE = "Benchmark-Passphrase-2026"
BARE = (
    "import time; t = time.perf_counter()\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.show(); app.processEvents()\n"
    "print(f'shown {time.perf_counter() - t:.3f}')\n"
)


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    env["CASEWORKER_CONFIG_DIR"] = str(config)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are kept
    return env


def _smoke(program: list[str], data_dir: Path, env: dict[str, str]) -> tuple[float, float]:
    """(start to caseload as the app measures it from its main(), the whole process with
    the interpreter's start and the help plan preview after the caseload)."""
    started = time.perf_counter()
    out = subprocess.run(
        [*program, "--data-dir", str(data_dir), "--smoke"],
        env=dict(env, CASEWORKER_SMOKE_PASSPHRASE=PASSPHRASE),
        capture_output=True,
        text=True,
        timeout=120,
    )
    wall = time.perf_counter() - started
    found = re.search(r"start to caseload ([\d.]+) s", out.stdout)
    if out.returncode != 0 or found is None:
        raise RuntimeError(out.stdout + out.stderr)
    return float(found[1]), wall


def _bare(env: dict[str, str]) -> float:
    """Import of Qt to a shown window, timed inside the process like the app's start."""
    out = subprocess.run([sys.executable, "-c", BARE], env=env, capture_output=True,
                         text=True, check=True)  # fmt: skip
    return float(re.search(r"shown ([\d.]+)", out.stdout)[1])


def _drop_caches(cold: bool) -> None:
    """A start as after a reboot: nothing of the program or the file in memory."""
    if cold:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--cold", action="store_true", help="page cache dropped before every start (root)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data_dir, config = tmp / "profil", tmp / "config"
        env = _env(config)
        init = dict(env, CASEWORKER_PASSPHRASE=PASSPHRASE)
        for command in (["init", "--user", "bench"], ["demo-data", "--clients", str(args.clients)]):
            subprocess.run([str(BIN / "caseworker"), command[0], "--data-dir", str(data_dir),
                            *command[1:]], env=init, check=True, capture_output=True)  # fmt: skip
        programs = {"venv": [str(BIN / "caseworker-desktop")]}
        if BUNDLE.exists():
            programs["bundle"] = [str(BUNDLE)]
        for program in programs.values():  # the first start compiles and caches
            _smoke(program, data_dir, env)
        _bare(env)
        figures = {name: [] for name in programs}
        bare = []
        for _ in range(args.runs):  # interleaved: the same load for all
            _drop_caches(args.cold)
            bare.append(_bare(env))
            for name, program in programs.items():
                _drop_caches(args.cold)
                figures[name].append(_smoke(program, data_dir, env))
    base = statistics.median(bare)
    cache = "Seitencache jeweils geleert" if args.cold else "Seitencache warm"
    print(f"Start bis Fallliste, {args.clients} Klient:innen, {cache} "
          "(Ziel < 0,8 s, Argon2id inklusive)")  # fmt: skip
    print(f"  leeres PySide6-Fenster (Basis): {base * 1000:.0f} ms")
    for name, runs in figures.items():
        inner = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"  {name:<7} Start bis Fallliste {inner * 1000:.0f} ms (schlechtester "
              f"{max(r[0] for r in runs) * 1000:.0f} ms) -> {inner / base:.1f}x Basis; "
              f"ganzer Prozess mit Druckvorschau {wall * 1000:.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
