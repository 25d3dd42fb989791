"""What names in other scripts cost in an acknowledgment PDF: render time and size, and the fonts'
size in the bundle. Prints the Markdown table kept in BENCHMARKS.md.

    .venv/bin/python scripts/benchmark_fonts.py
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.domain.enums import Language  # noqa: E402
from desktop.paths import resource_path  # noqa: E402
from desktop.pdf import (  # noqa: E402
    AcknowledgmentDocument,
    ClinicInfo,
    ConsentChoice,
    render_acknowledgment_pdf,
    verification_code,
)

NAMES = ("Nguyễn Thị Côté-O'Brien", "عائشة بنت محمد", "李小龍", "김민준", "अनन्या शर्मा", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ")
#: Shipped for Devanagari and Gurmukhi names: their share of the bundle is printed beside the rest.
SHAPED_FONTS = ("NotoSansDevanagari-Regular.ttf", "NotoSansGurmukhi-Regular.ttf")
REPEATS = 8
ACK_ID = "3f1c9a52-8d4e-4b7a-9c61-2e5d7f0a4b18"


def make_doc(name: str) -> AcknowledgmentDocument:
    """A refused signature (no image to draw): the cost measured is the text's."""
    policy = resource_path("policies", "2020-04-22.fr.txt").read_text(encoding="utf-8")
    clinic = ClinicInfo(
        name="Clinique médicale Saint-Roch",
        address_lines=("1000 chemin Sainte-Foy", "Québec (QC) G1S 2L6"),
        phone="1 855 841-1911",
        email="info@example.ca",
        privacy_officer_name="Marie-Ève Côté",
        privacy_officer_contact="418 555-0100",
    )
    return AcknowledgmentDocument(
        language=Language.FR,
        clinic=clinic,
        client_name=name,
        client_date_of_birth=date(1984, 2, 29),
        file_number="D-004512",
        policy_version_label="2020-04-22",
        policy_effective_date=date(2020, 4, 22),
        policy_text=policy,
        policy_sha256=hashlib.sha256(policy.encode("utf-8")).hexdigest(),
        choices=(ConsentChoice("Rappels de rendez-vous", "Texto", True),),
        signed=False,
        signature_png=None,
        signer_name=name,
        signer_capacity_label="Client",
        signed_at=datetime(2024, 3, 5, 14, 32, tzinfo=timezone(timedelta(hours=-5))),
        witness_name="Sophie Gagnon",
        clinic_location_label="Clinique Saint-Roch — accueil",
        refusal_note="A refusé de signer.",
        verification_code=verification_code(ACK_ID),
        acknowledgment_id=ACK_ID,
    )


def main() -> None:
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    for path in fonts:
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    total = sum(p.stat().st_size for p in fonts)
    shaped = sum(p.stat().st_size for p in fonts if p.name in SHAPED_FONTS)
    print(
        f"in the bundle: {total / 1e6:.2f} MB; without Noto Sans Devanagari and Gurmukhi ({shaped / 1e3:.0f} kB):"
    )
    print(f"{(total - shaped) / 1e6:.2f} MB\n")
    print("| client name | first render ms | median ms | PDF KiB |\n|---|---:|---:|---:|")
    for name in NAMES:
        doc = make_doc(name)
        start = time.perf_counter()
        render_acknowledgment_pdf(doc)  # the first reads the fonts this name needs
        first = time.perf_counter() - start
        samples = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            pdf = render_acknowledgment_pdf(doc)
            samples.append(time.perf_counter() - start)
        median = statistics.median(samples)
        print(f"| {name} | {first * 1000:.0f} | {median * 1000:.0f} | {len(pdf) / 1024:.1f} |")


if __name__ == "__main__":
    main()
