"""Document content between laptop and office, chunk by chunk, after the records (the office
knows a document before it takes its content). Every chunk is a request of its own and, on
the way in, a transaction of its own: a connection that breaks costs at most one chunk, and
the next sync goes on where this one stopped (the office says which chunks it holds, the
laptop knows which it has). What arrives is checked against the hash in the document's
record, so neither side can be handed other content than the record names."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa

from ..domain import model as m
from ..domain.documents import chunk_length
from ..storage import blobs
from ..storage.orm import document_blob, document_upload, table_of
from .protocol import MAX_CONTENT_QUERY, ContentState
from .transport import (
    DeviceRevokedError,
    OfflineError,
    PinMismatchError,
    SyncError,
    Transport,
    UpgradeRequiredError,
)

log = logging.getLogger(__name__)


@dataclass
class Transferred:
    sent: int = 0  # documents whose content the office now holds
    received: int = 0  # documents whose content is now here
    waiting: int = 0  # content that could not travel yet (not at the office, refused)


def transfer(engine: sa.Engine, transport: Transport) -> Transferred:
    done = Transferred()
    if _upload(engine, transport, done):
        _download(engine, transport, done)
    return done


# The connection or the device itself failed: the sync stops (and says why). Any other
# refusal concerns one document: it waits, and the others travel.
_STOP = (OfflineError, DeviceRevokedError, UpgradeRequiredError, PinMismatchError)


def _states(transport: Transport, ids: list[str]) -> dict[str, ContentState] | None:
    """The office's states of these documents, asked in batches (one request for many:
    a team lead's laptop waits for hundreds of colleagues' scans); None from an office
    older than documents."""
    found: dict[str, ContentState] = {}
    for start in range(0, len(ids), MAX_CONTENT_QUERY):
        part = transport.content_states(ids[start : start + MAX_CONTENT_QUERY])
        if part is None:
            return None
        found.update(part)
    return found


def _upload(engine: sa.Engine, transport: Transport, done: Transferred) -> bool:
    """False: the office knows no documents (an older release); nothing more to do."""
    documents = table_of(m.Document)
    with engine.connect() as conn:
        pending = conn.execute(
            sa.select(documents.c.id, documents.c.content_hash, documents.c.size)
            .join(document_upload, document_upload.c.document_id == documents.c.id)
            .where(documents.c.deleted.is_(False))
            .order_by(documents.c.id)
        ).all()
    states = _states(transport, [row.id for row in pending])
    if states is None:
        return False
    for document_id, digest, size in pending:
        state = states.get(document_id)
        if state is None:  # its record was refused (the inbox says why)
            log.warning("document content not sent: the office does not know it")
            done.waiting += 1
            continue
        try:
            if not state.complete:
                state = _send(engine, transport, document_id, digest, size, state)
        except _STOP:
            raise
        except SyncError as exc:
            log.warning("document content not sent: %s", type(exc).__name__)
            done.waiting += 1
            continue
        if state.complete:
            with engine.begin() as conn:
                conn.execute(
                    document_upload.delete().where(document_upload.c.document_id == document_id)
                )
            done.sent += 1
        else:
            done.waiting += 1
    return True


def _send(engine, transport, document_id, digest, size, state) -> ContentState:
    if state.size != size:
        raise SyncError("Das Landratsamt kennt dieses Dokument mit einer anderen Größe.")
    received = set(state.received)
    for index in range(state.chunks):
        if index in received:
            continue
        with engine.connect() as conn:
            data = blobs.chunk(conn, digest, index)
        if data is None:
            raise SyncError("Ein Teil eines Dokuments fehlt in der Falldatei.")
        state = transport.put_chunk(document_id, index, data)
    return state


def _download(engine: sa.Engine, transport: Transport, done: Transferred) -> None:
    """One document per missing content (the others with the same hash share it)."""
    documents = table_of(m.Document)
    held = sa.select(document_blob.c.sha256).where(document_blob.c.complete.is_(True))
    with engine.connect() as conn:
        wanted = conn.execute(
            sa.select(documents.c.content_hash, sa.func.min(documents.c.id), documents.c.size)
            .where(documents.c.deleted.is_(False), documents.c.content_hash.not_in(held))
            .group_by(documents.c.content_hash, documents.c.size)
        ).all()
    states = _states(transport, [row[1] for row in wanted])
    for digest, document_id, size in wanted:
        state = (states or {}).get(document_id)
        try:
            whole = state is not None and _fetch(engine, transport, state, digest, size)
        except _STOP:
            raise
        except SyncError as exc:
            log.warning("document content not fetched: %s", type(exc).__name__)
            whole = False
        if whole:
            done.received += 1
        else:
            done.waiting += 1


def _fetch(engine, transport, state: ContentState, digest, size) -> bool:
    """Whether the content is here now (False: not whole at the office yet, or it did not
    match its hash and is fetched again next time)."""
    if not state.complete or state.size != size:
        return False  # not uploaded yet by whoever attached it
    document_id = state.document_id
    with engine.connect() as conn:
        have = blobs.held_chunks(conn, digest)
    for index in range(state.chunks):
        if index in have:
            continue
        data = transport.get_chunk(document_id, index)
        if len(data) != chunk_length(size, index):
            raise SyncError("Ein Teil eines Dokuments kam unvollständig an.")
        with engine.begin() as conn:
            blobs.receive_chunk(conn, digest, size, index, data)
    with engine.begin() as conn:
        whole = blobs.finish(conn, digest)
    if not whole:
        log.warning("document content did not match its hash; fetched again next time")
    return whole
