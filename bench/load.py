"""Server load: many enrolled devices (one user each) push and pull at the same time
against the real office server process (uvicorn), on SQLite and on PostgreSQL.

Each device pushes its own caseload (demo data written through the services once, then
given fresh ids per device) in batches, and after every push pulls what is new for it,
without what it pushed itself, as a laptop that synced before asks (`--with-own`: as
laptops before 2026-12 did). Printed: changes/s through the server and the latency of
single requests (median, p95).

    .venv/bin/python bench/load.py [--devices 50] [--rounds 4] [--batch 500] [--with-own]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pg

from tests.pg import PostgresMissing, postgres_cluster

from caseworker_desktop import demo
from caseworker_desktop.domain.model import new_id
from caseworker_desktop.office.store import Store
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

BIN = Path(sys.executable).parent
PASSPHRASE = "Benchmark-Passphrase-2026"
_HEX32 = re.compile(r"[0-9a-f]{32}")


def template(tmp: Path, changes: int) -> tuple[list[list[dict]], str, str]:
    """Outbox rows of a demo caseload, cut into writes (the fields of one row with one
    HLC), with the local user and device id they name."""
    cf = CaseFile.create(tmp / "template", username="template", passphrase=PASSPHRASE)
    demo.generate(Services(cf), max(2, changes // 110), seed=3)
    with cf.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT change_id, table_name, row_id, field, value, hlc, base_hlc"
            " FROM change_log ORDER BY seq"
        ).all()
        user_id = cf.state(conn, "user_id")
    device_id = cf.device_id
    cf.lock()
    writes: list[list[dict]] = []
    last = None
    for r in rows:
        change = dict(
            zip(
                ("change_id", "table", "row_id", "field", "value", "hlc", "base_hlc"),
                r,
                strict=True,
            )
        )
        if (r[1], r[2], r[5]) != last:
            writes.append([])
            last = (r[1], r[2], r[5])
        writes[-1].append(change)
    return writes, user_id, device_id


def batches(writes: list[list[dict]], size: int, count: int) -> list[list[dict]]:
    """`count` batches of about `size` changes, never cut inside a write."""
    out: list[list[dict]] = [[]]
    for write in writes:
        if len(out[-1]) + len(write) > size and out[-1]:
            if len(out) == count:
                break
            out.append([])
        out[-1].extend(write)
    return out


def for_device(batch_rows, old_user, old_device, user_id, device_id) -> list[bytes]:
    """The template's batches with fresh row ids and this device's user, as request bodies."""
    ids: dict[str, str] = {}

    def new(row_id: str) -> str:
        return ids.setdefault(row_id, new_id())  # as a laptop makes them

    for batch in batch_rows:
        for c in batch:
            new(c["row_id"])
    bodies = []
    for batch in batch_rows:
        changes = []
        for c in batch:
            value = json.loads(c["value"])
            if value == old_user:
                value = user_id
            elif isinstance(value, str) and _HEX32.fullmatch(value) and value in ids:
                value = ids[value]
            changes.append(
                {
                    "change_id": new_id(),
                    "table": c["table"],
                    "row_id": ids[c["row_id"]],
                    "field": c["field"],
                    "value": json.dumps(value, ensure_ascii=False),
                    "hlc": c["hlc"].replace(old_device, device_id),
                    "base_hlc": c["base_hlc"] and c["base_hlc"].replace(old_device, device_id),
                }
            )
        bodies.append(json.dumps({"changes": changes}).encode())
    return bodies


@dataclass
class Device:
    token: str
    bodies: list[bytes]
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    error: str = ""
    skip_own: bool = True  # as a laptop that synced before asks (sync.client)

    def run(self, url: str, start: threading.Barrier) -> None:
        headers = {
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            "Authorization": f"Bearer {self.token}",
            "Content-Type": "application/json",
        }
        cursor = 0
        with httpx.Client(base_url=url, headers=headers, timeout=300) as client:
            start.wait()
            try:
                for body in self.bodies:
                    began = time.perf_counter()
                    response = client.post("/sync/push", content=body)
                    self.push_ms.append((time.perf_counter() - began) * 1000)
                    response.raise_for_status()
                    answer = response.json()
                    self.pushed += answer["accepted"]
                    self.rejected += len(answer["rejected"])
                    more, snapshot = True, None
                    while more:
                        began = time.perf_counter()
                        params = {"cursor": cursor, "form": "rows"}  # as laptops ask
                        if self.skip_own:
                            params["own"] = "skip"
                        if snapshot:  # a snapshot in progress (office/snapshot.py)
                            params["snapshot"] = snapshot
                        response = client.get("/sync/pull", params=params)
                        self.pull_ms.append((time.perf_counter() - began) * 1000)
                        response.raise_for_status()
                        page = response.json()
                        self.pulled += len(page["changes"]) + sum(
                            len(row[3]) // 2 for row in page.get("rows") or ()
                        )
                        cursor, more = page["next_cursor"], page["more"]
                        snapshot = page.get("snapshot")
            except httpx.HTTPError as exc:
                self.error = f"{type(exc).__name__}: {exc}"


def enrol_devices(url: str, count: int) -> list[tuple[str, str, str]]:
    """(user id, device id, token) of `count` users with one enrolled device each, through
    the office's own administration code (what `caseworker-office` runs)."""
    store = Store(url, migrate=True)
    try:
        store.add_team("Last")
        devices = []
        for i in range(count):
            user_id = store.add_user(f"last{i:03d}", f"Fachkraft {i}", "caseworker", "Last")
            code, _ = store.issue_enrolment_code(f"last{i:03d}")
            device_id = uuid.uuid4().hex
            token, _ = store.enrol(code, device_id, f"Laptop {i}", None)
            devices.append((user_id, device_id, token))
        return devices
    finally:
        store.close()


