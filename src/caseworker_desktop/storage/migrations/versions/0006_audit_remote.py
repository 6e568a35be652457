"""other people's audit events about this laptop's cases

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_remote",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_remote")),
    )
    op.create_index("ix_audit_remote_entity_id", "audit_remote", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_remote_entity_id", "audit_remote")
    op.drop_table("audit_remote")
