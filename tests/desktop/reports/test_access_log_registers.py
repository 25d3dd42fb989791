"""A file's access log names what the privacy registers did with it: an access request logged,
checked and answered (information sent out), a legal hold placed and lifted — none left as "other"."""

from __future__ import annotations

from datetime import date

from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.records import ClientDraft
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind
from desktop.reports.access_log import AccessCategory


def test_the_registers_actions_on_a_file_are_named_in_its_access_log(services, team, clock):
    desk, officer = team.receptionist, team.privacy_officer
    client = services.clients.create(desk, ClientDraft("Gagnon", "Hélène", date(1951, 3, 9)))
    today = clock.today()
    request = services.access_requests.log(
        desk,
        AccessRequestDraft(
            AccessRequestKind.ACCESS,
            AccessRequestChannel.IN_CLINIC,
            today,
            "Hélène Gagnon",
            client_id=client.id,
        ),
    )
    services.access_requests.verify_identity(officer, request.id, "Carte d'assurance maladie vue")
    services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY}))
    services.retention.place_hold(officer, client.id, "Litige")
    services.retention.lift_hold(officer, client.id, "Litige réglé")

    log = services.reports.access_log(officer, client.file_number, today, today)

    actions = {entry.action: entry.category for entry in log.entries}
    assert {
        "access_request.log",
        "access_request.identity_verified",
        "access_request.answered",
        "legal_hold.placed",
        "legal_hold.lifted",
    } <= set(actions), sorted(actions)
    assert actions["access_request.answered"] == AccessCategory.EXPORT
    assert AccessCategory.OTHER not in actions.values(), actions
