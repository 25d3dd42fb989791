"""What an opt-out request covers, told in a few words to the front desk.

Used by the dialog that logs a request and by the queue that lists them, so a request is described
the same way in both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Purpose
from desktop.domain.wording import channel_label, purpose_label
from ui.kit.i18n import current_language

__all__ = ["EVERYTHING", "OWN_PURPOSES", "ScopePreset", "channel_names", "purpose_names", "scope_summary"]

EVERYTHING: frozenset[Purpose] = frozenset(Purpose)
# The purposes chosen one by one under "custom"; the parent company has its own box in every preset.
OWN_PURPOSES = [p for p in Purpose if p != Purpose.PARENT_COMPANY_PROMOTIONS]


class ScopePreset:
    PROMOTIONAL = "promotional"
    EVERYTHING = "everything"
    CUSTOM = "custom"


def purpose_names(purposes: frozenset[Purpose]) -> str:
    language = current_language()
    return ", ".join(purpose_label(p, language) for p in Purpose if p in purposes)


def channel_names(channels: frozenset[Channel]) -> str:
    if channels == frozenset(Channel):
        return QCoreApplication.translate("OptOutScope", "every channel")
    language = current_language()
    return ", ".join(channel_label(c, language) for c in Channel if c in channels)


def scope_summary(
    purposes: frozenset[Purpose], channels: frozenset[Channel], offered: frozenset[Purpose] = EVERYTHING
) -> str:
    """A short, staff-facing description of what a request covers; ``offered``: the purposes the clinic
    offers (without a parent organisation, "everything" does not include its promotions)."""
    if purposes in (EVERYTHING, offered):
        what = QCoreApplication.translate("OptOutScope", "Everything, including appointment reminders")
    elif purposes in (PROMOTIONAL_PURPOSES, PROMOTIONAL_PURPOSES & offered):
        what = QCoreApplication.translate("OptOutScope", "All promotional (reminders kept)")
    elif purposes == PROMOTIONAL_PURPOSES - {Purpose.PARENT_COMPANY_PROMOTIONS}:
        what = QCoreApplication.translate(
            "OptOutScope", "All promotional except the parent company (reminders kept)"
        )
    else:
        what = purpose_names(purposes)
    return f"{what} — {channel_names(channels)}"
