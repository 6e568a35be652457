"""What the laptop's commands share: the passphrase (from the environment or asked for),
the case file opened for one command and locked again however it ends, clear errors."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .domain.errors import CaseworkerError
from .storage.casefile import CaseFile

PASSPHRASE_ENV = "CASEWORKER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASEWORKER_NEW_PASSPHRASE"
DEMO_PASSPHRASE = "Demo-Passphrase-2026"


class UsageError(CaseworkerError):
    pass


def ask(prompt: str, env: str, *, confirm: bool = False) -> str:
    if value := os.environ.get(env):
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"Keine Passphrase: bitte {env} setzen oder interaktiv aufrufen.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Passphrase wiederholen: ") != value:
        raise UsageError("Die beiden Eingaben stimmen nicht überein.")
    return value


def open_case_file(args) -> CaseFile:
    return CaseFile.open(Path(args.data_dir), ask("Passphrase: ", PASSPHRASE_ENV))


@contextmanager
def unlocked(args) -> Iterator[CaseFile]:
    """The case file for one command; locked again (key wiped) however the command ends."""
    case_file = open_case_file(args)
    try:
        yield case_file
    finally:
        case_file.lock()


def read_file(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{what} nicht lesbar: {path} ({exc.strerror})") from exc
