"""The editing dialogs of the client file (those of referrals: dialogs/referrals.py). Each
takes its data in the constructor and reports the entered values through
`submitted(dict)` (see FormDialog)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...domain import model as m
from ...domain.enums import (
    ClosingReason,
    ContactKind,
    EntryStatus,
    HouseholdRelation,
    LifeArea,
    ResidenceStatus,
)
from ..i18n import enum_label
from ..widgets.codes import LanguagesField, code_values, country_combo
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog, text_edit


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
        self.closing_note = self.field("closing_note", self.tr("Vermerk"), text_edit("", 3))
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
        self.goal = self.field("goal", self.tr("Ziel"), text_edit(entry.goal if entry else "", 2))
        self.measures = self.field(
            "measures", self.tr("Maßnahmen"), text_edit(entry.measures if entry else "")
        )
        self.responsible = self.field(
            "responsible", self.tr("Verantwortlich"), QLineEdit(entry.responsible if entry else "")
        )
        self.due_on = self.field(
            "due_on", self.tr("Fällig am"), DateField(entry.due_on if entry else None)
        )
        self.status = self.field("status", self.tr("Status"), EnumCombo(EntryStatus))
        self.outcome_note = self.field(
            "outcome_note", self.tr("Ergebnis"), text_edit(entry.outcome_note if entry else "", 2)
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
        self.text = self.field("text", self.tr("Notiz"), text_edit(note.text if note else "", 6))
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
