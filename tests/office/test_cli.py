"""The `caseworker-office` command: German messages, exit code 2 for user errors, no
tracebacks; key recovery from the escrowed wrap."""

from __future__ import annotations

import dataclasses
import re
import secrets

import pytest
import sqlalchemy as sa

from caseworker_desktop.office import schema
from caseworker_desktop.office.cli import main
from caseworker_desktop.storage import vault
from tests.office.conftest import PROTOCOL, Office, new_id


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_administration_from_team_to_revoked_device(db_url, store, capsys):
    db = ["--db", db_url]
    assert run(capsys, "team", "add", *db, "--name", "Team Nord")[0] == 0
    code, out, _ = run(
        capsys,
        "user",
        "add",
        *db,
        "--username",
        "amueller",
        "--display-name",
        "Anna Müller",
        "--role",
        "caseworker",
        "--team",
        "Team Nord",
    )
    assert code == 0 and "amueller" in out
    code, out, _ = run(capsys, "enrol", *db, "--username", "amueller")
    assert code == 0 and "gültig bis" in out
    enrol_code = re.search(r"([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", out)[1]

    office = Office(store)
    device_id = new_id()
    response = office.client.post(
        "/enrol", json={"code": enrol_code, "device_id": device_id}, headers=PROTOCOL
    )
    assert response.status_code == 200
    assert response.json()["user"]["display_name"] == "Anna Müller"

    assert run(capsys, "revoke", *db, "--device", device_id)[0] == 0
    headers = {**PROTOCOL, "Authorization": f"Bearer {response.json()['token']}"}
    assert office.client.get("/sync/pull", headers=headers).status_code == 401
    with store.engine.connect() as conn:
        actions = conn.execute(sa.select(schema.office_audit.c.action)).scalars().all()
    assert actions == ["team_add", "user_add", "code_issue", "device_enrol", "device_revoke"]


DB = "{db}"  # replaced by the test's database URL


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["user", "add", DB, "--username", "x", "--team", "Nirgendwo"], "gibt es nicht"),
        (["user", "add", DB, "--username", "Anna Müller"], "Benutzername"),
        (["user", "add", DB, "--username", "lead", "--role", "team_lead"], "braucht ein Team"),
        (["user", "add", DB, "--username", "x", "--role", "chef"], "ungültiger Aufruf"),
        (["enrol", DB, "--username", "niemand"], "gibt es nicht"),
        (["revoke", DB, "--device", "0" * 32], "Kein angemeldetes Gerät"),
        (["team", "add", DB, "--name", "  "], "Teamname fehlt"),
        (["recovery", DB, "--device", "0" * 32, "--recovery-key", "/nix.pem"], "nicht lesbar"),
    ],
)
def test_user_errors_exit_2_with_a_german_message(store, db_url, capsys, argv, message):
    argv = [part for arg in argv for part in (["--db", db_url] if arg == DB else [arg])]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refuses the call itself
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_duplicate_team_and_a_bad_database_url_are_user_errors(tmp_path, capsys):
    db = ["--db", f"sqlite:///{tmp_path / 'o.db'}"]
    assert run(capsys, "migrate", *db)[0] == 0
    assert run(capsys, "team", "add", *db, "--name", "Team Nord")[0] == 0
    assert run(capsys, "team", "add", *db, "--name", "Team Nord")[0] == 2
    assert run(capsys, "team", "add", "--db", "nonsense://", "--name", "x")[0] == 2
    code, _, err = run(
        capsys, "team", "add", "--db", f"sqlite:///{tmp_path}/no/such/dir/o.db", "--name", "x"
    )
    assert code == 2 and "Datenbank" in err


def test_recovery_issues_a_one_time_code_and_never_writes_the_key(store, db_url, tmp_path, capsys):
    private_pem, public_pem = vault.generate_recovery_keypair()
    (tmp_path / "office.pem").write_bytes(private_pem)
    office = Office(store)
    office.user("amueller")
    device_id, dek = new_id(), secrets.token_bytes(32)
    # As the laptop does it: bound to its local profile name, sent as the device name.
    wrap = vault.wrap_for_recovery(
        dek, vault.load_recovery_public_key(public_pem), user="anna-laptop", device_id=device_id
    )
    response = office.client.post(
        "/enrol",
        json={
            "code": office.code("amueller"),
            "device_id": device_id,
            "device_name": "anna-laptop",
            "recovery_wrap": dataclasses.asdict(wrap),
        },
        headers=PROTOCOL,
    )
    assert response.status_code == 200
    argv = ["recovery", "--db", db_url, "--device", device_id, "--recovery-key"]
    code, out, _ = run(capsys, *argv, str(tmp_path / "office.pem"))
    assert code == 0 and "Einmal verwendbar" in out
    printed = re.search(r"\(amueller\): (\S+)", out)[1].replace("-", "")
    # the credential opens with the code and holds the escrowed key; nothing on disk
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(schema.recovery_credentials)).one()
    credential = vault.KeyFile.from_json(row.credential.encode())
    assert bytes(vault.unwrap_dek(credential, printed[:16])) == dek
    assert row.code_hash != printed[:16] and printed[:16] not in row.credential
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("office.db")] == [
        "office.pem"
    ]

    other_pem, _ = vault.generate_recovery_keypair()
    (tmp_path / "other.pem").write_bytes(other_pem)
    code, _, err = run(capsys, *argv, str(tmp_path / "other.pem"))
    assert code == 2 and "passt nicht" in err


def test_codes_carry_the_pin_of_the_certificate_laptops_see(store, db_url, tmp_path, capsys):
    from caseworker_desktop.sync.pinning import pin_in_code, pin_of_pem, split_code
    from tests.e2e.test_tls import certificate

    Office(store).user("amueller")
    code, _, _ = run(capsys, "enrol", "--db", db_url, "--username", "amueller")
    assert code == 0
    cert, _key = certificate(tmp_path, "proxy")
    code, out, _ = run(capsys, "tls", "pin", "--db", db_url, "--cert", str(cert))
    assert code == 0 and pin_of_pem(cert.read_bytes()).hex() in out
    code, out, _ = run(capsys, "enrol", "--db", db_url, "--username", "amueller")
    printed = re.search(r"Anmeldecode für amueller: (\S+)", out)[1]
    assert printed.count("-") == 6 and "Fingerabdruck" in out
    assert split_code(printed)[1] == pin_in_code(pin_of_pem(cert.read_bytes()))
    (tmp_path / "kaputt.pem").write_text("kein Zertifikat")
    code, _, err = run(capsys, "tls", "pin", "--db", db_url, "--cert", str(tmp_path / "kaputt.pem"))
    assert code == 2 and "kein PEM-Zertifikat" in err
