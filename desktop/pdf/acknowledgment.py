"""The signed privacy-policy acknowledgment, rendered as a PDF.

``render_acknowledgment_pdf`` is a pure function: an :class:`AcknowledgmentDocument` in, PDF bytes
out. It touches no database and reads nothing but the bundled fonts, and the same input always
gives the same bytes (reportlab's invariant mode, no clock-based metadata), so the SHA-256 of a
stored acknowledgment can be reproduced.

Layout (US Letter, as Quebec clinics print on Letter):

* page 1: clinic header, title, client, the acknowledgment statement (or the refusal to sign), the
  consent choices (purpose x channel), signature block, how to withdraw consent, privacy officer,
  verification code;
* annex: the full text of the policy version that was presented, with its SHA-256;
* every page: client name, file number, verification code and "Page X de Y" / "Page X of Y".

All text that people typed (names, notes, clinic fields, labels) and the policy text are escaped
before they reach reportlab's Paragraph markup, so ``<b>Zoé & "Léa"</b>`` prints verbatim.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.pdf import fonts
from desktop.pdf.verification import InvalidVerificationCode, normalise_code, verification_code

Language = Literal["fr", "en"]

PAGE_SIZE = LETTER
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.0 * cm
MARGIN_BOTTOM = 2.2 * cm
SIGNATURE_BOX = (7.5 * cm, 2.8 * cm)
MAX_SIGNATURE_PIXELS = 25_000_000


# ---------------------------------------------------------------------------------------------
# Input


@dataclass(frozen=True)
class ClinicInfo:
    name: str
    address_lines: tuple[str, ...]
    phone: str
    email: str
    privacy_officer_name: str
    privacy_officer_contact: str


@dataclass(frozen=True)
class ConsentChoice:
    purpose_label: str
    channel_label: str
    granted: bool


@dataclass(frozen=True)
class AcknowledgmentDocument:
    """Everything printed on one acknowledgment.

    ``policy_sha256`` must be the SHA-256 (hex) of ``policy_text`` encoded as UTF-8: the renderer
    refuses a document whose printed hash would not match the printed text. ``verification_code``
    must be ``verification_code(acknowledgment_id)`` (any spelling accepted by ``normalise_code``).
    ``signed_at`` must be timezone-aware and is printed in its own timezone (pass clinic local
    time). ``signature_png`` is required when ``signed`` is true and must be ``None`` otherwise.
    Labels (purposes, channels, signer capacity) arrive already localised.
    """

    language: Language
    clinic: ClinicInfo
    client_name: str
    client_date_of_birth: date
    file_number: str
    policy_version_label: str
    policy_effective_date: date
    policy_text: str
    policy_sha256: str
    choices: tuple[ConsentChoice, ...]
    signed: bool
    signature_png: bytes | None
    signer_name: str
    signer_capacity_label: str
    signed_at: datetime
    witness_name: str
    clinic_location_label: str
    refusal_note: str | None
    verification_code: str
    acknowledgment_id: str


# ---------------------------------------------------------------------------------------------
# Labels (French first: the Quebec rule)

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "lang": "fr-CA",
        "title": "Accusé de réception de la politique de confidentialité",
        "phone": "Tél.",
        "email": "Courriel",
        "client_section": "Client",
        "client_name": "Nom",
        "dob": "Date de naissance",
        "file_number": "Numéro de dossier",
        "file_short": "Dossier",
        "policy": "Politique de confidentialité",
        "policy_version": "Version de la politique",
        "policy_effective": "en vigueur le",
        "sha256": "Empreinte SHA-256",
        "sha256_long": "Empreinte SHA-256 du texte de la politique",
        "statement_signed": (
            "La personne soussignée reconnaît avoir reçu la politique de confidentialité de "
            "{clinic}, version du {version}, dont le texte intégral est reproduit en annexe, et avoir "
            "eu l’occasion de poser ses questions. Les choix de consentement exprimés sont indiqués "
            "ci-dessous."
        ),
        "statement_refused": (
            "La politique de confidentialité de {clinic}, version du {version}, dont le texte "
            "intégral est reproduit en annexe, a été présentée. La personne indiquée ci-dessous a "
            "refusé de signer l’accusé de réception."
        ),
        "refused_banner": "REFUS DE SIGNER — aucune signature n’a été recueillie",
        "refused_by": "A refusé de signer",
        "refusal_note": "Note du personnel",
        "no_refusal_note": "Aucune note.",
        "choices": "Choix de consentement",
        "purpose": "Finalité",
        "channel": "Moyen de communication",
        "choice": "Choix",
        "granted": "✔ Accordé",
        "declined": "✘ Refusé",
        "not_asked": "—",
        "no_choices": "Aucun choix de consentement n’a été enregistré.",
        "signature": "Signature",
        "refusal": "Refus de signer",
        "signature_of": "Signature de {name}",
        "signer": "Signataire",
        "capacity": "Qualité",
        "signed_at": "Date et heure",
        "witness": "Témoin (personnel)",
        "location": "Lieu",
        "withdraw": "Retirer ou modifier votre consentement",
        "withdraw_text": (
            "Vous pouvez retirer ou modifier votre consentement en tout temps, sans frais, en "
            "communiquant avec la clinique par téléphone au {phone}, par courriel à {email} ou par la "
            "poste à l’adresse suivante : {address}."
        ),
        "privacy_officer": "Responsable de la protection des renseignements personnels",
        "verification_code": "Code de vérification",
        "verification_text": (
            "Ce code permet de retrouver l’original de ce document dans le registre de la clinique "
            "et de confirmer que cet exemplaire y est conforme."
        ),
        "acknowledgment_id": "Identifiant de l’accusé",
        "annex": "Annexe — Texte intégral de la politique de confidentialité",
        "annex_intro": (
            "Texte de la politique tel que présenté, version du {version} (en vigueur le {effective})."
        ),
        "annex_end": "— Fin du texte de la politique —",
        "page": "Page {page} de {pages}",
        "empty": "—",
    },
    "en": {
        "lang": "en-CA",
        "title": "Privacy policy acknowledgment",
        "phone": "Tel.",
        "email": "Email",
        "client_section": "Client",
        "client_name": "Name",
        "dob": "Date of birth",
        "file_number": "File number",
        "file_short": "File",
        "policy": "Privacy policy",
        "policy_version": "Policy version",
        "policy_effective": "effective",
        "sha256": "SHA-256 fingerprint",
        "sha256_long": "SHA-256 fingerprint of the policy text",
        "statement_signed": (
            "The undersigned acknowledges having received the privacy policy of {clinic}, version of "
            "{version}, the full text of which is reproduced in the annex, and having had the "
            "opportunity to ask questions. The consent choices expressed are shown below."
        ),
        "statement_refused": (
            "The privacy policy of {clinic}, version of {version}, the full text of which is "
            "reproduced in the annex, was presented. The person named below refused to sign the "
            "acknowledgment."
        ),
        "refused_banner": "REFUSED TO SIGN — no signature was collected",
        "refused_by": "Refused to sign",
        "refusal_note": "Staff note",
        "no_refusal_note": "No note.",
        "choices": "Consent choices",
        "purpose": "Purpose",
        "channel": "Channel",
        "choice": "Choice",
        "granted": "✔ Granted",
        "declined": "✘ Declined",
        "not_asked": "—",
        "no_choices": "No consent choice was recorded.",
        "signature": "Signature",
        "refusal": "Refusal to sign",
        "signature_of": "Signature of {name}",
        "signer": "Signer",
        "capacity": "Capacity",
        "signed_at": "Date and time",
        "witness": "Witness (staff)",
        "location": "Location",
        "withdraw": "Withdrawing or changing your consent",
        "withdraw_text": (
            "You may withdraw or change your consent at any time, free of charge, by contacting the "
            "clinic by phone at {phone}, by email at {email} or by mail at the following address: "
            "{address}."
        ),
        "privacy_officer": "Person in charge of the protection of personal information",
        "verification_code": "Verification code",
        "verification_text": (
            "This code locates the original of this document in the clinic’s register and confirms "
            "that this copy matches it."
        ),
        "acknowledgment_id": "Acknowledgment ID",
        "annex": "Annex — Full text of the privacy policy",
        "annex_intro": "Policy text as presented, version of {version} (effective {effective}).",
        "annex_end": "— End of the policy text —",
        "page": "Page {page} of {pages}",
        "empty": "—",
    },
}


# ---------------------------------------------------------------------------------------------
# Text helpers

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BULLET_LINE = re.compile(r"^[ \t\u00a0]*([•◦▪‣●·*-])[ \t\u00a0]+(.*)$")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0\u2000-\u200b\u202f\u3000]*\n")
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def _clean(text: str | None) -> str:
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_CHARS.sub("", text)


def esc(text: str | None) -> str:
    """Escape typed text for Paragraph markup (``& < >`` and both quotes); newlines become breaks."""
    escaped = escape(_clean(text), {'"': "&quot;", "'": "&#39;"})
    return escaped.replace("\n", "<br/>")


def _or_dash(text: str | None, labels: dict[str, str]) -> str:
    cleaned = _clean(text).strip()
    return esc(cleaned) if cleaned else labels["empty"]


def _format_signed_at(moment: datetime) -> str:
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{moment:%Y-%m-%d %H:%M} (UTC{sign}{hours:02d}:{mins:02d})"


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


# ---------------------------------------------------------------------------------------------
# Validation


def _validate(doc: AcknowledgmentDocument) -> str:
    """Check the document is consistent; return the canonical verification code."""
    if doc.language not in LABELS:
        raise ValueError(f"unsupported language: {doc.language!r}")
    if not isinstance(doc.signed_at, datetime) or doc.signed_at.utcoffset() is None:
        raise ValueError("signed_at must be a timezone-aware datetime")
    if not isinstance(doc.client_date_of_birth, date) or not isinstance(doc.policy_effective_date, date):
        raise ValueError("client_date_of_birth and policy_effective_date must be dates")
    if not doc.policy_text.strip():
        raise ValueError("policy_text is empty")
    if not _HEX64.fullmatch(doc.policy_sha256 or ""):
        raise ValueError("policy_sha256 must be 64 hexadecimal characters")
    actual = hashlib.sha256(doc.policy_text.encode("utf-8")).hexdigest()
    if actual != doc.policy_sha256.lower():
        raise ValueError("policy_sha256 does not match policy_text (SHA-256 of its UTF-8 encoding)")
    if not doc.acknowledgment_id or not doc.acknowledgment_id.strip():
        raise ValueError("acknowledgment_id is empty")
    expected = verification_code(doc.acknowledgment_id)
    try:
        given = normalise_code(doc.verification_code)
    except InvalidVerificationCode as exc:
        raise ValueError(f"verification_code is not a valid code: {exc}") from exc
    if given != expected:
        raise ValueError("verification_code does not belong to acknowledgment_id")
    if doc.signed and not doc.signature_png:
        raise ValueError("a signed acknowledgment needs signature_png")
    if not doc.signed and doc.signature_png is not None:
        raise ValueError("a refused acknowledgment must not carry a signature image")
    seen: set[tuple[str, str]] = set()
    for choice in doc.choices:
        key = (choice.purpose_label, choice.channel_label)
        if key in seen:
            raise ValueError(f"consent choice listed twice: {key!r}")
        seen.add(key)
    return expected


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    clinic: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    mono: ParagraphStyle
    code: ParagraphStyle
    banner: ParagraphStyle
    bullet: ParagraphStyle
    policy: ParagraphStyle
    policy_heading: ParagraphStyle
    policy_bullet: ParagraphStyle
    centered: ParagraphStyle
    tiny: ParagraphStyle
    heading_loose: ParagraphStyle
    tiny_mono: ParagraphStyle


def _styles() -> _Styles:
    ink = colors.HexColor("#111111")
    grey = colors.HexColor("#4a4a4a")
    base = ParagraphStyle(
        "FDBody",
        fontName=fonts.REGULAR,
        fontSize=10,
        leading=13.2,
        textColor=ink,
        bulletFontName=fonts.REGULAR,
        alignment=TA_LEFT,
        splitLongWords=1,
        spaceAfter=0,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    policy = derive("FDPolicy", fontSize=8.8, leading=11.4, spaceBefore=4.5)
    return _Styles(
        body=derive("FDBodyP", spaceAfter=4),
        small=derive("FDSmall", fontSize=8.5, leading=10.8),
        muted=derive("FDMuted", fontSize=8.5, leading=10.8, textColor=grey),
        title=derive("FDTitle", fontName=fonts.BOLD, fontSize=15, leading=19, spaceBefore=5, spaceAfter=3),
        clinic=derive("FDClinic", fontName=fonts.BOLD, fontSize=13, leading=16),
        heading=derive(
            "FDHeading",
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        label=derive("FDLabel", fontSize=9, leading=11.5, textColor=grey),
        cell=derive("FDCell", fontSize=9.5, leading=12),
        cell_bold=derive("FDCellBold", fontName=fonts.BOLD, fontSize=9.5, leading=12),
        mono=derive("FDMono", fontName=fonts.MONO, fontSize=8.6, leading=11, splitLongWords=1),
        code=derive("FDCode", fontName=fonts.MONO, fontSize=15, leading=19),
        banner=derive("FDBanner", fontName=fonts.BOLD, fontSize=11.5, leading=15, alignment=TA_CENTER),
        bullet=derive("FDBullet", leftIndent=16, bulletIndent=5, spaceBefore=1),
        policy=policy,
        policy_heading=ParagraphStyle(
            "FDPolicyHeading", parent=policy, fontName=fonts.BOLD, spaceBefore=7, keepWithNext=1
        ),
        policy_bullet=ParagraphStyle(
            "FDPolicyBullet",
            parent=policy,
            leftIndent=16,
            bulletIndent=5,
            spaceBefore=1.2,
            bulletFontName=fonts.REGULAR,
        ),
        centered=derive("FDCentered", fontSize=8.5, leading=10.8, alignment=TA_CENTER, textColor=grey),
        heading_loose=derive(
            "FDHeadingLoose", fontName=fonts.BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        tiny=derive("FDTiny", fontSize=7, leading=8.6, textColor=grey),
        tiny_mono=derive("FDTinyMono", fontName=fonts.MONO, fontSize=6.6, leading=8.4, textColor=grey),
    )


def _table_style(*extra: tuple) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *extra,
        ]
    )


# ---------------------------------------------------------------------------------------------
# Building blocks


def _key_value_table(rows: list[tuple[str, str]], st: _Styles, width: float, key_width: float) -> Table:
    data = [[Paragraph(key, st.label), Paragraph(value, st.cell)] for key, value in rows]
    return Table(
        data,
        colWidths=[key_width, width - key_width],
        hAlign="LEFT",
        splitInRow=1,
        style=_table_style(("LEFTPADDING", (0, 0), (0, -1), 0)),
    )


def _header(
    doc: AcknowledgmentDocument, code: str, labels: dict[str, str], st: _Styles, width: float
) -> list[Flowable]:
    """Clinic name, address and contact on the left; the verification code boxed on the right."""
    clinic = doc.clinic
    lines = [esc(line) for line in (_clean(x).strip() for x in clinic.address_lines) if line]
    colon = " :" if doc.language == "fr" else ":"
    contact = []
    if _clean(clinic.phone).strip():
        contact.append(f"{esc(labels['phone'])} {esc(clinic.phone.strip())}")
    if _clean(clinic.email).strip():
        contact.append(f"{esc(labels['email'])}{colon} {esc(clinic.email.strip())}")
    left: list[Flowable] = [Paragraph(_or_dash(clinic.name, labels), st.clinic)]
    if lines:
        left.append(Paragraph("<br/>".join(lines), st.small))
    if contact:
        left.append(Paragraph(" · ".join(contact), st.small))
    box_width = 5.6 * cm
    gap = 0.4 * cm
    header = Table(
        [[left, "", _verification_box(code, doc, labels, st, box_width)]],
        colWidths=[width - box_width - gap, gap, box_width],
        hAlign="LEFT",
        style=_table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    return [header, Spacer(1, 3), _Rule(width), Paragraph(esc(labels["title"]), st.title)]


class _Rule(Flowable):
    """A thin horizontal line across the frame."""

    def __init__(self, width: float, thickness: float = 0.6, space: float = 4) -> None:
        super().__init__()
        self.width = width
        self.thickness = thickness
        self.space = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.thickness + 2 * self.space

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#777777"))
        self.canv.setLineWidth(self.thickness)
        y = self.space + self.thickness / 2
        self.canv.line(0, y, self.width, y)


def _choices_block(
    doc: AcknowledgmentDocument, labels: dict[str, str], st: _Styles, width: float
) -> Flowable:
    if not doc.choices:
        return Paragraph(esc(labels["no_choices"]), st.body)

    def mark(granted: bool | None) -> Paragraph:
        if granted is None:
            return Paragraph(labels["not_asked"], st.cell)
        return Paragraph(
            esc(labels["granted" if granted else "declined"]), st.cell_bold if granted else st.cell
        )

    purposes: list[str] = []
    channels: list[str] = []
    for choice in doc.choices:
        if choice.purpose_label not in purposes:
            purposes.append(choice.purpose_label)
        if choice.channel_label not in channels:
            channels.append(choice.channel_label)
    grid = {(c.purpose_label, c.channel_label): c.granted for c in doc.choices}

    header_bg = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))
    grid_lines = ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))
    if len(channels) <= 4:
        # Matrix: one row per purpose, one column per channel.
        purpose_width = width * (0.44 if len(channels) > 2 else 0.5)
        channel_width = (width - purpose_width) / len(channels)
        data: list[list[Paragraph]] = [
            [Paragraph(esc(labels["purpose"]), st.cell_bold)]
            + [Paragraph(esc(ch), st.cell_bold) for ch in channels]
        ]
        for purpose in purposes:
            data.append(
                [Paragraph(_or_dash(purpose, labels), st.cell)]
                + [mark(grid.get((purpose, ch))) for ch in channels]
            )
        widths = [purpose_width] + [channel_width] * len(channels)
        spans: list[tuple] = []
        split_in_row = 1
    else:
        # Too many channels for columns: one row per purpose and channel, the purpose cell spanning
        # its rows (a purpose is never split across pages).
        data = [[Paragraph(esc(labels[k]), st.cell_bold) for k in ("purpose", "channel", "choice")]]
        spans = []
        for purpose in purposes:
            first_row = len(data)
            for channel in channels:
                if (purpose, channel) in grid:
                    data.append(
                        [
                            Paragraph(_or_dash(purpose, labels), st.cell) if len(data) == first_row else "",
                            Paragraph(_or_dash(channel, labels), st.cell),
                            mark(grid[(purpose, channel)]),
                        ]
                    )
            if len(data) - 1 > first_row:
                spans.append(("SPAN", (0, first_row), (0, len(data) - 1)))
        widths = [width * 0.45, width * 0.33, width * 0.22]
        split_in_row = 0
    return Table(
        data,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        splitInRow=split_in_row,
        style=_table_style(
            header_bg,
            grid_lines,
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            *spans,
        ),
    )


def _signature_image(png: bytes) -> Image:
    """The signature trimmed to its ink, flattened on white, scaled into the signature box."""
    try:
        with PILImage.open(io.BytesIO(png)) as source:
            if source.format != "PNG":
                raise ValueError("signature_png is not a PNG image")
            if source.width * source.height > MAX_SIGNATURE_PIXELS:
                raise ValueError("signature_png is too large")
            rgba = source.convert("RGBA")
    except (OSError, PILImage.DecompressionBombError) as exc:
        raise ValueError(f"signature_png cannot be read: {exc}") from exc
    flat = PILImage.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    ink = flat.convert("L").point(lambda v: 255 if v < 235 else 0)
    box = ink.getbbox()
    if box is None:
        raise ValueError("signature_png is blank")
    pad_x = max(1, round(0.03 * (box[2] - box[0])))
    pad_y = max(1, round(0.06 * (box[3] - box[1])))
    box = (
        max(0, box[0] - pad_x),
        max(0, box[1] - pad_y),
        min(flat.width, box[2] + pad_x),
        min(flat.height, box[3] + pad_y),
    )
    cropped = flat.crop(box)
    out = io.BytesIO()
    cropped.save(out, format="PNG", optimize=False)
    out.seek(0)
    max_w, max_h = SIGNATURE_BOX
    max_w -= 8
    max_h -= 8
    scale = min(max_w / cropped.width, max_h / cropped.height)
    return Image(out, width=cropped.width * scale, height=cropped.height * scale, hAlign="CENTER")


def _two_column_details(rows: list[tuple[str, str]], st: _Styles, width: float) -> Table:
    """Label/value pairs laid out two per line (label, value, label, value)."""
    data = []
    for i in range(0, len(rows), 2):
        pair = rows[i : i + 2]
        line = []
        for key, value in pair:
            line += [Paragraph(key, st.label), Paragraph(value, st.cell)]
        while len(line) < 4:
            line.append("")
        data.append(line)
    key_w = 3.3 * cm
    value_w = width / 2 - key_w
    return Table(
        data,
        colWidths=[key_w, value_w, key_w, value_w],
        hAlign="LEFT",
        splitInRow=1,
        style=_table_style(("LEFTPADDING", (0, 0), (0, -1), 0)),
    )


def _signature_block(
    doc: AcknowledgmentDocument, labels: dict[str, str], st: _Styles, width: float
) -> list[Flowable]:
    details = [
        (esc(labels["signer"] if doc.signed else labels["refused_by"]), _or_dash(doc.signer_name, labels)),
        (esc(labels["capacity"]), _or_dash(doc.signer_capacity_label, labels)),
        (esc(labels["signed_at"]), esc(_format_signed_at(doc.signed_at))),
        (esc(labels["witness"]), _or_dash(doc.witness_name, labels)),
        (esc(labels["location"]), _or_dash(doc.clinic_location_label, labels)),
    ]
    if not doc.signed:
        details = [details[0], details[2], details[1], details[4], details[3]]
    heading = Paragraph(esc(labels["signature"] if doc.signed else labels["refusal"]), st.heading)
    if not doc.signed:
        banner = Table(
            [[Paragraph(esc(labels["refused_banner"]), st.banner)]],
            colWidths=[width],
            style=_table_style(
                ("BOX", (0, 0), (-1, -1), 1.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f0f0f0")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ),
        )
        note = _clean(doc.refusal_note).strip()
        note_text = esc(note) if note else esc(labels["no_refusal_note"])
        return [
            KeepTogether(
                [
                    heading,
                    banner,
                    Spacer(1, 5),
                    _two_column_details(details, st, width),
                ]
            ),
            Spacer(1, 4),
            Paragraph(
                f"<b>{esc(labels['refusal_note'])} :</b> {note_text}"
                if doc.language == "fr"
                else f"<b>{esc(labels['refusal_note'])}:</b> {note_text}",
                st.body,
            ),
        ]

    assert doc.signature_png is not None
    image = _signature_image(doc.signature_png)
    box_w, box_h = SIGNATURE_BOX
    caption = Paragraph(
        esc(labels["signature_of"].format(name=_clean(doc.signer_name).strip() or "—")), st.muted
    )
    signature_cell = Table(
        [[image], [caption]],
        colWidths=[box_w],
        rowHeights=[box_h, None],
        style=_table_style(
            ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
            ("ALIGN", (0, 0), (0, 0), "CENTER"),
            ("LINEBELOW", (0, 0), (0, 0), 0.8, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    gap = 0.6 * cm
    details_width = width - box_w - gap
    block = Table(
        [[signature_cell, "", _key_value_table(details, st, details_width, 3.6 * cm)]],
        colWidths=[box_w, gap, details_width],
        hAlign="LEFT",
        style=_table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    return [KeepTogether([heading, block])]


def _withdraw_block(doc: AcknowledgmentDocument, labels: dict[str, str], st: _Styles) -> list[Flowable]:
    clinic = doc.clinic
    colon = " :" if doc.language == "fr" else ":"
    address_lines = [line for line in (_clean(x).strip() for x in clinic.address_lines) if line]
    address = ", ".join([_clean(clinic.name).strip()] + address_lines) if address_lines else ""
    # The sentence is escaped first, then its placeholders are replaced by the escaped values.
    marker = "\x00{}\x00"
    text = esc(labels["withdraw_text"]).replace("{", "\x00").replace("}", "\x00")
    for key, value in (("phone", clinic.phone), ("email", clinic.email), ("address", address)):
        text = text.replace(marker.format(key), f"<b>{_or_dash(value, labels)}</b>")
    officer = _clean(clinic.privacy_officer_name).strip()
    officer_contact = _clean(clinic.privacy_officer_contact).strip()
    officer_text = " — ".join(esc(x) for x in (officer, officer_contact) if x) or labels["empty"]
    return [
        Paragraph(esc(labels["withdraw"]), st.heading),
        Paragraph(text, st.body),
        Paragraph(f"<b>{esc(labels['privacy_officer'])}</b>{colon}<br/>{officer_text}", st.body),
    ]


def _verification_box(
    code: str, doc: AcknowledgmentDocument, labels: dict[str, str], st: _Styles, width: float
) -> Table:
    cells = [
        Paragraph(esc(labels["verification_code"]), st.label),
        Paragraph(esc(code), st.code),
        Paragraph(esc(labels["acknowledgment_id"]), st.tiny),
        Paragraph(esc(doc.acknowledgment_id.strip()), st.tiny_mono),
    ]
    return Table(
        [[cells]],
        colWidths=[width],
        hAlign="RIGHT",
        style=_table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#555555")),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ),
    )


def _is_heading_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and len(line) <= 140 and line == line.upper()


def _policy_groups(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split a paragraph's lines into bullet items and runs of text lines (headings kept apart)."""
    groups: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _BULLET_LINE.match(line)
        if match:
            groups.append(("bullet", [match.group(1), match.group(2)]))
            continue
        kind = "heading" if _is_heading_line(line) else "text"
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(line)
        else:
            groups.append((kind, [line]))
    return groups


