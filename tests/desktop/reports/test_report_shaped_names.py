"""A client named in Devanagari and in Gurmukhi: the access log report draws both names shaped, in
the embedded Noto fonts (see tests/desktop/pdf/test_shaped_scripts.py for the glyphs themselves)."""

from __future__ import annotations

import re

from desktop.domain.enums import Language
from desktop.reports import render_report
from tests.desktop.reports.conftest import END, START
from tests.support.documents import new_client, pdftotext
from tests.support.pdffonts import pdffonts_rows, unembedded_fonts


def test_devanagari_and_gurmukhi_names_print_shaped_in_a_report(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist, "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "अनन्या शर्मा")
    report = services.reports.access_log(team.privacy_officer, client.file_number, START, END)
    pdf = render_report(report, "pdf", Language.FR)
    assert unembedded_fonts(pdf) == []
    rows = pdffonts_rows(pdf)
    assert any("NotoSansDevanagari" in row for row in rows)
    assert any("NotoSansGurmukhi" in row for row in rows)
    # Table cells are Paragraphs: their glyphs read back in drawing order (the reph after its
    # syllable, the i vowel sign before its consonant), each conjunct as its letters.
    text = re.sub(r"\s", "", pdftotext(pdf))
    assert "अनन्याशमार्" in text and "ਗੁਰਪ੍ਰੀਤਿਸੰਘ" in text, text[:800]
