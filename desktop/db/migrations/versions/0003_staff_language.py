"""staff language

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Each staff account keeps the interface language its owner chose (French or English); none until the
person chooses, and the workstation's last language is used meanwhile.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "staff",
        sa.Column("language", sa.Enum("fr", "en", name="language", native_enum=False, length=32), nullable=True),
    )


def downgrade() -> None:
    # Natively on both (SQLite 3.35+): a batch copy of ``staff`` would trip the keys that point at it.
    op.drop_column("staff", "language")
