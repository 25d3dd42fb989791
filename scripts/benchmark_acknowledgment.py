"""The acknowledgment PDF (French, policy in annex) beside a one-page reportlab document set in the
same font, rendered in the same process: medians over 20 renders after a first one.

    .venv/bin/python scripts/benchmark_acknowledgment.py

Prints ``RESULT {json}``.
"""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_fonts import make_doc  # noqa: E402
from benchmark_store import summarise  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from desktop.paths import resource_path  # noqa: E402
from desktop.pdf import render_acknowledgment_pdf  # noqa: E402
from desktop.pdf.fonts import REGULAR, register_fonts  # noqa: E402

RUNS = 20


def one_page() -> bytes:
    """A letter page of the policy's first paragraphs in the acknowledgment's body font."""
    text = resource_path("policies", "2020-04-22.fr.txt").read_text(encoding="utf-8")
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13)
    out = io.BytesIO()
    paragraphs = [Paragraph(part, style) for part in text.split("\n\n")[:6] if part.strip()]
    SimpleDocTemplate(out, pagesize=LETTER).build(paragraphs)
    return out.getvalue()


def medians(render: Callable[[], bytes]) -> dict[str, float]:
    render()
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        render()
        samples.append((time.perf_counter() - started) * 1000)
    return summarise(samples)


def main() -> None:
    register_fonts()
    document = make_doc("Nguyễn Thị Côté-O'Brien")
    acknowledgment = medians(lambda: render_acknowledgment_pdf(document))
    baseline = medians(one_page)
    print("RESULT " + json.dumps({"acknowledgment": acknowledgment, "one_page": baseline}), flush=True)


if __name__ == "__main__":
    main()
