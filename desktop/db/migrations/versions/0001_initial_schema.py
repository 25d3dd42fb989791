"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24

The ledger tables refuse UPDATE and DELETE at the database level: evidence is only ever added.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

APPEND_ONLY_TABLES = (
    "policy_versions",
    "consent_events",
    "acknowledgments",
    "acknowledgment_documents",
    "opt_out_requests",
    "opt_out_scopes",
    "opt_out_events",
    "audit_records",
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("postal_code", sa.String(length=7), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("privacy_officer_name", sa.String(length=200), nullable=False),
        sa.Column("privacy_officer_contact", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinics")),
    )
    op.create_table(
        "policy_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column(
            "language", sa.Enum("fr", "en", name="language", native_enum=False, length=32), nullable=False
        ),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_versions")),
        sa.UniqueConstraint("version", "language", name="uq_policy_versions_version_language"),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("receptionist", "manager", "privacy_officer", name="role", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_staff_clinic_id_clinics")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "audit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_audit_records_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_records")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_records_hash")),
    )
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_records_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_records_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_records_entity", ["entity_type", "entity_id"], unique=False)

    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_number", sa.String(length=16), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column(
            "preferred_language",
            sa.Enum("fr", "en", name="language", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("postal_code", sa.String(length=7), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_clients_clinic_id_clinics")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_clients_created_by_id_staff")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff.id"], name=op.f("fk_clients_updated_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
        sa.UniqueConstraint("file_number", name=op.f("uq_clients_file_number")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clients_date_of_birth"), ["date_of_birth"], unique=False)

    op.create_table(
        "opt_out_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column(
            "received_via",
            sa.Enum("phone", "in_clinic", "email", "post", name="optoutvia", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("requester_name", sa.String(length=200), nullable=False),
        sa.Column("requester_phone", sa.String(length=40), nullable=False),
        sa.Column("requester_email", sa.String(length=254), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=False),
        sa.Column("logged_by_id", sa.Integer(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_opt_out_requests_clinic_id_clinics")
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"], ["staff.id"], name=op.f("fk_opt_out_requests_logged_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_out_requests")),
        sa.UniqueConstraint("uid", name=op.f("uq_opt_out_requests_uid")),
    )
    with op.batch_alter_table("opt_out_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opt_out_requests_due_on"), ["due_on"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "consultation", "treatment", "procedure", name="appointmentkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "mode",
            sa.Enum("in_clinic", "telemedicine", name="appointmentmode", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "booked_via",
            sa.Enum("phone", "at_desk", name="bookedvia", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("booked_by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booked_by_id"], ["staff.id"], name=op.f("fk_appointments_booked_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_appointments_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_appointments_clinic_id_clinics")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("uid", name=op.f("uq_appointments_uid")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "client_search_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column(
            "key",
            sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_search_keys_client_id_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_search_keys")),
    )
    with op.batch_alter_table("client_search_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_search_keys_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_client_search_keys_kind_key", ["kind", "key"], unique=False)

    op.create_table(
        "opt_out_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "matched",
                "processed",
                "confirmation_sent",
                name="optouteventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["staff.id"], name=op.f("fk_opt_out_events_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_opt_out_events_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["opt_out_requests.id"],
            name=op.f("fk_opt_out_events_request_id_opt_out_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_out_events")),
        sa.UniqueConstraint("uid", name=op.f("uq_opt_out_events_uid")),
    )
    with op.batch_alter_table("opt_out_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opt_out_events_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_opt_out_events_request_kind", ["request_id", "kind"], unique=False)

    op.create_table(
        "opt_out_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "appointment_reminders",
                "newsletters",
                "surveys_contests_events",
                "feedback",
                "parent_company_promotions",
                name="purpose",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum("email", "sms", "phone", "post", name="channel", native_enum=False, length=32),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["opt_out_requests.id"],
            name=op.f("fk_opt_out_scopes_request_id_opt_out_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opt_out_scopes")),
        sa.UniqueConstraint("request_id", "purpose", "channel", name="uq_opt_out_scopes_request_cell"),
    )
    op.create_table(
        "acknowledgments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("policy_version_id", sa.Integer(), nullable=False),
        sa.Column("policy_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "language", sa.Enum("fr", "en", name="language", native_enum=False, length=32), nullable=False
        ),
        sa.Column(
            "signer_capacity",
            sa.Enum(
                "client", "parent", "tutor", "mandatary", name="signercapacity", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signature_png", sa.LargeBinary(), nullable=True),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("refusal_note", sa.String(length=2000), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("witnessed_by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_acknowledgments_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_acknowledgments_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_acknowledgments_clinic_id_clinics")
        ),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_acknowledgments_policy_version_id_policy_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["witnessed_by_id"], ["staff.id"], name=op.f("fk_acknowledgments_witnessed_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acknowledgments")),
        sa.UniqueConstraint("uid", name=op.f("uq_acknowledgments_uid")),
    )
    with op.batch_alter_table("acknowledgments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acknowledgments_client_id"), ["client_id"], unique=False)

    op.create_table(
        "acknowledgment_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("acknowledgment_id", sa.Integer(), nullable=False),
        sa.Column("verification_code", sa.String(length=16), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledgment_id"],
            ["acknowledgments.id"],
            name=op.f("fk_acknowledgment_documents_acknowledgment_id_acknowledgments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acknowledgment_documents")),
        sa.UniqueConstraint("acknowledgment_id", name=op.f("uq_acknowledgment_documents_acknowledgment_id")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_acknowledgment_documents_verification_code")),
    )
    op.create_table(
        "consent_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "appointment_reminders",
                "newsletters",
                "surveys_contests_events",
                "feedback",
                "parent_company_promotions",
                name="purpose",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum("email", "sms", "phone", "post", name="channel", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "action",
            sa.Enum("granted", "withdrawn", name="consentaction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "method",
            sa.Enum(
                "verbal_phone",
                "verbal_in_person",
                "signed_at_desk",
                "email",
                "post",
                name="consentmethod",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("policy_version_id", sa.Integer(), nullable=False),
        sa.Column("policy_sha256", sa.String(length=64), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column(
            "language", sa.Enum("fr", "en", name="language", native_enum=False, length=32), nullable=False
        ),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=True),
        sa.Column("opt_out_request_id", sa.Integer(), nullable=True),
        sa.Column("acknowledgment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledgment_id"],
            ["acknowledgments.id"],
            name=op.f("fk_consent_events_acknowledgment_id_acknowledgments"),
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_consent_events_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_consent_events_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_consent_events_clinic_id_clinics")
        ),
        sa.ForeignKeyConstraint(
            ["opt_out_request_id"],
            ["opt_out_requests.id"],
            name=op.f("fk_consent_events_opt_out_request_id_opt_out_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_consent_events_policy_version_id_policy_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_consent_events_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_events")),
        sa.UniqueConstraint("uid", name=op.f("uq_consent_events_uid")),
    )
    with op.batch_alter_table("consent_events", schema=None) as batch_op:
        batch_op.create_index("ix_consent_events_cell", ["purpose", "channel", "client_id"], unique=False)
        batch_op.create_index(
            "ix_consent_events_client_cell", ["client_id", "purpose", "channel", "recorded_at"], unique=False
        )
    create_append_only_triggers()


def downgrade() -> None:
    drop_append_only_triggers()
    with op.batch_alter_table("consent_events", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_events_client_cell")
        batch_op.drop_index("ix_consent_events_cell")

    op.drop_table("consent_events")
    op.drop_table("acknowledgment_documents")
    with op.batch_alter_table("acknowledgments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acknowledgments_client_id"))

    op.drop_table("acknowledgments")
    op.drop_table("opt_out_scopes")
    with op.batch_alter_table("opt_out_events", schema=None) as batch_op:
        batch_op.drop_index("ix_opt_out_events_request_kind")
        batch_op.drop_index(batch_op.f("ix_opt_out_events_client_id"))

    op.drop_table("opt_out_events")
    with op.batch_alter_table("client_search_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_client_search_keys_kind_key")
        batch_op.drop_index(batch_op.f("ix_client_search_keys_client_id"))

    op.drop_table("client_search_keys")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_client_id"))

    op.drop_table("appointments")
    with op.batch_alter_table("opt_out_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opt_out_requests_due_on"))

    op.drop_table("opt_out_requests")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_date_of_birth"))

    op.drop_table("clients")
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_records_entity")
        batch_op.drop_index(batch_op.f("ix_audit_records_at"))
        batch_op.drop_index(batch_op.f("ix_audit_records_action"))

    op.drop_table("audit_records")
    op.drop_table("staff")
    op.drop_table("policy_versions")
    op.drop_table("clinics")


def create_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            """
            CREATE FUNCTION frontdesk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$
            """
        )
    for table in APPEND_ONLY_TABLES:
        if dialect == "postgresql":
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change()"
            )
        else:
            for operation in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: {operation} refused'); END"
                )


def drop_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS frontdesk_refuse_change()")
