"""Sync figures on loopback with the real server process (SQLite):

- push and pull throughput for ~10,000 field changes (target: 20,000 changes/s each way),
  against a raw SQLCipher executemany of the same rows (the physical write limit of this
  machine);
- an empty sync (nothing new) on files with ~10,000 and ~100,000 change rows: it must not
  grow with the file.

    .venv/bin/python bench/sync.py
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import serve  # the office server on a free port (bench/load.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench.footprint

from bench import footprint

from caseworker_desktop import demo
from caseworker_desktop.services import Services
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.storage.db import connect_raw
from caseworker_desktop.sync import outbox
from caseworker_desktop.sync.client import SyncClient, SyncReport

BIN = Path(sys.executable).parent
PASSPHRASE = "Benchmark-Passphrase-2026"


def office(db: str, command: str, *options: str) -> str:
    out = subprocess.run(
        [str(BIN / "caseworker-office"), *command.split(), "--db", db, *options],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def start_server(tmp: Path) -> tuple[subprocess.Popen, str, str]:
    db = f"sqlite:///{tmp / 'office.db'}"
    office(db, "migrate")
    office(db, "team add", "--name", "Team")
    for name in ("writer", "reader"):
        office(
            db,
            "user add",
            "--username",
            name,
            "--display-name",
            name,
            "--role",
            "caseworker",
            "--team",
            "Team",
        )
    proc, url = serve(db)
    return proc, url, db


def enrolled_file(tmp: Path, name: str, url: str, db: str, clients: int) -> CaseFile:
    cf = CaseFile.create(tmp / name, username=name, passphrase=PASSPHRASE)
    if clients:
        demo.generate(Services(cf), clients, seed=2)
    code = re.search(r"Anmeldecode für \S+: (\S+)", office(db, "enrol", "--username", "writer"))[1]
    SyncClient.enrol(cf, url, code)
    return cf


def change_rows(cf: CaseFile) -> int:
    with cf.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()


def empty_sync_ms(cf: CaseFile, repeat: int = 9) -> float:
    client = SyncClient(cf)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        report = client.sync()
        samples.append(time.perf_counter() - start)
        assert report.pushed == 0 and report.pulled == 0
    return statistics.median(samples) * 1000


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        proc, url, db = start_server(tmp)
        try:
            writer = enrolled_file(tmp, "writer", url, db, clients=85)
            n = change_rows(writer)
            pushed = SyncReport()
            start = time.perf_counter()
            SyncClient(writer).push(pushed)
            push_s = time.perf_counter() - start
            SyncClient(writer).pull(SyncReport())  # its own changes come back: no-ops
            reader = CaseFile.create(tmp / "reader2", username="writer", passphrase=PASSPHRASE)
            code = re.search(
                r"Anmeldecode für \S+: (\S+)", office(db, "enrol", "--username", "writer")
            )[1]
            SyncClient.enrol(reader, url, code)
            pulled = SyncReport()
            start = time.perf_counter()
            SyncClient(reader).pull(pulled)
            pull_s = time.perf_counter() - start

            dek = vault.new_dek()
            raw = connect_raw(tmp / "raw.db", dek)
            raw.execute("CREATE TABLE t (a, b, c, d, e, f, g, h)")
            rows = [
                (f"{i:032x}", "client", f"{i:032x}", "x", '"v"', "h", "b", "d") for i in range(n)
            ]
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?)", rows)
            raw.execute("COMMIT")
            raw_rate = n / (time.perf_counter() - start)
            raw.close()
            for name, count, seconds in (
                ("push", pushed.pushed, push_s),
                ("pull", pulled.pulled, pull_s),
            ):
                rate = count / seconds
                print(
                    f"{name} {count:,} changes: {seconds:.2f} s = {rate:,.0f} changes/s "
                    f"(target >= 20,000; raw SQLCipher executemany {raw_rate:,.0f}/s, "
                    f"ratio {raw_rate / rate:.0f}x)"
                )
            both = (pushed.pushed + pulled.pulled) / (push_s + pull_s)
            print(f"push + pull: {both:,.0f} changes/s end to end")
            small = empty_sync_ms(writer)
            big = enrolled_file(tmp, "big", url, db, clients=850)
            SyncClient(big).sync()
            print(
                f"empty sync: {change_rows(writer):,} rows {small:.1f} ms; "
                f"{change_rows(big):,} rows {empty_sync_ms(big):.1f} ms (target < 100 ms)"
            )
            # #18 item 2: the file against its data after the full sync, and a week later
            # (the acknowledged changes kept for an office restore have gone then)
            print(f"850 Klient:innen nach dem vollen Abgleich: {footprint.line(big)}")
            with big.engine.begin() as conn:
                week_later = int((time.time() + 8 * 86_400) * 1000)
                dropped = outbox.drop_acknowledged(conn, week_later)
            big.release_free_pages()
            print(f"  eine Woche später ({dropped:,} bestätigte Änderungen entfernt): "
                  f"{footprint.line(big)}")  # fmt: skip
            for cf in (writer, reader, big):
                cf.lock()
        finally:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
