"""The check of ``frontdesk db check`` that recomputes the current-consent table from the consent ledger
and names the cells where they differ (the table is derived: the ledger is the evidence)."""

from __future__ import annotations

from sqlalchemy import Connection, func, inspect, select

from desktop.db.models import CurrentConsent
from desktop.domain.enums import Language
from desktop.domain.messages import message
from desktop.services.ledger.current_consent import CellDifference, current_consent_differences

_SHOWN = 10


def current_consent_outcome(connection: Connection, language: Language) -> tuple[bool | None, str]:
    """(True, summary) when the table is the ledger's, (False, the differences) when not, (None, why)
    when the database predates the table."""
    if not inspect(connection).has_table(CurrentConsent.__tablename__):
        return None, message("current_consent_absent", language)
    count, shown = current_consent_differences(connection, _SHOWN)
    if not count:
        cells = int(connection.scalar(select(func.count()).select_from(CurrentConsent)) or 0)
        return True, message("current_consent_matches", language, count=cells)
    cells_text = "; ".join(_cell(difference, language) for difference in shown)
    if count > len(shown):
        cells_text += f" (+{count - len(shown)})"
    return False, message("current_consent_differs", language, count=count, cells=cells_text)


def _cell(difference: CellDifference, language: Language) -> str:
    return message(
        "current_consent_cell",
        language,
        client=difference.client_id,
        purpose=difference.purpose,
        channel=difference.channel,
        table=difference.table_event if difference.table_event is not None else "—",
        ledger=difference.ledger_event if difference.ledger_event is not None else "—",
    )
