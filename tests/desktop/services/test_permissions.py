"""Every service method, called by every role: only the allowed ones pass; a refusal raises
PermissionDeniedError and is itself audited as "permission.denied"."""

from __future__ import annotations

import inspect
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from desktop.db.models import AcknowledgmentDocument, AuditRecord, PolicyVersion
from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.clinic_identity import SiteDraft
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
    Role,
)
from desktop.domain.errors import ConflictError, PermissionDeniedError
from desktop.domain.incidents import IncidentDraft
from desktop.domain.messages import role_name
from desktop.domain.records import (
    Actor,
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    PolicyDraft,
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
from desktop.services.access_requests import AccessRequestService
from desktop.services.acknowledgments import AcknowledgmentService
from desktop.services.appointments import AppointmentService
from desktop.services.clients import ClientService
from desktop.services.clinics import ClinicService
from desktop.services.consent import ConsentService
from desktop.services.disclosures import DisclosureService
from desktop.services.documents import DocumentService
from desktop.services.evidence import EvidenceService
from desktop.services.exports import ExportService
from desktop.services.incidents import IncidentService
from desktop.services.optouts import OptOutService
from desktop.services.permissions import ROLE_PERMISSIONS, Permission, role_allows
from desktop.services.policies import PolicyService
from desktop.services.reports import ReportService
from desktop.services.retention import RetentionService
from desktop.services.staff import StaffService
from desktop.services.unit_of_work import system_actor
from tests.conftest import TEST_PASSWORD, WORKSTATION

W = Permission.WORK_CLIENT_FILES
M = Permission.MANAGE_STAFF
R = Permission.RUN_REPORTS
E = Permission.EXPORT_CONTACTS
A = Permission.READ_AUDIT
C = Permission.MANAGE_CLINIC
P = Permission.KEEP_PRIVACY_REGISTERS
D = Permission.RECORD_DISCLOSURES
MONTH = (date(2026, 11, 1), date(2026, 11, 30))
_names = itertools.count()


def site() -> SiteDraft:
    return SiteDraft(
        "Clinique du Parc", "12 rue du Parc", "Lévis", "G6V 1A1", "418 555-0142", "parc@example.ca"
    )


def signature_png() -> bytes:
    image = Image.new("RGBA", (200, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 40), (90, 10), (190, 60)], fill=(0, 0, 0, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class World:
    """Records the calls can act on, made by an account allowed to make them."""

    services: Services
    client_id: int
    request_id: int
    acknowledgment_id: int
    policy_id: int
    colleague_id: int
    folder: Path
    verification_code: str

    @property
    def file_number(self) -> str:
        return f"{self.client_id:06d}"

    def export_path(self) -> Path:
        return self.folder / f"contacts-{next(_names)}.csv"

    def new_matched_request(self) -> int:
        admin = self.services.staff.authenticate("gestion", TEST_PASSWORD, WORKSTATION)
        return self.services.optouts.log(admin, opt_out(self.client_id)).id


def held_client(services: Services) -> int:
    """A new file under a legal hold (placed by the privacy officer)."""
    officer = services.staff.authenticate("vie.privee", TEST_PASSWORD, WORKSTATION)
    client_id = services.clients.create(officer, draft()).id
    services.retention.place_hold(officer, client_id, "Litige")
    return client_id


def anonymise_new_file(services: Services, actor: Actor) -> None:
    """Allowed, an anonymisation of a new file is refused as not due (past the permission check)."""
    officer = services.staff.authenticate("vie.privee", TEST_PASSWORD, WORKSTATION)
    client_id = services.clients.create(officer, draft()).id
    with pytest.raises(ConflictError) as refused:
        services.retention.anonymise(actor, client_id)
    assert refused.value.code == "retention_not_due"


def draft() -> ClientDraft:
    return ClientDraft("Côté", f"Zoé{next(_names)}", date(1980, 4, 12))


def opt_out(client_id: int | None = None) -> OptOutDraft:
    return OptOutDraft(
        OptOutVia.EMAIL, date(2026, 11, 24), "Zoé Côté", purposes=PROMOTIONAL_PURPOSES, client_id=client_id
    )


def access_request(services: Services, client_id: int | None = None, *, verified: bool = False) -> int:
    """A new access request (logged, and its identity verified, by the privacy officer)."""
    found = next(r for r in services.staff.list(system_actor(WORKSTATION)) if r.username == "vie.privee")
    officer = Actor(found.id, found.username, found.full_name, found.role, found.clinic_id, WORKSTATION)
    request = AccessRequestDraft(
        AccessRequestKind.ACCESS,
        AccessRequestChannel.EMAIL,
        date(2026, 11, 24),
        "Zoé Côté",
        client_id=client_id,
    )
    request_id = services.access_requests.log(officer, request).id
    if verified:
        services.access_requests.verify_identity(officer, request_id, "Carte d'assurance maladie vue")
    return request_id


def disclosure(client_id: int) -> DisclosureDraft:
    return DisclosureDraft(
        date(2026, 11, 20),
        DisclosureRecipient.POLICE,
        "Service de police de la Ville de Québec",
        "Mandat de perquisition",
        "Coordonnées",
        "Jeanne Tremblay",
        DisclosureMeans.HAND_DELIVERED,
        (client_id,),
    )


def recorded_disclosure(services: Services, client_id: int) -> int:
    admin = services.staff.authenticate("gestion", TEST_PASSWORD, WORKSTATION)
    return services.disclosures.record(admin, disclosure(client_id)).id


def incident() -> IncidentDraft:
    return IncidentDraft("Rappel envoyé au mauvais destinataire.", date(2026, 11, 20), "Nom d'une cliente")


def consent() -> ConsentCapture:
    return ConsentCapture(
        (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, next(_names) % 2 == 0),),
        Interaction.PHONE,
        Language.FR,
    )


def policy(services: Services) -> PolicyDraft:
    """A new version, each call taking effect on a later day (a date is published once)."""
    effective = services.clock.today() + timedelta(days=1 + next(_names))
    return PolicyDraft(effective, "Politique.\n", "Policy.\n", "Résumé.\n", "Summary.\n")


def booking(services: Services) -> AppointmentDraft:
    return AppointmentDraft(
        services.clock.now() + timedelta(days=1),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.PHONE,
    )


Call = Callable[[Services, Actor, World], object]

#: (service, method) -> (permission it needs, a call that succeeds when allowed).
CALLS: dict[tuple[str, str], tuple[Permission, Call]] = {
    ("clients", "create"): (W, lambda s, a, w: s.clients.create(a, draft())),
    ("clients", "update"): (
        W,
        lambda s, a, w: s.clients.update(a, w.client_id, s.clients.open(a, w.client_id).version, draft()),
    ),
    ("clients", "open"): (W, lambda s, a, w: s.clients.open(a, w.client_id)),
    ("clients", "status"): (W, lambda s, a, w: s.clients.status(a, w.client_id)),
    ("clients", "get_by_file_number"): (
        W,
        lambda s, a, w: s.clients.get_by_file_number(a, f"{w.client_id:06d}"),
    ),
    ("clients", "search"): (W, lambda s, a, w: s.clients.search(a, "cote")),
    ("clients", "possible_duplicates"): (W, lambda s, a, w: s.clients.possible_duplicates(a, draft())),
    ("clients", "search_page"): (W, lambda s, a, w: s.clients.search_page(a, "cote")),
    ("clients", "get"): (W, lambda s, a, w: s.clients.get(a, w.client_id)),
    ("clients", "summaries"): (W, lambda s, a, w: s.clients.summaries(a, [w.client_id])),
    ("clients", "summaries_by_file_number"): (
        W,
        lambda s, a, w: s.clients.summaries_by_file_number(a, ["000001"]),
    ),
    ("appointments", "book"): (W, lambda s, a, w: s.appointments.book(a, w.client_id, booking(s))),
    ("appointments", "for_client"): (W, lambda s, a, w: s.appointments.for_client(a, w.client_id)),
    ("consent", "record"): (W, lambda s, a, w: s.consent.record(a, w.client_id, consent())),
    ("consent", "grid"): (W, lambda s, a, w: s.consent.grid(a, w.client_id)),
    ("consent", "history"): (W, lambda s, a, w: s.consent.history(a, w.client_id)),
    ("optouts", "log"): (W, lambda s, a, w: s.optouts.log(a, opt_out())),
    ("optouts", "match"): (W, lambda s, a, w: s.optouts.match(a, w.request_id, w.client_id)),
    ("optouts", "process"): (W, lambda s, a, w: s.optouts.process(a, w.new_matched_request())),
    ("optouts", "mark_confirmation_sent"): (
        W,
        lambda s, a, w: s.optouts.mark_confirmation_sent(a, w.request_id),
    ),
    ("optouts", "get"): (W, lambda s, a, w: s.optouts.get(a, w.request_id)),
    ("optouts", "pending"): (W, lambda s, a, w: s.optouts.pending(a)),
    ("optouts", "overdue"): (W, lambda s, a, w: s.optouts.overdue(a)),
    ("optouts", "pending_count"): (W, lambda s, a, w: s.optouts.pending_count(a)),
    ("optouts", "for_client"): (W, lambda s, a, w: s.optouts.for_client(a, w.client_id)),
    ("acknowledgments", "record"): (
        W,
        lambda s, a, w: s.acknowledgments.record(
            a, w.client_id, SignatureCapture(signature_png=signature_png())
        ),
    ),
    ("acknowledgments", "for_client"): (W, lambda s, a, w: s.acknowledgments.for_client(a, w.client_id)),
    ("acknowledgments", "for_booking"): (
        W,
        lambda s, a, w: s.acknowledgments.for_booking(a, w.client_id, s.clock.today()),
    ),
    ("acknowledgments", "signature_png"): (
        W,
        lambda s, a, w: s.acknowledgments.signature_png(a, w.acknowledgment_id),
    ),
    ("policies", "current"): (W, lambda s, a, w: s.policies.current(a, Language.FR)),
    ("policies", "versions"): (W, lambda s, a, w: s.policies.versions(a)),
    ("policies", "get"): (W, lambda s, a, w: s.policies.get(a, w.policy_id)),
    ("policies", "publish"): (C, lambda s, a, w: s.policies.publish(a, policy(s))),
    ("clinics", "get"): (W, lambda s, a, w: s.clinics.get(a)),
    ("clinics", "list"): (W, lambda s, a, w: s.clinics.list(a)),
    ("clinics", "organisation"): (W, lambda s, a, w: s.clinics.organisation(a)),
    ("clinics", "update_organisation"): (
        C,
        lambda s, a, w: s.clinics.update_organisation(
            a, replace(s.clinics.organisation(a).draft(), opt_out_delay_days=9)
        ),
    ),
    ("clinics", "update_site"): (C, lambda s, a, w: s.clinics.update_site(a, 1, site())),
    ("clinics", "add_site"): (C, lambda s, a, w: s.clinics.add_site(a, site())),
    ("consent", "names"): (W, lambda s, a, w: s.consent.names(a)),
    ("consent", "wording"): (
        W,
        lambda s, a, w: s.consent.wording(a, Purpose.FEEDBACK, Channel.SMS, Language.FR),
    ),
    ("optouts", "calendar"): (W, lambda s, a, w: s.optouts.calendar(a)),
    ("incidents", "open"): (P, lambda s, a, w: s.incidents.open(a, incident())),
    ("incidents", "update"): (
        P,
        lambda s, a, w: s.incidents.update(a, s.incidents.open(a, incident()).id, 1, incident()),
    ),
    ("incidents", "get"): (P, lambda s, a, w: s.incidents.get(a, s.incidents.open(a, incident()).id)),
    ("incidents", "by_reference"): (
        P,
        lambda s, a, w: s.incidents.by_reference(a, s.incidents.open(a, incident()).reference),
    ),
    ("incidents", "versions"): (
        P,
        lambda s, a, w: s.incidents.versions(a, s.incidents.open(a, incident()).id),
    ),
    ("incidents", "register"): (P, lambda s, a, w: s.incidents.register(a, *MONTH)),
    ("incidents", "notification_due"): (P, lambda s, a, w: s.incidents.notification_due(a)),
    ("access_requests", "log"): (
        W,
        lambda s, a, w: s.access_requests.log(
            a,
            AccessRequestDraft(
                AccessRequestKind.ACCESS, AccessRequestChannel.PHONE, date(2026, 11, 24), "Zoé"
            ),
        ),
    ),
    ("access_requests", "match"): (
        P,
        lambda s, a, w: s.access_requests.match(a, access_request(s), w.client_id),
    ),
    ("access_requests", "verify_identity"): (
        P,
        lambda s, a, w: s.access_requests.verify_identity(a, access_request(s), "Permis vu"),
    ),
    ("access_requests", "answer"): (
        P,
        lambda s, a, w: s.access_requests.answer(
            a, access_request(s, w.client_id, verified=True), frozenset({AccessAnswerItem.FILE_COPY}), b"%PDF"
        ),
    ),
    ("access_requests", "refuse"): (
        P,
        lambda s, a, w: s.access_requests.refuse(a, access_request(s), "Motif"),
    ),
    ("access_requests", "get"): (P, lambda s, a, w: s.access_requests.get(a, access_request(s))),
    ("access_requests", "open_requests"): (P, lambda s, a, w: s.access_requests.open_requests(a)),
    ("access_requests", "overdue"): (P, lambda s, a, w: s.access_requests.overdue(a)),
    ("access_requests", "counts"): (P, lambda s, a, w: s.access_requests.counts(a)),
    ("access_requests", "for_client"): (W, lambda s, a, w: s.access_requests.for_client(a, w.client_id)),
    ("access_requests", "register"): (P, lambda s, a, w: s.access_requests.register(a, *MONTH)),
    ("disclosures", "record"): (D, lambda s, a, w: s.disclosures.record(a, disclosure(w.client_id))),
    ("disclosures", "correct"): (
        D,
        lambda s, a, w: s.disclosures.correct(
            a, recorded_disclosure(s, w.client_id), disclosure(w.client_id)
        ),
    ),
    ("disclosures", "register"): (D, lambda s, a, w: s.disclosures.register(a, *MONTH)),
    ("disclosures", "for_client"): (W, lambda s, a, w: s.disclosures.for_client(a, w.client_id)),
    ("disclosures", "get"): (D, lambda s, a, w: s.disclosures.get(a, recorded_disclosure(s, w.client_id))),
    ("retention", "review"): (P, lambda s, a, w: s.retention.review(a)),
    ("retention", "place_hold"): (
        P,
        lambda s, a, w: s.retention.place_hold(a, s.clients.create(a, draft()).id, "Litige"),
    ),
    ("retention", "lift_hold"): (P, lambda s, a, w: s.retention.lift_hold(a, held_client(s), "Réglé")),
    ("retention", "holds"): (P, lambda s, a, w: s.retention.holds(a)),
    ("retention", "anonymise"): (P, lambda s, a, w: anonymise_new_file(s, a)),
    ("retention", "anonymisations"): (P, lambda s, a, w: s.retention.anonymisations(a, *MONTH)),
    ("staff", "create"): (
        M,
        lambda s, a, w: s.staff.create(
            a, f"poste.{next(_names)}", "Remplaçante", Role.RECEPTIONIST, "Remplace-2026"
        ),
    ),
    ("staff", "list"): (M, lambda s, a, w: s.staff.list(a)),
    ("staff", "set_active"): (M, lambda s, a, w: s.staff.set_active(a, w.colleague_id, True)),
    ("staff", "reset_password"): (
        M,
        lambda s, a, w: s.staff.reset_password(a, w.colleague_id, "Reinitialise-2026"),
    ),
    ("documents", "acknowledgment_pdf"): (
        W,
        lambda s, a, w: s.documents.acknowledgment_pdf(a, w.acknowledgment_id, "view"),
    ),
    ("documents", "verify"): (W, lambda s, a, w: s.documents.verify(a, w.verification_code)),
    ("evidence", "pack"): (R, lambda s, a, w: s.evidence.pack(a, w.file_number)),
    ("evidence", "render"): (R, lambda s, a, w: s.evidence.render(a, w.file_number)),
    ("reports", "consent_coverage"): (R, lambda s, a, w: s.reports.consent_coverage(a, *MONTH)),
    ("reports", "optout_register"): (R, lambda s, a, w: s.reports.optout_register(a, *MONTH)),
    ("reports", "reacknowledgment"): (R, lambda s, a, w: s.reports.reacknowledgment(a, *MONTH)),
    ("reports", "exports_log"): (R, lambda s, a, w: s.reports.exports_log(a, *MONTH)),
    ("reports", "access_requests"): (P, lambda s, a, w: s.reports.access_requests(a, *MONTH)),
    ("reports", "access_log"): (A, lambda s, a, w: s.reports.access_log(a, w.file_number, *MONTH)),
    ("reports", "retention_review"): (P, lambda s, a, w: s.reports.retention_review(a, *MONTH)),
    ("reports", "anonymisations"): (P, lambda s, a, w: s.reports.anonymisations(a, *MONTH)),
    ("reports", "incident_register"): (P, lambda s, a, w: s.reports.incident_register(a, *MONTH)),
    ("reports", "disclosure_register"): (D, lambda s, a, w: s.reports.disclosure_register(a, *MONTH)),
    ("reports", "run"): (R, lambda s, a, w: s.reports.run(a, "consent-coverage", *MONTH)),
    ("reports", "render"): (
        R,
        lambda s, a, w: s.reports.render(a, "consent-coverage", *MONTH, "csv", Language.FR),
    ),
    ("exports", "export_contacts"): (
        E,
        lambda s, a, w: s.exports.export_contacts(a, Purpose.NEWSLETTERS, Channel.EMAIL, w.export_path()),
    ),
    ("staff", "change_own_password"): (
        W,
        lambda s, a, w: s.staff.change_own_password(a, TEST_PASSWORD, TEST_PASSWORD),
    ),
    ("staff", "set_own_language"): (W, lambda s, a, w: s.staff.set_own_language(a, Language.EN)),
}
#: Methods that take no acting staff member: they run before anyone is signed in.
NO_ACTOR = {
    ("staff", "authenticate"),
    ("staff", "has_accounts"),
    ("staff", "create_first_manager"),
    ("staff", "recover_password"),  # needs direct access to the database instead (test_cli_staff.py)
}
SERVICES = {
    "clients": ClientService,
    "appointments": AppointmentService,
    "consent": ConsentService,
    "optouts": OptOutService,
    "retention": RetentionService,
    "incidents": IncidentService,
    "access_requests": AccessRequestService,
    "disclosures": DisclosureService,
    "acknowledgments": AcknowledgmentService,
    "policies": PolicyService,
    "staff": StaffService,
    "clinics": ClinicService,
    "documents": DocumentService,
    "reports": ReportService,
    "exports": ExportService,
    "evidence": EvidenceService,
}


def test_the_role_table() -> None:
    assert ROLE_PERMISSIONS[Role.RECEPTIONIST] == {Permission.WORK_CLIENT_FILES}
    assert ROLE_PERMISSIONS[Role.MANAGER] == {
        Permission.WORK_CLIENT_FILES,
        Permission.RUN_REPORTS,
        Permission.EXPORT_CONTACTS,
        Permission.MANAGE_STAFF,
        Permission.MANAGE_CLINIC,
        Permission.RECORD_DISCLOSURES,
    }
    assert ROLE_PERMISSIONS[Role.PRIVACY_OFFICER] == ROLE_PERMISSIONS[Role.MANAGER] | {
        Permission.READ_AUDIT,
        Permission.KEEP_PRIVACY_REGISTERS,
    }
    assert not any(Permission.ADMINISTER in allowed for allowed in ROLE_PERMISSIONS.values())


def test_every_public_method_is_in_the_table() -> None:
    public = {
        (name, method)
        for name, cls in SERVICES.items()
        for method, _ in inspect.getmembers(cls, inspect.isfunction)
        if not method.startswith("_")
    }
    assert public == set(CALLS) | NO_ACTOR


@pytest.fixture
def world(services: Services, team, tmp_path: Path) -> World:  # type: ignore[no-untyped-def]
    admin = system_actor(WORKSTATION)
    colleague = services.staff.create(admin, "collegue", "Collègue", Role.RECEPTIONIST, "Collegue-2026")
    client_id = services.clients.create(team.manager, draft()).id
    request_id = services.optouts.log(team.manager, opt_out()).id
    png = signature_png()
    ack = services.acknowledgments.record(team.manager, client_id, SignatureCapture(signature_png=png))
    with services.db.session(write=False) as session:
        policy_id = session.scalar(select(PolicyVersion.id))
    code = services.documents.verify(team.manager, _stored_code(services, ack.id)).code
    return World(services, client_id, request_id, ack.id, policy_id, colleague.id, tmp_path, code)


def _stored_code(services: Services, acknowledgment_id: int) -> str:
    with services.db.session(write=False) as session:
        return session.scalar(
            select(AcknowledgmentDocument.verification_code).where(
                AcknowledgmentDocument.acknowledgment_id == acknowledgment_id
            )
        )


def denials(services: Services) -> list[tuple[str, str, str, str]]:
    with services.db.session(write=False) as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    AuditRecord.username,
                    AuditRecord.workstation,
                    AuditRecord.entity_type,
                    AuditRecord.entity_id,
                )
                .where(AuditRecord.action == "permission.denied")
                .order_by(AuditRecord.id)
            )
        ]


