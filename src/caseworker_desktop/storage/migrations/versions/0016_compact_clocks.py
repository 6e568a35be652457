"""field clocks name their fields by bit (storage/clocks.py) instead of by name; contact
notes lose their index of case_id alone (ix_contact_note_case_contact leads with it)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

import orjson
from alembic import op

from caseworker_desktop.storage import clocks

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_BATCH = 5_000


def _rewrite(encode) -> None:
    """Every row's clocks read (either form) and written again by `encode`, a batch at a
    time in key order (a team lead's file has hundreds of thousands of rows)."""
    conn = op.get_bind()
    last = ("", "")
    while True:
        batch = conn.exec_driver_sql(
            "SELECT table_name, row_id, clocks FROM row_clock WHERE (table_name, row_id) > (?, ?)"
            f" ORDER BY table_name, row_id LIMIT {_BATCH}",
            last,
        ).all()
        if not batch:
            return
        conn.exec_driver_sql(
            "UPDATE row_clock SET clocks = ? WHERE table_name = ? AND row_id = ?",
            [(encode(t, clocks.decode(t, text)), t, r) for t, r, text in batch],
        )
        last = (batch[-1][0], batch[-1][1])


def _by_name(_table: str, held: clocks.Clocks) -> str:
    """The form of 0015: each stamp with the names of its fields."""
    by_stamp: dict[str, list[str]] = {}
    for field, stamp in held.items():
        by_stamp.setdefault(stamp, []).append(field)
    return orjson.dumps(by_stamp).decode()


def upgrade() -> None:
    _rewrite(clocks.encode)
    op.drop_index("ix_contact_note_case_id", table_name="contact_note")


def downgrade() -> None:
    op.create_index("ix_contact_note_case_id", "contact_note", ["case_id"])
    _rewrite(_by_name)
