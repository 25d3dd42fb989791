"""The acknowledgment PDF, read back with pypdf and with poppler's ``pdftotext``."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import ContentStream

from desktop.domain.enums import ConsentAction
from desktop.paths import resource_path
from desktop.pdf import (
    AcknowledgmentDocument,
    ClinicInfo,
    ConsentChoice,
    InvalidVerificationCode,
    normalise_code,
    register_fonts,
    render_acknowledgment_pdf,
    verification_code,
)
from desktop.pdf.verification import CROCKFORD_ALPHABET, codes_match

REPO_ROOT = Path(__file__).resolve().parents[3]
POLICY_TEXT = resource_path("policies", "2020-04-22.en.txt").read_text(encoding="utf-8")
POLICY_SHA = hashlib.sha256(POLICY_TEXT.encode("utf-8")).hexdigest()
ACK_ID = "3f1c9a52-8d4e-4b7a-9c61-2e5d7f0a4b18"
STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}
CODE_PATTERN = re.compile(rf"[{CROCKFORD_ALPHABET}]{{5}}-[{CROCKFORD_ALPHABET}]{{5}}")


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers


def signature_png(size: tuple[int, int] = (600, 200), margin: int = 40) -> bytes:
    """A transparent PNG with a few dark strokes, like the signature pad produces."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    w, h = size
    points = [
        (margin, h * 0.75),
        (w * 0.2, h * 0.3),
        (w * 0.3, h * 0.7),
        (w * 0.45, h * 0.25),
        (w * 0.55, h * 0.75),
        (w * 0.7, h * 0.4),
        (w - margin, h * 0.6),
    ]
    draw.line(points, fill=(15, 20, 60, 255), width=max(2, h // 40))
    draw.line([(margin + 20, h * 0.85), (w - margin - 40, h * 0.82)], fill=(15, 20, 60, 255), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


CLINIC = ClinicInfo(
    name="Clinique médicale Saint-Roch",
    address_lines=("1000 chemin Sainte-Foy, bureau 401", "Québec (QC) G1S 2L6"),
    phone="1 855 841-1911",
    email="info@cliniqueslacroix.ca",
    privacy_officer_name="Marie-Ève Côté",
    privacy_officer_contact="418 555-0100, poste 22",
)

CHOICES_FR = (
    ConsentChoice("Rappels de rendez-vous", "Texto", True),
    ConsentChoice("Rappels de rendez-vous", "Courriel", True),
    ConsentChoice("Communications promotionnelles", "Texto", False, ConsentAction.DECLINED),
    ConsentChoice("Communications promotionnelles", "Courriel", False),
    ConsentChoice("Sondages", "Téléphone", True),
)
CHOICES_EN = (
    ConsentChoice("Appointment reminders", "Text message", True),
    ConsentChoice("Promotional communications", "Email", False, ConsentAction.DECLINED),
    ConsentChoice("Promotional communications", "Text message", False),
)


def make_doc(**overrides: object) -> AcknowledgmentDocument:
    ack_id = str(overrides.pop("acknowledgment_id", ACK_ID))
    base = AcknowledgmentDocument(
        language="fr",
        clinic=CLINIC,
        client_name="Nguyễn Thị Côté-O'Brien",
        client_date_of_birth=date(1984, 2, 29),
        file_number="D-004512",
        policy_version_label="2020-04-22",
        policy_effective_date=date(2020, 4, 22),
        policy_text=POLICY_TEXT,
        policy_sha256=POLICY_SHA,
        choices=CHOICES_FR,
        signed=True,
        signature_png=signature_png(),
        signer_name="Nguyễn Thị Côté-O'Brien",
        signer_capacity_label="Client",
        signed_at=datetime(2024, 3, 5, 14, 32, 10, tzinfo=timezone(timedelta(hours=-5))),
        witness_name="Sophie Gagnon",
        clinic_location_label="Clinique Saint-Roch — accueil",
        refusal_note=None,
        verification_code=verification_code(ack_id),
        acknowledgment_id=ack_id,
    )
    return dataclasses.replace(base, **overrides)


def refusal_doc(**overrides: object) -> AcknowledgmentDocument:
    values: dict[str, object] = {
        "signed": False,
        "signature_png": None,
        "signer_name": "Jean Tremblay",
        "signer_capacity_label": "Parent",
        "refusal_note": "Souhaite d’abord en parler au médecin.",
    }
    values.update(overrides)
    return make_doc(**values)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdftotext(pdf: bytes, tmp_path: Path, name: str = "doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return result.stdout.decode("utf-8")


def pypdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def both_texts(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    return {"pdftotext": squash(pdftotext(pdf, tmp_path)), "pypdf": squash(pypdf_text(pdf))}


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def images_per_page(pdf: bytes) -> list[int]:
    reader = PdfReader(io.BytesIO(pdf))
    counts = []
    for page in reader.pages:
        count = 0
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                if ref.get_object().get("/Subtype") == "/Image":
                    count += 1
        assert count == len(page.images)
        counts.append(count)
    return counts


def image_placements(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every image drawn, from the ``cm`` operator before ``Do``."""
    reader = PdfReader(io.BytesIO(pdf))
    placed = []
    for page in reader.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else {}
        image_names = {name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"}
        last_cm = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"cm":
                last_cm = [float(x) for x in operands]
            elif operator == b"Do" and operands[0] in image_names:
                assert last_cm is not None
                placed.append((last_cm[0], last_cm[3]))
    return placed


def fonts_used(pdf: bytes) -> list[dict]:
    """Every font dictionary referenced from the pages (following Type0 descendants)."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        font_dict = page["/Resources"].get_object().get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            found.append(font)
            for descendant in font.get("/DescendantFonts", []):
                found.append(descendant.get_object())
    return found


@pytest.fixture(scope="module")
def french_pdf() -> bytes:
    return render_acknowledgment_pdf(make_doc())


@pytest.fixture(scope="module")
def english_pdf() -> bytes:
    return render_acknowledgment_pdf(
        make_doc(language="en", choices=CHOICES_EN, client_name="Siobhán O'Brien-Côté", signer_name="Siobhán")
    )


@pytest.fixture(scope="module")
def refusal_pdf() -> bytes:
    return render_acknowledgment_pdf(refusal_doc())


# ---------------------------------------------------------------------------------------------
# Content


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_french_document_content(french_pdf: bytes, tmp_path: Path, extractor: str) -> None:
    text = both_texts(french_pdf, tmp_path)[extractor]
    pages = page_count(french_pdf)
    assert pages > 1
    for expected in [
        "Accusé de réception de la politique de confidentialité",
        "Clinique médicale Saint-Roch",
        "1000 chemin Sainte-Foy, bureau 401",
        "Québec (QC) G1S 2L6",
        "Nguyễn Thị Côté-O'Brien",
        "1984-02-29",
        "D-004512",
        "2020-04-22",
        POLICY_SHA,
        "Rappels de rendez-vous",
        "Communications promotionnelles",
        "Texto",
        "Courriel",
        "Accordé",
        "Refusé",
        "Non accordé",
        "Sophie Gagnon",
        "Clinique Saint-Roch — accueil",
        "2024-03-05 14:32",
        "Marie-Ève Côté",
        "418 555-0100, poste 22",
        "info@cliniqueslacroix.ca",
        "1 855 841-1911",
        verification_code(ACK_ID),
        ACK_ID,
        f"Page 1 de {pages}",
        f"Page {pages} de {pages}",
    ]:
        assert expected in text, expected
    assert "Granted" not in text and "Refused" not in text and "Not given" not in text


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_english_document_content(english_pdf: bytes, tmp_path: Path, extractor: str) -> None:
    text = both_texts(english_pdf, tmp_path)[extractor]
    pages = page_count(english_pdf)
    assert pages > 1
    for expected in [
        "Privacy policy acknowledgment",
        "Siobhán O'Brien-Côté",
        "2020-04-22",
        POLICY_SHA,
        "Appointment reminders",
        "Promotional communications",
        "Granted",
        "Refused",
        "Not given",
        verification_code(ACK_ID),
        f"Page 1 of {pages}",
        f"Page {pages} of {pages}",
    ]:
        assert expected in text, expected
    assert "Accordé" not in text and "Page 1 de" not in text


def test_every_page_has_its_page_number(french_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(french_pdf))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} de {total}" in squash(page.extract_text())


def test_full_policy_text_is_printed(french_pdf: bytes, tmp_path: Path) -> None:
    text = squash(pdftotext(french_pdf, tmp_path)).replace("• ", "")
    for line in POLICY_TEXT.splitlines():
        line = squash(line.replace("\u00a0", " ")).lstrip("• ").strip()
        if line:
            assert line in text, line


def test_policy_paragraph_breaks_are_kept(french_pdf: bytes, tmp_path: Path) -> None:
    raw = pdftotext(french_pdf, tmp_path)
    # A paragraph ends and the next heading starts on its own line; bullets stay one per line.
    assert re.search(r"this Policy\.\n+1 – SCOPE AND UPDATE OF THE POLICY\n", raw)
    assert re.search(r"Opening a client’s file;\n+• *Subscribing", raw) or re.search(
        r"Opening a client’s file;\n+Subscribing", raw
    )
    assert re.search(r"confinement\?\nAt Cliniques Médicales Lacroix", raw)


def test_vietnamese_and_accents_are_real_text_not_boxes(french_pdf: bytes, tmp_path: Path) -> None:
    text = pdftotext(french_pdf, tmp_path)
    assert "Nguyễn" in text and "Côté" in text
    assert "\ufffd" not in text


# ---------------------------------------------------------------------------------------------
# Escaping


HOSTILE_NAME = '<b>Zoé & "Léa"</b>'
FORMULA = '=HYPERLINK("x")'


@pytest.mark.parametrize("signed", [True, False])
def test_typed_text_prints_verbatim(tmp_path: Path, signed: bool) -> None:
    clinic = dataclasses.replace(
        CLINIC,
        name="Clinique <i>A & B</i>",
        address_lines=('12 rue "d\'Youville" <script>', "Québec (QC)"),
        privacy_officer_name="Léa <br/> Roy",
    )
    overrides: dict[str, object] = {
        "client_name": HOSTILE_NAME,
        "file_number": "<font size=40>9</font>",
        "witness_name": FORMULA,
        "clinic": clinic,
        "choices": (ConsentChoice("Rappels & <rappels>", '"SMS"', True),),
    }
    if signed:
        doc = make_doc(signer_name=FORMULA, **overrides)
    else:
        doc = refusal_doc(signer_name=FORMULA, refusal_note="Refuse: <b>non</b> & 'jamais'", **overrides)
    pdf = render_acknowledgment_pdf(doc)
    for text in both_texts(pdf, tmp_path).values():
        for expected in [
            HOSTILE_NAME,
            FORMULA,
            "Clinique <i>A & B</i>",
            '12 rue "d\'Youville" <script>',
            "Léa <br/> Roy",
            "<font size=40>9</font>",
            "Rappels & <rappels>",
            '"SMS"',
        ]:
            assert expected in text, expected
        if not signed:
            assert "Refuse: <b>non</b> & 'jamais'" in text


def test_newlines_in_notes_are_kept_and_control_characters_dropped(tmp_path: Path) -> None:
    pdf = render_acknowledgment_pdf(refusal_doc(refusal_note="Première ligne\nDeuxième\x00 ligne\x07"))
    raw = pdftotext(pdf, tmp_path)
    assert re.search(r"Première ligne\nDeuxième ligne", raw)


# ---------------------------------------------------------------------------------------------
# Signature and refusal


def test_signed_document_has_exactly_one_image(french_pdf: bytes) -> None:
    assert sum(images_per_page(french_pdf)) == 1


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_refusal_states_the_refusal_and_has_no_image(
    refusal_pdf: bytes, tmp_path: Path, extractor: str
) -> None:
    text = both_texts(refusal_pdf, tmp_path)[extractor]
    assert "REFUS DE SIGNER" in text
    assert "a refusé de signer" in text
    assert "Jean Tremblay" in text and "Parent" in text
    assert "Souhaite d’abord en parler au médecin." in text
    assert "Signature de" not in text
    assert sum(images_per_page(refusal_pdf)) == 0


def test_english_refusal(tmp_path: Path) -> None:
    pdf = render_acknowledgment_pdf(
        refusal_doc(language="en", refusal_note=None, signer_capacity_label="Guardian")
    )
    text = squash(pdftotext(pdf, tmp_path))
    assert "REFUSED TO SIGN" in text
    assert "refused to sign" in text
    assert "No note." in text
    assert "Guardian" in text
    assert sum(images_per_page(pdf)) == 0


@pytest.mark.parametrize("size", [(600, 200), (2000, 120), (150, 600), (80, 24)])
def test_signature_keeps_its_aspect_ratio_inside_the_box(size: tuple[int, int]) -> None:
    png = signature_png(size, margin=0)
    pdf = render_acknowledgment_pdf(make_doc(signature_png=png))
    [(width, height)] = image_placements(pdf)
    assert width <= 7.5 / 2.54 * 72 + 0.01
    assert height <= 2.8 / 2.54 * 72 + 0.01
    ink = Image.open(io.BytesIO(png)).getchannel("A").getbbox()
    ink_ratio = (ink[2] - ink[0]) / (ink[3] - ink[1])
    assert width / height == pytest.approx(ink_ratio, rel=0.15)


def test_opaque_white_background_signature_is_accepted() -> None:
    image = Image.new("RGB", (400, 150), "white")
    ImageDraw.Draw(image).line([(20, 120), (200, 20), (380, 100)], fill="black", width=5)
    out = io.BytesIO()
    image.save(out, format="PNG")
    pdf = render_acknowledgment_pdf(make_doc(signature_png=out.getvalue()))
    assert sum(images_per_page(pdf)) == 1


# ---------------------------------------------------------------------------------------------
# Fonts, metadata, determinism


@pytest.mark.parametrize("which", ["french", "english", "refusal"])
def test_fonts_are_embedded_truetype_and_never_standard_14(
    which: str, french_pdf: bytes, english_pdf: bytes, refusal_pdf: bytes
) -> None:
    pdf = {"french": french_pdf, "english": english_pdf, "refusal": refusal_pdf}[which]
    found = fonts_used(pdf)
    assert found
    for font in found:
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_14
        assert "DejaVu" in base
        if font.get("/Subtype") == "/Type0":
            continue
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_pdffonts_reports_only_embedded_fonts(french_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(french_pdf)
    report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = report.splitlines()[2:]
    assert rows
    for row in rows:
        assert "DejaVu" in row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row


def test_metadata_is_set_without_clock_timestamps(french_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(french_pdf)).metadata
    assert meta.title.startswith("Accusé de réception de la politique de confidentialité")
    assert meta.author == CLINIC.name
    assert POLICY_SHA in meta.subject
    assert str(datetime.now().year) not in (meta.get("/CreationDate") or "")


def test_identical_input_gives_identical_bytes(french_pdf: bytes) -> None:
    assert render_acknowledgment_pdf(make_doc()) == french_pdf
    assert render_acknowledgment_pdf(refusal_doc()) == render_acknowledgment_pdf(refusal_doc())


def test_identical_bytes_across_processes(french_pdf: bytes) -> None:
    script = (
        "import hashlib, sys\n"
        "from tests.desktop.pdf.test_acknowledgment_pdf import make_doc\n"
        "from desktop.pdf import render_acknowledgment_pdf\n"
        "sys.stdout.write(hashlib.sha256(render_acknowledgment_pdf(make_doc())).hexdigest())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout == hashlib.sha256(french_pdf).hexdigest()


def test_different_input_gives_different_bytes(french_pdf: bytes) -> None:
    assert render_acknowledgment_pdf(make_doc(file_number="D-004513")) != french_pdf


def test_register_fonts_is_idempotent() -> None:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    register_fonts()
    names = set(pdfmetrics.getRegisteredFontNames())
    assert {"FrontDesk", "FrontDesk-Bold", "FrontDesk-Oblique", "FrontDesk-Mono"} <= names


def test_package_does_not_import_qt() -> None:
    script = (
        "import sys\n"
        "import desktop.pdf\n"
        "from tests.desktop.pdf.test_acknowledgment_pdf import make_doc\n"
        "desktop.pdf.render_acknowledgment_pdf(make_doc())\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', 'ui'})\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, check=True, timeout=120)


# ---------------------------------------------------------------------------------------------
# Layout stress: long content still renders


def test_many_choices_and_channels_and_long_texts(tmp_path: Path) -> None:
    channels = ["Texto", "Courriel", "Téléphone", "Poste", "Portail", "Télécopieur"]
    choices = tuple(
        ConsentChoice(
            f"Finalité numéro {p} avec un libellé assez long pour passer à la ligne", c, (p + i) % 2 == 0
        )
        for p in range(25)
        for i, c in enumerate(channels)
    )
    doc = refusal_doc(
        choices=choices,
        client_name="Marie-Josée-Geneviève-Anne-Sophie " + "X" * 150,
        refusal_note=("Le client refuse de signer. " * 200).strip(),
    )
    pdf = render_acknowledgment_pdf(doc)
    text = squash(pdftotext(pdf, tmp_path))
    pages = page_count(pdf)
    assert f"Page {pages} de {pages}" in text
    assert "Finalité numéro 24" in text and "Télécopieur" in text


def test_no_choices() -> None:
    pdf = render_acknowledgment_pdf(make_doc(choices=()))
    assert "Aucun choix de consentement" in squash(pypdf_text(pdf))


def test_signed_at_is_printed_in_its_own_timezone(tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2024, 7, 1, 13, 15, tzinfo=UTC).astimezone(ZoneInfo("America/Toronto"))
    text = squash(pdftotext(render_acknowledgment_pdf(make_doc(signed_at=moment)), tmp_path))
    assert "2024-07-01 09:15 (UTC-04:00)" in text


# ---------------------------------------------------------------------------------------------
# Validation


@pytest.mark.parametrize(
    "overrides",
    [
        {"language": "es"},
        {"signed_at": datetime(2024, 3, 5, 14, 32)},
        {"policy_sha256": "0" * 64},
        {"policy_sha256": "not-a-hash"},
        {"policy_text": "   "},
        {"verification_code": "AAAAA-AAAAA"},
        {"verification_code": "nonsense"},
        {"signature_png": None},
        {"signature_png": b"not an image"},
        {"choices": (ConsentChoice("A", "B", True), ConsentChoice("A", "B", False))},
    ],
)
def test_inconsistent_documents_are_rejected(overrides: dict) -> None:
    with pytest.raises(ValueError):
        render_acknowledgment_pdf(make_doc(**overrides))


def test_refusal_with_signature_image_is_rejected() -> None:
    with pytest.raises(ValueError):
        render_acknowledgment_pdf(refusal_doc(signature_png=signature_png()))


def test_blank_or_non_png_signature_is_rejected() -> None:
    blank = io.BytesIO()
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(blank, format="PNG")
    with pytest.raises(ValueError, match="blank"):
        render_acknowledgment_pdf(make_doc(signature_png=blank.getvalue()))
    jpeg = io.BytesIO()
    Image.new("RGB", (300, 100), "black").save(jpeg, format="JPEG")
    with pytest.raises(ValueError, match="PNG"):
        render_acknowledgment_pdf(make_doc(signature_png=jpeg.getvalue()))


def test_verification_code_may_be_given_in_any_accepted_spelling(tmp_path: Path) -> None:
    typed = verification_code(ACK_ID).lower().replace("-", " ")
    text = squash(pdftotext(render_acknowledgment_pdf(make_doc(verification_code=typed)), tmp_path))
    assert verification_code(ACK_ID) in text


# ---------------------------------------------------------------------------------------------
# Verification codes


def test_verification_code_is_stable_and_pinned() -> None:
    assert verification_code(str(uuid.UUID(int=12345))) == "7KG2A-F45DG"
    assert verification_code(ACK_ID) == verification_code(ACK_ID)
    assert CODE_PATTERN.fullmatch(verification_code(ACK_ID))


def test_uuid_spellings_give_the_same_code() -> None:
    u = uuid.UUID(ACK_ID)
    spellings = [str(u), str(u).upper(), u.hex, "{" + str(u) + "}", f"  {u}\n", u.urn]
    assert {verification_code(s) for s in spellings} == {verification_code(ACK_ID)}


def test_verification_code_rejects_empty_seed() -> None:
    with pytest.raises(ValueError):
        verification_code("  ")


@settings(max_examples=200, deadline=None)
@given(st.uuids(), st.uuids())
def test_different_ids_give_different_codes(a: uuid.UUID, b: uuid.UUID) -> None:
    code_a, code_b = verification_code(str(a)), verification_code(str(b))
    assert CODE_PATTERN.fullmatch(code_a)
    if a != b:
        assert code_a != code_b


def test_codes_are_spread_over_the_alphabet() -> None:
    codes = {verification_code(str(uuid.UUID(int=i))) for i in range(2000)}
    assert len(codes) == 2000
    used = {ch for code in codes for ch in code.replace("-", "")}
    assert used == set(CROCKFORD_ALPHABET)


@st.composite
def typed_variants(draw: st.DrawFn) -> tuple[str, str]:
    code = verification_code(str(draw(st.uuids())))
    out = []
    for ch in code.replace("-", ""):
        if ch == "0":
            ch = draw(st.sampled_from(["0", "O", "o"]))
        elif ch == "1":
            ch = draw(st.sampled_from(["1", "I", "i", "L", "l"]))
        elif draw(st.booleans()):
            ch = ch.lower()
        out.append(ch + draw(st.sampled_from(["", "", "", " ", "-", "  ", "–"])))
    return code, draw(st.sampled_from(["", " ", "\t"])) + "".join(out) + draw(
        st.sampled_from(["", " ", "\n"])
    )


@settings(max_examples=300, deadline=None)
@given(typed_variants())
def test_normalise_code_accepts_what_people_type(pair: tuple[str, str]) -> None:
    code, typed = pair
    assert normalise_code(typed) == code
    assert codes_match(typed, code)


@pytest.mark.parametrize(
    "typed",
    ["", "7KG2A-F45D", "7KG2A-F45DGX", "7KG2A-F45DU", "7KG2A/F45DG", "7KG2A-F45DǦ", "ßKG2A-F45D"],
)
def test_normalise_code_rejects_garbage(typed: str) -> None:
    with pytest.raises(InvalidVerificationCode):
        normalise_code(typed)
    assert not codes_match(typed, "7KG2A-F45DG")


def test_normalise_code_examples() -> None:
    assert normalise_code("7kg2a f45dg") == "7KG2A-F45DG"
    assert normalise_code("7KG2AF45DG") == "7KG2A-F45DG"
    assert normalise_code("OOOOO-IIIII") == "00000-11111"
    assert normalise_code("ooooo lllll") == "00000-11111"
