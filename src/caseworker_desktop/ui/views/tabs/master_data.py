"""Master data of the client and their household; consents."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....domain import model as m
from ....domain.enums import EmploymentStatus, HouseholdRelation, HousingType, ResidenceStatus
from ....domain.errors import CaseworkerError, ValidationError
from ....services import ClientFile
from ...dialogs.records import NewClientDialog
from ...session import Session
from ...widgets.codes import LanguagesField, code_values, country_combo
from ...widgets.fields import DateField, DateProblems, DirtyTracker, EnumCombo, FieldErrors
from ..common import register_client, run_form
from .consents import ConsentsBox
from .household import HouseholdMembersList
from .markers import MarkersBox

CLIENT_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "nationality",
    "languages",
    "residence_status",
    "arrival_date",
    "employment",
    "employment_since",
    "phone",
    "notes",
    "relationship",
)
HOUSEHOLD_FIELDS = ("municipality_id", "address", "housing_type", "moved_in_on", "own_flat_since")
HOUSEHOLD_WIDGETS = {"municipality_id": "municipality"}  # field -> attribute, where they differ


class MasterDataTab(QWidget):
    changed = Signal()
    open_case = Signal(str)  # another household member's file

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data: ClientFile | None = None
        self.dialog = None
        outer = QVBoxLayout(self)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)

        person = QGroupBox(self.tr("Person"))
        form = QFormLayout(person)
        self.errors = FieldErrors(form)
        self.first_name = self.errors.add("first_name", self.tr("Vorname"), QLineEdit())
        self.last_name = self.errors.add("last_name", self.tr("Nachname"), QLineEdit())
        self.birth_date = self.errors.add("birth_date", self.tr("Geburtsdatum"), DateField())
        self.gender = self.errors.add("gender", self.tr("Geschlecht"), QComboBox())
        for text, value in (
            (self.tr("–"), ""),
            (self.tr("weiblich"), "w"),
            (self.tr("männlich"), "m"),
            (self.tr("divers"), "d"),
        ):
            self.gender.addItem(text, value)
        self.nationality = self.errors.add(
            "nationality", self.tr("Staatsangehörigkeit"), country_combo()
        )
        self.languages = self.errors.add("languages", self.tr("Sprachen"), LanguagesField())
        self.residence_status = self.errors.add(
            "residence_status", self.tr("Aufenthaltsstatus"), EnumCombo(ResidenceStatus)
        )
        self.arrival_date = self.errors.add("arrival_date", self.tr("Einreise"), DateField())
        self.employment = self.errors.add(
            "employment", self.tr("Arbeit/Ausbildung"), EnumCombo(EmploymentStatus)
        )
        self.employment_since = self.errors.add("employment_since", self.tr("Seit"), DateField())
        self.phone = self.errors.add("phone", self.tr("Telefon"), QLineEdit())
        self.notes = self.errors.add("notes", self.tr("Vermerk"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)
        columns.addWidget(person, 3)
        self.person_box = person

        right = QVBoxLayout()
        household = QGroupBox(self.tr("Haushalt"))
        hform = QFormLayout(household)
        self.household_errors = FieldErrors(hform)
        self.municipality = self.household_errors.add(
            "municipality_id", self.tr("Kommune"), QComboBox()
        )
        self.address = self.household_errors.add("address", self.tr("Anschrift"), QLineEdit())
        self.housing_type = self.household_errors.add(
            "housing_type", self.tr("Wohnform"), EnumCombo(HousingType)
        )
        self.moved_in_on = self.household_errors.add(
            "moved_in_on", self.tr("Eingezogen am"), DateField()
        )
        self.own_flat_since = self.household_errors.add(
            "own_flat_since", self.tr("Eigene Wohnung seit"), DateField()
        )
        # The client's own relation, saved with the person's fields
        self.relationship = self.household_errors.add(
            "relationship", self.tr("Beziehung"), EnumCombo(HouseholdRelation)
        )
        self.relationship.setToolTip(self.tr("Beziehung zur Bezugsperson des Haushalts"))
        self.members = HouseholdMembersList()
        self.members.open_case.connect(self.open_case.emit)
        # the whole width of the box: a row per person with relation, age and a button
        hform.addRow(QLabel(self.tr("Weitere Mitglieder")))
        hform.addRow(self.members)
        self.add_member_button = QPushButton(self.tr("Weitere Person im Haushalt …"))
        self.add_member_button.setObjectName("add_household_member")
        self.add_member_button.clicked.connect(self.add_member)
        hform.addRow("", self.add_member_button)
        right.addWidget(household)

        self.consents = consent = ConsentsBox(session)
        consent.changed.connect(self.changed.emit)
        right.addWidget(consent)
        self.markers = MarkersBox(session)
        self.markers.changed.connect(self.changed.emit)
        right.addWidget(self.markers)
        self.side_boxes = (household, consent, self.markers)
        right.addStretch(1)
        columns.addLayout(right, 2)

        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #c0392b;")
        bar.addWidget(self.status)
        bar.addWidget(self.general_error, 1)
        self.save_button = QPushButton(self.tr("Speichern"))
        self.save_button.setObjectName("save_master_data")
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString())
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        for combo in body.findChildren(QComboBox):  # long choices must not widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.dirty = DirtyTracker()
        self.editable = (
            self.first_name,
            self.last_name,
            self.birth_date,
            self.gender,
            self.nationality,
            self.languages,
            self.residence_status,
            self.arrival_date,
            self.employment,
            self.employment_since,
            self.phone,
            self.notes,
            self.relationship,
            self.municipality,
            self.address,
            self.housing_type,
            self.moved_in_on,
            self.own_flat_since,
        )
        self.dirty.watch(*self.editable)

    def set_read_only(self, on: bool) -> None:
        self.scroll.widget().setEnabled(not on)
        self.save_button.setVisible(not on)

    def resizeEvent(self, event) -> None:
        """Person and household side by side where there is room, else one below the
        other (a 1366 px screen with the caseload beside it)."""
        margins = self.columns.contentsMargins()
        side_by_side = (
            self.person_box.minimumSizeHint().width()
            + max(w.minimumSizeHint().width() for w in self.side_boxes)
            + self.columns.spacing()
            + margins.left()
            + margins.right()
        )
        wide = self.scroll.viewport().width() >= side_by_side
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        c, h = data.client, data.household
        self.first_name.setText(c.first_name)
        self.last_name.setText(c.last_name)
        self.birth_date.set_date(c.birth_date)
        self.gender.setCurrentIndex(max(0, self.gender.findData(c.gender)))
        self.nationality.set_value(c.nationality)
        self.languages.set_value(c.languages)
        self.residence_status.set_value(c.residence_status)
        self.arrival_date.set_date(c.arrival_date)
        self.employment.set_value(c.employment)
        self.employment_since.set_date(c.employment_since)
        self.phone.setText(c.phone)
        self.notes.setPlainText(c.notes)
        self.municipality.blockSignals(True)
        self.municipality.clear()
        for muni in data.municipalities:
            self.municipality.addItem(muni.name, muni.id)
        self.municipality.blockSignals(False)
        if h is not None:
            self.municipality.setCurrentIndex(max(0, self.municipality.findData(h.municipality_id)))
            self.address.setText(h.address)
            self.housing_type.set_value(h.housing_type)
            self.moved_in_on.set_date(h.moved_in_on)
            self.own_flat_since.set_date(h.own_flat_since)
        self.relationship.set_value(c.relationship)
        self.members.show_members(data.members)
        self.consents.show_records(c.id, data.consents)
        self.markers.show_records(c.id, data.markers)
        self._show_markers(data)
        for edit in (
            self.first_name,
            self.last_name,
            self.languages,
            self.phone,
            self.address,
        ):
            edit.setCursorPosition(0)  # show the start of long text, not its tail
        self.errors.clear()
        self.household_errors.clear()
        self.general_error.setText("")
        self.dirty.reset()

    def _show_markers(self, data: ClientFile) -> None:
        """A disputed field says so beside its label; a restricted one is read-only."""
        today = self.session.clock.today()
        fields = {
            **{("client", name): getattr(self, name) for name in CLIENT_FIELDS},
            **{("household", name): getattr(self, HOUSEHOLD_WIDGETS.get(name, name))
               for name in HOUSEHOLD_FIELDS},
        }  # fmt: skip
        restricted, disputed = data.restricted(today), data.disputed(today)
        # All of it restricted: every field locked, the notice above the tabs says why
        whole = any(not mk.field for mk in restricted)
        for widget in self.editable:
            widget.setEnabled(not whole)
        self.add_member_button.setEnabled(not whole)
        self.consents.setEnabled(not whole)  # a new consent or a withdrawal is processing too
        restricted = [mk for mk in restricted if mk.field]
        disputed = [mk for mk in disputed if mk.field]
        for (table, name), widget in fields.items():
            label = _label_of(widget)
            if label is None:
                continue
            plain = label.property("plain") or label.text()
            label.setProperty("plain", plain)
            locked = any(mk.covers(table, name) for mk in restricted)
            doubted = any(mk.covers(table, name) for mk in disputed)
            suffix = (
                self.tr("eingeschränkt") if locked else self.tr("bestritten") if doubted else ""
            )
            label.setText(f"{plain} ({suffix})" if suffix else plain)
            label.setStyleSheet("color: #b03a2e;" if suffix else "")
            reasons = [mk.reason for mk in (*restricted, *disputed) if mk.covers(table, name)]
            label.setToolTip("\n".join(reasons))
            if locked:
                widget.setEnabled(False)

    def _values(self) -> tuple[dict, dict]:
        try:
            dates = self.errors.dates(
                birth_date=self.birth_date,
                arrival_date=self.arrival_date,
                employment_since=self.employment_since,
            )
            codes = code_values(nationality=self.nationality, languages=self.languages)
        except DateProblems as exc:
            self.errors.show(exc.problems)
            raise
        try:
            hdates = self.household_errors.dates(
                moved_in_on=self.moved_in_on, own_flat_since=self.own_flat_since
            )
        except DateProblems as exc:
            self.household_errors.show(exc.problems)
            raise
        client = {
            "first_name": self.first_name.text().strip(),
            "last_name": self.last_name.text().strip(),
            "gender": self.gender.currentData(),
            **codes,
            "residence_status": self.residence_status.value(),
            "employment": self.employment.value(),
            "phone": self.phone.text().strip(),
            "notes": self.notes.toPlainText(),
            "relationship": self.relationship.value(),
            **dates,
        }
        household = {
            "municipality_id": self.municipality.currentData(),
            "address": self.address.text().strip(),
            "housing_type": self.housing_type.value(),
            **hdates,
        }
        return client, household

    def save(self) -> None:
        if self.data is None:
            return
        try:
            client_values, household_values = self._values()
        except DateProblems:
            return
        services = self.session.services
        old_client, old_household = self.data.client, self.data.household

        def work():
            with services.transaction():
                services.clients.update(old_client.id, **client_values)
                if old_household is not None:
                    services.clients.update_household(old_household.id, **household_values)

        def undo():
            with services.transaction():
                services.restore(
                    m.Client, old_client.id, {f: getattr(old_client, f) for f in CLIENT_FIELDS}
                )
                if old_household is not None:
                    services.restore(
                        m.Household,
                        old_household.id,
                        {f: getattr(old_household, f) for f in HOUSEHOLD_FIELDS},
                    )

        def saved(_result) -> None:
            self.dirty.reset()
            self.status.setText(self.tr("Gespeichert."))
            self.session.remember_undo(self.tr("Stammdaten"), undo)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                shown = self.errors.show(exc.problems)
                if not shown:
                    self.household_errors.show(exc.problems)
            elif isinstance(exc, CaseworkerError):
                self.general_error.setText(str(exc))
            else:
                self.session.ops.failed.emit(exc)

        self.status.setText(self.tr("Speichert …"))
        self.errors.clear()
        self.household_errors.clear()
        self.session.call(work, saved, failed)

    def add_member(self) -> None:
        if self.data is None or self.data.household is None:
            return
        services = self.session.services
        dialog = NewClientDialog(
            self.data.municipalities,
            self.session.clock.today(),
            self,
            household=self.data.household,
            last_name=self.data.client.last_name,
        )
        self.dialog = run_form(
            self.session,
            dialog,
            lambda values: register_client(services, values),
            lambda _result: self.changed.emit(),
        )


def _label_of(widget: QWidget) -> QLabel | None:
    """The caption of a field in its form (FieldErrors puts it in a container)."""
    container = widget.parentWidget()
    form = container.parentWidget().layout() if container and container.parentWidget() else None
    return form.labelForField(container) if isinstance(form, QFormLayout) else None
