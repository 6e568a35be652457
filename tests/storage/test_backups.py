"""Backups compressed and sealed (#18 item 2): seven daily backups cost less than two
copies of the file; a backup restores to the same data; a backup damaged, cut off,
reordered or opened with the wrong passphrase is refused, and nothing is written."""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

import pytest

from caseworker_desktop import demo
from caseworker_desktop.domain.enums import AuditAction
from caseworker_desktop.storage import backups, profile, vault
from caseworker_desktop.storage.audit import audit_events
from caseworker_desktop.storage.casefile import (
    OWN_CHANGES_HELD,
    CaseFile,
    ProfileError,
    db_path,
    key_file_path,
)
from caseworker_desktop.storage.db import export_encrypted
from tests.conftest import PASSPHRASE
from tests.helpers import new_client

SCAN = b"%PDF-1.4 " + os.urandom(5000)  # incompressible bytes: a scan


def _tables(case_file: CaseFile) -> dict[str, list]:
    """Every row of every table but the audit trail (restoring adds to it) and the mark
    that the file holds every change it pushed (restoring clears it: sync.client)."""
    with case_file.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        names = [
            r[0]
            for r in raw.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name != 'audit_event'"
            )
        ]
        tables = {n: sorted(map(repr, raw.execute(f'SELECT * FROM "{n}"'))) for n in names}
        tables["local_state"] = sorted(
            map(repr, raw.execute("SELECT * FROM local_state WHERE key != ?", (OWN_CHANGES_HELD,)))
        )
        tables["schema"] = sorted(raw.execute("SELECT type, name, sql FROM sqlite_schema"))
        tables["version"] = raw.execute("PRAGMA user_version").fetchall()
    return tables


def _digest(data_dir: Path) -> str:
    return hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest()


@pytest.fixture
def filled(services, case_file):
    demo.generate(services, 30, seed=2)
    _client, case = new_client(services, first="Amina", last="Haddad")
    services.documents.attach_content(case.id, "bescheid.pdf", SCAN)
    return case_file


def test_a_restored_backup_holds_the_same_data_and_says_so_in_the_audit(filled, tmp_path):
    before = _tables(filled)
    assert before["document_chunk"]  # the scan's bytes are in the comparison
    backup = filled.backup("manual")
    assert backup.suffix == backups.SUFFIX and backups.key_file_of(backup).exists()

    restored = CaseFile.restore(backup, tmp_path / "neu", PASSPHRASE)
    try:
        assert _tables(restored) == before
        with restored.engine.connect() as conn:  # its next pull brings what it pushed
            assert restored.state(conn, OWN_CHANGES_HELD) == "0"
        assert restored.verify() == []
        with restored.engine.connect() as conn:
            actions = [e.action for e in audit_events(conn, "case_file")]
        assert actions[-2:] == [AuditAction.UNLOCK, AuditAction.RESTORE]
        assert restored.device_id == filled.device_id
    finally:
        restored.lock()


def test_seven_backups_cost_less_than_two_copies_of_the_file(filled, clock):
    with filled.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    file_size = db_path(filled.data_dir).stat().st_size
    for _ in range(8):
        filled.backup_if_due()
        clock.advance(24 * 3600 + 1)
    kept = backups.kept(filled.data_dir / "backups", "scheduled")
    assert len(kept) == 7
    assert sum(p.stat().st_size for p in kept) < 2 * file_size
    salts = {p.read_bytes()[len(backups.MAGIC) :][: backups.SALT_BYTES] for p in kept}
    assert len(salts) == 7  # each sealed under a key of its own
    # and what is on disk is sealed: neither a SQLite file nor a zlib stream
    data = kept[0].read_bytes()
    assert data.startswith(backups.MAGIC) and b"SQLite format 3" not in data
    with pytest.raises(zlib.error):
        zlib.decompressobj().decompress(data[len(backups.MAGIC) + backups.SALT_BYTES + 4 :])


@pytest.fixture
def many_segments(monkeypatch):
    monkeypatch.setattr(backups, "SEGMENT", 4096)


def _segments(data: bytes) -> tuple[bytes, list[bytes]]:
    start = len(backups.MAGIC) + backups.SALT_BYTES
    head, rest = data[:start], data[start:]
    parts = []
    while rest:
        length = int.from_bytes(rest[:4], "big")
        parts.append(rest[: 4 + length])
        rest = rest[4 + length :]
    return head, parts


