"""Printing from the window: options, preview, print (to a PDF printer), save as PDF."""

from __future__ import annotations

from datetime import date

import pypdf
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from caseworker_desktop.domain.enums import AuditAction, LifeArea
from caseworker_desktop.ui.printing import new_printer
from tests.helpers import new_client
from tests.ui.conftest import settle


def _plan_case(services, window, qtbot):
    _, case = new_client(services, first="Олена", last="Коваленко")
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B1")
    services.referrals.request_trauma_consultation(case.id, consent_given=True)
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


def test_printing_paints_every_page_and_is_recorded(qtbot, tmp_path, window, services):
    _plan_case(services, window, qtbot)
    window.print_action.trigger()
    printer = window.client_file.plan.printer
    printer.dialog.language.setCurrentIndex(0)  # German only
    pdf_printer = new_printer()
    pdf_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    pdf_printer.setOutputFileName(str(out))
    printer.show_print_dialog = lambda: printer._print(pdf_printer)  # "OK" in the print dialog
    printer.dialog.print_button.click()
    settle(qtbot, window.session.ops)
    assert out.exists()
    assert len(pypdf.PdfReader(out).pages) == len(printer.images) >= 1
    (event,) = _prints(services, window.client_file.data.case.id)
    assert event.detail == "help_plan lang=de trauma=no to=printer"


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
