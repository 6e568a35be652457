"""The office at rest (issue 12, item 7): the embedded SQLite database is a SQLCipher file,
created 0600, with its key in a 0600 key file (or a systemd credential), never on a command
line; a database or key file others may read is refused. Restricted text is sealed field by
field with a key the database never holds, on SQLite and PostgreSQL: no file, WAL or dump
carries it in the clear, laptops still get it, reports still count. Keys rotate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import LifeArea
from caseworker_desktop.office import documents, keys, migrate, schema
from caseworker_desktop.office.auth import OfficeError
from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.office.store import Store
from caseworker_desktop.storage.db import SQLITE_HEADER
from tests.helpers import RELEASE, new_client
from tests.inprocess import Laptop

SECRET = "Belastungsreaktion-nach-Flucht-Xq7"  # in no other place of any database
ADVICE = "Stabilisierungsgruppe-dienstags-Zr4"
BIN = Path(sys.executable).parent


@pytest.fixture
def office(inprocess_office):
    return inprocess_office


@pytest.fixture
def desks(tmp_path, office):
    clock = FakeClock(datetime.now(UTC))
    made = {name: Laptop(tmp_path, office, name, clock) for name in ("anna", "lena")}
    yield made
    for laptop in made.values():
        laptop.close()


def _assessed(anna) -> str:
    services = anna.services
    _, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.referrals.assign_consultation(referral.id, date(2026, 11, 20))
    services.referrals.record_assessment(referral.id, outcome=SECRET, recommendation=ADVICE)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 4, 30), date(2027, 1, 31))
    services.plans.carry_recommendation(referral.id, plan.id, LifeArea.HEALTH)
    anna.sync()
    return referral.id


def _stored(store: Store, referral_id: str, field: str) -> str:
    """A trauma referral's field as the office keeps it."""
    fs = schema.field_state.c
    with store.engine.connect() as conn:
        return conn.execute(
            sa.select(fs.value).where(
                fs.table_name == "trauma_referral", fs.row_id == referral_id, fs.field == field
            )
        ).scalar()


