"""the database's epoch: a random id that a restore from a backup replaces, so that laptops
notice that the office went back in time and send what it no longer has

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

settings = sa.table("office_settings", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    op.execute(settings.delete().where(settings.c.key == "epoch"))
    op.execute(settings.insert().values(key="epoch", value=uuid.uuid4().hex))


def downgrade() -> None:
    op.execute(settings.delete().where(settings.c.key == "epoch"))
