"""Messages of the confidentiality-incident register, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class IncidentMessages:
    pass


class IncidentFields:
    pass


__all__ = ["IncidentFields", "IncidentMessages", "Text"]
