"""SQLCipher engine: raw-key mode, SQLCipher 4 defaults pinned, one connection."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2 as sqlcipher

from ..domain.errors import CaseworkerError
from . import clocks
from .atomic import fsync_path

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


class CaseFileCorruptError(CaseworkerError):
    """The file exists and the key is right, but pages fail their HMAC or the file is damaged."""


def raw_key_pragma(dek: bytes) -> str:
    if len(dek) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA key = \"x'{bytes(dek).hex()}'\""


def _apply_key(dbapi_conn, dek: bytes) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")  # errors reach the user as exceptions
    cur.execute(raw_key_pragma(dek))
    # Pin SQLCipher 4 defaults (page size 4096, HMAC-SHA512, no plaintext header).
    cur.execute("PRAGMA cipher_compatibility = 4")
    cur.execute("PRAGMA cipher_page_size = 4096")
    cur.close()


def connect_raw(path: Path, dek: bytes):
    """A plain sqlcipher3 connection (for backups, checks and benchmarks)."""
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    _apply_key(conn, dek)
    return conn


def open_engine(path: Path, dek: bytes) -> sa.Engine:
    """Engine over one SQLCipher connection: a single writer; SQLAlchemy serialises users.

    Raises CaseFileCorruptError if the key does not open the file (with a key unwrapped
    from the key file, that means the file is damaged or has been tampered with).

    The connection factory reads the caller's key buffer each time (no private copy), so
    wiping that buffer on lock leaves no key behind in the engine."""
    key = dek

    def creator():
        conn = connect_raw(path, key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.create_function("field_hlc", 3, clocks.field_hlc, deterministic=True)
        except sqlcipher.DatabaseError as exc:
            conn.close()
            raise CaseFileCorruptError(
                "Die Falldatei lässt sich nicht öffnen: sie ist beschädigt oder wurde "
                "verändert. Bitte eine Sicherung zurückspielen."
            ) from exc
        return conn

    engine = sa.create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
        hide_parameters=True,  # error messages and logs must never carry case data
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # take the write lock up front: no lock upgrades, no SQLITE_BUSY later
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.connect():
            pass
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise CaseFileCorruptError(
            "Die Falldatei lässt sich nicht öffnen: sie ist beschädigt oder wurde verändert."
        ) from exc
    except CaseFileCorruptError:
        engine.dispose()
        raise
    return engine


def export_encrypted(engine: sa.Engine, target: Path, dek: bytes) -> None:
    """A consistent copy of the database in `target`, encrypted under `dek` (sqlcipher_export,
    schema version included), on disk (fsync) and readable by its owner only."""
    target.unlink(missing_ok=True)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute(f"ATTACH DATABASE ? AS copy KEY \"x'{bytes(dek).hex()}'\"", (str(target),))
        try:
            raw.execute("SELECT sqlcipher_export('copy')")
            version = raw.execute("PRAGMA main.user_version").fetchone()[0]
            raw.execute(f"PRAGMA copy.user_version = {int(version)}")
        finally:
            raw.execute("DETACH DATABASE copy")
    fsync_path(target)
    os.chmod(target, 0o600)


def compact_sqlite(dbapi_connection) -> None:
    """Rewrite a SQLite/SQLCipher file without free pages and empty its WAL, so that what was
    deleted leaves no copy in it. Outside any transaction (VACUUM refuses one)."""
    for sql in ("PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"):
        dbapi_connection.execute(sql)


def release_free_pages(dbapi_connection, share: float = 0.25) -> bool:
    """Rewrite the file (compact_sqlite) when more than `share` of its pages are free,
    so that deleted rows give their room back. Not incremental vacuum: its pointer-map
    pages turned a damaged page into a MemoryError instead of a clear error. Returns
    whether it rewrote."""
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    free = dbapi_connection.execute("PRAGMA freelist_count").fetchone()[0]
    if not pages or free <= pages * share:
        return False
    compact_sqlite(dbapi_connection)
    return True


def looks_like_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER
