"""Restriction and disputed data (Art. 18 DSGVO, § 84 SGB X) in the master data: the
markers with what they are on, since when and why; set a new one, lift one."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ....domain import model as m
from ....domain.enums import MarkerKind
from ...dialogs.marker import MarkerDialog, marked_field_name
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .record_box import RecordListBox

KIND_COLOURS = {MarkerKind.RESTRICTED: QColor("#b03a2e"), MarkerKind.DISPUTED: QColor("#9a5b00")}


class MarkersBox(RecordListBox):
    def __init__(self, session: Session, parent=None):
        super().__init__(self.tr("Einschränkung und Widerspruch"), session, parent)

        def since(mk: m.DataMarker) -> str:
            if mk.lifted_on:
                return self.tr("aufgehoben am %1").replace("%1", format_date(mk.lifted_on))
            return self.tr("seit %1").replace("%1", format_date(mk.set_on))

        self.setup(
            [
                Column(
                    self.tr("Art"),
                    lambda mk: enum_label(mk.kind),
                    colour=lambda mk: KIND_COLOURS[mk.kind] if not mk.lifted_on else None,
                ),
                Column(self.tr("Betrifft"), lambda mk: marked_field_name(mk.field)),
                Column(self.tr("Stand"), since),
                Column(self.tr("Grund"), lambda mk: mk.reason, tooltip=lambda mk: mk.reason),
            ],
            "markers_table",
            80,
            add=(self.tr("Kennzeichnen …"), "add_marker"),
            end=(self.tr("Aufheben"), "lift_marker"),
        )
        self.lift_button = self.end_button

    def may_end(self, marker: m.DataMarker) -> bool:
        return marker.lifted_on is None

    def add(self) -> None:
        if self.client_id is None:
            return
        client_id, clients = self.client_id, self.session.services.clients
        self.dialog = run_form(
            self.session,
            MarkerDialog(self.session.clock.today(), self),
            lambda v: clients.mark(client_id, v["kind"], v["reason"], v["field"], v["on"]),
            lambda _marker: self.changed.emit(),
        )

    def end(self) -> None:
        self.lift()

    def lift(self) -> None:
        marker = self.selected()
        if marker is None or marker.lifted_on is not None:
            return
        clients = self.session.services.clients
        self.session.call(
            lambda: clients.lift_marker(marker.id),
            lambda _m: self.changed.emit(),
            title=self.tr("Aufheben"),
            parent=self,
        )
