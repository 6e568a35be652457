"""The other people of the client's household in the master data: name, relation to the
reference person, age, and a button that opens their file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ....services import HouseholdMember
from ...i18n import enum_label


class HouseholdMembersList(QWidget):
    open_case = Signal(str)  # the case id of the member whose file the user opens

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.buttons: dict[str, QPushButton] = {}  # client id -> its open button
        self.none = QLabel(self.tr("keine"), self)  # a parent: never a window of its own
        self.grid.addWidget(self.none, 0, 0)

    def age_text(self, age: int | None) -> str:
        return (
            self.tr("Alter unbekannt") if age is None else self.tr("%1 J.").replace("%1", str(age))
        )

    def show_members(self, members: list[HouseholdMember]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None and item.widget() is not self.none:
                item.widget().deleteLater()
        self.buttons.clear()
        self.grid.addWidget(self.none, 0, 0)
        self.none.setVisible(not members)
        for row, member in enumerate(members):
            name = QLabel(member.client.full_name)
            name.setObjectName(f"member_name_{row}")
            name.setWordWrap(True)
            details = QLabel(f"{enum_label(member.relationship)} · {self.age_text(member.age)}")
            details.setObjectName(f"member_details_{row}")
            details.setStyleSheet("color: #555;")
            details.setWordWrap(True)
            button = QPushButton(self.tr("Akte öffnen"))
            button.setObjectName(f"open_member_{row}")
            button.setToolTip(
                self.tr("Die Akte von %1 öffnen").replace("%1", member.client.full_name)
                if member.case_id
                else self.tr("Keine Akte dieser Person auf diesem Laptop")
            )
            button.setEnabled(member.case_id is not None)
            if member.case_id:
                case_id = member.case_id
                button.clicked.connect(lambda _checked=False, c=case_id: self.open_case.emit(c))
            # two lines per person beside their button: narrow enough for the side column
            self.grid.addWidget(name, 2 * row, 0)
            self.grid.addWidget(details, 2 * row + 1, 0)
            self.grid.addWidget(button, 2 * row, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
            self.buttons[member.client.id] = button
