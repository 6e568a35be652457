"""What a document may be: its kind of content read from the first bytes (never from the
file name), the size limit, and the chunks it travels in. Shared by the laptop and the
office, so both refuse the same files with the same German words."""

from __future__ import annotations

import hashlib
import re

from .errors import ValidationError

# Content travels in chunks of this size: a broken mobile connection costs at most one.
CHUNK_SIZE = 256 * 1024
DEFAULT_MAX_MB = 25
MAX_MB_RANGE = range(1, 201)  # what the settings accept
MB = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")

# (first bytes, media type, name shown). What the app can preview: images via Qt, PDFs
# via pdfium.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
MEDIA_TYPES = frozenset(t for _, t in _SIGNATURES) | {"image/webp"}
SUFFIXES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
}

NOT_SUPPORTED = (
    "„{name}“ ist weder ein PDF noch ein Bild (JPEG, PNG, TIFF, GIF, WebP); nur solche "
    "Dateien können angehängt werden."
)
TOO_LARGE = (
    "„{name}“ ist {size} MB groß; erlaubt sind höchstens {limit} MB. Bitte die Datei "
    "verkleinern (z. B. als PDF mit geringerer Auflösung scannen) oder aufteilen."
)
EMPTY = "„{name}“ ist leer."


def media_type(head: bytes) -> str | None:
    """The media type by the content's first bytes; None: not a file we take."""
    for signature, found in _SIGNATURES:
        if head.startswith(signature):
            return found
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def megabytes(size: int) -> str:
    """'25,4' (German decimal comma, one place)."""
    return f"{size / MB:.1f}".replace(".", ",")


def size_text(size: int) -> str:
    """'1,4 MB', or '23 KB' below a megabyte."""
    if size < MB:
        return f"{max(1, round(size / 1024))} KB"
    return f"{megabytes(size)} MB"


def check_size(name: str, size: int, limit_mb: int) -> None:
    if size > limit_mb * MB:
        message = TOO_LARGE.format(name=name, size=megabytes(size), limit=limit_mb)
        raise ValidationError({"file": message})


def check_content(name: str, data: bytes, limit_mb: int) -> str:
    """The media type of a file to attach, or a ValidationError in German."""
    if not data:
        raise ValidationError({"file": EMPTY.format(name=name)})
    check_size(name, len(data), limit_mb)
    found = media_type(data[:16])
    if found is None:
        raise ValidationError({"file": NOT_SUPPORTED.format(name=name)})
    return found


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chunk_count(size: int) -> int:
    return max(1, -(-size // CHUNK_SIZE))


def chunk_length(size: int, index: int) -> int:
    """How long chunk `index` of content of `size` bytes is (the last may be shorter)."""
    return min(CHUNK_SIZE, size - index * CHUNK_SIZE)
