"""The benchmark's figures as Markdown tables, merged into BENCHMARKS.md between markers."""

from __future__ import annotations

import json
from pathlib import Path

from benchmark_store import Figure, ResultStore

SEARCH_RATIO = 10


def _verdict(met: bool | None) -> str:
    return {True: "ok", False: "**missed**", None: "—"}[met]


def _order(figure: Figure) -> tuple[int, str]:
    return figure.clients, figure.database


def _ms(values: dict[str, float]) -> str:
    return f"{values['median']:.1f} / {values['p95']:.1f}" if values else "—"


def search_table(store: ResultStore) -> list[str]:
    lines = [
        "### Search, by kind of query typed (ms, median / p95; 60 runs)",
        "",
        f"Service: `clients.search` as the window calls it (role check, unit of work, records). Raw: one "
        f"hand-written SQL statement through the driver alone answering the same question (first 50 in the "
        f'same order; "same" says the two gave the same 50). Target: service p95 ≤ {SEARCH_RATIO}× raw p95.',
        "",
        "| database | clients | query | service | raw SQL | ratio (p95) | same | verdict | load |",
        "|---|---:|---|---:|---:|---:|---|---|---|",
    ]
    for figure in sorted(store.select("search"), key=_order):
        for kind, result in json.loads(figure.note).items():
            ratio = result["service"]["p95"] / max(result["raw"]["p95"], 0.001)
            lines.append(
                f"| {figure.database} | {figure.clients:,} | {kind} | {_ms(result['service'])} | "
                f"{_ms(result['raw'])} | {ratio:.1f}× | {'yes' if result['same_answer'] else 'no'} | "
                f"{_verdict(ratio <= SEARCH_RATIO)} | {figure.load} |"
            )
    return lines


def timing_table(store: ResultStore, prefix: str, title: str, explanation: str) -> list[str]:
    figures = sorted(store.select(prefix), key=_order)
    if not figures:
        return []
    lines = [
        f"### {title} (ms, median / p95)",
        "",
        explanation,
        "",
        "| database | clients | measured | baseline | target | verdict | note | load |",
        "|---|---:|---:|---:|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.database} | {f.clients:,} | {_ms(f.value)} | {_ms(f.baseline)} | {f.target} | "
            f"{_verdict(f.met)} | {f.note} | {f.load} |"
        )
    return lines


def work_table(store: ResultStore) -> list[str]:
    figures = sorted(
        store.select("export")
        + store.select("report")
        + store.select("demo-data")
        + store.select("db check"),
        key=lambda f: (f.clients, f.database, f.name),
    )
    if not figures:
        return []
    lines = [
        "### Demo data, exports, reports and `db check` (each in a process of its own)",
        "",
        "Seconds of wall time and the process's peak resident memory. The export's baseline: the same rows "
        "read by the driver alone and written as CSV. Reports are rendered as French PDF over the last 365 "
        "days; the first report of the day also walks the audit chain (see issue 11), measured apart below.",
        "",
        "| database | clients | operation | seconds | peak MB | rows | baseline s / MB | target | verdict | load |",
        "|---|---:|---|---:|---:|---:|---|---|---|---|",
    ]
    for f in figures:
        base = f"{f.baseline['seconds']:.1f} / {f.baseline['peak_mb']:.0f}" if f.baseline else "—"
        rows = f"{int(f.value['rows']):,}" if "rows" in f.value else "—"
        lines.append(
            f"| {f.database} | {f.clients:,} | {f.name} | {f.value['seconds']:.1f} | {f.value['peak_mb']:.0f} | "
            f"{rows} | {base} | {f.target} | {_verdict(f.met)}{' ' + f.note if f.note else ''} | {f.load} |"
        )
    lines += ["", *memory_growth(store)]
    return lines


def memory_growth(store: ResultStore) -> list[str]:
    """Peak memory at 1M against 100k for the export and each report (target ≤ 1.2×)."""
    lines = []
    by_key = {(f.database, f.name, f.clients): f for f in store.figures.values() if "peak_mb" in f.value}
    for (database, name, clients), big in sorted(by_key.items()):
        small = by_key.get((database, name, 100_000))
        if clients != 1_000_000 or small is None or name in ("demo-data", "db check"):
            continue
        ratio = big.value["peak_mb"] / small.value["peak_mb"]
        lines.append(
            f"- {database}, {name}: peak memory at 1M is {ratio:.2f}× that at 100k (target ≤ 1.2×): "
            f"{_verdict(ratio <= 1.2)}."
        )
    return lines


def render(store: ResultStore) -> str:
    meta = store.meta
    lines = [
        f"Machine: {meta.get('machine', '?')}. Results gathered from {meta.get('started', '?')} on (a run resumes); its last pass took "
        f"{meta.get('last run minutes', '?')} minutes. The load average (1 / 5 / 15 min) is given beside "
        "each figure.",
        "",
        *search_table(store),
        "",
        *timing_table(
            store,
            "keystroke",
            "Keystroke → results painted, main window (offscreen)",
            "From the key event to the paint of the results table showing the final results for the whole "
            "text typed, a letter at a time through eight names. Baseline: a bare QTableView filled with 50 "
            "ready rows on each keystroke, timed the same way. Note: the window's resident memory after.",
        ),
        "",
        *timing_table(
            store,
            "startup",
            "Start-up to the login window painted, fresh process",
            "Baseline: a bare PySide6 window shown and painted in a fresh process.",
        ),
        "",
        *timing_table(
            store,
            "overhead",
            "Per-call overhead of a read-only service call",
            "A client's summary line through `clients.summaries` against the same SELECT through the driver "
            "alone, 1,000 calls; note: the difference of the medians, ms.",
        ),
        "",
        *timing_table(
            store,
            "open client file",
            "Opening a client file",
            "File, header status, consent grid and the first page of its history, as the window reads them "
            "(target from the first benchmark); no baseline.",
        ),
        "",
        *timing_table(
            store,
            "book with consent",
            "Booking with consent capture",
            "An appointment booked with one consent answer recorded (target from the first benchmark).",
        ),
        "",
        *timing_table(
            store,
            "acknowledgment",
            "Acknowledgment PDF",
            "French, signed, the whole consent grid, the policy and its summary in annex, a Devanagari name "
            "(desktop.pdf.samples), against a one-page reportlab document in the same font; rendered in turns.",
        ),
        "",
        *work_table(store),
    ]
    return "\n".join(lines)


def write(path: Path, table: str, marker: str = "results") -> None:
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")
