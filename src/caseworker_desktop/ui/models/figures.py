"""The outcome report as tables: names and whole numbers, a bold total row, header labels
wrapped so that number columns stay narrow; report labels in the window's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ...domain.reports import OutcomeReport, WorkerFigures

Index = QModelIndex | QPersistentModelIndex


def label(german: str) -> str:
    """A German report label (figure, "Gesamt", "ohne Kommune", …) in the window's language."""
    return QCoreApplication.translate("Label", german)


def caseworker_label(worker: WorkerFigures) -> str:
    """Pseudonyms ("Fachkraft 3") in the window's language; names as they are."""
    if worker.number:
        return QCoreApplication.translate("ReportView", "Fachkraft %1").replace(
            "%1", str(worker.number)
        )
    return worker.caseworker


def is_empty(report: OutcomeReport) -> bool:
    """No case in scope was open or did anything in the period."""
    return not any(report.total.figures.values())


def _wrap(text: str, width: int = 14) -> str:
    """Header labels on two or three lines, so that the number columns stay narrow."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class FigureTableModel(QAbstractTableModel):
    """A name column and whole-number columns; the last row is a total (bold)."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, list[int]]] = []
        self._total = False

    def set_rows(self, rows: Sequence[tuple[str, Sequence[int]]], *, total: bool) -> None:
        self.beginResetModel()
        self._rows = [(name, list(values)) for name, values in rows]
        self._total = total and bool(rows)
        self.endResetModel()

    def rows(self) -> list[tuple[str, list[int]]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _wrap(self._headers[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, values = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return name if column == 0 else str(values[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self._total and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None
