"""Speed and memory at 10,000, 100,000 and 1,000,000 clients, on SQLite and PostgreSQL, each figure
beside its baseline measured in the same run.

    .venv/bin/python scripts/benchmark.py [--sizes 10000 100000 1000000] [--databases sqlite postgresql]
        [--workdir /tmp/frontdesk-bench] [--only search keystroke …] [--again] [--write BENCHMARKS.md]
    .venv/bin/python scripts/benchmark.py --schedule-paint [--write BENCHMARKS.md]

The databases and the results (``results.json``) stay in the work folder, so a run that stops resumes
where it left off: a figure already measured is kept unless ``--again``. Each measurement runs in a
process of its own (scripts/benchmark_probes.py, scripts/benchmark_keystroke.py) for its peak memory.
``--write`` merges every figure measured so far into the file's results section.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_render import render, write  # noqa: E402
from benchmark_store import Figure, ResultStore  # noqa: E402

SCRIPTS = Path(__file__).resolve().parent
PYTHON = sys.executable
STEPS = (
    "demo",
    "search",
    "keystroke",
    "overhead",
    "desk",
    "export",
    "reports",
    "startup",
    "acknowledgment",
    "check",
)
REPORTS = ("consent-coverage", "optout-register", "reacknowledgment", "exports-log", "access-log")


@dataclass
class Child:
    """A child process's output, exit status, wall time and peak resident memory."""

    out: str
    err: str
    returncode: int
    seconds: float
    peak_mb: float

    def result(self) -> dict[str, Any]:
        for line in reversed(self.out.splitlines()):
            if line.startswith("RESULT "):
                return dict(json.loads(line[7:]))
        raise RuntimeError(f"no result: {self.err[-2000:]}")


