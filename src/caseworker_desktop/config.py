"""Paths and logging. Logs never contain case data: only ids, counts and timings."""

from __future__ import annotations

import logging
import logging.handlers
import os
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
