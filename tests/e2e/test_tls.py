"""The office's identity on the wire (issue 12, item 1; SECURITY.md 14), against a real
`caseworker-office serve --tls-cert --tls-key` and an impostor with another certificate
that records every byte it receives: the right office works, the impostor gets nothing,
not even the enrolment code or the device token, and the laptop loses nothing."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import time
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.pinning import pin_in_code, pin_of_pem, split_code
from caseworker_desktop.sync.transport import PinMismatchError, SyncError, Transport
from tests.conftest import PASSPHRASE
from tests.e2e.conftest import OfficeServer, add_caseworker, enrolment_code
from tests.helpers import new_client, sync_once


def certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, and its key (PEM files)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / f"{name}.crt", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Impostor:
    """A TLS server with a certificate of its own, in front of nothing: it completes
    handshakes and keeps every byte a client sends after them."""

    def __init__(self, cert: Path, key: Path):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.received = bytearray()
        self.handshakes = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    self.handshakes += 1
                    tls.settimeout(2)
                    while chunk := tls.recv(65536):
                        self.received += chunk
            except (OSError, ssl.SSLError):
                continue

    def wait_for_handshake(self, seconds: float = 5) -> None:
        """The laptop did reach it (the test would prove nothing otherwise)."""
        deadline = time.monotonic() + seconds
        while not self.handshakes and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.handshakes, "the laptop never reached the impostor"

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def offices(tmp_path):
    cert, key = certificate(tmp_path / "office-tls", "office")
    office = OfficeServer(tmp_path, tls=(cert, key))
    office.start()
    add_caseworker(office.db, "amueller")
    impostor = Impostor(*certificate(tmp_path / "impostor-tls", "impostor"))
    yield office, impostor, cert
    impostor.close()
    office.kill()


def test_the_code_carries_the_pin_and_the_right_office_works(offices, tmp_path):
    office, _impostor, cert = offices
    code = enrolment_code(office.db, "amueller")
    secret, code_pin = split_code(code)
    assert len(secret) == 12 and code_pin == pin_in_code(pin_of_pem(cert.read_bytes()))
    cf = CaseFile.create(tmp_path / "laptop", username="amueller", passphrase=PASSPHRASE)
    try:
        SyncClient.enrol(cf, office.url, code)
        new_client(Services(cf))
        report = sync_once(cf)
        assert report.pushed > 0 and report.rejected == 0
        with cf.engine.connect() as conn:
            assert bytes.fromhex(cf.state(conn, "server_pin")) == pin_of_pem(cert.read_bytes())
    finally:
        cf.lock()


def test_an_impostor_gets_neither_the_code_nor_the_token(offices, tmp_path):
    office, impostor, _cert = offices
    cf = CaseFile.create(tmp_path / "laptop", username="amueller", passphrase=PASSPHRASE)
    try:
        code = enrolment_code(office.db, "amueller")
        with pytest.raises(PinMismatchError, match="nicht der Server des Landratsamts"):
            SyncClient.enrol(cf, impostor.url, code)  # DNS or Wi-Fi sent us elsewhere
        impostor.wait_for_handshake()
        assert impostor.received == b""
        SyncClient.enrol(cf, office.url, code)  # the code was not spent on the impostor
        services = Services(cf)
        _, case = new_client(services)
        waiting = services.unsynced_changes()
        with pytest.raises(PinMismatchError):
            sync_once(cf, server_url=impostor.url)
        assert impostor.received == b""  # no token, no change, no request at all
        assert services.unsynced_changes() == waiting
        assert services.cases.get(case.id).id == case.id  # nothing evicted, nothing lost
        assert sync_once(cf).pushed >= waiting  # the real office still works
    finally:
        cf.lock()


def test_plain_http_only_to_the_laptop_itself(offices):
    for url in ("http://10.20.30.40:8750", "http://im.landkreis.example", "ftp://x"):
        with pytest.raises(SyncError):
            Transport(url)
    Transport("http://127.0.0.1:8750").close()
    Transport("http://localhost:8750").close()


def test_a_code_without_pin_needs_a_trusted_certificate(offices, tmp_path, capsys):
    office, _impostor, _cert = offices
    secret = split_code(enrolment_code(office.db, "amueller"))[0]
    cf = CaseFile.create(tmp_path / "laptop", username="amueller", passphrase=PASSPHRASE)
    try:
        with pytest.raises(SyncError, match="nicht vertrauenswürdig"):
            SyncClient.enrol(cf, office.url, secret)  # self-signed, and nothing pinned
    finally:
        cf.lock()
