"""Devanagari and Gurmukhi names: shaped with HarfBuzz (conjuncts, reph, vowel signs before or above
their consonant), drawn in the embedded Noto fonts, and read back from the PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import uharfbuzz
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.domain.glyphs import DEVANAGARI, GURMUKHI, undrawable_characters
from desktop.paths import resource_path
from desktop.pdf import fonts, render_acknowledgment_pdf
from desktop.pdf.scripts import draw_text, markup, runs, text_width
from tests.desktop.pdf.test_acknowledgment_pdf import make_doc
from tests.support.documents import pdftotext
from tests.support.pdffonts import pdffonts_rows, unembedded_fonts

NAMES = {"devanagari": "अनन्या शर्मा", "gurmukhi": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"}
FILES = {"devanagari": DEVANAGARI, "gurmukhi": GURMUKHI}
#: Paragraph text as pdftotext reads it: the glyphs in drawing order (the reph after the syllable it
#: sits on, the i vowel sign before its consonant), a conjunct as its letters.
AS_DRAWN = {"devanagari": "अनन्या शमार्", "gurmukhi": "ਗੁਰਪ੍ਰੀਤ ਿਸੰਘ"}


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {
        script: render_acknowledgment_pdf(
            make_doc(client_name=name, signer_name=name, clinic_location_label=f"1200, {name}")
        )
        for script, name in NAMES.items()
    }


def harfbuzz_glyphs(text: str, filename: str) -> list[str]:
    """The glyph names HarfBuzz shapes ``text`` into with the shipped font, straight from the file."""
    blob = uharfbuzz.Blob.from_file_path(str(resource_path("fonts", filename)))
    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {})
    return [font.glyph_to_string(info.codepoint) for info in buffer.glyph_infos]


def outline(font: TTFont, glyph: str) -> tuple[object, ...]:
    coordinates, ends, _flags = font["glyf"][glyph].getCoordinates(font["glyf"])
    return tuple(coordinates), tuple(ends)


def drawn_outlines(pdf: bytes, font_name: str) -> Iterator[list[tuple[object, ...]]]:
    """Each string the first page shows in ``font_name``, as the outlines of its glyphs in the
    embedded subset, in drawing order."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    resources = page["/Resources"]["/Font"]
    key = next(k for k, v in resources.items() if font_name in v.get_object()["/BaseFont"])
    program = resources[key].get_object()["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    subset = TTFont(io.BytesIO(program))
    codes = subset["cmap"].tables[0].cmap
    current = None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            current = operands[0]
        elif operator in (b"Tj", b"TJ") and current == key:
            shown = (
                [operands[0]]
                if operator == b"Tj"
                else [o for o in operands[0] if hasattr(o, "original_bytes")]
            )
            yield [outline(subset, codes[b]) for part in shown for b in part.original_bytes]


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_glyphs_drawn_are_the_ones_harfbuzz_shapes(script: str, pdfs: dict[str, bytes]) -> None:
    original = TTFont(str(resource_path("fonts", FILES[script])))
    expected = [outline(original, glyph) for glyph in harfbuzz_glyphs(NAMES[script], FILES[script])]
    drawn = list(drawn_outlines(pdfs[script], original["name"].getDebugName(6)))
    # The name cell (a Paragraph) comes first; the footer (drawn on the canvas, the space before
    # « · Dossier » in the same run) last.
    assert drawn[0] == expected
    assert drawn[-1][: len(expected)] == expected
    # Shaping changed something: a conjunct, reph or reordered vowel sign is not one glyph per letter.
    assert len(expected) != len(NAMES[script]) or expected != [
        outline(original, original.getBestCmap()[ord(ch)]) for ch in NAMES[script]
    ]


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_name_reads_back_from_the_pdf(script: str, pdfs: dict[str, bytes]) -> None:
    text = pdftotext(pdfs[script])
    # Lines drawn on the canvas (every page's footer) carry the typed text (ActualText).
    assert text.count(NAMES[script]) >= 4, text[:600]
    # Paragraphs (name, signer, place, under the signature) give the letters in drawing order.
    assert text.count(AS_DRAWN[script]) >= 4, text[:600]
    assert sorted(AS_DRAWN[script]) == sorted(NAMES[script])
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)  # no private-use code for a conjunct


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_noto_font_is_embedded_as_a_subset(script: str, pdfs: dict[str, bytes]) -> None:
    assert unembedded_fonts(pdfs[script]) == []
    font = {"devanagari": "NotoSansDevanagari", "gurmukhi": "NotoSansGurmukhi"}[script]
    assert any(font in row for row in pdffonts_rows(pdfs[script]))


@pytest.mark.parametrize("name", ["प्रियंका क्षत्रिय द्विवेदी", "ਹਰਪ੍ਰੀਤ ਕੌਰ ਢਿੱਲੋਂ"])
def test_every_letter_of_a_shaped_paragraph_reads_back(name: str) -> None:
    # A conjunct next to a vowel sign drawn before it: two glyphs no character maps to, in one cluster.
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    paragraph = Paragraph(markup(name), ParagraphStyle("Name", fontName=fonts.REGULAR, fontSize=12))
    paragraph.wrapOn(canvas, 400, 100)
    paragraph.drawOn(canvas, 50, 700)
    canvas.save()
    text = pdftotext(out.getvalue()).strip()
    assert sorted(text.replace(" ", "")) == sorted(name.replace(" ", ""))


def test_a_shaped_line_is_as_wide_as_harfbuzz_places_it() -> None:
    fonts.register_fonts()
    blob = uharfbuzz.Blob.from_file_path(str(resource_path("fonts", DEVANAGARI)))
    face = uharfbuzz.Face(blob)
    buffer = uharfbuzz.Buffer()
    buffer.add_str("अनन्या")
    buffer.guess_segment_properties()
    uharfbuzz.shape(uharfbuzz.Font(face), buffer, {})
    advance = sum(p.x_advance for p in buffer.glyph_positions) * 12 / face.upem
    assert text_width("अनन्या", fonts.REGULAR, 12) == pytest.approx(advance)
    assert text_width("Zoé अनन्या", fonts.REGULAR, 12) > advance
    canvas = Canvas(io.BytesIO())
    assert draw_text(canvas, 0, 0, "अनन्या", fonts.REGULAR, 12) == pytest.approx(advance)


def test_joiners_and_spaces_stay_in_the_shaped_run() -> None:
    assert [font for font, _ in runs("क्\u200dष अनन्या")] == [fonts.DEVANAGARI]
    assert list(runs("Zoé ਗੁਰਪ੍ਰੀਤ")) == [(None, "Zoé "), (fonts.GURMUKHI, "ਗੁਰਪ੍ਰੀਤ")]


@pytest.mark.parametrize("name", ["अनन्या शर्मा", "किरण प्रियंका", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "ਹਰਪ੍ਰੀਤ ਕੌਰ ਢਿੱਲੋਂ", "क्\u200dष"])
def test_devanagari_and_gurmukhi_are_accepted_at_entry(name: str) -> None:
    assert undrawable_characters(name) == []


def test_an_emoji_beside_them_is_still_refused() -> None:
    assert undrawable_characters("अनन्या 🙏 ਸਿੰਘ") == ["🙏"]
