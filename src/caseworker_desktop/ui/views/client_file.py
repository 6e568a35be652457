"""The client file: master data and household, help plan, course referrals, trauma
referrals (restricted), contact notes and history, as tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import model as m
from ...domain.enums import CaseStatus, ClosingReason, Role
from ...services import ClientFile
from ..dialogs.records import CloseCaseDialog
from ..i18n import enum_label, format_date
from ..session import Session
from .case_actions import CaseActions
from .common import run_form
from .tabs.courses import CoursesTab
from .tabs.documents import DocumentsTab
from .tabs.help_plan import HelpPlanTab
from .tabs.history import HistoryTab
from .tabs.master_data import MasterDataTab
from .tabs.notes import NotesTab
from .tabs.trauma import TraumaTab

_TABS = frozenset({"tabs", "master", "plan", "courses", "trauma", "notes", "documents", "history"})


class ClientFileView(CaseActions, QWidget):
    loaded = Signal(object)  # ClientFile
    deleted = Signal(str)  # case id of a mistake removed
    merged = Signal(str)  # id of the case kept when two records of one person were merged
    open_case = Signal(str)  # the user asks for another file (a household member's)
    print_status = Signal(str)  # the help plan tab's printing and approval

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data: ClientFile | None = None
        self.case_id: str | None = None
        self.names: dict[str, str] = {}  # user id -> display name, from the directory
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("client_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.case_button = QToolButton()
        self.case_button.setObjectName("case_actions")
        self.case_button.setText(self.tr("Fall …"))
        self.case_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.case_button)
        self.dormant_action = menu.addAction(self.tr("Ruhend setzen"), self.set_dormant)
        self.close_action = menu.addAction(self.tr("Abschließen …"), self.close_case)
        self.reopen_action = menu.addAction(self.tr("Wieder öffnen"), self.reopen_case)
        self.reminder_action = menu.addAction(self.tr("Wiedervorlage …"), self.add_reminder)
        self.letter_action = menu.addAction(self.tr("Brief erstellen …"), self.write_letter)
        menu.addSeparator()
        self.merge_action = menu.addAction(
            self.tr("Mit anderer Akte zusammenführen …"), self.merge_records
        )
        self.merge_action.setToolTip(self.tr("Dieselbe Person wurde zweimal angelegt"))
        self.erasure_action = menu.addAction(
            self.tr("Löschung auf Antrag (Art. 17 DSGVO) …"), self.erasure_request
        )
        self.access_action = menu.addAction(
            self.tr("Auskunft nach Art. 15 DSGVO …"), self.export_access
        )
        self.delete_action = menu.addAction(
            self.tr("Als Fehleingabe löschen …"), self.delete_mistake
        )
        self.delete_action.setToolTip(
            self.tr("Nur solange noch nichts an das Landratsamt übertragen wurde")
        )
        self.case_button.setMenu(menu)
        self.case_button.hide()
        self.confirm_erasure_button = QPushButton(self.tr("Löschantrag bestätigen …"))
        self.confirm_erasure_button.setObjectName("confirm_erasure")
        self.confirm_erasure_button.clicked.connect(self.confirm_erasure)
        self.confirm_erasure_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.confirm_erasure_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.case_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.review_only = QLabel(
            self.tr(
                "Ansicht der Teamleitung: kommentieren und freigeben. Ändern können Sie diese "
                "Akte nur als Vertretung (Freischaltung durch das Landratsamt)."
            )
        )
        self.review_only.setObjectName("review_only")
        self.review_only.setWordWrap(True)
        self.review_only.setStyleSheet(
            "background: #eef3f8; border: 1px solid #b9c9da; padding: 6px; border-radius: 4px;"
        )
        self.review_only.hide()
        layout.addWidget(self.review_only)
        self.restriction = QLabel()
        self.restriction.setObjectName("restriction_notice")
        self.restriction.setWordWrap(True)
        self.restriction.setStyleSheet(
            "background: #fbeaea; border: 1px solid #d9a3a3; padding: 6px; border-radius: 4px;"
        )
        self.restriction.hide()
        layout.addWidget(self.restriction)
        self.dialog = None
        self.empty = QLabel(
            self.tr("Links eine Klientin oder einen Klienten wählen,\noder mit Strg+N neu anlegen.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666; font-size: 11pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.heading.hide()

    @property
    def tabs_built(self) -> bool:
        return bool(self.__dict__.get("_tabs_built"))  # not through __getattr__

    def __getattr__(self, name: str):
        # The tabs are made on first use (see build_tabs): any use of one makes them.
        if name in _TABS and not self.tabs_built:
            self.build_tabs()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def build_tabs(self) -> None:
        """The seven tabs (70 of the main window's 120 ms): not before the first caseload
        is on screen (the main window asks once it is), or at their first use."""
        if self.tabs_built:
            return
        self._tabs_built = True
        self.tabs = QTabWidget()
        self.tabs.setObjectName("client_tabs")
        self.master = MasterDataTab(self.session)
        self.plan = HelpPlanTab(self.session)
        self.courses = CoursesTab(self.session)
        self.trauma = TraumaTab(self.session)
        self.notes = NotesTab(self.session)
        self.documents = DocumentsTab(self.session)
        self.history = HistoryTab(self.session)
        # Short titles, so that all seven fit beside the caseload on a 1366 px screen
        for tab, title, tip in (
            (self.master, self.tr("Stammdaten"), self.tr("Stammdaten und Haushalt")),
            (self.plan, self.tr("Hilfeplan"), ""),
            (self.courses, self.tr("Sprachkurse"), ""),
            (self.trauma, self.tr("Trauma"), self.tr("Traumasprechstunde (vertraulich)")),
            (self.notes, self.tr("Kontakte"), self.tr("Beratungskontakte")),
            (self.documents, self.tr("Dokumente"), self.tr("Scans, Fotos und PDFs")),
            (self.history, self.tr("Verlauf"), ""),
        ):
            self.tabs.setTabToolTip(self.tabs.addTab(tab, title), tip)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.tabs)
        self.plan.changed.connect(self.reload)
        self.courses.changed.connect(self.reload)
        self.notes.changed.connect(self.reload)
        self.documents.changed.connect(self.reload)
        self.master.changed.connect(self.reload)
        self.master.open_case.connect(self.open_case.emit)
        self.trauma.changed.connect(self.reload)
        self.plan.print_status.connect(self.print_status)

    def has_unsaved_changes(self) -> bool:
        return self.tabs_built and self.master.dirty.dirty

    def discard_changes(self) -> None:
        if self.tabs_built:
            self.master.dirty.reset()

    def save(self) -> None:
        if self.data is not None and self.tabs.currentWidget() is self.master:
            self.master.save()

    def load(self, case_id: str) -> None:
        if case_id != self.case_id:
            self.trauma.hide_content()
        self.case_id = case_id
        services = self.session.services
        self.session.call(
            lambda: (services.client_file(case_id), services.reviews.user_names()),
            self._show_with_names,
        )

    def _show_with_names(self, result: tuple[ClientFile, dict[str, str]]) -> None:
        data, self.names = result
        self._show(data)

    def reload(self, *_args) -> None:
        if self.case_id:
            self.load(self.case_id)

    def clear(self) -> None:
        self.case_id = None
        self.data = None
        self.trauma.hide_content()
        self.master.dirty.reset()
        self.heading.hide()
        self.case_button.hide()
        self.stack.setCurrentWidget(self.empty)

    def _show(self, data: ClientFile) -> None:
        if data.case.id != self.case_id:  # a newer selection is on its way
            return
        self.data = data
        client, case = data.client, data.case
        self.heading.setText(
            f"<h2 style='margin:2px 0'>{_esc(client.full_name)}</h2>"
            f"<span style='color:#555'>{_esc(case.reference)} · {enum_label(case.status)}"
            f" · {_esc((data.household and _municipality(data)) or '')}"
            f"{self._caseworker_line(case)}</span>{self._merged_line(case)}"
            f"{self._erasure_line(case)}{self._retention_line(data)}"
            f"{self._comment_badge(data)}"
        )
        self.heading.show()
        self.case_button.show()
        self.dormant_action.setEnabled(case.status is CaseStatus.OPEN)
        self.close_action.setEnabled(case.status is not CaseStatus.CLOSED)
        self.reopen_action.setEnabled(case.status is not CaseStatus.OPEN)
        self.reminder_action.setEnabled(case.status is not CaseStatus.CLOSED)
        self.letter_action.setEnabled(case.status is not CaseStatus.CLOSED)
        self.merge_action.setEnabled(case.closing_reason is not ClosingReason.DUPLICATE)
        self.erasure_action.setText(
            self.tr("Löschantrag zurücknehmen")
            if case.erasure_requested_on
            else self.tr("Löschung auf Antrag (Art. 17 DSGVO) …")
        )
        user = self.session.user
        self.confirm_erasure_button.setVisible(
            user.role is Role.TEAM_LEAD
            and case.erasure_requested_on is not None
            and case.erasure_confirmed_by is None
        )
        self.stack.setCurrentWidget(self.tabs)
        same_client = self.master.data is not None and self.master.data.client.id == data.client.id
        if self.master.dirty.dirty and same_client:
            self.master.data = data  # keep what the user is typing; refresh the rest
        else:
            self.master.show_data(data)
        self.plan.show_data(data, self.names)
        for tab in (self.courses, self.trauma, self.notes, self.documents):
            tab.show_data(data)
        self._label_plan_tab(data)
        restricted = self._show_restriction(data)
        self.set_review_only(self.is_review_only(case) or restricted)
        if restricted and not self.is_review_only(case):
            self.master.set_read_only(False)  # its fields are locked; markers can be lifted
            self.master.save_button.hide()
        if self.tabs.currentWidget() is self.history:
            self.history.load(case.id)
        self.loaded.emit(data)

    def is_review_only(self, case) -> bool:
        """A team lead without the office's stand-in grant, in someone else's case."""
        user = self.session.user
        return user.role is Role.TEAM_LEAD and not user.stand_in and case.caseworker_id != user.id

    def set_review_only(self, on: bool) -> None:
        """What the team lead may not change is not offered (the services and the office
        refuse it anyway): comments, approval and printing stay. The same for data whose
        processing is restricted."""
        self.review_only.setVisible(on and self.restriction.isHidden())
        self.case_button.setVisible(not on)
        self.master.set_read_only(on)
        self.plan.set_read_only(on)
        self.documents.set_read_only(on)
        for tab in (self.courses, self.trauma, self.notes):
            for button in tab.buttons:
                button.setVisible(not on)
            tab.read_only = on

    def _show_restriction(self, data: ClientFile) -> bool:
        """Restricted or disputed as a whole (Art. 18): said above the tabs; restricted
        data is read-only (the markers stay changeable in the master data)."""
        today = self.session.clock.today()
        whole = [mk for mk in data.restricted(today) if not mk.field]
        doubted = [mk for mk in data.disputed(today) if not mk.field]
        lines = [
            self.tr("Verarbeitung eingeschränkt seit %1 (Art. 18 DSGVO): nur lesen. Grund: %2")
            .replace("%1", format_date(mk.set_on))
            .replace("%2", mk.reason)
            for mk in whole
        ] + [
            self.tr("Die Person bestreitet ihre Angaben (seit %1): %2")
            .replace("%1", format_date(mk.set_on))
            .replace("%2", mk.reason)
            for mk in doubted
        ]
        self.restriction.setText("\n".join(lines))
        self.restriction.setVisible(bool(lines))
        if whole:
            self.review_only.hide()
        return bool(whole)

    def _caseworker_line(self, case) -> str:
        """The team lead reviews other people's cases: say whose this one is."""
        if (
            self.session.user.role is not Role.TEAM_LEAD
            or case.caseworker_id == self.session.user.id
        ):
            return ""
        name = self.names.get(case.caseworker_id, "")
        caption = self.tr("Fachkraft: %1").replace("%1", _esc(name) or "?")
        return f" · <b>{caption}</b>"

    def _merged_line(self, case: m.Case) -> str:
        """A duplicate merged away says where the person's record is now."""
        if case.closing_reason is not ClosingReason.DUPLICATE:
            return ""
        return f"<br><span style='color:#9a5b00'>{_esc(case.closing_note)}</span>"

    def _retention_line(self, data: ClientFile) -> str:
        """A closed case says when the office will delete it (its retention rules)."""
        if data.deleted_on is None:
            return ""
        text = self.tr("Wird nach den Aufbewahrungsregeln am %1 gelöscht.").replace(
            "%1", format_date(data.deleted_on)
        )
        return f"<br><span style='color:#555'>{_esc(text)}</span>"

    def _erasure_line(self, case: m.Case) -> str:
        """A request for erasure is in plain sight until the office has carried it out."""
        if case.erasure_requested_on is None:
            return ""
        day = case.erasure_requested_on.strftime("%d.%m.%Y")
        if case.erasure_confirmed_by is None:
            text = self.tr(
                "Löschung beantragt am %1 (Art. 17 DSGVO): wartet auf die Bestätigung der "
                "Teamleitung."
            ).replace("%1", day)
        else:
            text = self.tr(
                "Löschung beantragt am %1 (Art. 17 DSGVO), bestätigt: das Landratsamt löscht "
                "die Akte bei seinem nächsten Löschlauf, danach auch auf diesem Gerät."
            ).replace("%1", day)
        return f"<br><span style='color:#c0392b'><b>{_esc(text)}</b></span>"

    def _comment_badge(self, data: ClientFile) -> str:
        """An open comment of the team lead is hard to miss for the caseworker."""
        open_count = sum(1 for c in data.comments if not c.resolved)
        if not open_count:
            return ""
        text = (
            self.tr("1 offener Kommentar der Teamleitung (Reiter Hilfeplan)")
            if open_count == 1
            else self.tr("%1 offene Kommentare der Teamleitung (Reiter Hilfeplan)").replace(
                "%1", str(open_count)
            )
        )
        return f"<br><span style='color:#9a5b00'><b>● {text}</b></span>"

    def _label_plan_tab(self, data: ClientFile) -> None:
        open_count = sum(1 for c in data.comments if not c.resolved)
        index = self.tabs.indexOf(self.plan)
        title = self.tr("Hilfeplan")
        self.tabs.setTabText(index, f"{title} ●" if open_count else title)
        self.tabs.setTabToolTip(
            index, self.tr("Offene Kommentare der Teamleitung") if open_count else ""
        )

    # --- case status ---------------------------------------------------------------------

    def set_dormant(self) -> None:
        if self.data is not None:
            case_id, cases = self.data.case.id, self.session.services.cases
            self.session.call(lambda: cases.set_dormant(case_id), self.reload)

    def reopen_case(self) -> None:
        if self.data is not None:
            case_id, cases = self.data.case.id, self.session.services.cases
            self.session.call(lambda: cases.reopen(case_id), self.reload)

    def close_case(self) -> None:
        if self.data is None:
            return
        case_id, cases = self.data.case.id, self.session.services.cases
        self.dialog = run_form(
            self.session,
            CloseCaseDialog(self.session.clock.today(), self),
            lambda v: cases.close(case_id, v["reason"], closed_on=v["closed_on"], note=v["note"]),
            self.reload,
        )

    def delete_mistake(self) -> None:
        """A client entered by mistake (a duplicate, a typo), gone before it was sent."""
        if self.data is None:
            return
        data = self.data
        answer = QMessageBox.question(
            self,
            self.tr("Als Fehleingabe löschen"),
            self.tr(
                "%1 mit Akte %2 und allem, was dazu erfasst ist, endgültig löschen? "
                "Das geht nur, solange noch nichts davon an das Landratsamt übertragen wurde."
            )
            .replace("%1", data.client.full_name)
            .replace("%2", data.case.reference),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        case_id, clients = data.case.id, self.session.services.clients

        def deleted(_r) -> None:
            self.clear()
            self.deleted.emit(case_id)

        self.session.call(
            lambda: clients.delete_unsynced(case_id),
            deleted,
            title=self.tr("Als Fehleingabe löschen"),
            parent=self,
        )

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history and self.case_id:
            self.history.load(self.case_id)


def _municipality(data: ClientFile) -> str:
    names = {m.id: m.name for m in data.municipalities}
    return names.get(data.household.municipality_id, "") if data.household else ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
