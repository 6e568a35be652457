"""Restricted text sealed field by field at the office (domain.permissions.RESTRICTED_FIELDS:
trauma findings, help-plan text, both texts of a conflict). A stored value of such a field
is not the JSON the laptop sent but `{"sealed": "<key id>:<base64 nonce+ciphertext>"}`:
AES-256-GCM under a field key from the office's key file, which the database never holds,
bound to its table, row and field (a sealed value moved elsewhere does not open). So a dump
or backup of the database (SQLite or PostgreSQL) carries no trauma text in the clear.

The office seals on writing (push) and opens on reading (merge, handover, pull); nothing
else reads these fields (reports count other fields; scoping and audit read ids)."""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterable

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.permissions import RESTRICTED_FIELDS
from . import schema as s
from .auth import OfficeError

PREFIX = '{"sealed": "'
_SUFFIX = '"}'
_NONCE = 12


def _aad(table: str, row_id: str, field: str) -> bytes:
    return f"caseworker-office sealed v1\x1f{table}\x1f{row_id}\x1f{field}".encode()


def _bytes_aad(context: str) -> bytes:
    return f"caseworker-office sealed bytes v1\x1f{context}".encode()


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


class Sealer:
    def __init__(self, keys: dict[int, bytes]):
        self._aead = {key_id: AESGCM(key) for key_id, key in keys.items()}
        self.key_id = max(keys)

    def seal(self, table: str, row_id: str, field: str, value: str) -> str:
        """The stored form of a value (unchanged unless the field is restricted)."""
        if (table, field) not in RESTRICTED_FIELDS or is_sealed(value):
            return value
        nonce = os.urandom(_NONCE)
        box = self._aead[self.key_id].encrypt(nonce, value.encode(), _aad(table, row_id, field))
        return json.dumps({"sealed": f"{self.key_id}:{base64.b64encode(nonce + box).decode()}"})

    def open(self, table: str, row_id: str, field: str, stored: str) -> str:
        """The value as the laptop sent it (stored values of other fields pass through)."""
        if not is_sealed(stored):
            return stored
        try:
            # As seal wrote it (a key id, a colon and base64 need no JSON escapes): read
            # without a JSON parser, which took four times the decryption's time.
            if not stored.endswith(_SUFFIX):
                raise ValueError("not a sealed value")
            key_id, blob = stored[len(PREFIX) : -len(_SUFFIX)].split(":", 1)
            aead = self._aead[int(key_id)]
            raw = binascii.a2b_base64(blob, strict_mode=True)
            return aead.decrypt(raw[:_NONCE], raw[_NONCE:], _aad(table, row_id, field)).decode()
        except KeyError as exc:
            raise OfficeError(
                "Ein versiegelter Wert braucht einen Feldschlüssel, der in der Schlüsseldatei "
                "fehlt (ältere Schlüsseldatei?).",
                status=500,
                code="sealed_key_missing",
            ) from exc
        except (InvalidTag, ValueError, TypeError) as exc:  # binascii.Error is a ValueError
            raise OfficeError(
                f"Ein versiegelter Wert ({table}.{field}) ist verändert oder beschädigt.",
                status=500,
                code="sealed_value_damaged",
            ) from exc

    # --- document content (office/documents.py) ----------------------------------------

    def seal_bytes(self, context: str, data: bytes) -> tuple[int, bytes]:
        """(key id, nonce + ciphertext) of a chunk, bound to `context` (what and where)."""
        nonce = os.urandom(_NONCE)
        box = self._aead[self.key_id].encrypt(nonce, data, _bytes_aad(context))
        return self.key_id, nonce + box

    def open_bytes(self, context: str, key_id: int, sealed: bytes) -> bytes:
        try:
            aead = self._aead[key_id]
            return aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], _bytes_aad(context))
        except KeyError as exc:
            raise OfficeError(
                "Ein versiegeltes Dokument braucht einen Feldschlüssel, der in der "
                "Schlüsseldatei fehlt (ältere Schlüsseldatei?).",
                status=500,
                code="sealed_key_missing",
            ) from exc
        except (InvalidTag, ValueError) as exc:
            raise OfficeError(
                "Ein versiegeltes Dokument ist verändert oder beschädigt.",
                status=500,
                code="sealed_value_damaged",
            ) from exc

    # --- the whole database ---------------------------------------------------------

    def seal_stored(self, conn: sa.Connection, *, reseal: bool = False) -> int:
        """Seal what is still in the clear (a database of an earlier release), or with
        `reseal` everything sealed under an older field key too (a rotation). Returns the
        number of values written."""
        count = 0
        for table, field in sorted(RESTRICTED_FIELDS):
            for t, key in ((s.changes, ("seq",)), (s.field_state, ("row_id",))):
                rows = conn.execute(
                    sa.select(t.c.row_id, t.c.value, *(t.c[k] for k in key)).where(
                        t.c.table_name == table, t.c.field == field
                    )
                ).all()
                updates = []
                for row_id, stored, *ident in rows:
                    if is_sealed(stored) and not (reseal and self._older(stored)):
                        continue
                    value = self.open(table, row_id, field, stored)
                    updates.append((self.seal(table, row_id, field, value), *ident))
                _update(conn, t, key, table, field, updates)
                count += len(updates)
        return count

    def _older(self, stored: str) -> bool:
        return not json.loads(stored)["sealed"].startswith(f"{self.key_id}:")

    def require_sealed(self, conn: sa.Connection) -> None:
        """Refuse to serve restricted text that is in the clear (or under a missing key)."""
        for table, field in sorted(RESTRICTED_FIELDS):
            for t in (s.field_state, s.changes):
                stored = conn.execute(
                    sa.select(t.c.value)
                    .where(
                        t.c.table_name == table,
                        t.c.field == field,
                        sa.not_(t.c.value.startswith(PREFIX)),
                    )
                    .limit(1)
                ).scalar()
                if stored is not None:
                    raise OfficeError(
                        "Die Datenbank enthält noch unversiegelte vertrauliche Texte. Bitte "
                        "„caseworker-office migrate“ ausführen."
                    )


def _update(
    conn: sa.Connection, t: sa.Table, key: Iterable[str], table: str, field: str, rows: list
) -> None:
    if not rows:
        return
    where = " AND ".join(f"{k} = :{k}" for k in key)
    statement = sa.text(
        f"UPDATE {t.name} SET value = :value WHERE table_name = :t AND field = :f AND {where}"
    )
    params = [
        {"value": value, "t": table, "f": field, **dict(zip(key, ident, strict=True))}
        for value, *ident in rows
    ]
    conn.execute(statement, params)
