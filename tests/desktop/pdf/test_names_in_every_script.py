"""Names in the scripts Quebec clients write them in: drawn in the acknowledgment PDF in the right
order and with embedded fonts, or refused at entry when no shipped font draws a character."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desktop.domain.enums import Language
from desktop.domain.errors import ValidationError
from desktop.domain.glyphs import undrawable_characters
from desktop.domain.records import ClientDraft
from desktop.domain.validation import validate_client
from desktop.pdf import render_acknowledgment_pdf
from desktop.pdf.scripts import needs_scripts, visual
from tests.desktop.pdf.test_acknowledgment_pdf import make_doc
from tests.support.documents import pdftotext
from tests.support.pdffonts import logical, pdffonts_rows, unembedded_fonts

NAMES = {
    "arabic": "عائشة بنت محمد",
    "arabic_marks": "مُحَمَّد عبد الله",  # vowel marks kept; Allah drawn as joined letters
    "persian": "پریسا گلزار",
    "urdu": "ٹھیکیدار بڑی",
    "hebrew": "שרה כהן",
    "chinese": "李小龍",
    "traditional": "陳美麗",
    "japanese": "山田はなこ",
    "korean": "김민준",
    "vietnamese": "Nguyễn Thị Ánh",
    "greek": "Αικατερίνη Παπαδοπούλου",
    "cyrillic": "Жанна Иванова",
}


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {
        script: render_acknowledgment_pdf(
            make_doc(client_name=name, signer_name=name, clinic_location_label=f"1200, {name}")
        )
        for script, name in NAMES.items()
    }


@pytest.mark.parametrize("script", sorted(NAMES))
def test_the_name_reads_back_as_typed(script: str, pdfs: dict[str, bytes]) -> None:
    text = logical(pdftotext(pdfs[script]))
    # Table cell, signer, under the signature and in every page's footer.
    assert text.count(NAMES[script]) >= 4, text[:600]


@pytest.mark.parametrize("script", ["arabic", "persian"])
def test_arabic_letters_are_drawn_joined(script: str, pdfs: dict[str, bytes]) -> None:
    raw = pdftotext(pdfs[script])
    # Joined letters are drawn as their contextual forms, which extract as presentation forms.
    assert any(
        "ARABIC LETTER" in unicodedata.name(ch, "") and "FORM" in unicodedata.name(ch, "") for ch in raw
    )


def test_right_to_left_names_are_drawn_right_to_left() -> None:
    # Drawn left to right, the last letter comes first; the French text around keeps its order.
    assert visual("שרה") == "הרש"
    assert visual("Nom : שרה כהן") == "Nom : ןהכ הרש"
    drawn = visual("عائشة")
    assert unicodedata.normalize("NFKC", drawn) == "عائشة"[::-1]
    assert drawn != "عائشة"[::-1]  # joined forms, not isolated letters
    assert visual("Zoé Côté") == "Zoé Côté"


@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_font_is_embedded_as_a_subset_with_a_unicode_map(script: str, pdfs: dict[str, bytes]) -> None:
    assert pdffonts_rows(pdfs[script])
    assert unembedded_fonts(pdfs[script]) == []


@pytest.mark.parametrize(
    ("script", "font"), [("chinese", "DroidSansFallback"), ("korean", "FrontDeskHangul")]
)
def test_han_and_hangul_use_their_fallback_font(script: str, font: str, pdfs: dict[str, bytes]) -> None:
    assert any(font in row for row in pdffonts_rows(pdfs[script]))
    assert not any(font in row for row in pdffonts_rows(pdfs["vietnamese"]))


def test_latin_names_stay_plain_text() -> None:
    assert not needs_scripts("Nguyễn Thị Côté-O'Brien")
    assert needs_scripts("李") and needs_scripts("שרה") and needs_scripts("김")


@pytest.mark.parametrize("name", NAMES.values())
def test_every_supported_name_is_accepted_at_entry(name: str) -> None:
    assert undrawable_characters(name) == []
    draft = ClientDraft(name, name, date(1980, 4, 12), street=f"1200, rue {name}", city=name)
    assert validate_client(draft, today=date(2026, 11, 24)).first_name == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    ("field", "value", "character"),
    [
        ("first_name", "Zoé 🥰", "🥰"),
        ("last_name", "Tremblay🎉", "🎉"),
        ("street", "12 rue des Érables 🏠", "🏠"),
        ("city", "Québec 🇨🇦", "🇨"),
    ],
)
def test_a_character_no_font_draws_is_refused_at_entry_by_name(
    field: str, value: str, character: str
) -> None:
    values = {"last_name": "Côté", "first_name": "Zoé", "street": "", "city": "", field: value}
    draft = ClientDraft(
        values["last_name"],
        values["first_name"],
        date(1980, 4, 12),
        street=values["street"],
        city=values["city"],
    )
    with pytest.raises(ValidationError) as raised:
        validate_client(draft, today=date(2026, 11, 24))
    problem = raised.value.for_field(field)
    assert problem is not None and problem.code == "undrawable_characters"
    code_point = f"U+{ord(character):04X}"
    french, english = problem.message(Language.FR), problem.message(Language.EN)
    assert character in french and code_point in french and "imprimé" in french
    assert character in english and code_point in english and "printed" in english


def test_the_refusal_names_every_character_once() -> None:
    assert undrawable_characters("🥰 Zoé 🥰 🎉") == ["🥰", "🎉"]
