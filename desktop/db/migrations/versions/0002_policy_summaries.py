"""policy summaries in the database

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

The plain-language summary read at the desk becomes part of the policy version (its text and SHA-256,
in the version's language), and an acknowledgment records the SHA-256 of the summary it was signed
after.

Versions already stored get the summary shipped for them in ``resources/policies/`` when the stored
text is the bundled text of that version and language (same SHA-256): a clinic's own text never gets
the bundled summary. The append-only trigger of ``policy_versions`` is lifted for that one update and
put back. Acknowledgments already recorded keep no summary hash: what was shown then is not known.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

from desktop.paths import resource_path

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _bundled(name: str) -> str | None:
    path = resource_path("policies", name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def upgrade() -> None:
    op.add_column("policy_versions", sa.Column("summary_text", sa.Text(), nullable=True))
    op.add_column("policy_versions", sa.Column("summary_sha256", sa.String(length=64), nullable=True))
    op.add_column("acknowledgments", sa.Column("summary_sha256", sa.String(length=64), nullable=True))

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, version, language, sha256 FROM policy_versions")).all()
    summaries = []
    for row_id, version, language, stored_sha256 in rows:
        text = _bundled(f"{version}.{language}.txt")
        summary = _bundled(f"{version}.summary.{language}.txt")
        if text is not None and summary is not None and _sha256(text) == stored_sha256:
            summaries.append({"id": row_id, "summary": summary, "digest": _sha256(summary)})
    if summaries:
        _lift_update_guard("policy_versions")
        connection.execute(
            sa.text(
                "UPDATE policy_versions SET summary_text = :summary, summary_sha256 = :digest WHERE id = :id"
            ),
            summaries,
        )
        _restore_update_guard("policy_versions")


def downgrade() -> None:
    for table, column in (
        ("acknowledgments", "summary_sha256"),
        ("policy_versions", "summary_sha256"),
        ("policy_versions", "summary_text"),
    ):
        if op.get_bind().dialect.name == "sqlite":
            # Natively (SQLite 3.35+): a batch copy of the table would lose its append-only triggers.
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)


# The guards as revision 0001 made them (same names, same function), for the one table updated here.


def _lift_update_guard(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
    else:
        op.execute(f"DROP TRIGGER {table}_no_update")


def _restore_update_guard(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: UPDATE refused'); END"
        )
