"""Logs: owner-only rotating file, a filter that masks emails, phone numbers and dates, and a whole
working session that leaves no client data in the log files."""

from __future__ import annotations

import logging
import logging.handlers
import re
import stat
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.db.models import Client
from desktop.demo import populate
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.errors import FrontDeskError
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    SignatureCapture,
)
from desktop.logging_setup import BACKUP_COUNT, LOG_FILE, MAX_BYTES, configure_logging, redact
from tests.conftest import WORKSTATION


@pytest.fixture
def log_dir(tmp_path):
    root = logging.getLogger()
    saved_level = root.level
    folder = tmp_path / "logs"
    yield folder
    for handler in list(root.handlers):
        if getattr(handler, "_frontdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(saved_level)


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("sent to zoe.tremblay+rdv@example.qc.ca today", "sent to [email] today"),
        ("call 418 555-0123 back", "call [phone] back"),
        ("call (418) 555-0123", "call [phone]"),
        ("call +1 418-555-0123", "call [phone]"),
        ("call 418.555.0123 or 4185550123", "call [phone] or [phone]"),
        ("E.164 +14185550123", "E.164 [phone]"),
        ("born 1980-04-12", "born [date]"),
        ("born 12/04/1980", "born [date]"),
        ("born 19800412", "born [date]"),
        ("NAM TREM80051512 or TREM 8005 1512", "NAM [nam] or [nam]"),
        ("client 42 opened, attempt 3, audit_records=12", "client 42 opened, attempt 3, audit_records=12"),
        ("file 000123 status", "file 000123 status"),
    ],
)
def test_redaction(raw, masked):
    assert redact(raw) == masked


def test_log_file_is_private_rotating_and_configured_once(log_dir):
    first = configure_logging("INFO", log_dir=log_dir)
    path = configure_logging("INFO", log_dir=log_dir)
    assert first == path == log_dir / LOG_FILE
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False)]
    files = [h for h in ours if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(files) == 1 and len(ours) == 2, "configured twice, installed once"
    assert (files[0].maxBytes, files[0].backupCount) == (MAX_BYTES, BACKUP_COUNT) == (1_000_000, 5)
    logging.getLogger("desktop.test").warning("reminder for %s on %s", "zoe@example.com", date(1980, 4, 12))
    text = path.read_text("utf-8")
    assert "reminder for [email] on [date]" in text and "zoe@example.com" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700
    configure_logging("INFO", log_dir=log_dir, stderr_level=None)
    assert len([h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False)]) == 1


def test_tracebacks_are_masked_too(log_dir):
    path = configure_logging("INFO", log_dir=log_dir, stderr_level=None)
    try:
        raise RuntimeError("unexpected value zoe@example.com 418 555-0123 1980-04-12")
    except RuntimeError:
        logging.getLogger("ui.kit.worker").exception("Background task failed")
    text = path.read_text("utf-8")
    assert "RuntimeError: unexpected value [email] [phone] [date]" in text
    assert "zoe@example.com" not in text and "555-0123" not in text and "1980-04-12" not in text


def _gui_failure(error: BaseException) -> None:
    """What the GUI's task runner does with an error it was not told how to handle."""
    logging.getLogger("ui.kit.worker").error(
        "Background task failed", exc_info=(type(error), error, error.__traceback__)
    )