def policy_flowables(text: str, st: _Styles) -> list[Flowable]:
    """The policy text, verbatim and escaped, keeping its paragraph and line breaks.

    Blank lines separate paragraphs; single line breaks are kept; lines starting with a bullet
    become indented bullet items; lines written all in capitals are set in bold.
    """
    first_bullet = ParagraphStyle("FDPolicyBulletFirst", parent=st.policy_bullet, spaceBefore=4.5)
    out: list[Flowable] = []
    for block in _BLANK_LINES.split(_clean(text).strip("\n")):
        lines = [line.strip(" \u00a0") for line in block.split("\n")]
        lines = [line for line in lines if line.strip(" \u00a0\u202f")]
        for index, (kind, content) in enumerate(_policy_groups(lines)):
            if kind == "bullet":
                bullet, item = content
                style = first_bullet if index == 0 else st.policy_bullet
                out.append(Paragraph(esc(item), style, bulletText=bullet))
            else:
                style = st.policy_heading if kind == "heading" else st.policy
                out.append(Paragraph("<br/>".join(esc(line) for line in content), style))
    return out


# ---------------------------------------------------------------------------------------------
# Page furniture: running header, footer and "Page X of Y"


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _numbered_canvas_factory(draw_furniture: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page until the end so every page can say how many pages there are."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                draw_furniture(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _furniture(
    doc: AcknowledgmentDocument, code: str, labels: dict[str, str]
) -> Callable[[Canvas, int, int], None]:
    page_w, page_h = PAGE_SIZE
    left, right = MARGIN_X, page_w - MARGIN_X
    grey = colors.HexColor("#555555")
    client = _clean(doc.client_name).strip() or labels["empty"]
    file_number = _clean(doc.file_number).strip() or labels["empty"]
    clinic_name = _clean(doc.clinic.name).strip()

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(grey)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        size = 7.8
        y = 1.15 * cm
        canvas.line(left, y + 10, right, y + 10)
        page_text = labels["page"].format(page=page, pages=pages)
        canvas.setFont(fonts.BOLD, size)
        canvas.drawRightString(right, y, page_text)
        page_w_used = stringWidth(page_text, fonts.BOLD, size)
        code_text = f"{labels['verification_code']} {code}"
        canvas.setFont(fonts.REGULAR, size)
        code_w = stringWidth(code_text, fonts.REGULAR, size)
        code_x = right - page_w_used - 0.8 * cm - code_w
        canvas.drawString(code_x, y, code_text)
        who = f"{client} · {labels['file_short']} {file_number}"
        canvas.drawString(left, y, _fit(who, fonts.REGULAR, size, code_x - left - 0.6 * cm))
        if page > 1:
            top = page_h - 1.25 * cm
            title = labels["title"]
            title_w = stringWidth(title, fonts.REGULAR, size)
            canvas.drawRightString(right, top, title)
            canvas.drawString(
                left, top, _fit(clinic_name, fonts.REGULAR, size, right - left - title_w - 0.8 * cm)
            )
            canvas.line(left, top - 4, right, top - 4)
        canvas.restoreState()

    return draw


