"""Paths and logging. Logs never contain case data: only ids, counts and timings."""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "caseworker-desktop"
log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(os.environ.get("CASEWORKER_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def log_dir() -> Path:
    return Path(os.environ.get("CASEWORKER_LOG_DIR") or platformdirs.user_log_dir(APP_NAME))


def setup_logging(level: int = logging.INFO) -> Path:
    """Rotating log file in the platform log dir; returns its path."""
    directory = log_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / "caseworker.log"
    root = logging.getLogger()
    if not any(getattr(h, "_caseworker", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler._caseworker = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path


def config_dir() -> Path:
    return Path(os.environ.get("CASEWORKER_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


IDLE_LOCK_RANGE = range(1, 61)  # minutes


def _profiles(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise TypeError("profiles")
    return value[:10]


def _language(value: object) -> str:
    if value not in ("de", "en"):
        raise ValueError("language")
    return value


def _idle_minutes(value: object) -> int:
    if isinstance(value, bool):
        raise TypeError("idle_lock_minutes")
    minutes = int(value)  # "5" from a hand-edited file is fine; "fünf" is not
    if minutes not in IDLE_LOCK_RANGE:
        raise ValueError("idle_lock_minutes")
    return minutes


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("text")
    return value


def _document_max_mb(value: object) -> int:
    from .domain.documents import MAX_MB_RANGE

    if isinstance(value, bool):
        raise TypeError("document_max_mb")
    megabytes = int(value)
    if megabytes not in MAX_MB_RANGE:
        raise ValueError("document_max_mb")
    return megabytes


_CONVERTERS = {
    "profiles": _profiles,
    "language": _language,
    "idle_lock_minutes": _idle_minutes,
    "server_url": _text,
    "document_max_mb": _document_max_mb,
}


@dataclass
class Settings:
    """Per-laptop settings (no case data): known profiles, language, idle lock, the size
    limit of documents."""

    profiles: list[str] = field(default_factory=list)  # profile folders, last used first
    language: str = "de"
    idle_lock_minutes: int = 5
    server_url: str = ""
    document_max_mb: int = 25  # the largest document that can be attached

    @classmethod
    def load(cls) -> Settings:
        """The saved settings, each field coerced to its type and range; a field that
        cannot be read falls back to its default (with a warning in the log), the others
        stay (Picard's typed options)."""
        path = config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            log.warning("settings: not an object, defaults used")
            return cls()
        settings = cls()
        for name, convert in _CONVERTERS.items():
            if name not in data:
                continue
            try:
                setattr(settings, name, convert(data[name]))
            except (TypeError, ValueError):
                log.warning("settings: %s unreadable, default %r used", name,
                            getattr(settings, name))  # fmt: skip
        return settings

    def save(self) -> None:
        from .storage.atomic import write_atomic

        directory = config_dir()
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(directory / "settings.json", json.dumps(asdict(self), indent=2).encode())

    def remember_profile(self, data_dir: Path) -> None:
        path = str(Path(data_dir).resolve())
        self.profiles = [path, *[p for p in self.profiles if p != path]][:10]
