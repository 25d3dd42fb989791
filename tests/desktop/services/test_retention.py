"""The retention review: a file is listed from the day its last contact is the clinic's rule old, oldest
first; a legal hold, an opt-out request not processed or an access request not answered leaves it out
(and is counted); an anonymised file is never listed. Holds are placed and lifted by the privacy officer,
and an anonymisation is refused, with its reason, whenever the review would not list the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop.domain.enums import PROMOTIONAL_PURPOSES, OptOutVia
from desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop.domain.records import OptOutDraft
from desktop.domain.retention import ANONYMISED_NAME
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.support.documents import book, new_client
from tests.support.query_plans import plans_of
from tests.support.retention import answer_access_request, log_access_request

TODAY = date(2026, 11, 24)
SEVEN_YEARS_ON = date(2033, 11, 24)


def move_to(clock: FixedClock, day: date) -> None:
    clock.at = datetime.combine(day, time(12), tzinfo=UTC)


def email_opt_out(services: Services, actor, client_id: int) -> int:
    draft = OptOutDraft(
        OptOutVia.EMAIL, TODAY, "Zoé Côté", purposes=PROMOTIONAL_PURPOSES, client_id=client_id
    )
    return services.optouts.log(actor, draft).id


def test_a_file_is_listed_from_the_day_its_rule_is_reached_oldest_first(
    services: Services, team, clock
) -> None:
    officer = team.privacy_officer
    quiet = new_client(services, team.receptionist, "Lavoie", "Anne", date_of_birth=date(1950, 6, 3))
    seen = new_client(services, team.receptionist, "Roy", "Marc")
    book(services, team.receptionist, seen.id, days_ahead=30)  # its last contact: 24 December

    move_to(clock, SEVEN_YEARS_ON - timedelta(days=1))
    assert services.retention.review(officer).total == 0

    move_to(clock, SEVEN_YEARS_ON)
    review = services.retention.review(officer)
    assert (review.today, review.retention_years, review.total) == (SEVEN_YEARS_ON, 7, 1)
    [candidate] = review.candidates
    assert (candidate.client_id, candidate.file_number, candidate.name) == (
        quiet.id,
        quiet.file_number,
        "Lavoie, Anne",
    )
    assert (candidate.date_of_birth, candidate.last_contact_on, candidate.review_due_on) == (
        date(1950, 6, 3),
        TODAY,
        SEVEN_YEARS_ON,
    )

    move_to(clock, date(2033, 12, 24))
    review = services.retention.review(officer)
    assert [(c.client_id, c.last_contact_on) for c in review.candidates] == [
        (quiet.id, TODAY),
        (seen.id, date(2026, 12, 24)),
    ]
    limited = services.retention.review(officer, limit=1)
    assert (limited.total, [c.client_id for c in limited.candidates]) == (2, [quiet.id])

    # The rule is the clinic's: eight years puts both files back inside it.
    draft = services.clinics.organisation(team.manager).draft()
    assert (
        services.clinics.update_organisation(team.manager, replace(draft, retention_years=8)).retention_years
        == 8
    )
    assert services.retention.review(officer).total == 0


@pytest.mark.parametrize("years", [0, 101])
def test_the_rule_is_one_to_a_hundred_years(services: Services, team, years: int) -> None:
    draft = services.clinics.organisation(team.manager).draft()
    with pytest.raises(ValidationError) as refused:
        services.clinics.update_organisation(team.manager, replace(draft, retention_years=years))
    assert "1 à 100 ans" in refused.value.message("fr")
    assert refused.value.for_field("retention_years") is not None
    assert services.clinics.organisation(team.manager).retention_years == 7


def test_each_reason_leaves_a_file_out_and_is_counted_until_resolved(services: Services, team, clock) -> None:
    officer, desk = team.privacy_officer, team.receptionist
    plain = new_client(services, desk, "Plain", "Paul")
    held = new_client(services, desk, "Held", "Hélène")
    opted = new_client(services, desk, "Opted", "Olivier")
    asked = new_client(services, desk, "Asked", "Alice")
    hold = services.retention.place_hold(officer, held.id, "  Litige   en cours ")
    assert (hold.placed, hold.reason, hold.file_number, hold.by_name) == (
        True,
        "Litige en cours",
        held.file_number,
        officer.full_name,
    )
    request_id = email_opt_out(services, desk, opted.id)
    access_id = log_access_request(services, officer, asked.id, TODAY)

    move_to(clock, date(2034, 3, 1))
    review = services.retention.review(officer)
    assert [c.client_id for c in review.candidates] == [plain.id]
    assert (review.total, review.held, review.pending_opt_out, review.open_access_request) == (1, 1, 1, 1)

    lifted = services.retention.lift_hold(officer, held.id, "Litige réglé")
    assert (lifted.placed, lifted.reason) == (False, "Litige réglé")
    assert services.retention.holds(officer) == []
    review = services.retention.review(officer)
    assert [c.client_id for c in review.candidates] == [plain.id, held.id]
    assert (review.held, review.pending_opt_out, review.open_access_request) == (0, 1, 1)

    # Processing and answering are contacts of their own: the files start their period again.
    services.optouts.process(desk, request_id)
    answer_access_request(services, officer, access_id, asked.id)
    review = services.retention.review(officer)
    assert (review.total, review.pending_opt_out, review.open_access_request) == (2, 0, 0)
    move_to(clock, date(2041, 3, 1))
    assert services.retention.review(officer).total == 4

    services.retention.anonymise(officer, plain.id)
    review = services.retention.review(officer)
    assert plain.id not in [c.client_id for c in review.candidates]
    assert review.total == 3


def test_holds_are_placed_once_and_lifted_once(services: Services, team, clock) -> None:
    officer = team.privacy_officer
    client = new_client(services, team.receptionist)
    with pytest.raises(ConflictError) as refused:
        services.retention.lift_hold(officer, client.id, "Aucun")
    assert refused.value.code == "hold_not_placed"
    services.retention.place_hold(officer, client.id, "Demande du tribunal")
    with pytest.raises(ConflictError) as refused:
        services.retention.place_hold(officer, client.id, "Encore")
    assert refused.value.code == "hold_already_placed"
    assert client.file_number in refused.value.message("fr")
    with pytest.raises(ValidationError):
        services.retention.place_hold(officer, client.id, "   ")
    [standing] = services.retention.holds(officer)
    assert (standing.client_id, standing.reason, standing.placed) == (client.id, "Demande du tribunal", True)


def test_an_anonymisation_is_refused_while_the_review_would_leave_the_file_out(
    services: Services, team, clock
) -> None:
    officer, desk = team.privacy_officer, team.receptionist
    client = new_client(services, desk)
    opted = new_client(services, desk, "Opted", "Olivier")
    asked = new_client(services, desk, "Asked", "Alice")
    email_opt_out(services, desk, opted.id)
    log_access_request(services, officer, asked.id, TODAY)

    def refusal(client_id: int) -> ConflictError:
        with pytest.raises(ConflictError) as refused:
            services.retention.anonymise(officer, client_id)
        return refused.value

    not_due = refusal(client.id)
    assert not_due.code == "retention_not_due"
    assert "à revoir à partir du 2033-11-24" in not_due.message("fr"), not_due.message("fr")

    services.retention.place_hold(officer, client.id, "Litige")
    move_to(clock, date(2034, 1, 1))
    assert refusal(client.id).code == "retention_on_hold"
    assert refusal(opted.id).code == "retention_pending_opt_out"
    assert refusal(asked.id).code == "retention_open_access_request"

    services.retention.lift_hold(officer, client.id, "Réglé")
    done = services.retention.anonymise(officer, client.id)
    assert (done.retention_years, done.last_contact_on, done.rule) == (
        7,
        TODAY,
        "7 ans après le dernier contact",
    )
    assert refusal(client.id).code == "retention_already_anonymised"
    with pytest.raises(ConflictError) as refused:
        services.retention.place_hold(officer, client.id, "Trop tard")
    assert refused.value.code == "hold_on_anonymised"

    record = services.clients.open(desk, client.id)
    assert (record.last_name, record.first_name, record.date_of_birth) == (
        ANONYMISED_NAME,
        "",
        date(1980, 1, 1),
    )
    assert record.anonymised_at == clock.now()
    with pytest.raises(ConflictError) as refused:
        services.clients.update(desk, client.id, record.version, replace(record.as_draft(), first_name="Zoé"))
    assert refused.value.code == "client_file_anonymised"
    [made] = services.retention.anonymisations(officer, date(2034, 1, 1), date(2034, 1, 1))
    assert (made.client_id, made.file_number, made.by_name) == (
        client.id,
        client.file_number,
        officer.full_name,
    )
    assert services.retention.anonymisations(officer, date(2034, 1, 2), date(2034, 12, 31)) == []


@pytest.mark.parametrize("role", ["receptionist", "manager"])
def test_only_the_privacy_officer_keeps_retention(services: Services, team, role: str) -> None:
    actor = getattr(team, role)
    client = new_client(services, team.receptionist)
    for call in (
        lambda: services.retention.review(actor),
        lambda: services.retention.place_hold(actor, client.id, "Litige"),
        lambda: services.retention.anonymise(actor, client.id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_the_review_joins_each_source_by_index_never_by_scanning_it_per_file(
    services: Services, team
) -> None:
    """Each per-file subquery is joined by an index (SQLite builds one on the materialised rows): one
    scanned per file made the review at 100,000 files and 3,000 access requests last 40 s instead of 2."""
    if services.db.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")
    client = new_client(services, team.receptionist)
    log_access_request(services, team.privacy_officer, client.id, TODAY)
    plans = plans_of(services.db.engine, lambda: services.retention.review(team.privacy_officer))
    [review_plan] = [plan for statement, plan in plans if "order_key" in statement]
    joins = [step for step in review_plan if "LEFT-JOIN" in step]
    assert len(joins) >= 5 and all(step.startswith("SEARCH") for step in joins), review_plan
