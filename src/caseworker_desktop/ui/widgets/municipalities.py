"""A button that opens a list of the district's municipalities to tick: several at once
(the menu stays open while ticking), or all. Its text says what is chosen."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton


class _StayOpenMenu(QMenu):
    """Ticking a municipality keeps the menu open, so that several can be chosen."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MunicipalityChooser(QToolButton):
    chosen_changed = Signal(list)  # municipality ids, sorted; empty: all

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(170)
        self.menu_ = _StayOpenMenu(self)
        self.menu_.aboutToHide.connect(self._closed)
        self.setMenu(self.menu_)
        self._names: dict[str, str] = {}  # id -> name
        self._chosen: set[str] = set()
        self._show()

    def chosen(self) -> set[str]:
        return set(self._chosen)

    def set_places(self, municipalities: Iterable) -> None:
        """The municipalities to choose from (records with id and name)."""
        menu = self.menu_
        menu.clear()
        self._names = {}
        everything = QAction(QCoreApplication.translate("ReportView", "Alle Kommunen"), menu)
        everything.triggered.connect(self._all)
        menu.addAction(everything)
        menu.addSeparator()
        for mu in municipalities:
            self._names[mu.id] = mu.name
            action = QAction(mu.name, menu)
            action.setCheckable(True)
            action.setData(mu.id)
            action.setChecked(mu.id in self._chosen)
            menu.addAction(action)
        self._show()

    def set_chosen(self, ids: Iterable[str]) -> None:
        """Tick these (empty: all), without telling anyone."""
        self._chosen = set(ids)
        for action in self.menu_.actions():
            if action.data():
                action.setChecked(action.data() in self._chosen)
        self._show()

    def _all(self) -> None:
        for action in self.menu_.actions():
            if action.isCheckable():
                action.setChecked(False)
        self.menu_.close()

    def _closed(self) -> None:
        chosen = {action.data() for action in self.menu_.actions() if action.isChecked()}
        if chosen != self._chosen:
            self.set_chosen(chosen)
            self.chosen_changed.emit(sorted(chosen))

    def _show(self) -> None:
        names = sorted(self._names.get(i, "") for i in self._chosen)
        if not names:
            text = QCoreApplication.translate("ReportView", "Alle Kommunen")
        elif len(names) == 1:
            text = names[0]
        else:
            text = QCoreApplication.translate("ReportView", "%1 Kommunen").replace(
                "%1", str(len(names))
            )
        self.setText(text)
        self.setToolTip(", ".join(names) or text)
