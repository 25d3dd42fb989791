"""The annex laid out once per policy version and language and reused: every page still carries its
own furniture (running header, client, verification code, "Page N of M"), read back page by page."""

from __future__ import annotations

import hashlib
import io
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph

from desktop.paths import resource_path
from desktop.pdf import AcknowledgmentDocument, render_acknowledgment_pdf, verification_code
from desktop.pdf.annex_pages import AnnexKey, annex_pages, clear_cache
from desktop.pdf.fonts import register_fonts
from desktop.pdf.styles import make_styles
from tests.desktop.pdf.test_acknowledgment_pdf import CLINIC, make_doc, squash

FRENCH = resource_path("policies", "2020-04-22.fr.txt").read_text(encoding="utf-8")
FRENCH_SUMMARY = resource_path("policies", "2020-04-22.summary.fr.txt").read_text(encoding="utf-8")
OTHER_ACK = "7b2e4c10-1a9d-4e55-8f0b-6c3d2a1e9f77"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def french_doc(**overrides: object) -> AcknowledgmentDocument:
    values: dict[str, object] = {
        "policy_text": FRENCH,
        "policy_sha256": sha(FRENCH),
        "summary_text": FRENCH_SUMMARY,
        "summary_sha256": sha(FRENCH_SUMMARY),
    }
    values.update(overrides)
    return make_doc(**values)


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """Each page's text as poppler reads it, one page at a time."""
    path = tmp_path / "ack.pdf"
    path.write_bytes(pdf)
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    return [
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout.decode("utf-8")
        for n in range(1, total + 1)
    ]


def test_every_page_keeps_its_header_footer_and_number(tmp_path: Path) -> None:
    clear_cache()
    first = render_acknowledgment_pdf(french_doc())
    # The second client's document reuses the annex laid out for the first.
    other = french_doc(
        client_name="Jean Tremblay",
        signer_name="Jean Tremblay",
        file_number="D-000777",
        acknowledgment_id=OTHER_ACK,
    )
    second = render_acknowledgment_pdf(other)
    for pdf, name, number, ack in (
        (first, "Nguyễn Thị Côté-O'Brien", "D-004512", make_doc().acknowledgment_id),
        (second, "Jean Tremblay", "D-000777", OTHER_ACK),
    ):
        pages = [squash(text) for text in page_texts(pdf, tmp_path)]
        assert len(pages) >= 4
        code = verification_code(ack)
        for index, text in enumerate(pages, start=1):
            assert f"Page {index} de {len(pages)}" in text, index
            assert name in text and number in text and code in text, index
            if index > 1:
                # The running header: the clinic and the document's title.
                assert (
                    CLINIC.name in text and "Accusé de réception de la politique de confidentialité" in text
                )
        assert "Annexe — Texte intégral de la politique de confidentialité" in pages[1]
        assert "— Fin du résumé —" in pages[-1]
    body = squash(" ".join(page_texts(second, tmp_path)))
    assert squash(FRENCH.splitlines()[0]) in body and "Nguyễn" not in body


def test_a_cached_annex_gives_the_same_bytes_as_a_fresh_one() -> None:
    clear_cache()
    cold = render_acknowledgment_pdf(french_doc())
    render_acknowledgment_pdf(french_doc(language="en"))  # another annex in between
    warm = render_acknowledgment_pdf(french_doc())
    assert cold == warm


def test_the_annex_is_laid_out_once_per_version_and_language() -> None:
    clear_cache()
    laid_out: list[str] = []

    def story(label: str) -> Callable[[], list[Flowable]]:
        def make() -> list[Flowable]:
            register_fonts()
            laid_out.append(label)
            return [Paragraph(label, make_styles().policy)]

        return make

    french = AnnexKey(sha(FRENCH), None, "2020-04-22", "2020-04-22", "fr")
    english = AnnexKey(sha(FRENCH), None, "2020-04-22", "2020-04-22", "en")
    newer = AnnexKey(sha(FRENCH + " "), None, "2021-01-01", "2021-01-01", "fr")
    for key, label in ((french, "fr"), (french, "fr"), (english, "en"), (newer, "new"), (french, "fr")):
        assert annex_pages(key, story(label)).pages == 1
    assert laid_out == ["fr", "en", "new"]


def test_another_version_prints_its_own_text(tmp_path: Path) -> None:
    clear_cache()
    render_acknowledgment_pdf(french_doc())
    changed = FRENCH.replace("POLITIQUE DE CONFIDENTIALITÉ", "POLITIQUE DE CONFIDENTIALITÉ RÉVISÉE", 1)
    assert changed != FRENCH
    pdf = render_acknowledgment_pdf(
        french_doc(policy_text=changed, policy_sha256=sha(changed), policy_version_label="2025-01-01")
    )
    body = squash(" ".join(page_texts(pdf, tmp_path)))
    assert "POLITIQUE DE CONFIDENTIALITÉ RÉVISÉE" in body and sha(changed) in body


def test_a_first_part_over_one_page_is_followed_by_the_annex_not_a_nearly_blank_page(tmp_path: Path) -> None:
    """A clinic with a long address spills the first part onto page 2: the annex starts there
    (as the annex laid out with the document always did) and every page keeps its number."""
    clear_cache()
    long_clinic = replace(CLINIC, address_lines=CLINIC.address_lines + ("Pavillon B, 3e étage",) * 6)
    pages = page_texts(render_acknowledgment_pdf(french_doc(clinic=long_clinic)), tmp_path)
    assert "registre de la clinique" in squash(pages[1]), "the first part should spill onto page 2"
    assert "Annexe" in squash(pages[1]) and "Annexe" not in squash(pages[0])
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} de {len(pages)}" in squash(text)
