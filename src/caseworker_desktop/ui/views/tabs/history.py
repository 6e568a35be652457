"""History: who created, changed, viewed or printed what in this case (audit log)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ....domain.enums import AuditAction
from ....domain.labels import FIELD_LABELS_DE, TABLE_LABELS_DE
from ...i18n import enum_label
from ...models.records import Column
from ...session import Session
from .base import ListTab


def _fields(event) -> str:
    if event.action is not AuditAction.UPDATE:
        return ""
    return ", ".join(
        QCoreApplication.translate("Label", FIELD_LABELS_DE.get(name, name))
        for name in event.detail.split(",")
        if name
    )


class HistoryTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(self.tr("Zeitpunkt"), lambda e: _local(e.at)),
                Column(self.tr("Aktion"), lambda e: enum_label(AuditAction(e.action))),
                Column(
                    self.tr("Bereich"),
                    lambda e: QCoreApplication.translate(
                        "Label", TABLE_LABELS_DE.get(e.entity, e.entity)
                    ),
                ),
                Column(self.tr("Geänderte Felder"), _fields),
                Column(self.tr("Von"), lambda e: self._user(e.user_id)),
            ],
            self.tr("Noch kein Verlauf."),
            parent,
        )
        self.names: dict[str, str] = {}  # user id -> display name (the staff directory)
        for col, width in enumerate((140, 100, 170, 260)):
            self.table.setColumnWidth(col, width)

    def _user(self, user_id: str) -> str:
        user = self.session.user
        if user_id == user.id:
            return user.display_name
        return self.names.get(user_id) or self.tr("unbekannt (%1)").replace("%1", user_id[:8])

    def show_data(self, data) -> None:
        self.data = data

    def load(self, case_id: str) -> None:
        services = self.session.services
        self.session.call(
            lambda: (services.case_history(case_id), services.reviews.user_names()), self._show
        )

    def _show(self, loaded) -> None:
        events, self.names = loaded
        self.set_records(list(reversed(events)))


def _local(at) -> str:
    from datetime import UTC

    from ....clock import LOCAL_ZONE

    return at.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).strftime("%d.%m.%Y %H:%M")