@pytest.mark.parametrize("role", list(Role))
def test_each_method_with_each_role(services: Services, team, world: World, role: Role) -> None:
    actor = team.by_role(role)
    for (service, method), (permission, call) in CALLS.items():
        before = denials(services)
        if role_allows(role, permission):
            call(services, actor, world)
            assert denials(services) == before, (service, method)
        else:
            with pytest.raises(PermissionDeniedError) as caught:
                call(services, actor, world)
            # The role is named in the person's language: "réceptionniste" / "receptionist".
            assert role_name(role).fr in caught.value.message("fr")
            assert role_name(role).en in caught.value.message("en")
            assert denials(services) == [
                *before,
                (actor.username, actor.workstation, "permission", permission.value),
            ], (service, method)


#: What only the privacy officer does with access requests (a receptionist logs one as received).
ACCESS_REQUESTS_KEPT = {
    ("access_requests", method)
    for method in (
        "match",
        "verify_identity",
        "answer",
        "refuse",
        "get",
        "open_requests",
        "overdue",
        "counts",
        "register",
    )
} | {("reports", "access_requests")}


#: The incident register: the privacy officer's alone.
INCIDENT_CALLS = {key for key in CALLS if key[0] == "incidents"} | {("reports", "incident_register")}
#: Retention (the review, legal holds, anonymisations, their reports): the privacy officer's alone.
RETENTION_CALLS = {key for key in CALLS if key[0] == "retention"} | {
    ("reports", "retention_review"),
    ("reports", "anonymisations"),
}

