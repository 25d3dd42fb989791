"""Sample pages for the documentation: a signed French acknowledgment, the consent-coverage report and
the client's evidence pack, made on a throwaway demo database and turned into PNG images with poppler's pdftoppm.

    .venv/bin/python scripts/document_samples.py [--out docs/images] [--keep-pdf]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw  # noqa: E402

from desktop.app import open_services  # noqa: E402
from desktop.db.engine import sqlite_url  # noqa: E402
from desktop.demo import DEMO_ACCOUNTS, populate  # noqa: E402
from desktop.domain.enums import (  # noqa: E402
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.records import (  # noqa: E402
    Actor,
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    SignatureCapture,
)
from desktop.reports import render_report  # noqa: E402
from desktop.services import Services  # noqa: E402
from desktop.services.clock import FixedClock  # noqa: E402

#: A Tuesday morning at the desk, Quebec time.
SIGNED_AT = datetime(2026, 11, 24, 15, 12, tzinfo=UTC)


def signature() -> bytes:
    image = Image.new("RGBA", (600, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
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
    draw.line(points, fill=(20, 30, 80, 255), width=5, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def to_png(pdf: bytes, target: Path, folder: Path) -> None:
    source = folder / (target.stem + ".pdf")
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(target.with_suffix("")),
        ],
        check=True,
    )


def evidence_pack(
    services: Services,
    desk: Actor,
    manager: Actor,
    client_id: int,
    file_number: str,
    out: Path,
    folder: Path,
    password: dict[str, str],
) -> None:
    """The same client a few days on: the newsletter stopped by email, then the privacy officer's pack."""
    services.clients.open(desk, client_id)
    request = services.optouts.log(
        desk,
        OptOutDraft(
            OptOutVia.EMAIL,
            SIGNED_AT.astimezone().date(),
            "Élodie Côté-Nguyễn",
            requester_email="elodie@example.com",
            purposes=frozenset({Purpose.NEWSLETTERS}),
            client_id=client_id,
        ),
    )
    services.optouts.process(manager, request.id, confirmation_sent=True)
    officer = services.staff.authenticate("demo.vieprivee", password["demo.vieprivee"], "direction-1")
    to_png(services.evidence.render(officer, file_number).data, out / "evidence-pack.png", folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    parser.add_argument("--keep-pdf", action="store_true", help="Leave the PDFs next to the images.")
    args = parser.parse_args()
    os.environ["TZ"] = "America/Toronto"
    time.tzset()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        services = open_services(sqlite_url(folder / "samples.db"), clock=FixedClock(SIGNED_AT))
        try:
            populate(services, 2000)
            password = {a.username: a.password for a in DEMO_ACCOUNTS}
            desk = services.staff.authenticate("demo.accueil", password["demo.accueil"], "accueil-1")
            manager = services.staff.authenticate("demo.gestion", password["demo.gestion"], "gestion-1")
            client = services.clients.create(
                desk,
                ClientDraft(
                    "Côté-Nguyễn", "Élodie", date(1987, 3, 14), Language.FR, email="elodie@example.com"
                ),
                confirm_duplicate=True,
            )
            granted = {
                (Purpose.APPOINTMENT_REMINDERS, Channel.EMAIL),
                (Purpose.APPOINTMENT_REMINDERS, Channel.SMS),
                (Purpose.NEWSLETTERS, Channel.EMAIL),
                (Purpose.FEEDBACK, Channel.PHONE),
            }
            choices = tuple(ConsentChange(p, c, (p, c) in granted) for p in Purpose for c in Channel)
            booking = services.appointments.book(
                desk,
                client.id,
                AppointmentDraft(
                    SIGNED_AT + timedelta(days=7),
                    AppointmentKind.CONSULTATION,
                    AppointmentMode.IN_CLINIC,
                    BookedVia.AT_DESK,
                ),
                ConsentCapture(choices, Interaction.DESK, Language.FR),
                SignatureCapture(signature_png=signature(), language=Language.FR),
            )
            assert booking.acknowledgment is not None
            pdf = services.documents.acknowledgment_pdf(desk, booking.acknowledgment.id, "view")
            to_png(pdf, args.out / "acknowledgment-page1.png", folder)
            today = SIGNED_AT.astimezone().date()
            report = services.reports.consent_coverage(
                manager, today - timedelta(days=90), today + timedelta(days=30)
            )
            to_png(
                render_report(report, "pdf", Language.FR), args.out / "report-consent-coverage.png", folder
            )
            evidence_pack(services, desk, manager, client.id, client.file_number, args.out, folder, password)
            if args.keep_pdf:
                for path in folder.glob("*.pdf"):
                    (args.out / path.name).write_bytes(path.read_bytes())
        finally:
            services.close()
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
