"""`caseworker-desktop`: args -> paths -> logging -> QApplication -> AppController."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="caseworker-desktop", description="Caseworker Desktop")
    parser.add_argument("--data-dir", type=Path, help="Profilordner öffnen")
    parser.add_argument("--lang", choices=["de", "en"], help="Sprache der Oberfläche")
    parser.add_argument("--idle-lock-minutes", type=int, help="Automatische Sperre (Minuten)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from .config import Settings, setup_logging
    from .ui import i18n
    from .ui.app import AppController

    setup_logging()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Caseworker Desktop")
    app.setOrganizationName("Landratsamt")
    settings = Settings.load()
    if args.lang:
        settings.language = args.lang
    if args.idle_lock_minutes:
        settings.idle_lock_minutes = args.idle_lock_minutes
    translators = i18n.install(app, settings.language)  # noqa: F841 (kept alive)
    controller = AppController(settings, data_dir=args.data_dir)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