def serve(db: str, workers: int = 1) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            str(BIN / "caseworker-office"),
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            httpx.get(url + "/version", headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)})
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("office server did not start")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children so far (Linux)."""
    total = 0.0
    for proc in [pid, *_children(pid)]:
        fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores (Linux)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK"), sum(fields) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *_children(child)]
    return found


def push_times(url: str) -> tuple[float, float]:
    """(waited, wrote): the mean seconds of the office's pushes from its /metrics."""
    sums: dict[str, float] = {}
    text = httpx.get(url + "/metrics").text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            sums[sample.name] = sums.get(sample.name, 0.0) + sample.value
    count = max(1.0, sums.get("caseworker_push_write_seconds_count", 0.0))
    return (sums.get("caseworker_push_wait_seconds_sum", 0.0) / count,
            sums.get("caseworker_push_write_seconds_sum", 0.0) / count)  # fmt: skip


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def load(name: str, db: str, template_rows, args) -> None:
    writes, old_user, old_device = template_rows
    batch_rows = batches(writes, args.batch, args.rounds)
    devices = [
        Device(
            token,
            for_device(batch_rows, old_user, old_device, user_id, device_id),
            skip_own=not args.with_own,
        )
        for user_id, device_id, token in enrol_devices(db, args.devices)
    ]
    proc, url = serve(db, args.workers)
    try:
        start = threading.Barrier(len(devices) + 1)
        threads = [threading.Thread(target=d.run, args=(url, start)) for d in devices]
        for t in threads:
            t.start()
        start.wait()
        began, busy_before, own_before = time.perf_counter(), machine_busy(), time.process_time()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        cpu = cpu_seconds(proc.pid)
        waited, wrote = push_times(url)
        busy_after, own = machine_busy(), time.process_time() - own_before
        busy = (busy_after[0] - busy_before[0]) / (busy_after[1] - busy_before[1])
    finally:
        proc.kill()
        proc.wait()
    errors = [d.error for d in devices if d.error]
    pushed = sum(d.pushed for d in devices)
    pulled = sum(d.pulled for d in devices)
    push_ms = [ms for d in devices for ms in d.push_ms]
    pull_ms = [ms for d in devices for ms in d.pull_ms]
    per_batch = pushed / max(1, len(push_ms))
    print(
        f"server load, {name} ({args.workers} server process(es)): {args.devices} devices "
        f"at once, each {len(batch_rows)} x "
        f"(push ~{per_batch:.0f} changes, then pull): {wall:.1f} s"
    )
    print(
        f"  push {pushed:,} changes = {pushed / wall:,.0f} changes/s; per request median "
        f"{statistics.median(push_ms):.0f} ms, p95 {percentile(push_ms, 0.95):.0f} ms "
        f"({len(push_ms)} requests)"
    )
    print(
        f"  pull {pulled:,} changes = {pulled / wall:,.0f} changes/s; per request median "
        f"{statistics.median(pull_ms):.0f} ms, p95 {percentile(pull_ms, 0.95):.0f} ms "
        f"({len(pull_ms)} requests)"
    )
    print(f"  in the office a push waited {waited * 1000:,.0f} ms for its turn to write and "
          f"wrote for {wrote * 1000:.1f} ms (means)")  # fmt: skip
    print(f"  together {(pushed + pulled) / wall:,.0f} changes/s through the server; "
          f"server CPU {cpu:.1f} s of {wall:.1f} s")  # fmt: skip
    print(f"  the machine's {os.cpu_count()} cores were {busy:.0%} busy; the devices (this "
          f"process) used {own:.1f} s of CPU")  # fmt: skip
    if errors or any(d.rejected for d in devices):
        print(f"  PROBLEMS: {len(errors)} devices failed ({errors[:1]}), "
              f"{sum(d.rejected for d in devices)} changes rejected")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--with-own", action="store_true",
        help="pulls with the devices' own changes in them (as laptops before 2026-12 asked)",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows = template(tmp, args.rounds * args.batch)
        if "sqlite" in args.backends:
            load("SQLite", f"sqlite:///{tmp / 'office.db'}", rows, args)
        if "postgresql" not in args.backends:
            return 0
        try:
            with postgres_cluster("office_bench") as url:
                os.environ["CASEWORKER_OFFICE_KEY_FILE"] = str(tmp / "pg-office.keys")
                load("PostgreSQL", url, rows, args)
        except PostgresMissing as exc:
            print(f"server load, PostgreSQL: skipped ({exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
