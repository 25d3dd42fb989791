"""Speed and memory of the operations a receptionist waits on, against their targets.

    .venv/bin/python scripts/benchmark.py --clients 10000 100000 [--postgresql] [--write BENCHMARKS.md]

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
    args = parser.parse_args()
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


def write(path: Path, table: str) -> None:
    begin, end = "<!-- results:begin -->", "<!-- results:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
