"""An unlocked case file: opening (create, open, recover, restore), keys, audit chain,
backups and checks. Where its files lie on disk: storage/profile.py."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlcipher3 import dbapi2 as sqlcipher

from ..clock import Clock
from ..domain import model as m
from ..domain.enums import AuditAction, Role
from ..domain.errors import CaseworkerError
from ..domain.hlc import HybridLogicalClock
from . import backups, migrate, vault
from .audit import CHAIN_STATE, KEYED, append_audit, key_the_chain, verify_chain
from .db import (
    CaseFileCorruptError,
    compact_sqlite,
    export_encrypted,
    open_engine,
    release_free_pages,
)
from .orm import local_state, table_of
from .profile import BACKUP_DIR_NAME as BACKUP_DIR_NAME
from .profile import DB_FILE_NAME as DB_FILE_NAME
from .profile import KEY_FILE_NAME as KEY_FILE_NAME
from .profile import ProfileError as ProfileError
from .profile import db_path as db_path
from .profile import finish_switch, next_file, same_device, switch
from .profile import key_file_path as key_file_path
from .profile import profile_exists as profile_exists

log = logging.getLogger(__name__)

AUDIT_KEY_PURPOSE = b"caseworker audit chain v1"
RECOVERY_PUBLIC_KEY = "recovery_public_pem"  # local_state: the office's, for a new escrow
ESCROW_PENDING = "escrow_pending"  # local_state: a new recovery wrap waits for the office
RETENTION_RULES = "retention"  # local_state: the office's retention rules (JSON, /directory)
LETTER_TEMPLATES = "letter_templates"  # local_state: the office's letter templates (JSON)
AUDIT_KEY_STATE = "audit_key"  # local_state: the chain's HMAC key, outlives a new data key
# local_state: "1" once a pull reached the office's head with this device's own changes in
# it: from then on the file holds everything it pushed, and its pulls leave them out
# (sync.client). A restored backup may lack what was pushed after it: restore clears it.
OWN_CHANGES_HELD = "own_changes_held"


class LockedError(CaseworkerError):
    def __init__(self) -> None:
        super().__init__("Die Falldatei ist gesperrt. Bitte mit der Passphrase entsperren.")


class CaseFile:
    """An unlocked case file. `lock()` drops the key and closes the connection."""

    def __init__(self, data_dir: Path, key_file: vault.KeyFile, dek: bytearray, clock: Clock):
        self.data_dir = Path(data_dir)
        self.key_file = key_file
        self.clock = clock
        self._dek: bytearray | None = dek
        self._audit_key: bytearray | None = vault.subkey(dek, AUDIT_KEY_PURPOSE)
        self._engine: sa.Engine | None = open_engine(db_path(self.data_dir), dek)

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        data_dir: Path,
        *,
        username: str,
        passphrase: str,
        display_name: str | None = None,
        recovery_public_pem: bytes | None = None,
        kdf: vault.KdfParams = vault.DEFAULT_KDF,
        clock: Clock | None = None,
    ) -> CaseFile:
        data_dir = Path(data_dir)
        if profile_exists(data_dir):
            raise ProfileError(f"In {data_dir} gibt es bereits eine Falldatei.")
        if not username.strip():
            raise ProfileError("Der Benutzername fehlt.")
        vault.check_passphrase_strength(passphrase, (username, *(display_name or "").split()))
        recovery_key = (
            vault.load_recovery_public_key(recovery_public_pem) if recovery_public_pem else None
        )
        clock = clock or Clock()
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        device_id = uuid.uuid4().hex
        dek = vault.new_dek()
        recovery = (
            vault.wrap_for_recovery(dek, recovery_key, user=username, device_id=device_id)
            if recovery_key
            else None
        )
        key_file = vault.wrap_dek(
            dek, passphrase, user=username, device_id=device_id, kdf=kdf, recovery=recovery
        )
        try:
            db_path(data_dir).touch(mode=0o600)  # SQLite gives -wal/-shm the same mode
            case_file = cls(data_dir, key_file, dek, clock)
            case_file._migrate()
            with case_file.engine.begin() as conn:
                case_file._keep_audit_key(conn)
            case_file._seed(username, display_name or username)
            if recovery_public_pem:  # public: kept to escrow a new data key after a recovery
                with case_file.engine.begin() as conn:
                    case_file.set_state(conn, RECOVERY_PUBLIC_KEY, recovery_public_pem.decode())
            case_file.engine.dispose()  # close before the key file marks the profile complete
            key_file.save(key_file_path(data_dir))
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path(data_dir)}{suffix}").unlink(missing_ok=True)
            raise
        log.info("created case file for device %s", device_id)
        return case_file

    @classmethod
    def open(cls, data_dir: Path, passphrase: str, clock: Clock | None = None) -> CaseFile:
        data_dir = Path(data_dir)
        key_file = cls._load_key_file(data_dir)
        dek = vault.unwrap_dek(key_file, passphrase)
        return cls._open_with_dek(data_dir, key_file, dek, clock or Clock())

    @classmethod
    def restore(
        cls,
        backup: Path,
        data_dir: Path,
        passphrase: str,
        *,
        replace: bool = False,
        clock: Clock | None = None,
    ) -> CaseFile:
        """A backup (its key file beside it) becomes the case file in `data_dir`, opened
        with the passphrase the backup's key file was written under. A case file already
        there stays untouched unless `replace`; then a copy of it is kept in
        `data_dir/replaced-<time>/`. The file is read completely and checked before it
        takes the place of anything (the new-key protocol of `_rekey`: a restore cut off
        halfway leaves the case file as it was)."""
        backup, data_dir = Path(backup), Path(data_dir)
        if not backup.is_file():
            raise ProfileError(f"Die Sicherung {backup} gibt es nicht.")
        key_source = backups.key_file_of(backup)
        if not key_source.is_file():
            raise ProfileError(f"Neben der Sicherung fehlt ihre Schlüsseldatei {key_source.name}.")
        if profile_exists(data_dir) and not replace:
            raise ProfileError(
                f"In {data_dir} gibt es bereits eine Falldatei; sie bleibt unverändert. "
                "Zum Ersetzen --replace angeben."
            )
        key_file = vault.KeyFile.load(key_source)
        same_device(data_dir, key_file)
        dek = vault.unwrap_dek(key_file, passphrase)
        clock = clock or Clock()
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            finish_switch(data_dir)
            backups.restore(backup, dek, next_file(data_dir))
            switch(data_dir, key_file, keep_aside=clock.now().strftime("%Y%m%d-%H%M%S"))
        except BaseException:
            vault.wipe(dek)
            raise
        case_file = cls._open_with_dek(data_dir, key_file, dek, clock)
        with case_file.engine.begin() as conn:  # its next pull brings back what it pushed
            case_file.set_state(conn, OWN_CHANGES_HELD, "0")
        case_file._audit(AuditAction.RESTORE, "case_file", key_file.device_id, backup.name)
        return case_file

    @classmethod
    def _load_key_file(cls, data_dir: Path) -> vault.KeyFile:
        finish_switch(Path(data_dir))
        if not db_path(data_dir).exists():
            raise ProfileError(f"In {data_dir} gibt es keine Falldatei.")
        return vault.KeyFile.load(key_file_path(data_dir))

    @classmethod
    def _open_with_dek(cls, data_dir, key_file, dek, clock) -> CaseFile:
        try:
            case_file = cls(data_dir, key_file, dek, clock)
        except BaseException:
            vault.wipe(dek)
            raise
        try:
            case_file._migrate()
            case_file._key_audit_chain()
            case_file._audit(AuditAction.UNLOCK, "case_file", key_file.device_id)
        except BaseException:
            case_file.lock()  # no open connection and no key left behind
            raise
        return case_file

    @classmethod
    def recover(
        cls,
        data_dir: Path,
        credential: vault.KeyFile,
        code: str,
        new_passphrase: str,
        clock: Clock | None = None,
    ) -> CaseFile:
        """Forgotten passphrase: the office unwrapped the escrowed data key and handed it
        over wrapped to a one-time code (`credential`). The file gets a **new** data key
        (re-encrypted), a key file under the new passphrase, a new escrow (sent with the
        next sync) and fresh backups: no old passphrase, key file or backup opens it."""
        data_dir = Path(data_dir)
        key_file = cls._load_key_file(data_dir)
        vault.check_passphrase_strength(new_passphrase, (key_file.user,))
        if credential.device_id != key_file.device_id:
            raise ProfileError("Der Wiederherstellungscode gehört zu einem anderen Gerät.")
        dek = vault.unwrap_dek(credential, code)
        case_file = cls._open_with_dek(data_dir, key_file, dek, clock or Clock())
        case_file._rekey(new_passphrase)
        case_file._audit(AuditAction.RECOVERY, "case_file", key_file.device_id)
        case_file.refresh_backups("nach-wiederherstellung")
        return case_file

    # --- state -------------------------------------------------------------------------

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            raise LockedError()
        return self._engine

    @property
    def audit_key(self) -> bytes:
        """The HMAC key of the audit chain: first derived from the data key, then kept inside
        the encrypted file, so that a new data key leaves the chain as the office knows it."""
        if self._audit_key is None:
            raise LockedError()
        return bytes(self._audit_key)

    @property
    def locked(self) -> bool:
        return self._engine is None

    @property
    def device_id(self) -> str:
        return self.key_file.device_id

    def lock(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._dek is not None:
            vault.wipe(self._dek)
            self._dek = None
        if self._audit_key is not None:
            vault.wipe(self._audit_key)
            self._audit_key = None

    close = lock

    def state(self, conn: sa.Connection, key: str) -> str | None:
        return conn.execute(sa.select(local_state.c.value).where(local_state.c.key == key)).scalar()

    def set_state(self, conn: sa.Connection, key: str, value: object) -> None:
        conn.exec_driver_sql(
            "INSERT INTO local_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, str(value)),
        )

    def local_user_id(self) -> str:
        with self.engine.connect() as conn:
            user_id = self.state(conn, "user_id")
        if user_id is None:
            raise ProfileError("Die Falldatei hat keinen lokalen Benutzer.")
        return user_id

    # --- maintenance -------------------------------------------------------------------

    def change_passphrase(self, old: str, new: str) -> None:
        """A new passphrase **and** a new data key: the database is re-encrypted and every
        backup kept here retired for a fresh one, so neither the old passphrase nor an old
        key file (a copy taken elsewhere included) opens anything current."""
        vault.check_passphrase_strength(new, (self.key_file.user,))
        vault.wipe(vault.unwrap_dek(self.key_file, old))  # the old one must be right
        self._rekey(new)
        self._audit(AuditAction.PASSPHRASE_CHANGE, "case_file", self.device_id)
        self.refresh_backups("nach-passphrasenwechsel")

    def escrow_to(self, public_pem: str) -> None:
        """The office's recovery key (from enrolment): the data key is wrapped to it, in the
        key file and for the office (sent with the next sync)."""
        if self._dek is None:
            raise LockedError()
        recovery = vault.wrap_for_recovery(
            self._dek,
            vault.load_recovery_public_key(public_pem.encode()),
            user=self.key_file.user,
            device_id=self.device_id,
        )
        key_file = dataclasses.replace(self.key_file, recovery=recovery)
        key_file.save(key_file_path(self.data_dir))
        self.key_file = key_file
        with self.engine.begin() as conn:
            self.set_state(conn, RECOVERY_PUBLIC_KEY, public_pem)
            self.set_state(conn, ESCROW_PENDING, "1")

    def compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL: what was deleted (a purge
        under the retention rules) leaves no copy in this file."""
        with self.engine.connect() as conn:
            compact_sqlite(conn.connection.dbapi_connection)

    def release_free_pages(self) -> bool:
        """Give the pages of deleted rows back once they are a quarter of the file."""
        with self.engine.connect() as conn:
            return release_free_pages(conn.connection.dbapi_connection)

    def refresh_backups(self, reason: str) -> Path:
        """Retire every backup kept here (an old data key, a case that left this laptop: an
        old copy must not bring either back) and make a fresh one."""
        fresh = self.backup(reason)
        for old in backups.kept(self.data_dir / BACKUP_DIR_NAME):
            if old != fresh:
                backups.remove(old)
        return fresh

    def _rekey(self, new_passphrase: str) -> None:
        """A new data key. The database is copied re-encrypted under it (sqlcipher_export:
        unlike PRAGMA rekey, the file in place is never half rewritten), the new key file
        is written beside it as pending, then the database and the key file are moved into
        place in that order (profile.switch); an interrupted switch is completed on opening.
        The new key is also wrapped to the office's recovery key, for the next sync."""
        new_dek = vault.new_dek()
        with self.engine.connect() as conn:
            public_pem = self.state(conn, RECOVERY_PUBLIC_KEY)
        recovery = None
        if public_pem:
            recovery = vault.wrap_for_recovery(
                new_dek,
                vault.load_recovery_public_key(public_pem.encode()),
                user=self.key_file.user,
                device_id=self.device_id,
            )
        key_file = vault.wrap_dek(
            new_dek,
            new_passphrase,
            user=self.key_file.user,
            device_id=self.device_id,
            kdf=max(self.key_file.kdf, vault.DEFAULT_KDF, key=lambda k: k.memory_kib),
            recovery=recovery,
            created_at=self.key_file.created_at,
        )
        path = db_path(self.data_dir)
        with self.engine.connect() as conn:
            # outside any transaction: nothing may stay behind in the WAL
            conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        export_encrypted(self.engine, next_file(self.data_dir), new_dek)
        self.engine.dispose()
        self._engine = None
        switch(self.data_dir, key_file)
        self.key_file = key_file
        vault.wipe(self._dek)
        self._dek = new_dek
        self._engine = open_engine(path, new_dek)
        with self.engine.begin() as conn:
            self.set_state(conn, ESCROW_PENDING, "1" if recovery else "")

    def backup(self, reason: str = "manual", dest_dir: Path | None = None) -> Path:
        """A compressed, sealed copy under the data key (storage/backups.py), with the key
        file beside it: a backup on a stick must be restorable when the laptop and its key
        file are gone (the key file holds only wrapped keys)."""
        if self._dek is None:
            raise LockedError()
        dest_dir = Path(dest_dir) if dest_dir else self.data_dir / BACKUP_DIR_NAME
        dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        final = dest_dir / f"casefile-{stamp}-{reason}{backups.SUFFIX}"
        n = 1
        while final.exists():
            final = dest_dir / f"casefile-{stamp}-{reason}-{n}{backups.SUFFIX}"
            n += 1
        backups.write(self.engine, self._dek, final)
        self.key_file.save(backups.key_file_of(final))
        self._audit(AuditAction.BACKUP, "case_file", self.device_id, final.name)
        return final

    def backup_if_due(self, every: timedelta = timedelta(days=1), keep: int = 7) -> Path | None:
        """Scheduled backup (called after unlock): one when the newest scheduled backup is
        older than `every`; only the newest `keep` scheduled backups are kept."""
        directory = self.data_dir / BACKUP_DIR_NAME
        scheduled = backups.kept(directory, "scheduled")
        if scheduled:
            age = self.clock.now() - backups.made_at(scheduled[-1])
            if timedelta(0) <= age < every:  # a backup "from the future" (clock was ahead): due
                return None
        path = self.backup("scheduled")
        for old in backups.kept(directory, "scheduled")[:-keep]:
            backups.remove(old)
        return path

    def verify(self) -> list[str]:
        """Integrity problems found (empty list: all checks passed). A damaged page is a
        finding, not a crash."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            checks = (
                ("Verschlüsselung", "PRAGMA cipher_integrity_check", []),
                ("Datenbank", "PRAGMA integrity_check", ["ok"]),
            )
            for name, pragma, clean in checks:
                try:
                    lines = [row[0] for row in raw.execute(pragma).fetchall()]
                except sqlcipher.DatabaseError as exc:
                    lines = [f"nicht lesbar ({exc})"]
                if lines != clean:
                    problems.extend(f"{name}: {line}" for line in lines)
            try:
                problems.extend(verify_chain(conn, self.audit_key))
            except sa.exc.DatabaseError as exc:
                problems.append(f"Protokoll: nicht lesbar ({exc.orig})")
        if not problems and migrate.current_revision(self.engine) != migrate.head_revision():
            problems.append("Schema ist nicht auf dem neuesten Stand.")
        return problems

    def key_info(self) -> dict[str, object]:
        """What the key file says, without any secret (for support and the office)."""
        return {
            **self.key_file.info(),
            "schema_revision": migrate.current_revision(self.engine),
        }

    # --- internals ---------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            migrate.upgrade(self.engine, backup=lambda reason: self.backup(reason))
        except sa.exc.DatabaseError as exc:
            raise CaseFileCorruptError(
                "Die Falldatei ist beschädigt oder wurde verändert. Bitte eine Sicherung "
                "zurückspielen."
            ) from exc

    def _key_audit_chain(self) -> None:
        """A file from before the keyed audit chain gets one (once); what the old, unkeyed
        check found on the way is kept in an event of the new chain."""
        with self.engine.begin() as conn:
            self._keep_audit_key(conn)
            found = key_the_chain(conn, self.audit_key)
        if found:
            self._audit(
                AuditAction.UPDATE,
                "audit_event",
                "",
                "Protokollkette mit Schlüssel gesichert; vorher auffällig: " + ", ".join(found),
            )

    def _keep_audit_key(self, conn: sa.Connection) -> None:
        """The chain key kept in the file wins over the one derived from the data key (they
        differ after a recovery gave the file a new data key); the first opening keeps it."""
        kept = self.state(conn, AUDIT_KEY_STATE)
        if kept is None:
            self.set_state(conn, AUDIT_KEY_STATE, self.audit_key.hex())
        else:
            vault.wipe(self._audit_key)
            self._audit_key = bytearray.fromhex(kept)

    def _audit(self, action: AuditAction, entity: str, entity_id: str, detail: str = "") -> None:
        with self.engine.begin() as conn:
            append_audit(
                conn,
                key=self.audit_key,
                at=self.clock.now(),
                user_id=self.state(conn, "user_id") or "",
                device_id=self.device_id,
                action=action,
                entity=entity,
                entity_id=entity_id,
                detail=detail,
            )

    def _seed(self, username: str, display_name: str) -> None:
        """Reference data of the district and the local user. These rows belong to the
        district office; they are not written to the change log (the server sends them)."""
        from ..domain import district

        hlc = HybridLogicalClock(self.device_id.replace("-", ""), clock=self.clock.time)
        stamp = hlc.now().encode()
        user = m.User(username=username, display_name=display_name, role=Role.CASEWORKER)
        rows: list[m.Record] = [*district.organisations(), *district.municipalities(), user]
        with self.engine.begin() as conn:
            for record in rows:
                record.updated_hlc = stamp
                conn.execute(table_of(type(record)).insert().values(**record.__dict__))
            self.set_state(conn, "user_id", user.id)
            self.set_state(conn, "hlc", stamp)
            self.set_state(conn, CHAIN_STATE, KEYED)
            self.set_state(conn, "created_at", datetime.now().isoformat(timespec="seconds"))
