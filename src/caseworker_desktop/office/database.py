"""Engines of the office database. The embedded SQLite database is a SQLCipher file (raw
key from the office's key file), created readable by its owner only; a database or key file
that others may read is refused. PostgreSQL is reached as configured (its files are the
cluster's; restricted text is sealed field by field either way, office/sealing.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2 as sqlcipher

from ..storage.db import looks_like_plain_sqlite, raw_key_pragma
from .auth import OfficeError
from .keys import OfficeKeys, check_private, sqlite_path

log = logging.getLogger(__name__)


def open_engine(url: str, keys: OfficeKeys | None) -> sa.Engine:
    path = sqlite_path(url)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if path is None or keys is None:
        raise OfficeError("Die eingebettete Datenbank braucht eine Datei und ihren Schlüssel.")
    if path.exists() and path.stat().st_size:
        check_private(path, "Die Datenbank")
        if looks_like_plain_sqlite(path):
            raise OfficeError(
                f"Die Datenbank {path} ist noch unverschlüsselt. Bitte „caseworker-office "
                "migrate“ ausführen: es verschlüsselt sie (vorher sichern)."
            )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)  # SQLite gives -wal and -shm the mode of the database
        os.chmod(path, 0o600)
    return _sqlcipher_engine(path, _database_key(path, keys))


def _database_key(path: Path, keys: OfficeKeys) -> bytes:
    """The database key; after a rotation interrupted once the file was re-encrypted, the
    next one (office/rotation.py)."""
    if keys.database_next is None or not path.stat().st_size:
        return keys.database
    try:
        _connect(path, keys.database).close()
    except OfficeError:
        return keys.database_next
    return keys.database


def _connect(path: Path, key: bytes):
    conn = sqlcipher.connect(str(path), timeout=30, check_same_thread=False, isolation_level=None)
    cursor = conn.cursor()
    cursor.execute("PRAGMA cipher_log_level = NONE")
    cursor.execute(raw_key_pragma(key))
    cursor.execute("PRAGMA cipher_compatibility = 4")
    try:
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise OfficeError(
            f"Die Datenbank {path} lässt sich mit dieser Schlüsseldatei nicht öffnen (falscher "
            "Schlüssel oder beschädigte Datei)."
        ) from exc
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # still crash-safe in WAL mode
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()
    return conn


def _sqlcipher_engine(path: Path, key: bytes) -> sa.Engine:
    engine = sa.create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _connect(path, key),
        poolclass=QueuePool,
        pool_size=5,
        max_overflow=10,
        hide_parameters=True,
    )

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock at BEGIN: a deferred transaction that upgrades later
        # fails with "database is locked" at once instead of waiting its turn.
        conn.exec_driver_sql("BEGIN " + conn.get_execution_options().get("sqlite_begin", ""))

    return engine


def encrypt_plain(path: Path, keys: OfficeKeys) -> bool:
    """An unencrypted database of an earlier release becomes a SQLCipher file under the
    office's key (a copy, then moved into place; the plain file and its WAL are gone).
    Returns whether there was one."""
    if not path.exists() or not path.stat().st_size or not looks_like_plain_sqlite(path):
        return False
    fresh = path.with_name(path.name + ".encrypting")
    fresh.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS fresh KEY \"x'{keys.database.hex()}'\"", (str(fresh),))
        conn.execute("SELECT sqlcipher_export('fresh')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA fresh.user_version = {int(version)}")
        conn.execute("DETACH DATABASE fresh")
    finally:
        conn.close()
    os.chmod(fresh, 0o600)
    with open(fresh, "rb") as f:
        os.fsync(f.fileno())
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    fresh.replace(path)
    log.info("office database %s encrypted", path)
    return True
