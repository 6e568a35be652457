"""Documents through the window (#17 part 1): the tab "Dokumente", "Dokument hinzufügen …"
with the real file dialog, the preview (a PDF page by page via pdfium, an image via Qt),
"Mit Standardprogramm öffnen" (a temporary copy, gone when the file is locked), a
confidential document that asks before it opens; the app's start removes what a crashed
run left in the viewer folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from caseworker_desktop.config import Settings
from caseworker_desktop.domain.enums import AuditAction, DocumentKind
from caseworker_desktop.storage import audit
from caseworker_desktop.storage.viewer_copies import ViewerCopies, base_dir
from caseworker_desktop.ui.app import AppController
from tests.canary import files_holding
from tests.fixtures.documents import photo, scan_pdf
from tests.helpers import new_client
from tests.ui.conftest import settle


def _documents_tab(qtbot, window, session, case_id):
    window.refresh_caseload_then_select(case_id)
    settle(qtbot, session.ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == case_id)
    bar = files.tabs.tabBar()
    index = files.tabs.indexOf(files.documents)
    assert bar.tabText(index) == "Dokumente"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert files.tabs.currentWidget() is files.documents
    return files.documents


def _select_row(qtbot, tab, row: int) -> None:
    rect = tab.table.visualRect(tab.model.index(row, 2))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _answer_file_dialog(qtbot, path) -> None:
    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        chooser.selectFile(str(path))
        chooser.accept()

    QTimer.singleShot(0, lambda: qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QFileDialog)) or answer())  # fmt: skip


def test_attach_preview_and_open_with_the_system_viewer(
    qtbot, window, session, services, tmp_path, monkeypatch
):
    _client, case = new_client(services)
    scan = tmp_path / "Aufenthaltstitel Kovalenko.pdf"
    scan.write_bytes(scan_pdf("CANARY-Titel-31b7", pages=2))
    tab = _documents_tab(qtbot, window, session, case.id)
    assert tab.stack.currentWidget() is tab.empty

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    _answer_file_dialog(qtbot, scan)
    choose = dialog.findChild(type(tab.add_button), "choose_document")
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.path_edit.text() == str(scan))
    dialog.kind.set_value(DocumentKind.RESIDENCE_PERMIT)
    qtbot.keyClicks(dialog.note, "gilt bis 03/2027")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert not dialog.isVisible()
    texts = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert texts[1:3] == ["Aufenthaltstitel", "Aufenthaltstitel Kovalenko.pdf"]
    assert texts[3].endswith(" KB") and texts[4] == "ja" and texts[5] == "gilt bis 03/2027"

    _select_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible())
    preview = tab.preview
    assert preview.page_label.text() == "Seite 1 von 2"
    assert not preview.image.pixmap().isNull()
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == "Seite 2 von 2" and not preview.next.isEnabled()
    preview.grab().save(str(tmp_path.parent / "document-preview.png"))
    hint = preview.minimumSizeHint()  # fits 1280×720 at 125 % (1024×540 for a window)
    assert hint.width() <= 1024 and hint.height() <= 540, hint

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(preview.open_button, Qt.MouseButton.LeftButton)
    (url,) = opened
    copy = url.toLocalFile()
    assert copy.endswith("Aufenthaltstitel_Kovalenko.pdf")
    assert Path(copy).read_bytes() == scan.read_bytes()
    assert oct(os.stat(copy).st_mode & 0o777) == "0o600"
    preview.accept()
    session.close()  # the lock closes the session: the copy goes with it
    assert not os.path.exists(copy)
    assert files_holding([base_dir()], "CANARY-Titel-31b7", []) == []


def test_a_confidential_document_asks_and_is_audited(qtbot, window, session, services, tmp_path):
    _client, case = new_client(services)
    finding = tmp_path / "befund.png"
    finding.write_bytes(photo())
    services.documents.attach(case.id, finding, kind=DocumentKind.TRAUMA, title="Befund PTBS")
    tab = _documents_tab(qtbot, window, session, case.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.index(0, 2).data() == "Vertrauliches Dokument"
    _select_row(qtbot, tab, 0)
    asked: list[str] = []

    def answer(button) -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert tab.preview is None and "Gesundheitsdaten" in asked[0]
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible())
    assert "Befund PTBS" in tab.preview.windowTitle()
    assert not tab.preview.image.pixmap().isNull()
    tab.preview.accept()
    with services.ctx.read() as conn:
        views = [e for e in audit.audit_events(conn) if e.action is AuditAction.VIEW]
    assert [(e.entity, e.detail) for e in views] == [("document", "content")]


def test_the_start_removes_what_a_crashed_run_left(qtbot, tmp_path):
    stale = base_dir() / "4242-abcdef"  # a folder whose process is gone: no lock held
    stale.mkdir(parents=True)
    (stale / ".lock").touch()
    (stale / "befund.pdf").write_bytes(b"CANARY-Absturz-77aa")
    running = ViewerCopies()
    running.write("offen.pdf", b"noch in Gebrauch")  # another instance that still runs
    app = AppController(Settings(), data_dir=tmp_path / "profil")
    try:
        assert files_holding([base_dir()], "CANARY-Absturz-77aa", []) == []
        assert running.copies and running.copies[0].exists()
    finally:
        app.shutdown()
        running.remove_all()


def test_a_file_dropped_on_the_list_is_attached(qtbot, window, session, services, tmp_path):
    _client, case = new_client(services)
    photo_path = tmp_path / "zeugnis.jpg"
    photo_path.write_bytes(photo(kind="JPEG"))
    tab = _documents_tab(qtbot, window, session, case.id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo_path))])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(50, 50), action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), action, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(tab, drop)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    assert tab.dialog.path_edit.text() == str(photo_path)
    tab.dialog.kind.set_value(DocumentKind.CERTIFICATE)
    qtbot.mouseClick(tab.dialog.buttons.button(tab.dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.model.index(0, 1).data() == "Zeugnis/Nachweis"
    # a team lead's review: the list can be looked at, not dropped on
    tab.set_read_only(True)
    again = QDragEnterEvent(QPoint(50, 50), action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    again.ignore()
    QApplication.sendEvent(tab, again)
    assert not again.isAccepted() and not tab.add_button.isVisible()
