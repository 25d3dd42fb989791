"""Evidence is only ever added: the services offer no way to change or remove it, and the database
itself refuses UPDATE and DELETE on the ledger tables, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import inspect
import io
import re
from datetime import date, timedelta

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.db.models import APPEND_ONLY_TABLES
from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.incidents import IncidentDraft
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    SignatureCapture,
)
from desktop.domain.register_enums import (
    AccessAnswerItem,
    AccessRequestChannel,
    AccessRequestKind,
    DisclosureMeans,
    DisclosureRecipient,
)
from desktop.services import Services
from desktop.services.acknowledgments import AcknowledgmentService
from desktop.services.consent import ConsentService
from desktop.services.optouts import OptOutService
from desktop.services.policies import PolicyService

LEDGER_SERVICES = (ConsentService, OptOutService, AcknowledgmentService, PolicyService)
CHANGING_VERBS = re.compile(
    r"update|delete|remove|edit|modify|erase|purge|replace|amend|undo|revoke|cancel|unprocess|unmatch|"
    r"^set_|clear|reset|overwrite|change|rewrite|truncate|drop|correct|fix",
)
#: One column per ledger table and a value to try to write into it.
ALTERATIONS = {
    "policy_versions": ("text", "altered"),
    "consent_events": ("action", "withdrawn"),
    "acknowledgments": ("signer_name", "altered"),
    "acknowledgment_documents": ("sha256", "altered"),
    "opt_out_requests": ("requester_name", "altered"),
    "opt_out_scopes": ("channel", "post"),
    "opt_out_events": ("kind", "processed"),
    "reminder_records": ("channel", "sms"),
    "audit_records": ("detail", "altered"),
    "appointment_events": ("kind", "arrived"),
    "disclosures": ("legal_basis", "altered"),
    "disclosure_clients": ("client_id", 0),
    "incidents": ("reference", "altered"),
    "incident_versions": ("measures", "altered"),
    "access_requests": ("requester_name", "altered"),
    "access_request_events": ("detail", "altered"),
    "legal_hold_events": ("reason", "altered"),
    "anonymisations": ("rule", "altered"),
}


def test_ledger_services_offer_no_way_to_change_evidence() -> None:
    for service in LEDGER_SERVICES:
        public = [
            name for name, _ in inspect.getmembers(service, inspect.isfunction) if not name.startswith("_")
        ]
        assert public, service
        assert not [name for name in public if CHANGING_VERBS.search(name)], service


def test_the_ledger_service_methods_are_known() -> None:
    def public(cls: type) -> set[str]:
        return {name for name, _ in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")}

    assert public(ConsentService) == {"names", "wording", "record", "grid", "history"}
    assert public(OptOutService) == {
        "calendar",
        "log",
        "match",
        "process",
        "mark_confirmation_sent",
        "get",
        "pending",
        "overdue",
        "pending_count",
        "for_client",
    }
    # publish adds a version; none changes one.
    assert public(PolicyService) == {"current", "versions", "get", "publish"}
    assert {"record", "for_client", "signature_png"} <= public(AcknowledgmentService)


def test_every_ledger_table_is_covered() -> None:
    assert set(ALTERATIONS) == set(APPEND_ONLY_TABLES)
    assert {
        "consent_events",
        "opt_out_requests",
        "opt_out_events",
        "opt_out_scopes",
        "acknowledgments",
        "audit_records",
        "policy_versions",
    } <= set(APPEND_ONLY_TABLES)


def signature_png() -> bytes:
    image = Image.new("RGBA", (200, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 40), (90, 10), (190, 60)], fill=(0, 0, 0, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def ledgers(services: Services, receptionist, team, clock, tmp_path) -> Services:  # type: ignore[no-untyped-def]
    """At least one row in every ledger table."""
    client = services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12)))
    services.appointments.book(
        receptionist,
        client.id,
        AppointmentDraft(
            clock.now() + timedelta(days=1),
            AppointmentKind.CONSULTATION,
            AppointmentMode.IN_CLINIC,
            BookedVia.AT_DESK,
        ),
        ConsentCapture(
            (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),), Interaction.DESK, Language.FR
        ),
        SignatureCapture(signature_png=signature_png()),
    )
    services.optouts.log(
        receptionist,
        OptOutDraft(
            OptOutVia.PHONE,
            clock.now().date(),
            "Zoé Côté",
            purposes=PROMOTIONAL_PURPOSES,
            client_id=client.id,
        ),
    )
    # A reminder by phone, exported to the call sheet: a row in the reminder ledger.
    reminded = services.clients.create(
        receptionist, ClientDraft("Roy", "Luc", date(1975, 2, 3), phone="418 555-0123")
    )
    services.appointments.book(
        receptionist,
        reminded.id,
        AppointmentDraft(
            clock.now() + timedelta(days=1),
            AppointmentKind.CONSULTATION,
            AppointmentMode.IN_CLINIC,
            BookedVia.PHONE,
        ),
        ConsentCapture(
            (ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.PHONE, True),),
            Interaction.PHONE,
            Language.FR,
        ),
    )
    services.reminders.export(receptionist, (clock.now() + timedelta(days=1)).astimezone().date(), tmp_path)
    # The privacy registers: a disclosure, an incident updated once, an access request answered, a legal
    # hold placed and lifted, and (eight years on) a file anonymised.
    officer = team.privacy_officer
    today = clock.now().date()
    services.disclosures.record(
        officer,
        DisclosureDraft(
            today,
            DisclosureRecipient.COURT,
            "Cour du Québec",
            "Subpoena",
            "Appointment dates",
            "A. Lacroix",
            DisclosureMeans.POST,
            (client.id,),
        ),
    )
    incident = services.incidents.open(
        officer, IncidentDraft("A lost laptop.", today, information_concerned="Names")
    )
    services.incidents.update(
        officer, incident.id, 1, IncidentDraft("A lost laptop, found.", today, information_concerned="Names")
    )
    request = services.access_requests.log(
        receptionist,
        AccessRequestDraft(
            AccessRequestKind.ACCESS, AccessRequestChannel.EMAIL, today, "Zoé Côté", client_id=client.id
        ),
    )
    services.access_requests.verify_identity(officer, request.id, "Health card seen")
    services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY}))
    services.retention.place_hold(officer, reminded.id, "Litigation")
    services.retention.lift_hold(officer, reminded.id, "Settled")
    gone = services.clients.create(receptionist, ClientDraft("Roy", "Anne", date(1950, 1, 2)))
    clock.advance(days=8 * 366)
    services.retention.anonymise(officer, gone.id)
    return services


def snapshot(services: Services, table: str) -> list[tuple[object, ...]]:
    with services.db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]  # noqa: S608


def refused(services: Services, statement: str, params: dict[str, object] | None = None) -> DBAPIError:
    with pytest.raises(DBAPIError) as caught:
        with services.db.engine.begin() as connection:
            connection.execute(text(statement), params or {})
    assert "append-only" in str(caught.value)
    return caught.value


@pytest.mark.parametrize("table", sorted(ALTERATIONS))
def test_the_database_refuses_update_and_delete(ledgers: Services, table: str) -> None:
    services = ledgers
    before = snapshot(services, table)
    assert before, f"no row in {table}"
    row_id = before[0][0]
    column, value = ALTERATIONS[table]
    refused(services, f"UPDATE {table} SET {column} = :value WHERE id = :id", {"value": value, "id": row_id})  # noqa: S608
    refused(services, f"UPDATE {table} SET id = id")  # noqa: S608
    refused(services, f"DELETE FROM {table} WHERE id = :id", {"id": row_id})  # noqa: S608
    refused(services, f"DELETE FROM {table}")  # noqa: S608
    if services.db.dialect == "postgresql":
        refused(services, f"TRUNCATE {table} CASCADE")
    assert snapshot(services, table) == before


#: Columns added after the first schema: the same triggers guard them.
LATER_COLUMNS = (
    ("policy_versions", "summary_text"),
    ("policy_versions", "summary_sha256"),
    ("acknowledgments", "summary_sha256"),
)


@pytest.mark.parametrize(("table", "column"), LATER_COLUMNS)
def test_columns_added_later_are_guarded_too(ledgers: Services, table: str, column: str) -> None:
    services = ledgers
    before = snapshot(services, table)
    row_id = before[0][0]
    with services.db.engine.connect() as connection:
        query = text(f"SELECT {column} FROM {table} WHERE id = :id")  # noqa: S608
        stored = connection.execute(query, {"id": row_id}).scalar()
    assert stored, f"{table}.{column} is empty: nothing to protect"
    for value in ("altered", None):
        statement = f"UPDATE {table} SET {column} = :value WHERE id = :id"  # noqa: S608
        refused(services, statement, {"value": value, "id": row_id})
    assert snapshot(services, table) == before


def test_inserting_is_still_allowed(ledgers: Services, receptionist) -> None:
    services = ledgers
    before = len(snapshot(services, "audit_records"))
    services.clients.search(receptionist, "cote")
    client = services.clients.search(receptionist, "cote")[0]
    services.clients.open(receptionist, client.id)
    assert len(snapshot(services, "audit_records")) == before + 1
