"""Importing a list through the window: Datei → Fallbestand importieren, the file chosen in the
real file dialog, the preview, the import; a list with faults imports nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from caseworker_desktop.ui.dialogs.import_list import ImportDialog
from tests.fixtures.import_lists import PEOPLE, excel_list
from tests.ui.conftest import settle


def _menu_action(window, name: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.objectName() == name)


def _choose(qtbot, dialog: ImportDialog, path: Path) -> None:
    """Click "Datei wählen …" and answer the file dialog that opens."""

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        chooser.selectFile(str(path))
        chooser.accept()

    def when_open() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        answer()

    QTimer.singleShot(0, when_open)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def _open_dialog(qtbot, window) -> ImportDialog:
    _menu_action(window, "import_action").trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "dialog", None), ImportDialog))
    dialog = window.dialog
    settle(qtbot, window.session.ops)
    return dialog


def test_import_through_the_window(qtbot, window, services, tmp_path):
    path = excel_list(tmp_path / "Bewohnerliste.xlsx")
    dialog = _open_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled()  # nothing chosen yet
    _choose(qtbot, dialog, path)
    settle(qtbot, window.session.ops)
    assert dialog.table.rowCount() == 5
    assert dialog.table.item(3, 1).text() == "الأحمد, محمد"
    assert dialog.table.item(0, 3).text() == "neu"
    assert "5 neu, 0 schon erfasst, 0 fehlerhaft" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    assert "5 Klient:innen in 4 Haushalten übernommen" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 5)
    # the same list again: everyone is on file now
    _choose(qtbot, dialog, path)
    settle(qtbot, window.session.ops)
    assert {dialog.table.item(i, 3).text() for i in range(5)} == {"Dublette"}
    assert not dialog.import_button.isEnabled()
    dialog.close()


def test_a_list_with_faults_shows_them_and_imports_nothing(qtbot, window, services, tmp_path):
    people = [list(p) for p in PEOPLE]
    people[2][3] = "Atlantis"
    path = excel_list(tmp_path / "liste.xlsx", people)
    dialog = _open_dialog(qtbot, window)
    _choose(qtbot, dialog, path)
    settle(qtbot, window.session.ops)
    assert dialog.table.item(2, 3).text() == "Fehler"
    assert "Kommune „Atlantis“ unbekannt" in dialog.table.item(2, 4).text()
    assert "1 fehlerhaft" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert services.cases.caseload() == []
    dialog.close()


def test_the_dialog_fits_a_small_laptop(qtbot, window, tmp_path):
    dialog = _open_dialog(qtbot, window)
    dialog.read(excel_list(tmp_path / "liste.xlsx"))
    settle(qtbot, window.session.ops)
    smallest = (1280 / 1.25, 720 / 1.25)  # 1280 x 720 at 125 %, in logical pixels
    assert dialog.width() <= smallest[0] and dialog.height() <= smallest[1] - 50
    hint = dialog.minimumSizeHint()
    assert hint.width() <= smallest[0] and hint.height() <= smallest[1] - 50
    dialog.grab().save(str(tmp_path.parent / "import-dialog.png"))
    dialog.close()
