"""One measurement per process, so each has its own peak memory: run by scripts/benchmark.py.

    .venv/bin/python scripts/benchmark_probes.py search|overhead|export|export-raw|report KIND --url URL

Prints ``RESULT {json}`` as its last line. The parent reads the child's peak resident memory with
``os.wait4``; a figure's baseline is measured in the same process, right beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_store import summarise  # noqa: E402

REPEATS = 60
PAGE = 50
SUMMARY = "c.id, c.file_number, c.last_name, c.first_name, c.date_of_birth, c.phone, c.preferred_language"


def timed(fn: Callable[[int], object], repeats: int = REPEATS) -> list[float]:
    fn(0)  # warm: the first call pays for imports and plan caches
    samples = []
    for index in range(repeats):
        start = time.perf_counter()
        fn(index)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def open_app(url: str) -> Any:
    from desktop.app import open_services

    return open_services(url, daily_backup=False)


def sign_in(services: Any, role: str) -> Any:
    from desktop.demo_accounts import DEMO_ACCOUNTS

    account = next(a for a in DEMO_ACCOUNTS if a.role.value == role)
    return services.staff.authenticate(account.username, account.password, "benchmark")


class RawConnection:
    """The database driver alone (sqlite3 or psycopg), no SQLAlchemy: the baseline's floor."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite"):
            import sqlite3

            self.connection: Any = sqlite3.connect(url.split("///", 1)[1])
            self.mark = "?"
        else:
            import psycopg

            self.connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
            self.connection.autocommit = True
            self.mark = "%s"

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        cursor.execute(sql.replace("?", self.mark), tuple(params))
        return list(cursor.fetchall())


# ------------------------------------------------------------------ search, by kind of query typed


def _key_range(kind: str, prefix: str) -> tuple[str, list[object]]:
    from desktop.domain.normalize import prefix_upper_bound

    upper = prefix_upper_bound(prefix)
    sql = "EXISTS (SELECT 1 FROM client_search_keys k WHERE k.client_id = c.id AND k.kind = ? AND k.key >= ?"
    params: list[object] = [kind, prefix]
    if upper is not None:
        sql += " AND k.key < ?"
        params.append(upper)
    return sql + ")", params


def _key_ids(kind: str, prefix: str) -> tuple[str, list[object]]:
    from desktop.domain.normalize import prefix_upper_bound

    upper = prefix_upper_bound(prefix)
    sql = "SELECT client_id FROM client_search_keys WHERE kind = ? AND key >= ?"
    return (sql + " AND key < ?", [kind, prefix, upper]) if upper is not None else (sql, [kind, prefix])


def raw_search(text: str) -> tuple[str, list[object]]:
    """One hand-written statement answering what the service answers for ``text``: the first page of
    matching files in name order."""
    from desktop.domain.dates import read_date
    from desktop.domain.nam import normalise_nam
    from desktop.domain.normalize import digits, query_tokens

    conditions: list[str] = []
    params: list[object] = []
    for word in text.split() if not text[:4].isalpha() or not text[4:5].isdigit() else [text]:
        day = read_date(word)
        if day is not None:
            conditions.append("c.date_of_birth = ?")
            params.append(day)
        elif word[:4].isalpha() and word[4:].isdigit() and len(word) >= 8:
            sql, extra = _key_ids("nam", normalise_nam(word))
            conditions.append(f"c.id IN ({sql})")
            params += extra
        elif word.isdigit():
            # Driven by the keys (few files match a number): the files' ids, then their names' order.
            sql, extra = _key_ids("phone", digits(word))
            numbers = "SELECT id FROM clients WHERE file_number >= ? AND file_number < ?"
            exact = "SELECT id FROM clients WHERE file_number = ?"
            conditions.append(f"c.id IN ({sql} UNION {numbers} UNION {exact})")
            params += extra + [word, word[:-1] + chr(ord(word[-1]) + 1), word.zfill(6)]
        else:
            for token in query_tokens(word):
                # A letter or two matches many files: walk the name order probing each. A whole word
                # matches few: read their ids by the key, then sort them.
                if len(token) <= 2:
                    sql, extra = _key_range("name", token)
                    conditions.append(sql)
                else:
                    sql, extra = _key_ids("name", token)
                    conditions.append(f"c.id IN ({sql})")
                params += extra
    where = " AND ".join(conditions)
    return f"SELECT {SUMMARY} FROM clients c WHERE {where} ORDER BY {_ORDER} LIMIT {PAGE}", params  # noqa: S608


