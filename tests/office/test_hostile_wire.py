"""A hostile caller on the wire, against real `caseworker-office serve` processes: the device
token is checked before anything of the body is looked at; the enrolment rate limit is
shared by every server process (it lives in the database) and cannot be dodged with a
made-up X-Forwarded-For; only a configured proxy is believed."""

from __future__ import annotations

import subprocess
import time

import httpx
import pytest

from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.e2e.conftest import BIN, OfficeServer, add_caseworker, enrolment_code, free_port

PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
BAD_BODIES = [b"kein json", b'{"changes": "viele"}', b'{"changes": [{"table": 1}]}', b"{}"]


def _enrol(url: str, code: str, device: str, headers: dict | None = None) -> httpx.Response:
    return httpx.post(
        f"{url}/enrol",
        json={"code": code, "device_id": device, "device_name": "x"},
        headers={**PROTOCOL, **(headers or {})},
        timeout=10,
    )


@pytest.fixture
def office(tmp_path):
    server = OfficeServer(tmp_path)
    server.start()
    yield server
    server.kill()


def test_a_revoked_or_unknown_token_is_refused_before_the_body_is_read(office):
    add_caseworker(office.db, "anna")
    device = "a" * 32
    token = _enrol(office.url, enrolment_code(office.db, "anna"), device).json()["token"]
    auth = {**PROTOCOL, "Authorization": f"Bearer {token}"}
    assert (
        httpx.post(f"{office.url}/sync/push", content=b"kein json", headers=auth).status_code == 422
    )
    subprocess.run(
        [str(BIN / "caseworker-office"), "revoke", "--db", office.db, "--device", device],
        check=True, capture_output=True,
    )  # fmt: skip
    for headers in (auth, {**PROTOCOL, "Authorization": "Bearer erfunden"}):
        for body in BAD_BODIES:
            response = httpx.post(f"{office.url}/sync/push", content=body, headers=headers)
            assert response.status_code == 401, (body, response.text)
            assert response.json()["code"] == "unauthorized"
        pull = httpx.get(f"{office.url}/sync/pull", params={"cursor": -5}, headers=headers)
        assert pull.status_code == 401
        assert _enrol(office.url, "X", "kaputt", headers).status_code == 401


def test_the_enrolment_limit_is_shared_by_every_server_process(office, tmp_path):
    second = OfficeServer(tmp_path / "second", office.db)
    (tmp_path / "second").mkdir()
    second.start()
    try:
        codes = [_enrol(office.url, "AAAA-BBBB-CCCC", "b" * 32).status_code for _ in range(10)]
        assert codes == [403] * 10  # a wrong code, ten times: refused, counted
        assert _enrol(second.url, "AAAA-BBBB-CCCC", "b" * 32).status_code == 429
    finally:
        second.kill()


def test_a_made_up_forwarded_address_does_not_dodge_the_limit(office):
    codes = [
        _enrol(office.url, "AAAA-BBBB-CCCC", "c" * 32, {"X-Forwarded-For": f"10.0.0.{i}"})
        for i in range(11)
    ]
    assert [r.status_code for r in codes] == [403] * 10 + [429]
    assert "Minute" in codes[-1].json()["message"]


def test_a_configured_proxy_is_believed(tmp_path):
    db = f"sqlite:///{tmp_path / 'office.db'}"
    subprocess.run([str(BIN / "caseworker-office"), "migrate", "--db", db], check=True,
                   capture_output=True)  # fmt: skip
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "caseworker-office"), "serve", "--db", db, "--port", str(port),
         "--trusted-proxy", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{url}/version", headers=PROTOCOL, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        spread = [
            _enrol(url, "AAAA-BBBB-CCCC", "d" * 32, {"X-Forwarded-For": f"10.0.1.{i}"})
            for i in range(12)
        ]
        assert {r.status_code for r in spread} == {403}  # twelve clients behind the proxy
        one = [
            _enrol(url, "AAAA-BBBB-CCCC", "d" * 32, {"X-Forwarded-For": "10.0.2.7"})
            for _ in range(11)
        ]
        assert [r.status_code for r in one][-1] == 429  # one of them, guessing
    finally:
        proc.kill()
        proc.wait()
