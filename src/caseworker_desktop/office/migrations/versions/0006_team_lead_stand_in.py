"""a team lead's stand-in right: without it, comments and approvals only

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
    # a plain ADD COLUMN: rebuilding `users` would trip the devices' foreign key on SQLite
    op.add_column(
        "users", sa.Column("stand_in", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    # Team leads of an earlier release could change everything, and their laptops may hold
    # such changes not yet sent: they keep the right until an administrator withdraws it
    # (caseworker-office user stand-in --username NAME --off). New team leads start without.
    users = sa.table("users", sa.column("role", sa.String), sa.column("stand_in", sa.Boolean))
    op.execute(users.update().where(users.c.role == "team_lead").values(stand_in=True))


def downgrade() -> None:
    op.drop_column("users", "stand_in")
