"""Laptops at the office: one-time enrolment codes, enrolment (a token of which only the
hash is kept), the key pin laptops check, authentication of every request, revocation.
A part of the Store (office/store.py), which gives it `write()` and `_reader`."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..sync.pinning import pin_of_pem, split_code
from . import auth
from . import schema as s
from .auth import OfficeError, Principal


class DeviceRegistry:
    # given by the Store: its reading engine and its serialised writes
    _reader: sa.Engine
    write: Callable[..., AbstractContextManager[sa.Connection]]

    def issue_enrolment_code(self, username: str) -> tuple[str, datetime]:
        """A one-time code for enrolling one laptop of this user, valid for 24 hours (with
        the office's key pin in it, once the office knows its certificate)."""
        expires = s.utcnow() + auth.CODE_VALIDITY
        with self.write() as conn:
            pin = s.get_setting(conn, s.TLS_PIN)
            code, secret = auth.new_enrolment_code(bytes.fromhex(pin) if pin else None)
            user = get_user(conn, username)
            conn.execute(
                s.enrolment_codes.insert().values(
                    code_hash=auth.hash_secret(secret),
                    user_id=user.id,
                    expires_at=expires,
                )
            )
            s.audit(conn, "admin", "code_issue", f"user={user.id}")
        return code, expires

    def pin_certificate(self, pem: bytes) -> bytes:
        """Record the key of the certificate laptops see (ours, or the reverse proxy's):
        from now on enrolment codes carry its pin. Returns the pin."""
        try:
            pin = pin_of_pem(pem)
        except ValueError as exc:
            raise OfficeError("Die Zertifikatsdatei ist kein PEM-Zertifikat.") from exc
        with self.write() as conn:
            if s.get_setting(conn, s.TLS_PIN) != pin.hex():
                s.set_setting(conn, s.TLS_PIN, pin.hex())
                s.audit(conn, "admin", "tls_pin", f"pin={pin.hex()}")
        return pin

    def revoke(self, device_id: str) -> None:
        with self.write() as conn:
            done = conn.execute(
                s.devices.update()
                .where(s.devices.c.id == device_id, s.devices.c.revoked_at.is_(None))
                .values(revoked_at=s.utcnow())
            ).rowcount
            if not done:
                raise OfficeError(f"Kein angemeldetes Gerät mit der Kennung {device_id}.")
            s.audit(conn, "admin", "device_revoke", f"device={device_id}")

    def allow_enrol_attempt(self, address: str, per_minute: int) -> bool:
        """At most `per_minute` enrolment attempts per client address in any 60 seconds,
        counted in the database: every server process of the office sees the same."""
        now = s.utcnow()
        window = now - timedelta(seconds=60)
        attempts = s.enrol_attempts
        with self.write() as conn:
            conn.execute(attempts.delete().where(attempts.c.at <= window))
            recent = conn.execute(
                sa.select(sa.func.count())
                .select_from(attempts)
                .where(attempts.c.address == address[:64], attempts.c.at > window)
            ).scalar()
            if recent >= per_minute:
                return False
            conn.execute(attempts.insert().values(address=address[:64], at=now))
        return True

    def enrol(
        self, code: str, device_id: str, device_name: str, recovery_wrap: dict | None
    ) -> tuple[str, sa.Row]:
        """Consume a one-time code: the device gets a token, of which only the hash is
        kept. Returns (token, user row)."""
        code_hash = auth.hash_secret(split_code(code)[0])  # the pin part is not secret
        now = s.utcnow()
        with self.write() as conn:
            found = conn.execute(
                sa.select(s.enrolment_codes).where(s.enrolment_codes.c.code_hash == code_hash)
            ).first()
            _check_code(found, now)
            existing = conn.execute(
                sa.select(s.devices.c.revoked_at).where(s.devices.c.id == device_id)
            ).first()
            if existing is not None:
                raise OfficeError(
                    "Dieses Gerät wurde gesperrt und kann nicht erneut angemeldet werden."
                    if existing.revoked_at
                    else "Dieses Gerät ist bereits angemeldet.",
                    status=409,
                    code="device_exists",
                )
            conn.execute(
                s.enrolment_codes.update()
                .where(s.enrolment_codes.c.code_hash == code_hash)
                .values(used_at=now)
            )
            token = auth.new_token()
            conn.execute(
                s.devices.insert().values(
                    id=device_id,
                    user_id=found.user_id,
                    token_hash=auth.hash_secret(token),
                    name=device_name,
                    enrolled_at=now,
                    recovery_wrap=json.dumps(recovery_wrap) if recovery_wrap else None,
                )
            )
            user = conn.execute(sa.select(s.users).where(s.users.c.id == found.user_id)).one()
            s.audit(conn, user.username, "device_enrol", f"device={device_id} user={user.id}")
        return token, user

    def authenticate(self, token: str) -> Principal:
        with self._reader.connect() as conn:
            row = conn.execute(
                sa.select(
                    s.devices.c.id.label("device_id"),
                    s.devices.c.revoked_at,
                    s.users.c.id.label("user_id"),
                    s.users.c.username,
                    s.users.c.display_name,
                    s.users.c.role,
                    s.users.c.team_id,
                    s.users.c.stand_in,
                )
                .join(s.users, s.users.c.id == s.devices.c.user_id)
                .where(s.devices.c.token_hash == auth.hash_secret(token))
            ).first()
        if row is None:
            raise auth.NotAuthenticated(
                "Dieses Gerät ist beim Landratsamt nicht angemeldet (unbekannter Schlüssel)."
            )
        if row.revoked_at is not None:
            raise auth.NotAuthenticated(
                "Dieses Gerät wurde beim Landratsamt gesperrt. Bitte an die Teamleitung wenden."
            )
        return Principal(
            user_id=row.user_id,
            username=row.username,
            display_name=row.display_name,
            role=row.role,
            team_id=row.team_id,
            device_id=row.device_id,
            stand_in=bool(row.stand_in),
        )


def find_user(conn: sa.Connection, username: str) -> sa.Row | None:
    return conn.execute(sa.select(s.users).where(s.users.c.username == username)).first()


def get_user(conn: sa.Connection, username: str) -> sa.Row:
    user = find_user(conn, username)
    if user is None:
        raise OfficeError(f"Den Benutzer „{username}“ gibt es nicht.")
    return user


def _check_code(found: sa.Row | None, now: datetime) -> None:
    later = "Bitte beim Landratsamt einen neuen Anmeldecode anfordern."
    if found is None:
        raise OfficeError(
            f"Der Anmeldecode ist ungültig. Bitte den Code prüfen. {later}",
            status=403,
            code="enrol_code_invalid",
        )
    if found.used_at is not None:
        raise OfficeError(
            f"Dieser Anmeldecode wurde bereits verwendet. {later}",
            status=403,
            code="enrol_code_used",
        )
    if found.expires_at <= now:
        raise OfficeError(
            f"Der Anmeldecode ist abgelaufen (gültig 24 Stunden). {later}",
            status=403,
            code="enrol_code_expired",
        )