_ORDER = "c.sort_key, c.id"


def search_queries(raw: RawConnection) -> dict[str, list[str]]:
    """What people type, drawn from the database itself: ten of each kind."""
    global _ORDER
    try:
        raw.rows("SELECT sort_key FROM clients LIMIT 1")
    except Exception:  # noqa: BLE001 - a database from before the sort key
        _ORDER = "c.last_name, c.first_name, c.id"
    count = raw.rows("SELECT max(id) FROM clients")[0][0]
    chosen = random.Random(7).sample(range(1, count + 1), 10)
    marks = ", ".join("?" for _ in chosen)
    columns = "id, file_number, last_name, first_name, date_of_birth, phone, health_number"
    sample = raw.rows(f"SELECT {columns} FROM clients WHERE id IN ({marks})", chosen)  # noqa: S608
    common = [
        row[0]
        for row in raw.rows(
            "SELECT lower(last_name), count(*) FROM clients WHERE id <= 20000 GROUP BY lower(last_name) "
            "ORDER BY 2 DESC LIMIT 10"
        )
    ]
    return {
        "first letter": list("bcdglmprst"),
        "two letters": ["co", "ga", "le", "ma", "tr", "be", "ro", "bo", "la", "pe"],
        "surname": common,
        "first and last name": [f"{row[3].split()[0]} {row[2].split()[0]}" for row in sample],
        "phone (7 digits)": [row[5][-7:] for row in sample if row[5]],
        "file number": [str(int(row[1])) for row in sample],
        "date of birth": [str(row[4])[:10] for row in sample],
        "health number": [row[6][:8] for row in sample if row[6]],
    }


def probe_search(url: str) -> dict[str, Any]:
    services = open_app(url)
    actor = sign_in(services, "receptionist")
    raw = RawConnection(url)
    results: dict[str, Any] = {}
    for kind, texts in search_queries(raw).items():
        if not texts:
            continue

        def service(i: int, texts: list[str] = texts) -> object:
            return services.clients.search(actor, texts[i % len(texts)])

        def baseline(i: int, texts: list[str] = texts) -> object:
            sql, params = raw_search(texts[i % len(texts)])
            return raw.rows(sql, params)

        same = all(
            _ids(services.clients.search(actor, t)) == [r[0] for r in baseline_rows(raw, t)] for t in texts
        )
        results[kind] = {
            "service": summarise(timed(service)),
            "raw": summarise(timed(baseline)),
            "same_answer": same,
            "example": texts[0] if kind not in ("health number", "phone (7 digits)") else "",
        }
    services.close()
    return results


def baseline_rows(raw: RawConnection, text: str) -> list[tuple[Any, ...]]:
    sql, params = raw_search(text)
    return raw.rows(sql, params)


def _ids(page: Any) -> list[int]:
    records = getattr(page, "records", page)
    return [record.id for record in records]


# ------------------------------------------------------------------ per-call overhead


def probe_overhead(url: str) -> dict[str, Any]:
    """A read-only service call (one client's summary line) against the same query run raw."""
    services = open_app(url)
    actor = sign_in(services, "receptionist")
    raw = RawConnection(url)
    ids = [row[0] for row in raw.rows("SELECT id FROM clients ORDER BY id LIMIT 1000")]

    def service(i: int) -> object:
        return services.clients.summaries(actor, [ids[i % len(ids)]])

    one = f"SELECT {SUMMARY}, c.health_number FROM clients c WHERE c.id IN (?)"  # noqa: S608

    def baseline(i: int) -> object:
        return raw.rows(one, [ids[i % len(ids)]])

    service_ms = summarise(timed(service, 1000))
    raw_ms = summarise(timed(baseline, 1000))
    services.close()
    return {"service": service_ms, "raw": raw_ms, "overhead_ms": service_ms["median"] - raw_ms["median"]}


# ------------------------------------------------------------------ the desk's everyday work


