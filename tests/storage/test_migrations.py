"""Alembic: an empty file migrates to exactly the schema the code expects; an older file is
backed up (encrypted) before it is migrated, and the data survives."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from caseworker_desktop.storage import backups, migrate, vault
from caseworker_desktop.storage.casefile import CaseFile, key_file_path
from caseworker_desktop.storage.db import connect_raw, looks_like_plain_sqlite, open_engine
from caseworker_desktop.storage.orm import metadata
from tests.conftest import PASSPHRASE
from tests.helpers import new_client


def test_empty_file_migrates_to_the_model_schema(tmp_path):
    dek = vault.new_dek()
    engine = open_engine(tmp_path / "empty.db", dek)
    try:
        assert migrate.current_revision(engine) is None
        assert migrate.upgrade(engine) is True
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diffs == []
        assert migrate.upgrade(engine) is False  # idempotent
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(tmp_path):
    engine = open_engine(tmp_path / "x.db", vault.new_dek())
    try:
        migrate.upgrade(engine)
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        with engine.connect() as conn:
            assert "client" not in sa.inspect(conn).get_table_names()
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert "client" in sa.inspect(conn).get_table_names()
    finally:
        engine.dispose()


def test_older_file_is_backed_up_before_migration(services, case_file, data_dir, tmp_path):
    client, _ = new_client(services, first="Hiba", last="Khalil")
    cfg = migrate.alembic_config()
    with case_file.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    case_file.lock()

    reopened = CaseFile.open(data_dir, PASSPHRASE)  # migrates 0001 -> head
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT last_name FROM client").scalar() == "Khalil"
    finally:
        reopened.lock()

    made = backups.kept(data_dir / "backups", "before-migration-0001")
    assert len(made) == 1
    assert not looks_like_plain_sqlite(made[0])
    dek = vault.unwrap_dek(vault.KeyFile.load(key_file_path(data_dir)), PASSPHRASE)
    backups.restore(made[0], dek, tmp_path / "as-it-was.db")  # without migrating it
    conn = connect_raw(tmp_path / "as-it-was.db", dek)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT id FROM client").fetchone() == (client.id,)
    finally:
        conn.close()


def test_scheduled_backup_once_a_day_keeps_the_newest(case_file, data_dir, clock):
    first = case_file.backup_if_due()
    assert first is not None and first.exists()
    assert case_file.backup_if_due() is None  # not due again within the day
    made = [first]
    for _ in range(1, 10):
        clock.advance(24 * 3600 + 1)
        made.append(case_file.backup_if_due(keep=3))
    left = backups.kept(data_dir / "backups", "scheduled")
    assert len(left) == 3
    assert left[-1] == made[-1]
    assert not looks_like_plain_sqlite(left[-1])


def test_backup_carries_its_key_file_and_opens_without_the_laptop(case_file, data_dir, tmp_path):

    backup = case_file.backup("manual", tmp_path / "stick")
    assert backups.key_file_of(backup).exists()
    reopened = CaseFile.restore(backup, tmp_path / "new-laptop", PASSPHRASE)
    try:
        assert reopened.verify() == []
    finally:
        reopened.lock()


def test_scheduled_backup_is_due_after_a_clock_that_ran_ahead(case_file, clock):
    clock.advance(30 * 24 * 3600)
    assert case_file.backup_if_due() is not None
    clock.advance(-30 * 24 * 3600 + 24 * 3600 + 60)
    assert case_file.backup_if_due() is not None


def test_field_clocks_survive_the_move_to_one_row_per_record(services, case_file):
    """0015 keeps a record's field clocks in one row: every field keeps its exact clock
    through the migration and back."""
    from caseworker_desktop.storage import clocks

    client, _ = new_client(services)
    services.clients.update(client.id, last_name="Kowalenko")  # a second stamp in the row
    with case_file.engine.connect() as conn:
        before = clocks.read(conn, "client", client.id)
        rows = conn.exec_driver_sql("SELECT count(*) FROM row_clock").scalar()
    assert len(set(before.values())) == 2 and before["first_name"] < before["last_name"]
    cfg = migrate.alembic_config()
    with case_file.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
    with case_file.engine.connect() as conn:
        per_field = conn.exec_driver_sql(
            "SELECT field, hlc FROM field_clock WHERE table_name = 'client' AND row_id = ?",
            (client.id,),
        ).all()
    assert dict(per_field) == before
    migrate.upgrade(case_file.engine)
    with case_file.engine.connect() as conn:
        assert clocks.read(conn, "client", client.id) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM row_clock").scalar() == rows


def test_field_clocks_name_their_fields_by_bit_after_0016(services, case_file):
    """0016 writes every row's clocks with bits instead of field names; back at 0015 they
    are names again, with every field's exact clock kept both ways."""
    from caseworker_desktop.storage import clocks

    client, _ = new_client(services)
    services.clients.update(client.id, last_name="Kowalenko")

    def text() -> str:
        with case_file.engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT clocks FROM row_clock WHERE table_name = 'client' AND row_id = ?",
                (client.id,),
            ).scalar()

    compact = text()
    before = clocks.decode("client", compact)
    assert "last_name" not in compact and len(before) > 5
    cfg = migrate.alembic_config()
    with case_file.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0015")
    assert "last_name" in text() and clocks.decode("client", text()) == before
    migrate.upgrade(case_file.engine)
    assert text() == compact
