"""Messages of the retention rule, legal holds and anonymisation, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class RetentionMessages:
    pass


class RetentionFields:
    pass


__all__ = ["RetentionFields", "RetentionMessages", "Text"]
