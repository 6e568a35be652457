"""Contact notes (Beratungskontakte): visits, office hours, calls, accompaniment."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from ....domain import model as m
from ....domain.enums import LifeArea
from ....services import ClientFile
from ...dialogs.records import ContactNoteDialog
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .base import ListTab


def _areas(note) -> str:
    return ", ".join(enum_label(LifeArea(a)) for a in note.life_areas.split(",") if a)


class NotesTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(self.tr("Datum"), lambda n: format_date(n.contact_on)),
                Column(self.tr("Art"), lambda n: enum_label(n.kind)),
                Column(
                    self.tr("Dauer"),
                    lambda n: f"{n.duration_minutes} min" if n.duration_minutes else "",
                ),
                Column(self.tr("Lebensbereiche"), _areas),
                Column(self.tr("Notiz"), lambda n: n.text, tooltip=lambda n: n.text),
            ],
            self.tr("Noch keine Beratungskontakte.\n„Kontakt notieren“ hält einen Besuch fest."),
            parent,
        )
        for col, width in enumerate((90, 110, 65, 200)):
            self.table.setColumnWidth(col, width)
        self.add_button = QPushButton(self.tr("Kontakt notieren"))
        self.add_button.setObjectName("add_note")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Bearbeiten"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(self.tr("Löschen"))
        self.delete_button.clicked.connect(self.delete)
        self.add_buttons(self.add_button, self.edit_button, self.delete_button)

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        self.set_records(data.notes)

    def add(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        cases = self.session.services.cases

        def saved(note) -> None:
            self.session.remember_undo(
                self.tr("Kontakt notieren"), lambda: cases.delete_note(note.id)
            )
            self.changed.emit()

        self.dialog = run_form(
            self.session,
            ContactNoteDialog(None, self.session.clock.today(), self),
            lambda v: cases.add_note(case_id, **v),
            saved,
        )

    def edit(self) -> None:
        note = self.selected()
        if note is None:
            return
        services = self.session.services
        cases = services.cases
        old = {
            "contact_on": note.contact_on,
            "kind": note.kind,
            "text": note.text,
            "duration_minutes": note.duration_minutes,
            "life_areas": note.life_areas,
        }

        def save(values: dict):
            values["life_areas"] = ",".join(a.value for a in values["life_areas"])
            return cases.update_note(note.id, **values)

        def saved(_n) -> None:
            self.session.remember_undo(
                self.tr("Kontakt bearbeiten"), lambda: services.restore(m.ContactNote, note.id, old)
            )
            self.changed.emit()

        self.dialog = run_form(
            self.session, ContactNoteDialog(note, self.session.clock.today(), self), save, saved
        )

    def delete(self) -> None:
        note = self.selected()
        if note is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("Kontakt löschen"), self.tr("Diesen Beratungskontakt löschen?")
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        cases = self.session.services.cases
        self.session.call(lambda: cases.delete_note(note.id), lambda _r: self.changed.emit())
