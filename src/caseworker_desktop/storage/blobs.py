"""Document content in the case file: once per content hash (two documents with the same
scan share it), in chunks, so that a download can stop after any chunk and go on later.
Everything here runs inside the caller's transaction."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from ..domain import model as m
from ..domain.documents import CHUNK_SIZE, chunk_count
from ..domain.errors import CaseworkerError
from .orm import document_blob, document_chunk, document_upload, table_of


class ContentMissing(CaseworkerError):
    """The content is not (completely) on this laptop yet."""


def store(conn: sa.Connection, data: bytes) -> str:
    """Keep `data` (once: the same content again costs nothing) and return its hash."""
    digest = hashlib.sha256(data).hexdigest()
    if is_complete(conn, digest):
        return digest
    conn.execute(document_chunk.delete().where(document_chunk.c.sha256 == digest))
    conn.execute(document_blob.delete().where(document_blob.c.sha256 == digest))
    conn.execute(
        document_chunk.insert(),
        [
            {"sha256": digest, "idx": i, "data": data[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE]}
            for i in range(chunk_count(len(data)))
        ],
    )
    conn.execute(document_blob.insert().values(sha256=digest, size=len(data), complete=True))
    return digest


def is_complete(conn: sa.Connection, digest: str) -> bool:
    found = conn.execute(
        sa.select(document_blob.c.complete).where(document_blob.c.sha256 == digest)
    ).scalar()
    return bool(found)


def read(conn: sa.Connection, digest: str) -> bytes:
    """The whole content, checked against its hash."""
    if not is_complete(conn, digest):
        raise ContentMissing(
            "Der Inhalt dieses Dokuments ist noch nicht auf diesem Gerät; er kommt mit dem "
            "nächsten Abgleich."
        )
    data = _joined(conn, digest)
    if hashlib.sha256(data).hexdigest() != digest:
        raise CaseworkerError("Der gespeicherte Inhalt dieses Dokuments ist beschädigt.")
    return data


def _joined(conn: sa.Connection, digest: str) -> bytes:
    return b"".join(
        conn.execute(
            sa.select(document_chunk.c.data)
            .where(document_chunk.c.sha256 == digest)
            .order_by(document_chunk.c.idx)
        ).scalars()
    )


def chunk(conn: sa.Connection, digest: str, index: int) -> bytes | None:
    return conn.execute(
        sa.select(document_chunk.c.data).where(
            document_chunk.c.sha256 == digest, document_chunk.c.idx == index
        )
    ).scalar()


def held_chunks(conn: sa.Connection, digest: str) -> set[int]:
    return set(
        conn.execute(
            sa.select(document_chunk.c.idx).where(document_chunk.c.sha256 == digest)
        ).scalars()
    )


def receive_chunk(conn: sa.Connection, digest: str, size: int, index: int, data: bytes) -> None:
    """One chunk of a download; the blob stays incomplete until `finish`."""
    known = sa.select(document_blob.c.sha256).where(document_blob.c.sha256 == digest)
    if conn.execute(known).first() is None:
        conn.execute(document_blob.insert().values(sha256=digest, size=size, complete=False))
    conn.execute(
        document_chunk.delete().where(
            document_chunk.c.sha256 == digest, document_chunk.c.idx == index
        )
    )
    conn.execute(document_chunk.insert().values(sha256=digest, idx=index, data=data))


def finish(conn: sa.Connection, digest: str) -> bool:
    """A download with all its chunks: complete if the hash is right; otherwise its chunks
    are dropped (to be fetched again) and False is returned."""
    if hashlib.sha256(_joined(conn, digest)).hexdigest() == digest:
        conn.execute(
            document_blob.update().where(document_blob.c.sha256 == digest).values(complete=True)
        )
        return True
    conn.execute(document_chunk.delete().where(document_chunk.c.sha256 == digest))
    conn.execute(document_blob.delete().where(document_blob.c.sha256 == digest))
    return False


def drop_unreferenced(conn: sa.Connection) -> int:
    """Content no live document points at any more (deleted, evicted, purged) goes, and
    so do uploads of documents that are gone. Returns how many contents were dropped."""
    documents = table_of(m.Document)
    live = sa.select(documents.c.content_hash).where(documents.c.deleted.is_(False))
    gone = (
        conn.execute(sa.select(document_blob.c.sha256).where(document_blob.c.sha256.not_in(live)))
        .scalars()
        .all()
    )
    if gone:
        conn.execute(document_chunk.delete().where(document_chunk.c.sha256.in_(gone)))
        conn.execute(document_blob.delete().where(document_blob.c.sha256.in_(gone)))
    live_ids = sa.select(documents.c.id).where(documents.c.deleted.is_(False))
    conn.execute(document_upload.delete().where(document_upload.c.document_id.not_in(live_ids)))
    return len(gone)
