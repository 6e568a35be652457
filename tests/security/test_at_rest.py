"""SECURITY.md 1, 3 and 4: the file at rest, the key file, tampering."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from caseworker_desktop.cli import main
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.casefile import CaseFile, db_path, key_file_path
from caseworker_desktop.storage.db import CaseFileCorruptError, raw_key_pragma
from tests.conftest import PASSPHRASE
from tests.helpers import new_client


def _dek(data_dir):
    return vault.unwrap_dek(vault.KeyFile.load(key_file_path(data_dir)), PASSPHRASE)


def test_file_has_no_sqlite_header_and_stdlib_sqlite_cannot_read_it(services, case_file, data_dir):
    new_client(services)
    case_file.lock()
    path = db_path(data_dir)
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_sqlcipher_opens_only_with_the_right_key(services, case_file, data_dir):
    new_client(services)
    case_file.lock()
    path = db_path(data_dir)
    right = _dek(data_dir)
    conn = sqlcipher.connect(str(path))
    conn.execute(raw_key_pragma(right))
    assert conn.execute("SELECT count(*) FROM client").fetchone() == (1,)
    conn.close()
    wrong = bytes(b ^ 1 for b in right)
    conn = sqlcipher.connect(str(path))
    conn.execute(raw_key_pragma(wrong))
    with pytest.raises(sqlcipher.DatabaseError):
        conn.execute("SELECT count(*) FROM client").fetchone()
    conn.close()
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")  # the passphrase is not the key
    with pytest.raises(sqlcipher.DatabaseError):
        conn.execute("SELECT count(*) FROM client").fetchone()
    conn.close()


def test_wrong_passphrase_is_a_clear_error(case_file, data_dir, monkeypatch, capsys):
    case_file.lock()
    with pytest.raises(vault.WrongPassphraseError, match="Passphrase ist falsch"):
        CaseFile.open(data_dir, "eine ganz andere Passphrase")
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", "eine ganz andere Passphrase")
    assert main(["verify", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "Passphrase ist falsch" in err and "Traceback" not in err


def _rewrite_key_file(data_dir, **changes):
    kf = vault.KeyFile.load(key_file_path(data_dir))
    kf = dataclasses.replace(kf, **changes)
    kf.save(key_file_path(data_dir))  # a consistent checksum: only the parameters are weak


@pytest.mark.parametrize(
    "weak",
    [
        vault.KdfParams(memory_kib=32 * 1024, iterations=3, lanes=4),
        vault.KdfParams(memory_kib=64 * 1024, iterations=2, lanes=4),
        vault.KdfParams(memory_kib=8, iterations=1, lanes=1),
    ],
)
def test_key_file_with_weak_parameters_is_refused(case_file, data_dir, weak, monkeypatch, capsys):
    case_file.lock()
    _rewrite_key_file(data_dir, kdf=weak)
    with pytest.raises(vault.WeakParametersError, match="zu schwache Parameter"):
        CaseFile.open(data_dir, PASSPHRASE)
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    assert main(["verify", "--data-dir", str(data_dir)]) == 2
    assert "zu schwache Parameter" in capsys.readouterr().err


def test_weak_parameters_cannot_be_created(tmp_path):
    with pytest.raises(vault.WeakParametersError):
        CaseFile.create(
            tmp_path / "p",
            username="x",
            passphrase=PASSPHRASE,
            kdf=vault.KdfParams(memory_kib=1024, iterations=1, lanes=1),
        )
    assert not (tmp_path / "p" / "casefile.db").exists()


def test_short_salt_is_refused(case_file, data_dir):
    case_file.lock()
    _rewrite_key_file(data_dir, salt="AAAA")
    with pytest.raises(vault.WeakParametersError):
        CaseFile.open(data_dir, PASSPHRASE)


@pytest.mark.parametrize("position", [10, 60, 120, 200, -20])
def test_flipped_byte_in_key_file_is_a_clear_error(case_file, data_dir, position):
    case_file.lock()
    path = key_file_path(data_dir)
    data = bytearray(path.read_bytes())
    data[position] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.raises((vault.KeyFileDamagedError, vault.WrongPassphraseError)):
        CaseFile.open(data_dir, PASSPHRASE)


def test_edited_key_file_fields_fail_authentication(case_file, data_dir):
    """Changing a bound field and fixing the checksum still fails: GCM's associated data."""
    case_file.lock()
    _rewrite_key_file(data_dir, user="someone-else")
    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.open(data_dir, PASSPHRASE)


def test_key_file_from_the_future_is_refused_with_upgrade_hint(case_file, data_dir):
    case_file.lock()
    path = key_file_path(data_dir)
    body = json.loads(path.read_bytes())
    body["version"] = 99
    body.pop("checksum")
    import hashlib

    body["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()
    path.write_text(json.dumps(body))
    with pytest.raises(vault.KeyFileDamagedError, match="aktualisieren"):
        CaseFile.open(data_dir, PASSPHRASE)


@pytest.mark.parametrize("page", [1, 2, 5, -1])
def test_flipped_byte_in_a_database_page_is_detected(services, case_file, data_dir, page):
    for i in range(30):
        new_client(services, first=f"Name{i}")
    case_file.lock()
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    index = page if page >= 0 else pages + page
    data[index * 4096 + 1000] ^= 0x01
    path.write_bytes(bytes(data))
    try:
        reopened = CaseFile.open(data_dir, PASSPHRASE)
    except CaseFileCorruptError as exc:
        assert "beschädigt" in str(exc)
        return
    try:
        problems = reopened.verify()
    except CaseFileCorruptError:
        return
    finally:
        reopened.lock()
    assert any("Verschlüsselung" in p or "Datenbank" in p for p in problems), problems


def test_cli_reports_a_tampered_file_without_traceback(
    services, case_file, data_dir, monkeypatch, capsys
):
    for i in range(30):
        new_client(services, first=f"Name{i}")
    case_file.lock()
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 3 + 77] ^= 0xFF
    path.write_bytes(bytes(data))
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    code = main(["verify", "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    assert code in (1, 2)
    assert "Traceback" not in out.err
    assert "beschädigt" in out.err or "Prüfung fehlgeschlagen" in out.out
