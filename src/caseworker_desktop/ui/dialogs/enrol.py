"""Enrol this laptop with the district office: server address and one-time code."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from .base import FormDialog


class EnrolDialog(FormDialog):
    def __init__(self, server_url: str = "", parent=None):
        super().__init__(
            self.tr("Beim Landratsamt anmelden"),
            parent,
            self.tr(
                "Den Einmalcode erhalten Sie von Ihrer Teamleitung oder der Administration. "
                "Er enthält den Fingerabdruck des Servers: das Gerät prüft damit, dass es "
                "wirklich mit dem Landratsamt spricht, bevor es etwas sendet. Danach gleicht "
                "es Ihre Fälle automatisch ab, sobald es online ist."
            ),
        )
        self.server = self.field("server", self.tr("Server"), QLineEdit(server_url))
        self.server.setPlaceholderText("https://im.landkreis.example")
        self.code = self.field("code", self.tr("Einmalcode"), QLineEdit())
        self.code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456")
        self.buttons.buttons()[0].setText(self.tr("Anmelden"))

    def values(self) -> dict:
        return {"server": self.server.text().strip(), "code": self.code.text().strip()}
