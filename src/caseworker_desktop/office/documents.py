"""Document content at the office. The record (table `document`) arrives by push like any
other; its content follows in chunks (PUT /documents/{id}/content/{i}) and is served the same
way. The office believes nothing of it that it did not check:
- only a document in a case the caller may see has content, and only who may write that
  case uploads it (a team lead as a stand-in only);
- every chunk has exactly the length the record's size gives it; the whole is taken only if
  its SHA-256 is the record's (otherwise the upload is dropped and must start again);
- the size is bounded by the office's limit (default 25 MB), here and at push;
- content is kept once per hash, sealed chunk by chunk with the field keys. An upload is
  skipped only if the caller can already read a checked document with the same content:
  nobody learns from the office that someone else holds a file they do not see."""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa

from ..domain.documents import (
    CHUNK_SIZE,
    DEFAULT_MAX_MB,
    MAX_MB_RANGE,
    MB,
    SHA256,
    TOO_LARGE,
    chunk_count,
    chunk_length,
    megabytes,
)
from ..sync.protocol import ContentState
from . import keyed_sql
from . import schema as s
from .auth import OfficeError, Principal, may_see
from .sealing import Sealer

TABLE = "document"
UNKNOWN = (
    "Dieses Dokument ist dem Landratsamt nicht bekannt oder gehört zu keiner Akte, die Sie "
    "sehen dürfen."
)
NOT_YET = "Der Inhalt dieses Dokuments ist beim Landratsamt noch nicht vollständig."
WRITE_ONLY_CASEWORKER = (
    "Den Inhalt eines Dokuments lädt die zuständige Fachkraft hoch (die Teamleitung nur als "
    "Vertretung)."
)
MISMATCH = (
    "Der hochgeladene Inhalt passt nicht zur Prüfsumme des Dokuments und wurde verworfen; "
    "er wird beim nächsten Abgleich erneut gesendet."
)


class UnknownDocument(OfficeError):
    status = 404
    code = "unknown_document"


def max_mb(conn: sa.Connection) -> int:
    stored = s.get_setting(conn, s.DOCUMENT_MAX_MB)
    return int(stored) if stored and stored.isdigit() else DEFAULT_MAX_MB


def set_max_mb(conn: sa.Connection, limit: int) -> None:
    if limit not in MAX_MB_RANGE:
        raise OfficeError(
            f"Die Höchstgröße muss zwischen {MAX_MB_RANGE.start} und {MAX_MB_RANGE.stop - 1} MB "
            "liegen."
        )
    s.set_setting(conn, s.DOCUMENT_MAX_MB, str(limit))


def push_problem(conn: sa.Connection, field: str, value: object) -> str | None:
    """Why the office refuses this value of a document's record (the laptop checks the
    same before it attaches)."""
    if field == "size":
        limit = max_mb(conn)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            return "Die Größe eines Dokuments muss eine positive Zahl sein."
        if value > limit * MB:
            return TOO_LARGE.format(name="Das Dokument", size=megabytes(value), limit=limit)
    if field == "content_hash" and not (isinstance(value, str) and SHA256.fullmatch(value)):
        return "Die Prüfsumme eines Dokuments muss SHA-256 (64 Hexziffern) sein."
    return None


def _upload_context(document_id: str, index: int) -> str:
    return f"upload\x1f{document_id}\x1f{index}"


def _blob_context(digest: str, index: int) -> str:
    return f"blob\x1f{digest}\x1f{index}"


