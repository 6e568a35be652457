"""The page "Wiedervorlagen": what is due in the open cases, as overdue, today and this week
(services/follow_ups.py); a double click opens the case. The team lead sees what is
overdue in the team. Appointments can be saved as a calendar file (.ics), without client
names unless chosen. A count of what is overdue and due today sits in the status bar."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...services import follow_ups as fu
from ...services.follow_ups import FollowUpList

CASE_ROLE = Qt.ItemDataRole.UserRole


class FollowUpView(QWidget):
    case_requested = Signal(str)
    counted = Signal(int, int)  # overdue, due today

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.team_lead = session.user.role is Role.TEAM_LEAD
        self.due: FollowUpList | None = None
        self._filled = False  # the list shows self.due
        self._opening: str | None = None
        self.kinds = {
            fu.REVIEW: self.tr("Fortschreibung des Hilfeplans"),
            fu.GOAL: self.tr("Ziel fällig"),
            fu.COURSE: self.tr("Kursbeginn"),
            fu.CONSULTATION: self.tr("Termin Traumasprechstunde"),
            fu.CONSENT: self.tr("Einwilligung läuft ab"),
            fu.REMINDER: self.tr("Wiedervorlage"),
        }
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr("Überfällig im Team (alle Fälle dieser Falldatei):")
            if self.team_lead
            else self.tr(
                "Fällig in Ihren offenen Fällen: Fortschreibungen, Ziele, Kursbeginne, "
                "Termine der Traumasprechstunde und ablaufende Einwilligungen. Doppelklick "
                "öffnet den Fall."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("follow_ups")
        columns = [self.tr("Fällig am"), self.tr("Was"), self.tr("Klient:in"),
                   self.tr("Aktenzeichen")]  # fmt: skip
        if self.team_lead:
            columns.append(self.tr("Fachkraft"))
        self.tree.setHeaderLabels(columns)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._open)
        self.tree.itemActivated.connect(self._open)  # Enter (and a double click on some styles)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.with_names = QCheckBox(self.tr("mit Namen der Klient:innen"))
        self.with_names.setObjectName("ics_with_names")
        self.export_button = QPushButton(self.tr("Termine als Kalenderdatei (.ics) …"))
        self.export_button.setObjectName("ics_export")
        self.export_button.clicked.connect(self.export_calendar)
        self.status = QLabel()
        self.done_button = QPushButton(self.tr("Erledigt"))
        self.done_button.setObjectName("reminder_done")
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button = QPushButton(self.tr("Eine Woche später"))
        self.snooze_button.setObjectName("reminder_snooze")
        self.snooze_button.clicked.connect(self.snooze)
        for button in (self.done_button, self.snooze_button):
            button.setEnabled(False)
            button.setToolTip(self.tr("Für Wiedervorlagen, die von Hand gesetzt wurden"))
            row.addWidget(button)
        self.tree.currentItemChanged.connect(self._selected)
        row.addWidget(self.export_button)
        row.addWidget(self.with_names)
        row.addStretch(1)
        row.addWidget(self.status)
        layout.addLayout(row)
        if self.team_lead:
            self.export_button.hide()
            self.with_names.hide()
        self._timer = QTimer(self)  # many changes at once (a sync): one refresh
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        session.records_changed.connect(lambda *_: self._timer.start())

    def refresh(self) -> None:
        everyone = self.team_lead
        self.session.call(lambda: self.session.services.follow_ups.due(everyone=everyone),
                          self._show)  # fmt: skip

    def _show(self, due: FollowUpList) -> None:
        """The count at once (the status bar's); the list when the page is on screen: at
        the start it is not, and thousands of entries held up the first clicks."""
        self.due = due
        counts = due.counts()
        self.counted.emit(counts["overdue"], 0 if self.team_lead else counts["today"])
        self._filled = False
        if self.isVisible():
            self._fill()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._filled and self.due is not None:
            self._fill()

    def _fill(self) -> None:
        self._filled = True
        due = self.due
        self.tree.clear()
        titles = {"overdue": self.tr("Überfällig"), "today": self.tr("Heute"),
                  "week": self.tr("Diese Woche")}  # fmt: skip
        for bucket, title in titles.items():
            items = due.of(bucket)
            if self.team_lead and bucket != "overdue":
                continue
            group = QTreeWidgetItem([f"{title} ({len(items)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            if bucket == "overdue" and items:
                group.setForeground(0, QColor("#b03a2e"))
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # spans only once the item is in the tree
            children = []
            for item in items:
                kind, detail = self.kinds[item.kind], item.detail
                if item.kind not in (fu.GOAL, fu.REMINDER):  # a course type or consent kind
                    detail = QCoreApplication.translate("Label", detail)
                what = f"{kind}: {detail}" if detail else kind
                cells = [f"{item.due_on:%d.%m.%Y}", what, item.client_name, item.reference]
                if self.team_lead:
                    cells.append(item.caseworker)
                child = QTreeWidgetItem(cells)
                child.setData(0, CASE_ROLE, item.case_id)
                child.setData(1, CASE_ROLE, item.reminder_id)
                for column, text in enumerate(cells):
                    child.setToolTip(column, text)
                children.append(child)
            group.addChildren(children)  # at once: 60 instead of 70 ms for 4,000
            group.setExpanded(True)
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), 360))

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, CASE_ROLE)
        if case_id and case_id != self._opening:  # both signals of one double click: once
            self._opening = case_id
            QTimer.singleShot(0, lambda: setattr(self, "_opening", None))
            self.case_requested.emit(case_id)

    def _reminder(self) -> str:
        item = self.tree.currentItem()
        return (item.data(1, CASE_ROLE) or "") if item is not None else ""

    def _selected(self, *_args) -> None:
        mine = bool(self._reminder()) and not self.team_lead
        self.done_button.setEnabled(mine)
        self.snooze_button.setEnabled(mine)

    def mark_done(self) -> None:
        if reminder := self._reminder():
            self.session.call(lambda: self.session.services.follow_ups.done(reminder))

    def snooze(self) -> None:
        if reminder := self._reminder():
            until = self.session.clock.today() + timedelta(days=7)
            self.session.call(lambda: self.session.services.follow_ups.snooze(reminder, until))

    def export_calendar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Termine als Kalenderdatei speichern"),
            str(Path.home() / "Termine.ics"),
            self.tr("Kalenderdateien (*.ics)"),
        )
        if not path:
            return
        target, with_names = Path(path), self.with_names.isChecked()
        self.session.call(
            lambda: self.session.services.follow_ups.export_ics(target, with_names=with_names),
            lambda count: self.status.setText(
                self.tr("%1 Termine gespeichert: %2").replace("%1", str(count))
                .replace("%2", target.name)
            ),
        )  # fmt: skip