def run_child(command: list[str], env: dict[str, str], stdin: str | None = None) -> Child:
    """Run ``command``; its own peak memory is read with ``os.wait4`` (the output goes to files, so
    nothing else reaps the child first)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as given:
        given.write((stdin or "").encode())
        given.seek(0)
        process = subprocess.Popen(command, env=env, stdin=given, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        child = Child(
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            process.returncode,
            time.perf_counter() - started,
            usage.ru_maxrss / 1024,
        )
    if child.returncode != 0:
        print(" ".join(command[:4]), child.err[-3000:], file=sys.stderr, flush=True)
    return child


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.workdir: Path = args.workdir
        self.store = ResultStore(self.workdir / "results.json")
        self.server: Any = None
        self.env = dict(os.environ)
        self.env.update(
            FRONTDESK_DATA_DIR=str(self.workdir / "home"),
            FRONTDESK_LOG_DIR=str(self.workdir / "logs"),
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=str(SCRIPTS.parent),
        )

    def wanted(self, step: str, database: str, clients: int, name: str) -> bool:
        if self.args.only and step not in self.args.only:
            return False
        return self.args.again or not self.store.has(database, clients, name)

    # ---------------------------------------------------------------- databases

    def url(self, database: str, clients: int) -> str:
        if database == "SQLite":
            return f"sqlite:///{self.workdir / f'sqlite-{clients}.db'}"
        if self.server is None:
            from benchmark_server import KeptPostgresServer

            # Beside the work folder, not in it: the work folder is private to this user, the server's
            # data folder belongs to the postgres user.
            self.server = KeptPostgresServer(self.workdir.with_name(self.workdir.name + "-postgresql"))
            self.server.start()
        return str(self.server.url(f"bench_{clients}"))

    def build(self, database: str, clients: int) -> str:
        url = self.url(database, clients)
        built = self.workdir / f"built-{database}-{clients}"
        if built.exists() and not ("demo" in (self.args.only or ()) and self.args.again):
            return url
        if database == "SQLite":
            Path(url.split("///", 1)[1]).unlink(missing_ok=True)
        else:
            self.server.drop_database(f"bench_{clients}")
            self.server.create_database(f"bench_{clients}")
        print(f"building {database} {clients:,}", flush=True)
        child = run_child(
            [PYTHON, "-m", "desktop", "--database", url, "demo-data", "--clients", str(clients)], self.env
        )
        if child.returncode != 0:
            raise SystemExit(f"demo-data failed on {database} at {clients:,}")
        target = 300.0 if database == "SQLite" and clients == 1_000_000 else None
        self.store.add(
            Figure(
                database,
                clients,
                "demo-data",
                {"seconds": child.seconds, "peak_mb": child.peak_mb},
                target="≤ 300 s" if target else "",
                met=child.seconds <= target if target else None,
            )
        )
        built.touch()
        return url

    # ---------------------------------------------------------------- measurements

    def measure(self, database: str, clients: int) -> None:
        url = self.build(database, clients)
        probes = [PYTHON, str(SCRIPTS / "benchmark_probes.py")]
        if self.wanted("search", database, clients, "search"):
            result = run_child([*probes, "search", "--url", url], self.env).result()
            self.store.add(Figure(database, clients, "search", {"kinds": 1}, note=json.dumps(result)))
        if self.wanted("keystroke", database, clients, "keystroke"):
            child = run_child([PYTHON, str(SCRIPTS / "benchmark_keystroke.py"), "--url", url], self.env)
            result = child.result()
            limit = 16 if database == "SQLite" else 32
            self.store.add(
                Figure(
                    database,
                    clients,
                    "keystroke",
                    result["window"],
                    result["bare"],
                    "bare QTableView, 50 rows",
                    f"p95 ≤ {limit} ms",
                    result["window"]["p95"] <= limit,
                    note=f"GUI resident memory {result['rss_mb']:.0f} MB (target ≤ 250 MB)",
                )
            )
        if self.wanted("overhead", database, clients, "overhead"):
            result = run_child([*probes, "overhead", "--url", url], self.env).result()
            self.store.add(
                Figure(
                    database,
                    clients,
                    "overhead",
                    result["service"],
                    result["raw"],
                    "the same query, driver alone",
                    "≤ 0.3 ms",
                    result["overhead_ms"] <= 0.3,
                    note=f"{result['overhead_ms']:.3f}",
                )
            )
        desk = {"open client file": 150, "book with consent": 250}
        if any(self.wanted("desk", database, clients, name) for name in desk):
            result = run_child([*probes, "desk", "--url", url], self.env).result()
            for name, target in desk.items():
                met = result[name]["p95"] <= target
                self.store.add(
                    Figure(database, clients, name, result[name], target=f"p95 ≤ {target} ms", met=met)
                )
        if self.wanted("export", database, clients, "export"):
            ours = run_child([*probes, "export", "--url", url], self.env)
            raw = run_child([*probes, "export-raw", "--url", url], self.env)
            mine, floor = ours.result(), raw.result() if raw.returncode == 0 else {"seconds": 0, "rows": 0}
            self.store.add(
                Figure(
                    database,
                    clients,
                    "export",
                    {"seconds": mine["seconds"], "peak_mb": ours.peak_mb, "rows": mine["rows"]},
                    {"seconds": floor["seconds"], "peak_mb": raw.peak_mb, "rows": floor["rows"]},
                    "the same rows streamed by the driver to CSV",
                    "≤ 10 s at 1M",
                    mine["seconds"] <= 10 if clients >= 1_000_000 else None,
                )
            )
        for kind in self.args.reports:
            if self.wanted("reports", database, clients, f"report {kind}"):
                child = run_child([*probes, "report", kind, "--url", url], self.env)
                if child.returncode != 0:
                    continue
                result = child.result()
                self.store.add(
                    Figure(
                        database,
                        clients,
                        f"report {kind}",
                        {"seconds": result["seconds"], "peak_mb": child.peak_mb, "rows": result["rows"]},
                        target="≤ 5 s",
                        met=result["seconds"] <= 5,
                    )
                )
        if self.wanted("startup", database, clients, "startup"):
            self.startup(database, clients, url)
        if self.wanted("check", database, clients, "db check"):
            child = run_child([PYTHON, "-m", "desktop", "--database", url, "db", "check"], self.env)
            self.store.add(
                Figure(
                    database,
                    clients,
                    "db check",
                    {"seconds": child.seconds, "peak_mb": child.peak_mb},
                    note="passed"
                    if child.returncode == 0
                    else f"exit {child.returncode}: {child.out[-300:]}",
                )
            )

    def startup(self, database: str, clients: int, url: str) -> None:
        import importlib

        try:
            measure_startup = importlib.import_module("startup_probe").measure_startup
        except ImportError:
            return
        result = measure_startup(url, env=self.env)
        self.store.add(
            Figure(
                database,
                clients,
                "startup",
                result["window"],
                result["bare"],
                "bare PySide6 window",
                "≤ 2× bare",
                result["window"]["median"] <= 2 * result["bare"]["median"],
                note="loaded before the window: "
                + (", ".join(result["loaded"]) or "none of the heavy modules"),
            )
        )

    def acknowledgment(self) -> None:
        if not self.wanted("acknowledgment", "-", 0, "acknowledgment"):
            return
        child = run_child([PYTHON, str(SCRIPTS / "benchmark_acknowledgment.py")], self.env)
        if child.returncode != 0:
            return
        result = child.result()
        ratio = result["acknowledgment"]["median"] / result["one_page"]["median"]
        self.store.add(
            Figure(
                "-",
                0,
                "acknowledgment",
                result["acknowledgment"],
                result["one_page"],
                "one-page reportlab document, same font",
                "≤ 3×",
                ratio <= 3,
                note=f"{ratio:.1f}×",
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"]
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/frontdesk-bench"))
    parser.add_argument("--only", nargs="+", choices=STEPS)
    parser.add_argument(
        "--reports", nargs="+", choices=REPORTS, default=list(REPORTS), help="reports to measure"
    )
    parser.add_argument(
        "--again", action="store_true", help="measure again what the work folder already holds"
    )
    parser.add_argument("--write", type=Path)
    parser.add_argument("--schedule-paint", action="store_true", help="only the day view's paint time")
    args = parser.parse_args()
    if args.schedule_paint:
        from benchmark_schedule import schedule_paint

        table = schedule_paint()
        print(table)
        if args.write:
            write(args.write, table, marker="schedule")
        return
    bench = Bench(args)
    started = time.perf_counter()
    try:
        for clients in args.sizes:
            for database in args.databases:
                bench.measure({"sqlite": "SQLite", "postgresql": "PostgreSQL"}[database], clients)
        bench.acknowledgment()
    finally:
        if bench.server is not None:
            bench.server.stop()
        bench.store.meta["last run minutes"] = f"{(time.perf_counter() - started) / 60:.1f}"
        bench.store.save()
        table = render(bench.store)
        print(table)
        if args.write:
            write(args.write, table)


if __name__ == "__main__":
    main()
