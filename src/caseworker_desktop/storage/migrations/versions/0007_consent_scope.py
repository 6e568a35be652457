"""consents with a recipient and a validity: to whom, until when

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Consents recorded before keep no recipient and no end: they read as before.
    with op.batch_alter_table("consent_record") as batch:
        batch.add_column(sa.Column("recipient", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("valid_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consent_record") as batch:
        batch.drop_column("valid_until")
        batch.drop_column("recipient")
