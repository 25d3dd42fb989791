"""What one press of Save sends, and what it changed once saved.

The identifiers of what is saved are made when the person first presses Save and kept for every
later attempt: if a save reached the database but its answer was lost, pressing Save again is
recognised by the service as the same booking and never doubles it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import BookedVia, Channel, Interaction, Language, Purpose
from desktop.domain.records import BookingResult, ConsentCapture, ConsentChange, Representative

__all__ = ["SaveIds", "booking_change", "booking_interaction", "consent_capture"]


@dataclass
class SaveIds:
    """The identifiers given to a booking the first time Save is pressed, reused by every retry."""

    appointment: uuid.UUID = field(default_factory=uuid.uuid4)
    signature: uuid.UUID = field(default_factory=uuid.uuid4)
    cells: dict[tuple[Purpose, Channel], uuid.UUID] = field(default_factory=dict)

    def cell(self, purpose: Purpose, channel: Channel) -> uuid.UUID:
        return self.cells.setdefault((purpose, channel), uuid.uuid4())


def consent_capture(
    ids: SaveIds,
    answers: list[tuple[Purpose, Channel, bool]],
    interaction: Interaction,
    language: Language,
    declined: list[tuple[Purpose, Channel]] | None = None,
    representative: Representative | None = None,
) -> ConsentCapture:
    """The answers that differ from the record, the explicit "no" answers, and how the client gave them
    (the call or the visit of a booking, or how they told the desk): the service derives the method from
    it and from the signature (a signed acknowledgment)."""
    choices = tuple(
        ConsentChange(purpose, channel, granted, uid=ids.cell(purpose, channel))
        for purpose, channel, granted in answers
    ) + tuple(
        ConsentChange(purpose, channel, False, uid=ids.cell(purpose, channel), declined=True)
        for purpose, channel in declined or []
    )
    return ConsentCapture(
        choices=choices, interaction=interaction, language=language, representative=representative
    )


def booking_interaction(via: BookedVia) -> Interaction:
    """How a booking's client gives their answers: on the call, or in person at the desk."""
    return Interaction.PHONE if via == BookedVia.PHONE else Interaction.DESK


def booking_change(client_id: int, result: BookingResult) -> DataChange:
    """The one change a saved booking publishes: its appointment, and the consent answers and the
    acknowledgment only when the booking recorded some."""
    subjects = [ChangeSubject.APPOINTMENTS]
    if result.consent_events:
        subjects.append(ChangeSubject.CONSENT)
    if result.acknowledgment is not None:
        subjects.append(ChangeSubject.ACKNOWLEDGMENTS)
    return DataChange.of(*subjects, client_id=client_id)
