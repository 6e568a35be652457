"""retention: what was deleted (content-free) and the counted facts of deleted cases;
which device sent or received which case, per day

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

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "deletions",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_deletions_case_id", "deletions", ["case_id"])
    op.create_table(
        "purged_rows",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(32), primary_key=True),
    )
    op.create_table(
        "report_facts",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("team_id", sa.String(32), nullable=True),
        sa.Column("fact", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_report_facts_team_id", "report_facts", ["team_id"])
    op.create_table(
        "case_access",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("case_id", sa.String(32), primary_key=True),
        sa.Column("direction", sa.String(4), primary_key=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("changes", sa.Integer, nullable=False),
        sa.Column("first_at", sa.DateTime, nullable=False),
        sa.Column("last_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_case_access_case_id", "case_access", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_access_case_id", "case_access")
    op.drop_table("case_access")
    op.drop_index("ix_report_facts_team_id", "report_facts")
    op.drop_table("report_facts")
    op.drop_table("purged_rows")
    op.drop_index("ix_deletions_case_id", "deletions")
    op.drop_table("deletions")
