"""demo marks

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Every record a person can make (a staff account, a client file, an appointment, an acknowledgment, a
consent event, an opt-out request and its events) says whether the demo generator made it. The
generator writes ``demo = true`` as it inserts; everything else is ``false``, records already stored
included (the demo data of earlier versions was not marked, and is not guessed at by its names). The
marks of the append-only tables are written once, at insertion, like the rest of those rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: The tables whose rows carry the mark (the others are derived from these: search keys, scopes, PDFs).
MARKED_TABLES = (
    "staff",
    "clients",
    "appointments",
    "acknowledgments",
    "consent_events",
    "opt_out_requests",
    "opt_out_events",
)


def upgrade() -> None:
    # A constant default: a metadata-only change on both (SQLite ADD COLUMN, PostgreSQL 11+).
    for table in MARKED_TABLES:
        op.add_column(table, sa.Column("demo", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # Natively on both (SQLite 3.35+), as in 0003: a batch copy would trip the append-only triggers.
    for table in reversed(MARKED_TABLES):
        op.drop_column(table, "demo")
