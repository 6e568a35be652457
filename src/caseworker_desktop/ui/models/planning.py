"""Tables of the trauma offer planning: offers (dates, groups) with their places, and
requests (waiting list, a date's placements, the caseworker's own requests). Fed by the
view with plain records; they never read the database."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from .records import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel

__all__ = ["MUTED", "RECORD_ROLE", "WARNING", "Column", "PlanningProxy", "PlanningTableModel"]

WARNING = QColor("#b03a2e")
MUTED = QColor("#777777")

Index = QModelIndex | QPersistentModelIndex


class PlanningTableModel(RecordTableModel):
    """The record table; every cell also shows its text as tooltip (columns are narrow)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


class PlanningProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key (dates as dates, counts as numbers)."""

    def __init__(self, source: RecordTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:  # None against a value: empty last
            return a is not None and b is None
