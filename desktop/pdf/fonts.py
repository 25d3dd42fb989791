"""The fonts shipped in ``resources/fonts``, registered with reportlab: DejaVu, and for the names
DejaVu cannot draw, Droid Sans Fallback (Han, kana), FrontDesk Hangul, Noto Sans Devanagari and Noto
Sans Gurmukhi (see :mod:`desktop.pdf.scripts`).

Every PDF FrontDesk writes uses these TrueType fonts, which reportlab embeds as subsets, so that
accented French names, Vietnamese names (Nguyễn), typographic quotes and bullets print the same on
every computer. The 14 standard PDF fonts are never used: they are not embedded and only cover
Latin-1.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desktop.domain import glyphs
from desktop.paths import resource_path

REGULAR = "FrontDesk"
BOLD = "FrontDesk-Bold"
ITALIC = "FrontDesk-Oblique"
MONO = "FrontDesk-Mono"
FAMILY = REGULAR
#: DejaVu Sans again, for characters the bold or oblique face lacks (some Arabic forms): a family of
#: its own, so that ``<b>`` around it keeps it.
PLAIN = "FrontDesk-Plain"
#: Han and kana, then Hangul: used only for the characters of a name that DejaVu has no glyph for.
CJK = "FrontDesk-CJK"
HANGUL = "FrontDesk-Hangul"
#: Devanagari and Gurmukhi: their runs are shaped with HarfBuzz (see :mod:`desktop.pdf.scripts`).
DEVANAGARI = "FrontDesk-Devanagari"
GURMUKHI = "FrontDesk-Gurmukhi"
SHAPED = frozenset({DEVANAGARI, GURMUKHI})

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}
# Registered on first use only: the Han font is 4 MB to read, and most documents never need it.
_FALLBACK_FILES = {
    PLAIN: glyphs.MAIN,
    CJK: glyphs.CJK,
    HANGUL: glyphs.HANGUL,
    DEVANAGARI: glyphs.DEVANAGARI,
    GURMUKHI: glyphs.GURMUKHI,
}

_lock = threading.Lock()
_registered = False
_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap
# A shaped glyph no character maps to (a conjunct, a reph, a vowel sign's variant) is drawn through a
# private-use code reportlab gives it; the text it stands for, by font (PostScript name) and code.
_glyph_texts: dict[str, dict[int, str]] = {}


def _utf16_hex(code: int) -> str:
    """A code point as a ToUnicode CMap writes it: UTF-16BE, a surrogate pair above U+FFFF."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def name_glyph(font: TTFont, code: int, text: str) -> None:
    """Record that the private-use ``code`` of ``font`` draws a glyph standing for ``text`` (the
    first text recorded stays: one glyph, one meaning)."""
    _glyph_texts.setdefault(font.face.name.decode("latin-1"), {}).setdefault(code, text)


def glyph_text(font: TTFont, code: int) -> str | None:
    """The text recorded for the private-use ``code`` of ``font``, if any."""
    return _glyph_texts.get(font.face.name.decode("latin-1"), {}).get(code)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with characters above U+FFFF written as surrogate pairs: reportlab
    writes them as five hex digits, which PDF readers truncate (a name with 😀 or 𝕏 prints right
    but copies, searches and extracts as other characters). A shaped glyph's private-use code maps
    to the text it stands for (a conjunct extracts as its letters). Other lines are left as they are."""
    named = _glyph_texts.get(fontname.partition("+")[2], {})
    fixed = {
        f"<{i:02X}> <{code:04X}>": f"<{i:02X}> <{''.join(_utf16_hex(ord(ch)) for ch in named.get(code, chr(code)))}>"
        for i, code in enumerate(subset)
        if code > 0xFFFF or code in named
    }
    text = _reportlab_to_unicode_cmap(fontname, subset)
    return "\n".join(fixed.get(line, line) for line in text.split("\n")) if fixed else text


def register_fonts() -> None:
    """Register the FrontDesk fonts and the ``FrontDesk`` family with reportlab (idempotent).

    The family maps bold to ``FrontDesk-Bold`` and italic to ``FrontDesk-Oblique``; bold italic
    falls back to bold, which is enough for ``<b><i>`` in Paragraph markup.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        already = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name in already:
                continue
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"bundled font is missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
        pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO, italic=MONO, boldItalic=MONO)
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _registered = True


def ensure_fallback(name: str) -> None:
    """Register one of the fallback fonts (``PLAIN``, ``CJK``, ``HANGUL``, ``DEVANAGARI``,
    ``GURMUKHI``) if not yet done."""
    register_fonts()
    if name in pdfmetrics.getRegisteredFontNames():
        return
    with _lock:
        if name in pdfmetrics.getRegisteredFontNames():
            return
        path = resource_path("fonts", _FALLBACK_FILES[name])
        if not path.is_file():
            raise FileNotFoundError(f"bundled font is missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