def test_a_working_session_leaves_no_client_data_in_the_logs(services, team, log_dir, clock):
    configure_logging("DEBUG", log_dir=log_dir, stderr_level=None)
    desk, manager = team.receptionist, team.manager
    populate(services, 25, seed=7, workstation=WORKSTATION, into_existing=True)
    created = [
        services.clients.create(
            desk,
            ClientDraft(
                "Gauthier-Lemieux",
                "Éloïse",
                date(1987, 3, 14),
                Language.FR,
                "4510 rue Saint-Denis",
                "Montréal",
                "QC",
                "H2J 2L3",
                "eloise.gauthier@example.org",
                "514 555-0187",
            ),
        ),
        services.clients.create(
            desk,
            ClientDraft(
                "Ouellette", "Rosalie", date(1954, 11, 2), email="rosalie.o@example.net", phone="4185550162"
            ),
        ),
    ]
    with services.db.session(write=False) as session:
        demo_ids = list(session.scalars(select(Client.id).where(Client.id.not_in([c.id for c in created]))))
    clients = created + [services.clients.open(manager, client_id) for client_id in demo_ids]
    failures: list[BaseException] = []

    def attempt(action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except FrontDeskError as error:
            failures.append(error)
            _gui_failure(error)

    for client in clients[:10]:
        attempt(
            lambda c=client: services.appointments.book(
                desk,
                c.id,
                AppointmentDraft(
                    clock.now() + timedelta(days=2),
                    AppointmentKind.CONSULTATION,
                    AppointmentMode.IN_CLINIC,
                    BookedVia.PHONE,
                ),
                ConsentCapture(
                    (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),),
                    Interaction.PHONE,
                    Language.FR,
                ),
            )
        )
        attempt(
            lambda c=client: services.acknowledgments.record(
                desk, c.id, SignatureCapture(refused=True, refusal_note="")
            )
        )
        attempt(
            lambda c=client: services.clients.update(
                desk, c.id, c.version, replace(c.as_draft(), city="Québec")
            )
        )
        attempt(
            lambda c=client: services.clients.update(
                desk, c.id, c.version, replace(c.as_draft(), city="Lévis")
            )
        )  # stale
        attempt(
            lambda c=client: services.clients.update(
                desk, c.id, 99, replace(c.as_draft(), email=c.first_name + "@@" + c.email)
            )
        )
        attempt(
            lambda c=client: services.clients.update(
                desk, c.id, 99, replace(c.as_draft(), phone=c.phone + "99999")
            )
        )
        attempt(lambda c=client: services.clients.create(desk, c.as_draft()))  # possible duplicate
        attempt(
            lambda c=client: services.optouts.log(
                desk,
                OptOutDraft(
                    OptOutVia.PHONE,
                    clock.today(),
                    c.full_name,
                    c.phone,
                    c.email,
                    frozenset({Purpose.NEWSLETTERS}),
                    frozenset(Channel),
                    client_id=c.id,
                    note=f"Called on {c.date_of_birth:%d/%m/%Y}",
                ),
            )
        )
        attempt(
            lambda c=client: services.optouts.log(
                desk,
                OptOutDraft(
                    OptOutVia.EMAIL,
                    clock.today() + timedelta(days=3),
                    c.full_name,
                    requester_email=c.email,
                    purposes=frozenset({Purpose.FEEDBACK}),
                ),
            )
        )
        attempt(lambda: services.staff.list(desk))  # permission denied
        attempt(lambda c=client: services.clients.get_by_file_number(desk, c.phone))  # not found
        attempt(
            lambda c=client: services.staff.authenticate("accueil", c.date_of_birth.isoformat(), WORKSTATION)
        )
        try:
            raise RuntimeError(f"unexpected {client.email} {client.phone} {client.date_of_birth.isoformat()}")
        except RuntimeError as error:
            _gui_failure(error)
    logging.getLogger("desktop.test").info("session over: %d failures", len(failures))

    texts = [p.read_text("utf-8") for p in sorted(log_dir.iterdir())]
    logged = "\n".join(texts)
    assert "Background task failed" in logged and "session over" in logged
    assert len(failures) >= 60
    staff_names = " ".join(n for n in ("Amélie Côté", "Marc-André O'Brien", "Linh Nguyễn"))
    leaks = []
    for client in clients:
        national = client.phone[2:] if client.phone.startswith("+1") else client.phone
        values = [
            f"{client.first_name} {client.last_name}",
            client.email,
            client.phone,
            national,
            f"{national[:3]} {national[3:6]}-{national[6:]}" if national else "",
            client.date_of_birth.isoformat(),
            f"{client.date_of_birth:%d/%m/%Y}",
        ]
        if len(client.last_name) >= 4 and client.last_name not in staff_names:
            values.append(client.last_name)
        leaks += [v for v in values if v and re.search(re.escape(v), logged)]
    assert leaks == []
