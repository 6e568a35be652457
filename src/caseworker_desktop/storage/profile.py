"""The files of a caseworker profile on disk, and how one case file takes another's place.

data_dir/
  keyfile.json     versioned key file (DEK wrapped by passphrase and recovery key)
  casefile.db      SQLCipher 4 database (+ -wal/-shm while open, encrypted too)
  backups/         sealed, compressed backups (storage/backups.py), each with its key file
  replaced-<time>/ the case file a restore replaced, kept as it was
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..domain.errors import CaseworkerError
from . import vault

KEY_FILE_NAME = "keyfile.json"
DB_FILE_NAME = "casefile.db"
BACKUP_DIR_NAME = "backups"


class ProfileError(CaseworkerError):
    pass


def key_file_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILE_NAME


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILE_NAME


def next_file(data_dir: Path) -> Path:
    """Where a case file waits before it takes the place of the current one (a copy under
    a new data key, a restored backup)."""
    return db_path(data_dir).with_suffix(".db.rekey")


def pending_key_file(data_dir: Path) -> Path:
    return Path(data_dir) / (KEY_FILE_NAME + ".pending")


def profile_exists(data_dir: Path) -> bool:
    return key_file_path(data_dir).exists() or db_path(data_dir).exists()


def switch(data_dir: Path, key_file: vault.KeyFile, *, keep_aside: str | None = None) -> None:
    """`next_file` and `key_file` take the place of the case file and its key file (closed):
    the key file is written beside as pending, the database moved into place, then the key
    file. `finish_switch` completes or undoes a switch cut off at any step. With
    `keep_aside` (a time stamp), a copy of the files replaced stays in `replaced-<stamp>/`."""
    path = db_path(data_dir)
    key_file.save(pending_key_file(data_dir))
    if keep_aside and profile_exists(data_dir):
        _keep_aside(Path(data_dir), keep_aside)
    for suffix in ("-wal", "-shm"):  # the new file must not replay the old one's log
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    next_file(data_dir).replace(path)  # from here on the new file is the one
    pending_key_file(data_dir).replace(key_file_path(data_dir))


def finish_switch(data_dir: Path) -> None:
    """A switch that was cut off: while the next file still waits beside the database, the
    old one holds (the next file and the pending key file go); once it has replaced the
    database, the pending key file is the one."""
    pending, fresh = pending_key_file(data_dir), next_file(data_dir)
    if fresh.exists():
        fresh.unlink()
        pending.unlink(missing_ok=True)
    elif pending.exists():
        pending.replace(key_file_path(data_dir))


def _keep_aside(data_dir: Path, stamp: str) -> None:
    """A copy of the case file (WAL included) and its key file in `replaced-<stamp>/`."""
    aside, n = data_dir / f"replaced-{stamp}", 1
    while aside.exists():  # two restores within a second
        aside, n = data_dir / f"replaced-{stamp}-{n}", n + 1
    aside.mkdir(mode=0o700)
    for name in (DB_FILE_NAME, f"{DB_FILE_NAME}-wal", f"{DB_FILE_NAME}-shm", KEY_FILE_NAME):
        if (data_dir / name).exists():
            shutil.copy2(data_dir / name, aside / name)


def same_device(data_dir: Path, backup_key: vault.KeyFile) -> None:
    """A backup replaces only the file of the device it was made on: another device's
    backup would bring that device's identity and enrolment into this profile."""
    try:
        current = vault.KeyFile.load(key_file_path(data_dir))
    except (OSError, vault.VaultError):  # no profile yet, or its key file is what broke
        return
    if current.device_id != backup_key.device_id:
        raise ProfileError(
            f"Die Sicherung stammt von einem anderen Gerät ({backup_key.user}). Bitte in "
            "einen neuen, leeren Profilordner zurückspielen."
        )
