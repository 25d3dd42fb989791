"""consent representative

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

A consent event names who answered for the client when it was not the client: a minor's parent or
tutor (their name and capacity), written once with the event. Events already stored keep null: the
client answered, or the representative was not recorded then (an acknowledgment signed that day
names its signer). The new ``declined`` action and ``verbal_telemedicine`` method fit the existing
string columns, which carry no list of values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no default: a metadata-only change on both (SQLite ADD COLUMN, PostgreSQL), no batch
    # copy that the append-only triggers of consent_events would refuse (as in 0004).
    op.add_column("consent_events", sa.Column("representative_name", sa.String(200), nullable=True))
    op.add_column(
        "consent_events",
        sa.Column(
            "representative_capacity",
            sa.Enum(
                "client", "parent", "tutor", "mandatary", name="signercapacity", native_enum=False, length=32
            ),
            nullable=True,
        ),
    )


def downgrade() -> None:
    # Natively on both (SQLite 3.35+), as in 0004.
    op.drop_column("consent_events", "representative_capacity")
    op.drop_column("consent_events", "representative_name")
