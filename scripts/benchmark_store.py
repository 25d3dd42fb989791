"""The benchmark's results, kept in a JSON file so a run can stop and resume where it left off.

Each figure is stored under a key (database, clients, measurement) with its baseline measured in the
same run, the machine's load average when it was taken, and when.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summarise(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile of ``samples`` (milliseconds, usually)."""
    return {"median": statistics.median(samples), "p95": percentile(samples, 0.95), "runs": len(samples)}


def machine() -> str:
    """'Linux 6.1 x86_64, 2 cores (AMD EPYC …), Python 3.11.7'."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 0
    return (
        f"{platform.system()} {platform.release().split('-')[0]} {platform.machine()}, {cores} cores"
        + (f" ({model})" if model else "")
        + f", Python {platform.python_version()}"
    )


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


@dataclass
class Figure:
    """One measurement beside its baseline. ``value`` and ``baseline`` hold what was measured (for
    timings: median and p95 in ms; for memory: MB), ``target`` the goal and how it is judged."""

    database: str
    clients: int
    name: str
    value: dict[str, float]
    baseline: dict[str, float] = field(default_factory=dict)
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    load: str = field(default_factory=load_average)
    at: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))

    @property
    def key(self) -> str:
        return f"{self.database}|{self.clients}|{self.name}"


class ResultStore:
    """Figures by key in ``path``; written after every figure, so an interrupted run loses nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.figures: dict[str, Figure] = {}
        self.meta: dict[str, str] = {}
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            self.meta = data.get("meta", {})
            self.figures = {key: Figure(**value) for key, value in data.get("figures", {}).items()}

    def has(self, database: str, clients: int, name: str) -> bool:
        return f"{database}|{clients}|{name}" in self.figures

    def add(self, figure: Figure) -> None:
        self.figures[figure.key] = figure
        self.save()
        verdict = {True: "ok", False: "MISSED", None: ""}[figure.met]
        print(
            f"  {figure.key}: {figure.value} vs {figure.baseline_name or '-'} {figure.baseline} {verdict}",
            flush=True,
        )

    def save(self) -> None:
        self.meta.setdefault("machine", machine())
        self.meta.setdefault("started", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
        data = {"meta": self.meta, "figures": {key: asdict(value) for key, value in self.figures.items()}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".part")
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        temporary.replace(self.path)

    def select(self, name_prefix: str) -> list[Figure]:
        return [f for f in self.figures.values() if f.name.startswith(name_prefix)]
