"""schedule

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Practitioners per site, their weekly hours and their days off; appointment kinds as clinic data,
seeded with the three kinds bookings used so far (their codes are the values ``appointments.kind``
already holds, so that column is unchanged: a kind a clinic adds is one more code); each appointment
gains a practitioner (null: the "unassigned" column, where the existing ones go) and a length (the
existing ones get their kind's default length).

Appointment events are a new append-only ledger under the evidence chain, guarded as migrations
0001 and 0008 guard the others: a cancellation's reason is a personal field, so its UPDATE guard is
0008's (only a recorded erasure blanks it). Each existing appointment gets its ``booked`` event, as
it was booked: by whom and when.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: (code, French name, English name, default length in minutes).
SEEDED_KINDS = (
    ("consultation", "Consultation", "Consultation", 30),
    ("treatment", "Traitement", "Treatment", 45),
    ("procedure", "Intervention", "Procedure", 60),
)
EVENTS = "appointment_events"
#: The events' columns other than the personal one (``reason``), in the table's order.
KEPT = (
    "id", "uid", "appointment_id", "client_id", "kind", "recorded_at", "recorded_by_id", "clinic_id",
    "starts_at", "length_minutes", "practitioner_id", "cancelled_by", "overrides", "demo",
)  # fmt: skip


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    kinds = op.create_table(
        "appointment_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name_fr", sa.String(100), nullable=False),
        sa.Column("name_en", sa.String(100), nullable=False),
        sa.Column("default_minutes", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_appointment_kinds"),
        sa.UniqueConstraint("code", name="uq_appointment_kinds_code"),
    )
    op.bulk_insert(
        kinds,
        [
            {"code": c, "name_fr": fr, "name_en": en, "default_minutes": m, "active": True}
            for c, fr, en, m in SEEDED_KINDS
        ],
    )
    op.create_table(
        "practitioners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("specialty", sa.String(200), server_default="", nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("demo", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name="fk_practitioners_clinic_id_clinics"),
        sa.PrimaryKeyConstraint("id", name="pk_practitioners"),
    )
    op.create_index("ix_practitioners_clinic_id", "practitioners", ["clinic_id"])
    for table, columns in (
        ("practitioner_hours", (("weekday", sa.Integer()), ("starts", sa.Time()), ("ends", sa.Time()))),
        (
            "practitioner_exceptions",
            (("starts_on", sa.Date()), ("ends_on", sa.Date()), ("reason", sa.String(200))),
        ),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("practitioner_id", sa.Integer(), nullable=False),
            *(sa.Column(name, kind, nullable=False) for name, kind in columns),
            sa.ForeignKeyConstraint(
                ["practitioner_id"], ["practitioners.id"], name=f"fk_{table}_practitioner_id_practitioners"
            ),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_practitioner_id", table, ["practitioner_id"])

    # New columns only (SQLite ADD COLUMN with a column-level reference, PostgreSQL): no batch copy of
    # ``appointments``, which the ledgers' keys point at (as in 0003-0007).
    if postgresql:
        op.add_column("appointments", sa.Column("practitioner_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_appointments_practitioner_id_practitioners",
            "appointments",
            "practitioners",
            ["practitioner_id"],
            ["id"],
        )
    else:
        op.execute(
            "ALTER TABLE appointments ADD COLUMN practitioner_id INTEGER REFERENCES practitioners (id)"
        )
    op.add_column(
        "appointments", sa.Column("length_minutes", sa.Integer(), server_default="30", nullable=False)
    )
    op.execute(
        "UPDATE appointments SET length_minutes = "
        "(SELECT k.default_minutes FROM appointment_kinds k WHERE k.code = appointments.kind) "
        "WHERE kind IN (SELECT code FROM appointment_kinds)"
    )
    op.create_index("ix_appointments_practitioner_starts", "appointments", ["practitioner_id", "starts_at"])

    events = op.create_table(
        EVENTS,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind", _enum("booked", "cancelled", "rescheduled", "arrived", "no_show", name="appointmenteventkind"),
            nullable=False,
        ),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("length_minutes", sa.Integer(), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_by", _enum("client", "clinic", name="cancelledby"), nullable=True),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("overrides", sa.String(100), nullable=False),
        sa.Column("demo", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointments.id"], name="fk_appointment_events_appointment_id_appointments"),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name="fk_appointment_events_client_id_clients"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name="fk_appointment_events_clinic_id_clinics"),
        sa.ForeignKeyConstraint(
            ["practitioner_id"], ["practitioners.id"], name="fk_appointment_events_practitioner_id_practitioners"
        ),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name="fk_appointment_events_recorded_by_id_staff"),
        sa.PrimaryKeyConstraint("id", name="pk_appointment_events"),
        sa.UniqueConstraint("uid", name="uq_appointment_events_uid"),
    )  # fmt: skip
    op.create_index("ix_appointment_events_client_id", EVENTS, ["client_id"])
    op.create_index("ix_appointment_events_appointment_kind", EVENTS, ["appointment_id", "kind"])
    _record_existing_bookings(events)
    _guard(postgresql)


def _record_existing_bookings(events: sa.Table) -> None:
    """Each appointment's ``booked`` event, as the appointment records it (by whom, when, and the
    length it now has), before the guard: inserting is all a ledger allows anyway."""
    appointments = sa.table(
        "appointments",
        *(
            sa.column(name, sa.Integer())
            for name in ("id", "client_id", "booked_by_id", "clinic_id", "length_minutes")
        ),
        sa.column("created_at", sa.DateTime()),
        sa.column("starts_at", sa.DateTime()),
        sa.column("demo", sa.Boolean()),
    )
    rows = (
        op.get_bind()
        .execute(sa.select(appointments).order_by(appointments.c.created_at, appointments.c.id))
        .all()
    )
    batch = [
        {
            "uid": uuid.uuid4(),
            "appointment_id": r.id,
            "client_id": r.client_id,
            "kind": "booked",
            "recorded_at": r.created_at,
            "recorded_by_id": r.booked_by_id,
            "clinic_id": r.clinic_id,
            "starts_at": r.starts_at,
            "length_minutes": r.length_minutes,
            "practitioner_id": None,
            "cancelled_by": None,
            "reason": None,
            "overrides": "",
            "demo": r.demo,
        }
        for r in rows
    ]
    if batch:
        op.bulk_insert(events, batch)


def _guard(postgresql: bool) -> None:
    if postgresql:
        # The functions migrations 0001 and 0008 made.
        op.execute(
            f"CREATE TRIGGER {EVENTS}_append_only BEFORE UPDATE OR DELETE ON {EVENTS} "
            "FOR EACH ROW EXECUTE FUNCTION frontdesk_erase_only('reason')"
        )
        op.execute(
            f"CREATE TRIGGER {EVENTS}_no_truncate BEFORE TRUNCATE ON {EVENTS} "
            "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change()"
        )
        return
    unchanged = [f'NEW."{c}" IS OLD."{c}"' for c in KEPT]
    blanked = 'NEW."reason" IS NULL'
    recorded = (
        "EXISTS (SELECT 1 FROM audit_records WHERE action = 'erasure' "  # noqa: S608 (our own names)
        f"AND entity_type = '{EVENTS}' AND entity_id = CAST(OLD.id AS TEXT))"
    )
    op.execute(
        f"CREATE TRIGGER {EVENTS}_no_update BEFORE UPDATE ON {EVENTS} "
        f"WHEN NOT ({' AND '.join([*unchanged, blanked, recorded])}) "
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {EVENTS}: UPDATE refused'); END"
    )
    op.execute(
        f"CREATE TRIGGER {EVENTS}_no_delete BEFORE DELETE ON {EVENTS} "
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {EVENTS}: DELETE refused'); END"
    )


def downgrade() -> None:
    # The ledger goes with its guard (a downgrade is a deliberate step back, made on a copy's word).
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {EVENTS}_append_only ON {EVENTS}")
        op.execute(f"DROP TRIGGER {EVENTS}_no_truncate ON {EVENTS}")
    else:
        op.execute(f"DROP TRIGGER {EVENTS}_no_update")
        op.execute(f"DROP TRIGGER {EVENTS}_no_delete")
    op.drop_index("ix_appointment_events_appointment_kind", table_name=EVENTS)
    op.drop_index("ix_appointment_events_client_id", table_name=EVENTS)
    op.drop_table(EVENTS)
    op.drop_index("ix_appointments_practitioner_starts", table_name="appointments")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(
            "fk_appointments_practitioner_id_practitioners", "appointments", type_="foreignkey"
        )
    # Natively on both (SQLite 3.35+: a column-level reference does not stop it), as in 0004.
    op.drop_column("appointments", "length_minutes")
    op.drop_column("appointments", "practitioner_id")
    for table in ("practitioner_exceptions", "practitioner_hours"):
        op.drop_index(f"ix_{table}_practitioner_id", table_name=table)
        op.drop_table(table)
    op.drop_index("ix_practitioners_clinic_id", table_name="practitioners")
    op.drop_table("practitioners")
    op.drop_table("appointment_kinds")
