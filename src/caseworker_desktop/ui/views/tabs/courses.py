"""Language-course referrals (VwV Deutsch, integration courses, …)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QPushButton

from ....domain import model as m
from ....domain.enums import CourseReferralStatus
from ....domain.rules import COURSE_TRANSITIONS
from ....services import ClientFile
from ...dialogs.referrals import CourseCompletionDialog, CourseReferralDialog
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .base import ListTab

FIELDS = (
    "course_type",
    "target_level",
    "provider",
    "start_on",
    "childcare_needed",
    "status",
    "level_achieved",
    "completed_on",
    "note",
    "help_plan_entry_id",
)


class CoursesTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(self.tr("Kursart"), lambda r: enum_label(r.course_type)),
                Column(self.tr("Ziel"), lambda r: r.target_level.value),
                Column(self.tr("Träger"), lambda r: r.provider),
                Column(self.tr("Beginn"), lambda r: format_date(r.start_on)),
                Column(self.tr("Status"), lambda r: enum_label(r.status)),
                Column(
                    self.tr("Erreicht"),
                    lambda r: r.level_achieved.value if r.level_achieved else "",
                ),
                Column(
                    self.tr("Kinderbetreuung"),
                    lambda r: self.tr("ja") if r.childcare_needed else "",
                ),
            ],
            self.tr("Noch keine Sprachkursvermittlung.\n„An Sprachkurs vermitteln“ legt eine an."),
            parent,
        )
        for col, width in enumerate((230, 50, 170, 90, 110, 70)):
            self.table.setColumnWidth(col, width)
        self.refer_button = QPushButton(self.tr("An Sprachkurs vermitteln"))
        self.refer_button.setObjectName("refer_course")
        self.refer_button.clicked.connect(self.refer)
        self.edit_button = QPushButton(self.tr("Bearbeiten"))
        self.edit_button.clicked.connect(self.edit)
        self.complete_button = QPushButton(self.tr("Abschluss erfassen …"))
        self.complete_button.setObjectName("complete_course")
        self.complete_button.setToolTip(self.tr("Kursende und erreichtes Niveau in einem Schritt"))
        self.complete_button.clicked.connect(self.complete)
        self.add_buttons(self.refer_button, self.edit_button, self.complete_button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        self.set_records(data.course_referrals)
        self._update_buttons()

    def _goals(self) -> list[m.HelpPlanEntry]:
        """Goals a course can serve (not those carried from a trauma consultation)."""
        if self.data is None:
            return []
        return [e for e in self.data.entries if e.source_trauma_referral_id is None]

    def _update_buttons(self) -> None:
        referral = self.selected()
        self.edit_button.setEnabled(referral is not None)
        self.complete_button.setEnabled(
            (
                referral is not None
                and CourseReferralStatus.COMPLETED in _next_steps(referral.status)
            )
            or (referral is not None and referral.status in STARTABLE)
        )

    def _menu(self, pos: QPoint) -> None:
        """Right click: the status steps this course can take, and its completion."""
        index = self.table.indexAt(pos)
        if self.read_only:
            return
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        referral = self.selected()
        menu = QMenu(self)
        for status in _next_steps(referral.status):
            if status is CourseReferralStatus.COMPLETED:
                continue
            action = menu.addAction(self.tr("Status: %1").replace("%1", enum_label(status)))
            action.triggered.connect(lambda _c=False, s=status: self.set_status(s))
        menu.addSeparator()
        complete = menu.addAction(self.tr("Abschluss erfassen …"), self.complete)
        complete.setEnabled(self.complete_button.isEnabled())
        menu.addAction(self.tr("Bearbeiten …"), self.edit)
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def set_status(self, status: CourseReferralStatus) -> None:
        referral = self.selected()
        if referral is None:
            return
        self._save(referral, lambda r: r.update_course_referral(referral.id, status=status))

    def complete(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        referrals = self.session.services.referrals
        self.dialog = run_form(
            self.session,
            CourseCompletionDialog(referral, self.session.clock.today(), self),
            lambda v: referrals.complete_course(referral.id, **v),
            self._saved_with_undo(referral),
        )

    def _save(self, referral: m.CourseReferral, change) -> None:
        referrals = self.session.services.referrals
        self.session.call(
            lambda: change(referrals),
            self._saved_with_undo(referral),
            title=self.tr("Sprachkurs"),
            parent=self,
        )

    def _saved_with_undo(self, referral: m.CourseReferral):
        services = self.session.services
        old = {f: getattr(referral, f) for f in FIELDS}

        def saved(_r) -> None:
            self.session.remember_undo(
                self.tr("Sprachkurs bearbeiten"),
                lambda: services.restore(m.CourseReferral, referral.id, old),
            )
            self.changed.emit()

        return saved

    def refer(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        referrals = self.session.services.referrals

        def save(values: dict):
            values.pop("status")
            values.pop("level_achieved")
            values.pop("completed_on")
            return referrals.refer_to_course(case_id, **values)

        self.dialog = run_form(
            self.session,
            CourseReferralDialog(None, self._goals(), self),
            save,
            lambda _r: self.changed.emit(),
        )

    def edit(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        referrals = self.session.services.referrals
        self.dialog = run_form(
            self.session,
            CourseReferralDialog(referral, self._goals(), self),
            lambda v: referrals.update_course_referral(referral.id, **v),
            self._saved_with_undo(referral),
        )


# Statuses from which "Abschluss erfassen" takes the course through "begonnen" to the end
STARTABLE = frozenset({CourseReferralStatus.REGISTERED, CourseReferralStatus.WAITING_LIST})


def _next_steps(status: CourseReferralStatus) -> list[CourseReferralStatus]:
    order = list(CourseReferralStatus)
    return sorted(COURSE_TRANSITIONS[status], key=order.index)
