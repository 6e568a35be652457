"""Enrolment with one-time codes (SECURITY.md 7): a code works once, within 24 hours,
and guessing is slowed down per client address."""

from __future__ import annotations

import json

import sqlalchemy as sa

from caseworker_desktop.office import schema
from caseworker_desktop.office.auth import hash_secret
from tests.office.conftest import PROTOCOL, Office, new_id

WRAP = {
    "alg": "X25519-HKDF-SHA256-AES256GCM",
    "key_id": "0123456789abcdef",
    "ephemeral_public": "AAAA",
    "nonce": "BBBB",
    "ciphertext": "CCCC",
}


def _enrol(office: Office, code: str, device_id: str | None = None, **extra):
    body = {"code": code, "device_id": device_id or new_id(), "device_name": "anna", **extra}
    return office.client.post("/enrol", json=body, headers=PROTOCOL)


def test_a_good_code_enrols_the_device_and_only_the_token_hash_is_stored(office):
    user_id = office.user("anna", team="Team Nord")
    device_id = new_id()
    response = _enrol(office, office.code("anna"), device_id, recovery_wrap=WRAP)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["user"] == {
        "id": user_id,
        "username": "anna",
        "display_name": "Anna",
        "role": "caseworker",
        "team_id": office.teams["Team Nord"],
        "stand_in": False,
    }
    with office.store.engine.connect() as conn:
        device = conn.execute(sa.select(schema.devices)).one()
        actions = conn.execute(sa.select(schema.office_audit.c.action)).scalars().all()
    assert device.id == device_id and device.user_id == user_id
    assert device.token_hash == hash_secret(body["token"])
    assert body["token"] not in device.token_hash
    assert json.loads(device.recovery_wrap) == WRAP
    assert "device_enrol" in actions


def test_codes_are_typed_by_hand_so_case_spaces_and_hyphens_do_not_matter(office):
    office.user("anna")
    code = office.code("anna")
    assert _enrol(office, f"  {code.lower().replace('-', ' ')} ").status_code == 200


def test_a_code_works_only_once(office):
    office.user("anna")
    code = office.code("anna")
    assert _enrol(office, code).status_code == 200
    again = _enrol(office, code)
    assert again.status_code == 403
    assert again.json()["code"] == "enrol_code_used"
    assert "bereits verwendet" in again.json()["message"]


def test_an_expired_code_is_refused(office):
    office.user("anna")
    code = office.code("anna")
    with office.store.write() as conn:
        conn.execute(
            schema.enrolment_codes.update().values(expires_at=schema.utcnow().replace(year=2020))
        )
    response = _enrol(office, code)
    assert response.status_code == 403
    assert response.json() == {
        "code": "enrol_code_expired",
        "message": response.json()["message"],
    }
    assert "abgelaufen" in response.json()["message"]


def test_an_unknown_code_is_refused(office):
    office.user("anna")
    response = _enrol(office, "ABCD-EFGH-JKMN")
    assert response.status_code == 403
    assert response.json()["code"] == "enrol_code_invalid"


def test_a_device_cannot_enrol_twice_and_the_code_stays_unused(office):
    office.user("anna")
    device_id = new_id()
    assert _enrol(office, office.code("anna"), device_id).status_code == 200
    code = office.code("anna")
    response = _enrol(office, code, device_id)
    assert response.status_code == 409
    assert _enrol(office, code).status_code == 200  # the refused attempt did not use it


def test_an_incomplete_recovery_wrap_is_refused(office):
    office.user("anna")
    response = _enrol(office, office.code("anna"), recovery_wrap={"alg": "x"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_enrolment_attempts_are_rate_limited_per_client_address(store):
    office = Office(store, enrol_rate_per_minute=3)
    office.user("anna")
    statuses = [_enrol(office, "WRONG-CODE-XX").status_code for _ in range(3)]
    assert statuses == [403, 403, 403]
    limited = _enrol(office, office.code("anna"))  # even a good code, until a minute passed
    assert limited.status_code == 429
    assert limited.json()["code"] == "too_many_requests"
    assert "Minute" in limited.json()["message"]
