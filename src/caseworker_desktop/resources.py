"""Where the bundled resources (fonts, translations, demo definitions) are."""

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    if override := os.environ.get("CASEWORKER_RESOURCES"):
        return Path(override)
    if bundle := getattr(sys, "_MEIPASS", None):  # PyInstaller onedir
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
