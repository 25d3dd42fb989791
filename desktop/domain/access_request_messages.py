"""Messages of access and rectification requests, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class AccessRequestMessages:
    pass


class AccessRequestFields:
    pass


__all__ = ["AccessRequestFields", "AccessRequestMessages", "Text"]
