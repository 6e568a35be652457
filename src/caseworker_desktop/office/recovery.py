"""A forgotten passphrase, at the office. The office's recovery key pair: the public half is
handed to every laptop at enrolment (each escrows its data key wrapped to it), the private
half stays in a file on the office machine. To help a caseworker, the office unwraps the
device's escrow here and wraps the data key again to a one-time code read out by phone;
the laptop fetches that credential with the code and gives its file a new data key."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..storage import vault
from ..sync.pinning import CODE_ALPHABET, group, pin_in_code
from . import auth
from . import schema as s
from .auth import OfficeError, Principal

SECRET_LENGTH = 16  # 31**16: far beyond guessing, even offline against Argon2id
PUBLIC_KEY = "recovery_public_pem"  # office_settings


@dataclass(frozen=True)
class IssuedCode:
    code: str  # grouped, with the office's key pin when it has one
    username: str
    expires: datetime


def public_key(conn: sa.Connection) -> str | None:
    return s.get_setting(conn, PUBLIC_KEY)


def create_key_pair(conn: sa.Connection) -> bytes:
    """A new key pair; the public half is kept here and handed to laptops at enrolment.
    Returns the private half (PEM), for a file only its owner reads. One per office: a
    second would leave the escrows made so far to the first."""
    if public_key(conn) is not None:
        raise OfficeError(
            "Das Landratsamt hat bereits einen Wiederherstellungsschlüssel; die Geräte haben "
            "ihre Datenschlüssel dafür hinterlegt."
        )
    private, public = vault.generate_recovery_keypair()
    s.set_setting(conn, PUBLIC_KEY, public.decode())
    s.audit(conn, "admin", "recovery_key_create")
    return private


def issue(conn: sa.Connection, device_id: str, private_pem: bytes) -> IssuedCode:
    """Unwrap the device's escrow with the private key and keep the data key wrapped to a
    fresh one-time code (24 hours; a new code replaces an unused one). Audited."""
    private = vault.load_recovery_private_key(private_pem)
    row = conn.execute(
        sa.select(s.devices.c.recovery_wrap, s.devices.c.name, s.users.c.username)
        .join(s.users, s.users.c.id == s.devices.c.user_id)
        .where(s.devices.c.id == device_id, s.devices.c.revoked_at.is_(None))
    ).first()
    if row is None:
        raise OfficeError(f"Kein angemeldetes Gerät mit der Kennung {device_id}.")
    if not row.recovery_wrap:
        raise OfficeError("Für dieses Gerät wurden keine Wiederherstellungsdaten hinterlegt.")
    try:
        wrapped = vault.RecoveryWrap(**json.loads(row.recovery_wrap))
    except (TypeError, ValueError) as exc:
        raise OfficeError("Die hinterlegten Wiederherstellungsdaten sind beschädigt.") from exc
    # The laptop binds the wrap to its local profile name, which it sends as device name.
    dek, user = None, row.username
    for user in dict.fromkeys((row.name, row.username)):
        try:
            dek = vault.unwrap_recovery(wrapped, private, user=user, device_id=device_id)
            break
        except vault.KeyFileDamagedError:
            continue
    if dek is None:
        raise OfficeError("Die Wiederherstellungsdaten passen nicht zu diesem Gerät.")
    secret = "".join(secrets.choice(CODE_ALPHABET) for _ in range(SECRET_LENGTH))
    try:
        credential = vault.wrap_dek(dek, secret, user=user, device_id=device_id)
    finally:
        vault.wipe(dek)
    expires = s.utcnow() + auth.CODE_VALIDITY
    t = s.recovery_credentials
    conn.execute(t.delete().where(t.c.device_id == device_id))
    conn.execute(
        t.insert().values(
            device_id=device_id,
            code_hash=auth.hash_secret(secret),
            credential=credential.to_json().decode(),
            expires_at=expires,
        )
    )
    s.audit(conn, "admin", "recovery_issue", f"device={device_id}")
    pin = s.get_setting(conn, s.TLS_PIN)
    code = group(secret + (pin_in_code(bytes.fromhex(pin)) if pin else ""))
    return IssuedCode(code, row.username, expires)


def redeem(conn: sa.Connection, device_id: str, secret: str) -> str:
    """The credential for this device and code, once; refused alike when wrong, used, late."""
    t = s.recovery_credentials
    row = conn.execute(
        sa.select(t)
        .join(s.devices, s.devices.c.id == t.c.device_id)
        .where(t.c.device_id == device_id, s.devices.c.revoked_at.is_(None))  # not revoked since
    ).first()
    if (
        row is None
        or row.used_at is not None
        or row.expires_at <= s.utcnow()
        or not secrets.compare_digest(row.code_hash, auth.hash_secret(secret))
    ):
        raise OfficeError(
            "Der Wiederherstellungscode ist ungültig, abgelaufen oder schon verwendet. Bitte "
            "beim Landratsamt einen neuen anfordern.",
            status=403,
            code="recovery_code_invalid",
        )
    conn.execute(t.update().where(t.c.device_id == device_id).values(used_at=s.utcnow()))
    s.audit(conn, device_id, "recovery_redeem", f"device={device_id}")
    return row.credential


def update_escrow(conn: sa.Connection, who: Principal, wrap: dict) -> None:
    """A new data key on the laptop (after a recovery or a passphrase change), or a first
    escrow: its wrap replaces the one kept, which opens nothing current any more."""
    conn.execute(
        s.devices.update()
        .where(s.devices.c.id == who.device_id)
        .values(recovery_wrap=json.dumps(wrap))
    )
    s.audit(conn, who.username, "escrow_update", f"device={who.device_id}")


def devices(conn: sa.Connection, username: str | None = None) -> list[sa.Row]:
    """The enrolled devices (for finding the one a caseworker calls about)."""
    query = (
        sa.select(
            s.devices.c.id,
            s.users.c.username,
            s.devices.c.name,
            s.devices.c.enrolled_at,
            s.devices.c.revoked_at,
            (s.devices.c.recovery_wrap.is_not(None)).label("escrowed"),
        )
        .join(s.users, s.users.c.id == s.devices.c.user_id)
        .order_by(s.users.c.username, s.devices.c.enrolled_at)
    )
    if username is not None:
        query = query.where(s.users.c.username == username)
    return list(conn.execute(query))
