"""markers of restricted processing and disputed data (GDPR Art. 18, § 84 SGB X)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_marker",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_on", sa.Date(), nullable=False),
        sa.Column("lifted_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_data_marker_client_id", "data_marker", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_data_marker_client_id", "data_marker")
    op.drop_table("data_marker")
