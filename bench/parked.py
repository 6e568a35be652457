"""One device's parked rows against everybody's push (issue 11, item 6): before, every push
of a device walked all rows it had parked (clients without a case) under the office-wide
write lock, so 100,000 parked rows cost 1.3-1.7 s per push, also for an unrelated team
waiting on the lock. Now a device may park at most MAX_PARKED_ROWS and a push looks up only
the parked rows its own rows can claim.

Printed, on SQLite and PostgreSQL, through the office's own push code (no HTTP): the median
time of a small push (one new note in an own case) by a device with no parked rows (the
baseline) and by a device with the maximum parked; and the time of the push that claims one
parked client, its household and its consent.

    .venv/bin/python bench/parked.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pg

from tests.pg import PostgresMissing, postgres_cluster

from caseworker_desktop.domain.hlc import HybridLogicalClock
from caseworker_desktop.office.scoping import MAX_PARKED_ROWS
from caseworker_desktop.office.store import Store
from caseworker_desktop.sync.protocol import Change


class Writer:
    def __init__(self, store: Store, name: str):
        store.add_user(name, name, "caseworker", "Bench")
        code, _ = store.issue_enrolment_code(name)
        self.device = uuid.uuid4().hex
        token, _ = store.enrol(code, self.device, name, None)
        self.who = store.authenticate(token)
        self.hlc = HybridLogicalClock(self.device)

    def write(self, table: str, row_id: str, **fields) -> list[Change]:
        stamp = self.hlc.now().encode()
        return [
            Change(
                change_id=uuid.uuid4().hex,
                table=table,
                row_id=row_id,
                field=f,
                value=json.dumps(v),
                hlc=stamp,
            )
            for f, v in fields.items()
        ]

    def case(self) -> tuple[str, list[Change]]:
        client, case = uuid.uuid4().hex, uuid.uuid4().hex
        changes = self.write("client", client, first_name="A", last_name="B")
        changes += self.write("case_file", case, client_id=client, caseworker_id=self.who.user_id,
                              opened_on="2026-11-02", status="open")  # fmt: skip
        return case, changes


def median_push_ms(store: Store, writer: Writer, case_id: str, repeat: int = 25) -> float:
    samples = []
    for _ in range(repeat):
        note = writer.write("contact_note", uuid.uuid4().hex, case_id=case_id, text="x",
                            contact_on="2026-11-20", kind="phone")  # fmt: skip
        began = time.perf_counter()
        result = store.push(writer.who, note)
        samples.append((time.perf_counter() - began) * 1000)
        assert not result.rejected, result.rejected[:1]
    return statistics.median(samples)


def run(name: str, url: str) -> None:
    store = Store(url, migrate=True)
    try:
        store.add_team("Bench")
        quiet, busy = Writer(store, "quiet"), Writer(store, "busy")
        quiet_case, changes = quiet.case()
        store.push(quiet.who, changes)
        busy_case, changes = busy.case()
        store.push(busy.who, changes)
        baseline = median_push_ms(store, quiet, quiet_case)
        parked = [uuid.uuid4().hex for _ in range(MAX_PARKED_ROWS)]
        for start in range(0, len(parked), 500):
            batch = [c for cid in parked[start:start + 500]
                     for c in busy.write("client", cid, first_name="P", last_name="X")]  # fmt: skip
            assert not store.push(busy.who, batch).rejected
        if store.engine.dialect.name == "postgresql":  # what autovacuum does after a bulk load
            with store.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        full = median_push_ms(store, busy, busy_case)
        others = median_push_ms(store, quiet, quiet_case)
        claim = busy.write("case_file", uuid.uuid4().hex, client_id=parked[0],
                           caseworker_id=busy.who.user_id, opened_on="2026-11-02",
                           status="open")  # fmt: skip
        began = time.perf_counter()
        assert not store.push(busy.who, claim).rejected
        claim_ms = (time.perf_counter() - began) * 1000
    finally:
        store.close()
    print(f"parked rows, {name}: a one-note push, median of 25")
    print(f"  device with nothing parked (baseline): {baseline:.1f} ms")
    print(f"  device with {MAX_PARKED_ROWS:,} parked rows: {full:.1f} ms = "
          f"{full / baseline:.2f}x baseline")  # fmt: skip
    print(f"  the other device meanwhile: {others:.1f} ms = {others / baseline:.2f}x baseline")
    print(f"  the push that claims one parked client: {claim_ms:.1f} ms")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'office.db'}")
    try:
        with postgres_cluster("office_parked") as url, tempfile.TemporaryDirectory() as tmp:
            os.environ["CASEWORKER_OFFICE_KEY_FILE"] = str(Path(tmp) / "office.keys")
            run("PostgreSQL", url)
    except PostgresMissing as exc:
        print(f"parked rows, PostgreSQL: skipped ({exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
