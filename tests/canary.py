"""Searching for a string in everything a profile or an office keeps on disk, encrypted
files included: SQLCipher databases (case files, their backups, the office's SQLite file)
are decrypted page by page with their key (free pages and the WAL too), not read through
SQL, so that content left behind in unused space is found as well."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096  # cipher_page_size
RESERVE = 80  # SQLCipher 4: IV (16) + HMAC-SHA512 (64) at the end of every page
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    body = page[SALT if first else 0 : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    """Every page of a SQLCipher database file (or of its -wal file), decrypted."""
    data = path.read_bytes()
    if path.name.endswith("-wal"):
        pages, pos = [], WAL_HEADER
        while pos + FRAME_HEADER + PAGE <= len(data):
            number = int.from_bytes(data[pos : pos + 4], "big")
            frame = data[pos + FRAME_HEADER : pos + FRAME_HEADER + PAGE]
            pages.append(_decrypt_page(frame, key, number == 1))
            pos += FRAME_HEADER + PAGE
        return pages
    return [
        _decrypt_page(data[i : i + PAGE], key, i == 0) for i in range(0, len(data) - PAGE + 1, PAGE)
    ]


def files_holding(roots: list[Path], needle: str, keys: list[bytes]) -> list[str]:
    """Every file under `roots` that holds `needle` (UTF-8), in the clear or in a page that
    one of `keys` decrypts."""
    wanted = needle.encode()
    found = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if wanted in path.read_bytes():
                found.append(str(path))
                continue
            if path.suffix in (".db", ".db-wal") or path.name.endswith((".db-wal", "-wal")):
                for key in keys:
                    try:
                        if any(wanted in page for page in decrypted_pages(path, key)):
                            found.append(f"{path} (entschlüsselt)")
                            break
                    except ValueError:
                        continue
    return found
