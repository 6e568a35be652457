"""The district office after years of history: office databases of 100,000 to millions of
changes, built quickly, then measured through the real server process (HTTP).

The office is built from a demo caseload pushed once through the office's own push code;
every client of the big office is a copy of one of its cases with fresh ids, in the
history order of a real office (the clients of all teams interleaved). About 110 changes
per client, 100 clients per caseworker (open and closed), teams of 24 caseworkers and a
team lead, and one case in a hundred reassigned (an eviction in the log).

Printed per size and database:
- the first sync of a team lead and of a caseworker (every page, from cursor 0),
- an empty pull at the head,
- a caseworker's pull 5,000 changes behind with 100 new changes of their own, and one a
  busy day (50,000 changes) behind,
- a push of a new client (about 110 changes), a push that claims a parked client,
- a reassignment (administration, through the office's code),
and at the end how each grew from the smallest office to the largest.

    .venv/bin/python bench/scale.py [--sizes 100k,1m] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pg, bench.load

from bench.load import template as demo_writes
from tests.pg import PostgresMissing, postgres_cluster

from caseworker_desktop.domain.model import new_id
from caseworker_desktop.office import schema as s
from caseworker_desktop.office.sealing import is_sealed
from caseworker_desktop.office.store import Store
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Change

CHANGES_PER_CLIENT = 110
CLIENTS_PER_CASEWORKER = 100
CASEWORKERS_PER_TEAM = 24
TEMPLATE_CLIENTS = 60


@dataclass
class Case:
    """One case of the template office: its rows with their current values and its part
    of the log, written with the ids of the template."""

    case_id: str
    ids: list[str]  # every row id of the case
    rows: list[tuple[str, str]]  # row_case
    fields: list[tuple]  # field_state: table, row, field, value, hlc, device
    log: list[tuple]  # changes: table, row, field, value, hlc, device


def template_cases(tmp: Path, key_file: Path) -> tuple[list[Case], str, str]:
    """The demo caseload, pushed through the office's own code into a scratch office:
    (its cases, the template user's id, the template device's id)."""
    writes, user_id, device_id = demo_writes(tmp, TEMPLATE_CLIENTS * CHANGES_PER_CLIENT)
    store = Store(f"sqlite:///{tmp / 'template.db'}", migrate=True, key_file=str(key_file))
    store.add_team("Vorlage")
    real_user = store.add_user("vorlage", "Vorlage", "caseworker", "Vorlage")
    code, _ = store.issue_enrolment_code("vorlage")
    real_device = uuid.uuid4().hex
    token, _ = store.enrol(code, real_device, "Vorlage", None)
    who = store.authenticate(token)
    batch: list[Change] = []
    for write in [*writes, []]:  # never cut inside a write (its row needs all its fields)
        if (len(batch) + len(write) > 2000 or not write) and batch:
            response = store.push(who, batch)
            assert not response.rejected, response.rejected[:1]
            batch = []
        batch += [
            Change(**{**c, "value": c["value"].replace(user_id, real_user),
                      "hlc": c["hlc"].replace(device_id, real_device)})
            for c in write
        ]  # fmt: skip
    cases: dict[str, Case] = {}
    with store.engine.connect() as conn:
        for (case_id,) in conn.execute(s.cases.select().with_only_columns(s.cases.c.case_id)
                                       .where(s.cases.c.kind == "case")):  # fmt: skip
            cases[case_id] = Case(case_id, [], [], [], [])
        of_row = {}
        for table, row_id, case_id in conn.execute(s.row_case.select()):
            if case_id in cases:
                of_row[(table, row_id)] = case_id
                cases[case_id].rows.append((table, row_id))
                cases[case_id].ids.append(row_id)
        for row in conn.execute(s.field_state.select()):
            if (case_id := of_row.get((row[0], row[1]))) is not None:
                cases[case_id].fields.append(tuple(row))
        columns = ("table_name", "row_id", "field", "value", "hlc", "device_id")
        for row in conn.execute(
            s.changes.select().with_only_columns(*(s.changes.c[c] for c in columns))
            .order_by(s.changes.c.seq)
        ):  # fmt: skip
            if (case_id := of_row.get((row[0], row[1]))) is not None:
                cases[case_id].log.append(tuple(row))
    store.close()
    for case in cases.values():
        case.ids = list(dict.fromkeys([case.case_id, *case.ids]))
    return list(cases.values()), real_user, real_device


class Builder:
    """Writes copies of the template's cases into an office database, fast: driver-level
    executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, store: Store, cases: list[Case], user_id: str, device_id: str):
        self.store, self.cases = store, cases
        self.template_user, self.template_device = user_id, device_id
        self.sealer = store.sealer
        self.conn = store.engine.raw_connection()
        self.postgres = store.url.startswith("postgresql")
        self.buffers: dict[str, list[tuple]] = {"changes": [], "field_state": [],
                                                "row_case": [], "cases": []}  # fmt: skip
        self.written = 0
        self.prefix = new_id()[:12]  # change ids in a laptop's order: time, then a serial
        self.serial = itertools.count()
        self.now = s.utcnow()
        self.received = self.now.strftime("%Y-%m-%d %H:%M:%S.%f")

    def client(self, n: int, caseworker: str, team: str, device: str) -> str:
        case = self.cases[n % len(self.cases)]
        new = {old: new_id() for old in case.ids}
        quoted = {f'"{old}"': f'"{fresh}"' for old, fresh in new.items()}
        quoted[f'"{self.template_user}"'] = f'"{caseworker}"'
        tail = len(self.template_device)

        def value(table: str, row: str, field: str, raw: str) -> str:
            if is_sealed(raw):
                plain = self.sealer.open(table, row, field, raw)
                return self.sealer.seal(table, new[row], field, quoted.get(plain, plain))
            return quoted.get(raw, raw)

        def clock(hlc: str) -> str:
            return hlc[:-tail] + device if hlc.endswith(self.template_device) else hlc

        def who(dev: str) -> str:
            return device if dev == self.template_device else dev

        b = self.buffers
        b["cases"].append((new[case.case_id], caseworker, team, "case"))
        b["row_case"] += [(t, new[r], new[case.case_id]) for t, r in case.rows]
        b["field_state"] += [(t, new[r], f, value(t, r, f, v), clock(h), who(d))
                             for t, r, f, v, h, d in case.fields]  # fmt: skip
        b["changes"] += [
            (f"{self.prefix}{next(self.serial):020x}", t, new[r], f, value(t, r, f, v), clock(h),
             who(d),
             caseworker if who(d) == device else s.OFFICE, self.received)
            for t, r, f, v, h, d in case.log
        ]  # fmt: skip
        self.written += len(case.log)
        return new[case.case_id]

    def evict(self, case_id: str, user_id: str) -> None:
        entry = s.office_change(
            (s.EVICT_TABLE, case_id), "user", user_id, "0" * 15 + "-000000-office"
        )
        self.buffers["changes"].append(
            (entry["change_id"], s.EVICT_TABLE, case_id, "user", entry["value"], entry["hlc"],
             s.OFFICE, s.OFFICE, self.received)
        )  # fmt: skip
        self.written += 1

    COLUMNS: ClassVar[dict[str, tuple[str, ...]]] = {
        "changes": ("change_id", "table_name", "row_id", "field", "value", "hlc", "device_id",
                    "user_id", "received_at"),
        "field_state": ("table_name", "row_id", "field", "value", "hlc", "device_id"),
        "row_case": ("table_name", "row_id", "case_id"),
        "cases": ("case_id", "caseworker_id", "team_id", "kind"),
    }  # fmt: skip

    def flush(self) -> None:
        cursor = self.conn.cursor()
        for table in ("cases", "row_case", "field_state", "changes"):
            rows, columns = self.buffers[table], self.COLUMNS[table]
            if not rows:
                continue
            if self.postgres:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
            rows.clear()
        self.conn.commit()

    def close(self) -> None:
        self.flush()
        cursor = self.conn.cursor()
        if self.postgres:
            self.conn.commit()
            self.conn.driver_connection.autocommit = True
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does in a real office
        self.conn.close()


