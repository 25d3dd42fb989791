"""current consent

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

``current_consent``: per client, purpose and channel, the latest consent event (by time, then
insertion), kept by the consent ledger's appends in the same transaction, so that the contact export's
eligibility and the coverage report read an index rather than a window over every event. A derived
table, not a ledger: no append-only guard. Filled from the ledger here by the one recomputation the
application and ``db check`` use (written for this revision's columns).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLE = "current_consent"


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    from desktop.services.ledger.current_consent import rebuild_current_consent

    op.create_table(
        TABLE,
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            _enum(
                "appointment_reminders",
                "newsletters",
                "surveys_contests_events",
                "feedback",
                "parent_company_promotions",
                name="purpose",
            ),
            nullable=False,
        ),
        sa.Column("channel", _enum("email", "sms", "phone", "post", name="channel"), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("action", _enum("granted", "withdrawn", "declined", name="consentaction"), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_current_consent_client_id_clients")
        ),
        sa.PrimaryKeyConstraint("client_id", "purpose", "channel", name=op.f("pk_current_consent")),
    )
    op.create_index(
        "ix_current_consent_cell_action", TABLE, ["purpose", "channel", "action", "client_id"], unique=False
    )
    rebuild_current_consent(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_current_consent_cell_action", table_name=TABLE)
    op.drop_table(TABLE)
