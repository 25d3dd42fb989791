"""ledger erasure

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

The ledgers that hold a person's data (a consent event's representative, an acknowledgment's
signer, signature and note, its PDF, an opt-out requester's name, phone, email and note) may have
those fields erased, and only so: the UPDATE guard of these four tables now lets through exactly an
UPDATE that leaves every other column as it was, blanks the personal ones (NULL, or '' and empty
bytes where the column requires a value), and concerns a row an ``erasure`` audit record names,
written first in the same transaction. Every other UPDATE, and every DELETE, is refused as before.

SQLite: the guard lists the table's columns as they are at this revision; a later migration that
adds a column to one of these tables writes the guard again. PostgreSQL: one function compares the
rows without their personal columns (given as the trigger's arguments), so a new column is covered.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: (column, its erased value) for the personal columns; the other columns, in the table's order.
PERSONAL: dict[str, tuple[tuple[str, str], ...]] = {
    "consent_events": (("representative_name", "NULL"),),
    "acknowledgments": (("signer_name", "''"), ("signature_png", "NULL"), ("refusal_note", "''")),
    "acknowledgment_documents": (("pdf", "X''"),),
    "opt_out_requests": (
        ("requester_name", "''"),
        ("requester_phone", "''"),
        ("requester_email", "''"),
        ("note", "''"),
    ),
}
KEPT: dict[str, tuple[str, ...]] = {
    "consent_events": (
        "id", "uid", "client_id", "purpose", "channel", "action", "method", "policy_version_id",
        "policy_sha256", "wording", "language", "recorded_by_id", "clinic_id", "recorded_at",
        "appointment_id", "opt_out_request_id", "acknowledgment_id", "representative_capacity", "demo",
    ),
    "acknowledgments": (
        "id", "uid", "client_id", "policy_version_id", "policy_sha256", "summary_sha256", "language",
        "signer_capacity", "refused", "signed_at", "witnessed_by_id", "clinic_id", "appointment_id", "demo",
    ),
    "acknowledgment_documents": ("id", "acknowledgment_id", "verification_code", "sha256", "created_at"),
    "opt_out_requests": (
        "id", "uid", "received_via", "received_on", "due_on", "logged_by_id", "logged_at", "clinic_id", "demo",
    ),
}  # fmt: skip

POSTGRES_ERASE_ONLY = """
DECLARE
    personal text[] := TG_ARGV;
    field text;
BEGIN
    IF TG_OP = 'UPDATE'
        AND to_jsonb(NEW) - personal = to_jsonb(OLD) - personal
        AND EXISTS (
            SELECT 1 FROM audit_records a
            WHERE a.action = 'erasure' AND a.entity_type = TG_TABLE_NAME AND a.entity_id = OLD.id::text
        )
    THEN
        FOREACH field IN ARRAY personal LOOP
            IF coalesce(to_jsonb(NEW) ->> field, '') NOT IN ('', '\\x') THEN
                RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END LOOP;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
"""


def sqlite_erase_only(table: str) -> str:
    unchanged = [f'NEW."{c}" IS OLD."{c}"' for c in KEPT[table]]
    blanked = [f'NEW."{c}" IS {value}' for c, value in PERSONAL[table]]
    recorded = (
        "EXISTS (SELECT 1 FROM audit_records WHERE action = 'erasure' "  # noqa: S608 (our own names)
        f"AND entity_type = '{table}' AND entity_id = CAST(OLD.id AS TEXT))"
    )
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"WHEN NOT ({' AND '.join([*unchanged, *blanked, recorded])}) "
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: UPDATE refused'); END"
    )


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute(
            f"CREATE FUNCTION frontdesk_erase_only() RETURNS trigger LANGUAGE plpgsql AS $${POSTGRES_ERASE_ONLY}$$"
        )
    for table, columns in PERSONAL.items():
        if postgresql:
            arguments = ", ".join(f"'{c}'" for c, _ in columns)
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION frontdesk_erase_only({arguments})"
            )
        else:
            op.execute(f"DROP TRIGGER {table}_no_update")
            op.execute(sqlite_erase_only(table))


def downgrade() -> None:
    # The guards as revision 0001 made them; fields already erased stay erased.
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in PERSONAL:
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change()"
            )
        else:
            op.execute(f"DROP TRIGGER {table}_no_update")
            op.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: UPDATE refused'); END"
            )
    if postgresql:
        op.execute("DROP FUNCTION frontdesk_erase_only()")
