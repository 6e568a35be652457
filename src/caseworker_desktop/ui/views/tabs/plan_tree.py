"""The goals of a help plan as a tree: grouped by life area, with measures, who is
responsible, when due and the status; an entry carried over from the trauma consultation
shows only a lock until it is opened. The small columns shrink with the window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from ....domain import model as m
from ....domain.enums import EntryStatus, LifeArea
from ....services.help_plans import is_restricted
from ...i18n import enum_label, format_date
from ...widgets.elide import show_elided_text

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 20
DONE = {EntryStatus.ACHIEVED, EntryStatus.NOT_ACHIEVED, EntryStatus.DROPPED}


class PlanTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        show_elided_text(self)
        self.setObjectName("plan_tree")
        self.setColumnCount(5)
        self.setHeaderLabels(
            [
                self.tr("Ziel"),
                self.tr("Maßnahmen"),
                self.tr("Verantwortlich"),
                self.tr("Fällig"),
                self.tr("Status"),
            ]
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.viewport().installEventFilter(self)
        self._fit_columns(760)

    def selected_entry(self) -> m.HelpPlanEntry | None:
        item = self.currentItem()
        return item.data(0, ENTRY_ROLE) if item is not None else None

    def fill(
        self,
        entries: list[m.HelpPlanEntry],
        revealed: dict[str, m.HelpPlanEntry],
        selected: m.HelpPlanEntry | None,
        today: date,
    ) -> None:
        """The entries by life area; `revealed`: restricted entries opened here (shown
        whole), `selected`: the entry to keep selected."""
        self.clear()
        for area in LifeArea:
            in_area = [e for e in entries if e.life_area is area]
            if not in_area:
                continue
            group = QTreeWidgetItem([f"{enum_label(area)} ({len(in_area)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in in_area:
                entry = revealed.get(entry.id, entry)
                hidden = is_restricted(entry) and entry.id not in revealed
                item = QTreeWidgetItem(
                    [
                        self.tr("🔒 Vertraulich (Traumasprechstunde)") if hidden else entry.goal,
                        "" if hidden else entry.measures,
                        entry.responsible,
                        format_date(entry.due_on),
                        enum_label(entry.status),
                    ]
                )
                item.setData(0, ENTRY_ROLE, entry)
                if hidden:
                    item.setToolTip(
                        0,
                        self.tr(
                            "Aus der Traumasprechstunde übernommen: Doppelklick zeigt den "
                            "Inhalt an (wird protokolliert)."
                        ),
                    )
                else:
                    item.setToolTip(0, entry.goal)
                    item.setToolTip(1, entry.measures)
                if entry.status in DONE:
                    item.setForeground(0, QBrush(QColor("#777")))
                elif entry.due_on and entry.due_on < today:
                    item.setForeground(3, QBrush(QColor("#b03a2e")))
                group.addChild(item)
                if selected and entry.id == selected.id:
                    self.setCurrentItem(item)
        self.expandAll()
        if not entries:
            hint = QTreeWidgetItem([self.tr("Noch keine Ziele – mit „Ziel hinzufügen“ beginnen.")])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(hint)
            hint.setFirstColumnSpanned(True)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """Goal and measures get the room; the small columns shrink with the window
        (a 1366 px screen with the caseload beside it), never below readable."""
        for col, share, least, most in ((2, 0.16, 98, 140), (3, 0.11, 80, 90), (4, 0.15, 108, 120)):
            self.setColumnWidth(col, max(least, min(most, int(width * share))))
