"""documents in a case file, their content by hash in chunks

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("dated_on", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=True),
    )
    op.create_index("ix_document_case_id", "document", ["case_id"])
    op.create_table(
        "document_blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "document_chunk",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("idx", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "document_upload",
        sa.Column("document_id", sa.String(32), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("document_upload")
    op.drop_table("document_chunk")
    op.drop_table("document_blob")
    op.drop_index("ix_document_case_id", table_name="document")
    op.drop_table("document")
