""" "Nicht übernommen": changes the district office refused (with why, or to whom they were
handed over) and values received from the office that this laptop could not hold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
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

from ...domain.labels import FIELD_LABELS_DE, TABLE_LABELS_DE
from ...services.inbox import QuarantinedValue, RefusedChange
from ..i18n import display_value

ELIDE = 160


def _label(mapping: dict[str, str], key: str) -> str:
    return QCoreApplication.translate("Label", mapping.get(key, key))


def _local(at) -> str:
    from datetime import UTC

    from ...clock import LOCAL_ZONE

    return at.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).strftime("%d.%m.%Y %H:%M")


class RefusedDialog(QDialog):
    dismissed = Signal(list, list)  # seqs of refused changes, seqs of quarantined values

    def __init__(
        self,
        refused: list[RefusedChange],
        quarantined: list[QuarantinedValue],
        names: dict[str, str],
        parent=None,
    ):
        super().__init__(parent)
        self.refused, self.quarantined = refused, quarantined
        self.setWindowTitle(self.tr("Nicht übernommen"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Diese Änderungen hat das Landratsamt nicht übernommen. Was an eine andere "
                "Fachkraft übergeben wurde, liegt dort zur Übernahme bereit; alles andere "
                "steht nur noch hier – bitte prüfen und bei Bedarf neu eingeben."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.refused_table = self._table(
            [
                self.tr("Zeitpunkt"),
                self.tr("Akte"),
                self.tr("Bereich"),
                self.tr("Angabe"),
                self.tr("Wert"),
                self.tr("Grund / Verbleib"),
            ],
            [
                (
                    _local(r.refused_at),
                    r.case_reference or "—",
                    _label(TABLE_LABELS_DE, r.table),
                    _label(FIELD_LABELS_DE, r.field),
                    display_value(r.field, r.value, names)
                    if r.kept
                    else self.tr("(nicht mehr auf diesem Gerät)"),
                    self.tr("An %1 übergeben").replace("%1", names.get(r.handed_to, "…"))
                    if r.handed_to
                    else r.reason,
                )
                for r in refused
            ],
        )
        self.refused_table.setObjectName("refused_changes")
        layout.addWidget(self.refused_table, 2)
        self.quarantine_table = None
        if quarantined:
            layout.addWidget(
                QLabel(self.tr("<b>Vom Landratsamt empfangen, auf diesem Gerät nicht lesbar</b>"))
            )
            self.quarantine_table = self._table(
                [
                    self.tr("Zeitpunkt"),
                    self.tr("Bereich"),
                    self.tr("Angabe"),
                    self.tr("Wert"),
                    self.tr("Grund"),
                ],
                [
                    (
                        _local(q.received_at),
                        _label(TABLE_LABELS_DE, q.table),
                        _label(FIELD_LABELS_DE, q.field),
                        q.value if len(q.value) <= ELIDE else q.value[:ELIDE] + "…",
                        q.reason,
                    )
                    for q in quarantined
                ],
            )
            self.quarantine_table.setObjectName("quarantined_values")
            layout.addWidget(self.quarantine_table, 1)
        buttons = QDialogButtonBox()
        self.dismiss_button = buttons.addButton(
            self.tr("Gelesen – aus der Liste entfernen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.dismiss_button.setObjectName("dismiss_refused")
        self.dismiss_button.setEnabled(bool(refused or quarantined))
        buttons.addButton(self.tr("Schließen"), QDialogButtonBox.ButtonRole.RejectRole)
        self.dismiss_button.clicked.connect(self._dismiss)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _table(self, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        for column in range(len(headers) - 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (len(headers) - 2, len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        return table

    def _dismiss(self) -> None:
        self.dismissed.emit([r.seq for r in self.refused], [q.seq for q in self.quarantined])
        self.accept()

    def force_close(self) -> None:
        self.reject()
