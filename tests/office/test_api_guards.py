"""What every call goes through (SECURITY.md 7 and 12): protocol version, body size,
device token, request schema. Every refusal is an ErrorBody with a German message."""

from __future__ import annotations

import json
import time

import pytest

from caseworker_desktop.sync.protocol import (
    MAX_BODY_BYTES,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    ErrorBody,
)
from tests.office.conftest import PROTOCOL, new_id

ENDPOINTS = [
    ("POST", "/sync/push", {"changes": []}),
    ("GET", "/sync/pull", None),
    ("GET", "/directory", None),
    ("GET", "/version", None),
    ("POST", "/enrol", {"code": "ABCD-EFGH-JKMN", "device_id": "0" * 32}),
]


def _call(client, method, path, body, headers):
    return client.request(method, path, json=body, headers=headers)


def _error(response, status: int) -> ErrorBody:
    assert response.status_code == status, response.text
    return ErrorBody.model_validate(response.json())


@pytest.fixture
def anna(office):
    office.user("anna")
    return office.laptop("anna")


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_a_revoked_device_gets_401_on_every_endpoint(office, anna, method, path, body):
    assert _call(office.client, method, path, body, anna.headers).status_code != 401
    office.store.revoke(anna.device_id)
    error = _error(_call(office.client, method, path, body, anna.headers), 401)
    assert "gesperrt" in error.message


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS[:3])
def test_sync_calls_without_a_valid_token_get_401(office, method, path, body):
    for headers in (PROTOCOL, {**PROTOCOL, "Authorization": "Bearer not-a-token"}):
        response = _call(office.client, method, path, body, headers)
        _error(response, 401)
        assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
@pytest.mark.parametrize(
    "version", [None, "0", "1", str(PROTOCOL_VERSION - 1), str(PROTOCOL_VERSION + 1), "eins"]
)
def test_another_protocol_version_gets_426_with_an_upgrade_message(
    office, anna, method, path, body, version
):
    headers = {"Authorization": anna.headers["Authorization"]}
    if version is not None:
        headers[PROTOCOL_HEADER] = version
    error = _error(_call(office.client, method, path, body, headers), 426)
    assert error.message.startswith("Bitte Caseworker Desktop aktualisieren")


def test_an_oversized_body_gets_413(office, anna):
    big = b'{"changes": [' + b" " * MAX_BODY_BYTES + b"]}"
    headers = {**anna.headers, "Content-Type": "application/json"}
    _error(office.client.post("/sync/push", content=big, headers=headers), 413)


def test_an_oversized_body_without_content_length_gets_413(office, anna):
    def chunks():  # sent chunked: the server cannot trust a declared length
        yield b'{"changes": ['
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b" " * 65536
        yield b"]}"

    headers = {**anna.headers, "Content-Type": "application/json"}
    _error(office.client.post("/sync/push", content=chunks(), headers=headers), 413)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"[]",
        b'{"changes": "none"}',
        b'{"changes": [], "extra": 1}',
        b'{"changes": [{"change_id": "x"}]}',
        '{"changes": [], "x": "\u00e4'.encode(),
        b"\xff\xfe\x00",
    ],
)
def test_malformed_push_bodies_get_422_not_500(office, anna, content):
    headers = {**anna.headers, "Content-Type": "application/json"}
    error = _error(office.client.post("/sync/push", content=content, headers=headers), 422)
    assert error.code == "invalid_request"


def test_nul_characters_and_lone_surrogates_get_422(office, anna):
    change = anna.write("contact_note", new_id(), text="x")[0]
    headers = {**anna.headers, "Content-Type": "application/json"}
    for bad in ("a\x00b", "\ud800"):  # JSON escapes carry both; the client cannot send raw
        body = json.dumps({"changes": [{**change, "hlc": change["hlc"][:-3] + bad}]})
        _error(office.client.post("/sync/push", content=body, headers=headers), 422)
    raw = json.dumps({"code": "ABCDEFGH", "device_id": new_id(), "device_name": "\ud800"})
    response = office.client.post(
        "/enrol", content=raw, headers={**PROTOCOL, "Content-Type": "application/json"}
    )
    _error(response, 422)


@pytest.mark.parametrize(
    "params", [{"cursor": -1}, {"cursor": 2**63}, {"cursor": "x"}, {"limit": 0}, {"limit": 5001}]
)
def test_bad_pull_parameters_get_422(office, anna, params):
    _error(office.client.get("/sync/pull", params=params, headers=anna.headers), 422)


def test_unknown_paths_and_methods_answer_in_the_error_shape(office, anna):
    assert _error(office.client.get("/nowhere", headers=anna.headers), 404).message
    assert _error(office.client.delete("/sync/push", headers=anna.headers), 405).message


def test_version_and_openapi(office):
    response = office.client.get("/version", headers=PROTOCOL)
    body = response.json()
    assert abs(body.pop("server_time_ms") - time.time() * 1000) < 60_000
    # no recovery key made for this office yet: laptops have nothing to escrow to
    epoch = body.pop("epoch")  # the database's history (a restore gives a new one)
    assert len(epoch) == 32 and int(epoch, 16) >= 0
    assert body == {"protocol": PROTOCOL_VERSION, "server": "0.1.0", "recovery_public_key": None}
    spec = office.client.get("/openapi.json").json()  # readable by any tool
    assert {"/enrol", "/sync/push", "/sync/pull", "/version"} <= set(spec["paths"])
