"""field clocks one row per record instead of one per field, and whether the row was sent

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "row_clock",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(32), nullable=False),
        sa.Column("clocks", sa.Text(), nullable=False),
        sa.Column("sent", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_row_clock")),
        sqlite_with_rowid=False,
    )
    # {"<hlc>": [fields holding it], ...} per row (storage/clocks.py)
    op.execute(
        "INSERT INTO row_clock (table_name, row_id, clocks)"
        " SELECT table_name, row_id, json_group_object(hlc, json(fields)) FROM"
        " (SELECT table_name, row_id, hlc, json_group_array(field) AS fields"
        "  FROM field_clock GROUP BY table_name, row_id, hlc)"
        " GROUP BY table_name, row_id"
    )
    # Sent: something of it reached the office (a change acknowledged), or it came from
    # there (no change of its own written here).
    op.execute(
        "UPDATE row_clock SET sent = 1 WHERE EXISTS (SELECT 1 FROM change_log c"
        " WHERE c.table_name = row_clock.table_name AND c.row_id = row_clock.row_id"
        " AND c.pushed = 1) OR NOT EXISTS (SELECT 1 FROM change_log c"
        " WHERE c.table_name = row_clock.table_name AND c.row_id = row_clock.row_id)"
    )
    op.drop_table("field_clock")


def downgrade() -> None:
    op.create_table(
        "field_clock",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(32), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name=op.f("pk_field_clock")),
    )
    op.execute(
        "INSERT INTO field_clock (table_name, row_id, field, hlc)"
        " SELECT r.table_name, r.row_id, f.value, s.key"
        " FROM row_clock r, json_each(r.clocks) s, json_each(s.value) f"
    )
    op.drop_table("row_clock")
