"""refused changes, quarantined pulled values, handover conflicts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refused_change",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("refused_at", sa.DateTime(), nullable=False),
        sa.Column("change_id", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("handed_to", sa.String(length=32), nullable=True),
        sa.Column("case_id", sa.String(length=32), nullable=True),
        sa.Column("case_reference", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_refused_change")),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_quarantine")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=32), nullable=False, server_default="text")
        )
        batch_op.add_column(sa.Column("handed_over_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_column("handed_over_by")
        batch_op.drop_column("kind")
    op.drop_table("sync_quarantine")
    op.drop_table("refused_change")
