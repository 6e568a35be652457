"""index contact notes by case and date (caseload: last contact)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact_note") as batch_op:
        batch_op.create_index("ix_contact_note_case_contact", ["case_id", "contact_on"])


def downgrade() -> None:
    with op.batch_alter_table("contact_note") as batch_op:
        batch_op.drop_index("ix_contact_note_case_contact")
