"""a case closed as a duplicate names the case it was merged into

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("merged_into_id", sa.Text(), nullable=True))
        batch.create_index("ix_case_file_merged_into_id", ["merged_into_id"])


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_index("ix_case_file_merged_into_id")
        batch.drop_column("merged_into_id")
