"""Backups of a case file, compressed and sealed (#18: seven daily backups used to be
seven full copies of a file whose encrypted pages do not compress).

A backup is the database read table by table in one read transaction, written as lines
of JSON (the schema, then each table's rows, then its indexes and the schema version),
compressed with zlib and sealed in segments of 1 MiB with AES-256-GCM under a key
derived from the data key and a random salt of the backup (a key per backup: the
segments' counter nonces never repeat under one key). Each segment's associated data
names the format, the backup, the segment's number and whether it is the last: a segment
swapped, dropped or cut off is an error, not a shorter case file. Nothing is ever plain
on disk; memory holds one segment at a time.

Restoring reads a backup into a new SQLCipher file beside the case file (under the same
data key) and moves it into place only when every segment was read and checked. A backup
of the earlier form (a SQLCipher copy, `.db`) is restored by copying it.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlcipher3 import dbapi2 as sqlcipher

from ..domain.errors import CaseworkerError
from . import vault
from .atomic import fsync_path
from .db import connect_raw, looks_like_plain_sqlite

SUFFIX = ".cwbackup"
OLD_SUFFIX = ".db"  # before #18: a SQLCipher copy under the same data key
MAGIC = b"CWBACKUP1\n"
PURPOSE = b"caseworker backup v1"
SALT_BYTES = 16  # per backup, in its header: each backup is sealed under a key of its own
SEGMENT = 1 << 20
_BATCH = 2000
_LENGTH = struct.Struct(">I")


class BackupError(CaseworkerError):
    pass


def kept(directory: Path, reason: str = "") -> list[Path]:
    """The backups in `directory` (both forms), oldest first; only those made for `reason`
    when it is given."""
    if not directory.is_dir():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.name.startswith("casefile-")
        and p.suffix in (SUFFIX, OLD_SUFFIX)
        and (not reason or f"-{reason}" in p.stem)
    )


def made_at(backup: Path) -> datetime:
    """The time in a backup's name (written by our clock, so comparable with it)."""
    _, day, time_of_day, *_ = backup.stem.split("-")
    return datetime.strptime(f"{day}{time_of_day}", "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def key_file_of(backup: Path) -> Path:
    return backup.with_name(backup.stem + ".keyfile.json")


def remove(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    key_file_of(backup).unlink(missing_ok=True)


# --- writing ----------------------------------------------------------------------------


def write(engine: sa.Engine, dek: bytes, target: Path) -> None:
    """The whole database into `target` (atomically: a `.partial` file, fsync, rename)."""
    partial = target.with_name(target.name + ".partial")
    salt = os.urandom(SALT_BYTES)
    key = vault.subkey(dek, PURPOSE + salt)  # a key of its own: nonces never meet again
    try:
        with open(partial, "wb") as out:
            os.chmod(partial, 0o600)
            out.write(MAGIC + salt)
            sealer = _Sealer(AESGCM(bytes(key)), salt, out)
            squeeze = zlib.compressobj(1)  # 6 would save 15 % at 2.5x the time
            with engine.begin() as conn:  # one transaction: a consistent copy
                for line in _lines(conn.connection.dbapi_connection):
                    sealer.add(squeeze.compress(line))
            sealer.add(squeeze.flush())
            sealer.close()
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        vault.wipe(key)


def _lines(raw) -> Iterator[bytes]:
    """The database as JSON lines: tables with their rows, then indexes, the AUTOINCREMENT
    counters and the schema version, and a last line that counts the rows."""
    schema = raw.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
        " AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    rows_total = 0
    for kind, name, sql in schema:
        if kind != "table":
            continue
        cursor = raw.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        yield _dump({"table": name, "sql": sql, "columns": columns})
        while batch := cursor.fetchmany(_BATCH):
            rows_total += len(batch)
            yield _dump({"rows": batch})
    for kind, _name, sql in schema:
        if kind != "table":
            yield _dump({"schema": sql})
    try:
        counters = raw.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    except sqlcipher.OperationalError:  # no AUTOINCREMENT table
        counters = []
    version = raw.execute("PRAGMA user_version").fetchone()[0]
    yield _dump({"sequence": [list(c) for c in counters], "user_version": version})
    yield _dump({"end": rows_total})


def _dump(obj: object) -> bytes:
    """One JSON line (bytes as {"b": base64})."""
    return _ENCODER.encode(obj).encode("utf-8") + b"\n"


def _bytes_out(value: object) -> dict:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(type(value).__name__)


_ENCODER = json.JSONEncoder(default=_bytes_out, ensure_ascii=False, separators=(",", ":"))


class _Sealer:
    """Compressed bytes in, sealed segments out: [length][ciphertext] each, the last one
    marked in its associated data."""

    def __init__(self, aead: AESGCM, salt: bytes, out) -> None:
        self.aead, self.salt, self.out = aead, salt, out
        self.buffer = bytearray()
        self.number = 0

    def add(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) > SEGMENT:
            self._seal(bytes(self.buffer[:SEGMENT]), last=False)
            del self.buffer[:SEGMENT]

    def close(self) -> None:
        self._seal(bytes(self.buffer), last=True)
        self.buffer.clear()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce, aad = _nonce_and_aad(self.salt, self.number, last)
        sealed = self.aead.encrypt(nonce, chunk, aad)
        self.out.write(_LENGTH.pack(len(sealed)))
        self.out.write(sealed)
        self.number += 1


def _nonce_and_aad(salt: bytes, number: int, last: bool) -> tuple[bytes, bytes]:
    """The segment's number as nonce (the key is the backup's own); the associated data
    binds the format, the backup, the number and whether it is the last."""
    nonce = number.to_bytes(12, "big")
    return nonce, MAGIC + salt + nonce + (b"\x01" if last else b"\x00")


# --- reading ----------------------------------------------------------------------------


def restore(source: Path, dek: bytes, target: Path) -> None:
    """A backup into a new SQLCipher file at `target` (which must not exist yet) under
    `dek`; on any error `target` is removed and BackupError raised."""
    if target.exists():
        raise BackupError(f"{target} gibt es schon.")
    try:
        if source.suffix == OLD_SUFFIX:
            _copy_old(source, dek, target)
        else:
            _read_into(source, dek, target)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise


def _copy_old(source: Path, dek: bytes, target: Path) -> None:
    if looks_like_plain_sqlite(source):
        raise BackupError("Die Sicherung ist unverschlüsselt: sie stammt nicht von uns.")
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    conn = connect_raw(target, dek)
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise BackupError(
            "Die Sicherung lässt sich mit diesem Schlüssel nicht lesen oder ist beschädigt."
        ) from exc
    finally:
        conn.close()


def _read_into(source: Path, dek: bytes, target: Path) -> None:
    conn = connect_raw(target, dek)
    try:
        os.chmod(target, 0o600)
        conn.execute("PRAGMA journal_mode = OFF")  # a new file: it is dropped on any error
        conn.execute("PRAGMA foreign_keys = OFF")  # tables come in the order they were made
        conn.execute("BEGIN")
        _Loader(conn).load(_plain_lines(source, dek))
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlcipher.Error as exc:
        raise BackupError(f"Die Sicherung lässt sich nicht zurückspielen ({exc}).") from exc
    finally:
        conn.close()
    fsync_path(target)


def _plain_lines(source: Path, dek: bytes) -> Iterator[bytes]:
    damaged = BackupError(
        "Die Sicherung ist beschädigt, unvollständig oder gehört zu einem anderen Schlüssel."
    )
    unsqueeze = zlib.decompressobj()
    pending = b""
    with open(source, "rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            raise BackupError("Das ist keine Sicherung einer Falldatei.")
        salt = fh.read(SALT_BYTES)
        key = vault.subkey(dek, PURPOSE + salt)
        aead = AESGCM(bytes(key))
        vault.wipe(key)
        number, last = 0, False
        while not last:
            head = fh.read(_LENGTH.size)
            if len(head) != _LENGTH.size:
                raise damaged  # cut off before the last segment
            (length,) = _LENGTH.unpack(head)
            if length > SEGMENT + 64:
                raise damaged
            sealed = fh.read(length)
            if len(sealed) != length:
                raise damaged
            for last in (False, True):
                nonce, aad = _nonce_and_aad(salt, number, last)
                try:
                    chunk = aead.decrypt(nonce, sealed, aad)
                    break
                except InvalidTag:
                    continue
            else:
                raise damaged
            number += 1
            try:
                pending += unsqueeze.decompress(chunk)
            except zlib.error as exc:
                raise damaged from exc
            *whole, pending = pending.split(b"\n")
            yield from whole
        if fh.read(1) or not unsqueeze.eof:
            raise damaged  # something after the last segment, or a stream not ended
    if pending:
        raise damaged


class _Loader:
    """JSON lines into an empty SQLCipher connection, checked as they come."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.insert: str | None = None
        self.rows = 0
        self.ended = False

    def load(self, lines: Iterator[bytes]) -> None:
        for line in lines:
            if self.ended:
                raise BackupError("Die Sicherung hat Daten nach ihrem Ende.")
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise BackupError("Die Sicherung enthält eine unlesbare Zeile.") from exc
            if not isinstance(item, dict):
                raise BackupError("Die Sicherung enthält eine unlesbare Zeile.")
            self._entry(item)
        if not self.ended:
            raise BackupError("Die Sicherung ist unvollständig.")

    def _rows(self, rows: object) -> None:
        if self.insert is None or not isinstance(rows, list):
            raise BackupError("Die Sicherung enthält Zeilen ohne Tabelle.")
        for row in rows:
            if not isinstance(row, list):
                raise BackupError("Die Sicherung enthält eine unlesbare Zeile.")
            for i, value in enumerate(row):
                if isinstance(value, dict):
                    row[i] = _bytes_in(value)
        self.conn.executemany(self.insert, rows)
        self.rows += len(rows)

    def _entry(self, item: dict) -> None:
        if "rows" in item:
            self._rows(item["rows"])
        elif "table" in item:
            columns = ", ".join(f'"{c}"' for c in item["columns"])
            self.conn.execute(item["sql"])
            marks = ", ".join("?" * len(item["columns"]))
            self.insert = f'INSERT INTO "{item["table"]}" ({columns}) VALUES ({marks})'
        elif "schema" in item:
            self.insert = None
            self.conn.execute(item["schema"])
        elif "user_version" in item:
            for name, seq in item["sequence"]:
                self.conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                                  (name, seq))  # fmt: skip
            self.conn.execute(f"PRAGMA user_version = {int(item['user_version'])}")
        elif "end" in item:
            if item["end"] != self.rows:
                raise BackupError("Die Sicherung ist unvollständig.")
            self.ended = True
        else:
            raise BackupError("Die Sicherung enthält eine unlesbare Zeile.")


def _bytes_in(value: dict) -> bytes:
    try:
        return base64.b64decode(value["b"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError("Die Sicherung enthält einen unlesbaren Wert.") from exc
