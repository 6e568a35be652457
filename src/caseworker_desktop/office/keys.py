"""The office's own keys, kept in one key file outside the database (0600, or a systemd
credential), never on a command line:

- `database`: the SQLCipher key of the embedded SQLite database;
- `fields`: AES-256-GCM keys that seal restricted text field by field (office/sealing.py),
  on SQLite and PostgreSQL alike, so that no dump or backup of the database holds it;
  numbered, so that a rotation can reseal while older ciphertexts still open.

Where the key file is: `--key-file`, else `$CASEWORKER_OFFICE_KEY_FILE`, else the systemd
credential `caseworker-office-keys` (`LoadCredential=`), else beside an SQLite database
(`office.db` -> `office.keys`). PostgreSQL needs one of the first three."""

from __future__ import annotations

import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from ..storage.atomic import write_atomic
from ..storage.db import looks_like_plain_sqlite
from .auth import OfficeError

KEY_FILE_ENV = "CASEWORKER_OFFICE_KEY_FILE"
CREDENTIAL_NAME = "caseworker-office-keys"
FORMAT = "caseworker-office-keys"


@dataclass(frozen=True)
class OfficeKeys:
    path: Path
    database: bytes
    fields: dict[int, bytes]  # key id -> key; the highest id seals
    database_next: bytes | None = None  # a rotation under way

    @property
    def field_key_id(self) -> int:
        return max(self.fields)

    def to_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": 1,
            "database": self.database.hex(),
            "fields": {str(k): v.hex() for k, v in sorted(self.fields.items())},
        }
        if self.database_next is not None:
            body["database_next"] = self.database_next.hex()
        return json.dumps(body, indent=2).encode() + b"\n"

    def save(self) -> None:
        write_atomic(self.path, self.to_json(), mode=0o600)


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for PostgreSQL or an in-memory database)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path.split("?", 1)[0]) if path and path != ":memory:" else None


def locate(url: str, key_file: str | None = None) -> Path:
    if key_file:
        return Path(key_file)
    if os.environ.get(KEY_FILE_ENV):
        return Path(os.environ[KEY_FILE_ENV])
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / CREDENTIAL_NAME).exists():
        return Path(credentials) / CREDENTIAL_NAME
    db = sqlite_path(url)
    if db is None:
        raise OfficeError(
            "Die Schlüsseldatei des Landratsamts fehlt: bitte --key-file DATEI angeben (oder "
            f"{KEY_FILE_ENV}, oder die systemd-Credential {CREDENTIAL_NAME})."
        )
    return db.with_suffix(".keys")


def check_private(path: Path, what: str) -> None:
    """Refuse a file that others than its owner may read (or write)."""
    mode = path.stat().st_mode
    if stat.S_IMODE(mode) & 0o077:
        raise OfficeError(
            f"{what} {path} ist für andere lesbar (Rechte {stat.S_IMODE(mode):o}); bitte "
            f"`chmod 600 {path}` und prüfen, wer sie gelesen haben könnte."
        )


def load(path: Path) -> OfficeKeys:
    try:
        check_private(path, "Die Schlüsseldatei")
        body = json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise OfficeError(
            f"Die Schlüsseldatei {path} fehlt. Eine neue Datenbank bitte zuerst mit "
            "„caseworker-office migrate“ anlegen (das legt auch die Schlüssel an); für eine "
            "bestehende die gesicherte Schlüsseldatei zurücklegen."
        ) from exc
    except (OSError, ValueError) as exc:
        raise OfficeError(f"Die Schlüsseldatei {path} ist nicht lesbar.") from exc
    try:
        if body.get("format") != FORMAT or body.get("version") != 1:
            raise ValueError("format")
        database = bytes.fromhex(body["database"])
        fields = {int(k): bytes.fromhex(v) for k, v in body["fields"].items()}
        nxt = bytes.fromhex(body["database_next"]) if body.get("database_next") else None
        if len(database) != 32 or not fields or any(len(v) != 32 for v in fields.values()):
            raise ValueError("length")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise OfficeError(f"Die Schlüsseldatei {path} ist beschädigt.") from exc
    return OfficeKeys(path, database, fields, nxt)


def obtain(url: str, key_file: str | None = None, *, create: bool = False) -> OfficeKeys:
    """The office's keys; with `create` (migrate) new ones when there are none yet and the
    database holds nothing they should open."""
    path = locate(url, key_file)
    if path.exists() or not create:
        return load(path)
    db = sqlite_path(url)
    if db is not None and db.exists() and db.stat().st_size and not looks_like_plain_sqlite(db):
        raise OfficeError(
            f"Die Schlüsseldatei {path} fehlt; ohne sie ist die verschlüsselte Datenbank {db} "
            "nicht lesbar. Bitte die gesicherte Schlüsseldatei zurücklegen."
        )
    return make(path)


def make(path: Path) -> OfficeKeys:
    """New keys in a new file (never over an existing one: that would orphan a database)."""
    keys = OfficeKeys(path, secrets.token_bytes(32), {1: secrets.token_bytes(32)})
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise OfficeError(f"Die Schlüsseldatei {path} gibt es schon.") from exc
    with os.fdopen(fd, "wb") as out:
        out.write(keys.to_json())
        out.flush()
        os.fsync(out.fileno())
    return keys
