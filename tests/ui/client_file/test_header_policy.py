"""The client file header flags a client whose latest acknowledgment is of an older version (or of the
version in force in another language than theirs), from the new version's effective date on."""

from __future__ import annotations

from datetime import timedelta

from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia, Language
from desktop.domain.records import AppointmentDraft, PolicyDraft, SignatureCapture
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.support.documents import signature_png
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk
from ui.client_file.header import ClientHeader

desk = booking_fixtures.desk
OLD = "2020-04-22"


def publish_in(desk: Desk, days: int) -> str:
    manager = desk.call(desk.services.staff.authenticate, "gestion", TEST_PASSWORD, WORKSTATION)
    draft = PolicyDraft(desk.today + timedelta(days=days), "POLITIQUE\n", "POLICY\n", "Résumé.\n", "Summary.\n")
    return desk.call(desk.services.policies.publish, manager, draft)[0].version


def header_for(qtbot, desk: Desk, client) -> ClientHeader:
    header = ClientHeader()
    qtbot.addWidget(header)
    header.show_client(client, desk.today)
    header.show_status(desk.call(desk.services.clients.status, desk.actor, client.id))
    return header


def sign(desk: Desk, client, language: Language = Language.FR, *, days_ahead: int | None = None) -> None:
    signature = SignatureCapture(signature_png=signature_png(), language=language)
    if days_ahead is None:
        desk.call(desk.services.acknowledgments.record, desk.actor, client.id, signature)
        return
    draft = AppointmentDraft(
        desk.clock.now() + timedelta(days=days_ahead),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.AT_DESK,
    )
    desk.call(desk.services.appointments.book, desk.actor, client.id, draft, None, signature)


def test_an_older_acknowledgment_is_flagged_from_the_effective_date(qtbot, desk):
    older = desk.new_client("Ancienne", "Anne")
    ahead = desk.new_client("Avance", "Ariane")
    sign(desk, older)
    new = publish_in(desk, days=2)
    sign(desk, ahead, days_ahead=3)  # the version in force on the visit's day: the new one

    assert header_for(qtbot, desk, older).badge_texts()[0].startswith("✔ Privacy policy acknowledged")
    signed_ahead = header_for(qtbot, desk, ahead)
    assert signed_ahead.badge_texts()[0].startswith("✔ Privacy policy acknowledged")
    assert f"version {new}, which comes into force after the current version {OLD}" in (
        signed_ahead.badges[0].toolTip()
    )

    desk.clock.advance(days=2)
    flagged = header_for(qtbot, desk, older)
    assert flagged.badge_texts()[0] == f"⚠ Acknowledgment outdated (version {OLD})"
    assert flagged.badges[0].property("tone") == "warning"
    assert f"the current policy is version {new}" in flagged.badges[0].toolTip()
    current = header_for(qtbot, desk, ahead)
    assert current.badge_texts()[0].startswith("✔ Privacy policy acknowledged")
    assert current.badges[0].toolTip() == f"Signed for the current policy, version {new}."


def test_the_version_signed_in_another_language_is_named_by_its_language(qtbot, desk):
    client = desk.new_client()  # French-speaking, signs the English text
    sign(desk, client, Language.EN)
    header = header_for(qtbot, desk, client)
    assert header.badge_texts()[0] == "⚠ Acknowledgment outdated (signed in English)"
    tooltip = header.badges[0].toolTip()
    assert f"Version {OLD} was signed in English" in tooltip and "(French)" in tooltip
