"""A client-list import measured on a new SQLite database: a made-up list of N clients (Windows-1252,
semicolons, French headers, every row valid) analysed, staged and committed by the import service, each
step timed, with the peak of the memory Python allocated (tracemalloc, which slows every step: time and
memory are measured in two runs).

    .venv/bin/python scripts/benchmark_import.py [--rows 10000] [--memory]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.app import prepare_database  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.db.engine import sqlite_url  # noqa: E402
from desktop.demo_clinic import set_up_demo_clinic  # noqa: E402
from desktop.domain.enums import Role  # noqa: E402
from desktop.domain.records import Actor  # noqa: E402
from desktop.services import Services  # noqa: E402
from desktop.services.unit_of_work import system_actor  # noqa: E402

_LAST = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
         "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Nguyễn")  # fmt: skip
_FIRST = ("Émile", "Zoé", "Léa", "Noah", "Chloé", "Félix", "Alice", "Jacob", "Florence", "Thomas", "Rosalie")


def write_list(path: Path, rows: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="cp1252", errors="replace", newline="") as stream:
        out = csv.writer(stream, delimiter=";")
        out.writerow(
            ["Nom", "Prénom", "Date de naissance", "Téléphone", "Courriel", "Adresse", "Ville", "Code postal"]
        )
        for n in range(rows):
            born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2020)}"
            out.writerow([rng.choice(_LAST[:-1]), f"{rng.choice(_FIRST)}-{n}", born, f"418 555-{n % 10000:04d}",
                          f"client{n}@example.com", f"{n} rue Principale", "Québec", "G1R 2B5"])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--memory", action="store_true", help="Measure the memory peak (slower).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="frontdesk-import-") as folder:
        root = Path(folder)
        os.environ.setdefault("FRONTDESK_DATA_DIR", str(root / "data"))
        db = Database(sqlite_url(root / "frontdesk.db"))
        prepare_database(db)
        services = Services.create(db, witness=False)
        set_up_demo_clinic(services, "benchmark")
        staff = services.staff.create(
            system_actor("benchmark"), "gestion", "Gestion", Role.MANAGER, "Front-desk-2026"
        )
        actor = Actor(staff.id, staff.username, staff.full_name, staff.role, staff.clinic_id, "benchmark")
        path = root / "clients.csv"
        write_list(path, args.rows)
        if args.memory:
            tracemalloc.start()
        started = time.perf_counter()
        analysis = services.client_import.analyse(actor, path)
        analysed = time.perf_counter()
        staged = services.client_import.stage(actor, path, analysis.detected, analysis.guessed)
        staged_at = time.perf_counter()
        result = services.client_import.commit(actor, staged.import_id)
        done = time.perf_counter()
        peak = f" memory peak {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB" if args.memory else ""
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        print(
            f"{args.rows} rows: analyse {analysed - started:.2f} s, stage {staged_at - analysed:.2f} s, "
            f"commit {done - staged_at:.2f} s, total {done - started:.2f} s; {result.created} created, "
            f"{staged.errors} errors, {staged.possible_duplicates} possible duplicates;{peak} (load {load:.1f})"
        )
        db.dispose()


if __name__ == "__main__":
    main()
