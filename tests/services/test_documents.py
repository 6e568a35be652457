"""Documents in the case file (#17 part 1): what can be attached (by content, not by name),
the size limit with its German message, content kept once per hash inside the encrypted
file, confidential documents masked until opened (each opening audited), deleting drops the
content, the content cannot be swapped under a record, and the access export carries them."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain.enums import AuditAction, DocumentKind
from caseworker_desktop.domain.errors import PermissionDeniedError, ValidationError
from caseworker_desktop.services import Services
from caseworker_desktop.storage import audit, blobs
from caseworker_desktop.storage.orm import document_blob, document_chunk, document_upload
from tests.canary import files_holding
from tests.fixtures.documents import photo, scan_pdf
from tests.helpers import new_client


def _count(services, table) -> int:
    with services.ctx.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_attach_list_open_and_delete(services, tmp_path, data_dir):
    _client, case = new_client(services)
    scan = tmp_path / "aufenthaltstitel.pdf"
    scan.write_bytes(scan_pdf("CANARY-Aufenthaltstitel-4711", pages=3))
    document = services.documents.attach(
        case.id, scan, kind=DocumentKind.RESIDENCE_PERMIT, note="gültig bis 03/2027"
    )
    assert (document.title, document.media_type) == ("aufenthaltstitel.pdf", "application/pdf")
    assert document.size == scan.stat().st_size
    (listed,) = services.client_file(case.id).documents
    assert listed.here and listed.document.note == "gültig bis 03/2027"
    _, data = services.documents.content(document.id)
    assert data == scan.read_bytes()
    assert _count(services, document_upload) == 1  # waits for the next sync
    # the same scan again (another document): stored once
    again = services.documents.attach(case.id, scan, kind=DocumentKind.OTHER, title="Kopie")
    assert again.content_hash == document.content_hash
    assert _count(services, document_blob) == 1 and _count(services, document_chunk) == 1
    # nothing of it in the clear on disk
    assert files_holding([data_dir], "CANARY-Aufenthaltstitel-4711", []) == []
    services.documents.delete(document.id)
    assert _count(services, document_blob) == 1  # the copy still needs it
    services.documents.delete(again.id)
    assert _count(services, document_blob) == 0 and _count(services, document_chunk) == 0
    assert services.client_file(case.id).documents == []


def test_what_cannot_be_attached(services, tmp_path):
    _client, case = new_client(services)
    letter = tmp_path / "brief.pdf"  # a PDF by name, a Word file by content
    letter.write_bytes(b"PK\x03\x04 word/document.xml")
    with pytest.raises(ValidationError) as wrong:
        services.documents.attach(case.id, letter)
    assert "weder ein PDF noch ein Bild" in wrong.value.problems["file"]
    empty = tmp_path / "leer.png"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="ist leer"):
        services.documents.attach(case.id, empty)
    large = tmp_path / "scan.pdf"
    large.write_bytes(b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024))
    services.documents.max_mb = 1
    with pytest.raises(ValidationError) as too_large:
        services.documents.attach(case.id, large)
    assert too_large.value.problems["file"].startswith(
        "„scan.pdf“ ist 2,0 MB groß; erlaubt sind höchstens 1 MB."
    )
    with pytest.raises(ValidationError, match="kann nicht gelesen werden"):
        services.documents.attach(case.id, tmp_path / "fehlt.pdf")
    assert services.client_file(case.id).documents == []  # nothing half-written
    assert _count(services, document_blob) == 0


def test_a_confidential_document_is_masked_until_opened(services, tmp_path):
    _client, case = new_client(services)
    finding = tmp_path / "befund.jpg"
    finding.write_bytes(photo(kind="JPEG"))
    document = services.documents.attach(
        case.id, finding, kind=DocumentKind.TRAUMA, title="Befund PTBS", note="Schlafstörungen"
    )
    assert document.media_type == "image/jpeg" and document.confidential
    (listed,) = services.client_file(case.id).documents
    assert listed.document.title == "Vertrauliches Dokument" and listed.document.note == ""
    with services.ctx.read() as conn:
        before = [e for e in audit.audit_events(conn) if e.action is AuditAction.VIEW]
    opened = services.documents.open(document.id)
    assert opened.title == "Befund PTBS" and opened.note == "Schlafstörungen"
    services.documents.content(document.id)
    with services.ctx.read() as conn:
        views = [e for e in audit.audit_events(conn) if e.action is AuditAction.VIEW]
    assert [(e.entity, e.detail) for e in views[len(before) :]] == [
        ("document", "record"),
        ("document", "content"),
    ]


def test_the_content_is_fixed_with_the_record(services, tmp_path):
    _client, case = new_client(services)
    path = tmp_path / "foto.png"
    path.write_bytes(photo())
    document = services.documents.attach(case.id, path)
    with pytest.raises(ValidationError, match="Inhalt eines Dokuments"):
        services.documents.update(document.id, content_hash="0" * 64)
    changed = services.documents.update(document.id, kind=DocumentKind.CERTIFICATE, title="B1")
    assert (changed.kind, changed.title) == (DocumentKind.CERTIFICATE, "B1")


def test_damaged_content_is_not_handed_out(services, tmp_path):
    _client, case = new_client(services)
    path = tmp_path / "foto.png"
    path.write_bytes(photo())
    document = services.documents.attach(case.id, path)
    with services.ctx.transaction() as tx:
        tx.conn.execute(document_chunk.update().values(data=b"\x89PNG kaputt"))
    with pytest.raises(Exception, match="beschädigt"):
        services.documents.content(document.id)
    with services.ctx.read() as conn:
        assert not blobs.finish(conn, document.content_hash)  # a download would be refetched


def test_a_team_lead_without_the_stand_in_grant_attaches_nothing(case_file, clock, tmp_path):
    from caseworker_desktop.domain import model as m
    from caseworker_desktop.domain.enums import Role
    from caseworker_desktop.storage.orm import table_of

    services = Services(case_file, clock)
    _client, case = new_client(services)
    with case_file.engine.begin() as conn:
        users = table_of(m.User)
        conn.execute(users.update().values(role=Role.TEAM_LEAD))
        conn.execute(table_of(m.Case).update().values(caseworker_id="f" * 32))
    services.ctx.reload_user()
    path = tmp_path / "foto.png"
    path.write_bytes(photo())
    with pytest.raises(PermissionDeniedError):
        services.documents.attach(case.id, path)


def test_the_access_export_carries_the_documents(services, tmp_path):
    client, case = new_client(services)
    scan = tmp_path / "b1-zertifikat.pdf"
    scan.write_bytes(scan_pdf("Zertifikat Deutsch B1"))
    services.documents.attach(case.id, scan, kind=DocumentKind.COURSE_CERTIFICATE)
    finding = tmp_path / "befund.png"
    finding.write_bytes(photo())
    services.documents.attach(case.id, finding, kind=DocumentKind.MEDICAL, title="Arztbrief")
    out = tmp_path / "auskunft"
    out.mkdir()
    result = services.access.export(client.id, out)
    doc = json.loads(result.json_path.read_text(encoding="utf-8"))
    titles = [d["title"] for d in doc["abschnitte"]["documents"]]
    assert titles == ["b1-zertifikat.pdf"]  # the doctor's letter only with the trauma content
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    (copy,) = folder.iterdir()
    assert copy.name == "01-b1-zertifikat.pdf" and copy.read_bytes() == scan.read_bytes()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    full = tmp_path / "voll"
    full.mkdir()
    result = services.access.export(client.id, full, include_trauma=True)
    doc = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert len(doc["abschnitte"]["documents"]) == 2
    (folder,) = [p for p in full.iterdir() if p.is_dir()]
    assert len(list(folder.iterdir())) == 2
