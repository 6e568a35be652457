"""A forgotten passphrase, end to end on SQLite and PostgreSQL (issue 12, item 4): the
office unwraps the escrowed data key with its private key, at the office, and issues a
one-time code; the laptop fetches the credential with it and gets a new passphrase and a
new data key; the next sync escrows the new key. The private key never reaches a laptop,
and a code works once, for its device, within a day. Attacks with a raw HTTP client."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from caseworker_desktop.cli import main as laptop_main
from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.errors import CaseworkerError
from caseworker_desktop.office import schema
from caseworker_desktop.office.api import create_app
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.services import Services
from caseworker_desktop.storage import backups, vault
from caseworker_desktop.storage.casefile import CaseFile, db_path, key_file_path
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.conftest import PASSPHRASE
from tests.helpers import new_client, sync_once
from tests.inprocess import URL, TestClient

NEW_PASSPHRASE = "Neue-Passphrase-nach-Wiederherstellung"
PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


@pytest.fixture
def office(inprocess_office):
    return inprocess_office


@pytest.fixture
def keys(office, db_url, tmp_path, capsys):
    """The office's recovery key pair: the private half in a file only its owner reads."""
    private = tmp_path / "office.pem"
    assert office_main(["recovery-key", "--db", db_url, "--out", str(private)]) == 0
    capsys.readouterr()
    assert private.stat().st_mode & 0o777 == 0o600
    return private


@pytest.fixture
def laptop(tmp_path, office, keys):
    """Anna's case file, made in the app (no recovery key given at set-up), enrolled: the
    enrolment hands over the office's key and the laptop escrows its data key at once."""
    case_file = CaseFile.create(
        tmp_path / "anna",
        username="anna",
        passphrase=PASSPHRASE,
        clock=FakeClock(datetime.now(UTC)),
    )
    SyncClient.enrol(case_file, URL, office.issue_enrolment_code("anna")[0])
    assert case_file.key_file.recovery is not None
    new_client(Services(case_file), first="Mariia", last="Melnyk")
    sync_once(case_file)
    case_file.lock()
    assert _escrow(office, case_file.device_id)
    return tmp_path / "anna", case_file.device_id


def _issue(capsys, db_url, device_id, private_key) -> str:
    code = office_main(
        ["recovery", "--db", db_url, "--device", device_id, "--recovery-key", str(private_key)]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    return re.search(r"Wiederherstellungscode für Gerät \S+ \(anna\): (\S+)", out)[1]


def _recover(capsys, data_dir, code: str) -> tuple[int, str]:
    status = laptop_main(["recover", "--data-dir", str(data_dir), "--server", URL, "--code", code])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out + err


def _escrow(office, device_id) -> str:
    with office.engine.connect() as conn:
        return conn.execute(
            sa.select(schema.devices.c.recovery_wrap).where(schema.devices.c.id == device_id)
        ).scalar()


def _opens(data_dir, passphrase) -> bool:
    try:
        CaseFile.open(data_dir, passphrase).lock()
    except CaseworkerError:
        return False
    return True


def test_recovery_by_phone_gives_a_new_key_and_the_next_sync_escrows_it(
    laptop, office, keys, db_url, tmp_path, capsys, monkeypatch
):
    data_dir, device_id = laptop
    taken = tmp_path / "taken-keyfile.json"
    shutil.copy(key_file_path(data_dir), taken)
    escrowed = _escrow(office, device_id)
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", NEW_PASSPHRASE)

    code = _issue(capsys, db_url, device_id, keys)
    assert len(code.replace("-", "")) >= 16
    status, out = _recover(capsys, data_dir, code)
    assert status == 0 and "Zugang wiederhergestellt" in out

    assert not _opens(data_dir, PASSPHRASE)
    thief = tmp_path / "thief"
    thief.mkdir()
    shutil.copy(taken, key_file_path(thief))
    shutil.copy(db_path(data_dir), db_path(thief))
    assert not _opens(thief, PASSPHRASE)  # an earlier key file opens nothing current
    # one code, one recovery
    status, out = _recover(capsys, data_dir, code)
    assert status == 2 and "ungültig, abgelaufen oder schon verwendet" in out

    case_file = CaseFile.open(data_dir, NEW_PASSPHRASE)
    try:
        with case_file.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT first_name FROM client").scalar() == "Mariia"
        report = sync_once(case_file)
        assert report.audit_problem is None  # the chain the office acknowledged still holds
    finally:
        case_file.lock()
    assert _escrow(office, device_id) != escrowed

    # The new escrow holds the new key: a second recovery works from it.
    code = _issue(capsys, db_url, device_id, keys)
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", "Dritte-Passphrase-im-Winter")
    assert _recover(capsys, data_dir, code)[0] == 0
    assert _opens(data_dir, "Dritte-Passphrase-im-Winter")

    with office.engine.connect() as conn:
        actions = [r.action for r in conn.execute(sa.select(schema.office_audit))]
    assert {"recovery_key_create", "recovery_issue", "recovery_redeem", "escrow_update"} <= set(
        actions
    )


def test_a_wrong_code_or_another_device_gets_nothing_and_changes_nothing(
    laptop, office, keys, db_url, tmp_path, capsys, monkeypatch
):
    data_dir, device_id = laptop
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", NEW_PASSPHRASE)
    code = _issue(capsys, db_url, device_id, keys)
    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    status, out = _recover(capsys, data_dir, wrong)
    assert status == 2 and "ungültig" in out
    # Ben's laptop (another device) with Anna's code
    other = CaseFile.create(tmp_path / "ben", username="ben", passphrase=PASSPHRASE)
    SyncClient.enrol(other, URL, office.issue_enrolment_code("ben")[0])
    other.lock()
    status, out = _recover(capsys, tmp_path / "ben", code)
    assert status == 2 and "ungültig" in out
    assert _opens(data_dir, PASSPHRASE) and _opens(tmp_path / "ben", PASSPHRASE)
    # the right code still works after the failed tries
    assert _recover(capsys, data_dir, code)[0] == 0
    # a code issued before the device was revoked (stolen laptop) works no more
    code = _issue(capsys, db_url, device_id, keys)
    office.revoke(device_id)
    status, out = _recover(capsys, data_dir, code)
    assert status == 2 and "ungültig" in out


def test_the_office_refuses_what_no_honest_laptop_sends(laptop, office, keys, db_url, capsys):
    _, device_id = laptop
    client = TestClient(create_app(office), base_url=URL)
    code = _issue(capsys, db_url, device_id, keys).replace("-", "")[:16]
    # an expired code is refused like a wrong one
    with office.engine.begin() as conn:
        conn.execute(
            schema.recovery_credentials.update().values(
                expires_at=schema.utcnow().replace(year=2020)
            )
        )
    answer = client.post("/recovery", json={"device_id": device_id, "code": code}, headers=PROTOCOL)
    assert answer.status_code == 403 and answer.json()["code"] == "recovery_code_invalid"
    # the escrow is not replaced without the device's token, nor with a half wrap
    answer = client.post("/recovery/escrow", json={"recovery_wrap": {}}, headers=PROTOCOL)
    assert answer.status_code == 401
    token = office.issue_enrolment_code("anna")[0]
    enrolled = client.post(
        "/enrol", json={"code": token, "device_id": "f" * 32}, headers=PROTOCOL
    ).json()
    headers = {**PROTOCOL, "Authorization": f"Bearer {enrolled['token']}"}
    answer = client.post("/recovery/escrow", json={"recovery_wrap": {"a": 1}}, headers=headers)
    assert answer.status_code == 422
    # guessing is slowed down: the attempts from one address are limited
    statuses = {
        client.post(
            "/recovery", json={"device_id": device_id, "code": f"{n:016d}"}, headers=PROTOCOL
        ).status_code
        for n in range(12)
    }
    assert 429 in statuses
    # and no answer ever carried a key
    assert "wrapped_dek" not in answer.text


def test_a_case_that_leaves_the_laptop_leaves_its_backups_too(laptop, office, tmp_path):
    """Eviction retires the backups kept here: restoring one must not bring the case back."""
    data_dir, _ = laptop
    case_file = CaseFile.open(data_dir, PASSPHRASE)
    try:
        with case_file.engine.connect() as conn:
            case_id = conn.exec_driver_sql("SELECT id FROM case_file").scalar()
        old = case_file.backup("manual")
        office.reassign(case_id, "ben")
        report = sync_once(case_file)
        assert report.evicted_cases == 1
    finally:
        case_file.lock()
    left = backups.kept(data_dir / "backups")
    assert old not in left and len(left) == 1
    copy = CaseFile.restore(left[0], tmp_path / "restored", PASSPHRASE)
    try:
        with copy.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM case_file").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM client").scalar() == 0
    finally:
        copy.lock()


