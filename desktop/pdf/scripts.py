"""Names in every script drawn right: right-to-left text in visual order with Arabic letters joined,
and each character in a shipped font that has it.

reportlab draws characters one after the other, left to right, in one font per run of text. So a
line with Arabic or Hebrew is reordered here (python-bidi) after its Arabic letters are given their
joined forms (arabic-reshaper: the presentation forms DejaVu has), and a character DejaVu has no
glyph for is drawn in the fallback font of its script (Han and kana, Hangul, Devanagari, Gurmukhi).
Devanagari and Gurmukhi letters combine (conjuncts, vowel signs drawn before or above the consonant):
their runs are shaped with HarfBuzz (through reportlab) and drawn as the glyphs it picks. Values with
a character no shipped font draws never get this far: entry refuses them (:mod:`desktop.domain.glyphs`).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from xml.sax.saxutils import escape

import arabic_reshaper  # type: ignore[import-untyped]
from bidi import get_display  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas

import desktop.pdf.fonts as fonts
from desktop.domain import glyphs

# Hebrew, Arabic (with Syriac, Thaana, N'Ko) and their presentation forms: what makes a line bidi.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Joiners choose a conjunct's form: they stay in the shaped run they are part of.
_JOINERS = "\u200c\u200d"
_SHAPED_FILES = {fonts.DEVANAGARI: glyphs.DEVANAGARI, fonts.GURMUKHI: glyphs.GURMUKHI}
# Shaping gives reportlab's font private-use codes for unmapped glyphs: one run at a time.
_shaping = threading.Lock()


@functools.cache
def _main_everywhere() -> frozenset[int]:
    """Characters every DejaVu face (regular, bold, oblique) has: drawn in whatever face the text asks."""
    return (
        glyphs.font_characters(glyphs.MAIN)
        & glyphs.font_characters(glyphs.MAIN_BOLD)
        & glyphs.font_characters(glyphs.MAIN_ITALIC)
    )


def font_for(ch: str) -> str | None:
    """The fallback font ``ch`` needs, or None when the surrounding text's font draws it."""
    code = ord(ch)
    if code in _main_everywhere() or ch.isspace():
        return None
    if code in glyphs.font_characters(glyphs.MAIN):
        return fonts.PLAIN
    if code in glyphs.fallback_characters(glyphs.CJK):
        return fonts.CJK
    if code in glyphs.fallback_characters(glyphs.HANGUL):
        return fonts.HANGUL
    for font, filename in _SHAPED_FILES.items():
        if code in glyphs.fallback_characters(filename):
            return font
    return None


# Vowel marks are kept (a name prints as typed); the Allah ligature is left out, DejaVu has no glyph
# for it (Abdullah prints as joined letters); lam-alef ligatures, which DejaVu has, stay on.
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False}
)


def _joined(text: str) -> str:
    """Arabic letters in their joined forms; a form DejaVu lacks (some Urdu ones) stays the plain letter."""
    shaped = _RESHAPER.reshape(text)
    main = glyphs.font_characters(glyphs.MAIN)
    return "".join(ch if ord(ch) in main else unicodedata.normalize("NFKC", ch) for ch in shaped)


def visual(line: str) -> str:
    """One line as it is drawn left to right: unchanged unless it holds right-to-left letters."""
    if not _RTL.search(line):
        return line
    if _ARABIC.search(line):
        line = _joined(line)
    # The documents are French or English: a line keeps their left-to-right order, its Arabic or
    # Hebrew words reading right to left inside it.
    return str(get_display(line, base_dir="L"))


def runs(text: str) -> Iterator[tuple[str | None, str]]:
    """``text`` cut where the font changes: (fallback font or None, characters)."""
    current: str | None = None
    start = 0
    for i, ch in enumerate(text):
        keep = (ch.isspace() and current is not None) or (ch in _JOINERS and current in fonts.SHAPED)
        font = current if keep else font_for(ch)
        if font != current and i > start:
            yield current, text[start:i]
            start = i
        current = font
    if start < len(text):
        yield current, text[start:]


def shaped(chunk: str, font: str) -> ShapedStr:
    """``chunk`` shaped with HarfBuzz in ``font`` (one of ``fonts.SHAPED``): the glyphs it picks, in
    drawing order, each as the character reportlab's font maps to it (a private-use code for a glyph
    no character maps to, whose text is recorded for copying and extraction), with their positions."""
    fonts.ensure_fallback(font)
    return _shaped_once(chunk, font)


