"""phone extension

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

A phone number a person gives may reach a desk behind a switchboard: "418 555-0123, poste 12". The
extension is kept in its own column beside the E.164 number (which has no place for one), on client
files and on the clinics' own numbers. Rows already stored have none ('').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: The tables whose ``phone`` may carry an extension.
TABLES = ("clients", "clinics")


def upgrade() -> None:
    # A constant default: a metadata-only change on both (SQLite ADD COLUMN, PostgreSQL 11+), as in 0004.
    for table in TABLES:
        op.add_column(table, sa.Column("phone_extension", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    # Natively on both (SQLite 3.35+), as in 0004.
    for table in reversed(TABLES):
        op.drop_column(table, "phone_extension")
