"""A team lead's first sync of a team of 5,000 clients (#18 item 5), end to end on loopback:
a new laptop (SQLCipher case file, enrolled with a code) pulls everything of the team from
the real server process and applies it, pages of snapshot and log, until it is at the head.
Target: < 5 s. Baselines in the same run: the same pull by a plain HTTP client that applies
nothing (what the office and the wire cost), and a raw SQLCipher executemany of as many
rows (what the encrypted file costs anyway).

The office is built as in bench/scale.py (copies of a demo caseload), with one team.

    .venv/bin/python bench/team_lead.py [--clients 5000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench.scale, tests.pg

from bench import footprint, scale

from caseworker_desktop.office.store import Store
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.storage.db import connect_raw
from caseworker_desktop.sync.client import SyncClient

PASSPHRASE = "Benchmark-Passphrase-2026"


def _office(where: Path, clients: int) -> tuple[scale.Office, float, Path, str]:
    """The office (built, or the one a previous run left in `where`), the seconds it took to
    build, its key file and database URL."""
    where.mkdir(parents=True, exist_ok=True)
    key_file, kept = where / "office.keys", where / "office.json"
    url = f"sqlite:///{where / 'office.db'}"
    if kept.exists():
        return scale.Office(**json.loads(kept.read_text())), 0.0, key_file, url
    cases, user_id, device_id = scale.template_cases(where, key_file)
    began = time.perf_counter()
    office = scale.build(url, clients * scale.CHANGES_PER_CLIENT, cases, user_id, device_id,
                         key_file)  # fmt: skip
    kept.write_text(json.dumps(dataclasses.asdict(office)))
    return office, time.perf_counter() - began, key_file, url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument(
        "--keep", type=Path, help="Ordner, in dem das aufgebaute Büro für weitere Läufe bleibt"
    )
    args = parser.parse_args()
    scale.CASEWORKERS_PER_TEAM = 10**6  # one team: the lead sees every client
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        office, built, key_file, url = _office(args.keep or tmp, args.clients)
        store = Store(url, key_file=str(key_file))
        code, _ = store.issue_enrolment_code("leitung1")
        store.close()
        proc, base = scale.serve(url, key_file)
        try:
            raw_s, raw_values, _pages = scale.Device(base, office.lead_token).sync()
            laptop = CaseFile.create(tmp / "leitung", username="leitung1", passphrase=PASSPHRASE)
            SyncClient.enrol(laptop, base, code)
            client = SyncClient(laptop)
            transfer, spent = client.transfer_documents, []

            def timed_transfer(report):  # how much of the sync the documents take
                start = time.perf_counter()
                transfer(report)
                spent.append(time.perf_counter() - start)

            client.transfer_documents = timed_transfer
            began = time.perf_counter()
            report = client.sync()
            laptop_s = time.perf_counter() - began
            with laptop.engine.connect() as conn:
                clients = conn.exec_driver_sql("SELECT count(*) FROM client").scalar()
            size = footprint.line(laptop)
            laptop.lock()
        finally:
            proc.kill()
            proc.wait()
        raw = connect_raw(tmp / "raw.db", vault.new_dek())
        raw.execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
        rows = [(f"{i:032x}", "client", f"{i:032x}", "first_name", '"Olena"')
                for i in range(report.pulled)]  # fmt: skip
        began = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO t VALUES (?,?,?,?,?)", rows)
        raw.execute("COMMIT")
        write_s = time.perf_counter() - began
        raw.close()
    print(f"Erster Abgleich einer Teamleitung: {office.clients:,} Klient:innen im Team, "
          f"{office.changes:,} Änderungen im Büro (aufgebaut in {built:.0f} s)")  # fmt: skip
    print(f"  Laptop, Ende zu Ende: {laptop_s:.2f} s für {report.pulled:,} Werte, "
          f"{clients:,} Klient:innen in der Falldatei (Ziel < 5 s); davon Dokumente "
          f"{spent[0]:.2f} s ({report.documents_waiting} ohne Inhalt beim Büro)")  # fmt: skip
    print(f"  nur HTTP, ohne Anwenden: {raw_s:.2f} s ({raw_values:,} Werte) -> "
          f"{laptop_s / raw_s:.1f}x; rohes SQLCipher-executemany gleich vieler Zeilen "
          f"{write_s:.2f} s -> {laptop_s / write_s:.1f}x")  # fmt: skip
    print(f"  {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
