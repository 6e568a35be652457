"""Language-course referrals (VwV Deutsch, integration courses, …)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ....domain import model as m
from ....services import ClientFile
from ...dialogs.records import CourseReferralDialog
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
    "note",
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
        self.add_buttons(self.refer_button, self.edit_button)

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        self.set_records(data.course_referrals)

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
            self.session, CourseReferralDialog(None, self), save, lambda _r: self.changed.emit()
        )

    def edit(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        services = self.session.services
        referrals = services.referrals
        old = {f: getattr(referral, f) for f in FIELDS}

        def saved(_r) -> None:
            self.session.remember_undo(
                self.tr("Sprachkurs bearbeiten"),
                lambda: services.restore(m.CourseReferral, referral.id, old),
            )
            self.changed.emit()

        self.dialog = run_form(
            self.session,
            CourseReferralDialog(referral, self),
            lambda v: referrals.update_course_referral(referral.id, **v),
            saved,
        )
