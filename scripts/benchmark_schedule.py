"""The schedule's day view: paint time of 20 practitioners' day beside a bare table view.

.venv/bin/python scripts/benchmark.py --schedule-paint [--write BENCHMARKS.md]
"""

from __future__ import annotations

import statistics
import sys
from datetime import UTC, datetime

from benchmark_probes import timed
from benchmark_store import percentile

SCHEDULE_TARGET_MS = 100
SCHEDULE_PRACTITIONERS = 20


def schedule_day_data(practitioners: int) -> object:
    """A day of ``practitioners`` columns, 8:00 to 18:00 with a lunch break, an appointment in every
    other half hour in every state: the records the core hands the window."""
    from datetime import date, time
    from uuid import uuid4

    from desktop.domain.enums import AppointmentMode
    from desktop.domain.schedule import (
        AppointmentState,
        DaySchedule,
        PractitionerDay,
        PractitionerRecord,
        ScheduledAppointment,
        TimeRange,
        WeeklyHours,
    )

    day = date(2026, 11, 25)

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute)).astimezone()

    states = list(AppointmentState)
    columns = []
    for index in range(practitioners):
        record = PractitionerRecord(
            index + 1,
            1,
            f"Praticien {index + 1:02d}",
            "",
            True,
            (WeeklyHours(2, time(8), time(12)), WeeklyHours(2, time(13), time(18))),
        )
        hours = (TimeRange(at(8), at(12)), TimeRange(at(13), at(18)))
        appointments = tuple(
            ScheduledAppointment(
                index * 100 + slot,
                uuid4(),
                slot,
                f"Client {index:02d}-{slot:02d}",
                f"{slot:06d}",
                index + 1,
                at(8 + slot // 2, 30 * (slot % 2)) if slot < 8 else at(5 + slot // 2, 30 * (slot % 2)),
                30,
                "consultation",
                "Consultation",
                "Consultation",
                AppointmentMode.IN_CLINIC,
                states[slot % len(states)],
            )
            for slot in range(0, 18, 2)
        )
        columns.append(PractitionerDay(record, day, hours, None, appointments, ()))
    return DaySchedule(1, day, 15, tuple(columns), ())


def schedule_paint(repeats: int = 30) -> str:
    """Milliseconds from the day's data arriving to the view painted (model filled, window grabbed),
    for 20 practitioners, beside a bare QTableView with as many plain text cells painted the same way."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.schedule.columns import day_columns
    from ui.schedule.grid_model import ScheduleGridModel
    from ui.schedule.grid_view import ScheduleGrid

    app = QApplication.instance() or QApplication([])
    data = schedule_day_data(SCHEDULE_PRACTITIONERS)
    model = ScheduleGridModel()
    grid = ScheduleGrid(model)
    grid.resize(1280, 760)
    grid.show()
    plain = QStandardItemModel()
    bare = QTableView()
    bare.setModel(plain)
    bare.resize(1280, 760)
    bare.show()
    app.processEvents()

    def fill_schedule(_i: int) -> None:
        model.set_columns(day_columns(data), 15)  # type: ignore[arg-type]
        grid.grab()

    rows = 0

    def fill_bare(_i: int) -> None:
        plain.clear()
        for row in range(rows):
            plain.appendRow([QStandardItem(f"{row}:{column}") for column in range(SCHEDULE_PRACTITIONERS)])
        bare.grab()

    fill_schedule(0)
    rows = model.rowCount()
    cells = rows * model.columnCount()
    measured = {
        name: timed(fn, repeats) for name, fn in (("day view", fill_schedule), ("bare QTableView", fill_bare))
    }
    ours = measured["day view"]
    verdict = "ok" if percentile(ours, 0.95) <= SCHEDULE_TARGET_MS else "**over target**"
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {sys.platform} (offscreen), {repeats} runs, "
        f"{SCHEDULE_PRACTITIONERS} practitioners × {rows} slots = {cells} cells, window 1280×760.",
        "",
        "| view | median ms | p95 ms | target p95 ms | verdict |",
        "|---|---:|---:|---:|---|",
    ]
    for name, samples in measured.items():
        target, mark = (str(SCHEDULE_TARGET_MS), verdict) if name == "day view" else ("—", "baseline")
        lines.append(
            f"| {name} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | {target} | {mark} |"
        )
    grid.close()
    bare.close()
    return "\n".join(lines)
