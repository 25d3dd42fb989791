"""The summary read at the desk, printed after the policy in the annex: checked like the policy text."""

from __future__ import annotations

import hashlib

import pytest

from desktop.paths import resource_path
from desktop.pdf.acknowledgment import render_acknowledgment_pdf
from tests.desktop.pdf.test_acknowledgment_pdf import make_doc
from tests.support.documents import pdftotext_body, squash

SUMMARY = resource_path("policies", "2020-04-22.summary.en.txt").read_text(encoding="utf-8")
SUMMARY_SHA = hashlib.sha256(SUMMARY.encode("utf-8")).hexdigest()


def test_the_summary_follows_the_policy_with_its_fingerprint() -> None:
    doc = make_doc(language="en", summary_text=SUMMARY, summary_sha256=SUMMARY_SHA)
    body = pdftotext_body(render_acknowledgment_pdf(doc))
    assert squash(doc.policy_text) in body and squash(SUMMARY) in body
    assert body.index(squash(doc.policy_text)) < body.index("Summary read at the desk") < body.index(squash(SUMMARY))
    assert SUMMARY_SHA in body and body.rstrip().endswith("— End of the summary —")


def test_without_a_summary_the_annex_is_the_policy_alone() -> None:
    body = pdftotext_body(render_acknowledgment_pdf(make_doc()))
    assert "Résumé lu au comptoir" not in body
    assert body.rstrip().endswith("— Fin du texte de la politique —")


@pytest.mark.parametrize(
    "summary",
    [
        {"summary_text": SUMMARY, "summary_sha256": None},
        {"summary_text": None, "summary_sha256": SUMMARY_SHA},
        {"summary_text": SUMMARY + " ", "summary_sha256": SUMMARY_SHA},
        {"summary_text": " \n", "summary_sha256": hashlib.sha256(b" \n").hexdigest()},
    ],
    ids=["hash-missing", "text-missing", "hash-of-another-text", "blank"],
)
def test_a_summary_that_does_not_match_its_hash_is_refused(summary: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="summary"):
        render_acknowledgment_pdf(make_doc(**summary))