def test_the_office_key_replaces_one_given_at_set_up_and_devices_show_the_escrow(
    office, keys, db_url, tmp_path, capsys
):
    """A file made with `caseworker init --recovery-key other.pem` escrows to the office's
    key at enrolment (the other key could never help at the office); a second key pair is
    refused; `devices` shows who has escrowed."""
    _, other_public = vault.generate_recovery_keypair()
    case_file = CaseFile.create(
        tmp_path / "anna", username="anna", passphrase=PASSPHRASE, recovery_public_pem=other_public
    )
    first_wrap = case_file.key_file.recovery
    SyncClient.enrol(case_file, URL, office.issue_enrolment_code("anna")[0])
    assert case_file.key_file.recovery != first_wrap
    device_id = case_file.device_id
    case_file.lock()
    assert _issue(capsys, db_url, device_id, keys)  # the office's key opens the escrow

    assert office_main(["recovery-key", "--db", db_url, "--out", str(tmp_path / "b.pem")]) == 2
    assert "bereits" in capsys.readouterr().err
    assert office_main(["recovery-key", "--db", db_url, "--out", str(keys)]) == 2
    assert "gibt es schon" in capsys.readouterr().err

    ben = CaseFile.create(tmp_path / "ben", username="ben", passphrase=PASSPHRASE)
    ben_device = ben.device_id
    ben.lock()
    assert office_main(["devices", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert device_id in out and "hinterlegt" in out and ben_device not in out
    assert office_main(["devices", "--db", db_url, "--user", "ben"]) == 0
    assert "Keine Geräte" in capsys.readouterr().out


def test_devices_enrolled_before_the_office_had_a_recovery_key_escrow_at_their_next_sync(
    office, db_url, tmp_path, capsys
):
    case_file = CaseFile.create(tmp_path / "anna", username="anna", passphrase=PASSPHRASE)
    SyncClient.enrol(case_file, URL, office.issue_enrolment_code("anna")[0])
    device_id = case_file.device_id
    assert case_file.key_file.recovery is None and not _escrow(office, device_id)
    private = tmp_path / "office.pem"
    assert office_main(["recovery-key", "--db", db_url, "--out", str(private)]) == 0
    capsys.readouterr()
    try:
        sync_once(case_file)
        assert case_file.key_file.recovery is not None
    finally:
        case_file.lock()
    assert _escrow(office, device_id)
    assert _issue(capsys, db_url, device_id, private)
