"""What sync leaves for the user, in the status bar: open conflicts and handovers (one
button: the next one opens), and the "nicht übernommen" list (changes the office refused,
values this laptop could not hold)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ..domain.enums import ConflictKind
from .dialogs.conflict import ConflictDialog
from .dialogs.handover import HandoverDialog
from .dialogs.refused import RefusedDialog
from .session import Session


class SyncInbox(QObject):
    """Lives in the window (its Qt parent). It keeps no Python reference to the window: a
    cycle would leave the window to Python's garbage collector, which may run on a worker
    thread, and a widget must be deleted on the GUI thread."""

    resolved = Signal()  # a conflict or handover was settled: the client file may change

    def __init__(self, session: Session, window: QWidget):
        super().__init__(window)
        self.session = session
        self.open_conflicts: list = []
        self.dialog = None
        self.conflicts_button = self._button("conflicts_button", self.resolve_next_conflict)
        self.refused_button = self._button("refused_button", self.show_refused)

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setFlat(True)
        button.setStyleSheet("color: #b03a2e; font-weight: bold;")
        button.clicked.connect(slot)
        button.hide()
        return button

    def refresh(self) -> None:
        services = self.session.services
        self.session.call(services.conflicts, self._show_conflicts)
        self.session.call(services.inbox.inbox_count, self._show_refused_count)

    def _show_conflicts(self, conflicts) -> None:
        self.open_conflicts = conflicts
        if conflicts:
            self.conflicts_button.setText(
                self.tr("⚠ %1 Konflikt(e) lösen").replace("%1", str(len(conflicts)))
            )
        self.conflicts_button.setVisible(bool(conflicts))

    def _show_refused_count(self, count: int) -> None:
        self.refused_button.setText(self.tr("⚠ %1 nicht übernommen").replace("%1", str(count)))
        self.refused_button.setVisible(count > 0)

    # --- conflicts and handovers --------------------------------------------------------

    def resolve_next_conflict(self) -> None:
        if not self.open_conflicts:
            return
        services = self.session.services
        conflict_id = self.open_conflicts[0].id

        def show(opened) -> None:
            conflict, names = opened
            if conflict.kind is ConflictKind.HANDOVER:
                dialog = HandoverDialog(conflict, names, self.parent())
                dialog.taken.connect(self._take)
            else:
                dialog = ConflictDialog(conflict, self.parent())
                dialog.resolved.connect(self._resolve)
            self.dialog = dialog
            dialog.open()

        self.session.call(
            lambda: (services.inbox.open_conflict(conflict_id), services.reviews.user_names()),
            show,
        )

    def _resolve(self, conflict_id: str, text: str) -> None:
        services = self.session.services
        self.session.call(lambda: services.resolve_conflict(conflict_id, text), self._done)

    def _take(self, conflict_id: str, fields: list) -> None:
        services = self.session.services
        self.session.call(lambda: services.inbox.take_over(conflict_id, fields), self._done)

    def _done(self, _conflict) -> None:
        self.refresh()
        self.resolved.emit()

    # --- the "nicht übernommen" list ----------------------------------------------------

    def show_refused(self) -> None:
        inbox, reviews = self.session.services.inbox, self.session.services.reviews

        def show(lists) -> None:
            refused, quarantined, names = lists
            dialog = RefusedDialog(refused, quarantined, names, self.parent())
            dialog.dismissed.connect(self._dismiss)
            self.dialog = dialog
            dialog.open()

        self.session.call(
            lambda: (inbox.refused_changes(), inbox.quarantined_values(), reviews.user_names()),
            show,
        )

    def _dismiss(self, refused: list, quarantined: list) -> None:
        inbox = self.session.services.inbox
        self.session.call(lambda: inbox.dismiss(refused, quarantined), lambda _n: self.refresh())
