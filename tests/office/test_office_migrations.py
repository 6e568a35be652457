"""The office database under Alembic: an empty database migrates to exactly the schema the
code expects; a database of release 494c856 (made by create_all, no version) is refused
until `caseworker-office migrate` has run, and then it and two case files of that release
(migrated on opening) sync on with nothing lost, on SQLite and PostgreSQL.

The fixtures in tests/fixtures/release_494c856 were written by that release's own code
(make.py there says how)."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import ConflictKind, HelpPlanStatus
from caseworker_desktop.office import keys, migrate, schema
from caseworker_desktop.office.cli import main
from caseworker_desktop.office.database import open_engine
from caseworker_desktop.office.store import Store
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.storage.orm import table_of
from tests.e2e.conftest import OfficeServer
from tests.helpers import sync_once

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_494c856"
PASSPHRASE = "Release-494c856-Passphrase"
OLD_NAMESPACE = uuid.UUID("5b0f7c0e-3f7a-4d52-9a51-2f1c8e0b6a11")


def test_an_empty_database_migrates_to_the_model_schema(db_url):
    engine = open_engine(db_url, keys.obtain(db_url, create=True))
    try:
        assert migrate.upgrade(engine) == (None, migrate.head_revision())
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), schema.metadata)
        assert diffs == []
        assert migrate.upgrade(engine)[0] == migrate.head_revision()  # idempotent
    finally:
        engine.dispose()


def test_commands_refuse_a_database_that_is_not_migrated(db_url, capsys):
    assert main(["team", "add", "--db", db_url, "--name", "Team Nord"]) == 2
    err = capsys.readouterr().err
    assert "caseworker-office migrate" in err
    assert main(["migrate", "--db", db_url]) == 0
    assert "Datenbank migriert" in capsys.readouterr().out
    assert main(["migrate", "--db", db_url]) == 0
    assert "neuesten Stand" in capsys.readouterr().out
    assert main(["team", "add", "--db", db_url, "--name", "Team Nord"]) == 0


@pytest.fixture
def release_db(request, tmp_path):
    """The release's office database on the backend of the test, not yet migrated."""
    if request.param == "sqlite":
        shutil.copy(RELEASE / "office.db", tmp_path / "office.db")
        yield f"sqlite:///{tmp_path / 'office.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    query = sa.engine.make_url(url).query
    psql = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))[-1]
    subprocess.run(
        [str(psql), "-q", "-v", "ON_ERROR_STOP=1", "-h", query["host"], "-p", query["port"],
         "-U", "postgres", "-d", "office_test", "-f", str(RELEASE / "office.pg.sql")],
        check=True, capture_output=True,
    )  # fmt: skip
    yield url
    from tests.pg import reset_database

    reset_database(url)


def _open(tmp_path: Path, name: str) -> CaseFile:
    shutil.copytree(RELEASE / name, tmp_path / name)
    return CaseFile.open(tmp_path / name, PASSPHRASE)  # migrates the case file


def _unsent(case_file: CaseFile) -> set[tuple[str, str, str, str]]:
    with case_file.engine.connect() as conn:
        return set(
            conn.exec_driver_sql(
                "SELECT table_name, row_id, field, value FROM change_log WHERE pushed = 0"
            ).all()
        )


@pytest.mark.parametrize("release_db", ["sqlite", "postgresql"], indirect=True)
def test_a_release_office_and_its_laptops_sync_on_after_migrating(release_db, tmp_path, capsys):
    server = OfficeServer(tmp_path, release_db)
    assert main(["serve", "--db", release_db, "--port", str(server.port)]) == 2
    assert "caseworker-office migrate" in capsys.readouterr().err  # refused, and says why

    with Store(release_db, migrate=True) as store, store.engine.connect() as conn:
        users = dict(conn.execute(sa.select(schema.users.c.username, schema.users.c.id)).all())
        personal = conn.execute(sa.select(schema.cases).where(schema.cases.c.kind == "personal"))
        (own_case,) = personal.all()
        old_id = uuid.uuid5(OLD_NAMESPACE, f"own-consultations/{users['anna']}").hex
        assert own_case.caseworker_id == users["anna"] and own_case.case_id != old_id
        assert conn.execute(
            sa.select(sa.func.count()).where(schema.row_case.c.case_id == old_id)
        ).scalar() == 0  # fmt: skip

    server.start()
    anna_file, lena_file = _open(tmp_path, "anna"), _open(tmp_path, "lena")
    try:
        sent = _unsent(anna_file) | _unsent(lena_file)
        assert len(sent) >= 10
        for case_file in (anna_file, lena_file, anna_file):
            report = sync_once(case_file, server_url=server.url)
            assert report.rejected == 0 and report.quarantined == 0
        with Store(release_db) as store, store.engine.connect() as conn:
            fs = schema.field_state.c
            held = {(t, r, f, store.sealer.open(t, r, f, v)) for t, r, f, v in conn.execute(
                sa.select(fs.table_name, fs.row_id, fs.field, fs.value))}  # fmt: skip
            conflicts = conn.execute(
                sa.select(fs.row_id, fs.field, fs.value).where(
                    fs.table_name == "conflict", fs.field.in_(("winner_value", "loser_value"))
                )
            ).all()
            kept = {json.loads(json.loads(store.sealer.open("conflict", *c))) for c in conflicts}
        sent_texts = {(t, r, f): v for t, r, f, v in sent}
        for key, value in sent_texts.items():  # every unsent change arrived, or lost a
            if (*key, value) not in held:  # concurrent edit of the same text and was kept
                assert json.loads(value) in kept, key

        anna, lena = Services(anna_file), Services(lena_file)
        for services in (anna, lena):
            (conflict,) = services.conflicts()
            assert conflict.kind is ConflictKind.TEXT
            assert {json.loads(conflict.winner_value), json.loads(conflict.loser_value)} == {
                "Erstbesuch – Teamleitung ergänzt: Dolmetscherin",
                "Erstbesuch – Familie wünscht Arabischkurs",
            }
            with case_file_conn(services) as conn:
                plan = conn.execute(sa.select(table_of(m.HelpPlan))).one()
                own = conn.execute(
                    sa.select(table_of(m.TraumaReferral)).where(
                        table_of(m.TraumaReferral).c.own_consultation.is_(True)
                    )
                ).one()
            assert plan.status is HelpPlanStatus.APPROVED and plan.approved_by == lena.user.id
            assert own.next_steps == "Nächster Termin im Januar"
        with case_file_conn(anna) as conn:
            comments = conn.execute(sa.select(table_of(m.ReviewComment).c.text)).scalars().all()
        assert comments == ["Bitte den Kursbeginn nachtragen."]
        assert anna.inbox.refused_changes() == [] and lena.inbox.refused_changes() == []
    finally:
        server.kill()
        anna_file.lock()
        lena_file.lock()


def case_file_conn(services: Services):
    return services.ctx.case_file.engine.connect()
