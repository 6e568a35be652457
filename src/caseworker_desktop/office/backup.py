"""Backup and restore of the office database.

- SQLite (SQLCipher): an online, consistent copy (sqlcipher_export inside one read
  transaction) encrypted under the same database key, 0600. It opens only with the office's
  key file, which is backed up separately (docs/operations.md).
- PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore --clean`; restricted
  text is sealed field by field in either, so a dump holds it only as ciphertext.

A restore gives the database a new epoch (schema.EPOCH): laptops that synced with the
later history notice it at their next sync and send everything again."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import sqlalchemy as sa

from ..storage.db import export_encrypted
from . import keys as office_keys
from . import schema as s
from .auth import OfficeError


def backup(store, out: Path) -> None:
    if out.exists():
        raise OfficeError(f"Die Datei {out} gibt es schon; bitte einen neuen Namen wählen.")
    if not out.parent.is_dir():
        raise OfficeError(f"Zielordner fehlt: {out.parent}")
    if store.url.startswith("sqlite"):
        export_encrypted(store.engine, out, store.keys.database)
    else:
        _run(
            [_tool("pg_dump"), "--format=custom", f"--file={out}", f"--dbname={_libpq(store.url)}"]
        )
        os.chmod(out, 0o600)
    with store.write() as conn:
        s.audit(conn, "admin", "backup", out.name)


def restore(url: str, source: Path, *, key_file: str | None, replace: bool) -> None:
    """Put a backup in place of the database at `url`; then `migrate` brings it to head."""
    if not source.is_file():
        raise OfficeError(f"Die Sicherung {source} gibt es nicht.")
    path = office_keys.sqlite_path(url)
    if url.startswith("sqlite"):
        if path is None:
            raise OfficeError("Für SQLite braucht die Datenbank-URL eine Datei.")
        if path.exists() and path.stat().st_size and not replace:
            raise OfficeError(
                f"Die Datenbank {path} ist nicht leer. Zum Ersetzen --replace angeben "
                "(vorher sichern)."
            )
        staged = path.with_suffix(path.suffix + ".restore")
        shutil.copyfile(source, staged)
        os.chmod(staged, 0o600)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        staged.replace(path)
    else:
        engine = sa.create_engine(url)
        try:
            with engine.connect() as conn:
                used = bool(sa.inspect(conn).get_table_names())
        finally:
            engine.dispose()
        if used and not replace:
            raise OfficeError(
                "Die Datenbank ist nicht leer. Zum Ersetzen --replace angeben (vorher sichern)."
            )
        _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
              f"--dbname={_libpq(url)}", str(source)])  # fmt: skip
    from .store import Store

    store = Store(url, migrate=True, key_file=key_file)  # refuses a file of another key
    try:
        with store.write() as conn:
            s.set_setting(conn, s.EPOCH, uuid.uuid4().hex)
            s.audit(conn, "admin", "restore", source.name)
    finally:
        store.close()


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as a libpq connection URI (pg_dump, pg_restore)."""
    return (
        sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise OfficeError(f"„{name}“ fehlt (Paket postgresql-client installieren).")
    return found


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        raise OfficeError(
            f"{Path(command[0]).name} ist gescheitert: {reason[-1] if reason else ''}"
        )