@dataclass
class Office:
    url: str
    lead_token: str
    worker_token: str
    worker_id: str
    worker_case: str
    changes: int
    clients: int
    caseworkers: int
    teams: int


def build(url: str, size: int, cases, user_id, device_id, key_file: Path) -> Office:
    clients = max(1, size // CHANGES_PER_CLIENT)
    caseworkers = max(1, clients // CLIENTS_PER_CASEWORKER)
    teams = max(1, round(caseworkers / CASEWORKERS_PER_TEAM))
    store = Store(url, migrate=True, key_file=str(key_file))
    team_ids = [store.add_team(f"Team {t + 1}") for t in range(teams)]
    workers = [
        (store.add_user(f"fk{w:04d}", f"Fachkraft {w}", "caseworker", f"Team {w % teams + 1}"),
         team_ids[w % teams], uuid.uuid4().hex)
        for w in range(caseworkers)
    ]  # fmt: skip
    store.add_user("leitung1", "Teamleitung 1", "team_lead", "Team 1")
    tokens = []
    for username in ("leitung1", "fk0000"):
        code, _ = store.issue_enrolment_code(username)
        tokens.append(store.enrol(code, uuid.uuid4().hex, username, None)[0])
    builder = Builder(store, cases, user_id, device_id)
    rng = random.Random(7)
    worker_case = ""
    for n in range(clients):
        worker, team, device = workers[n % caseworkers]
        case_id = builder.client(n, worker, team, device)
        if n % caseworkers == 0:
            worker_case = worker_case or case_id
        if n % 100 == 99:  # reassigned once: the old caseworker got an eviction
            builder.evict(case_id, workers[rng.randrange(caseworkers)][0])
        if len(builder.buffers["changes"]) >= 100_000:
            builder.flush()
    builder.close()
    store.close()
    return Office(url, tokens[0], tokens[1], workers[0][0], worker_case, builder.written,
                  clients, caseworkers, teams)  # fmt: skip


def serve(url: str, key_file: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "CASEWORKER_OFFICE_KEY_FILE": str(key_file)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "caseworker_desktop.office.cli", "serve", "--db", url,
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/healthz")
            return proc, base
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("office server did not start")


class Device:
    def __init__(self, base: str, token: str):
        self.http = httpx.Client(
            base_url=base, timeout=600,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"},
        )  # fmt: skip
        self.cursor = 0

    def sync(self) -> tuple[float, int, int]:
        """(seconds, changes, pages) of pulling everything after the cursor."""
        token, changes, pages = None, 0, 0
        began = time.perf_counter()
        while True:
            params = {"cursor": self.cursor, "limit": 5000, "form": "rows"}
            if token:
                params["snapshot"] = token
            page = self.http.get("/sync/pull", params=params).raise_for_status().json()
            values = len(page["changes"]) + sum(len(r[3]) for r in page.get("rows", ())) // 2
            changes, pages = changes + values, pages + 1
            self.cursor, token = page["next_cursor"], page.get("snapshot")
            if not page["more"]:
                return time.perf_counter() - began, changes, pages

    def pull_ms(self, cursor: int) -> float:
        began = time.perf_counter()
        self.http.get("/sync/pull", params={"cursor": cursor, "limit": 5000}).raise_for_status()
        return (time.perf_counter() - began) * 1000

    def push_ms(self, changes: list[dict]) -> float:
        began = time.perf_counter()
        response = self.http.post("/sync/push", json={"changes": changes}).raise_for_status()
        assert not response.json()["rejected"], response.json()["rejected"][:1]
        return (time.perf_counter() - began) * 1000


# What a district office of 30 caseworkers writes in a busy day: a laptop that synced
# yesterday is this far behind the head, with a few dozen changes of its own user in it.
DAY_CHANGES = 50_000


def _stamp(device: str, n: int) -> str:
    return f"{int(time.time() * 1000):015d}-{n:06d}-{device}"


def _write(table: str, row_id: str, device: str, n: int, **fields) -> list[dict]:
    hlc = _stamp(device, n)
    return [{"change_id": uuid.uuid4().hex, "table": table, "row_id": row_id, "field": f,
             "value": json.dumps(v), "hlc": hlc} for f, v in fields.items()]  # fmt: skip


def _new_client(device: str, n: int, user_id: str, notes: int) -> list[dict]:
    client, case = uuid.uuid4().hex, uuid.uuid4().hex
    changes = _write("client", client, device, n, first_name="Olena", last_name="Kovalenko",
                     birth_date="1990-01-01", nationality="UKR")  # fmt: skip
    changes += _write("case_file", case, device, n + 1, client_id=client, caseworker_id=user_id,
                      opened_on="2026-11-02", status="open")  # fmt: skip
    for i in range(notes):
        note = uuid.uuid4().hex
        changes += _write("contact_note", note, device, n + 2 + i, case_id=case,
                          contact_on="2026-11-20", kind="home_visit")  # fmt: skip
    return changes


def measure(name: str, office: Office, key_file: Path) -> dict[str, float]:
    proc, base = serve(office.url, key_file)
    device = "d" * 32  # the caseworker's laptop, as its clocks name it
    try:
        lead, worker = Device(base, office.lead_token), Device(base, office.worker_token)
        lead_s, lead_changes, lead_pages = lead.sync()
        worker_s, worker_changes, _pages = worker.sync()
        empty = statistics.median(worker.pull_ms(worker.cursor) for _ in range(20))
        behind, day, pushes, claims = [], [], [], []
        n = 1
        for _ in range(5):
            pushes.append(worker.push_ms(_new_client(device, n, office.worker_id, 15)))
            worker.sync()
            notes = []
            for i in range(25):  # 100 new changes in one of the caseworker's cases
                notes += _write("contact_note", uuid.uuid4().hex, device, n + 20 + i,
                                case_id=office.worker_case, contact_on="2026-11-21",
                                kind="phone")  # fmt: skip
            worker.push_ms(notes)
            behind.append(worker.pull_ms(max(0, worker.cursor - 4_900)))
            day.append(worker.pull_ms(max(1, worker.cursor - DAY_CHANGES)))
            worker.sync()
            # a client registered first (parked), then the case that claims it
            client = uuid.uuid4().hex
            worker.push_ms(_write("client", client, device, n + 50, first_name="Amir",
                                  last_name="Haidari"))  # fmt: skip
            case = _write("case_file", uuid.uuid4().hex, device, n + 51, client_id=client,
                          caseworker_id=office.worker_id, opened_on="2026-11-22",
                          status="open")  # fmt: skip
            claims.append(worker.push_ms(case))
            n += 100
    finally:
        proc.kill()
        proc.wait()
    store = Store(office.url, key_file=str(key_file))
    began = time.perf_counter()
    store.reassign(office.worker_case, "fk0001" if office.caseworkers > 1 else "leitung1")
    reassign_ms = (time.perf_counter() - began) * 1000
    store.close()
    figures = {
        "lead_s": lead_s, "lead_us_per_value": lead_s / max(1, lead_changes) * 1e6,
        "empty_ms": empty, "behind_ms": statistics.median(behind),
        "day_ms": statistics.median(day),
        "push_ms": statistics.median(pushes), "claim_ms": statistics.median(claims),
        "reassign_ms": reassign_ms,
    }  # fmt: skip
    print(
        f"{name}: {office.changes:,} changes, {office.clients:,} clients, "
        f"{office.caseworkers} caseworkers, {office.teams} teams\n"
        f"  first sync: team lead {lead_s:.2f} s ({lead_changes:,} values, {lead_pages} pages,"
        f" {figures['lead_us_per_value']:.1f} µs a value; target < 2 s at 5 million changes)"
        f", caseworker {worker_s:.2f} s ({worker_changes:,})\n"
        f"  empty pull {empty:.1f} ms; 100 new changes 5,000 behind {figures['behind_ms']:.1f}"
        f" ms, a busy day ({DAY_CHANGES:,}) behind {figures['day_ms']:.1f} ms"
        f"; push of a new client (47 changes) {figures['push_ms']:.1f} ms; push claiming a"
        f" parked client {figures['claim_ms']:.1f} ms; reassignment {reassign_ms:.0f} ms",
        flush=True,
    )
    return figures


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1m", help="changes per office, e.g. 100k,1m,5m")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    sizes = [parse_size(x) for x in args.sizes.split(",")]
    results: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        key_file = tmp / "office.keys"
        began = time.perf_counter()
        cases, user_id, device_id = template_cases(tmp, key_file)
        print(f"template: {len(cases)} cases in {time.perf_counter() - began:.1f} s", flush=True)
        for backend in args.backends.split(","):
            for size in sizes:
                began = time.perf_counter()
                if backend == "sqlite":
                    url = f"sqlite:///{tmp / f'office-{size}.db'}"
                    office = build(url, size, cases, user_id, device_id, key_file)
                    print(f"built in {time.perf_counter() - began:.0f} s", flush=True)
                    results.setdefault("SQLite", []).append(
                        measure(f"SQLite {size:,}", office, key_file)
                    )
                    Path(url.removeprefix("sqlite:///")).unlink()
                    continue
                try:
                    with postgres_cluster("office_scale") as url:
                        office = build(url, size, cases, user_id, device_id, key_file)
                        print(f"built in {time.perf_counter() - began:.0f} s", flush=True)
                        results.setdefault("PostgreSQL", []).append(
                            measure(f"PostgreSQL {size:,}", office, key_file)
                        )
                except PostgresMissing as exc:
                    print(f"PostgreSQL skipped ({exc})")
                    break
    for name, rows in results.items():
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            print(f"{name}: from the smallest office to the largest, "
                  + ", ".join(f"{k} x{last[k] / first[k]:.2f}" for k in
                              ("lead_s", "lead_us_per_value", "empty_ms", "behind_ms", "day_ms",
                               "push_ms", "claim_ms", "reassign_ms") if first[k]))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
