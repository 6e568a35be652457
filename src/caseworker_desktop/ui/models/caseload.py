"""The caseload table: model over CaseloadRow values plus a filter proxy (type to filter,
caseworker, municipality and the review problems a team lead looks for)."""

from __future__ import annotations

import enum
from collections import Counter
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...services.cases import NO_CONTACT_WEEKS, CaseloadRow
from ..i18n import enum_label, format_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#b03a2e")
OVERDUE_BACKGROUND = QColor("#fbeae8")
ATTENTION = QColor("#9a5b00")

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SORT_ROLE,
        ROW_ROLE,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class Problem(enum.IntFlag):
    """What a case needs attention for; one bit each, precomputed per row."""

    REVIEW_OVERDUE = 1
    NO_CONTACT = 2
    STALLED = 4
    AWAITING_APPROVAL = 8
    OPEN_COMMENT = 16


def problems_of(row: CaseloadRow, today: date, no_contact_weeks: int) -> Problem:
    flags = Problem(0)
    if row.review_overdue(today):
        flags |= Problem.REVIEW_OVERDUE
    if row.without_contact(today, no_contact_weeks):
        flags |= Problem.NO_CONTACT
    if row.stalled_referrals:
        flags |= Problem.STALLED
    if row.awaiting_approval:
        flags |= Problem.AWAITING_APPROVAL
    if row.open_comments:
        flags |= Problem.OPEN_COMMENT
    return flags


