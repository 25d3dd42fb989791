"""client imports

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

The client-list import. ``client_imports`` is one import (file SHA-256 and name, headers, options and
mapping as JSON, counts, staged/committed/cancelled, who and when); ``client_import_rows`` its rows
staged outside the client tables (cells as read, the cleaned client as JSON or the reasons, the
manager's word on a possible duplicate); ``imported_consent_evidence`` what the file stated of a
consent the import recorded (SHA-256, row, date, method). ``clients.import_id`` names the import that
created a file (null for the others).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("headers_key", sa.String(length=64), nullable=False),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in (
                "row_count",
                "ok_count",
                "error_count",
                "duplicate_count",
                "already_count",
                "consent_count",
                "created_count",
            )
        ),  # fmt: skip
        sa.Column("staged_by_id", sa.Integer(), nullable=False),
        sa.Column("staged_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["staged_by_id"], ["staff.id"], name="fk_client_imports_staged_by_id_staff"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name="fk_client_imports_clinic_id_clinics"),
        sa.PrimaryKeyConstraint("id", name="pk_client_imports"),
    )
    op.create_index("ix_client_imports_sha256", "client_imports", ["sha256"])
    op.create_index("ix_client_imports_headers_key", "client_imports", ["headers_key"])
    op.create_table(
        "client_import_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cells", sa.Text(), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("client", sa.Text(), nullable=True),
        sa.Column("identity", sa.String(length=320), nullable=False),
        sa.Column("nam", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("matches", sa.Text(), nullable=False),
        sa.Column("consent", sa.Text(), nullable=True),
        sa.Column("same_person", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"], ["client_imports.id"], name="fk_client_import_rows_import_id_client_imports"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_client_import_rows"),
        sa.UniqueConstraint("import_id", "row_number", name="uq_client_import_rows_import_id_row_number"),
    )
    op.create_index(
        "ix_client_import_rows_import_status", "client_import_rows", ["import_id", "status", "row_number"]
    )
    op.create_index("ix_client_import_rows_import_identity", "client_import_rows", ["import_id", "identity"])
    op.create_index("ix_client_import_rows_import_nam", "client_import_rows", ["import_id", "nam"])
    op.create_table(
        "imported_consent_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consent_event_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("stated_on", sa.Date(), nullable=False),
        sa.Column("stated_method", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_event_id"],
            ["consent_events.id"],
            name="fk_imported_consent_evidence_consent_event_id_consent_events",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["client_imports.id"], name="fk_imported_consent_evidence_import_id_client_imports"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_imported_consent_evidence"),
        sa.UniqueConstraint("consent_event_id", name="uq_imported_consent_evidence_consent_event_id"),
    )
    op.create_index("ix_imported_consent_evidence_import_id", "imported_consent_evidence", ["import_id"])
    # A new column only (SQLite ADD COLUMN with a column-level reference): no batch copy of ``clients``,
    # which the ledgers' keys point at (as in 0009).
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("clients", sa.Column("import_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_clients_import_id_client_imports", "clients", "client_imports", ["import_id"], ["id"]
        )
    else:
        op.execute("ALTER TABLE clients ADD COLUMN import_id INTEGER REFERENCES client_imports (id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("fk_clients_import_id_client_imports", "clients", type_="foreignkey")
    op.drop_column("clients", "import_id")
    op.drop_index("ix_imported_consent_evidence_import_id", table_name="imported_consent_evidence")
    op.drop_table("imported_consent_evidence")
    for name in ("import_nam", "import_identity", "import_status"):
        op.drop_index(f"ix_client_import_rows_{name}", table_name="client_import_rows")
    op.drop_table("client_import_rows")
    op.drop_index("ix_client_imports_headers_key", table_name="client_imports")
    op.drop_index("ix_client_imports_sha256", table_name="client_imports")
    op.drop_table("client_imports")
