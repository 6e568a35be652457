"""Two records of one person made one: which other record, which of the two is kept, which
values come from the other one; what happens to consents and to the other case is said
before anything is done (services/merge.py)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain import codes
from ...domain import model as m
from ...domain.labels import FIELD_LABELS_DE
from ...services.merge import MergePlan
from ..i18n import enum_label, format_date

FIELD, KEPT, OTHER = range(3)


class MergeDialog(QDialog):
    plan_wanted = Signal(str, str)  # kept case id, duplicate case id
    merge_wanted = Signal(str, str, tuple)  # ... and the fields taken from the duplicate

    def __init__(self, case: m.Case, client: m.Client, candidates, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Akten zusammenführen"))
        self.setModal(True)
        self.setMinimumWidth(620)
        self.case, self.plan = case, None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Dieselbe Person wurde zweimal angelegt? Eine Akte bleibt, die andere wird als "
                "„doppelt angelegt“ abgeschlossen. Ihre Einträge bleiben dort lesbar; es wird "
                "nichts gelöscht."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.other = QComboBox()
        self.other.setObjectName("merge_other")
        self.names: dict[str, str] = {}  # case id -> "name, reference"
        for other_case, other in candidates:
            born = format_date(other.birth_date) or "?"
            self.other.addItem(
                f"{other.full_name} · {self.tr('geb.')} {born} · {other_case.reference}",
                other_case.id,
            )
            self.names[other_case.id] = f"{other.full_name}, {other_case.reference}"
        form.addRow(self.tr("Andere Akte"), self.other)
        self.keep_this = QRadioButton(
            self.tr("diese Akte (%1)").replace("%1", f"{client.full_name}, {case.reference}")
        )
        self.keep_this.setObjectName("merge_keep_this")
        self.keep_other = QRadioButton(self.tr("die andere Akte"))
        self.keep_other.setObjectName("merge_keep_other")
        self.keep_this.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.keep_this, self.keep_other):
            group.addButton(button)
        keep = QVBoxLayout()
        keep.addWidget(self.keep_this)
        keep.addWidget(self.keep_other)
        form.addRow(self.tr("Behalten wird"), keep)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("merge_fields")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Angabe"), self.tr("Bleibt"), self.tr("Aus der anderen Akte übernehmen")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for column in (KEPT, OTHER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("merge_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.blocked = QLabel()
        self.blocked.setObjectName("merge_blocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #c0392b;")
        self.blocked.hide()
        layout.addWidget(self.blocked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Zusammenführen"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self._merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.other.currentIndexChanged.connect(self._ask)
        self.keep_this.toggled.connect(self._ask)
        self.other.setFocus()

    def start(self) -> None:
        """Ask for the plan of the first candidate (once the view listens)."""
        self._ask()

    def pair(self) -> tuple[str, str]:
        """(kept case id, duplicate case id) as chosen."""
        other = self.other.currentData()
        return (self.case.id, other) if self.keep_this.isChecked() else (other, self.case.id)

    def _ask(self, *_args) -> None:
        self.ok_button.setEnabled(False)
        other = self.other.currentData()
        if other:
            caption = self.tr("die andere Akte (%1)").replace("%1", self.names[other])
            self.keep_other.setText(caption)
            self.plan_wanted.emit(*self.pair())

    def show_plan(self, plan: MergePlan) -> None:
        if (plan.kept_case.id, plan.duplicate_case.id) != self.pair():
            return  # an answer to an earlier choice
        self.plan = plan
        self.table.setRowCount(len(plan.differing))
        for row, name in enumerate(plan.differing):
            label = QCoreApplication.translate("Label", FIELD_LABELS_DE.get(name, name))
            self.table.setItem(row, FIELD, QTableWidgetItem(label))
            self.table.setItem(row, KEPT, QTableWidgetItem(shown(name, getattr(plan.kept, name))))
            taken = QTableWidgetItem(shown(name, getattr(plan.duplicate, name)))
            taken.setFlags(taken.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            taken.setCheckState(Qt.CheckState.Unchecked)
            taken.setData(Qt.ItemDataRole.UserRole, name)
            self.table.setItem(row, OTHER, taken)
        self.table.setVisible(bool(plan.differing))
        parts = [
            self.tr("Die Akte %1 wird als „doppelt angelegt“ abgeschlossen.").replace(
                "%1", plan.duplicate_case.reference
            )
        ]
        if plan.consents:
            parts.append(
                self.tr("Einwilligungen: %1 Änderung(en) aus der anderen Akte.").replace(
                    "%1", str(plan.consents)
                )
            )
        if plan.duplicate.notes.strip():
            parts.append(
                self.tr("Der Vermerk der anderen Akte wird an den der bleibenden angefügt.")
            )
        self.summary.setText(" ".join(parts))
        self.blocked.setText(" ".join(plan.blockers))
        self.blocked.setVisible(bool(plan.blockers))
        self.ok_button.setEnabled(not plan.blockers)

    def taken(self) -> tuple[str, ...]:
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, OTHER)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(names)

    def _merge(self) -> None:
        plan = self.plan
        if plan is not None and not plan.blockers:
            self.ok_button.setEnabled(False)
            self.merge_wanted.emit(plan.kept_case.id, plan.duplicate_case.id, self.taken())

    def show_error(self, message: str) -> None:
        self.blocked.setText(message)
        self.blocked.show()
        self.ok_button.setEnabled(self.plan is not None and not self.plan.blockers)


def shown(name: str, value) -> str:
    """A client's field as people read it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, date):
        return format_date(value)
    if name == "nationality":
        return codes.country_name(value)
    if name == "languages":
        return codes.language_list(value)
    if name == "gender":
        genders = {"w": "weiblich", "m": "männlich", "d": "divers"}
        return QCoreApplication.translate("MasterDataTab", genders.get(value, value))
    return str(value)
