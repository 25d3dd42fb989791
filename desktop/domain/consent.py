"""Current consent is derived from the ledger: the latest event per purpose and channel wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from desktop.domain.enums import Channel, ConsentAction, Purpose


class ConsentEventLike(Protocol):
    @property
    def purpose(self) -> Purpose: ...
    @property
    def channel(self) -> Channel: ...
    @property
    def action(self) -> ConsentAction: ...
    @property
    def recorded_at(self) -> datetime: ...
    @property
    def sequence(self) -> int: ...


#: The kind of event folded (ledger rows or records): the grid hands the same kind back.
E = TypeVar("E", bound=ConsentEventLike)


@dataclass(frozen=True)
class CellState(Generic[E]):
    granted: bool
    event: E | None


def fold_consent(events: Iterable[E]) -> dict[tuple[Purpose, Channel], CellState[E]]:
    """Every purpose × channel cell; no event means no consent (opt-in)."""
    latest: dict[tuple[Purpose, Channel], E] = {}
    for event in events:
        cell = (event.purpose, event.channel)
        current = latest.get(cell)
        if current is None or (event.recorded_at, event.sequence) >= (current.recorded_at, current.sequence):
            latest[cell] = event
    grid: dict[tuple[Purpose, Channel], CellState[E]] = {}
    for purpose in Purpose:
        for channel in Channel:
            last = latest.get((purpose, channel))
            granted = last is not None and last.action == ConsentAction.GRANTED
            grid[(purpose, channel)] = CellState(granted=granted, event=last)
    return grid
