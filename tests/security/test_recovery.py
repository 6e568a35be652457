"""Keys that rotate (issue 12, item 4; SECURITY.md 6): a passphrase change and a recovery
give the case file a new data key, so that neither an old passphrase nor an old key file
(kept beside a backup or taken elsewhere) opens anything current; old backups are retired;
an interrupted switch of keys ends in one of the two whole states, never in neither."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caseworker_desktop.cli import main
from caseworker_desktop.domain.enums import AuditAction
from caseworker_desktop.domain.errors import CaseworkerError
from caseworker_desktop.services import Services
from caseworker_desktop.storage import backups, vault
from caseworker_desktop.storage.audit import audit_events
from caseworker_desktop.storage.casefile import (
    BACKUP_DIR_NAME,
    ESCROW_PENDING,
    CaseFile,
    ProfileError,
    db_path,
    key_file_path,
)
from tests.conftest import PASSPHRASE
from tests.helpers import new_client

NEW_PASSPHRASE = "Neue-Passphrase-nach-Wiederherstellung"


def _opens(directory: Path, passphrase: str) -> bool:
    """Does this passphrase open the case file in `directory` (a copy, left untouched)?"""
    try:
        CaseFile.open(directory, passphrase).lock()
    except CaseworkerError:
        return False
    return True


def _thief_copy(tmp_path: Path, key_file: Path, database: Path, name: str) -> Path:
    """What someone holding an old key file and the current database would try."""
    target = tmp_path / name
    target.mkdir()
    shutil.copy(key_file, key_file_path(target))
    shutil.copy(database, db_path(target))
    return target


def _backups(data_dir: Path) -> list[Path]:
    return backups.kept(data_dir / BACKUP_DIR_NAME)


def _restores(backup: Path, passphrase: str, target: Path) -> bool:
    """Does this passphrase restore the backup (with the key file beside it)?"""
    try:
        CaseFile.restore(backup, target, passphrase).lock()
    except CaseworkerError:
        return False
    return True


def test_passwd_gives_a_new_data_key_and_retires_the_backups(
    case_file, data_dir, tmp_path, monkeypatch, capsys
):
    new_client(Services(case_file), first="Mariia", last="Melnyk")
    old_backup = case_file.backup("manual")
    taken = tmp_path / "taken-keyfile.json"
    shutil.copy(key_file_path(data_dir), taken)
    case_file.lock()

    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["passwd", "--data-dir", str(data_dir)]) == 0
    assert "Passphrase geändert" in capsys.readouterr().out

    assert not _opens(data_dir, PASSPHRASE)
    # the old key file with the old passphrase: not the current database
    assert not _opens(_thief_copy(tmp_path, taken, db_path(data_dir), "thief"), PASSPHRASE)
    # the old backup is gone, the fresh one opens with the new passphrase only
    assert old_backup not in _backups(data_dir)
    (fresh,) = _backups(data_dir)
    assert not _restores(fresh, PASSPHRASE, tmp_path / "restored")
    assert _restores(fresh, NEW_PASSPHRASE, tmp_path / "restored")

    cf = CaseFile.open(data_dir, NEW_PASSPHRASE)
    try:
        with cf.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT first_name FROM client").scalar() == "Mariia"
            assert AuditAction.PASSPHRASE_CHANGE in [
                e.action for e in audit_events(conn, "case_file")
            ]
        assert cf.verify() == []  # the audit chain survives the new data key
    finally:
        cf.lock()


def test_passwd_with_the_wrong_old_passphrase_or_a_weak_new_one_changes_nothing(
    case_file, data_dir
):
    before = key_file_path(data_dir).read_bytes()
    with pytest.raises(vault.WrongPassphraseError):
        case_file.change_passphrase("falsch-falsch-falsch", NEW_PASSPHRASE)
    with pytest.raises(vault.WeakPassphraseError):
        case_file.change_passphrase(PASSPHRASE, "Passwort12")
    assert key_file_path(data_dir).read_bytes() == before
    case_file.lock()
    assert _opens(data_dir, PASSPHRASE)


@pytest.mark.parametrize("interrupted_at", ["database", "key file"])
def test_an_interrupted_switch_of_keys_leaves_one_whole_state(
    case_file, data_dir, monkeypatch, interrupted_at
):
    new_client(Services(case_file), first="Mariia", last="Melnyk")
    real_replace = Path.replace

    def crash(self, target):
        moving_key_file = self.name.endswith(".pending")
        if (interrupted_at == "key file") == moving_key_file:
            raise OSError("Stromausfall")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", crash)
    with pytest.raises(OSError):
        case_file.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    case_file.lock()
    # before the database moved, the old key holds; after it, the new one does
    works, fails = (
        (PASSPHRASE, NEW_PASSPHRASE)
        if interrupted_at == "database"
        else (NEW_PASSPHRASE, PASSPHRASE)
    )
    assert not _opens(data_dir, fails)
    cf = CaseFile.open(data_dir, works)
    try:
        with cf.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT first_name FROM client").scalar() == "Mariia"
        assert cf.verify() == []
    finally:
        cf.lock()
    assert (
        sorted(p.name for p in data_dir.iterdir() if "rekey" in p.name or "pending" in p.name) == []
    )


def _credential(case_file, code: str) -> vault.KeyFile:
    """What the office hands over: the data key wrapped to a one-time code."""
    return vault.wrap_dek(
        bytearray(case_file._dek), code, user="office", device_id=case_file.device_id
    )


def test_recovery_with_a_credential_rekeys_and_marks_the_escrow(tmp_path):
    private, public = vault.generate_recovery_keypair()
    data_dir = tmp_path / "laptop"
    cf = CaseFile.create(
        data_dir, username="bschulz", passphrase=PASSPHRASE, recovery_public_pem=public
    )
    code = "K7MPQ3XW9RTZ4HDN"
    credential = _credential(cf, code)
    old_backup = cf.backup("manual")
    old_wrap = cf.key_file.recovery
    cf.lock()

    cf = CaseFile.recover(data_dir, credential, code, NEW_PASSPHRASE)
    try:
        with cf.engine.connect() as conn:
            assert cf.state(conn, ESCROW_PENDING) == "1"
            assert AuditAction.RECOVERY in [e.action for e in audit_events(conn, "case_file")]
        assert cf.verify() == []
        new_wrap = cf.key_file.recovery
    finally:
        cf.lock()
    assert new_wrap is not None and new_wrap != old_wrap
    # the office's key unwraps the *new* data key from the new escrow, not the old one
    fresh = vault.unwrap_recovery(
        new_wrap, vault.load_recovery_private_key(private), user="bschulz", device_id=cf.device_id
    )
    assert _backups(data_dir) != [old_backup] and old_backup not in _backups(data_dir)
    assert bytes(fresh) != bytes(vault.unwrap_dek(credential, code))
    assert not _opens(data_dir, PASSPHRASE)
    assert _opens(data_dir, NEW_PASSPHRASE)
    # the credential itself (the old key) opens nothing current either
    with pytest.raises(CaseworkerError):
        CaseFile.recover(data_dir, credential, code, "Noch-eine-Passphrase-2026")
    assert _opens(data_dir, NEW_PASSPHRASE)


def test_a_credential_for_another_device_or_with_the_wrong_code_changes_nothing(
    case_file, data_dir, tmp_path
):
    other = CaseFile.create(tmp_path / "other", username="x", passphrase=PASSPHRASE)
    foreign = _credential(other, "K7MPQ3XW9RTZ4HDN")
    other.lock()
    own = _credential(case_file, "K7MPQ3XW9RTZ4HDN")
    case_file.lock()
    with pytest.raises(ProfileError, match="anderen Gerät"):
        CaseFile.recover(data_dir, foreign, "K7MPQ3XW9RTZ4HDN", NEW_PASSPHRASE)
    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.recover(data_dir, own, "AAAAAAAAAAAAAAAA", NEW_PASSPHRASE)
    with pytest.raises(vault.WeakPassphraseError):
        CaseFile.recover(data_dir, own, "K7MPQ3XW9RTZ4HDN", "1234567890")
    assert _opens(data_dir, PASSPHRASE)
