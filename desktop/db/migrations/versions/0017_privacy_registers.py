"""privacy registers

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

The registers Quebec's privacy act asks of the clinic, each a ledger (insert only, with the guards of
revision 0001): ``disclosures`` and ``disclosure_clients`` (personal information communicated to a
third party), ``incidents`` and ``incident_versions`` (confidentiality incidents, every version kept),
``access_requests`` and ``access_request_events`` (access and rectification requests), and, for the
retention rule, ``legal_hold_events`` and ``anonymisations``. An access request's requester name,
contact and note are personal fields: like the ledgers of 0008 they may only be blanked by a recorded
erasure. ``organisation.retention_years`` is the clinic's retention rule (years after the last
contact); ``clients.anonymised_at`` marks a file whose identity was replaced by a placeholder.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

LEDGERS = (
    "disclosures",
    "disclosure_clients",
    "incidents",
    "incident_versions",
    "access_requests",
    "access_request_events",
    "legal_hold_events",
    "anonymisations",
)
#: The personal columns of ``access_requests`` with their erased value, then its other columns in order.
PERSONAL = (("requester_name", "''"), ("requester_contact", "''"), ("note", "''"))
KEPT = (
    "id", "uid", "kind", "channel", "received_on", "due_on", "client_id", "logged_by_id", "logged_at",
    "clinic_id",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "disclosures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("disclosed_on", sa.Date(), nullable=False),
        sa.Column(
            "recipient_kind",
            sa.Enum(
                "parent_organisation",
                "court",
                "police",
                "professional_order",
                "other",
                name="disclosurerecipient",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.String(length=500), nullable=False),
        sa.Column("information", sa.String(length=2000), nullable=False),
        sa.Column("authorised_by", sa.String(length=200), nullable=False),
        sa.Column(
            "means",
            sa.Enum(
                "post",
                "email",
                "fax",
                "hand_delivered",
                "secure_transfer",
                "phone",
                "other",
                name="disclosuremeans",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=2000), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_disclosures_clinic_id_clinics")),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["disclosures.id"], name=op.f("fk_disclosures_corrects_id_disclosures")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_disclosures_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosures")),
        sa.UniqueConstraint("uid", name=op.f("uq_disclosures_uid")),
    )
    op.create_index(op.f("ix_disclosures_disclosed_on"), "disclosures", ["disclosed_on"], unique=False)
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name=op.f("fk_incidents_clinic_id_clinics")),
        sa.ForeignKeyConstraint(["opened_by_id"], ["staff.id"], name=op.f("fk_incidents_opened_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("reference", name=op.f("uq_incidents_reference")),
        sa.UniqueConstraint("uid", name=op.f("uq_incidents_uid")),
    )
    op.create_table(
        "incident_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("information_concerned", sa.Text(), nullable=False),
        sa.Column("not_describable_reason", sa.Text(), nullable=False),
        sa.Column("circumstances", sa.Text(), nullable=False),
        sa.Column("occurred_from", sa.Date(), nullable=True),
        sa.Column("occurred_to", sa.Date(), nullable=True),
        sa.Column("discovered_on", sa.Date(), nullable=False),
        sa.Column("people_concerned", sa.Integer(), nullable=True),
        sa.Column("risk_assessment", sa.Text(), nullable=False),
        sa.Column("serious_injury_risk", sa.Boolean(), nullable=False),
        sa.Column("commission_notified_on", sa.Date(), nullable=True),
        sa.Column("people_notified_on", sa.Date(), nullable=True),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_versions_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_incident_versions_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_versions")),
        sa.UniqueConstraint("incident_id", "version", name="uq_incident_versions_version"),
    )
    op.create_index(
        op.f("ix_incident_versions_discovered_on"), "incident_versions", ["discovered_on"], unique=False
    )
    op.create_index(
        op.f("ix_incident_versions_incident_id"), "incident_versions", ["incident_id"], unique=False
    )
    op.create_table(
        "access_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("access", "rectification", name="accessrequestkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "phone",
                "in_clinic",
                "email",
                "post",
                name="accessrequestchannel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("requester_name", sa.String(length=200), nullable=False),
        sa.Column("requester_contact", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("logged_by_id", sa.Integer(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_access_requests_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_access_requests_clinic_id_clinics")
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"], ["staff.id"], name=op.f("fk_access_requests_logged_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_requests")),
        sa.UniqueConstraint("uid", name=op.f("uq_access_requests_uid")),
    )
    op.create_index(op.f("ix_access_requests_client_id"), "access_requests", ["client_id"], unique=False)
    op.create_index(op.f("ix_access_requests_due_on"), "access_requests", ["due_on"], unique=False)
    op.create_index(op.f("ix_access_requests_received_on"), "access_requests", ["received_on"], unique=False)
    op.create_table(
        "anonymisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.Column("last_contact_on", sa.Date(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("erased_rows", sa.Integer(), nullable=False),
        sa.Column("documents_removed", sa.Integer(), nullable=False),
        sa.Column("anonymised_at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["staff.id"], name=op.f("fk_anonymisations_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_anonymisations_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_anonymisations_clinic_id_clinics")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymisations")),
        sa.UniqueConstraint("client_id", name=op.f("uq_anonymisations_client_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_anonymisations_uid")),
    )
    op.create_table(
        "disclosure_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_disclosure_clients_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_disclosure_clients_disclosure_id_disclosures"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure_clients")),
        sa.UniqueConstraint("disclosure_id", "client_id", name="uq_disclosure_clients_pair"),
    )
    op.create_index(
        op.f("ix_disclosure_clients_client_id"), "disclosure_clients", ["client_id"], unique=False
    )
    op.create_index(
        op.f("ix_disclosure_clients_disclosure_id"), "disclosure_clients", ["disclosure_id"], unique=False
    )
    op.create_table(
        "legal_hold_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.Enum("placed", "lifted", name="legalholdaction", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["staff.id"], name=op.f("fk_legal_hold_events_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_legal_hold_events_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], name=op.f("fk_legal_hold_events_clinic_id_clinics")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_hold_events")),
    )
    op.create_index(op.f("ix_legal_hold_events_client_id"), "legal_hold_events", ["client_id"], unique=False)
    op.create_table(
        "access_request_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "matched",
                "identity_verified",
                "answered",
                "refused",
                name="accessrequesteventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=2000), nullable=False),
        sa.Column("answer_items", sa.String(length=200), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["staff.id"], name=op.f("fk_access_request_events_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_access_request_events_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["access_requests.id"],
            name=op.f("fk_access_request_events_request_id_access_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_request_events")),
    )
    op.create_index(
        op.f("ix_access_request_events_client_id"), "access_request_events", ["client_id"], unique=False
    )
    op.create_index(
        op.f("ix_access_request_events_request_id"), "access_request_events", ["request_id"], unique=False
    )
    op.add_column("clients", sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    op.add_column(
        "organisation", sa.Column("retention_years", sa.Integer(), server_default="7", nullable=False)
    )

    _guard()


def _guard() -> None:
    """The guards of revisions 0001 and 0008, word for word (db check compares their definitions)."""
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in LEDGERS:
        if postgresql:
            guard = "frontdesk_refuse_change()"
            if table == "access_requests":
                guard = f"frontdesk_erase_only({', '.join(repr(c) for c, _ in PERSONAL)})"
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {guard}"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change()"
            )
            continue
        for operation in ("UPDATE", "DELETE"):
            condition = ""
            if table == "access_requests" and operation == "UPDATE":
                condition = f"WHEN NOT ({_erasure_only(table)}) "
            op.execute(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} {condition}"
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: {operation} refused'); END"
            )


def _erasure_only(table: str) -> str:
    unchanged = [f'NEW."{c}" IS OLD."{c}"' for c in KEPT]
    blanked = [f'NEW."{c}" IS {value}' for c, value in PERSONAL]
    recorded = (
        "EXISTS (SELECT 1 FROM audit_records WHERE action = 'erasure' "  # noqa: S608 (our own names)
        f"AND entity_type = '{table}' AND entity_id = CAST(OLD.id AS TEXT))"
    )
    return " AND ".join([*unchanged, *blanked, recorded])


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in reversed(LEDGERS):
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    for table in (
        "access_request_events",
        "legal_hold_events",
        "disclosure_clients",
        "anonymisations",
        "access_requests",
        "incident_versions",
        "incidents",
        "disclosures",
    ):
        op.drop_table(table)
    # SQLite (3.35+) drops a plain column in place: no table rebuild under the foreign keys.
    op.drop_column("organisation", "retention_years")
    op.drop_column("clients", "anonymised_at")
