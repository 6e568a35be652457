"""SECURITY.md 6: a forgotten passphrase is recovered with the office recovery key."""

from __future__ import annotations

import pytest

from caseworker_desktop.cli import main
from caseworker_desktop.domain.enums import AuditAction
from caseworker_desktop.services import Services
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.audit import audit_events
from caseworker_desktop.storage.casefile import CaseFile, ProfileError
from tests.conftest import PASSPHRASE
from tests.helpers import new_client

NEW_PASSPHRASE = "Neue-Passphrase-nach-Wiederherstellung"


@pytest.fixture
def office_keys(tmp_path):
    private_pem, public_pem = vault.generate_recovery_keypair()
    (tmp_path / "office.pem").write_bytes(private_pem)
    (tmp_path / "office.pub.pem").write_bytes(public_pem)
    return tmp_path / "office.pem", tmp_path / "office.pub.pem"


def test_recovery_round_trip_through_the_cli(tmp_path, office_keys, monkeypatch, capsys):
    private, public = office_keys
    data_dir = tmp_path / "laptop"
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    assert (
        main(
            [
                "init",
                "--data-dir",
                str(data_dir),
                "--user",
                "bschulz",
                "--recovery-key",
                str(public),
            ]
        )
        == 0
    )
    cf = CaseFile.open(data_dir, PASSPHRASE)
    new_client(Services(cf), first="Mariia", last="Melnyk")
    cf.lock()

    monkeypatch.delenv("CASEWORKER_PASSPHRASE")
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["recover", "--data-dir", str(data_dir), "--recovery-key", str(private)]) == 0
    assert "wiederhergestellt" in capsys.readouterr().out

    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.open(data_dir, PASSPHRASE)
    cf = CaseFile.open(data_dir, NEW_PASSPHRASE)
    try:
        with cf.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT first_name FROM client").scalar() == "Mariia"
            actions = [e.action for e in audit_events(conn, "case_file")]
        assert AuditAction.RECOVERY in actions
        assert cf.verify() == []
    finally:
        cf.lock()


def test_recovery_with_the_wrong_office_key_fails_clearly(tmp_path, office_keys, capsys):
    _, public = office_keys
    data_dir = tmp_path / "laptop"
    cf = CaseFile.create(
        data_dir, username="x", passphrase=PASSPHRASE, recovery_public_pem=public.read_bytes()
    )
    cf.lock()
    other_private, _ = vault.generate_recovery_keypair()
    with pytest.raises(vault.VaultError, match="passt nicht"):
        CaseFile.recover(data_dir, other_private, NEW_PASSPHRASE)
    # nothing changed: the old passphrase still opens the file
    CaseFile.open(data_dir, PASSPHRASE).lock()


def test_recovery_without_escrow_is_refused(case_file, data_dir):
    case_file.lock()
    private, _ = vault.generate_recovery_keypair()
    with pytest.raises(ProfileError, match="kein Wiederherstellungsschlüssel"):
        CaseFile.recover(data_dir, private, NEW_PASSPHRASE)


def test_passphrase_change_rewraps_only(case_file, data_dir):
    db_before = (data_dir / "casefile.db").read_bytes()[:4096]
    case_file.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    case_file.lock()
    # the first page (and with it the database key) is unchanged: only the wrap changed
    assert (data_dir / "casefile.db").read_bytes()[:4096] == db_before
    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.open(data_dir, PASSPHRASE)
    CaseFile.open(data_dir, NEW_PASSPHRASE).lock()
