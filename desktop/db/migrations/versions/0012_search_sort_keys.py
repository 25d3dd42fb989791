"""search sort keys

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-10

Search results come in name order straight from an index, whatever the number of files.
``clients.sort_key`` is the names folded as the search tokens are (last name, a separator below every
letter, first name), compared by code point (collation "C" on PostgreSQL, as SQLite and Python
compare), indexed with the id (the ordered walk and the keyset cursor). Each search key carries its
client's sort key: a key's matches are read already ordered from the covering index (kind, key,
sort_key, client_id); the index (client_id, kind, key) answers "does this file have such a key" for the
other words typed, and replaces the index on client_id alone. Both are filled in batches computed in
Python (the fold is Unicode's, which neither database has).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.domain.normalize import SORT_KEY_LENGTH, sort_key

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BATCH = 20_000


def _sort_key_type() -> sa.String:
    return sa.String(SORT_KEY_LENGTH).with_variant(sa.String(SORT_KEY_LENGTH, collation="C"), "postgresql")


def _backfill_clients(connection: sa.Connection) -> None:
    clients = sa.table("clients", sa.column("id"), sa.column("last_name"), sa.column("first_name"))
    update = sa.text("UPDATE clients SET sort_key = :key WHERE id = :row_id")
    after = 0
    while True:
        rows = connection.execute(
            sa.select(clients.c.id, clients.c.last_name, clients.c.first_name)
            .where(clients.c.id > after)
            .order_by(clients.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            update, [{"key": sort_key(str(last), str(first)), "row_id": i} for i, last, first in rows]
        )
        after = rows[-1][0]


def upgrade() -> None:
    # A constant default: metadata-only on both databases, then filled.
    op.add_column("clients", sa.Column("sort_key", _sort_key_type(), nullable=False, server_default=""))
    op.add_column(
        "client_search_keys", sa.Column("sort_key", _sort_key_type(), nullable=False, server_default="")
    )
    connection = op.get_bind()
    _backfill_clients(connection)
    if connection.dialect.name == "postgresql":
        op.execute(
            "UPDATE client_search_keys SET sort_key = clients.sort_key FROM clients "
            "WHERE clients.id = client_search_keys.client_id"
        )
    else:
        op.execute(
            "UPDATE client_search_keys SET sort_key = "
            "(SELECT sort_key FROM clients WHERE clients.id = client_search_keys.client_id)"
        )
    op.create_index("ix_clients_sort_key_id", "clients", ["sort_key", "id"])
    op.drop_index("ix_client_search_keys_kind_key", table_name="client_search_keys")
    op.drop_index("ix_client_search_keys_client_id", table_name="client_search_keys")
    op.create_index(
        "ix_client_search_keys_kind_key_sort_key_client_id",
        "client_search_keys",
        ["kind", "key", "sort_key", "client_id"],
    )
    op.create_index(
        "ix_client_search_keys_client_id_kind_key", "client_search_keys", ["client_id", "kind", "key"]
    )


def downgrade() -> None:
    op.drop_index("ix_client_search_keys_client_id_kind_key", table_name="client_search_keys")
    op.drop_index("ix_client_search_keys_kind_key_sort_key_client_id", table_name="client_search_keys")
    op.create_index("ix_client_search_keys_client_id", "client_search_keys", ["client_id"])
    op.create_index("ix_client_search_keys_kind_key", "client_search_keys", ["kind", "key"])
    op.drop_index("ix_clients_sort_key_id", table_name="clients")
    op.drop_column("client_search_keys", "sort_key")
    op.drop_column("clients", "sort_key")
