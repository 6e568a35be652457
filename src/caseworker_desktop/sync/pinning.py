"""The office's identity on the wire: laptops talk TLS to the office and pin its key.

- The pin is SHA-256 of the certificate's public key (SubjectPublicKeyInfo), so the office
  may renew its certificate with the same key without breaking laptops.
- The one-time enrolment code carries the first 80 bits of the pin (16 characters of the
  code alphabet), so the laptop refuses an impostor before it sends anything, the code
  itself included. After enrolment the laptop keeps the whole pin and checks it on every
  connection (a self-signed certificate is fine: the pin is the trust).
- Plain HTTP only to the laptop itself (loopback): the demo and tests.

No Qt; the office's administration uses the same functions to print codes."""

from __future__ import annotations

import hashlib
import ipaddress
import ssl
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..domain.errors import CaseworkerError

# Read aloud on the phone and typed by hand: no 0/O, no 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 12  # the one-time secret part of an enrolment code
PIN_PREFIX_LENGTH = 16  # 31**16 > 2**79: no certificate can be made to match by trial
LOOPBACK_NAMES = frozenset({"localhost"})


class PinMismatch(CaseworkerError):
    """The server's key is not the one pinned (an impostor, or a new key at the office)."""


def spki_pin(cert_der: bytes) -> bytes:
    """SHA-256 of the certificate's public key."""
    cert = x509.load_der_x509_certificate(cert_der)
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()


def pin_of_pem(pem: bytes) -> bytes:
    return spki_pin(x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER))


def pin_in_code(pin: bytes) -> str:
    """The first 80 bits of a pin in the code alphabet (16 characters)."""
    number = int.from_bytes(pin[:10], "big")
    chars = []
    for _ in range(PIN_PREFIX_LENGTH):
        number, digit = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[digit])
    return "".join(chars)


def normalise_code(code: str) -> str:
    """People type codes with spaces, hyphens or in lower case."""
    return "".join(ch for ch in code.upper() if ch not in " -\t")


def split_code(code: str) -> tuple[str, str | None]:
    """(the one-time secret, the pin part or None) of an enrolment code as typed."""
    text = normalise_code(code)
    if len(text) == SECRET_LENGTH + PIN_PREFIX_LENGTH:
        return text[:SECRET_LENGTH], text[SECRET_LENGTH:]
    return text, None


def group(text: str, size: int = 4) -> str:
    return "-".join(text[i : i + size] for i in range(0, len(text), size))


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Refuse what is not HTTPS, but for the laptop itself."""
    scheme = urlsplit(url).scheme
    if scheme == "https" or (scheme == "http" and is_loopback(url)):
        return
    if scheme == "http":
        raise CaseworkerError(
            f"Unverschlüsselte Verbindung zu {urlsplit(url).hostname} abgelehnt: der Server "
            "des Landratsamts ist nur über https:// erreichbar (http:// nur auf diesem Gerät)."
        )
    raise CaseworkerError(f"Keine gültige Serveradresse: {url}")


MISMATCH = (
    "Der Server unter {host} ist nicht der Server des Landratsamts: sein Schlüssel passt "
    "nicht zum Fingerabdruck aus der Anmeldung. Die Verbindung wurde abgebrochen, bevor "
    "etwas gesendet wurde. Bitte die Adresse prüfen und die Teamleitung oder die IT fragen."
)


def tls_context(host: str, pin: bytes | None = None, code_pin: str | None = None):
    """An SSL context for httpx that checks the server's key against `pin` (the whole pin)
    or `code_pin` (the part an enrolment code carries) during the handshake, before any
    byte of a request leaves. Without either, the usual CA and host name check applies.
    `context.seen` lists the pins of the servers it shook hands with."""

    class Pinned(ssl.SSLSocket):
        def do_handshake(self, block: bool = False) -> None:
            super().do_handshake(block)
            seen = spki_pin(self.getpeercert(binary_form=True))
            context.seen.append(seen)
            wrong = (pin is not None and seen != pin) or (
                code_pin is not None and pin_in_code(seen) != code_pin
            )
            if wrong:  # hang up at once: nothing of ours goes to that server
                self.close()
                raise PinMismatch(MISMATCH.format(host=host))

    if pin is not None or code_pin is not None:  # the pin is the trust: self-signed is fine
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # no CA store to load (~20 ms)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.sslsocket_class = Pinned
    context.seen = []
    return context
