"""Printing from the window: options, preview, print (to a PDF printer), save as PDF."""

from __future__ import annotations

from datetime import date

import pypdf
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog, QLineEdit

from caseworker_desktop.domain.enums import AuditAction, LifeArea
from caseworker_desktop.ui import i18n
from tests.helpers import RELEASE, new_client
from tests.ui.conftest import settle


def _plan_case(services, window, qtbot, **client):
    _, case = new_client(services, **({"first": "Олена", "last": "Коваленко"} | client))
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B1")
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    window.refresh_caseload()
    settle(qtbot, window.session.ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, window.session.ops)
    return case, plan


def _prints(services, case_id):
    return [e for e in services.case_history(case_id) if e.action is AuditAction.PRINT]


def test_print_dialog_defaults_and_preview(qtbot, window, services):
    case, _plan = _plan_case(services, window, qtbot)
    window.print_action.trigger()  # Ctrl+P
    printer = window.client_file.plan.printer
    dialog = printer.dialog
    assert dialog.isVisible()
    assert dialog.language.currentData() == "uk"  # the client's preferred language
    assert not dialog.trauma.isChecked() and dialog.trauma.isEnabled()
    dialog.preview_button.click()
    settle(qtbot, window.session.ops)
    assert printer.preview is not None and printer.preview.isVisible()
    assert len(printer.images) == 1 and not printer.images[0].isNull()
    assert printer.images[0].width() > 800
    assert _prints(services, case.id) == []  # a preview is not a printout
    printer.preview.close()
    dialog.reject()


def test_a_kurdish_clients_plan_is_offered_with_kurmanji_labels(qtbot, window, services):
    _plan_case(services, window, qtbot, first="Rojîn", last="Şêxo", languages="kmr,ar")
    window.print_action.trigger()
    dialog = window.client_file.plan.printer.dialog
    assert dialog.language.currentData() == "kmr"
    assert dialog.language.currentText() == "Deutsch und Kurmancî"
    offered = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert {"ps", "ti", "so", "fr"} <= set(offered)
    dialog.reject()


def test_printing_through_the_real_print_dialog(qtbot, tmp_path, window, services, qapp):
    """Click "Drucken …", answer Qt's own print dialog as a user does: it is German, names
    the file after client and date, and what it prints is every page, recorded once."""
    translators = i18n.install(qapp, "de")
    try:
        _plan_case(services, window, qtbot)
        window.print_action.trigger()
        printer = window.client_file.plan.printer
        printer.dialog.language.setCurrentIndex(0)  # German only
        out = tmp_path / "gedruckt.pdf"
        seen: dict = {}

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            seen["dialog"] = dialog
            seen["title"] = dialog.windowTitle()
            seen["printers"] = [c.itemText(0) for c in dialog.findChildren(QComboBox)]
            (name,) = [e for e in dialog.findChildren(QLineEdit) if e.objectName() == "filename"]
            seen["proposed"] = name.text()
            name.setText(str(out))
            buttons = dialog.findChild(QDialogButtonBox)
            seen["ok"] = buttons.button(QDialogButtonBox.StandardButton.Ok).text()
            qtbot.mouseClick(
                buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
            )

        QTimer.singleShot(0, lambda: qtbot.waitUntil(lambda: _print_dialog_open()) or answer())
        qtbot.mouseClick(printer.dialog.print_button, Qt.MouseButton.LeftButton)
        settle(qtbot, window.session.ops)
        qtbot.waitUntil(lambda: "dialog" in seen)
        settle(qtbot, window.session.ops)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert isinstance(seen["dialog"], QPrintDialog)
    assert seen["title"] == "Hilfeplan drucken"
    assert "In PDF-Datei drucken" in seen["printers"]  # Qt's own strings in German too
    assert seen["proposed"].endswith("Hilfeplan Коваленко Олена 2026-11-24.pdf")
    assert out.exists()
    assert len(pypdf.PdfReader(out).pages) == len(printer.images) >= 1
    (event,) = _prints(services, window.client_file.data.case.id)
    assert event.detail == "help_plan lang=de trauma=no to=printer"
    assert "an den Drucker gesendet" in window.statusBar().currentMessage()


def _print_dialog_open() -> bool:
    return isinstance(QApplication.activeModalWidget(), QPrintDialog)


def test_save_as_pdf_proposes_client_and_date(qtbot, tmp_path, window, services):
    _plan_case(services, window, qtbot)
    window.print_action.trigger()
    printer = window.client_file.plan.printer
    seen: dict = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen["proposed"] = dialog.selectedFiles()
        dialog.reject()

    QTimer.singleShot(
        0,
        lambda: (
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
            or answer()
        ),
    )
    qtbot.mouseClick(printer.dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "proposed" in seen)
    assert seen["proposed"][0].endswith("Hilfeplan Коваленко Олена 2026-11-24.pdf")
    assert _prints(services, window.client_file.data.case.id) == []  # cancelled: nothing


def test_save_as_pdf_with_explicit_trauma_opt_in(qtbot, tmp_path, window, services, monkeypatch):
    case, _plan = _plan_case(services, window, qtbot)
    target = tmp_path / "Hilfeplan Коваленко.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.print_action.trigger()
    printer = window.client_file.plan.printer
    printer.dialog.trauma.setChecked(True)
    printer.dialog.pdf_button.click()
    settle(qtbot, window.session.ops)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Sprachniveau B1" in text
    assert "Traumasprechstunde" in text
    assert "trauma=yes" in _prints(services, case.id)[-1].detail
    assert "PDF gespeichert" in window.statusBar().currentMessage()
