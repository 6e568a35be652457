"""A handover: what the former caseworker of a reassigned case wrote offline, field by field
beside what is in force, for the new caseworker to take (all or some) or to discard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain import model as m
from ...domain.labels import FIELD_LABELS_DE, TABLE_LABELS_DE
from ...services.inbox import current_values, handover_values
from ..i18n import display_value

# Links between records: not something a person compares.
HIDDEN = frozenset({"case_id", "help_plan_id", "client_id", "household_id", "deleted"})


class HandoverDialog(QDialog):
    taken = Signal(str, list)  # conflict id, the fields to take ([]: discard)

    def __init__(self, conflict: m.Conflict, names: dict[str, str], parent=None):
        super().__init__(parent)
        self.conflict = conflict
        who = names.get(conflict.handed_over_by or "", self.tr("der bisherigen Fachkraft"))
        area = QCoreApplication.translate(
            "Label", TABLE_LABELS_DE.get(conflict.table_name, conflict.table_name)
        )
        self.setWindowTitle(self.tr("Übergabe von %1 – %2").replace("%1", who).replace("%2", area))
        self.resize(880, 460)
        self.theirs = handover_values(conflict)
        current = current_values(conflict)
        self.new_record = conflict.winner_value.strip() in ("", "{}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 hat das offline neu angelegt, als die Akte schon Ihnen übergeben war. "
                "„Übernehmen“ legt den Eintrag bei Ihnen an."
            )
            if self.new_record
            else self.tr(
                "%1 hat das offline geändert, als die Akte schon Ihnen übergeben war. "
                "Wählen Sie, welche Angaben Sie übernehmen; der Rest bleibt, wie er ist."
            )
        )
        intro.setText(intro.text().replace("%1", who))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = [f for f in self.theirs if f not in HIDDEN]
        self.table = QTableWidget(len(self.fields), 3)
        self.table.setObjectName("handover_fields")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Angabe"), self.tr("Gilt zurzeit"), self.tr("Von %1").replace("%1", who)]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for row, field in enumerate(self.fields):
            name = QTableWidgetItem(
                QCoreApplication.translate("Label", FIELD_LABELS_DE.get(field, field))
            )
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            if self.new_record:  # a new record is taken whole
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            before = display_value(field, current.get(field), names) if not self.new_record else ""
            for column, text in ((1, before), (2, display_value(field, self.theirs[field], names))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.take_button = buttons.addButton(
            self.tr("Übernehmen") if self.new_record else self.tr("Ausgewählte übernehmen"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.take_button.setObjectName("take_handover")
        self.discard_button = buttons.addButton(
            self.tr("Verwerfen"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.discard_button.setObjectName("discard_handover")
        buttons.addButton(self.tr("Später"), QDialogButtonBox.ButtonRole.RejectRole)
        self.take_button.clicked.connect(self._take)
        self.discard_button.clicked.connect(self._discard)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        if self.new_record:
            return list(self.theirs)
        return [
            field
            for row, field in enumerate(self.fields)
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _take(self) -> None:
        self.taken.emit(self.conflict.id, self.chosen())
        self.accept()

    def _discard(self) -> None:
        self.taken.emit(self.conflict.id, [])
        self.accept()

    def force_close(self) -> None:
        self.reject()
