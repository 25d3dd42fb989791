"""Start-up to the sign-in window painted, in a fresh process, beside a bare PySide6 window.

Each run starts a new interpreter: FrontDesk's program (``frontdesk_launcher``, what ``scripts/run.sh``
starts) with ``FRONTDESK_STARTUP_PROBE=1``, which makes the sign-in window print the monotonic clock
when first painted and end the process; the baseline is a bare ``QWidget`` shown and painted the same
way. Both are timed from just before the process is started (the monotonic clock is shared by every
process of the machine), alternately, and the median and p95 kept, in milliseconds::

    .venv/bin/python scripts/startup_probe.py --url sqlite:////tmp/clinic.db --runs 7

The database must be set up (an organisation and an account), else the set-up wizard comes first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROBE_ENV = "FRONTDESK_STARTUP_PROBE"  # ui.shell.app.STARTUP_PROBE_ENV (not imported: keep this light)

BARE_WINDOW = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

class Probe(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        print(json.dumps({"painted": time.monotonic()}), flush=True)
        import os; os._exit(0)

app = QApplication(sys.argv[:1])
window = QWidget()
QLabel("FrontDesk", window)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _painted(command: list[str], env: Mapping[str, str], timeout_s: float) -> tuple[float, dict[str, object]]:
    started = time.monotonic()
    done = subprocess.run(command, env=dict(env), cwd=ROOT, capture_output=True, text=True, timeout=timeout_s)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{command[1:3]} did not report a painted window: {done.stderr[-2000:]}")
    report: dict[str, object] = json.loads(lines[-1])
    return (float(str(report["painted"])) - started) * 1000, report


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "runs": len(ordered)}


def measure_startup(
    url: str, *, env: Mapping[str, str] | None = None, runs: int = 5, timeout_s: float = 120
) -> dict[str, Any]:
    """``{"window": {...}, "bare": {...}, "loaded": [...]}``: median and p95 (ms) of start-up to the
    sign-in window painted on ``url``, and of a bare PySide6 window; ``loaded`` lists the heavy
    modules (reportlab, alembic…) that were loaded when the sign-in window was painted."""
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), child_env.get("PYTHONPATH", "")]))
    app_env = {**child_env, PROBE_ENV: "1", "FRONTDESK_DATABASE_URL": url}
    window: list[float] = []
    bare: list[float] = []
    loaded: set[str] = set()
    for _ in range(runs):
        took, report = _painted([sys.executable, "-c", BARE_WINDOW], child_env, timeout_s)
        bare.append(took)
        took, report = _painted(
            [sys.executable, "-m", "frontdesk_launcher", "--database", url], app_env, timeout_s
        )
        window.append(took)
        names = report.get("loaded")
        if isinstance(names, list):
            loaded.update(str(name) for name in names)
    return {"window": _summary(window), "bare": _summary(bare), "loaded": sorted(loaded)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="a set-up database (SQLAlchemy URL)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = measure_startup(args.url, runs=args.runs)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
