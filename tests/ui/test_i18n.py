"""German is the source language; English comes from the committed translation file."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from caseworker_desktop.config import Settings
from caseworker_desktop.domain.enums import CaseStatus, LifeArea
from caseworker_desktop.ui import i18n
from caseworker_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_an_english_translation_and_the_qm_is_current():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_english_can_be_selected(qtbot, session):
    app = QCoreApplication.instance()
    translators = i18n.install(app, "en")
    try:
        assert i18n.enum_label(LifeArea.HOUSING) == "Housing"
        assert i18n.enum_label(CaseStatus.DORMANT) != "Ruhend"
        window = MainWindow(session, Settings(language="en"))
        qtbot.addWidget(window)
        assert window.new_client_action.text() == "New client"
        assert window.client_file.tabs.tabText(1) == "Help plan"
        menus = [a.text() for a in window.menuBar().actions()]
        assert all(text.isascii() for text in menus), menus
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert i18n.enum_label(LifeArea.HOUSING) == "Wohnen"


def test_german_dates_are_entered_and_shown():
    assert i18n.format_date(date(2026, 11, 24)) == "24.11.2026"
    assert i18n.parse_date("24.11.2026") == date(2026, 11, 24)
    assert i18n.parse_date(" 1.2.26 ") == date(2026, 2, 1)
    assert i18n.parse_date("") is None
    for bad in ("31.02.2026", "24/11/2026", "morgen"):
        try:
            i18n.parse_date(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
