"""Writing a letter through the window (#17 part 3): Fall … → Brief erstellen …, the template
and appointment, the PDF saved through the real file dialog, the contact in the case."""

from __future__ import annotations

import json

import pypdf
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from caseworker_desktop.domain.enums import ContactKind
from caseworker_desktop.storage.casefile import LETTER_TEMPLATES
from tests.helpers import new_client
from tests.ui.conftest import choose_from_case_menu, settle

TEMPLATE = {"name": "erinnerung", "title": "Erinnerung an Ihren Termin",
            "body": "Guten Tag {name},\n\nwir erinnern an Ihren Termin am {datum} um {uhrzeit}"
                    " Uhr in {ort}."}  # fmt: skip


def test_a_letter_from_the_case_menu(qtbot, window, session, services, tmp_path):
    with services.ctx.case_file.engine.begin() as conn:  # as the last sync left them
        services.ctx.case_file.set_state(conn, LETTER_TEMPLATES, json.dumps([TEMPLATE]))
    _client, case = new_client(services, first="Olena", last="Kovalenko", languages="uk,ru")
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, session.ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == case.id)
    choose_from_case_menu(qtbot, files, files.letter_action)
    qtbot.waitUntil(lambda: getattr(files, "dialog", None) is not None and files.dialog.isVisible())
    dialog = files.dialog
    assert dialog.template.currentText() == "Erinnerung an Ihren Termin"
    assert dialog.language.currentData() == "uk"  # the client's language
    dialog.on.set_date(session.clock.today())
    qtbot.keyClicks(dialog.at, "9:15")
    qtbot.keyClicks(dialog.place, "Rathaus Ludwigsburg")
    target = tmp_path / "brief.pdf"

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        chooser.selectFile(str(target))
        chooser.accept()

    QTimer.singleShot(0, lambda: qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QFileDialog)) or answer())  # fmt: skip
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: target.exists(), timeout=10000)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Guten Tag Olena Kovalenko" in text and "09:15 Uhr in Rathaus Ludwigsburg" in text
    assert "З повагою" in text
    notes = services.cases.notes(case.id)
    assert [n.kind for n in notes] == [ContactKind.LETTER]
    assert not dialog.isVisible()
