"""baseline: the office schema as release 494c856 made it with create_all

An office database of that release has these tables but no version: `caseworker-office
migrate` stamps it with this revision and upgrades from here.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(32)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "users",
        sa.Column("id", ID, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("team_id", ID, sa.ForeignKey("teams.id"), nullable=True),
    )
    op.create_table(
        "devices",
        sa.Column("id", ID, primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("enrolled_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
        sa.Column("recovery_wrap", sa.Text, nullable=True),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "changes",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("change_id", ID, nullable=False, unique=True),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", ID, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(90), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_changes_row", "changes", ["table_name", "row_id", "seq"])
    op.create_table(
        "superseded_changes",
        sa.Column("change_id", ID, primary_key=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "field_state",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", ID, primary_key=True),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(90), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
    )
    op.create_table(
        "row_case",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", ID, primary_key=True),
        sa.Column("case_id", ID, nullable=False),
    )
    op.create_index("ix_row_case_case_id", "row_case", ["case_id"])
    op.create_table(
        "cases",
        sa.Column("case_id", ID, primary_key=True),
        sa.Column("caseworker_id", ID, nullable=False),
        sa.Column("team_id", ID, nullable=True),
    )
    op.create_index("ix_cases_caseworker_id", "cases", ["caseworker_id"])
    op.create_index("ix_cases_team_id", "cases", ["team_id"])
    op.create_table(
        "unscoped_rows",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", ID, primary_key=True),
        sa.Column("user_id", ID, nullable=False),
    )
    op.create_index("ix_unscoped_rows_user_id", "unscoped_rows", ["user_id"])
    op.create_table(
        "office_audit",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    for table in (
        "office_audit", "unscoped_rows", "cases", "row_case", "field_state",
        "superseded_changes", "changes", "enrolment_codes", "devices", "users", "teams",
    ):  # fmt: skip
        op.drop_table(table)
