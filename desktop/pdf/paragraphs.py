"""Paragraph that is broken into lines once per width.

A table measures each cell's Paragraph to size its rows, then again to draw it, at the same width; a
kept-together block measures it once more. Breaking the lines again gives the same lines (they depend
on the width alone), so the last break is kept and reused while the width is the same.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _ReportlabParagraph

#: What reportlab's Paragraph.wrap answers when the width is too small for any line.
_CANNOT_FIT = 0x7FFFFFFF


class Paragraph(_ReportlabParagraph):
    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if availWidth == self._wrapped_for:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth if height != _CANNOT_FIT else None
        return width, height
