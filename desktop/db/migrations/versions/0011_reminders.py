"""reminders

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-09

Appointment reminders. ``smtp_settings`` holds the clinic's outgoing mail server (host, port,
security, username, sender address; its password stays owner-only in each workstation's
configuration folder, never in the database). ``reminder_records`` is a ledger: one row per reminder
sent by email or exported to the SMS file or the call sheet (appointment, client, channel, when, by
whom, the exported file's SHA-256), insert only like the other ledgers (same guards as 0001: it holds
no personal field, so the erasure guard of 0008 does not apply).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LEDGER = "reminder_records"


def upgrade() -> None:
    op.create_table(
        "smtp_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(length=16), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("sender", sa.String(length=254), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_smtp_settings_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smtp_settings")),
    )
    op.create_table(
        LEDGER,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum("email", "sms", "phone", "post", name="channel", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_reminder_records_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(["by_id"], ["staff.id"], name=op.f("fk_reminder_records_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_reminder_records_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_reminder_records_clinic_id_clinics")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_records")),
        sa.UniqueConstraint("uid", name=op.f("uq_reminder_records_uid")),
    )
    op.create_index(op.f("ix_reminder_records_appointment_id"), LEDGER, ["appointment_id"], unique=False)
    op.create_index(op.f("ix_reminder_records_client_id"), LEDGER, ["client_id"], unique=False)
    # The guards of revision 0001, word for word (db check compares their definitions).
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE TRIGGER {LEDGER}_append_only BEFORE UPDATE OR DELETE ON {LEDGER} "
            "FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {LEDGER}_no_truncate BEFORE TRUNCATE ON {LEDGER} "
            "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change()"
        )
    else:
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {LEDGER}_no_{operation.lower()} BEFORE {operation} ON {LEDGER} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {LEDGER}: {operation} refused'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {LEDGER}_append_only ON {LEDGER}")
        op.execute(f"DROP TRIGGER IF EXISTS {LEDGER}_no_truncate ON {LEDGER}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {LEDGER}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {LEDGER}_no_delete")
    op.drop_index(op.f("ix_reminder_records_client_id"), table_name=LEDGER)
    op.drop_index(op.f("ix_reminder_records_appointment_id"), table_name=LEDGER)
    op.drop_table(LEDGER)
    op.drop_table("smtp_settings")
