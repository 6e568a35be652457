"""Our sync beside the canonical offline sync engine, on the same records: PouchDB 9
replicating to an express-pouchdb server, against a laptop syncing with our office server
(SQLite), both over loopback and both storing on disk.

The records are a demo caseload written through our services; PouchDB gets the same
records, one document per record with the same field values. Timed on each side:
- initial push: the first laptop sends everything;
- initial pull: a second laptop of the same user receives everything;
- update round: one field of every client changed on the first laptop, pushed, and pulled
  by the second.
Printed: the times and PouchDB's time divided by ours (above 1: ours is faster).
PouchDB, express-pouchdb and express come from the npm registry into bench/peer/
(`npm install`, run by this script); node and npm are the machine's.

    .venv/bin/python bench/peer.py [--clients 200]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain import permissions
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient, SyncReport
from sync import enrolled_file, office, start_server  # bench/sync.py

HERE = Path(__file__).resolve().parent / "peer"
PASSPHRASE = "Benchmark-Passphrase-2026"
FIELD = "phone"  # the field of every client that the update round changes


def install() -> None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("node and npm are missing: apt-get install nodejs npm")
    if not (HERE / "node_modules" / "pouchdb").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=HERE, check=True)  # fmt: skip


def records(cf: CaseFile) -> list[dict]:
    """Every record of case data on the laptop, as stored (one dict per row)."""
    out = []
    with cf.engine.connect() as conn:
        for cls in m.SYNCABLE:
            if cls.table not in permissions.RULES:
                continue
            result = conn.exec_driver_sql(f"SELECT * FROM {cls.table}")
            names = list(result.keys())
            for row in result:
                out.append({"table": cls.table, **dict(zip(names, row, strict=True))})
    return out


def ours(tmp: Path, clients: int) -> tuple[dict[str, float], list[dict], int]:
    proc, url, db = start_server(tmp)
    try:
        writer = enrolled_file(tmp, "writer", url, db, clients=clients)
        rows = records(writer)
        pushed = SyncReport()
        started = time.perf_counter()
        SyncClient(writer).push(pushed)
        push = time.perf_counter() - started
        SyncClient(writer).pull(SyncReport())  # its own changes come back: no-ops
        reader = CaseFile.create(tmp / "reader2", username="writer", passphrase=PASSPHRASE)
        code = office(db, "enrol", "--username", "writer").split(": ")[-1].split()[0]
        SyncClient.enrol(reader, url, code)
        pulled = SyncReport()
        started = time.perf_counter()
        SyncClient(reader).pull(pulled)
        pull = time.perf_counter() - started
        services = Services(writer)
        changed = [r for r in rows if r["table"] == "client"]
        for row in changed:
            services.clients.update(row["id"], **{FIELD: f"+49 7141 {row['id'][:6]}"})
        started = time.perf_counter()
        SyncClient(writer).push(SyncReport())
        after = SyncReport()
        SyncClient(reader).pull(after)
        update = time.perf_counter() - started
        with reader.engine.connect() as conn:
            got = conn.exec_driver_sql(f"SELECT {FIELD} FROM client WHERE id = ?",
                                       (changed[0]["id"],)).scalar()  # fmt: skip
        assert got == f"+49 7141 {changed[0]['id'][:6]}", got
        writer.lock()
        reader.lock()
        figures = {"push": push * 1000, "pull": pull * 1000, "update": update * 1000}
        return figures, rows, pushed.pushed
    finally:
        proc.kill()
        proc.wait()


def pouchdb(tmp: Path, rows: list[dict]) -> dict[str, float]:
    path = tmp / "records.json"
    path.write_text(json.dumps(rows, ensure_ascii=False))
    out = subprocess.run(["node", str(HERE / "peer.js"), str(path), str(tmp / "pouch"), FIELD],
                         capture_output=True, text=True, check=True, timeout=1200)  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["docs"] == len(rows), result
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args()
    install()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        mine, rows, changes = ours(tmp / "ours", args.clients)
        peer = pouchdb(tmp, rows)
    clients = sum(1 for r in rows if r["table"] == "client")
    print(f"peer: {len(rows):,} records ({changes:,} field changes in our log), "
          f"{clients} clients updated in the update round")  # fmt: skip
    for name, label in (("push", "initial push"), ("pull", "initial pull"),
                        ("update", "update round")):  # fmt: skip
        print(f"  {label:13} ours {mine[name]:8.0f} ms   PouchDB {peer[name]:8.0f} ms   "
              f"PouchDB/ours {peer[name] / mine[name]:.2f}x (target >= 2)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
