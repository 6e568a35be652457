"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "app_user",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("team_id", sa.Text(), nullable=True),
        sa.Column("organisation_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
    )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_app_user_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_app_user_team_id"), ["team_id"], unique=False)

    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("id", name=op.f("uq_audit_event_id")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "case_file",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("caseworker_id", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_reason", sa.String(length=32), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_file_caseworker_id"), ["caseworker_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_file_client_id"), ["client_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("pushed", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sa.UniqueConstraint("change_id", name=op.f("uq_change_log_change_id")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_pushed_seq", ["pushed", "seq"], unique=False)
        batch_op.create_index("ix_change_log_row", ["table_name", "row_id"], unique=False)

    op.create_table(
        "client",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("household_id", sa.Text(), nullable=True),
        sa.Column("first_name", sa.Text(), nullable=False),
        sa.Column("last_name", sa.Text(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("gender", sa.Text(), nullable=False),
        sa.Column("nationality", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("residence_status", sa.String(length=32), nullable=False),
        sa.Column("arrival_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_household_id"), ["household_id"], unique=False)

    op.create_table(
        "consent_record",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_record_client_id"), ["client_id"], unique=False
        )

    op.create_table(
        "contact_note",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("contact_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("life_areas", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_note")),
    )
    with op.batch_alter_table("contact_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_note_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_note_case_id"), ["case_id"], unique=False)

    op.create_table(
        "course_referral",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("course_type", sa.String(length=32), nullable=False),
        sa.Column("target_level", sa.String(length=32), nullable=False),
        sa.Column("provider", sa.Text(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("childcare_needed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("level_achieved", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_referral")),
    )
    with op.batch_alter_table("course_referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_course_referral_case_id"), ["case_id"], unique=False)

    op.create_table(
        "help_plan",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("next_review_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_plan")),
    )
    with op.batch_alter_table("help_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_plan_case_id"), ["case_id"], unique=False)

    op.create_table(
        "help_plan_entry",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("help_plan_id", sa.Text(), nullable=False),
        sa.Column("life_area", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("source_trauma_referral_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_plan_entry")),
    )
    with op.batch_alter_table("help_plan_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_help_plan_entry_help_plan_id"), ["help_plan_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_help_plan_entry_source_trauma_referral_id"),
            ["source_trauma_referral_id"],
            unique=False,
        )

    op.create_table(
        "household",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("municipality_id", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("housing_type", sa.String(length=32), nullable=False),
        sa.Column("moved_in_on", sa.Date(), nullable=True),
        sa.Column("own_flat_since", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "local_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_state")),
    )
    op.create_table(
        "municipality",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("official_key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "review_comment",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=False),
        sa.Column("help_plan_id", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comment")),
    )
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_comment_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_comment_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_comment_help_plan_id"), ["help_plan_id"], unique=False
        )

    op.create_table(
        "team",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "trauma_referral",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("updated_hlc", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("case_id", sa.Text(), nullable=True),
        sa.Column("caseworker_id", sa.Text(), nullable=False),
        sa.Column("own_consultation", sa.Boolean(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("consultation_date", sa.Date(), nullable=True),
        sa.Column("specialist", sa.Text(), nullable=False),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("assessment_outcome", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("group_offering", sa.String(length=32), nullable=False),
        sa.Column("residential_group", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trauma_referral")),
    )
    with op.batch_alter_table("trauma_referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trauma_referral_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_trauma_referral_caseworker_id"), ["caseworker_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("trauma_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trauma_referral_caseworker_id"))
        batch_op.drop_index(batch_op.f("ix_trauma_referral_case_id"))

    op.drop_table("trauma_referral")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_organisation_id"))

    op.drop_table("team")
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comment_help_plan_id"))
        batch_op.drop_index(batch_op.f("ix_review_comment_case_id"))
        batch_op.drop_index(batch_op.f("ix_review_comment_author_id"))

    op.drop_table("review_comment")
    op.drop_table("organisation")
    op.drop_table("municipality")
    op.drop_table("local_state")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_municipality_id"))

    op.drop_table("household")
    with op.batch_alter_table("help_plan_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_plan_entry_source_trauma_referral_id"))
        batch_op.drop_index(batch_op.f("ix_help_plan_entry_help_plan_id"))

    op.drop_table("help_plan_entry")
    with op.batch_alter_table("help_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_plan_case_id"))

    op.drop_table("help_plan")
    with op.batch_alter_table("course_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_course_referral_case_id"))

    op.drop_table("course_referral")
    with op.batch_alter_table("contact_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_note_case_id"))
        batch_op.drop_index(batch_op.f("ix_contact_note_author_id"))

    op.drop_table("contact_note")
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_record_client_id"))

    op.drop_table("consent_record")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_household_id"))

    op.drop_table("client")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_row")
        batch_op.drop_index("ix_change_log_pushed_seq")

    op.drop_table("change_log")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_file_client_id"))
        batch_op.drop_index(batch_op.f("ix_case_file_caseworker_id"))

    op.drop_table("case_file")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_entity")

    op.drop_table("audit_event")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_app_user_team_id"))
        batch_op.drop_index(batch_op.f("ix_app_user_organisation_id"))

    op.drop_table("app_user")
