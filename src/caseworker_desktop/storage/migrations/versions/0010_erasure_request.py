"""a person's request for erasure (GDPR Art. 17) and the team lead's confirmation

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("erasure_requested_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("erasure_confirmed_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("erasure_confirmed_by")
        batch.drop_column("erasure_requested_on")
