"""What a transaction writes beside its records — change-log rows, audit events, field
clocks — held back and written at once, one executemany per table, when the transaction
commits or before anyone reads those tables (#18: a bulk import or the demo data wrote
them a few rows at a time, eight statements per record).

The records themselves are written at once (the services read them back); these three
tables are only read by sync, the audit views and purging, which go through
`Tx.conn` and so see everything staged. Rows keep their order: the change log's and the
audit trail's sequence numbers come out as if each had been written on its own."""

from __future__ import annotations

import sqlalchemy as sa

from . import audit, clocks
from .changelog import INSERT_CHANGE, change_rows

MAX_STAGED = 50_000  # change-log rows held at most (a long import: memory stays bounded)


class Staged:
    def __init__(self, conn: sa.Connection, audit_key: bytes):
        self._conn = conn
        self._audit_key = audit_key
        self._changes: list[tuple] = []
        self._audits: list[tuple] = []
        self._clocks: dict[clocks.Key, clocks.Clocks] = {}
        self._head: str | None = None  # the audit chain's head, staged events included

    def changes(self, table: str, row_id: str, fields: dict[str, object], *, hlc: str,
                device_id: str) -> None:  # fmt: skip
        """Outbox rows for the changed fields of one row; each field's clock becomes `hlc`,
        and each row names the clock the field had (its base)."""
        if not fields:
            return
        key = (table, row_id)
        before = self._clocks.get(key)
        if before is None:
            before = clocks.read(self._conn, table, row_id)
        self._clocks[key] = before | dict.fromkeys(fields, hlc)
        self._changes.extend(change_rows(table, row_id, fields, hlc, before, device_id))
        if len(self._changes) >= MAX_STAGED:
            self.flush()

    def audit(self, **event) -> None:
        """One audit event, linked to the chain's head (staged events included)."""
        if self._head is None:
            self._head = audit.last_audit_hash(self._conn)
        row, self._head = audit.event_row(key=self._audit_key, prev_hash=self._head, **event)
        self._audits.append(row)

    def discard(self, head: str | None) -> None:
        """Forget what is staged (the savepoint it was written in was rolled back)."""
        self._changes.clear()
        self._audits.clear()
        self._clocks.clear()
        self._head = head

    @property
    def head(self) -> str | None:
        return self._head

    def flush(self) -> None:
        if self._changes:
            self._conn.exec_driver_sql(INSERT_CHANGE, self._changes)
        if self._audits:
            self._conn.exec_driver_sql(audit.INSERT_AUDIT, self._audits)
        clocks.write(self._conn, self._clocks)
        self.discard(self._head)