#: The disclosure register, kept by a manager or the privacy officer (a receptionist sees a file's).
DISCLOSURES_KEPT = {("disclosures", method) for method in ("record", "correct", "register", "get")} | {
    ("reports", "disclosure_register")
}


def test_receptionist_is_refused_staff_management(services: Services, team, world: World) -> None:
    """The refusals the matrix above must produce at least once, so it cannot pass vacuously."""
    refused = [
        key for key, (permission, _) in CALLS.items() if not role_allows(Role.RECEPTIONIST, permission)
    ]
    assert set(refused) == {
        ("staff", "create"),
        ("staff", "list"),
        ("staff", "set_active"),
        ("staff", "reset_password"),
        ("policies", "publish"),
        ("clinics", "update_organisation"),
        ("clinics", "update_site"),
        ("clinics", "add_site"),
        ("reports", "consent_coverage"),
        ("reports", "optout_register"),
        ("reports", "reacknowledgment"),
        ("reports", "exports_log"),
        ("reports", "access_log"),
        ("reports", "run"),
        ("reports", "render"),
        ("exports", "export_contacts"),
        ("evidence", "pack"),
        ("evidence", "render"),
        *ACCESS_REQUESTS_KEPT,
        *INCIDENT_CALLS,
        *RETENTION_CALLS,
        *DISCLOSURES_KEPT,
    }
    manager_refused = [
        key for key, (permission, _) in CALLS.items() if not role_allows(Role.MANAGER, permission)
    ]
    assert set(manager_refused) == {
        ("reports", "access_log"),
        *ACCESS_REQUESTS_KEPT,
        *INCIDENT_CALLS,
        *RETENTION_CALLS,
    }
    with pytest.raises(PermissionDeniedError):
        services.staff.set_active(team.receptionist, world.colleague_id, False)
    assert services.staff.authenticate("collegue", "Collegue-2026", WORKSTATION).username == "collegue"


def test_the_system_account_cannot_work_client_files(services: Services, world: World) -> None:
    admin = system_actor("serveur")
    before = denials(services)
    with pytest.raises(PermissionDeniedError):
        services.clients.open(admin, world.client_id)
    assert denials(services) == [
        *before,
        ("system", "serveur", "permission", Permission.WORK_CLIENT_FILES.value),
    ]