# ---------------------------------------------------------------------------------------------
# Entry point


def render_acknowledgment_pdf(doc: AcknowledgmentDocument) -> bytes:
    """Render ``doc`` to PDF bytes (deterministic: identical input gives identical bytes)."""
    code = _validate(doc)
    fonts.register_fonts()
    labels = LABELS[doc.language]
    st = _styles()
    width = PAGE_SIZE[0] - 2 * MARGIN_X
    clinic_name = _clean(doc.clinic.name).strip()
    version = _clean(doc.policy_version_label).strip() or labels["empty"]
    effective = _as_date(doc.policy_effective_date).isoformat()

    story: list[Flowable] = []
    story += _header(doc, code, labels, st, width)

    story.append(Paragraph(esc(labels["client_section"]), st.heading))
    story.append(
        _key_value_table(
            [
                (esc(labels["client_name"]), f"<b>{_or_dash(doc.client_name, labels)}</b>"),
                (esc(labels["dob"]), esc(_as_date(doc.client_date_of_birth).isoformat())),
                (esc(labels["file_number"]), _or_dash(doc.file_number, labels)),
            ],
            st,
            width,
            4.2 * cm,
        )
    )

    story.append(Paragraph(esc(labels["policy"]), st.heading))
    story.append(
        _key_value_table(
            [
                (
                    esc(labels["policy_version"]),
                    f"<b>{esc(version)}</b> ({esc(labels['policy_effective'])} {esc(effective)})",
                ),
                (esc(labels["sha256"]), f'<font name="{fonts.MONO}">{esc(doc.policy_sha256.lower())}</font>'),
            ],
            st,
            width,
            4.2 * cm,
        )
    )
    statement = labels["statement_signed" if doc.signed else "statement_refused"]
    story.append(Spacer(1, 5))
    story.append(Paragraph(esc(statement.format(clinic=clinic_name or "—", version=version)), st.body))

    # The table may run over several pages: keep only its heading from being left alone at the bottom.
    story.append(CondPageBreak(3.5 * cm))
    story.append(Paragraph(esc(labels["choices"]), st.heading_loose))
    story.append(_choices_block(doc, labels, st, width))

    story += _signature_block(doc, labels, st, width)
    # Each kept whole: a phone number or an address is never cut by a page break.
    story.append(KeepTogether(_withdraw_block(doc, labels, st)))
    story.append(Spacer(1, 2))
    story.append(
        KeepTogether(
            Paragraph(
                f"<b>{esc(labels['verification_code'])} {esc(code)}</b> — {esc(labels['verification_text'])}",
                st.muted,
            )
        )
    )

    # The annex starts on a new page unless the first part already spilled onto a page that
    # still has plenty of room.
    story.append(CondPageBreak(12 * cm))
    story.append(Spacer(1, 10))
    story.append(
        Paragraph(
            esc(labels["annex"]),
            ParagraphStyle("FDAnnex", parent=st.title, fontSize=12.5, leading=16, spaceBefore=0),
        )
    )
    story.append(Paragraph(esc(labels["annex_intro"].format(version=version, effective=effective)), st.small))
    story.append(
        Paragraph(
            f"{esc(labels['sha256_long'])} :" if doc.language == "fr" else f"{esc(labels['sha256_long'])}:",
            st.small,
        )
    )
    story.append(Paragraph(esc(doc.policy_sha256.lower()), st.mono))
    story.append(_Rule(width))
    story += policy_flowables(doc.policy_text, st)
    story.append(CondPageBreak(1.5 * cm))
    story.append(Spacer(1, 8))
    story.append(Paragraph(esc(labels["annex_end"]), st.centered))

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{labels['title']} — {version}",
        author=clinic_name,
        subject=f"{labels['policy']} {version} · SHA-256 {doc.policy_sha256.lower()}",
        creator="FrontDesk",
        producer="FrontDesk",
        keywords=[code],
        invariant=1,
        pageCompression=1,
        lang=labels["lang"],
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        displayDocTitle=1,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width,
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(story, canvasmaker=_numbered_canvas_factory(_furniture(doc, code, labels)))
    return buffer.getvalue()
