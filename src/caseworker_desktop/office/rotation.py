"""New office keys (`caseworker-office rotate-keys`, with the server stopped): a new field key
reseals every restricted value, and the embedded SQLite database is re-encrypted under a new
database key. Every step leaves a state the key file opens: the new keys are written beside
the old ones first (`database_next`, a second field key), the old ones are dropped last."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace

from ..storage.db import export_encrypted
from . import documents
from .keys import OfficeKeys, sqlite_path
from .sealing import Sealer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rotated:
    resealed: int
    database_rekeyed: bool


def rotate(store) -> Rotated:
    old = store.keys
    field_id = old.field_key_id + 1
    path = sqlite_path(store.url)
    staged = replace(
        old,
        fields={**old.fields, field_id: secrets.token_bytes(32)},
        database_next=secrets.token_bytes(32) if path is not None else None,
    )
    staged.save()
    sealer = Sealer(staged.fields)
    with store.write() as conn:
        resealed = sealer.seal_stored(conn, reseal=True) + documents.reseal(conn, sealer)
    database = old.database
    if path is not None and staged.database_next is not None:
        fresh = path.with_name(path.name + ".rekey")
        export_encrypted(store.engine, fresh, staged.database_next)
        store.engine.dispose()
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        fresh.replace(path)  # from here on the next key is the one (keys.py tries both)
        database = staged.database_next
    final = OfficeKeys(old.path, database, {field_id: staged.fields[field_id]})
    final.save()
    store.keys, store.sealer = final, Sealer(final.fields)
    log.info("office keys rotated: %d values resealed", resealed)
    return Rotated(resealed, path is not None)
