"""The editing dialogs of the client file. Each takes its data in the constructor and
reports the entered values through `submitted(dict)` (see FormDialog)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain import model as m
from ...domain.enums import (
    ClosingReason,
    ConsentRecipient,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    FollowUpOffer,
    HouseholdRelation,
    LanguageLevel,
    LifeArea,
    ResidenceStatus,
    TraumaReferralStatus,
)
from ...domain.rules import COURSE_TRANSITIONS
from ..i18n import enum_label
from ..widgets.codes import LanguagesField, code_values, country_combo, language_combo
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog
from .consent import ReleaseFields


def _text(value: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(22 * lines + 12)
    return edit


class NewClientDialog(FormDialog):
    """A new client with a new household, or (household given) one more household member."""

    def __init__(
        self,
        municipalities: list[m.Municipality],
        today: date,
        parent=None,
        household: m.Household | None = None,
        last_name: str = "",
    ):
        super().__init__(
            self.tr("Neue Klient:in")
            if household is None
            else self.tr("Weitere Person im Haushalt"),
            parent,
            self.tr("Legt Klient:in, Haushalt und einen offenen Fall an.")
            if household is None
            else self.tr("Legt eine weitere Person dieses Haushalts mit eigenem Fall an."),
        )
        self.household = household
        self.first_name = self.field("first_name", self.tr("Vorname"), QLineEdit())
        self.last_name = self.field("last_name", self.tr("Nachname"), QLineEdit())
        self.birth_date = self.field("birth_date", self.tr("Geburtsdatum"), DateField())
        self.nationality = self.field(
            "nationality", self.tr("Staatsangehörigkeit"), country_combo()
        )
        self.languages = self.field("languages", self.tr("Sprachen"), LanguagesField())
        self.residence_status = self.field(
            "residence_status", self.tr("Aufenthaltsstatus"), EnumCombo(ResidenceStatus)
        )
        self.arrival_date = self.field("arrival_date", self.tr("Einreise"), DateField())
        self.municipality = self.field("municipality_id", self.tr("Kommune"), QComboBox())
        for muni in municipalities:
            self.municipality.addItem(muni.name, muni.id)
        self.address = self.field("address", self.tr("Anschrift"), QLineEdit())
        self.phone = self.field("phone", self.tr("Telefon"), QLineEdit())
        self.consent = self.field(
            "data_processing_consent_on",
            self.tr("Einwilligung Datenverarbeitung am"),
            DateField(),  # the date on the signed form, never assumed
        )
        self.last_name.setText(last_name)
        self.relationship = None
        if household is not None:
            self.relationship = self.field(
                "relationship", self.tr("Beziehung"), EnumCombo(HouseholdRelation)
            )
            self.relationship.set_value(HouseholdRelation.UNKNOWN)
            self.municipality.setCurrentIndex(self.municipality.findData(household.municipality_id))
            self.address.setText(household.address)
            self.municipality.setEnabled(False)
            self.address.setEnabled(False)
        # Shown once the office of this laptop finds someone alike on file
        self.duplicates = QLabel()
        self.duplicates.setObjectName("possible_duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet(
            "background: #fff7e0; border: 1px solid #e0c060; padding: 8px; border-radius: 4px;"
        )
        self.confirm_new = QCheckBox(self.tr("Es ist eine andere Person – trotzdem anlegen"))
        self.confirm_new.setObjectName("confirm_new_person")
        self.form.addRow(self.duplicates)
        self.form.addRow(self.confirm_new)
        self.duplicates.hide()
        self.confirm_new.hide()
        self.dirty.reset()

    def show_problems(self, problems: dict[str, str]) -> None:
        problems = dict(problems)
        if message := problems.pop("duplicates", None):
            self.duplicates.setText(message)
            self.duplicates.show()
            self.confirm_new.show()
            self.confirm_new.setFocus()
        if problems:
            super().show_problems(problems)

    def values(self) -> dict:
        dates = self.errors.dates(
            birth_date=self.birth_date,
            arrival_date=self.arrival_date,
            data_processing_consent_on=self.consent,
        )
        return {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            **code_values(nationality=self.nationality, languages=self.languages),
            "residence_status": self.residence_status.value(),
            "municipality_id": self.municipality.currentData(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "household_id": self.household.id if self.household else None,
            "relationship": self.relationship.value() if self.relationship else None,
            "refuse_duplicates": not self.confirm_new.isChecked(),
            **dates,
        }


class CloseCaseDialog(FormDialog):
    def __init__(self, today: date, parent=None):
        super().__init__(
            self.tr("Fall abschließen"),
            parent,
            self.tr("Der Fall bleibt lesbar und kann wieder geöffnet werden."),
        )
        self.closing_reason = self.field(
            "closing_reason", self.tr("Grund"), EnumCombo(ClosingReason)
        )
        self.closed_on = self.field("closed_on", self.tr("Abgeschlossen am"), DateField(today))
        self.closing_note = self.field("closing_note", self.tr("Vermerk"), _text("", 3))
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(closed_on=self.closed_on)
        if dates["closed_on"] is None:
            raise DateProblems({"closed_on": self.tr("Datum fehlt.")})
        return {
            "reason": self.closing_reason.value(),
            "note": self.closing_note.toPlainText().strip(),
            **dates,
        }


class PlanDialog(FormDialog):
    def __init__(self, plan: m.HelpPlan | None, today: date, parent=None):
        super().__init__(
            self.tr("Hilfeplan bearbeiten") if plan else self.tr("Neuer Hilfeplan"), parent
        )
        start = plan.period_start if plan else today
        self.period_start = self.field("period_start", self.tr("Beginn"), DateField(start))
        self.period_end = self.field(
            "period_end",
            self.tr("Ende"),
            DateField(plan.period_end if plan else start + timedelta(days=365)),
        )
        self.next_review_on = self.field(
            "next_review_on",
            self.tr("Nächste Fortschreibung"),
            DateField(plan.next_review_on if plan else start + timedelta(days=182)),
        )

    def values(self) -> dict:
        values = self.errors.dates(
            period_start=self.period_start,
            period_end=self.period_end,
            next_review_on=self.next_review_on,
        )
        missing = {k: self.tr("Datum fehlt.") for k, v in values.items() if v is None}
        if missing:
            raise DateProblems(missing)
        return values


class EntryDialog(FormDialog):
    def __init__(self, entry: m.HelpPlanEntry | None, parent=None):
        super().__init__(self.tr("Ziel bearbeiten") if entry else self.tr("Neues Ziel"), parent)
        self.entry = entry
        self.life_area = self.field("life_area", self.tr("Lebensbereich"), EnumCombo(LifeArea))
        self.goal = self.field("goal", self.tr("Ziel"), _text(entry.goal if entry else "", 2))
        self.measures = self.field(
            "measures", self.tr("Maßnahmen"), _text(entry.measures if entry else "")
        )
        self.responsible = self.field(
            "responsible", self.tr("Verantwortlich"), QLineEdit(entry.responsible if entry else "")
        )
        self.due_on = self.field(
            "due_on", self.tr("Fällig am"), DateField(entry.due_on if entry else None)
        )
        self.status = self.field("status", self.tr("Status"), EnumCombo(EntryStatus))
        self.outcome_note = self.field(
            "outcome_note", self.tr("Ergebnis"), _text(entry.outcome_note if entry else "", 2)
        )
        if entry:
            self.life_area.set_value(entry.life_area)
            self.status.set_value(entry.status)
        self.dirty.reset()

    def values(self) -> dict:
        return {
            "life_area": self.life_area.value(),
            "goal": self.goal.toPlainText().strip(),
            "measures": self.measures.toPlainText().strip(),
            "responsible": self.responsible.text().strip(),
            "status": self.status.value(),
            "outcome_note": self.outcome_note.toPlainText().strip(),
            **self.errors.dates(due_on=self.due_on),
        }


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
        self.note = self.field("note", self.tr("Notiz"), _text(r.note if r else "", 2))
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
            "assessment_outcome", self.tr("Ergebnis der Abklärung"), _text(r.assessment_outcome)
        )
        self.recommendation = self.field(
            "recommendation", self.tr("Empfehlung"), _text(r.recommendation)
        )
        self.next_steps = self.field(
            "next_steps", self.tr("Nächste Schritte"), _text(r.next_steps, 2)
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


class ContactNoteDialog(FormDialog):
    def __init__(self, note: m.ContactNote | None, today: date, parent=None):
        super().__init__(
            self.tr("Beratungskontakt bearbeiten")
            if note
            else self.tr("Beratungskontakt notieren"),
            parent,
        )
        self.contact_on = self.field(
            "contact_on", self.tr("Datum"), DateField(note.contact_on if note else today)
        )
        self.kind = self.field("kind", self.tr("Art"), EnumCombo(ContactKind))
        self.duration = self.field("duration_minutes", self.tr("Dauer (Minuten)"), QSpinBox())
        self.duration.setRange(0, 720)
        self.duration.setSingleStep(15)
        self.duration.setValue(note.duration_minutes if note else 30)
        areas = QWidget()
        grid = QGridLayout(areas)
        grid.setContentsMargins(0, 0, 0, 0)
        chosen = set(note.life_areas.split(",")) if note else set()
        self.area_boxes: dict[LifeArea, QCheckBox] = {}
        for i, area in enumerate(LifeArea):
            box = QCheckBox(enum_label(area))
            box.setChecked(area.value in chosen)
            self.area_boxes[area] = box
            self.dirty.watch(box)
            grid.addWidget(box, i // 2, i % 2)
        self.field("life_areas", self.tr("Lebensbereiche"), areas)
        self.text = self.field("text", self.tr("Notiz"), _text(note.text if note else "", 6))
        if note:
            self.kind.set_value(note.kind)
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(contact_on=self.contact_on)
        if dates["contact_on"] is None:
            raise DateProblems({"contact_on": self.tr("Datum fehlt.")})
        return {
            "kind": self.kind.value(),
            "duration_minutes": self.duration.value(),
            "life_areas": tuple(a for a, box in self.area_boxes.items() if box.isChecked()),
            "text": self.text.toPlainText().strip(),
            **dates,
        }
