"""`caseworker-desktop`: args -> paths -> logging -> QApplication -> AppController."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from .german_argparse import install

    install()
    parser = argparse.ArgumentParser(prog="caseworker-desktop", description="Caseworker Desktop")
    parser.add_argument("--data-dir", type=Path, help="Profilordner öffnen")
    parser.add_argument("--lang", choices=["de", "en"], help="Sprache der Oberfläche")
    parser.add_argument("--idle-lock-minutes", type=int, help="Automatische Sperre (Minuten)")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="Selbsttest: Profil entsperren, Fallliste laden, beenden "
        "(Passphrase aus CASEWORKER_SMOKE_PASSPHRASE oder stdin)",
    )
    args = parser.parse_args(argv)
    if args.smoke and args.data_dir is None:
        parser.error("--smoke braucht --data-dir")
    return args


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    from .hardening import harden_process

    harden_process()
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from .ui.pyside_hook import lighten_feature_check

    lighten_feature_check()  # before the app's own imports
    from .config import Settings, setup_logging
    from .ui import i18n
    from .ui.app import AppController

    if args.smoke:
        from .ui.smoke import SmokeError, isolate_settings, read_passphrase

        try:
            passphrase = read_passphrase()
        except SmokeError as exc:
            print(f"Selbsttest fehlgeschlagen: {exc}", file=sys.stderr)
            return 2
        settings_dir = isolate_settings()  # noqa: F841 (removed on exit)

    from .ui.operations import GuiThreadCollector

    setup_logging()
    app = QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # Qt objects are only ever destroyed on the GUI thread
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
    if args.smoke:
        from .ui.smoke import SmokeRun

        SmokeRun(controller, args.data_dir, passphrase, started).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
