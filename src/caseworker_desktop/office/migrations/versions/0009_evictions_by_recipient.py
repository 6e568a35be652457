"""evictions found by their recipient: a partial index of the log's eviction entries by
the user they are for (a pull looked at every eviction ever written)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ONLY_EVICTIONS = sa.text("table_name = '__evict__'")


def upgrade() -> None:
    op.create_index(
        "ix_changes_evict",
        "changes",
        ["value", "seq"],
        sqlite_where=ONLY_EVICTIONS,
        postgresql_where=ONLY_EVICTIONS,
    )


def downgrade() -> None:
    op.drop_index("ix_changes_evict", table_name="changes")
