"""Key management: the random data key (DEK) of a case file and its wraps.

The DEK (256 bit, SQLCipher raw-key mode) never touches the disk in the clear. It is
wrapped twice in a small versioned JSON key file:
- by a key derived from the passphrase with Argon2id, under AES-256-GCM whose associated
  data binds the file version, the KDF parameters, the user and the device;
- optionally to the district office's recovery public key (X25519 + HKDF-SHA256 +
  AES-256-GCM), escrowed at enrolment so that a forgotten passphrase loses no data.
A passphrase change re-wraps the DEK only; the database is not re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.errors import CaseworkerError
from .atomic import write_atomic

KEY_FILE_FORMAT = "caseworker-keyfile"
KEY_FILE_VERSION = 1
DEK_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE_LENGTH = 10
RECOVERY_ALG = "X25519-HKDF-SHA256-AES256GCM"


class VaultError(CaseworkerError):
    pass


class WrongPassphraseError(VaultError):
    def __init__(self) -> None:
        super().__init__("Die Passphrase ist falsch.")


class KeyFileDamagedError(VaultError):
    pass


class WeakParametersError(VaultError):
    pass


class WeakPassphraseError(VaultError):
    pass


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def check_floor(self) -> None:
        floor = KDF_FLOOR
        if (
            self.memory_kib < floor.memory_kib
            or self.iterations < floor.iterations
            or self.lanes < floor.lanes
        ):
            raise WeakParametersError(
                "Die Schlüsseldatei verwendet zu schwache Parameter für die "
                f"Schlüsselableitung (Argon2id: mindestens {floor.memory_kib // 1024} MiB "
                f"Speicher und {floor.iterations} Durchläufe); sie wird nicht verwendet."
            )

    def check_ceiling(self) -> None:
        """A key file asking for absurd work (a damaged or hostile file) is refused before
        any hashing: it would end in a MemoryError or an hour of waiting."""
        top = KDF_CEILING
        if (
            self.memory_kib > top.memory_kib
            or self.iterations > top.iterations
            or self.lanes > top.lanes
        ):
            raise KeyFileDamagedError(
                "Die Schlüsseldatei verlangt unüblich aufwendige Parameter für die "
                f"Schlüsselableitung (Argon2id: höchstens {top.memory_kib // (1024 * 1024)} GiB "
                f"Speicher, {top.iterations} Durchläufe, {top.lanes} Stränge); sie ist "
                "beschädigt oder nicht von diesem Programm und wird nicht verwendet."
            )


KDF_FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)
KDF_CEILING = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)
DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class RecoveryWrap:
    alg: str
    key_id: str
    ephemeral_public: str
    nonce: str
    ciphertext: str


@dataclass(frozen=True)
class KeyFile:
    user: str
    device_id: str
    kdf: KdfParams
    salt: str
    nonce: str
    wrapped_dek: str
    created_at: str
    recovery: RecoveryWrap | None = None
    version: int = KEY_FILE_VERSION

    def associated_data(self) -> bytes:
        bound = {
            "format": KEY_FILE_FORMAT,
            "version": self.version,
            "kdf": asdict(self.kdf),
            "salt": self.salt,
            "user": self.user,
            "device_id": self.device_id,
        }
        return _canonical(bound)

    def to_json(self) -> bytes:
        body = {"format": KEY_FILE_FORMAT, **asdict(self)}
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_json(cls, data: bytes) -> KeyFile:
        damaged = KeyFileDamagedError(
            "Die Schlüsseldatei ist beschädigt oder wurde verändert. "
            "Bitte die Sicherung der Schlüsseldatei verwenden oder die Wiederherstellung "
            "über das Landratsamt anfordern."
        )
        try:
            body = json.loads(data)
            checksum = body.pop("checksum")
            expected = hashlib.sha256(_canonical(body)).hexdigest()
            if not secrets.compare_digest(expected, checksum):
                raise damaged
            if body.pop("format") != KEY_FILE_FORMAT:
                raise damaged
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged from exc
        version = body.get("version")
        if version != KEY_FILE_VERSION:
            raise KeyFileDamagedError(
                f"Die Schlüsseldatei hat Version {version}; diese Programmversion kennt nur "
                f"Version {KEY_FILE_VERSION}. Bitte das Programm aktualisieren."
            )
        if not _well_formed(body):
            raise damaged
        recovery = body.pop("recovery")
        try:
            return cls(
                kdf=KdfParams(**body.pop("kdf")),
                recovery=RecoveryWrap(**recovery) if recovery else None,
                **body,
            )
        except TypeError as exc:
            raise damaged from exc

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_json())

    def info(self) -> dict[str, object]:
        """What the key file says, without any secret (for support and the office)."""
        return {
            "format_version": self.version,
            "user": self.user,
            "device_id": self.device_id,
            "created_at": self.created_at,
            "kdf": {
                "algorithm": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
            },
            "wrap": "AES-256-GCM",
            "cipher": "SQLCipher 4 (raw key, AES-256-CBC, HMAC-SHA512, page size 4096)",
            "recovery": (
                {"algorithm": self.recovery.alg, "key_id": self.recovery.key_id}
                if self.recovery
                else None
            ),
        }

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise VaultError(f"Keine Schlüsseldatei gefunden: {path}") from exc
        return cls.from_json(data)


_TEXT_FIELDS = ("user", "device_id", "salt", "nonce", "wrapped_dek", "created_at")
_KDF_FIELDS = ("memory_kib", "iterations", "lanes")


def _well_formed(body: dict) -> bool:
    """Types of a parsed key file. The checksum is not keyed: a hand-edited file can carry
    a valid one, so the shape is checked before anything is used."""

    def is_int(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    kdf, recovery = body.get("kdf"), body.get("recovery", 0)
    return (
        all(isinstance(body.get(k), str) for k in _TEXT_FIELDS)
        and isinstance(kdf, dict)
        and set(kdf) == set(_KDF_FIELDS)
        and all(is_int(kdf[k]) for k in _KDF_FIELDS)
        and (
            recovery is None
            or (isinstance(recovery, dict) and all(isinstance(v, str) for v in recovery.values()))
        )
    )


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyFileDamagedError("Die Schlüsseldatei ist beschädigt.") from exc


def check_passphrase_strength(passphrase: str, user_inputs: tuple[str, ...] = ()) -> None:
    """Refuse what an attacker would guess early (zxcvbn, see storage/passphrase.py)."""
    from .passphrase import strength  # zxcvbn's lists load on first use, not at start

    result = strength(passphrase, user_inputs)
    if not result.ok:
        raise WeakPassphraseError(
            f"Die Passphrase ist zu leicht zu erraten ({result.level}). {result.message}"
        )


def derive_kek(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    kdf.check_floor()
    kdf.check_ceiling()
    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def new_dek() -> bytearray:
    return bytearray(secrets.token_bytes(DEK_BYTES))


def wrap_dek(
    dek: bytes,
    passphrase: str,
    *,
    user: str,
    device_id: str,
    kdf: KdfParams = DEFAULT_KDF,
    recovery: RecoveryWrap | None = None,
    created_at: str | None = None,
) -> KeyFile:
    check_passphrase_strength(passphrase, (user,))
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    shell = KeyFile(
        user=user,
        device_id=device_id,
        kdf=kdf,
        salt=_b64(salt),
        nonce=_b64(nonce),
        wrapped_dek="",
        created_at=created_at or datetime.now(UTC).isoformat(timespec="seconds"),
        recovery=recovery,
    )
    kek = derive_kek(passphrase, salt, kdf)
    wrapped = AESGCM(kek).encrypt(nonce, bytes(dek), shell.associated_data())
    return replace(shell, wrapped_dek=_b64(wrapped))


def unwrap_dek(key_file: KeyFile, passphrase: str) -> bytearray:
    key_file.kdf.check_floor()
    salt = _unb64(key_file.salt)
    if len(salt) < SALT_BYTES:
        raise WeakParametersError("Das Salz der Schlüsseldatei ist zu kurz.")
    kek = derive_kek(passphrase, salt, key_file.kdf)
    try:
        dek = AESGCM(kek).decrypt(
            _unb64(key_file.nonce), _unb64(key_file.wrapped_dek), key_file.associated_data()
        )
    except InvalidTag as exc:
        raise WrongPassphraseError() from exc
    if len(dek) != DEK_BYTES:
        raise KeyFileDamagedError("Die Schlüsseldatei enthält keinen gültigen Schlüssel.")
    return bytearray(dek)


def rewrap(key_file: KeyFile, old_passphrase: str, new_passphrase: str) -> KeyFile:
    """Same DEK, new passphrase (fresh salt and nonce); the recovery wrap is kept."""
    dek = unwrap_dek(key_file, old_passphrase)
    try:
        return wrap_dek(
            dek,
            new_passphrase,
            user=key_file.user,
            device_id=key_file.device_id,
            kdf=key_file.kdf if key_file.kdf.memory_kib >= DEFAULT_KDF.memory_kib else DEFAULT_KDF,
            recovery=key_file.recovery,
            created_at=key_file.created_at,
        )
    finally:
        wipe(dek)


def subkey(dek: bytes, purpose: bytes) -> bytearray:
    """A key for one purpose (the audit chain's HMAC), derived from the data key: whoever
    holds the case file's key has it, nobody else."""
    return bytearray(
        HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(bytes(dek))
    )


def wipe(buf: bytearray) -> None:
    """Overwrite a key buffer (best effort: Python may hold copies of immutable bytes)."""
    for i in range(len(buf)):
        buf[i] = 0


# --- recovery: DEK wrapped to the district office's X25519 public key ---------------------


def _serialization():
    """cryptography's key serialization: only the recovery needs it, and its import was a
    twentieth of the start before the unlock dialog."""
    from cryptography.hazmat.primitives import serialization

    return serialization


def generate_recovery_keypair() -> tuple[bytes, bytes]:
    """(private PEM, public PEM) of an office recovery key pair."""
    serialization = _serialization()
    private = X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_recovery_public_key(pem: bytes) -> X25519PublicKey:
    serialization = _serialization()
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise VaultError("Der Wiederherstellungsschlüssel ist keine gültige PEM-Datei.") from exc
    if not isinstance(key, X25519PublicKey):
        raise VaultError("Der Wiederherstellungsschlüssel muss ein X25519-Schlüssel sein.")
    return key


def load_recovery_private_key(pem: bytes, password: bytes | None = None) -> X25519PrivateKey:
    serialization = _serialization()
    try:
        key = serialization.load_pem_private_key(pem, password=password)
    except (ValueError, TypeError) as exc:
        raise VaultError("Der private Wiederherstellungsschlüssel ist ungültig.") from exc
    if not isinstance(key, X25519PrivateKey):
        raise VaultError("Der private Wiederherstellungsschlüssel muss X25519 sein.")
    return key


def recovery_key_id(public: X25519PublicKey) -> str:
    serialization = _serialization()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _recovery_aad(key_id: str, user: str, device_id: str) -> bytes:
    return _canonical({"alg": RECOVERY_ALG, "key_id": key_id, "user": user, "device": device_id})


def _recovery_kek(shared: bytes, ephemeral_raw: bytes, recipient_raw: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_raw + recipient_raw,
        info=b"caseworker-desktop recovery wrap v1",
    ).derive(shared)


def wrap_for_recovery(
    dek: bytes, office_public: X25519PublicKey, *, user: str, device_id: str
) -> RecoveryWrap:
    serialization = _serialization()
    ephemeral = X25519PrivateKey.generate()
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    ephemeral_raw = ephemeral.public_key().public_bytes(*raw)
    recipient_raw = office_public.public_bytes(*raw)
    kek = _recovery_kek(ephemeral.exchange(office_public), ephemeral_raw, recipient_raw)
    key_id = recovery_key_id(office_public)
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(kek).encrypt(nonce, bytes(dek), _recovery_aad(key_id, user, device_id))
    return RecoveryWrap(RECOVERY_ALG, key_id, _b64(ephemeral_raw), _b64(nonce), _b64(ciphertext))


def unwrap_recovery(
    wrap: RecoveryWrap, office_private: X25519PrivateKey, *, user: str, device_id: str
) -> bytearray:
    serialization = _serialization()
    if wrap.alg != RECOVERY_ALG:
        raise VaultError(f"Unbekanntes Verfahren der Wiederherstellung: {wrap.alg}")
    public = office_private.public_key()
    if recovery_key_id(public) != wrap.key_id:
        raise VaultError(
            "Dieser Wiederherstellungsschlüssel passt nicht zur Schlüsseldatei "
            f"(erwartet wird Schlüssel {wrap.key_id})."
        )
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    ephemeral = X25519PublicKey.from_public_bytes(_unb64(wrap.ephemeral_public))
    kek = _recovery_kek(
        office_private.exchange(ephemeral), _unb64(wrap.ephemeral_public), public.public_bytes(*raw)
    )
    try:
        dek = AESGCM(kek).decrypt(
            _unb64(wrap.nonce), _unb64(wrap.ciphertext), _recovery_aad(wrap.key_id, user, device_id)
        )
    except InvalidTag as exc:
        raise KeyFileDamagedError(
            "Die Wiederherstellungsdaten sind beschädigt oder gehören zu einem anderen Gerät."
        ) from exc
    return bytearray(dek)
