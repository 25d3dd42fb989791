"""Which characters the fonts FrontDesk ships can draw.

A name is printed on the acknowledgment, the reports and the evidence pack: a character none of the
shipped fonts has would print as an empty box, so such a value is refused at entry instead. The
fonts are read from ``resources/fonts`` (their character maps only), once.
"""

from __future__ import annotations

import functools
import unicodedata

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from desktop.paths import resource_path

#: The shipped fonts, by role: the main family first, then the fallbacks tried in order.
MAIN = "DejaVuSans.ttf"
MAIN_BOLD = "DejaVuSans-Bold.ttf"
MAIN_ITALIC = "DejaVuSans-Oblique.ttf"
CJK = "DroidSansFallbackFull.ttf"
HANGUL = "FrontDeskHangul.ttf"
DEVANAGARI = "NotoSansDevanagari-Regular.ttf"
GURMUKHI = "NotoSansGurmukhi-Regular.ttf"
FALLBACKS = (CJK, HANGUL, DEVANAGARI, GURMUKHI)
#: The fallbacks whose letters combine (conjuncts, vowel signs placed before or above): their runs
#: are shaped with HarfBuzz before they are drawn.
SHAPED = (DEVANAGARI, GURMUKHI)

# Each fallback draws its own scripts only: Droid Sans Fallback also has some monochrome emoji, which
# would print for some emoji and not others; emoji are refused alike instead.
_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    CJK: (
        (0x2E80, 0x2FDF),  # radicals
        (0x3000, 0x31FF),  # CJK punctuation, kana, bopomofo
        (0x3200, 0x33FF),  # enclosed and compatibility forms
        (0x3400, 0x4DBF),  # extension A
        (0x4E00, 0x9FFF),  # unified ideographs
        (0xF900, 0xFAFF),  # compatibility ideographs
        (0xFE30, 0xFE4F),  # compatibility forms
        (0xFF00, 0xFFEF),  # full-width and half-width forms
        (0x20000, 0x2FFFF),  # supplementary ideographs
    ),
    HANGUL: ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
    # Devanagari with its Vedic marks and extended block; Gurmukhi writes its full stops with the
    # Devanagari dandas, drawn by the Devanagari font.
    DEVANAGARI: ((0x0900, 0x097F), (0x1CD0, 0x1CFF), (0xA8E0, 0xA8FF)),
    GURMUKHI: ((0x0A00, 0x0A7F),),
}

# Never drawn: direction marks and joiners steer shaping (ZWNJ is part of Persian spelling).
_INVISIBLE = frozenset("\u200c\u200d\u200e\u200f")


@functools.cache
def font_characters(filename: str) -> frozenset[int]:
    """The code points a shipped font maps to a glyph."""
    font = TTFont(str(resource_path("fonts", filename)), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@functools.cache
def fallback_characters(filename: str) -> frozenset[int]:
    """The code points a fallback font is used for: those it has in its own scripts."""
    ranges = _RANGES[filename]
    return frozenset(c for c in font_characters(filename) if any(lo <= c <= hi for lo, hi in ranges))


@functools.cache
def _drawable() -> frozenset[int]:
    covered = set(font_characters(MAIN))
    for filename in FALLBACKS:
        covered |= fallback_characters(filename)
    return frozenset(covered)


def can_draw(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE or ord(ch) in _drawable()


def undrawable_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` (NFC) that no shipped font can draw, in order of appearance."""
    seen: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in seen and not can_draw(ch):
            seen.append(ch)
    return seen


def describe(ch: str) -> str:
    """``« 😀 » (U+1F600 GRINNING FACE)``: a refused character named even when it is invisible."""
    name = unicodedata.name(ch, "")
    return f"« {ch} » (U+{ord(ch):04X}{' ' + name if name else ''})"
