"""Speed and memory of the operations a receptionist waits on, against their targets.

    .venv/bin/python scripts/benchmark.py --clients 10000 100000 [--postgresql] [--write BENCHMARKS.md]
    .venv/bin/python scripts/benchmark.py --schedule-paint [--write BENCHMARKS.md]

Builds demo databases (SQLite file; PostgreSQL on a throwaway server with --postgresql), then times
searches, opening a client file, and booking with consent capture. Prints a Markdown table; with
--write, replaces the results table in the given file.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.app import open_services  # noqa: E402
from desktop.db.engine import sqlite_url  # noqa: E402
from desktop.demo import DEMO_ACCOUNTS, populate  # noqa: E402
from desktop.domain.enums import (  # noqa: E402
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Purpose,
)
from desktop.domain.records import AppointmentDraft, ConsentCapture, ConsentChange  # noqa: E402
from desktop.services import Services  # noqa: E402

#: Targets, in milliseconds at the 95th percentile (search and open feel instant below ~100 ms).
TARGETS_MS = {"search by first letter": 100, "search by name": 100, "search by phone": 100, "search by date of birth": 100,
              "open client file": 150, "book with consent": 250}
TARGET_RSS_MB = 400
REPEATS = 60


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(fn: Callable[[int], object], repeats: int = REPEATS) -> list[float]:
    samples = []
    for index in range(repeats):
        start = time.perf_counter()
        fn(index)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(services: Services, label: str, clients: int) -> list[tuple[str, str, int, float, float, int]]:
    account = next(a for a in DEMO_ACCOUNTS if a.role.value == "receptionist")
    actor = services.staff.authenticate(account.username, account.password, "benchmark")
    sample = services.clients.search(actor, "a", limit=200) or services.clients.search(actor, "e", limit=200)
    names = [c.last_name for c in sample]
    phones = [c.phone[-7:] for c in sample if c.phone]
    births = [c.date_of_birth.isoformat() for c in sample]
    ids = [c.id for c in sample]
    start = datetime.now(UTC) + timedelta(days=1)

    def open_file(i: int) -> None:
        client_id = ids[i % len(ids)]
        services.clients.open(actor, client_id)
        services.clients.status(actor, client_id)
        services.consent.grid(actor, client_id)
        services.consent.history(actor, client_id, limit=50)

    def book(i: int) -> None:
        choice = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted=i % 2 == 0)
        services.appointments.book(
            actor, ids[i % len(ids)],
            AppointmentDraft(start + timedelta(minutes=15 * i), AppointmentKind.CONSULTATION,
                             AppointmentMode.IN_CLINIC, BookedVia.PHONE),
            ConsentCapture((choice,), Interaction.PHONE, sample[i % len(sample)].preferred_language),
        )

    cases = {
        # The first keystroke: the broadest search a person makes while typing.
        "search by first letter": lambda i: services.clients.search(actor, "bcdglmprst"[i % 10]),
        "search by name": lambda i: services.clients.search(actor, names[i % len(names)][:4]),
        "search by phone": lambda i: services.clients.search(actor, phones[i % len(phones)]),
        "search by date of birth": lambda i: services.clients.search(actor, births[i % len(births)]),
        "open client file": open_file,
        "book with consent": book,
    }
    rows = []
    for name, fn in cases.items():
        samples = timed(fn)
        rows.append((label, name, clients, statistics.median(samples), percentile(samples, 0.95), TARGETS_MS[name]))
    return rows


# ---------------------------------------------------------------- the schedule's day view

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
            index + 1, 1, f"Praticien {index + 1:02d}", "", True,
            (WeeklyHours(2, time(8), time(12)), WeeklyHours(2, time(13), time(18))),
        )
        hours = (TimeRange(at(8), at(12)), TimeRange(at(13), at(18)))
        appointments = tuple(
            ScheduledAppointment(
                index * 100 + slot, uuid4(), slot, f"Client {index:02d}-{slot:02d}", f"{slot:06d}", index + 1,
                at(8 + slot // 2, 30 * (slot % 2)) if slot < 8 else at(5 + slot // 2, 30 * (slot % 2)), 30,
                "consultation", "Consultation", "Consultation", AppointmentMode.IN_CLINIC, states[slot % len(states)],
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
    measured = {name: timed(fn, repeats) for name, fn in (("day view", fill_schedule), ("bare QTableView", fill_bare))}
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


def build(url: str, clients: int) -> tuple[Services, float]:
    services = open_services(url)
    started = time.perf_counter()
    populate(services, clients)
    return services, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, nargs="+", default=[10_000])
    parser.add_argument("--postgresql", action="store_true")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--schedule-paint", action="store_true", help="only the day view's paint time")
    args = parser.parse_args()
    if args.schedule_paint:
        table = schedule_paint()
        print(table)
        if args.write:
            write(args.write, table, marker="schedule")
        return
    rows: list[tuple[str, str, int, float, float, int]] = []
    builds: list[tuple[str, int, float]] = []
    server = None
    if args.postgresql:
        from tests.support.postgres_server import PostgresServer

        server = PostgresServer()
        server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for clients in args.clients:
                targets = [("SQLite", sqlite_url(Path(folder) / f"bench-{clients}.db"))]
                if server is not None:
                    targets.append(("PostgreSQL", server.create_database(f"bench_{clients}")))
                for label, url in targets:
                    services, seconds = build(url, clients)
                    builds.append((label, clients, seconds))
                    rows += measure(services, label, clients)
                    services.close()
    finally:
        if server is not None:
            server.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table = render(rows, builds, rss_mb)
    print(table)
    if args.write:
        write(args.write, table)


def render(
    rows: list[tuple[str, str, int, float, float, int]], builds: list[tuple[str, int, float]], rss_mb: float
) -> str:
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {sys.platform}, Python {sys.version.split()[0]}, "
        f"{REPEATS} runs per operation.",
        "",
        "| database | operation | clients | median ms | p95 ms | target p95 ms | verdict |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for label, name, clients, median, p95, target in rows:
        verdict = "ok" if p95 <= target else "**over target**"
        lines.append(f"| {label} | {name} | {clients:,} | {median:.1f} | {p95:.1f} | {target} | {verdict} |")
    lines += ["", "| database | demo data generation | clients | seconds |", "|---|---|---:|---:|"]
    for label, clients, seconds in builds:
        lines.append(f"| {label} | demo-data | {clients:,} | {seconds:.1f} |")
    verdict = "ok" if rss_mb <= TARGET_RSS_MB else "**over target**"
    lines += ["", f"Peak memory of the benchmark process: {rss_mb:.0f} MB (target ≤ {TARGET_RSS_MB} MB): {verdict}."]
    return "\n".join(lines)


def write(path: Path, table: str, marker: str = "results") -> None:
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
