"""health insurance number and several phones

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08

A client file gains the health insurance number (NAM, stored upper-case without spaces, '' when
none), the sex at birth as the card encodes it and the card's expiry month (both optional); the NAM
is found through the search keys (kind ``nam``), under the keys' existing (kind, key) index.

A client may have several phone numbers, each with a kind (mobile, home, work, not specified) and an
extension (``client_phones``, in the file's order). The number each file already holds becomes its
first, of kind "not specified", its extension kept: it is not texted until someone marks it mobile.
``clients.phone`` and ``phone_extension`` stay, holding the first number (the one to call).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PHONES = "client_phones"


def upgrade() -> None:
    # Constant defaults or nullable: metadata-only on both, as in 0004 and 0007.
    op.add_column("clients", sa.Column("health_number", sa.String(12), nullable=False, server_default=""))
    op.add_column(
        "clients",
        sa.Column(
            "sex_at_birth",
            sa.Enum("female", "male", name="sexatbirth", native_enum=False, length=32),
            nullable=True,
        ),
    )
    op.add_column("clients", sa.Column("health_card_expiry", sa.Date(), nullable=True))
    op.create_table(
        PHONES,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("mobile", "home", "work", "unspecified", name="phonekind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("extension", sa.String(length=10), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_phones_client_id_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_phones")),
        sa.UniqueConstraint("client_id", "position", name="uq_client_phones_client_id_position"),
    )
    op.execute(
        "INSERT INTO client_phones (client_id, position, kind, number, extension) "
        "SELECT id, 1, 'unspecified', phone, phone_extension FROM clients WHERE phone <> ''"
    )


def downgrade() -> None:
    # The first number is still in clients.phone; the others go with the table.
    op.drop_table(PHONES)
    for column in ("health_card_expiry", "sex_at_birth", "health_number"):
        op.drop_column("clients", column)
