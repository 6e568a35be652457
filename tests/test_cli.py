"""The `caseworker` command as an admin or a script uses it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from caseworker_desktop.cli import main
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.db import raw_key_pragma
from tests.conftest import PASSPHRASE


@pytest.fixture
def profile(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    data_dir = tmp_path / "p"
    assert main(["init", "--data-dir", str(data_dir), "--user", "amueller"]) == 0
    return data_dir


def test_init_demo_data_verify(profile, capsys):
    assert main(["demo-data", "--data-dir", str(profile), "--clients", "40", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "40 Klient:innen" in out
    assert main(["verify", "--data-dir", str(profile)]) == 0
    assert "Prüfung bestanden" in capsys.readouterr().out
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(profile / "casefile.db").execute("SELECT * FROM client").fetchall()
    dek = vault.unwrap_dek(vault.KeyFile.load(profile / "keyfile.json"), PASSPHRASE)
    conn = sqlcipher.connect(str(profile / "casefile.db"))
    conn.execute(raw_key_pragma(dek))
    assert conn.execute("SELECT count(*) FROM client").fetchone() == (40,)
    nationalities = {r[0] for r in conn.execute("SELECT DISTINCT nationality FROM client")}
    assert len(nationalities) >= 3
    assert conn.execute("SELECT count(DISTINCT municipality_id) FROM household").fetchone()[0] > 5
    assert conn.execute("SELECT count(*) FROM help_plan_entry").fetchone()[0] >= 80
    conn.close()


def _caseload(profile):
    dek = vault.unwrap_dek(vault.KeyFile.load(profile / "keyfile.json"), PASSPHRASE)
    conn = sqlcipher.connect(str(profile / "casefile.db"))
    conn.execute(raw_key_pragma(dek))
    rows = conn.execute(
        "SELECT first_name, last_name, birth_date, nationality FROM client ORDER BY rowid"
    ).fetchall()
    goals = conn.execute("SELECT goal, due_on FROM help_plan_entry ORDER BY rowid").fetchall()
    conn.close()
    return rows, goals


def test_demo_data_is_deterministic_per_seed(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    results = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        d = tmp_path / name
        assert main(["init", "--data-dir", str(d), "--user", "x"]) == 0
        assert (
            main(["demo-data", "--data-dir", str(d), "--clients", "15", "--seed", str(seed)]) == 0
        )
        results.append(_caseload(d))
    assert results[0] == results[1]
    assert results[0] != results[2]


def test_init_twice_is_refused(profile, capsys):
    assert main(["init", "--data-dir", str(profile), "--user", "amueller"]) == 2
    assert "bereits eine Falldatei" in capsys.readouterr().err


def test_missing_passphrase_without_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CASEWORKER_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["init", "--data-dir", str(tmp_path / "p"), "--user", "x"]) == 2
    assert "CASEWORKER_PASSPHRASE" in capsys.readouterr().err


def test_weak_passphrase_refused(tmp_path, monkeypatch, capsys):
    for weak, said in (("kurz", "Mindestens 10 Zeichen"), ("Passwort12", "zu leicht zu erraten")):
        monkeypatch.setenv("CASEWORKER_PASSPHRASE", weak)
        assert main(["init", "--data-dir", str(tmp_path / "p"), "--user", "x"]) == 2
        assert said in capsys.readouterr().err
        assert not (tmp_path / "p" / "keyfile.json").exists()


def test_open_missing_profile(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    assert main(["verify", "--data-dir", str(tmp_path / "nowhere")]) == 2
    assert "keine Falldatei" in capsys.readouterr().err


def test_passwd(profile, monkeypatch, capsys):
    monkeypatch.setenv("CASEWORKER_NEW_PASSPHRASE", "eine-neue-Passphrase")
    assert main(["passwd", "--data-dir", str(profile)]) == 0
    assert main(["verify", "--data-dir", str(profile)]) == 2  # old one no longer works
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", "eine-neue-Passphrase")
    assert main(["verify", "--data-dir", str(profile)]) == 0


def test_backup_and_key_info(profile, tmp_path, capsys):
    out_dir = tmp_path / "usb"
    assert main(["backup", "--data-dir", str(profile), "--out", str(out_dir)]) == 0
    (backup,) = out_dir.glob("casefile-*.cwbackup")
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"
    info_file = tmp_path / "key-info.json"
    assert main(["export-key-info", "--data-dir", str(profile), "--out", str(info_file)]) == 0
    info = json.loads(info_file.read_text())
    assert info["kdf"]["memory_kib"] >= 65536 and info["kdf"]["iterations"] >= 3
    assert info["user"] == "amueller" and info["recovery"] is None
    text = info_file.read_text()
    key_file = json.loads((profile / "keyfile.json").read_text())
    assert key_file["wrapped_dek"] not in text and key_file["salt"] not in text


def test_restore_from_the_command_line(profile, tmp_path, monkeypatch, capsys):
    assert main(["demo-data", "--data-dir", str(profile), "--clients", "5"]) == 0
    out_dir = tmp_path / "usb"
    assert main(["backup", "--data-dir", str(profile), "--out", str(out_dir)]) == 0
    (backup,) = out_dir.glob("casefile-*.cwbackup")
    capsys.readouterr()
    args = ["restore", "--data-dir", str(profile), "--backup", str(backup)]
    assert main(args) == 2  # a case file is there: nothing replaced without --replace
    assert "--replace" in capsys.readouterr().err
    assert main([*args, "--replace"]) == 0
    out = capsys.readouterr().out
    assert "zurückgespielt" in out and "replaced-" in out
    other = tmp_path / "neuer-laptop"
    assert main(["restore", "--data-dir", str(other), "--backup", str(backup)]) == 0
    assert main(["verify", "--data-dir", str(other)]) == 0
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", "eine-ganz-falsche-Passphrase")
    assert main(["restore", "--data-dir", str(tmp_path / "x"), "--backup", str(backup)]) == 2
    assert not (tmp_path / "x" / "casefile.db").exists()
    backup.write_bytes(backup.read_bytes()[:-10])
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["restore", "--data-dir", str(tmp_path / "y"), "--backup", str(backup)]) == 2
    assert "beschädigt" in capsys.readouterr().err
    assert not (tmp_path / "y" / "casefile.db").exists()


def test_entry_point_runs_as_a_program(profile):
    proc = subprocess.run(
        [sys.executable, "-m", "caseworker_desktop.cli", "verify", "--data-dir", str(profile)],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "CASEWORKER_PASSPHRASE": "falsch-falsch-falsch"},
    )
    assert proc.returncode == 2
    assert "Passphrase ist falsch" in proc.stderr and "Traceback" not in proc.stderr


def _help_texts(parser, prefix=()):
    """`--help` of a parser and of every subcommand under it."""
    import argparse

    yield " ".join(prefix), parser.format_help()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _help_texts(sub, (*prefix, name))


def test_every_help_is_german():
    from caseworker_desktop.__main__ import parse_args
    from caseworker_desktop.cli import build_parser as laptop_parser
    from caseworker_desktop.office.cli import build_parser as office_parser

    with pytest.raises(SystemExit):
        parse_args(["--help"])  # installs the German words for the desktop's parser too
    english = ("usage:", "options:", "positional arguments", "show this help", "DATA_DIR")
    texts = [*_help_texts(laptop_parser(), ("caseworker",)),
             *_help_texts(office_parser(), ("caseworker-office",))]  # fmt: skip
    assert len(texts) >= 25
    for command, text in texts:
        assert "Aufruf:" in text, command
        assert not any(word in text for word in english), (command, text)