# A name is shaped once per process, not at every page of every document that prints it: the glyphs
# and the private-use codes reportlab's font gives them are the same every time.
@functools.lru_cache(maxsize=4096)
def _shaped_once(chunk: str, font: str) -> ShapedStr:
    with _shaping:
        return _shape(chunk, font)


def _shape(chunk: str, font: str) -> ShapedStr:
    drawn = shapeStr(chunk, font, 10, force=True)
    data = drawn.__shapeData__
    starts = sorted({d.cluster for d in data}) + [len(chunk)]
    for start, end in zip(starts, starts[1:], strict=False):
        _name_glyphs(
            font, chunk[start:end], [str(drawn[i]) for i, d in enumerate(data) if d.cluster == start]
        )
    return drawn


def _is_sign(ch: str) -> bool:
    """A vowel sign or other mark that follows its consonants (not the virama or nukta, which make them)."""
    return unicodedata.category(ch) in ("Mn", "Mc") and unicodedata.combining(ch) == 0 and ch not in _JOINERS


def _name_glyphs(font: str, letters: str, drawn: list[str], *, retry: bool = True) -> None:
    """Record the text of the one glyph of a cluster no character maps to: the cluster's letters less
    those the other glyphs stand for. With two such glyphs (a reordered vowel sign beside a conjunct),
    the consonants are shaped alone first, which names the conjunct."""
    ttf = getFont(font)
    mapped = glyphs.font_characters(_SHAPED_FILES[font])
    left = list(letters)
    unnamed: list[str] = []
    for ch in drawn:
        known = ch if ord(ch) in mapped else fonts.glyph_text(ttf, ord(ch))
        if known is None:
            if ch not in unnamed:
                unnamed.append(ch)
        elif all(left.count(c) >= known.count(c) for c in known):
            for c in known:
                left.remove(c)
    if len(unnamed) > 1 and retry:
        consonants = "".join(ch for ch in letters if not _is_sign(ch))
        if consonants and consonants != letters:
            _shape(consonants, font)
            _name_glyphs(font, letters, drawn, retry=False)
    elif len(unnamed) == 1 and left:
        fonts.name_glyph(ttf, ord(unnamed[0]), "".join(left))


def _width(chunk: str, font: str, size: float) -> float:
    if font in fonts.SHAPED:
        return sum(d.x_advance for d in shaped(chunk, font).__shapeData__) * size / 1000
    return stringWidth(chunk, font, size)


@functools.lru_cache(maxsize=4096)
def markup(text: str) -> str:
    """Text for Paragraph markup (already cleaned, one line): escaped, in visual order, each run that
    needs a fallback font wrapped in a ``<font>`` tag. A shaped run is written as its glyphs, each at
    its own advance: Paragraph markup cannot carry HarfBuzz's small kerning adjustments. Kept once
    made: the labels and names of a document are marked up again at every document."""
    parts = []
    for font, chunk in runs(visual(text)):
        if font in fonts.SHAPED:
            chunk = str(shaped(chunk, font))
        escaped = escape(chunk, {'"': "&quot;", "'": "&#39;"})
        if font is None:
            parts.append(escaped)
        else:
            fonts.ensure_fallback(font)
            parts.append(f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, font: str, size: float) -> float:
    """Width of one line as :func:`draw_text` draws it."""
    total = 0.0
    for fallback, chunk in runs(visual(text)):
        if fallback is not None:
            fonts.ensure_fallback(fallback)
        total += _width(chunk, fallback or font, size)
    return total


def _utf16(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw one line at (x, y) in ``font`` and the fallbacks its characters need; returns its width."""
    start = x
    for fallback, chunk in runs(visual(text)):
        name = fallback or font
        if fallback is not None:
            fonts.ensure_fallback(fallback)
        canvas.setFont(name, size)
        if name in fonts.SHAPED:
            # Drawn with HarfBuzz's positions; marked with the typed text, which a reader copies and
            # extracts instead of the glyphs (a vowel sign drawn before its consonant).
            canvas.addLiteral(f"/Span <</ActualText <{_utf16(chunk)}>>> BDC")
            canvas.drawString(x, y, shaped(chunk, name))
            canvas.addLiteral("EMC")
        else:
            canvas.drawString(x, y, chunk)
        x += _width(chunk, name, size)
    canvas.setFont(font, size)
    return x - start


def draw_right_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw one line ending at x."""
    draw_text(canvas, x - text_width(text, font, size), y, text, font, size)


def needs_scripts(text: str) -> bool:
    """Whether ``text`` has right-to-left letters or characters DejaVu's faces lack (plain strings
    drawn in one font would get them wrong)."""
    return bool(_RTL.search(text)) or any(font_for(ch) is not None for ch in text)
