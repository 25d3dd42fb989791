"""name start keys

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

The first one and two letters of every name token become search keys of their own (kind ``start``),
each with its client's sort key: what a person types first ("c", "co", "j t") is then one exact key
whose files the covering index (kind, key, sort_key, client_id) gives in name order, instead of a walk
across every file in name order. Filled from the name keys already stored.
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # UNION, not UNION ALL: a one-letter token's two starts are the same key, as are two tokens' starts.
    op.execute(
        "INSERT INTO client_search_keys (client_id, kind, key, sort_key) "
        "SELECT client_id, 'start', substr(key, 1, 1), sort_key FROM client_search_keys WHERE kind = 'name' "
        "UNION "
        "SELECT client_id, 'start', substr(key, 1, 2), sort_key FROM client_search_keys WHERE kind = 'name'"
    )


def downgrade() -> None:
    op.execute("DELETE FROM client_search_keys WHERE kind = 'start'")
