"""The opt-out register: one query for the requests of the period, each with its processing and
matched file found by probes into its own events (never a pass over every request's events), one for
their scopes; counts and months are tallied from those rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import Result, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Client, OptOutEvent, OptOutRequest, OptOutScope
from desktop.domain.enums import Channel, OptOutEventKind, OptOutVia, Purpose
from desktop.reports.base import ReportHeader, local_day
from desktop.reports.optout_register import (
    OptOutRegisterReport,
    OptOutRegisterRow,
    monthly,
    summarise,
)


def compute(session: Session, header: ReportHeader, today: date) -> OptOutRegisterReport:
    period = header.period
    first_processed = (
        select(func.min(OptOutEvent.at))
        .where(OptOutEvent.request_id == OptOutRequest.id, OptOutEvent.kind == OptOutEventKind.PROCESSED)
        .correlate(OptOutRequest)
        .scalar_subquery()
    )
    # The client the request was last matched to (ties to the later insertion).
    matched_client = (
        select(OptOutEvent.client_id)
        .where(OptOutEvent.request_id == OptOutRequest.id, OptOutEvent.kind == OptOutEventKind.MATCHED)
        .order_by(OptOutEvent.at.desc(), OptOutEvent.id.desc())
        .limit(1)
        .correlate(OptOutRequest)
        .scalar_subquery()
    )
    in_period = (
        select(OptOutRequest.id)
        .where(OptOutRequest.received_on >= period.start, OptOutRequest.received_on <= period.end)
        .subquery("in_period")
    )
    scopes: dict[int, tuple[set[Purpose], set[Channel]]] = defaultdict(lambda: (set(), set()))
    for request_id, purpose, channel in session.execute(
        select(OptOutScope.request_id, OptOutScope.purpose, OptOutScope.channel).where(
            OptOutScope.request_id.in_(select(in_period.c.id))
        )
    ):
        scopes[request_id][0].add(Purpose(purpose))
        scopes[request_id][1].add(Channel(channel))
    rows: list[OptOutRegisterRow] = []
    # The row types, stated: columns read through subqueries reach the type checker untyped.
    requests: Result[int, OptOutVia, date, date, datetime | None, str | None] = session.execute(
        select(
            OptOutRequest.id,
            OptOutRequest.received_via,
            OptOutRequest.received_on,
            OptOutRequest.due_on,
            first_processed,
            Client.file_number,
        )
        .outerjoin(Client, Client.id == matched_client)
        .where(OptOutRequest.id.in_(select(in_period.c.id)))
        .order_by(OptOutRequest.received_on, OptOutRequest.id)
    )
    for request_id, via, received_on, due_on, processed_at, file_number in requests:
        processed_on = local_day(processed_at) if processed_at is not None else None
        purposes, channels = scopes[request_id]
        rows.append(
            OptOutRegisterRow(
                request_id=request_id,
                received_on=received_on,
                via=OptOutVia(via),
                file_number=file_number,
                purposes=frozenset(purposes),
                channels=frozenset(channels),
                due_on=due_on,
                processed_on=processed_on,
                days_taken=(processed_on - received_on).days if processed_on is not None else None,
                overdue=(processed_on > due_on) if processed_on is not None else today > due_on,
            )
        )
    return OptOutRegisterReport(
        header=header,
        as_of=today,
        rows=tuple(rows),
        by_via=tuple(summarise(via, [r for r in rows if r.via == via]) for via in OptOutVia),
        total=summarise(None, rows),
        months=monthly(period.months(), rows),
    )
