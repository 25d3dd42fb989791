"""Messages of the disclosure register, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class DisclosureMessages:
    pass


class DisclosureFields:
    pass


__all__ = ["DisclosureFields", "DisclosureMessages", "Text"]
