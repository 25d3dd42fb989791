"""Current consent is derived from the ledger: the latest event per purpose and channel wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

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


@dataclass(frozen=True)
class CellState:
    granted: bool
    event: ConsentEventLike | None


def fold_consent(events: Iterable[ConsentEventLike]) -> dict[tuple[Purpose, Channel], CellState]:
    """Every purpose × channel cell; no event means no consent (opt-in)."""
    latest: dict[tuple[Purpose, Channel], ConsentEventLike] = {}
    for event in events:
        cell = (event.purpose, event.channel)
        current = latest.get(cell)
        if current is None or (event.recorded_at, event.sequence) >= (current.recorded_at, current.sequence):
            latest[cell] = event
    grid: dict[tuple[Purpose, Channel], CellState] = {}
    for purpose in Purpose:
        for channel in Channel:
            event = latest.get((purpose, channel))
            granted = event is not None and event.action == ConsentAction.GRANTED
            grid[(purpose, channel)] = CellState(granted=granted, event=event)
    return grid