@pytest.mark.parametrize(
    "damage",
    ["one byte", "cut off", "last segment dropped", "segments swapped", "appended"],
)
def test_a_damaged_backup_is_refused_and_the_case_file_stays(
    filled, tmp_path, many_segments, damage
):
    backup = filled.backup("manual")
    data = backup.read_bytes()
    head, parts = _segments(data)
    assert len(parts) > 3
    damaged = {
        "one byte": data[:-900] + bytes([data[-900] ^ 1]) + data[-899:],
        "cut off": data[: len(data) // 2],
        "last segment dropped": head + b"".join(parts[:-1]),
        "segments swapped": head + parts[1] + parts[0] + b"".join(parts[2:]),
        "appended": data + parts[-1],
    }[damage]
    backup.write_bytes(damaged)
    here = filled.data_dir
    filled.lock()
    kept = _digest(here)

    with pytest.raises(backups.BackupError, match="beschädigt"):
        CaseFile.restore(backup, tmp_path / "neu", PASSPHRASE)
    assert not db_path(tmp_path / "neu").exists() and not key_file_path(tmp_path / "neu").exists()
    with pytest.raises(backups.BackupError):
        CaseFile.restore(backup, here, PASSPHRASE, replace=True)
    assert _digest(here) == kept
    assert not list(here.glob("replaced-*")) and not list(here.glob("casefile.db.*"))
    CaseFile.open(here, PASSPHRASE).lock()


def test_a_wrong_passphrase_or_a_missing_key_file_restores_nothing(filled, tmp_path):
    backup = filled.backup("manual")
    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.restore(backup, tmp_path / "neu", "falsch-falsch-falsch")
    assert not (tmp_path / "neu").exists()
    backups.key_file_of(backup).unlink()
    with pytest.raises(ProfileError, match="Schlüsseldatei"):
        CaseFile.restore(backup, tmp_path / "neu", PASSPHRASE)
    with pytest.raises(ProfileError, match="gibt es nicht"):
        CaseFile.restore(tmp_path / "nichts.cwbackup", tmp_path / "neu", PASSPHRASE)


def test_restoring_over_a_case_file_needs_replace_and_keeps_a_copy(services, filled):
    backup = filled.backup("manual")
    new_client(services, first="Nach", last="Sicherung")
    here = filled.data_dir
    filled.lock()
    with pytest.raises(ProfileError, match="bleibt unverändert"):
        CaseFile.restore(backup, here, PASSPHRASE)

    restored = CaseFile.restore(backup, here, PASSPHRASE, replace=True)
    try:
        with restored.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT last_name FROM client").scalars().all()
        assert "Sicherung" not in names and "Haddad" in names
    finally:
        restored.lock()
    (aside,) = here.glob("replaced-*")
    CaseFile.restore(backup, here, PASSPHRASE, replace=True).lock()  # within the same second
    assert len(list(here.glob("replaced-*"))) == 2  # the first copy is not overwritten
    kept = CaseFile.open(aside, PASSPHRASE)  # the file it replaced, whole
    try:
        with kept.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT last_name FROM client").scalars().all()
        assert "Sicherung" in names
    finally:
        kept.lock()


def test_a_restore_cut_off_before_the_switch_leaves_the_old_file(
    services, filled, tmp_path, monkeypatch
):
    """Killed after the new file was written but before it took the old one's place: the
    next opening drops the half-done restore (the `_rekey` protocol)."""
    backup = filled.backup("manual")
    new_client(services, first="Nach", last="Sicherung")
    here = filled.data_dir
    filled.lock()

    def killed(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(profile, "_keep_aside", killed)
    with pytest.raises(KeyboardInterrupt):
        CaseFile.restore(backup, here, PASSPHRASE, replace=True)
    reopened = CaseFile.open(here, PASSPHRASE)
    try:
        with reopened.engine.connect() as conn:
            names = conn.exec_driver_sql("SELECT last_name FROM client").scalars().all()
        assert "Sicherung" in names
    finally:
        reopened.lock()
    assert not list(here.glob("casefile.db.*")) and not list(here.glob("*.pending"))


def test_a_backup_of_the_earlier_form_still_restores(filled, tmp_path):
    """Backups made before #18 are SQLCipher copies (`.db`)."""
    before = _tables(filled)
    old = filled.data_dir / "backups" / "casefile-20261101-080000-scheduled.db"
    old.parent.mkdir(exist_ok=True)
    export_encrypted(filled.engine, old, filled._dek)
    filled.key_file.save(backups.key_file_of(old))
    assert backups.kept(old.parent, "scheduled") == [old]
    restored = CaseFile.restore(old, tmp_path / "neu", PASSPHRASE)
    try:
        assert _tables(restored) == before
    finally:
        restored.lock()


def test_another_devices_backup_does_not_replace_this_profile(filled, tmp_path):
    """It would bring that device's identity and enrolment along; into a new, empty
    folder it goes (a new laptop)."""
    backup = filled.backup("manual")
    other = CaseFile.create(tmp_path / "ben", username="ben", passphrase=PASSPHRASE)
    other.lock()
    kept = _digest(tmp_path / "ben")
    with pytest.raises(ProfileError, match="anderen Gerät"):
        CaseFile.restore(backup, tmp_path / "ben", PASSPHRASE, replace=True)
    assert _digest(tmp_path / "ben") == kept
    assert not list((tmp_path / "ben").glob("replaced-*"))
    CaseFile.restore(backup, tmp_path / "new-laptop", PASSPHRASE).lock()
