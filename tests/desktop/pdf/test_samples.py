"""The documents the benchmark measures: a representative French acknowledgment and its one-page baseline."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop.pdf import render_acknowledgment_pdf
from desktop.pdf.samples import SAMPLE_NAME, measure, one_page_document, sample_acknowledgment
from tests.support.documents import pdftotext


def test_the_baseline_is_one_page_in_the_acknowledgments_font() -> None:
    reader = PdfReader(io.BytesIO(one_page_document()))
    assert len(reader.pages) == 1
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values()} == {"DejaVuSans"}


def test_the_sample_is_french_with_annex_summary_and_a_name_in_devanagari() -> None:
    pdf = render_acknowledgment_pdf(sample_acknowledgment())
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    text = pdftotext(pdf)
    assert SAMPLE_NAME in text
    assert (
        "Annexe — Texte intégral de la politique de confidentialité" in text
        and "Résumé lu au comptoir" in text
    )
    assert f"Page {pages} de {pages}" in text


def test_measure_times_both_in_turns() -> None:
    times = measure(repeats=2)
    assert set(times) == {"acknowledgment", "one_page"}
    assert all(len(samples) == 2 and min(samples) > 0 for samples in times.values())