class CaseloadModel(QAbstractTableModel):
    # Logical columns; the view hides or moves some (Fachkraft only for the team lead).
    NAME, MUNICIPALITY, STATUS, REVIEW, REFERRALS, CONTACT, REFERENCE, CASEWORKER, HINTS = range(9)

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.today = today
        self.no_contact_weeks = NO_CONTACT_WEEKS
        self._rows: list[CaseloadRow] = []
        self._haystacks: list[str] = []
        self._problems: list[Problem] = []
        # Rows are kept in the order of the sort column (the proxy does not sort: sorting
        # there asked data() twice per comparison, 450 ms for 5,000 rows per keystroke).
        self._sorted_by: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)
        self.version = 0  # changes whenever rows, their order or their problems change
        self._headers = [
            self.tr("Name"),
            self.tr("Kommune"),
            self.tr("Status"),
            self.tr("Fortschreibung"),
            self.tr("Vermittlungen"),
            self.tr("Letzter Kontakt"),
            self.tr("Aktenzeichen"),
            self.tr("Fachkraft"),
            self.tr("Hinweise"),
        ]

    def set_rows(self, rows: list[CaseloadRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today or self.today
        self._rows = list(rows)
        # Lower-cased text the filter searches, computed once per refresh, not per keystroke.
        self._haystacks = [
            f"{r.client_name} {r.municipality} {enum_label(r.status)} {r.reference} "
            f"{r.caseworker_name} {r.search_text}".casefold()
            for r in self._rows
        ]
        self._compute_problems()
        self._permute(self._permutation(*self._sorted_by))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The rows in the order of `column`; selections and open indexes follow them."""
        self._sorted_by = (column, order)
        permutation = self._permutation(column, order)
        if permutation == list(range(len(permutation))):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        self._permute(permutation)
        new_row = {old: new for new, old in enumerate(permutation)}
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[i.row()], i.column()) if i.isValid() else i for i in persistent],
        )
        self.layoutChanged.emit()

    def _permutation(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Old row numbers in the new order (stable: equal keys keep their order)."""
        keys = [
            self._sort_key(row, column, problems)
            for row, problems in zip(self._rows, self._problems, strict=True)
        ]
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _permute(self, permutation: list[int]) -> None:
        self._rows = [self._rows[i] for i in permutation]
        self._haystacks = [self._haystacks[i] for i in permutation]
        self._problems = [self._problems[i] for i in permutation]
        self.version += 1

    def set_no_contact_weeks(self, weeks: int) -> None:
        if weeks == self.no_contact_weeks:
            return
        self.no_contact_weeks = weeks
        self._compute_problems()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def _compute_problems(self) -> None:
        self._problems = [problems_of(r, self.today, self.no_contact_weeks) for r in self._rows]
        self.version += 1

    def columns(self) -> tuple[list[CaseloadRow], list[str], list[Problem]]:
        """The rows, their search texts and problems, in the shown order (the filter)."""
        return self._rows, self._haystacks, self._problems

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def problems(self, row: int) -> Problem:
        return self._problems[row]

    def row_of_case(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.case_id == case_id), -1)

    def caseworkers(self) -> list[tuple[str, str, int]]:
        """(id, name, number of cases), by name: the choices of the caseworker filter."""
        counts = Counter(r.caseworker_id for r in self._rows)
        names = {r.caseworker_id: r.caseworker_name or r.caseworker_id[:8] for r in self._rows}
        return sorted(((i, names[i], n) for i, n in counts.items()), key=lambda c: c[1].casefold())

    def municipalities(self) -> list[tuple[str, int]]:
        counts = Counter(r.municipality for r in self._rows if r.municipality)
        return sorted(counts.items(), key=lambda c: c[0].casefold())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole title when the column is narrow
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None  # a view asks for ten roles per cell: most of them answered here
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, self._problems[index.row()])
        if role == SORT_ROLE:
            return self._sort_key(row, column, self._problems[index.row()])
        if role == ROW_ROLE:
            return row
        problems = self._problems[index.row()]
        late = (column == self.REVIEW and Problem.REVIEW_OVERDUE in problems) or (
            column == self.CONTACT and Problem.NO_CONTACT in problems
        )
        if role == Qt.ItemDataRole.ForegroundRole:
            if late:
                return QBrush(OVERDUE)
            if column == self.HINTS and problems:
                return QBrush(ATTENTION)
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(OVERDUE_BACKGROUND)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.HINTS
            and Problem.OPEN_COMMENT in problems
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, problems)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.REFERRALS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, row: CaseloadRow, column: int, problems: Problem) -> str | None:
        if column == self.REVIEW and Problem.REVIEW_OVERDUE in problems:
            return self.tr("Fortschreibung des Hilfeplans ist überfällig")
        if column == self.CONTACT and Problem.NO_CONTACT in problems:
            return self.tr("Seit mehr als %1 Wochen kein Kontakt").replace(
                "%1", str(self.no_contact_weeks)
            )
        if column == self.REFERRALS and row.stalled_referrals:
            return self.tr("%1 Vermittlung(en) ohne Bewegung seit Wochen").replace(
                "%1", str(row.stalled_referrals)
            )
        if column == self.HINTS and problems:
            return self._display(row, column, problems)
        return None

    def _hints(self, row: CaseloadRow, problems: Problem) -> str:
        hints = []
        if Problem.OPEN_COMMENT in problems:
            hints.append(
                self.tr("1 Kommentar")
                if row.open_comments == 1
                else self.tr("%1 Kommentare").replace("%1", str(row.open_comments))
            )
        if Problem.AWAITING_APPROVAL in problems:
            hints.append(self.tr("Freigabe offen"))
        if Problem.STALLED in problems:
            hints.append(self.tr("Vermittlung stockt"))
        return " · ".join(hints)

    def _display(self, row: CaseloadRow, column: int, problems: Problem) -> str:
        if column == self.NAME:
            return row.client_name
        if column == self.MUNICIPALITY:
            return row.municipality
        if column == self.STATUS:
            return enum_label(row.status)
        if column == self.REVIEW:
            text = format_date(row.next_review_on)
            return f"{text} ⚠" if Problem.REVIEW_OVERDUE in problems else text
        if column == self.REFERRALS:
            return str(row.open_referrals) if row.open_referrals else ""
        if column == self.CONTACT:
            if Problem.NO_CONTACT not in problems:
                return format_date(row.last_contact_on)
            never = self.tr("keiner")
            return f"{format_date(row.last_contact_on) or never} ⚠"
        if column == self.CASEWORKER:
            return row.caseworker_name
        if column == self.HINTS:
            return self._hints(row, problems)
        return row.reference

    def _sort_key(self, row: CaseloadRow, column: int, problems: Problem):
        if column == self.REVIEW:
            return (row.next_review_on or date.max).toordinal()
        if column == self.CONTACT:
            return (row.last_contact_on or date.min).toordinal()
        if column == self.REFERRALS:
            return row.open_referrals
        if column == self.HINTS:  # most urgent first when sorted descending
            return (
                row.open_comments * 4
                + bool(row.awaiting_approval) * 2
                + bool(row.stalled_referrals)
            )
        return self._display(row, column, problems).casefold()


