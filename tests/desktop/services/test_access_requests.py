"""Access and rectification requests: due 30 calendar days after receipt (s. 32), logged as received by
a receptionist, then matched, verified and answered or refused by the privacy officer only; the
ledger is only ever appended to, and the audit names ids and kinds, never the requester."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.db.models import AuditRecord
from desktop.db.register_models import AccessRequest, AccessRequestEvent
from desktop.domain.access_requests import AccessRequestDraft, AccessRequestStatus
from desktop.domain.errors import (
    ConflictError,
    FrontDeskError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from desktop.domain.records import ClientDraft
from desktop.domain.register_enums import (
    AccessAnswerItem,
    AccessRequestChannel,
    AccessRequestEventKind,
    AccessRequestKind,
)
from desktop.services import Services

TODAY = date(2026, 11, 24)
REQUESTER = "Geneviève Tremblay-Secrète"


def new_client(services: Services, actor) -> tuple[int, str]:
    draft = ClientDraft("Tremblay", "Geneviève", date(1975, 3, 2))
    record = services.clients.create(actor, draft, confirm_duplicate=True)
    return record.id, record.file_number


def draft(received_on: date = TODAY, **more: object) -> AccessRequestDraft:
    values: dict[str, object] = dict(
        kind=AccessRequestKind.ACCESS,
        channel=AccessRequestChannel.EMAIL,
        received_on=received_on,
        requester_name=REQUESTER,
        requester_contact="gt@example.com",
        note="Veut une copie de son dossier.",
    )
    values.update(more)
    return AccessRequestDraft(**values)  # type: ignore[arg-type]


def test_a_receptionist_logs_a_request_due_thirty_calendar_days_later_and_replays_are_safe(
    services: Services, team
) -> None:
    client_id, number = new_client(services, team.receptionist)
    # Received on a Saturday: the delay counts calendar days, so it is due on a Monday 30 days later.
    saturday = date(2026, 11, 21)
    sent = draft(saturday, client_id=client_id)
    record = services.access_requests.log(team.receptionist, sent)

    assert record.due_on == date(2026, 12, 21) == saturday + timedelta(days=30)
    assert (record.client_id, record.file_number, record.status) == (
        client_id,
        number,
        AccessRequestStatus.OPEN,
    )
    assert record.logged_by == team.receptionist.full_name
    assert record.days_left(TODAY) == 27 and not record.overdue_on(TODAY)
    assert record.overdue_on(date(2026, 12, 22)) and not record.overdue_on(date(2026, 12, 21))

    again = services.access_requests.log(team.receptionist, sent)
    assert again.id == record.id
    with pytest.raises(ConflictError) as refused:
        services.access_requests.log(team.receptionist, draft(saturday, uid=sent.uid, note="Autre chose"))
    assert refused.value.code == "replay_mismatch"
    with services.db.session(write=False) as session:
        assert session.scalar(select(func.count(AccessRequest.id))) == 1
    # Everything past the receipt is the privacy officer's.
    for call in (
        lambda: services.access_requests.match(team.receptionist, record.id, client_id),
        lambda: services.access_requests.open_requests(team.manager),
        lambda: services.access_requests.get(team.receptionist, record.id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    assert [r.id for r in services.access_requests.for_client(team.receptionist, client_id)] == [record.id]


def test_bad_requests_name_each_field(services: Services, team) -> None:
    with pytest.raises(ValidationError) as refused:
        services.access_requests.log(
            team.receptionist,
            AccessRequestDraft(None, None, TODAY + timedelta(days=1), "  ", "x" * 301, "", None),
        )
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("request_kind", "required"),
        ("request_channel", "required"),
        ("received_on", "date_in_future"),
        ("requester_name", "required"),
        ("requester_contact", "too_long"),
    }
    assert "Nom du demandeur : " in refused.value.message("fr")
    with pytest.raises(ValidationError) as too_old:
        services.access_requests.log(team.receptionist, draft(date(1999, 12, 31)))
    assert too_old.value.errors[0].code == "date_too_old"


def test_an_answer_needs_a_match_and_a_verified_identity_and_closes_the_request(
    services: Services, team, clock
) -> None:
    officer = team.privacy_officer
    client_id, number = new_client(services, team.receptionist)
    request = services.access_requests.log(team.receptionist, draft(channel=AccessRequestChannel.POST))
    assert request.client_id is None and request.file_number is None
    pack = b"%PDF-1.7 the evidence pack"

    with pytest.raises(FrontDeskError) as unverified:
        services.access_requests.answer(
            officer, request.id, frozenset({AccessAnswerItem.EVIDENCE_PACK}), pack
        )
    assert unverified.value.code == "access_request_identity_unverified"
    with pytest.raises(ValidationError):
        services.access_requests.verify_identity(officer, request.id, "   ")
    services.access_requests.verify_identity(officer, request.id, "Permis de conduire vu au comptoir")
    # Verified once: a second verification would be kept but never shown, so it is refused, named.
    with pytest.raises(ConflictError) as twice:
        services.access_requests.verify_identity(officer, request.id, "Carte d'assurance maladie vue")
    assert twice.value.code == "access_request_already_verified"
    assert twice.value.message("fr").startswith("L'identité du demandeur a déjà été vérifiée le ")
    with pytest.raises(FrontDeskError) as unmatched:
        services.access_requests.answer(
            officer, request.id, frozenset({AccessAnswerItem.EVIDENCE_PACK}), pack
        )
    assert unmatched.value.code == "access_request_not_matched"
    services.access_requests.match(officer, request.id, client_id)
    with pytest.raises(ConflictError) as same_file:
        services.access_requests.match(officer, request.id, client_id)
    assert same_file.value.message("en") == f"This request is already matched to file {number}."
    with pytest.raises(NotFoundError):
        services.access_requests.for_client(officer, client_id + 1000)
    with pytest.raises(ValidationError) as nothing:
        services.access_requests.answer(officer, request.id, frozenset())
    assert nothing.value.errors[0].code == "access_request_nothing_sent"
    with pytest.raises(ValidationError) as not_asked:
        services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.RECTIFIED_FILE}))
    assert (
        not_asked.value.errors[0]
        .message("fr")
        .startswith("Un dossier rectifié ne répond qu'à une demande de rectification")
    )

    clock.advance(days=3)
    answered = services.access_requests.answer(
        officer, request.id, frozenset({AccessAnswerItem.EVIDENCE_PACK, AccessAnswerItem.FILE_COPY}), pack
    )
    assert answered.status == AccessRequestStatus.ANSWERED and answered.answered_at == clock.now()
    assert answered.document_sha256 == hashlib.sha256(pack).hexdigest()
    assert answered.answer_items == {AccessAnswerItem.EVIDENCE_PACK, AccessAnswerItem.FILE_COPY}
    assert answered.identity_how == "Permis de conduire vu au comptoir"
    assert (answered.client_id, answered.file_number) == (client_id, number)
    assert [e.kind for e in answered.history] == [
        AccessRequestEventKind.IDENTITY_VERIFIED,
        AccessRequestEventKind.MATCHED,
        AccessRequestEventKind.ANSWERED,
    ]
    for closed in (
        lambda: services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY})),
        lambda: services.access_requests.refuse(officer, request.id, "Trop tard"),
        lambda: services.access_requests.match(officer, request.id, client_id),
    ):
        with pytest.raises(ConflictError) as conflict:
            closed()
        assert conflict.value.code == "access_request_closed"
    assert services.access_requests.counts(officer) == (0, 0)

    with services.db.session(write=False) as session:
        audits = session.execute(
            select(AuditRecord.action, AuditRecord.entity_id, AuditRecord.detail)
            .where(AuditRecord.entity_type == "access_request")
            .order_by(AuditRecord.id)
        ).all()
        assert session.scalar(select(func.count(AccessRequestEvent.id))) == 3
    assert [a.action for a in audits] == [
        "access_request.log",
        "access_request.identity_verified",
        "access_request.matched",
        "access_request.answered",
    ]
    assert {a.entity_id for a in audits} == {str(request.uid)}
    everything = " ".join(f"{a.action} {a.detail}" for a in audits)
    assert "Tremblay" not in everything and "gt@example" not in everything and "Permis" not in everything


def test_refusal_and_the_queue_overdue_first(services: Services, team, clock) -> None:
    officer = team.privacy_officer
    old = services.access_requests.log(team.receptionist, draft(TODAY - timedelta(days=40)))
    late = services.access_requests.log(
        team.receptionist, draft(TODAY - timedelta(days=31), kind=AccessRequestKind.RECTIFICATION)
    )
    fresh = services.access_requests.log(team.receptionist, draft(TODAY - timedelta(days=2)))
    on_time = services.access_requests.log(team.receptionist, draft(TODAY - timedelta(days=30)))

    assert [r.id for r in services.access_requests.open_requests(officer)] == [
        old.id,
        late.id,
        on_time.id,
        fresh.id,
    ]
    assert [r.id for r in services.access_requests.overdue(officer)] == [old.id, late.id]
    assert services.access_requests.counts(officer) == (4, 2)

    with pytest.raises(ValidationError) as no_reason:
        services.access_requests.refuse(officer, old.id, "")
    assert no_reason.value.errors[0].field == "refusal_reason"
    refused = services.access_requests.refuse(officer, old.id, "Demandeur sans lien avec le dossier")
    assert refused.status == AccessRequestStatus.REFUSED and not refused.overdue_on(TODAY)
    assert refused.refusal_reason == "Demandeur sans lien avec le dossier"
    assert services.access_requests.counts(officer) == (3, 1)

    period = services.access_requests.register(officer, TODAY - timedelta(days=35), TODAY)
    assert [r.id for r in period] == [late.id, on_time.id, fresh.id]
    assert services.access_requests.get(officer, old.id).status == AccessRequestStatus.REFUSED


def test_a_verification_holds_for_the_file_it_was_made_for(services: Services, team) -> None:
    """Verified while naming one file, then matched to another client: the requester's identity is to be
    verified again before that client's file is sent."""
    officer = team.privacy_officer
    first, _ = new_client(services, team.receptionist)
    other, other_number = new_client(services, team.receptionist)
    request = services.access_requests.log(team.receptionist, draft(client_id=first))
    verified = services.access_requests.verify_identity(officer, request.id, "Permis de conduire vu")
    assert verified.identity_verified_at is not None
    moved = services.access_requests.match(officer, request.id, other)
    assert moved.file_number == other_number and moved.identity_verified_at is None
    with pytest.raises(FrontDeskError) as unverified:
        services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY}))
    assert unverified.value.code == "access_request_identity_unverified"
    again = services.access_requests.verify_identity(officer, request.id, "Carte d'assurance maladie vue")
    assert again.identity_how == "Carte d'assurance maladie vue"
    answered = services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY}))
    assert answered.status == AccessRequestStatus.ANSWERED and answered.client_id == other
