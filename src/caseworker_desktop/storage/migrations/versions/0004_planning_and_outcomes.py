"""trauma planning (offers, placements) and outcome fields (employment, course end)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trauma_offer",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("specialist", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trauma_offer")),
    )
    op.create_table(
        "trauma_placement",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=True),
        sa.Column("trauma_referral_id", sa.Text(), nullable=True),
        sa.Column("caseworker_id", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("interpreter", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("offer_id", sa.Text(), nullable=True),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trauma_placement")),
    )
    with op.batch_alter_table("trauma_placement", schema=None) as batch_op:
        for column in ("case_id", "trauma_referral_id", "caseworker_id", "offer_id"):
            batch_op.create_index(batch_op.f(f"ix_trauma_placement_{column}"), [column])
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "employment",
                sa.String(length=32),
                nullable=False,
                server_default="not_employed",
            )
        )
        batch_op.add_column(sa.Column("employment_since", sa.Date(), nullable=True))
    with op.batch_alter_table("course_referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("course_referral", schema=None) as batch_op:
        batch_op.drop_column("completed_on")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("employment_since")
        batch_op.drop_column("employment")
    op.drop_table("trauma_placement")
    op.drop_table("trauma_offer")
