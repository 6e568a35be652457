"""The main window: caseload on the left, the client file on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
)

from ..config import Settings
from ..domain.enums import Role
from ..domain.errors import CaseworkerError
from ..storage.casefile import LockedError
from .dialogs.enrol import EnrolDialog
from .dialogs.import_list import ImportDialog
from .dialogs.records import NewClientDialog
from .i18n import LANGUAGES
from .operations import NETWORK
from .session import Session
from .status_bar import StatusBar
from .sync_controller import SyncController
from .views.caseload import CaseloadView
from .views.client_file import ClientFileView
from .views.common import register_client, run_form
from .views.follow_ups import FollowUpView
from .views.planning import PlanningView
from .views.report import ReportView


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_chosen = Signal(str)
    idle_minutes_chosen = Signal(int)
    caseload_shown = Signal(int)  # number of cases, after each refresh_caseload()

    def __init__(
        self,
        session: Session,
        settings: Settings,
        sync: SyncController | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.sync = sync
        self.dialog = None
        self.setWindowTitle(
            self.tr("Caseworker Desktop – %1").replace("%1", session.user.display_name)
        )
        self.resize(1360, 820)
        self.caseload = CaseloadView(session.clock.today(), team_lead=self.team_lead)
        self._shown_case: str | None = None
        if session.user.role is not Role.COORDINATOR:
            self.refresh_caseload()  # the query runs on the worker while the rest is built
        self.client_file = ClientFileView(session)
        # Kept as an attribute: for the coordinator it is on no page, and without an owner
        # Qt would delete the caseload the window still refreshes.
        self.cases_page = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.caseload)
        splitter.addWidget(self.client_file)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 800])
        # Cases | trauma offers | outcome report. The coordinator plans offers and holds
        # no case files: the planning comes first and the cases page is left out.
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.planning = PlanningView(session)
        self.report = ReportView(session)
        self.follow_ups = FollowUpView(session)
        if session.user.role is not Role.COORDINATOR:
            self.pages.addTab(splitter, self.tr("Fälle"))
            self.pages.addTab(self.follow_ups, self.tr("Wiedervorlagen"))
        self.pages.addTab(self.planning, self.tr("Traumaangebote"))
        self.pages.addTab(self.report, self.tr("Ergebnisbericht"))
        self.pages.currentChanged.connect(self._page_changed)
        self.setCentralWidget(self.pages)
        self._build_actions()
        self.status = StatusBar(session, self)
        self.setStatusBar(self.status)
        self.inbox = self.status.inbox
        self.inbox.resolved.connect(self.client_file.reload)
        self.conflicts_button = self.inbox.conflicts_button
        if session.user.role is Role.COORDINATOR:  # no case files: nothing to write there
            for action in (
                self.new_client_action,
                self.import_action,
                self.note_action,
                self.save_action,
                self.print_action,
            ):
                action.setVisible(False)
                action.setEnabled(False)

        self.caseload.case_selected.connect(self._case_selected)
        self.follow_ups.counted.connect(self.status.show_due)
        self.follow_ups.case_requested.connect(self._open_case)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh_caseload)
        session.records_changed.connect(self._schedule_refresh)
        session.unsynced_changed.connect(self.status.show_unsynced)
        session.undo_available.connect(self._undo_available)
        session.ops.busy_changed.connect(self.status.set_busy)
        session.ops.failed.connect(self._show_failure)
        self.client_file.print_status.connect(self._print_status)
        self.client_file.deleted.connect(
            lambda _case: self.statusBar().showMessage(self.tr("Fehleingabe gelöscht."), 8000)
        )
        self.client_file.merged.connect(self._merged)
        self.client_file.open_case.connect(self.open_case)
        if sync is not None:
            sync.state_changed.connect(self.status.show_network_state)
            sync.notice.connect(self.status.show_notice)
            sync.finished.connect(self._synced)
        # The status bar's counts once the caseload is shown: the first screen first (their
        # queries would wait behind it on the worker and slow its drawing).
        self.caseload_shown.connect(
            self._first_caseload_shown, Qt.ConnectionType.SingleShotConnection
        )
        if session.user.role is Role.COORDINATOR:  # says "no cases" as soon as the window
            QTimer.singleShot(0, self.refresh_caseload)  # is up (the sync starts on it)

    def _first_caseload_shown(self, _cases: int) -> None:
        if self.session.user.role is not Role.COORDINATOR:
            QTimer.singleShot(0, self.client_file.build_tabs)  # once the caseload is drawn
            self.follow_ups.refresh()  # the count in the status bar
        self.session.refresh_unsynced()
        self.refresh_conflicts()

    # --- building ----------------------------------------------------------------------

    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_client_action = self._action(
            self.tr("Neue Klient:in"), QKeySequence.StandardKey.New, self.new_client, "new_client"
        )
        self.save_action = self._action(
            self.tr("Speichern"), QKeySequence.StandardKey.Save, self.client_file.save, "save"
        )
        self.undo_action = self._action(
            self.tr("Rückgängig"), QKeySequence.StandardKey.Undo, self.undo, "undo"
        )
        self.undo_action.setEnabled(False)
        self.find_action = self._action(
            self.tr("Suchen"), QKeySequence.StandardKey.Find, self.focus_filter, "find"
        )
        self.lock_action = self._action(
            self.tr("Sperren"), "Ctrl+L", self.lock_requested.emit, "lock"
        )
        self.print_action = self._action(
            self.tr("Hilfeplan drucken …"),
            QKeySequence.StandardKey.Print,
            self.print_plan,
            "print_plan_action",
        )
        self.note_action = self._action(
            self.tr("Kontakt notieren"), "Ctrl+K", self.add_note, "add_note_action"
        )
        self.sync_action = self._action(
            self.tr("Synchronisieren"), "F5", self.sync_now, "sync_action"
        )
        self.enrol_action = self._action(
            self.tr("Beim Landratsamt anmelden …"), None, self.enrol, "enrol_action"
        )
        self.import_action = self._action(
            self.tr("Fallbestand importieren …"), None, self.import_list, "import_action"
        )
        self.quit_action = self._action(
            self.tr("Beenden"), QKeySequence.StandardKey.Quit, self.close, "quit"
        )
        file_menu = self.menuBar().addMenu(self.tr("&Datei"))
        for action in (
            self.new_client_action,
            self.import_action,
            self.note_action,
            self.save_action,
            self.print_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.enrol_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Bearbeiten"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.find_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Einstellungen"))
        language_menu = settings_menu.addMenu(self.tr("Sprache"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _checked, c=code: self._choose_language(c))
            group.addAction(action)
        settings_menu.addAction(self.tr("Automatische Sperre …"), self._choose_idle_minutes)
        help_menu = self.menuBar().addMenu(self.tr("&Hilfe"))
        help_menu.addAction(self.tr("Tastenkürzel"), self._show_shortcuts)

        self.toolbar = toolbar = QToolBar(self.tr("Werkzeuge"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_client_action,
            self.note_action,
            self.save_action,
            self.undo_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)

    def toolbar_button(self, action_name: str):
        """The button the user clicks for a toolbar action (tests click it too)."""
        action = self.findChild(QAction, action_name)
        return self.toolbar.widgetForAction(action)

    def _schedule_refresh(self, _changes) -> None:
        self._refresh_timer.start()

    # --- sync --------------------------------------------------------------------------

    def _synced(self, _report) -> None:
        # Slots and places the coordinator gave: into this user's trauma referrals.
        self.session.call(self.session.services.planning.apply_assignments)
        self.refresh_caseload()
        self.session.refresh_unsynced()
        self.refresh_conflicts()
        self._current_page_refresh()

    def _open_case(self, case_id: str) -> None:  # from the follow-ups
        self.pages.setCurrentWidget(self.cases_page)
        self.open_case(case_id)

    def _page_changed(self, _index: int) -> None:
        self._current_page_refresh()

    def _current_page_refresh(self) -> None:
        page = self.pages.currentWidget()
        if page in (self.planning, self.report, self.follow_ups):
            page.refresh()

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync()

    def enrol(self) -> None:
        if self.sync is None:
            return
        from ..sync.client import SyncClient

        case_file, services = self.sync.case_file, self.session.services

        def save(values: dict):
            user = SyncClient.enrol(case_file, values["server"], values["code"])
            services.ctx.reload_user()
            return user

        def done(_user) -> None:
            self.statusBar().showMessage(self.tr("Gerät angemeldet."), 8000)
            self.sync.start()

        # the office's answer can take a while: on the network worker, beside the sync,
        # so that edits go on meanwhile
        self.dialog = run_form(self.session, EnrolDialog(parent=self), save, done, pool=NETWORK)

    def refresh_conflicts(self) -> None:
        self.inbox.refresh()

    def resolve_next_conflict(self) -> None:
        self.inbox.resolve_next_conflict()

    def _print_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # --- data --------------------------------------------------------------------------

    @property
    def team_lead(self) -> bool:
        return self.session.user.role is Role.TEAM_LEAD

    def _caseload_query(self):
        """The team lead reviews every synced case (the team's); others their own."""
        everyone = self.team_lead
        return lambda: self.session.services.cases.caseload(everyone=everyone)

    def refresh_caseload(self) -> None:
        if self.session.user.role is Role.COORDINATOR:  # holds no case files
            self.caseload_shown.emit(0)
            return
        today = self.session.clock.today()
        self.session.call(self._caseload_query(), lambda rows: self._show_caseload(rows, today))

    def _show_caseload(self, rows, today) -> None:
        self.caseload.set_rows(rows, today)
        if self._shown_case:
            self.client_file.reload()
        self.caseload_shown.emit(self.caseload.model.rowCount())

    def _case_selected(self, case_id: str) -> None:
        if case_id == self._shown_case:
            return
        if self.client_file.has_unsaved_changes() and not self._confirm_discard():
            if self._shown_case:
                self.caseload.select_case(self._shown_case, emit=False)
            return
        self._shown_case = case_id
        self.client_file.load(case_id)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Ungespeicherte Änderungen"),
            self.tr("Die Stammdaten wurden geändert. Speichern?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.client_file.master.save()
            return False  # stay until the save is through
        if answer == QMessageBox.StandardButton.Discard:
            self.client_file.discard_changes()
            return True
        return False

    def _undo_available(self, description: str) -> None:
        self.undo_action.setEnabled(bool(description))
        self.undo_action.setText(
            self.tr("Rückgängig: %1").replace("%1", description)
            if description
            else self.tr("Rückgängig")
        )

    def _show_failure(self, exc: BaseException) -> None:
        """A background operation failed and nobody handled it: say so, without blocking."""
        if isinstance(exc, LockedError):  # work that was queued when the file got locked
            return
        if isinstance(exc, CaseworkerError):
            icon, title, text = QMessageBox.Icon.Warning, self.tr("Hinweis"), str(exc)
        else:
            icon, title = QMessageBox.Icon.Critical, self.tr("Fehler")
            text = self.tr(
                "Die Aktion ist fehlgeschlagen. Es wurde nichts halb gespeichert. "
                "Details stehen im Protokoll."
            )
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- actions -----------------------------------------------------------------------

    def new_client(self) -> None:
        services = self.session.services

        def open_dialog(municipalities) -> None:
            dialog = NewClientDialog(municipalities, self.session.clock.today(), self)

            def saved(result) -> None:
                _client, case = result
                self.refresh_caseload_then_select(case.id)

            self.dialog = run_form(
                self.session, dialog, lambda values: register_client(services, values), saved
            )

        self.session.call(services.clients.municipalities, open_dialog)

    def import_list(self) -> None:
        self.dialog = ImportDialog(self.session, self)
        self.dialog.imported.connect(lambda _result: self.refresh_caseload())
        self.dialog.open()

    def _merged(self, kept_case_id: str) -> None:
        self.statusBar().showMessage(self.tr("Akten zusammengeführt."), 8000)
        self.refresh_caseload_then_select(kept_case_id)

    def open_case(self, case_id: str) -> None:
        """Another file, e.g. a household member's: selected in the caseload like a click
        there (which asks about unsaved changes), or opened directly if the caseload does
        not show it (filtered out; a team lead's stand-in case)."""
        if not self.caseload.select_case(case_id):
            self._case_selected(case_id)

    def refresh_caseload_then_select(self, case_id: str) -> None:
        today = self.session.clock.today()

        def show(rows) -> None:
            self.caseload.set_rows(rows, today)
            self.caseload.filter.clear()
            self.caseload.select_case(case_id)

        self.session.call(self._caseload_query(), show)

    def add_note(self) -> None:
        if self.client_file.data is not None:
            self.client_file.tabs.setCurrentWidget(self.client_file.notes)
            self.client_file.notes.add()

    def print_plan(self) -> None:
        if self.client_file.data is not None:
            self.client_file.tabs.setCurrentWidget(self.client_file.plan)
            self.client_file.plan.print_plan()

    def undo(self) -> None:
        self.session.undo(lambda _r: self.client_file.reload())

    def focus_filter(self) -> None:
        self.caseload.filter.setFocus()
        self.caseload.filter.selectAll()

    def _choose_language(self, code: str) -> None:
        self.language_chosen.emit(code)
        QMessageBox.information(
            self,
            self.tr("Sprache"),
            self.tr("Die Sprache wird beim nächsten Start gewechselt."),
        )

    def _choose_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Automatische Sperre"),
            self.tr("Sperren nach so vielen Minuten ohne Eingabe:"),
            self.settings.idle_lock_minutes,
            1,
            60,
        )
        if ok:
            self.idle_minutes_chosen.emit(minutes)

    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Tastenkürzel"),
            self.tr(
                "Strg+N  Neue Klient:in\nStrg+K  Kontakt notieren\nStrg+S  Speichern\n"
                "Strg+P  Hilfeplan drucken\n"
                "Strg+Z  Letzte Änderung rückgängig\nStrg+F  Suchen\n"
                "F5  Synchronisieren\nStrg+L  Sperren\n"
                "Strg+Q  Beenden"
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.client_file.has_unsaved_changes() and not self._confirm_discard():
            event.ignore()
            return
        event.accept()
