"""The current consent table: per client, purpose and channel, the latest event of the consent ledger.

Kept by each append (``record_current``, in the append's own transaction), recomputed in bulk from the
ledger by ``rebuild_current_consent`` (migration 0013's backfill, bulk demo data) and compared with it
by ``current_consent_differences`` (``db check``). "Latest" is the ledger's own order everywhere: the
later recording time, then the later insertion, as in the client's consent grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Select, and_, delete, exists, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from desktop.db.models import ConsentEvent, CurrentConsent

#: The table's columns in the order every query here names them.
_COLUMNS = ("client_id", "purpose", "channel", "event_id", "action", "recorded_at")
#: An inclusive range of client ids.
ClientRange = tuple[int, int]


def latest_events(clients: ClientRange | None = None) -> Select:
    """The ledger's latest event per client, purpose and channel, as the table's rows: one window query."""
    ranked = select(
        ConsentEvent.client_id,
        ConsentEvent.purpose,
        ConsentEvent.channel,
        ConsentEvent.id.label("event_id"),
        ConsentEvent.action,
        ConsentEvent.recorded_at,
        func.row_number()
        .over(
            partition_by=(ConsentEvent.client_id, ConsentEvent.purpose, ConsentEvent.channel),
            order_by=(ConsentEvent.recorded_at.desc(), ConsentEvent.id.desc()),
        )
        .label("rank"),
    )
    if clients is not None:
        ranked = ranked.where(ConsentEvent.client_id.between(*clients))
    subquery = ranked.subquery("ranked_consent")
    return select(*(subquery.c[name] for name in _COLUMNS)).where(subquery.c.rank == 1)


def _stored() -> Select:
    return select(*(getattr(CurrentConsent, name) for name in _COLUMNS))


def rebuild_current_consent(bind: Connection | Session, clients: ClientRange | None = None) -> int:
    """Recompute the table (or the rows of the ``clients`` id range) from the ledger, in the caller's
    transaction; returns the number of rows written."""
    cleared = delete(CurrentConsent)
    if clients is not None:
        cleared = cleared.where(CurrentConsent.client_id.between(*clients))
    bind.execute(cleared)
    filled = insert(CurrentConsent).from_select(list(_COLUMNS), latest_events(clients))
    # An INSERT's row count is kept only when asked for (SQLAlchemy 2).
    done = bind.execute(filled, execution_options={"preserve_rowcount": True})
    return int(done.rowcount or 0)  # type: ignore[attr-defined]


def record_current(session: Session, events: Sequence[ConsentEvent]) -> None:
    """Each new event (flushed, so with its id) becomes its cell's current one unless the cell holds a
    later one already. One upsert per event: atomic against another workstation's append to the same
    cell on PostgreSQL, and a cell named twice in one call is never one statement's conflict."""
    dialect = session.get_bind().dialect.name
    for event in events:
        statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CurrentConsent).values(
            client_id=event.client_id,
            purpose=event.purpose,
            channel=event.channel,
            event_id=event.id,
            action=event.action,
            recorded_at=event.recorded_at,
        )
        new = statement.excluded
        later = or_(
            new.recorded_at > CurrentConsent.recorded_at,
            and_(new.recorded_at == CurrentConsent.recorded_at, new.event_id > CurrentConsent.event_id),
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[CurrentConsent.client_id, CurrentConsent.purpose, CurrentConsent.channel],
                set_={"event_id": new.event_id, "action": new.action, "recorded_at": new.recorded_at},
                where=later,
            )
        )


class CellDifference(NamedTuple):
    """A cell where the table and the ledger disagree: each one's latest event as ``id (action)``
    (None: no row, no event)."""

    client_id: int
    purpose: str
    channel: str
    table_event: str | None
    ledger_event: str | None


def _agrees(connection: Connection) -> bool:
    """Every row names an event of its cell, with its action and time, that no later event of the cell
    follows (probes of the ledger's cell index), and there are as many rows as the ledger has cells."""
    event, later = aliased(ConsentEvent), aliased(ConsentEvent)
    same_cell = and_(
        later.client_id == CurrentConsent.client_id,
        later.purpose == CurrentConsent.purpose,
        later.channel == CurrentConsent.channel,
    )
    followed = exists().where(
        same_cell,
        or_(
            later.recorded_at > CurrentConsent.recorded_at,
            and_(later.recorded_at == CurrentConsent.recorded_at, later.id > CurrentConsent.event_id),
        ),
    )
    wrong = (
        select(func.count())
        .select_from(CurrentConsent)
        .outerjoin(event, event.id == CurrentConsent.event_id)
        .where(
            or_(
                event.id.is_(None),
                event.client_id != CurrentConsent.client_id,
                event.purpose != CurrentConsent.purpose,
                event.channel != CurrentConsent.channel,
                event.action != CurrentConsent.action,
                event.recorded_at != CurrentConsent.recorded_at,
                followed,
            )
        )
    )
    if connection.scalar(wrong):
        return False
    cells = select(ConsentEvent.client_id, ConsentEvent.purpose, ConsentEvent.channel).distinct().subquery()
    rows = connection.scalar(select(func.count()).select_from(CurrentConsent))
    return rows == connection.scalar(select(func.count()).select_from(cells))


def current_consent_differences(connection: Connection, shown: int = 10) -> tuple[int, list[CellDifference]]:
    """The table against the ledger recomputed: how many cells differ, and the first ``shown``, in
    client order. Read only. A sound table is told by index probes alone; only one that differs has
    the ledger's window computed, to name its cells."""
    if _agrees(connection):
        return 0, []
    computed = latest_events().subquery("computed")
    stored = _stored().subquery("stored")
    missing = select(*computed.c).except_(_stored()).subquery("missing")
    extra = _stored().except_(select(*computed.c)).subquery("extra")
    cells = select(missing.c.client_id, missing.c.purpose, missing.c.channel).union(
        select(extra.c.client_id, extra.c.purpose, extra.c.channel)
    )
    count = int(connection.scalar(select(func.count()).select_from(cells.subquery())) or 0)
    if not count:
        return 0, []
    listed = cells.subquery("cells")

    def same_cell(other: Any) -> ColumnElement[bool]:
        return and_(
            other.c.client_id == listed.c.client_id,
            other.c.purpose == listed.c.purpose,
            other.c.channel == listed.c.channel,
        )

    rows = connection.execute(
        select(
            listed.c.client_id,
            listed.c.purpose,
            listed.c.channel,
            stored.c.event_id,
            stored.c.action,
            computed.c.event_id,
            computed.c.action,
        )
        .select_from(listed)
        .outerjoin(stored, same_cell(stored))
        .outerjoin(computed, same_cell(computed))
        .order_by(listed.c.client_id, listed.c.purpose, listed.c.channel)
        .limit(shown)
    ).all()
    return count, [
        CellDifference(r[0], str(r[1]), str(r[2]), _event(r[3], r[4]), _event(r[5], r[6])) for r in rows
    ]


def _event(event_id: int | None, action: str | None) -> str | None:
    return None if event_id is None else f"{event_id} ({action})"
