"""Keystroke to results painted, in the real main window (offscreen), beside a bare table view.

    .venv/bin/python scripts/benchmark_keystroke.py --url URL

Each sample: a key pressed in the search field, then the time until the results table paints while it
shows the final results for the whole text typed (no search waiting, no page on its way). The
baseline: a QLineEdit whose every keystroke fills a bare QTableView with 50 ready rows, timed the same
way. Prints ``RESULT {json}`` with both and the window's resident memory afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_store import summarise  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget  # noqa: E402

#: Words typed a letter at a time: common and rare beginnings of names.
WORDS = ["tremblay", "gagnon", "cote", "roy", "nguyen", "bouchard", "lavoie", "martin"]
TIMEOUT_S = 20.0


class PaintClock(QObject):
    """Notes when ``view`` has finished painting while ``ready()`` holds."""

    def __init__(self, view: QTableView, ready: Callable[[], bool]) -> None:
        super().__init__()
        self.view = view
        self.ready = ready
        self.painted_at: float | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self.ready():
            watched.event(event)  # paint now, then stop the clock
            self.painted_at = time.perf_counter()
            return True
        return False


def type_and_wait(app: QApplication, field: QLineEdit, clock: PaintClock, ch: str) -> float:
    clock.painted_at = None
    started = time.perf_counter()
    QTest.keyClicks(field, ch)
    deadline = started + TIMEOUT_S
    while clock.painted_at is None:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no paint after typing {field.text()!r}")
        time.sleep(0.0002)
    return (clock.painted_at - started) * 1000


def measure_window(app: QApplication, url: str) -> list[float]:
    from benchmark_probes import open_app, sign_in

    from ui.kit.worker import TaskRunner
    from ui.shell.main_window import MainWindow

    services = open_app(url)
    actor = sign_in(services, "receptionist")
    runner = TaskRunner()
    window = MainWindow(services, actor, runner)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    panel = window.search_panel
    samples: list[float] = []

    def ready() -> bool:
        return panel.is_settled() and panel.model.rowCount() > 0

    clock = PaintClock(panel.table, ready)
    for word in WORDS:
        panel.field.clear()
        panel.cancel_work()
        app.processEvents()
        for ch in word:
            try:
                samples.append(type_and_wait(app, panel.field, clock, ch))
            except TimeoutError as timeout:
                print(timeout, file=sys.stderr)
                break
    window.close()
    return samples


def measure_bare(app: QApplication) -> list[float]:
    host = QWidget()
    field = QLineEdit(host)
    model = QStandardItemModel()
    view = QTableView(host)
    view.setModel(model)
    layout = QVBoxLayout(host)
    layout.addWidget(field)
    layout.addWidget(view)
    host.resize(1280, 800)
    host.show()
    rows = [[f"Nom{n}, Prénom{n}", "1980-01-01", f"{n:06d}", "418 555-0123"] for n in range(50)]

    def fill(text: str) -> None:
        model.clear()
        for row in rows:
            model.appendRow([QStandardItem(f"{text} {cell}") for cell in row])

    field.textChanged.connect(fill)
    clock = PaintClock(view, lambda: model.rowCount() > 0)
    samples = []
    for word in WORDS:
        field.clear()
        app.processEvents()
        for ch in word:
            samples.append(type_and_wait(app, field, clock, ch))
    host.close()
    return samples


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    bare = measure_bare(app)
    window = measure_window(app, args.url)
    result = {"window": summarise(window), "bare": summarise(bare), "rss_mb": resident_mb()}
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
