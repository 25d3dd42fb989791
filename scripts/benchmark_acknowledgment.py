"""The acknowledgment PDF beside a one-page reportlab document set in the same font, rendered in
turns in the same process (see desktop.pdf.samples): medians over 20 rounds after a warm-up.

    .venv/bin/python scripts/benchmark_acknowledgment.py

Prints ``RESULT {json}`` (milliseconds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_store import summarise  # noqa: E402

from desktop.pdf.samples import measure  # noqa: E402


def main() -> None:
    times = measure(repeats=20)
    result = {key: summarise([seconds * 1000 for seconds in values]) for key, values in times.items()}
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
