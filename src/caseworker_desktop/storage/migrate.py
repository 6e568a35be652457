"""Alembic migrations of the case file, with an encrypted backup before each upgrade.

Whether a file is at the newest schema is found without Alembic (reading the revision
table, and the revision lines of the scripts): at head, which is every start but the first
after an update, Alembic is not even imported (it was a tenth of a second of the start)."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*=\s*["\']?(\w+|None)["\']?\s*$', re.M)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(directory: Path = MIGRATIONS_DIR) -> Config:
    """Alembic's configuration for the scripts in `directory` (the case file's, or the
    office database's)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(directory))
    return cfg


@functools.cache
def head_revision(directory: Path = MIGRATIONS_DIR) -> str:
    """The revision no script names as its predecessor (one head: a straight line)."""
    revisions, predecessors = set(), set()
    for script in (directory / "versions").glob("*.py"):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(script.read_text("utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            predecessors.add(found.get("down_revision"))
    (head,) = revisions - predecessors
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


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
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("case file migrated from %s to %s", current, head)
    return True
