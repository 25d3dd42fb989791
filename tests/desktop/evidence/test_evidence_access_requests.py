"""The access and rectification requests about a client in their evidence pack, in the client's language:
received, kind, channel, due date, identity check, and the answer (what was sent, the document's SHA-256)
or the refusal (its reason), an open request past due flagged overdue; the requester is never named."""

from __future__ import annotations

import hashlib
from datetime import date

from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.enums import Language
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind
from tests.support.documents import new_client, pdftotext, squash

REQUESTER = "Mandataire Bélanger-Secret"


def request(
    received_on: date,
    kind: AccessRequestKind = AccessRequestKind.ACCESS,
    channel: AccessRequestChannel = AccessRequestChannel.EMAIL,
    client_id: int | None = None,
) -> AccessRequestDraft:
    return AccessRequestDraft(
        kind, channel, received_on, REQUESTER, "mandataire@example.com", "", client_id=client_id
    )


def test_the_pack_lists_the_client_s_access_requests_in_their_language(services, team):
    zoe = new_client(services, team.receptionist, "Côté", "Zoé", preferred_language=Language.EN)
    marc = new_client(services, team.receptionist, "Gagnon", "Marc")
    officer = team.privacy_officer
    document = b"%PDF-1.7 the copy of the file sent to the client"

    # Received on 2026-10-01, due 2026-10-31, answered on the test's day (2026-11-24): late.
    answered = services.access_requests.log(team.receptionist, request(date(2026, 10, 1), client_id=zoe.id))
    services.access_requests.verify_identity(officer, answered.id, "Permis de conduire présenté")
    services.access_requests.answer(
        officer,
        answered.id,
        frozenset({AccessAnswerItem.FILE_COPY, AccessAnswerItem.EVIDENCE_PACK}),
        document,
    )
    # Logged without a file, matched to Zoé's afterwards, then refused.
    refused = services.access_requests.log(
        team.receptionist,
        request(date(2026, 11, 20), AccessRequestKind.RECTIFICATION, AccessRequestChannel.POST),
    )
    services.access_requests.match(officer, refused.id, zoe.id)
    services.access_requests.refuse(officer, refused.id, "Renseignement exact : rien à rectifier")
    # Still open 45 days later: overdue since 2026-11-09.
    overdue = services.access_requests.log(
        team.receptionist,
        request(date(2026, 10, 10), channel=AccessRequestChannel.IN_CLINIC, client_id=zoe.id),
    )
    services.access_requests.log(team.receptionist, request(date(2026, 11, 2), client_id=marc.id))

    pack = services.evidence.pack(officer, zoe.file_number)
    assert [r.id for r in pack.access_requests] == [answered.id, overdue.id, refused.id]  # oldest first
    text = squash(pdftotext(services.evidence.render(officer, zoe.file_number).data))
    section = text[text.index("Access and rectification requests (3)") :]
    section = section[: section.index("Appointment events")]
    for shown in (
        f"Request no. {answered.id} received on 2026-10-01 Kind Access Received by Email "
        "Due (30 calendar days) 2026-10-31 Requester's identity verified on 2026-11-24",
        "after the due date",
        "What was sent Evidence pack, Copy of the file",
        f"SHA-256 of the document sent {hashlib.sha256(document).hexdigest()}",
        f"Request no. {overdue.id} received on 2026-10-10 Kind Access Received by In person",
        "Open, OVERDUE: the due date passed on 2026-11-09",
        f"Request no. {refused.id} received on 2026-11-20 Kind Rectification Received by Post",
        "Requester's identity not verified",
        "Reason for refusing Renseignement exact : rien à rectifier",
    ):
        assert shown in section, shown
    assert "Bélanger" not in text and "mandataire@example.com" not in text  # the requester stays unnamed

    french = squash(pdftotext(services.evidence.render(officer, marc.file_number).data))
    assert "Demandes d'accès et de rectification (1)" in french
    assert "Type Accès Reçue par Courriel Échéance (30 jours civils) 2026-12-02" in french
    assert "Identité du demandeur non vérifiée Suite donnée Ouverte" in french
    nobody = new_client(services, team.receptionist, "Roy", "Luc")
    empty = squash(pdftotext(services.evidence.render(officer, nobody.file_number).data))
    assert "Demandes d'accès et de rectification (0) Aucune demande d'accès ou de rectification." in empty