class DocumentContent:
    """One caller's requests about one document's content, in the caller's transaction."""

    def __init__(self, conn: sa.Connection, who: Principal, sealer: Sealer, now):
        self.conn, self.who, self.sealer, self.now = conn, who, sealer, now
        # The last chunk completed an upload whose hash was wrong: the upload is deleted
        # (commit that), then the caller answers 422 (ContentMismatch).
        self.mismatch = False

    # --- the three calls ----------------------------------------------------------

    def state(self, document_id: str) -> ContentState:
        digest, size = self._document(document_id)
        if self._checked(document_id) is None and self._readable_copy(document_id, digest):
            self._mark_checked(document_id, digest)
        return self._state(document_id, digest, size)

    def put(self, document_id: str, index: int, data: bytes) -> ContentState:
        digest, size = self._document(document_id, write=True)
        if self._checked(document_id) is not None:
            return self._state(document_id, digest, size)  # already whole: nothing to do
        if not 0 <= index < chunk_count(size):
            raise OfficeError(f"Das Dokument hat keinen Teil {index}.", status=422)
        if len(data) != chunk_length(size, index):
            raise OfficeError(
                f"Teil {index} des Dokuments hat {len(data)} Bytes statt "
                f"{chunk_length(size, index)}.",
                status=422,
            )
        up = s.document_uploads
        self.conn.execute(up.delete().where(up.c.document_id == document_id, up.c.idx == index))
        key_id, sealed = self.sealer.seal_bytes(_upload_context(document_id, index), data)
        self.conn.execute(
            up.insert().values(document_id=document_id, idx=index, key_id=key_id,
                               data=sealed, received_at=self.now)
        )  # fmt: skip
        if len(self._received(document_id)) == chunk_count(size):
            self._complete(document_id, digest, size)
        return self._state(document_id, digest, size)

    def chunk(self, document_id: str, index: int) -> bytes:
        digest, _size = self._document(document_id)
        if self._checked(document_id) is None:
            raise OfficeError(NOT_YET, status=409, code="content_incomplete")
        c = s.document_chunks
        row = self.conn.execute(
            sa.select(c.c.key_id, c.c.data).where(c.c.sha256 == digest, c.c.idx == index)
        ).first()
        if row is None:
            raise OfficeError(f"Das Dokument hat keinen Teil {index}.", status=422)
        return self.sealer.open_bytes(_blob_context(digest, index), row.key_id, row.data)

    # --- checks -----------------------------------------------------------------------

    def _document(self, document_id: str, write: bool = False) -> tuple[str, int]:
        """(hash, size) of a live document in a case this caller may see (and write)."""
        case_id = s.case_of_row(self.conn, (TABLE, document_id))
        case = None
        if case_id is not None:
            case = self.conn.execute(
                sa.select(s.cases.c.caseworker_id, s.cases.c.team_id).where(
                    s.cases.c.case_id == case_id
                )
            ).first()
        if case is None or not may_see(self.who, case.caseworker_id, case.team_id):
            raise UnknownDocument(UNKNOWN)
        fields = self._fields(document_id)
        if fields.get("deleted") is True or not isinstance(fields.get("size"), int):
            raise UnknownDocument(UNKNOWN)
        digest = fields.get("content_hash")
        if not isinstance(digest, str) or not SHA256.fullmatch(digest):
            raise UnknownDocument(UNKNOWN)
        if write:
            own = case.caseworker_id == self.who.user_id
            if not (own or (self.who.role == "team_lead" and self.who.stand_in)):
                raise OfficeError(WRITE_ONLY_CASEWORKER, status=403)
            limit = max_mb(self.conn)
            if fields["size"] > limit * MB:
                raise OfficeError(
                    TOO_LARGE.format(name="Das Dokument", size=megabytes(fields["size"]),
                                     limit=limit),
                    status=413,
                )  # fmt: skip
        return digest, fields["size"]

    def _fields(self, document_id: str) -> dict[str, object]:
        fs = s.field_state
        rows = self.conn.execute(
            sa.select(fs.c.field, fs.c.value).where(
                fs.c.table_name == TABLE,
                fs.c.row_id == document_id,
                fs.c.field.in_(("content_hash", "size", "deleted")),
            )
        ).all()
        found = {}
        for field, value in rows:
            try:
                found[field] = json.loads(value)
            except ValueError:
                continue
        return found

    def _checked(self, document_id: str) -> str | None:
        dc = s.document_content
        return self.conn.execute(
            sa.select(dc.c.sha256).where(dc.c.document_id == document_id)
        ).scalar()

    def _readable_copy(self, document_id: str, digest: str) -> bool:
        """The same content is whole here in a document this caller may read."""
        dc = s.document_content
        others = (
            self.conn.execute(
                sa.select(dc.c.document_id).where(
                    dc.c.sha256 == digest, dc.c.document_id != document_id
                )
            )
            .scalars()
            .all()
        )
        for other in others:
            try:
                if self._document(other)[0] == digest:
                    return True
            except OfficeError:
                continue
        return False

    def _received(self, document_id: str) -> list[int]:
        up = s.document_uploads
        return list(
            self.conn.execute(
                sa.select(up.c.idx).where(up.c.document_id == document_id).order_by(up.c.idx)
            ).scalars()
        )

    def _state(self, document_id: str, digest: str, size: int) -> ContentState:
        chunks = chunk_count(size)
        complete = self._checked(document_id) == digest
        return ContentState(
            document_id=document_id,
            size=size,
            chunk_size=CHUNK_SIZE,
            chunks=chunks,
            received=list(range(chunks)) if complete else self._received(document_id),
            complete=complete,
        )

    # --- an upload becomes content ----------------------------------------------------

    def _complete(self, document_id: str, digest: str, size: int) -> None:
        up = s.document_uploads
        rows = self.conn.execute(
            sa.select(up.c.idx, up.c.key_id, up.c.data)
            .where(up.c.document_id == document_id)
            .order_by(up.c.idx)
        ).all()
        parts = [
            self.sealer.open_bytes(_upload_context(document_id, r.idx), r.key_id, r.data)
            for r in rows
        ]
        self.conn.execute(up.delete().where(up.c.document_id == document_id))
        if hashlib.sha256(b"".join(parts)).hexdigest() != digest:
            self.mismatch = True
            return
        blobs = s.document_blobs
        stored = sa.select(blobs.c.sha256).where(blobs.c.sha256 == digest)
        if self.conn.execute(stored).first() is None:
            self.conn.execute(blobs.insert().values(sha256=digest, size=size, stored_at=self.now))
            for index, part in enumerate(parts):
                key_id, sealed = self.sealer.seal_bytes(_blob_context(digest, index), part)
                self.conn.execute(
                    s.document_chunks.insert().values(sha256=digest, idx=index,
                                                      key_id=key_id, data=sealed)
                )  # fmt: skip
        self._mark_checked(document_id, digest)

    def _mark_checked(self, document_id: str, digest: str) -> None:
        self.conn.execute(
            s.document_content.insert().values(
                document_id=document_id, sha256=digest, checked_at=self.now
            )
        )


