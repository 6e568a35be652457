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
from . import keyed_sql
from . import schema as s
from .scoping import Scope, ref

MARKER = m.DataMarker.table
MARKER_FIELDS = [f.name for f in dataclasses.fields(m.DataMarker) if f.name != "id"]


class Restrictions:
    """The markers of the clients whose cases `changes` touch, read with a query for the
    cases' clients and one for their markers (a query per client was a third of a push)."""

    def __init__(self, conn: sa.Connection, scope: Scope, changes: list[Change]):
        self.conn, self.scope = conn, scope
        self._client_of_case: dict[str, str | None] = {}
        # client -> (marker, (clock of its making, clock of its lifting or None))
        self._markers: dict[str, list[tuple[m.DataMarker, tuple[str, str | None]]]] = {}
        cases = {scope.case.get((c.table, c.row_id)) for c in changes if c.table != MARKER}
        cases.discard(None)
        self._load_clients(cases)
        self._load_markers({c for c in self._client_of_case.values() if c})

    def reason(self, change: Change) -> str | None:
        if change.table == MARKER:
            return None
        case_id = self.scope.case.get((change.table, change.row_id))
        client = self._client_of_case.get(case_id) if case_id else None
        if client is None:
            return None
        markers = self._markers.get(client)
        if not markers:  # nearly every client: nothing restricted
            return None
        in_force = [
            marker for marker, (made, lifted) in markers
            if made < change.hlc and (lifted is None or lifted > change.hlc)
        ]  # fmt: skip
        return restriction_reason(in_force, change.table, [change.field], None)

    def _load_clients(self, cases: set[str]) -> None:
        unknown = []
        for case_id in cases:
            value = self.scope.value(("case_file", case_id), "client_id")
            if value is None:
                unknown.append(case_id)
            self._client_of_case[case_id] = ref(value)
        sql = (
            "SELECT row_id, value FROM field_state"
            " WHERE table_name = 'case_file' AND field = 'client_id' AND row_id IN"
        )
        for case_id, value in keyed_sql.select_in(self.conn, sql, sorted(unknown)):
            self._client_of_case[case_id] = ref(value)

    def _load_markers(self, clients: set[str]) -> None:
        ids: dict[str, set[str]] = {client: set() for client in clients}
        sql = (
            f"SELECT row_id, value FROM field_state"
            f" WHERE table_name = '{MARKER}' AND field = 'client_id' AND value IN"
        )
        for row_id, value in keyed_sql.select_in(
            self.conn, sql, sorted(json.dumps(c) for c in clients)
        ):
            ids[json.loads(value)].add(row_id)
        for (table, row), fields in self.scope.latest.items():
            client = ref(fields.get("client_id", ("", ""))[1]) if table == MARKER else None
            if client in ids:
                ids[client].add(row)
        for client, rows in ids.items():
            self._markers[client] = [marker for row_id in sorted(rows)
                                     if (marker := self._marker(row_id))]  # fmt: skip

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

    def _marker(self, row_id: str) -> tuple[m.DataMarker, tuple[str, str | None]] | None:
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
            return None
        lifted = clocks.get("lifted_on") if marker.lifted_on is not None else None
        return marker, (clocks.get("kind", ""), lifted)
