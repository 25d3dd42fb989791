"""Text shaping for reportlab: typed text made safe for Paragraph markup, and fitted to a width.

All text that people typed (names, notes, clinic fields, labels) and the policy text go through
``esc`` before they reach Paragraph markup, so ``<b>Zoé & "Léa"</b>`` prints verbatim.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop.pdf.scripts import markup as script_markup
from desktop.pdf.scripts import text_width

#: Printed where a value is missing, in every language.
DASH = "—"

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str | None) -> str:
    """Newlines normalised, tabs as spaces, control characters dropped (reportlab rejects them)."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_CHARS.sub("", text)


def esc(text: str | None) -> str:
    """Escape typed text for Paragraph markup (``& < >`` and both quotes); newlines become breaks.
    Right-to-left lines are put in visual order, characters DejaVu lacks in a fallback font."""
    return "<br/>".join(script_markup(line) for line in clean(text).split("\n"))


def or_dash(text: str | None) -> str:
    """The escaped text, or a dash when there is nothing to print."""
    cleaned = clean(text).strip()
    return esc(cleaned) if cleaned else DASH


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points (one line of page furniture)."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def format_signed_at(moment: datetime) -> str:
    """``2024-03-05 14:32 (UTC-05:00)``: the moment in its own time zone, with the offset shown."""
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{moment:%Y-%m-%d %H:%M} (UTC{sign}{hours:02d}:{mins:02d})"


def as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value
