"""Restricted processing (Art. 18 DSGVO) at the office: a push that would change a person's
restricted data is refused like on the laptop (domain.markers). What counts is the order of
the writes (their clocks): a change written after the restriction and before it was lifted
is refused; what was written before it (the registration in the same push) is not. The
markers are read as the batch leaves them."""

from __future__ import annotations

import dataclasses
import json

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import InvalidValue, decode_value
from ..domain.markers import restriction_reason
from ..sync.protocol import Change
from . import schema as s
from .scoping import Scope, ref

MARKER = m.DataMarker.table
MARKER_FIELDS = [f.name for f in dataclasses.fields(m.DataMarker) if f.name != "id"]


class Restrictions:
    def __init__(self, conn: sa.Connection, scope: Scope):
        self.conn, self.scope = conn, scope
        self._client_of_case: dict[str, str | None] = {}
        # client -> (marker, (clock of its making, clock of its lifting or None))
        self._markers: dict[str, list[tuple[m.DataMarker, tuple[str, str | None]]]] = {}

    def reason(self, change: Change) -> str | None:
        if change.table == MARKER:
            return None
        case_id = self.scope.case.get((change.table, change.row_id))
        client = self._client(case_id) if case_id else None
        if client is None:
            return None
        markers = self._markers_of(client)
        if not markers:  # nearly every client: nothing restricted
            return None
        in_force = [
            marker for marker, (made, lifted) in markers
            if made < change.hlc and (lifted is None or lifted > change.hlc)
        ]  # fmt: skip
        return restriction_reason(in_force, change.table, [change.field], None)

    def _client(self, case_id: str) -> str | None:
        if case_id not in self._client_of_case:
            value = self.scope.value(("case_file", case_id), "client_id") or self._stored(
                ("case_file", case_id), "client_id"
            )
            self._client_of_case[case_id] = ref(value)
        return self._client_of_case[case_id]

    def _stored(self, key: tuple[str, str], field: str) -> str | None:
        found = self._stamped(key, field)
        return found[1] if found else None

    def _stamped(self, key: tuple[str, str], field: str) -> tuple[str, str] | None:
        """(clock, value) of a field as this batch leaves it."""
        batch = self.scope.latest.get(key, {}).get(field)
        fs = s.field_state
        row = self.conn.execute(
            sa.select(fs.c.hlc, fs.c.value).where(
                fs.c.table_name == key[0], fs.c.row_id == key[1], fs.c.field == field
            )
        ).first()
        candidates = [c for c in (batch, tuple(row) if row else None) if c]
        return max(candidates) if candidates else None

    def _markers_of(self, client: str) -> list[tuple[m.DataMarker, tuple[str, str | None]]]:
        if client in self._markers:
            return self._markers[client]
        fs = s.field_state
        ids = set(
            self.conn.execute(
                sa.select(fs.c.row_id).where(
                    fs.c.table_name == MARKER,
                    fs.c.field == "client_id",
                    fs.c.value == json.dumps(client),
                )
            ).scalars()
        )
        ids |= {
            row for (table, row), fields in self.scope.latest.items()
            if table == MARKER and ref(fields.get("client_id", ("", ""))[1]) == client
        }  # fmt: skip
        markers = []
        for row_id in sorted(ids):
            values, clocks = {}, {}
            for name in MARKER_FIELDS:
                found = self._stamped((MARKER, row_id), name)
                if found is not None:
                    clocks[name] = found[0]
                    try:
                        values[name] = decode_value(m.DataMarker, name, found[1])
                    except InvalidValue:
                        continue
            try:
                marker = m.DataMarker(id=row_id, **values)
            except TypeError:  # incomplete: not a marker yet
                continue
            lifted = clocks.get("lifted_on") if marker.lifted_on is not None else None
            markers.append((marker, (clocks.get("kind", ""), lifted)))
        self._markers[client] = markers
        return markers
