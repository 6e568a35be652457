"""Documents between two laptops through the real office server (#17 part 1): attached on
one, the record and then the content (in chunks) reach the office, and the other laptop
receives both with its next sync. A connection that breaks in the middle of an upload or a
download costs at most a chunk: the next sync sends and fetches only what is missing. The
office's copy is deleted with the document, and so is the other laptop's."""

from __future__ import annotations

import pytest

from caseworker_desktop.domain.documents import CHUNK_SIZE
from caseworker_desktop.domain.enums import DocumentKind
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.transport import OfflineError, Transport
from tests.e2e.conftest import office
from tests.fixtures.documents import photo, scan_pdf
from tests.helpers import new_client, sync_once


class BrokenAfter(Transport):
    """The mobile network drops after `chunks` chunks went up or came down."""

    def __init__(self, *args, chunks: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.left = chunks
        self.sent = self.fetched = 0

    def _spend(self) -> None:
        if self.left == 0:
            raise OfflineError("Verbindung abgebrochen (Test).")
        self.left -= 1

    def put_chunk(self, document_id, index, data):
        self._spend()
        self.sent += 1
        return super().put_chunk(document_id, index, data)

    def get_chunk(self, document_id, index):
        self._spend()
        self.fetched += 1
        return super().get_chunk(document_id, index)


def _broken(cf: CaseFile, chunks: int) -> SyncClient:
    with SyncClient(cf) as plain:
        url = plain.server_url
    return SyncClient(cf, transport=BrokenAfter(url, _token(cf), chunks=chunks))


def _token(cf: CaseFile) -> str:
    with cf.engine.connect() as conn:
        return cf.state(conn, "device_token")


def test_a_document_reaches_the_other_laptop_and_a_broken_sync_resumes(laptops, tmp_path):
    a, b = laptops
    first = Services(a)
    _client, case = new_client(first)
    big = tmp_path / "hilfeplan-unterschrieben.png"
    big.write_bytes(photo((1600, 1200)))  # a phone photo of the signed plan, ~5 chunks
    chunks = -(-big.stat().st_size // CHUNK_SIZE)
    assert chunks >= 4
    scan = tmp_path / "aufenthaltstitel.pdf"
    scan.write_bytes(scan_pdf())
    signed = first.documents.attach(case.id, big, kind=DocumentKind.SIGNED_HELP_PLAN)
    first.documents.attach(case.id, scan, kind=DocumentKind.RESIDENCE_PERMIT)

    broken = _broken(a, chunks=2)
    with broken, pytest.raises(OfflineError):
        broken.sync()
    assert broken.transport.sent == 2
    report = sync_once(a)  # goes on where it stopped
    assert (report.documents_sent, report.documents_waiting) == (2, 0)

    b_sync = _broken(b, chunks=3)
    with b_sync, pytest.raises(OfflineError):
        b_sync.sync()
    assert b_sync.transport.fetched == 3
    counted = BrokenAfter(b_sync.server_url, _token(b), chunks=10**6)
    report = sync_once(b, transport=counted)
    assert report.documents_received >= 1  # one may have come whole before the break
    assert counted.fetched == chunks + 1 - 3  # only what was missing
    second = Services(b)
    listed = {d.document.title: d for d in second.client_file(case.id).documents}
    assert set(listed) == {"hilfeplan-unterschrieben.png", "aufenthaltstitel.pdf"}
    assert all(d.here for d in listed.values())
    _, data = second.documents.content(signed.id)
    assert data == big.read_bytes()

    # deleted on b: gone at the office and, with the next sync, from a
    second.documents.delete(signed.id)
    sync_once(b)
    sync_once(a)
    assert [d.document.title for d in first.client_file(case.id).documents] == [
        "aufenthaltstitel.pdf"
    ]
    with a.engine.connect() as conn:
        held = conn.exec_driver_sql("SELECT count(*) FROM document_blob").scalar()
    assert held == 1


def test_the_office_limit_reaches_the_laptop_as_a_refusal(laptops, tmp_path, server):
    a, _b = laptops
    office(server.db, "documents limit", "--mb", "1")
    services = Services(a)
    _client, case = new_client(services)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 6000)  # 1.5 MB: fine on the laptop
    services.documents.attach(case.id, big)
    report = sync_once(a)
    assert report.rejected > 0 and report.documents_waiting == 1
    reasons = {r.reason for r in services.inbox.refused_changes()}
    assert any("erlaubt sind höchstens 1 MB" in reason for reason in reasons)
