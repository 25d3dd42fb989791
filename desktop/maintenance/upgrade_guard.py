"""Before a database at an older revision is upgraded, its audit chain is verified: a database whose
trail was changed outside FrontDesk is refused, not built upon (its witnesses would then be brought
to the new format over altered ledgers)."""

from __future__ import annotations

from sqlalchemy import Engine

from desktop.db.engine import display_url
from desktop.db.migrate import current_revision, head_revision
from desktop.domain.errors import FrontDeskError
from desktop.maintenance.audit_verify import verify_audit_chain


class BrokenAuditChainError(FrontDeskError):
    code = "upgrade_refused_broken_audit"


def refuse_upgrade_of_broken_chain(engine: Engine) -> None:
    """Raises BrokenAuditChainError, naming the first record that breaks the chain, when the database
    has a schema older than this version's and its audit chain does not verify. A new (empty) database
    and one already at the newest revision are not walked."""
    current = current_revision(engine)
    if current is None or current == head_revision(engine):
        return
    with engine.connect() as connection:
        result = verify_audit_chain(connection, max_breaks=1)
    if result.first_break is not None:
        raise BrokenAuditChainError(database=display_url(engine.url), record=result.first_break.record_id)
