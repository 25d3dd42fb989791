"""A booking writer for the load and fault tests, run in its own process.

Each booking carries one consent answer that flips the client's newsletter-by-email cell, so every
booking really writes an appointment, a consent event and their audit records. As a script it
prints ``ready`` once logged in, then each booking's uid as soon as ``book`` has returned (the
commit the person would have been told about), flushing every line.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from desktop.app import open_services
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    Purpose,
)
from desktop.domain.errors import DatabaseBusyError
from desktop.domain.records import AppointmentDraft, ConsentCapture, ConsentChange


@dataclass
class WriterReport:
    committed: list[str] = field(default_factory=list)
    busy: int = 0
    errors: list[str] = field(default_factory=list)


def book_many(
    url: str,
    username: str,
    password: str,
    client_ids: Sequence[int],
    count: int,
    *,
    on_ready: Callable[[], None] | None = None,
    on_commit: Callable[[str], None] | None = None,
) -> WriterReport:
    report = WriterReport()
    services = open_services(url, migrate=False)
    try:
        actor = services.staff.authenticate(username, password, f"writer-{uuid.uuid4().hex[:6]}")
        # Services are made on first use: make the booking one now, so its imports are not counted in
        # the time between "ready" and the kill.
        _ = services.appointments
        if on_ready:
            on_ready()
        start = services.clock.now() + timedelta(days=1)
        for index in range(count):
            client_id = client_ids[index % len(client_ids)]
            granted = (index // len(client_ids)) % 2 == 0
            draft = AppointmentDraft(
                starts_at=start + timedelta(minutes=index),
                kind=AppointmentKind.TREATMENT if index % 2 else AppointmentKind.CONSULTATION,
                mode=AppointmentMode.IN_CLINIC,
                booked_via=BookedVia.PHONE,
            )
            capture = ConsentCapture(
                (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted),),
                Interaction.PHONE,
                Language.FR,
            )
            try:
                services.appointments.book(actor, client_id, draft, capture)
            except DatabaseBusyError:
                report.busy += 1
                continue
            except Exception as error:  # reported to the test, which fails on any
                report.errors.append(f"{type(error).__name__}: {error}")
                continue
            report.committed.append(str(draft.uid))
            if on_commit:
                on_commit(str(draft.uid))
    finally:
        services.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--clients", required=True, help="comma-separated client ids")
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    password = sys.stdin.readline().rstrip("\n")

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    report = book_many(
        args.url,
        args.user,
        password,
        [int(c) for c in args.clients.split(",")],
        args.count,
        on_ready=lambda: say("ready"),
        on_commit=say,
    )
    for error in report.errors:
        say(f"error {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
