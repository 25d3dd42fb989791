"""organisation

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

The clinic's identity moves from code to records. One ``organisation`` row holds what its policy and
its clients' documents name (its name, the parent organisation, the privacy officer) and the rules it
chose (the Easter holiday it observes, its opt-out delay, its idle-lock delay); the ``clinics`` rows are
its sites. A database already in use gets its organisation from its first clinic, with the law's
defaults for the rules and no parent organisation (a manager names it in the clinic settings); the
privacy officer's columns leave the sites.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("parent_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("privacy_officer_name", sa.String(200), nullable=False),
        sa.Column("privacy_officer_title", sa.String(200), nullable=False),
        sa.Column("privacy_officer_contact", sa.String(300), nullable=False),
        sa.Column(
            "easter_holiday",
            sa.Enum("good_friday", "easter_monday", name="easterholiday", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("opt_out_delay_days", sa.Integer(), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.execute(
        "INSERT INTO organisation (id, name, parent_name, privacy_officer_name, privacy_officer_title, "
        "privacy_officer_contact, easter_holiday, opt_out_delay_days, idle_lock_minutes) "
        "SELECT 1, name, '', privacy_officer_name, privacy_officer_name, privacy_officer_contact, "
        "'good_friday', 10, 5 FROM clinics WHERE id = (SELECT MIN(id) FROM clinics)"
    )
    # Natively on both (SQLite 3.35+), as in 0004: a batch copy of ``clinics`` would trip the foreign keys.
    op.drop_column("clinics", "privacy_officer_contact")
    op.drop_column("clinics", "privacy_officer_name")


def downgrade() -> None:
    op.add_column("clinics", sa.Column("privacy_officer_name", sa.String(200), nullable=False, server_default=""))
    op.add_column(
        "clinics", sa.Column("privacy_officer_contact", sa.String(300), nullable=False, server_default="")
    )
    op.execute(
        "UPDATE clinics SET privacy_officer_name = (SELECT privacy_officer_name FROM organisation), "
        "privacy_officer_contact = (SELECT privacy_officer_contact FROM organisation)"
    )
    op.drop_table("organisation")