class CaseloadFilter(QSortFilterProxyModel):
    """Every typed word must appear in name, municipality, status, reference or the
    caseworker's name; and the row must match the chosen caseworker, municipality and
    every chosen problem.

    Which rows pass is worked out once per change, in one pass over the model's columns
    (sets of row objects); `filterAcceptsRow` only looks the row up. Sorting is the
    model's: the proxy keeps its order, so a change of the filter sorts nothing."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._caseworker: str | None = None
        self._municipality: str | None = None
        self._problems = Problem(0)
        self._rows: list[CaseloadRow] = []  # the model's, as of `_version`
        self._base: set[int] = set()  # ids of the rows the filters but the problems pass
        self._passing: set[int] = set()  # ... and the problems too
        self._version = -1
        self._model: CaseloadModel | None = None
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def _change(self, apply) -> None:
        self.beginFilterChange()
        apply()
        self._version = -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_caseworker(self, caseworker_id: str | None) -> None:
        if caseworker_id != self._caseworker:
            self._change(lambda: setattr(self, "_caseworker", caseworker_id))

    def set_municipality(self, name: str | None) -> None:
        if name != self._municipality:
            self._change(lambda: setattr(self, "_municipality", name))

    def set_problems(self, problems: Problem) -> None:
        if problems != self._problems:
            self._change(lambda: setattr(self, "_problems", Problem(problems)))

    def refilter(self) -> None:
        """After the source computed its problems anew (another number of weeks)."""
        self._change(lambda: None)

    @property
    def active(self) -> bool:
        return bool(self._words or self._caseworker or self._municipality or self._problems)

    def _update(self) -> None:
        """The passing rows, worked out again (the filters or the model changed)."""
        model = self._model
        rows, haystacks, problems = model.columns()
        base = range(len(rows))
        if self._caseworker is not None:
            base = [i for i in base if rows[i].caseworker_id == self._caseworker]
        if self._municipality is not None:
            base = [i for i in base if rows[i].municipality == self._municipality]
        for word in self._words:
            base = [i for i in base if word in haystacks[i]]
        wanted = self._problems
        self._rows = rows
        self._base = {id(rows[i]) for i in base}
        self._passing = (
            {id(rows[i]) for i in base if problems[i] & wanted == wanted} if wanted else self._base
        )
        self._version = model.version

    def setSourceModel(self, model: CaseloadModel) -> None:
        self._model = model  # asked 5,000 times per keystroke: no call into Qt for it
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._version != self._model.version:
            self._update()
        return id(self._rows[source_row]) in self._passing

    def problem_counts(self) -> dict[Problem, int]:
        """How many rows have each problem, among those the other filters let through:
        the figures next to the problem switches."""
        if self._version != self._model.version:
            self._update()
        rows, _haystacks, problems = self._model.columns()
        combinations = Counter(
            flags for row, flags in zip(rows, problems, strict=True)
            if flags and id(row) in self._base
        )  # fmt: skip
        counts = dict.fromkeys(Problem, 0)
        for flags, n in combinations.items():
            for problem in counts:
                if problem & flags:
                    counts[problem] += n
        return counts
