"""Helpers for the document, report and export tests: reading PDFs back, signatures, bookings."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader
from sqlalchemy import text

from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    Purpose,
)
from desktop.domain.records import (
    Actor,
    AppointmentDraft,
    BookingResult,
    ClientDraft,
    ClientRecord,
    ConsentCapture,
    ConsentChange,
    SignatureCapture,
)
from desktop.services import Services
from tests.conftest import TEST_NOW


def signature_png() -> bytes:
    image = Image.new("RGBA", (480, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line(
        [(30, 120), (100, 40), (160, 110), (240, 35), (330, 120), (440, 70)], fill=(15, 20, 60, 255), width=4
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def pdftotext(pdf: bytes, *, layout: bool = False) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
        return subprocess.run(args, capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def pdftotext_body(pdf: bytes) -> str:
    """The text inside the pages' body frame, whitespace squashed: what flows from page to page,
    without the running header and footer that interrupt it at each page break (US Letter, in points)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        crop = ["-x", "0", "-y", "50", "-W", "612", "-H", "687"]
        args = ["pdftotext", "-enc", "UTF-8", *crop, str(path), "-"]
        return squash(subprocess.run(args, capture_output=True, check=True, timeout=60).stdout.decode("utf-8"))


def pypdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def both_texts(pdf: bytes) -> dict[str, str]:
    return {"pdftotext": squash(pdftotext(pdf)), "pypdf": squash(pypdf_text(pdf))}


def read_csv(data: bytes, delimiter: str = ",") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark missing"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))


def new_client(
    services: Services, actor: Actor, last: str = "Côté", first: str = "Zoé", **fields: object
) -> ClientRecord:
    draft = ClientDraft(last, first, fields.pop("date_of_birth", date(1980, 4, 12)), **fields)  # type: ignore[arg-type]
    return services.clients.create(actor, draft, confirm_duplicate=True)


def book(
    services: Services,
    actor: Actor,
    client_id: int,
    *,
    granted: tuple[tuple[Purpose, Channel], ...] = (),
    declined: tuple[tuple[Purpose, Channel], ...] = (),
    language: Language = Language.FR,
    refused: bool = False,
    days_ahead: int = 1,
) -> BookingResult:
    choices = tuple(ConsentChange(p, c, True) for p, c in granted) + tuple(
        ConsentChange(p, c, False, declined=True) for p, c in declined
    )
    capture = ConsentCapture(choices, Interaction.DESK, language) if choices else None
    signature = SignatureCapture(
        signature_png=None if refused else signature_png(),
        refused=refused,
        refusal_note="Préfère lire la politique à la maison." if refused else "",
        language=language,
    )
    draft = AppointmentDraft(
        TEST_NOW + timedelta(days=days_ahead),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.AT_DESK,
    )
    return services.appointments.book(actor, client_id, draft, capture, signature)


def drop_append_only_trigger(services: Services, table: str) -> None:
    """Tests only: lift a ledger's protection so tampering can be simulated."""
    with services.db.engine.begin() as connection:
        if services.db.dialect == "postgresql":
            connection.execute(text(f"DROP TRIGGER {table}_append_only ON {table}"))
        else:
            connection.execute(text(f"DROP TRIGGER {table}_no_update"))


def csv_section(rows: list[list[str]], title: str) -> list[list[str]]:
    """The header and lines of the table titled ``title`` in a report CSV (up to the blank line)."""
    start = next(i for i, row in enumerate(rows) if row == [title])
    found = []
    for row in rows[start + 1 :]:
        if not row:
            break
        found.append(row)
    return found


def csv_figure(rows: list[list[str]], label: str) -> str:
    return next(row[1] for row in rows if len(row) == 2 and row[0] == label)
