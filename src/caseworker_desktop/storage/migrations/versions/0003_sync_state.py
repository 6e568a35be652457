"""sync state: field clocks, pending rows, conflicts, base hlc

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflict",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=False),
        sa.Column("winner_hlc", sa.Text(), nullable=False),
        sa.Column("winner_device", sa.Text(), nullable=False),
        sa.Column("loser_value", sa.Text(), nullable=False),
        sa.Column("loser_hlc", sa.Text(), nullable=False),
        sa.Column("loser_device", sa.Text(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_row_id"), ["row_id"], unique=False)

    op.create_table(
        "field_clock",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name=op.f("pk_field_clock")),
    )
    op.create_table(
        "sync_pending",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", name=op.f("pk_sync_pending")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_hlc", sa.String(length=64), nullable=True))
    # Files written before: every field's clock is the newest change recorded for it.
    op.execute(
        "INSERT INTO field_clock (table_name, row_id, field, hlc) "
        "SELECT table_name, row_id, field, max(hlc) FROM change_log "
        "GROUP BY table_name, row_id, field"
    )


def downgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("base_hlc")

    op.drop_table("sync_pending")
    op.drop_table("field_clock")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_row_id"))
        batch_op.drop_index(batch_op.f("ix_conflict_case_id"))

    op.drop_table("conflict")
