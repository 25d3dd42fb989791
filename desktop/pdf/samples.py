"""A representative acknowledgment and a one-page baseline, for measuring what an acknowledgment costs.

The acknowledgment is the one a French desk prints most: signed, every purpose x channel of the
grid, the French policy and its summary in annex; the client's name is in Devanagari by default, so
the fallback font (Noto Sans Devanagari) is embedded and its run shaped with HarfBuzz, as for the
names of every script. The baseline is a one-page reportlab document set in the same font: the
policy's opening paragraphs in the body style, as many as fill one page.

    from desktop.pdf.samples import measure
    measure(repeats=20)  # {"acknowledgment": [seconds, ...], "one_page": [seconds, ...]}
"""

from __future__ import annotations

import hashlib
import io
import time
from datetime import date, datetime, timedelta, timezone

from PIL import Image, ImageDraw
from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.wording import channel_label, purpose_label
from desktop.paths import resource_path
from desktop.pdf.acknowledgment import render_acknowledgment_pdf
from desktop.pdf.annex_pages import body_frame
from desktop.pdf.document import AcknowledgmentDocument, ClinicInfo, ConsentChoice
from desktop.pdf.markup import esc
from desktop.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZE, make_styles
from desktop.pdf.verification import verification_code

SAMPLE_NAME = "अनन्या शर्मा"
SAMPLE_ACK_ID = "3f1c9a52-8d4e-4b7a-9c61-2e5d7f0a4b18"
#: The policy's opening paragraphs that fill one page in the body style.
ONE_PAGE_PARAGRAPHS = 15


def _policy(name: str) -> str:
    return resource_path("policies", name).read_text(encoding="utf-8")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sample_signature() -> bytes:
    image = Image.new("RGBA", (600, 180), (0, 0, 0, 0))
    points = [
        (30, 130),
        (80, 50),
        (120, 120),
        (170, 40),
        (210, 135),
        (260, 70),
        (330, 110),
        (420, 60),
        (560, 95),
    ]
    ImageDraw.Draw(image).line(points, fill=(20, 30, 80, 255), width=5, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_acknowledgment(
    name: str = SAMPLE_NAME, acknowledgment_id: str = SAMPLE_ACK_ID
) -> AcknowledgmentDocument:
    policy = _policy("2020-04-22.fr.txt")
    summary = _policy("2020-04-22.summary.fr.txt")
    language = Language.FR
    return AcknowledgmentDocument(
        language=language,
        clinic=ClinicInfo(
            name="Clinique médicale Saint-Roch",
            address_lines=("2250 boulevard Laurier, bureau 310", "Québec (QC) G1V 2M2"),
            phone="418 555-0100",
            email="accueil@saint-roch.example",
            privacy_officer_name="Marie-Ève Côté, responsable de la protection des renseignements",
            privacy_officer_contact="418 555-0100, poste 22",
        ),
        client_name=name,
        client_date_of_birth=date(1984, 2, 29),
        file_number="D-004512",
        policy_version_label="2020-04-22",
        policy_effective_date=date(2020, 4, 22),
        policy_text=policy,
        policy_sha256=_sha(policy),
        choices=tuple(
            ConsentChoice(purpose_label(p, language), channel_label(c, language), (i + j) % 2 == 0)
            for i, p in enumerate(Purpose)
            for j, c in enumerate(Channel)
        ),
        signed=True,
        signature_png=sample_signature(),
        signer_name=name,
        signer_capacity_label="Client",
        signed_at=datetime(2026, 11, 24, 10, 12, tzinfo=timezone(timedelta(hours=-5))),
        witness_name="Sophie Gagnon",
        clinic_location_label="Québec",
        refusal_note=None,
        verification_code=verification_code(acknowledgment_id),
        acknowledgment_id=acknowledgment_id,
        summary_text=summary,
        summary_sha256=_sha(summary),
    )


def one_page_document() -> bytes:
    """One page of the French policy in the acknowledgment's body style and font (the baseline)."""
    fonts.register_fonts()
    styles = make_styles()
    paragraphs = [p for p in _policy("2020-04-22.fr.txt").split("\n\n") if p.strip()][:ONE_PAGE_PARAGRAPHS]
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[body_frame()])])
    template.build([Paragraph(esc(p), styles.body) for p in paragraphs])
    if template.page != 1:
        raise RuntimeError("the one-page baseline no longer fits on one page")
    return buffer.getvalue()


def measure(repeats: int = 20, name: str = SAMPLE_NAME) -> dict[str, list[float]]:
    """Seconds per acknowledgment and per one-page baseline, measured in turns (one of each per
    round, after one warm-up of each) so that the machine's load weighs on both alike."""
    doc = sample_acknowledgment(name)
    subjects = {"acknowledgment": lambda: render_acknowledgment_pdf(doc), "one_page": one_page_document}
    times: dict[str, list[float]] = {key: [] for key in subjects}
    for subject in subjects.values():
        subject()
    for _ in range(repeats):
        for key, subject in subjects.items():
            start = time.perf_counter()
            subject()
            times[key].append(time.perf_counter() - start)
    return times
