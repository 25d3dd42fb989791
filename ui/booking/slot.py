"""A booking started from a slot of the schedule: when, with whom, how long, and the clinic's kinds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.schedule import AppointmentKindRecord

__all__ = ["BookingSlot"]


@dataclass(frozen=True)
class BookingSlot:
    """What the booking's first page is filled with; the person may still change the time, the kind
    and the length (the practitioner is the column the slot was chosen in)."""

    starts_at: datetime
    practitioner_id: int | None
    practitioner_name: str
    #: The clinic's active kinds; the first one is chosen, and its default length unless ``length_minutes``.
    kinds: tuple[AppointmentKindRecord, ...] = ()
    length_minutes: int | None = None
