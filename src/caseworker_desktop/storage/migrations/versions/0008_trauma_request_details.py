"""trauma requests with their reason; consultation dates with appointment times; a
course referral's help-plan goal; a team lead's stand-in right

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trauma_referral") as batch:
        batch.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("interpreter", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("trauma_offer") as batch:
        batch.add_column(sa.Column("start_minutes", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("slot_minutes", sa.Integer(), nullable=False, server_default="45")
        )

    with op.batch_alter_table("course_referral") as batch:
        batch.add_column(sa.Column("help_plan_entry_id", sa.Text(), nullable=True))
        batch.create_index("ix_course_referral_help_plan_entry_id", ["help_plan_entry_id"])

    with op.batch_alter_table("app_user") as batch:
        batch.add_column(
            sa.Column("stand_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("stand_in")
    with op.batch_alter_table("course_referral") as batch:
        batch.drop_index("ix_course_referral_help_plan_entry_id")
        batch.drop_column("help_plan_entry_id")
    with op.batch_alter_table("trauma_offer") as batch:
        batch.drop_column("slot_minutes")
        batch.drop_column("start_minutes")
    with op.batch_alter_table("trauma_referral") as batch:
        batch.drop_column("interpreter")
        batch.drop_column("urgent")
        batch.drop_column("reason")
