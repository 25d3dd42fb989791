"""What a change to the data concerns, so each view can decide for itself whether to reload.

A change names its subjects and, when it is about one client, that client's id. Views compare it
with what they show (``concerns``) instead of being told by another window to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ChangeSubject", "DataChange"]


class ChangeSubject(StrEnum):
    CLIENT = "client"  # identity, contact details, file creation
    CONSENT = "consent"
    APPOINTMENTS = "appointments"
    OPT_OUTS = "opt_outs"
    ACKNOWLEDGMENTS = "acknowledgments"
    STAFF = "staff"
    POLICIES = "policies"
    CLINIC = "clinic"  # the organisation, its sites and the rules it chose
    SCHEDULE = "schedule"  # practitioners, their hours and days off, appointment kinds
    DISCLOSURES = "disclosures"
    INCIDENTS = "incidents"
    ACCESS_REQUESTS = "access_requests"
    RETENTION = "retention"  # legal holds, anonymisations, the retention rule's review


@dataclass(frozen=True, slots=True)
class DataChange:
    """One saved change. ``client_id`` is None when the change is not about one client."""

    subjects: frozenset[ChangeSubject]
    client_id: int | None = None

    @classmethod
    def of(cls, *subjects: ChangeSubject, client_id: int | None = None) -> DataChange:
        if not subjects:
            raise ValueError("a change concerns at least one subject")
        return cls(frozenset(subjects), client_id)

    def touches(self, *subjects: ChangeSubject) -> bool:
        return not self.subjects.isdisjoint(subjects)

    def concerns(self, client_id: int | None, *subjects: ChangeSubject) -> bool:
        """True when a view of ``client_id`` showing ``subjects`` must reload.

        A change about no particular client (a batch, another workstation) concerns every client."""
        if not self.touches(*subjects):
            return False
        return self.client_id is None or client_id is None or self.client_id == client_id