def _restricted_in_the_clear(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        found = []
        for t in (schema.changes, schema.field_state):
            query = sa.select(t.c.table_name, t.c.field).where(
                sa.or_(t.c.value.contains(SECRET), t.c.value.contains(ADVICE))
            )
            found += [f"{t.name}:{table}.{field}" for table, field in conn.execute(query)]
    return found


def test_trauma_text_is_sealed_and_laptops_still_read_it(desks, office, db_url):
    anna, lena = desks["anna"], desks["lena"]
    referral_id = _assessed(anna)
    assert _restricted_in_the_clear(office) == []
    sealed = _stored(office, referral_id, "assessment_outcome")
    assert sealed.startswith('{"sealed": "1:')
    # the team lead's laptop gets the text itself
    lena.sync()
    seen = lena.services.referrals.view_trauma_referral(referral_id)
    assert seen.assessment_outcome == SECRET and seen.recommendation == ADVICE
    # a sealed value moved to another row does not open there (bound to table, row, field)
    with office.engine.begin() as conn:
        fs = schema.field_state
        conn.execute(
            fs.update()
            .where(fs.c.table_name == "trauma_referral", fs.c.field == "next_steps")
            .values(value=sealed)
        )
    with office.engine.connect() as conn:
        row = conn.execute(
            sa.select(fs.c.row_id, fs.c.value).where(
                fs.c.table_name == "trauma_referral", fs.c.field == "next_steps"
            )
        ).first()
    with pytest.raises(OfficeError, match="verändert oder beschädigt"):
        office.sealer.open("trauma_referral", row.row_id, "next_steps", row.value)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_no_file_of_the_embedded_database_holds_it(desks, office, db_url, tmp_path):
    _assessed(desks["anna"])
    path = Path(db_url.split(":///", 1)[1])
    key_file = Path(os.environ["CASEWORKER_OFFICE_KEY_FILE"])
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    assert {p.name for p in files} >= {path.name}
    for p in [*files, key_file]:
        assert p.stat().st_mode & 0o077 == 0, p  # 0600: the owner only
    for p in files:
        data = p.read_bytes()
        assert not data.startswith(SQLITE_HEADER)
        for text in (SECRET, ADVICE, "trauma_referral", "Olena"):
            assert text.encode() not in data, (p.name, text)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_postgresql_dump_carries_no_trauma_text(desks, office, db_url):
    _assessed(desks["anna"])
    query = sa.engine.make_url(db_url).query
    pg_dump = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))[-1]
    dump = subprocess.run(
        [str(pg_dump), "-h", query["host"], "-p", query["port"], "-U", "postgres",
         sa.engine.make_url(db_url).database],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "trauma_referral" in dump  # the dump has the rows
    assert SECRET not in dump and ADVICE not in dump


def test_an_earlier_plain_database_is_encrypted_and_sealed_by_migrate(tmp_path, capsys):
    """A SQLite office of before (plain, world-readable, trauma text in the clear)."""
    path = tmp_path / "office.db"
    plain = sa.create_engine(f"sqlite:///{path}")
    migrate.upgrade(plain)
    with plain.begin() as conn:
        conn.execute(
            schema.field_state.insert().values(
                table_name="trauma_referral", row_id="a" * 32, field="recommendation",
                value=json.dumps(ADVICE), hlc="x", device_id="d" * 32,
            )
        )  # fmt: skip
    plain.dispose()
    os.chmod(path, 0o644)
    url = f"sqlite:///{path}"
    assert office_main(["migrate", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "jetzt verschlüsselt" in out and "1 vertrauliche Texte versiegelt" in out
    assert path.stat().st_mode & 0o777 == 0o600
    assert not path.read_bytes().startswith(SQLITE_HEADER)
    assert ADVICE.encode() not in path.read_bytes()
    with Store(url) as store, store.engine.connect() as conn:
        value = conn.execute(sa.select(schema.field_state.c.value)).scalar()
        assert json.loads(store.sealer.open("trauma_referral", "a" * 32, "recommendation", value))
        assert ADVICE in store.sealer.open("trauma_referral", "a" * 32, "recommendation", value)


def test_readable_files_a_wrong_or_missing_key_are_refused(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    key_file = Path(os.environ["CASEWORKER_OFFICE_KEY_FILE"])
    assert office_main(["migrate", "--db", url]) == 0
    capsys.readouterr()
    team = ["team", "add", "--db", url, "--name", "Team Nord"]

    os.chmod(tmp_path / "office.db", 0o644)
    assert office_main(team) == 2
    assert "für andere lesbar" in capsys.readouterr().err
    os.chmod(tmp_path / "office.db", 0o600)

    os.chmod(key_file, 0o640)
    assert office_main(team) == 2
    assert "für andere lesbar" in capsys.readouterr().err
    os.chmod(key_file, 0o600)

    other = tmp_path / "other.keys"
    assert office_main(["migrate", "--db", f"sqlite:///{tmp_path / 'x.db'}",
                        "--key-file", str(other)]) == 0  # fmt: skip
    capsys.readouterr()
    assert office_main([*team, "--key-file", str(other)]) == 2
    assert "nicht öffnen" in capsys.readouterr().err

    monkeypatch.setenv("CASEWORKER_OFFICE_KEY_FILE", str(tmp_path / "gone.keys"))
    assert office_main(["migrate", "--db", url]) == 2  # no new keys over an encrypted file
    assert "fehlt" in capsys.readouterr().err
    assert office_main(team) == 2
    assert "fehlt" in capsys.readouterr().err


def test_the_key_file_can_be_a_systemd_credential(tmp_path, capsys, monkeypatch):
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    monkeypatch.delenv("CASEWORKER_OFFICE_KEY_FILE")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    url = f"sqlite:///{tmp_path / 'office.db'}"
    # without a credential: beside the database
    assert office_main(["migrate", "--db", url]) == 0
    assert (tmp_path / "office.keys").exists()
    os.replace(tmp_path / "office.keys", credentials / "caseworker-office-keys")
    capsys.readouterr()
    assert office_main(["team", "add", "--db", url, "--name", "Team Nord"]) == 0


def test_keys_rotate_and_the_old_key_file_opens_nothing(desks, office, db_url, capsys, tmp_path):
    anna = desks["anna"]
    referral_id = _assessed(anna)
    case_id = anna.services.cases.caseload()[0].case_id
    scan = anna.services.documents.attach_content(case_id, "befund.pdf", b"%PDF-1.4 " * 40000)
    assert anna.sync().documents_sent == 1
    old_keys = Path(os.environ["CASEWORKER_OFFICE_KEY_FILE"]).read_bytes()
    assert office_main(["rotate-keys", "--db", db_url]) == 0
    assert "neu versiegelt" in capsys.readouterr().out
    new_keys = json.loads(Path(os.environ["CASEWORKER_OFFICE_KEY_FILE"]).read_bytes())
    assert list(new_keys["fields"]) == ["2"] and "database_next" not in new_keys
    assert json.loads(old_keys)["database"] != new_keys["database"] or not db_url.startswith(
        "sqlite"
    )
    with Store(db_url) as store:
        values = _stored(store, referral_id, "assessment_outcome")
        assert values.startswith('{"sealed": "2:')
        assert store.sealer.open(
            "trauma_referral", referral_id, "assessment_outcome", values
        ) == json.dumps(SECRET)
        with store.engine.connect() as conn:  # the scan's chunks are sealed anew too
            key_ids = set(conn.execute(sa.select(schema.document_chunks.c.key_id)).scalars())
            assert key_ids == {2}
            assert documents.content(conn, store.sealer, scan) == b"%PDF-1.4 " * 40000
    # the old key file opens nothing of the database any more
    stale = tmp_path / "stale.keys"
    stale.write_bytes(old_keys)
    os.chmod(stale, 0o600)
    if db_url.startswith("sqlite"):
        assert office_main(["team", "add", "--db", db_url, "--key-file", str(stale),
                            "--name", "X"]) == 2  # fmt: skip
        assert "nicht öffnen" in capsys.readouterr().err
    else:
        with Store(db_url, key_file=str(stale)) as store, pytest.raises(OfficeError, match="Feld"):
            store.sealer.open("trauma_referral", referral_id, "assessment_outcome", values)
    # the laptops sync on as before
    report = anna.sync()
    assert report.rejected == 0


def test_an_interrupted_rotation_leaves_a_database_that_opens(
    desks, office, db_url, capsys, monkeypatch
):
    """Stopped after the database was re-encrypted and resealed, before the old keys were
    dropped: the key file (old and new keys) still opens everything; a second run ends it."""
    referral_id = _assessed(desks["anna"])
    real_save, saves = keys.OfficeKeys.save, []

    def crash_on_the_last_save(self):
        saves.append(self)
        if len(saves) == 2:
            raise OSError("Stromausfall")
        real_save(self)

    monkeypatch.setattr(keys.OfficeKeys, "save", crash_on_the_last_save)
    assert office_main(["rotate-keys", "--db", db_url]) == 2
    monkeypatch.undo()
    monkeypatch.setenv("CASEWORKER_OFFICE_KEY_FILE", str(saves[0].path))
    capsys.readouterr()
    staged = json.loads(saves[0].path.read_bytes())
    assert sorted(staged["fields"]) == ["1", "2"]
    with Store(db_url) as store:
        value = _stored(store, referral_id, "recommendation")
        assert store.sealer.open("trauma_referral", referral_id, "recommendation", value) == (
            json.dumps(ADVICE)
        )
    assert office_main(["rotate-keys", "--db", db_url]) == 0
    assert sorted(json.loads(saves[0].path.read_bytes())["fields"]) == ["3"]