def probe_desk(url: str) -> dict[str, Any]:
    """Opening a client file (file, header status, consent grid, first page of history) and booking
    with consent capture, as the window does them (targets from the first benchmark: 150 and 250 ms)."""
    from datetime import UTC, datetime

    from desktop.domain.enums import (
        AppointmentKind,
        AppointmentMode,
        BookedVia,
        Channel,
        Interaction,
        Purpose,
    )
    from desktop.domain.records import AppointmentDraft, ConsentCapture, ConsentChange

    services = open_app(url)
    actor = sign_in(services, "receptionist")
    raw = RawConnection(url)
    count = raw.rows("SELECT max(id) FROM clients")[0][0]
    drawn = random.Random(11).sample(range(1, count + 1), 300)
    marks = ", ".join("?" for _ in drawn)
    adults = date.today() - timedelta(
        days=365 * 20
    )  # a minor's consent needs a parent named: not this figure's
    rows = raw.rows(
        f"SELECT id, preferred_language FROM clients WHERE id IN ({marks}) AND date_of_birth < ?",  # noqa: S608
        [*drawn, adults],
    )[:60]
    ids = [row[0] for row in rows]
    languages = dict(rows)
    start = datetime.now(UTC) + timedelta(days=400)

    def open_file(i: int) -> None:
        client_id = ids[i % len(ids)]
        services.clients.open(actor, client_id)
        services.clients.status(actor, client_id)
        services.consent.grid(actor, client_id)
        services.consent.history(actor, client_id, limit=50)

    def book(i: int) -> None:
        client_id = ids[i % len(ids)]
        choice = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted=i % 2 == 0)
        services.appointments.book(
            actor,
            client_id,
            AppointmentDraft(
                start + timedelta(minutes=15 * i),
                AppointmentKind.CONSULTATION,
                AppointmentMode.IN_CLINIC,
                BookedVia.PHONE,
            ),
            ConsentCapture((choice,), Interaction.PHONE, languages[client_id]),
        )

    result = {"open client file": summarise(timed(open_file)), "book with consent": summarise(timed(book))}
    services.close()
    return result


# ------------------------------------------------------------------ exports and reports


def probe_export(url: str) -> dict[str, Any]:
    from desktop.domain.enums import Channel, Purpose

    services = open_app(url)
    actor = sign_in(services, "manager")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = services.exports.export_contacts(
            actor, Purpose.NEWSLETTERS, Channel.EMAIL, Path(folder) / "out.csv"
        )
        seconds = time.perf_counter() - started
    services.close()
    return {"seconds": seconds, "rows": result.row_count}


#: The newsletter-by-email list's rows, from the current-consent table (migration 0013).
EXPORT_RAW_SQL = (
    "SELECT c.file_number, c.last_name, c.first_name, c.preferred_language, c.email FROM current_consent s "
    "JOIN clients c ON c.id = s.client_id "
    "WHERE s.purpose = ? AND s.channel = ? AND s.action = 'granted' AND c.email <> ''"
)


def probe_export_raw(url: str) -> dict[str, Any]:
    """The export's rows read by the driver alone and written as CSV: what streaming costs at least."""
    import csv

    raw = RawConnection(url)
    started = time.perf_counter()
    cursor = raw.connection.cursor()
    eligible = EXPORT_RAW_SQL.replace("?", raw.mark)
    cursor.execute(eligible, ("newsletters", "email"))
    rows = 0
    with tempfile.TemporaryDirectory() as folder, open(Path(folder) / "raw.csv", "w", newline="") as out:
        writer = csv.writer(out)
        while batch := cursor.fetchmany(5000):
            writer.writerows(batch)
            rows += len(batch)
    return {"seconds": time.perf_counter() - started, "rows": rows}


def probe_report(url: str, kind: str) -> dict[str, Any]:
    from desktop.domain.enums import Language

    services = open_app(url)
    actor = sign_in(services, "privacy_officer" if kind == "access-log" else "manager")
    today = services.clock.today()
    start, end = today - timedelta(days=365), today
    file_number = ""
    if kind == "access-log":
        file_number = RawConnection(url).rows("SELECT file_number FROM clients ORDER BY id LIMIT 1")[0][0]
    started = time.perf_counter()
    rendered = services.reports.render(
        actor, kind, start, end, "pdf", Language.FR, client_file_number=file_number
    )
    seconds = time.perf_counter() - started
    services.close()
    return {"seconds": seconds, "rows": rendered.row_count, "bytes": len(rendered.data)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("probe", choices=["search", "overhead", "desk", "export", "export-raw", "report"])
    parser.add_argument("kind", nargs="?", default="")
    parser.add_argument("--url", required=True)
    args = parser.parse_args()
    match args.probe:
        case "search":
            result = probe_search(args.url)
        case "overhead":
            result = probe_overhead(args.url)
        case "desk":
            result = probe_desk(args.url)
        case "export":
            result = probe_export(args.url)
        case "export-raw":
            result = probe_export_raw(args.url)
        case _:
            result = probe_report(args.url, args.kind)
    print("RESULT " + json.dumps(result, default=str), flush=True)


if __name__ == "__main__":
    main()
