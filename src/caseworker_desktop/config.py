"""Paths and logging. Logs never contain case data: only ids, counts and timings."""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "caseworker-desktop"


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


@dataclass
class Settings:
    """Per-laptop settings (no case data): known profiles, language, idle lock."""

    profiles: list[str] = field(default_factory=list)  # profile folders, last used first
    language: str = "de"
    idle_lock_minutes: int = 5
    server_url: str = ""

    @classmethod
    def load(cls) -> Settings:
        path = config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in data.items() if k in known})
        except (OSError, ValueError, TypeError):
            return cls()

    def save(self) -> None:
        from .storage.atomic import write_atomic

        directory = config_dir()
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(directory / "settings.json", json.dumps(asdict(self), indent=2).encode())

    def remember_profile(self, data_dir: Path) -> None:
        path = str(Path(data_dir).resolve())
        self.profiles = [path, *[p for p in self.profiles if p != path]][:10]
