"""Engines of the office database. The embedded SQLite database is a SQLCipher file (raw
key from the office's key file), created readable by its owner only; a database or key file
that others may read is refused. PostgreSQL is reached as configured (its files are the
cluster's; restricted text is sealed field by field either way, office/sealing.py)."""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
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
    cursor.execute("PRAGMA cache_size = -32768")
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


class FairLock:
    """A lock handed to its waiters first come, first served. The office's SQLite writers
    queue here instead of in SQLite's busy handler, which sleeps and polls: under a burst of
    pushes a newcomer took the lock again and again while early arrivals slept (push p95
    2.6 s against a median of 0.9 s in bench/load.py). A `brief` write (a pull's access
    record, one statement) goes before the queued pushes: a pull must not wait for them."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Event] = deque()

    @contextmanager
    def hold(self, brief: bool = False) -> Iterator[None]:
        with self._guard:
            if self._held:
                turn = threading.Event()
                if brief:
                    self._waiters.appendleft(turn)
                else:
                    self._waiters.append(turn)
            else:
                self._held, turn = True, None
        if turn is not None:
            turn.wait()  # the lock is ours when it is set: handed over, never released
        try:
            yield
        finally:
            with self._guard:
                if self._waiters:
                    self._waiters.popleft().set()
                else:
                    self._held = False


class Checkpointer:
    """SQLite's WAL checkpoints in a thread of the server instead of in the commit of
    whichever request crossed 1,000 pages (that commit took about half of the push's
    time). PASSIVE: never waits for readers or writers; a checkpoint that could not copy
    everything is simply repeated."""

    def __init__(self, engine: sa.Engine, path: Path, every_s: float = 0.5,
                 wal_bytes: int = 4 << 20) -> None:  # fmt: skip
        sa.event.listen(engine, "connect", _no_autocheckpoint)
        engine.dispose()  # connections opened before take the setting too
        self._engine, self._wal = engine, Path(f"{path}-wal")
        self._every, self._bytes = every_s, wal_bytes
        self._stop = threading.Event()
        self.runs = 0
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def _size(self) -> int:
        try:
            return self._wal.stat().st_size
        except FileNotFoundError:
            return 0

    def _run(self) -> None:
        conn = self._engine.raw_connection()
        try:
            while not self._stop.wait(self._every):
                if self._size() >= self._bytes:
                    self.checkpoint(conn, "PASSIVE")
            self.checkpoint(conn, "TRUNCATE")
        finally:
            conn.close()

    def checkpoint(self, conn, mode: str) -> None:
        try:
            conn.driver_connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
            self.runs += 1
        except sqlcipher.DatabaseError as exc:  # busy at shutdown: the next start does it
            log.warning("WAL checkpoint (%s) failed: %s", mode, exc)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def _no_autocheckpoint(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA wal_autocheckpoint = 0")
