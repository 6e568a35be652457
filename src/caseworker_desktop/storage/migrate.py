"""Alembic migrations of the case file, with an encrypted backup before each upgrade."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(directory: Path = MIGRATIONS_DIR) -> Config:
    """Alembic's configuration for the scripts in `directory` (the case file's, or the
    office database's)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(directory))
    return cfg


def head_revision(directory: Path = MIGRATIONS_DIR) -> str:
    return ScriptDirectory.from_config(alembic_config(directory)).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, backup: Callable[[str], Path] | None = None) -> bool:
    """Bring the file to the newest schema. Returns True if anything was migrated.

    A file that already holds data is backed up (encrypted) first: if a migration fails
    half-way the transaction rolls back, and the backup is there as a second line."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return False
    if current is not None and backup is not None:
        path = backup(f"before-migration-{current}-to-{head}")
        log.info("backed up case file before migration to %s", path.name)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("case file migrated from %s to %s", current, head)
    return True
