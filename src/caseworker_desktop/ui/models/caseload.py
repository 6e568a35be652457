"""The caseload table: model over CaseloadRow values plus a filter-as-you-type proxy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...services.cases import CaseloadRow
from ..i18n import enum_label, format_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#b03a2e")
OVERDUE_BACKGROUND = QColor("#fbeae8")

Index = QModelIndex | QPersistentModelIndex


class CaseloadModel(QAbstractTableModel):
    NAME, MUNICIPALITY, STATUS, REVIEW, REFERRALS, CONTACT, REFERENCE = range(7)

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.today = today
        self._rows: list[CaseloadRow] = []
        self._haystacks: list[str] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Kommune"),
            self.tr("Status"),
            self.tr("Fortschreibung"),
            self.tr("Vermittlungen"),
            self.tr("Letzter Kontakt"),
            self.tr("Aktenzeichen"),
        ]

    def set_rows(self, rows: list[CaseloadRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today or self.today
        self._rows = list(rows)
        # Lower-cased text the filter searches, computed once per refresh, not per keystroke.
        self._haystacks = [
            f"{r.client_name} {r.municipality} {enum_label(r.status)} {r.reference}".casefold()
            for r in self._rows
        ]
        self.endResetModel()

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def row_of_case(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.case_id == case_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        overdue = row.review_overdue(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REVIEW and overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.REVIEW and overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REVIEW and overdue:
            return self.tr("Fortschreibung des Hilfeplans ist überfällig")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.REFERRALS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: CaseloadRow, column: int) -> str:
        if column == self.NAME:
            return row.client_name
        if column == self.MUNICIPALITY:
            return row.municipality
        if column == self.STATUS:
            return enum_label(row.status)
        if column == self.REVIEW:
            text = format_date(row.next_review_on)
            return f"{text} ⚠" if row.review_overdue(self.today) else text
        if column == self.REFERRALS:
            return str(row.open_referrals) if row.open_referrals else ""
        if column == self.CONTACT:
            return format_date(row.last_contact_on)
        return row.reference

    def _sort_key(self, row: CaseloadRow, column: int):
        if column == self.REVIEW:
            return (row.next_review_on or date.max).toordinal()
        if column == self.CONTACT:
            return (row.last_contact_on or date.min).toordinal()
        if column == self.REFERRALS:
            return row.open_referrals
        return self._display(row, column).casefold()


class CaseloadFilter(QSortFilterProxyModel):
    """Every typed word must appear in name, municipality, status or reference."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        haystack = self.sourceModel().haystack(source_row)
        return all(word in haystack for word in self._words)
