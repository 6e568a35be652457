"""The main window's status bar: the network state, the changes not sent yet, the
follow-ups due, the sync inbox's buttons (conflicts, refused changes), a busy note and the
user. It says what it is told; the window connects it to the session and the sync."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .session import Session
from .sync_inbox import SyncInbox


class StatusBar(QStatusBar):
    def __init__(self, session: Session, window: QWidget):
        super().__init__(window)
        self.network = QLabel(self.tr("● Offline – kein Server eingerichtet"))
        self.network.setObjectName("network_state")
        self.network.setStyleSheet("color: #7f8c8d;")
        self.unsynced = QLabel()
        self.unsynced.setObjectName("unsynced_count")
        self.busy = QLabel(self.tr("Arbeitet …"))
        self.busy.hide()
        self.due_count = QLabel()
        self.due_count.setObjectName("follow_up_count")
        self.addWidget(self.network)
        self.addWidget(self.unsynced)
        self.addWidget(self.due_count)
        self.inbox = SyncInbox(session, window)  # its dialogs belong to the window
        self.addWidget(self.inbox.conflicts_button)
        self.addWidget(self.inbox.refused_button)
        self.addWidget(self.busy)
        self.addPermanentWidget(QLabel(session.user.display_name))

    def show_network_state(self, text: str, colour: str) -> None:
        self.network.setText(text)
        self.network.setStyleSheet(f"color: {colour};")
        self.network.setToolTip("")

    def show_notice(self, message: str) -> None:
        """A longer word from sync (a clock that is off): shown a while and on hover."""
        self.network.setToolTip(message)
        self.showMessage(message, 20_000)

    def show_due(self, overdue: int, today: int) -> None:
        self.due_count.setText(
            self.tr("Wiedervorlagen: %1 überfällig, %2 heute")
            .replace("%1", str(overdue)).replace("%2", str(today))
            if overdue or today else ""
        )  # fmt: skip

    def show_unsynced(self, count: int) -> None:
        if count == 0:
            text = self.tr("Alle Änderungen gesendet")
        elif count == 1:
            text = self.tr("1 ungesendete Änderung")
        else:
            text = self.tr("%1 ungesendete Änderungen").replace("%1", QLocale().toString(count))
        self.unsynced.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
