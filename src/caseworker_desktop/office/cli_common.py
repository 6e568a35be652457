"""What the `caseworker-office` command modules share: the store of a command's --db, a
file read with a German error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .auth import OfficeError
from .store import Store


@contextmanager
def open_store(args) -> Iterator[Store]:
    store = Store(args.db, key_file=args.key_file)
    try:
        yield store
    finally:
        store.close()


def read_file(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise OfficeError(f"{what} {path} ist nicht lesbar.") from exc
