"""appointments period clients

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

The clients seen in a period (the consent coverage report's population) are read from an index alone:
``appointments(starts_at, client_id)`` answers the range on the start and carries the client, so no
appointment row is read. It replaces the index on ``starts_at`` alone, which is its prefix.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_appointments_starts_at_client_id", "appointments", ["starts_at", "client_id"])
    op.drop_index("ix_appointments_starts_at", table_name="appointments")


def downgrade() -> None:
    op.create_index("ix_appointments_starts_at", "appointments", ["starts_at"])
    op.drop_index("ix_appointments_starts_at_client_id", table_name="appointments")
