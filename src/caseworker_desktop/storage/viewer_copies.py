"""Temporary copies of documents for the system's viewer, the only place document content
leaves the encrypted case file in the clear (but an export the user asks for). They live
- in memory where the system has it ($XDG_RUNTIME_DIR or /dev/shm: tmpfs, never on disk),
  else in the temp directory;
- in a folder of this process only (owner-only), held by a lock while the process runs;
- until they are removed: when the file is locked or the program ends, and at the latest
  after KEEP_SECONDS (the viewer has read the file by then; on Linux an open file stays
  readable after removal).
A process that crashes cannot remove its copies: the next start removes every folder whose
lock nobody holds any more (`sweep`)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

KEEP_SECONDS = 10 * 60
_LOCK = ".lock"

try:  # POSIX: a lock the kernel drops when the process dies, however it dies
    import fcntl
except ImportError:  # pragma: no cover - Windows: the process id decides
    fcntl = None


def base_dir() -> Path:
    """Where the copies of all processes of this user go."""
    given = os.environ.get("CASEWORKER_VIEWER_DIR")
    if given:
        return Path(given)
    for candidate in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if candidate and os.path.isdir(candidate) and os.access(candidate, os.W_OK):
            return Path(candidate) / f"caseworker-ansicht-{_user()}"
    return Path(tempfile.gettempdir()) / f"caseworker-ansicht-{_user()}"


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else re.sub(r"\W", "", os.getlogin())


class ViewerCopies:
    """This process's copies. `sweep()` first, then `write()` as often as needed."""

    def __init__(self, base: Path | None = None, clock=time.monotonic):
        self.base = Path(base) if base is not None else base_dir()
        self.clock = clock
        self.folder: Path | None = None
        self._lock_file = None
        self._written: dict[Path, float] = {}  # copy -> when it was written
        self._fallback: Path | None = None  # a folder of our own, used instead of `base`

    def sweep(self) -> int:
        """Remove the folders of processes that are gone (crashed); returns how many."""
        if not self.base.is_dir():
            return 0
        removed = 0
        for folder in self.base.iterdir():
            if folder == self.folder or not folder.is_dir():
                continue
            if _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed += not folder.exists()
        if removed:
            log.info("removed %d viewer folders left by ended processes", removed)
        return removed

    def write(self, name: str, data: bytes) -> Path:
        """A copy of `data` named `name` (a file name without folders), owner-only."""
        folder = self._own_folder()
        safe = re.sub(r"[^\w.-]+", "_", Path(name).name).strip("._") or "dokument"
        path = folder / safe
        number = 1
        while path.exists():
            number += 1
            path = folder / f"{Path(safe).stem}-{number}{Path(safe).suffix}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        self._written[path] = self.clock()
        return path

    def expire(self) -> int:
        """Remove the copies older than KEEP_SECONDS; returns how many went."""
        now = self.clock()
        old = [p for p, at in self._written.items() if now - at >= KEEP_SECONDS]
        for path in old:
            self._remove(path)
        return len(old)

    def remove_all(self) -> None:
        """Every copy and this process's folder (lock, end of the program)."""
        for path in list(self._written):
            self._remove(path)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        if self._fallback is not None:
            shutil.rmtree(self._fallback, ignore_errors=True)
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    @property
    def copies(self) -> list[Path]:
        return list(self._written)

    def _remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # Windows: still open in the viewer; the next sweep takes it
            log.info("a viewer copy is still in use; removed later")
            return
        self._written.pop(path, None)

    def _own_folder(self) -> Path:
        if self.folder is not None and self.folder.is_dir():
            return self.folder
        self.base.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(self.base):
            # /dev/shm is everyone's: a folder of that name someone else made (or a link)
            # is not used; a fresh one of our own instead (swept by no one: removed at end)
            log.warning("viewer folder not private; a fresh one is used")
            self.base = Path(tempfile.mkdtemp(prefix="caseworker-ansicht-"))
            self._fallback = self.base
        self.folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=self.base))
        self._lock_file = open(self.folder / _LOCK, "w")  # noqa: SIM115 - held while we run
        if fcntl is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return self.folder


def _private(folder: Path) -> bool:
    """A real folder (no link), ours, that no one else may enter."""
    try:
        found = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(found.st_mode):
        return False
    if hasattr(os, "getuid") and found.st_uid != os.getuid():
        return False
    if found.st_mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)  # ours, made by an older release with other rights
        return not os.lstat(folder).st_mode & 0o077
    return True


def _abandoned(folder: Path) -> bool:
    """Nobody holds the folder's lock (POSIX), or its process is gone (elsewhere)."""
    lock = folder / _LOCK
    if fcntl is not None:
        try:
            with open(lock, "a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(handle, fcntl.LOCK_UN)
            return True
        except BlockingIOError:
            return False
        except OSError:
            return True
    pid = folder.name.split("-", 1)[0]  # pragma: no cover - Windows
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except OSError:
        return True
    return False
