"""The dialogs of referrals in the client file: a language course (and its completion),
a request for the trauma consultation hour and the referral that follows it. Like the
other editing dialogs (dialogs/records.py) they report the entered values through
`submitted(dict)` (see FormDialog)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from ...domain import model as m
from ...domain.enums import (
    ConsentRecipient,
    CourseReferralStatus,
    CourseType,
    FollowUpOffer,
    LanguageLevel,
    LifeArea,
    TraumaReferralStatus,
)
from ...domain.rules import COURSE_TRANSITIONS
from ..i18n import enum_label
from ..widgets.codes import language_combo
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog, text_edit
from .consent import ReleaseFields


class CourseReferralDialog(FormDialog):
    """A referral to a language course. The status offers only the steps the course can
    take from where it is; the goal of the help plan it serves follows the course."""

    def __init__(
        self,
        referral: m.CourseReferral | None,
        goals: list[m.HelpPlanEntry] = (),
        parent=None,
    ):
        super().__init__(
            self.tr("Sprachkursvermittlung bearbeiten")
            if referral
            else self.tr("An einen Sprachkurs vermitteln"),
            parent,
        )
        r = referral
        self.course_type = self.field("course_type", self.tr("Kursart"), EnumCombo(CourseType))
        self.target_level = self.field(
            "target_level", self.tr("Zielniveau"), EnumCombo(LanguageLevel)
        )
        self.provider = self.field(
            "provider", self.tr("Träger"), QLineEdit(r.provider if r else "")
        )
        self.start_on = self.field(
            "start_on", self.tr("Kursbeginn"), DateField(r.start_on if r else None)
        )
        self.childcare_needed = self.field(
            "childcare_needed", "", QCheckBox(self.tr("Kinderbetreuung nötig"))
        )
        self.goal = self.field("help_plan_entry_id", self.tr("Ziel im Hilfeplan"), QComboBox())
        self.goal.addItem(self.tr("– keines –"), None)
        for entry in sorted(goals, key=lambda e: e.life_area is not LifeArea.LANGUAGE):
            self.goal.addItem(f"{enum_label(entry.life_area)}: {entry.goal}", entry.id)
        self.goal.setToolTip(
            self.tr(
                "Das Ziel folgt dem Kurs: in Bearbeitung ab Kursbeginn, erreicht mit dem Niveau."
            )
        )
        self.status = self.field("status", self.tr("Status"), QComboBox())
        current = r.status if r else CourseReferralStatus.PROPOSED
        for status in (
            current,
            *sorted(COURSE_TRANSITIONS[current], key=list(CourseReferralStatus).index),
        ):
            self.status.addItem(enum_label(status), status)
        self.level_achieved = self.field(
            "level_achieved",
            self.tr("Erreichtes Niveau"),
            EnumCombo(LanguageLevel, allow_empty=True),
        )
        self.completed_on = self.field(
            "completed_on",
            self.tr("Kursende"),
            DateField(r.completed_on if r else None),
        )
        self.completed_on.setToolTip(self.tr("Leer lassen: heute, wenn der Kurs abgeschlossen ist"))
        self.note = self.field("note", self.tr("Notiz"), text_edit(r.note if r else "", 2))
        if r:
            self.course_type.set_value(r.course_type)
            self.target_level.set_value(r.target_level)
            self.childcare_needed.setChecked(r.childcare_needed)
            self.level_achieved.set_value(r.level_achieved)
            self.goal.setCurrentIndex(max(0, self.goal.findData(r.help_plan_entry_id)))
        else:
            self.target_level.set_value(LanguageLevel.B1)
            self.status.setEnabled(False)
            self.level_achieved.setEnabled(False)
            self.completed_on.setEnabled(False)
        self.dirty.reset()

    def values(self) -> dict:
        return {
            "course_type": self.course_type.value(),
            "target_level": self.target_level.value(),
            "provider": self.provider.text().strip(),
            "childcare_needed": self.childcare_needed.isChecked(),
            "help_plan_entry_id": self.goal.currentData(),
            "status": CourseReferralStatus(self.status.currentData()),
            "level_achieved": self.level_achieved.value(),
            "note": self.note.toPlainText().strip(),
            **self.errors.dates(start_on=self.start_on, completed_on=self.completed_on),
        }


class CourseCompletionDialog(FormDialog):
    """The end of a course in one step: when, and which level was reached."""

    def __init__(self, referral: m.CourseReferral, today: date, parent=None):
        super().__init__(
            self.tr("Kursabschluss erfassen"),
            parent,
            self.tr("%1, Ziel %2.")
            .replace("%1", enum_label(referral.course_type))
            .replace("%2", referral.target_level.value),
        )
        self.completed_on = self.field("completed_on", self.tr("Kursende"), DateField(today))
        self.level_achieved = self.field(
            "level_achieved",
            self.tr("Erreichtes Niveau"),
            EnumCombo(LanguageLevel, allow_empty=True),
        )
        self.level_achieved.setItemText(0, self.tr("kein Zertifikat"))
        self.level_achieved.set_value(referral.target_level)
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(completed_on=self.completed_on)
        if dates["completed_on"] is None:
            raise DateProblems({"completed_on": self.tr("Bitte das Kursende eintragen.")})
        return {"level_achieved": self.level_achieved.value(), **dates}


class TraumaRequestDialog(FormDialog):
    """Request a place in the monthly trauma consultation hour: why, how urgent, which
    interpreter. Without a release for the consultation on record, it can be recorded
    here (signed now) with the request."""

    def __init__(
        self,
        today: date,
        release: m.ConsentRecord | None,
        preferred_language: str = "",
        parent=None,
    ):
        super().__init__(
            self.tr("Traumasprechstunde anfragen"),
            parent,
            self.tr(
                "Einmalige Abklärung durch eine Fachärztin oder einen Facharzt in der "
                "monatlichen Sprechstunde des Kreises. Ohne Schweigepflichtentbindung wird "
                "kein Termin vergeben."
            ),
        )
        self.reason = self.field("reason", self.tr("Anlass"), QPlainTextEdit())
        self.reason.setPlaceholderText(
            self.tr("z. B. Schlafstörungen und Albträume seit der Flucht, Rückzug")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(64)
        self.urgent = self.field(
            "urgent", self.tr("Dringlichkeit"), QCheckBox(self.tr("dringend (vorrangig einplanen)"))
        )
        self.interpreter = self.field(
            "interpreter",
            self.tr("Dolmetschung"),
            language_combo(self.tr("keine Dolmetschung nötig")),
        )
        if preferred_language and preferred_language != "de":
            self.interpreter.set_value(preferred_language)
        self.requested_on = self.field("requested_on", self.tr("Angefragt am"), DateField(today))
        self.release = ReleaseFields(self, ConsentRecipient.TRAUMA_CONSULTATION, release)
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(requested_on=self.requested_on)
        try:
            interpreter = self.interpreter.value()
        except ValueError:
            raise DateProblems(
                {"interpreter": self.tr("Bitte eine Sprache aus der Liste wählen.")}
            ) from None
        return {
            "release": self.release.value(),
            "reason": self.reason.toPlainText(),
            "urgent": self.urgent.isChecked(),
            "interpreter": interpreter,
            **dates,
        }


class TraumaReferralDialog(FormDialog):
    """Consultation date, the specialist's assessment and recommendation, further offers."""

    def __init__(self, referral: m.TraumaReferral, parent=None):
        super().__init__(self.tr("Traumasprechstunde"), parent)
        r = referral
        self.status = self.field("status", self.tr("Status"), EnumCombo(TraumaReferralStatus))
        self.status.set_value(r.status)
        self.consent_given = self.field(
            "consent_given", "", QCheckBox(self.tr("Schweigepflichtentbindung liegt vor"))
        )
        self.consent_given.setChecked(r.consent_given)
        self.consent_given.setEnabled(not r.own_consultation)
        self.consultation_date = self.field(
            "consultation_date", self.tr("Termin der Sprechstunde"), DateField(r.consultation_date)
        )
        self.specialist = self.field(
            "specialist", self.tr("Fachärztin/Facharzt"), QLineEdit(r.specialist)
        )
        self.assessment_outcome = self.field(
            "assessment_outcome", self.tr("Ergebnis der Abklärung"), text_edit(r.assessment_outcome)
        )
        self.recommendation = self.field(
            "recommendation", self.tr("Empfehlung"), text_edit(r.recommendation)
        )
        self.next_steps = self.field(
            "next_steps", self.tr("Nächste Schritte"), text_edit(r.next_steps, 2)
        )
        self.group_offering = self.field(
            "group_offering", self.tr("Gruppenangebot"), EnumCombo(FollowUpOffer)
        )
        self.group_offering.set_value(r.group_offering)
        self.residential_group = self.field(
            "residential_group", self.tr("Wohngruppe"), EnumCombo(FollowUpOffer)
        )
        self.residential_group.set_value(r.residential_group)
        self.dirty.reset()

    def values(self) -> dict:
        return {
            "status": self.status.value(),
            "consent_given": self.consent_given.isChecked(),
            "specialist": self.specialist.text().strip(),
            "assessment_outcome": self.assessment_outcome.toPlainText().strip(),
            "recommendation": self.recommendation.toPlainText().strip(),
            "next_steps": self.next_steps.toPlainText().strip(),
            "group_offering": self.group_offering.value(),
            "residential_group": self.residential_group.value(),
            **self.errors.dates(consultation_date=self.consultation_date),
        }
