"""Alembic migrations of the office database (`caseworker-office migrate`).

A database of release 494c856 or earlier has the tables but no version: it is stamped with
the baseline (0001) first. Every other command refuses a database that is not at head, and
says what to run."""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from ..storage import migrate as storage_migrate
from .auth import OfficeError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BASELINE = "0001"


def alembic_config() -> Config:
    return storage_migrate.alembic_config(MIGRATIONS_DIR)


def head_revision() -> str:
    return storage_migrate.head_revision(MIGRATIONS_DIR)


def current_revision(conn: sa.Connection) -> str | None:
    """The database's revision; BASELINE for an unversioned database of the old release,
    None for an empty one."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None and sa.inspect(conn).has_table("changes"):
        return BASELINE
    return revision


def upgrade(engine: sa.Engine) -> tuple[str | None, str]:
    """Bring the database to head in one transaction; returns (before, after)."""
    head = head_revision()
    cfg = alembic_config()
    with engine.begin() as conn:
        before = current_revision(conn)
        if before == head:
            return before, head
        cfg.attributes["connection"] = conn
        if before == BASELINE and MigrationContext.configure(conn).get_current_revision() is None:
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, "head")
    log.info("office database migrated from %s to %s", before, head)
    return before, head


def require_head(engine: sa.Engine, url: str) -> None:
    with engine.connect() as conn:
        current = current_revision(conn)
    head = head_revision()
    if current == head:
        return
    state = (
        "ist noch leer"
        if current is None
        else f"hat den Stand {current}, dieses Programm braucht {head}"
    )
    shown = sa.engine.make_url(url).render_as_string(hide_password=True)
    raise OfficeError(
        f"Die Datenbank des Landratsamts {state}. Bitte zuerst "
        f"„caseworker-office migrate --db {shown}“ ausführen (vorher sichern).",
        status=503,
        code="schema_outdated",
    )
