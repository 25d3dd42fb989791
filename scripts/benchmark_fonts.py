"""What names in other scripts cost in an acknowledgment PDF: render time and size, and the fonts'
size in the bundle. Prints the Markdown table kept in BENCHMARKS.md.

    .venv/bin/python scripts/benchmark_fonts.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.paths import resource_path  # noqa: E402
from desktop.pdf import render_acknowledgment_pdf  # noqa: E402
from tests.desktop.pdf.test_acknowledgment_pdf import make_doc  # noqa: E402

NAMES = ("Nguyễn Thị Côté-O'Brien", "عائشة بنت محمد", "李小龍", "김민준")
REPEATS = 8


def main() -> None:
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    for path in fonts:
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    print(f"in the bundle: {sum(p.stat().st_size for p in fonts) / 1e6:.1f} MB\n")
    print("| client name | first render ms | median ms | PDF KiB |\n|---|---:|---:|---:|")
    for name in NAMES:
        doc = make_doc(client_name=name, signer_name=name)
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
