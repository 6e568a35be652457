"""Documents in a case file: scans, photos and PDFs, their content inside the encrypted case
file (storage.blobs), once per content hash. Attaching checks what the file is (by its
content) and its size against the limit; a document of health data (a doctor's letter, the
trauma consultation's) is listed without its name and note until opened, and every opening
of it is an audited view, like a trauma referral."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from ..domain import model as m
from ..domain.documents import DEFAULT_MAX_MB, check_content, check_size
from ..domain.enums import AuditAction, DocumentKind
from ..domain.errors import ValidationError
from ..storage import blobs
from ..storage.atomic import write_atomic
from ..storage.orm import document_blob, document_upload, table_of
from .context import ServiceContext

HIDDEN_TITLE = "Vertrauliches Dokument"


def masked(document: m.Document) -> m.Document:
    """The document as a list shows it: a confidential one without its name and note."""
    if not document.confidential:
        return document
    return dataclasses.replace(document, title=HIDDEN_TITLE, note="")


@dataclasses.dataclass(frozen=True)
class Listed:
    document: m.Document  # masked if confidential
    case_reference: str  # of the case it is in (the person's other cases show theirs too)
    here: bool  # its content is on this laptop (else it comes with the next sync)


class DocumentService:
    def __init__(self, ctx: ServiceContext, max_mb: int = DEFAULT_MAX_MB):
        self.ctx = ctx
        self.max_mb = max_mb

    def attach(self, case_id: str, path: Path, **details) -> m.Document:
        """The file's content into the case file and a document record for it, in one
        transaction; the content goes to the office with the next sync. `details`: kind,
        dated_on, title (default: the file's name), note."""
        path = Path(path)
        try:
            check_size(path.name, path.stat().st_size, self.max_mb)  # a film: not even read
            data = path.read_bytes()
        except OSError:
            raise ValidationError({"file": f"„{path.name}“ kann nicht gelesen werden."}) from None
        return self.attach_content(case_id, path.name, data, **details)

    def attach_content(
        self,
        case_id: str,
        name: str,
        data: bytes,
        *,
        kind: DocumentKind = DocumentKind.OTHER,
        dated_on: date | None = None,
        title: str = "",
        note: str = "",
    ) -> m.Document:
        """`data` as a document named `name` (a scan that never was a file: the demo)."""
        media_type = check_content(name, data, self.max_mb)
        with self.ctx.transaction() as tx:
            case = tx.get(m.Case, case_id)
            digest = blobs.store(tx.conn, data)
            document = tx.add(
                m.Document(
                    case_id=case.id, kind=DocumentKind(kind), dated_on=dated_on,
                    title=(title.strip() or name)[:200], media_type=media_type,
                    size=len(data), content_hash=digest, note=note, added_by=tx.user.id,
                )
            )  # fmt: skip
            tx.conn.execute(document_upload.insert().values(document_id=document.id))
            return document

    def documents(self, case_id: str) -> list[Listed]:
        """The documents of the person of this case, from all of their cases here, the
        newest first; confidential ones masked."""
        with self.ctx.transaction() as tx:
            case = tx.get(m.Case, case_id)
            cases = table_of(m.Case)
            of_person = tx.find(m.Case, cases.c.client_id == case.client_id)
            theirs = {c.id: c.reference for c in of_person}
            table = table_of(m.Document)
            found = tx.find(m.Document, table.c.case_id.in_(list(theirs)))
            held = set(
                tx.conn.execute(
                    sa.select(document_blob.c.sha256).where(
                        document_blob.c.complete.is_(True),
                        document_blob.c.sha256.in_({d.content_hash for d in found}),
                    )
                ).scalars()
            )
        found.sort(key=lambda d: (d.dated_on or date.min, d.id), reverse=True)
        return [Listed(masked(d), theirs[d.case_id], d.content_hash in held) for d in found]

    def open(self, document_id: str) -> m.Document:
        """The whole record (a confidential one: an audited view)."""
        with self.ctx.transaction() as tx:
            document = tx.get(m.Document, document_id)
            if document.confidential:
                tx.audit(AuditAction.VIEW, document, "record")
            return document

    def content(self, document_id: str) -> tuple[m.Document, bytes]:
        """The record and its content, to look at: every look is an audited view."""
        with self.ctx.transaction() as tx:
            document = tx.get(m.Document, document_id)
            data = blobs.read(tx.conn, document.content_hash)
            tx.audit(AuditAction.VIEW, document, "content")
            return document, data

    def save_copy(self, document_id: str, path: Path) -> m.Document:
        """A copy of the content outside the case file (owner-only, audited export)."""
        with self.ctx.transaction() as tx:
            document = tx.get(m.Document, document_id)
            write_atomic(Path(path), blobs.read(tx.conn, document.content_hash))
            tx.audit(AuditAction.EXPORT, document, "copy")
            return document

    def update(self, document_id: str, **changes) -> m.Document:
        """Kind, date, name and note (the content is fixed: attach a new document)."""
        allowed = {"kind", "dated_on", "title", "note"}
        if set(changes) - allowed:
            raise ValidationError(
                {"file": "Der Inhalt eines Dokuments kann nicht geändert werden."}
            )
        with self.ctx.transaction() as tx:
            return tx.update(m.Document, document_id, **changes)

    def delete(self, document_id: str) -> None:
        """The record is deleted (and synced as such); the content goes from this case
        file unless another document here has the same."""
        with self.ctx.transaction() as tx:
            tx.delete(m.Document, document_id)
            blobs.drop_unreferenced(tx.conn)
