"""follow-ups the caseworker sets on a case (Wiedervorlagen)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("author_id", sa.Text(), nullable=True),
    )
    op.create_index("ix_reminder_case_id", "reminder", ["case_id"])
    op.create_index("ix_reminder_author_id", "reminder", ["author_id"])


def downgrade() -> None:
    op.drop_index("ix_reminder_author_id", table_name="reminder")
    op.drop_index("ix_reminder_case_id", table_name="reminder")
    op.drop_table("reminder")
