"""Several server processes on one PostgreSQL database: devices push through one process
and pull through another while others push at the same time, and every change arrives;
enrolment attempts are counted across processes; `serve --workers 2` serves, and its
/metrics adds up the workers. SQLite refuses more than one process."""

from __future__ import annotations

import subprocess
import threading
import time
import uuid

import httpx
import pytest

from caseworker_desktop.domain.hlc import Timestamp
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.e2e.conftest import BIN, OfficeServer, add_caseworker, enrolment_code, free_port
from tests.pg import reset_database

HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


@pytest.fixture
def two_servers(tmp_path, postgres_url):
    first, second = OfficeServer(tmp_path, postgres_url), OfficeServer(tmp_path, postgres_url)
    first.start()
    second.start()
    yield first, second
    first.kill()
    second.kill()
    reset_database(postgres_url)


def enrol(server: OfficeServer, username: str) -> tuple[dict[str, str], str]:
    add_caseworker(server.db, username)
    device_id = uuid.uuid4().hex
    response = httpx.post(
        server.url + "/enrol",
        json={"code": enrolment_code(server.db, username), "device_id": device_id},
        headers=HEADERS,
    )
    assert response.status_code == 200, response.text
    return {**HEADERS, "Authorization": f"Bearer {response.json()['token']}"}, device_id


def case_changes(user_id: str, device_id: str, n: int) -> list[dict]:
    """A case of the user with `n` contact notes: one write per row."""
    case_id, changes = uuid.uuid4().hex, []
    now = int(time.time() * 1000)

    def write(table: str, row_id: str, **fields) -> None:
        hlc = Timestamp(now + len(changes), 0, device_id).encode()
        for field, value in fields.items():
            changes.append({"change_id": uuid.uuid4().hex, "table": table, "row_id": row_id,
                            "field": field, "value": value, "hlc": hlc})  # fmt: skip

    client_id = uuid.uuid4().hex
    write("client", client_id, first_name='"Olena"', last_name='"Kovalenko"')
    write("case_file", case_id, client_id=f'"{client_id}"', caseworker_id=f'"{user_id}"',
          opened_on='"2026-11-02"', status='"open"')  # fmt: skip
    for i in range(n):
        write("contact_note", uuid.uuid4().hex, case_id=f'"{case_id}"', kind='"phone"',
              contact_on='"2026-11-20"', text=f'"Anruf {i}"')  # fmt: skip
    return changes


def test_push_through_one_process_pull_through_the_other(two_servers):
    first, second = two_servers
    enrolled = [enrol(first, f"fachkraft{i}") for i in range(4)]
    devices = [headers for headers, _device in enrolled]
    users = httpx.get(first.url + "/directory", headers=devices[0]).json()["users"]
    ids = {u["username"]: u["id"] for u in users}
    batches = {i: case_changes(ids[f"fachkraft{i}"], enrolled[i][1], 60) for i in range(4)}
    errors: list[str] = []

    def push(i: int) -> None:
        server = (first, second)[i % 2]  # half through each process
        changes = batches[i]
        for start in range(0, len(changes), 50):
            part = {"changes": changes[start : start + 50]}
            response = httpx.post(
                server.url + "/sync/push", headers=devices[i], json=part, timeout=30
            )
            if response.status_code != 200 or response.json()["rejected"]:
                errors.append(response.text)

    received: dict[int, set[str]] = {i: set() for i in range(4)}

    def pull_until_done(i: int, stop: threading.Event) -> None:
        """Pull in a tight loop; the last pass starts after every push was answered."""
        cursor = 0
        while True:
            last_pass = stop.is_set()  # before the request: its snapshot is after the pushes
            page = httpx.get(second.url + "/sync/pull", headers=devices[i],
                             params={"cursor": cursor}, timeout=30).json()  # fmt: skip
            received[i].update(c["row_id"] + c["field"] for c in page["changes"])
            cursor = page["next_cursor"]
            if last_pass and not page["more"]:
                return

    stop = threading.Event()
    pullers = [threading.Thread(target=pull_until_done, args=(i, stop)) for i in range(4)]
    pushers = [threading.Thread(target=push, args=(i,)) for i in range(4)]
    for thread in pullers + pushers:
        thread.start()
    for thread in pushers:
        thread.join()
    stop.set()
    for thread in pullers:
        thread.join()
    assert errors == []
    for i in range(4):  # every device received all of its own case, whichever way it went
        assert received[i] == {c["row_id"] + c["field"] for c in batches[i]}


def test_enrolment_attempts_are_counted_across_processes(two_servers):
    first, second = two_servers

    def wrong_code(server: OfficeServer) -> int:
        attempt = {"code": "FALSCH-000", "device_id": uuid.uuid4().hex}
        return httpx.post(server.url + "/enrol", headers=HEADERS, json=attempt).status_code

    for server in (first, second) * 5:  # ten wrong codes, alternating
        assert wrong_code(server) == 403
    assert wrong_code(second) == 429


def test_workers_serve_and_add_up_their_metrics(tmp_path, postgres_url):
    subprocess.run([str(BIN / "caseworker-office"), "migrate", "--db", postgres_url],
                   check=True, capture_output=True)  # fmt: skip
    port = free_port()
    with (tmp_path / "workers.log").open("ab") as log:
        proc = subprocess.Popen(
            [str(BIN / "caseworker-office"), "serve", "--db", postgres_url, "--host",
             "127.0.0.1", "--port", str(port), "--workers", "2"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            threading.Event().wait(0.1)
        for _ in range(20):
            assert httpx.get(url + "/version", headers=HEADERS).status_code == 200
        metrics = httpx.get(url + "/metrics").text
        wanted = 'caseworker_requests_total{route="/version",status="200"}'
        line = next(line for line in metrics.splitlines() if line.startswith(wanted))
        assert float(line.split()[-1]) == 20.0  # both workers' requests, added up
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        reset_database(postgres_url)


def test_sqlite_refuses_more_than_one_process(tmp_path):
    result = subprocess.run(
        [str(BIN / "caseworker-office"), "serve", "--db", f"sqlite:///{tmp_path / 'o.db'}",
         "--workers", "2"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "nur mit PostgreSQL" in result.stderr