class ContentMismatch(OfficeError):
    """The whole upload did not hash to the record's hash (raised once its deletion is
    committed)."""

    status = 422
    code = "content_mismatch"


def content(conn: sa.Connection, sealer: Sealer, document) -> bytes | None:
    """The whole content of a document (a domain record), if the office holds it checked
    (the access export)."""
    digest = conn.execute(
        sa.select(s.document_content.c.sha256).where(
            s.document_content.c.document_id == document.id
        )
    ).scalar()
    if digest is None or digest != document.content_hash:
        return None
    c = s.document_chunks
    rows = conn.execute(
        sa.select(c.c.idx, c.c.key_id, c.c.data).where(c.c.sha256 == digest).order_by(c.c.idx)
    ).all()
    return b"".join(sealer.open_bytes(_blob_context(digest, r.idx), r.key_id, r.data) for r in rows)


def drop_unreferenced(conn: sa.Connection) -> int:
    """Content and uploads of documents that are gone (deleted, purged): content only once
    no live document has it. Returns the contents dropped."""
    fs = s.field_state
    deleted = sa.select(fs.c.row_id).where(
        fs.c.table_name == TABLE, fs.c.field == "deleted", fs.c.value == "true"
    )
    live = sa.select(fs.c.row_id).where(fs.c.table_name == TABLE, fs.c.field == "content_hash")
    dc, up = s.document_content, s.document_uploads
    for table, column in ((dc, dc.c.document_id), (up, up.c.document_id)):
        conn.execute(table.delete().where(sa.or_(column.in_(deleted), column.not_in(live))))
    blobs, chunks = s.document_blobs, s.document_chunks
    gone = (
        conn.execute(sa.select(blobs.c.sha256).where(blobs.c.sha256.not_in(sa.select(dc.c.sha256))))
        .scalars()
        .all()
    )
    for part in keyed_sql.chunks(gone):
        conn.execute(chunks.delete().where(chunks.c.sha256.in_(part)))
        conn.execute(blobs.delete().where(blobs.c.sha256.in_(part)))
    return len(gone)


def reseal(conn: sa.Connection, sealer: Sealer) -> int:
    """Every chunk sealed under an older field key, sealed anew (a key rotation)."""
    count = 0
    for table, key, context in (
        (s.document_chunks, "sha256", _blob_context),
        (s.document_uploads, "document_id", _upload_context),
    ):
        rows = conn.execute(
            sa.select(table.c[key], table.c.idx, table.c.key_id, table.c.data).where(
                table.c.key_id != sealer.key_id
            )
        ).all()
        for owner, index, key_id, data in rows:
            plain = sealer.open_bytes(context(owner, index), key_id, data)
            new_id, sealed = sealer.seal_bytes(context(owner, index), plain)
            conn.execute(
                table.update()
                .where(table.c[key] == owner, table.c.idx == index)
                .values(key_id=new_id, data=sealed)
            )
            count += 1
    return count
