"""The client's appointment events in the evidence pack: gathered by the service and read back from
the PDF (booked, rescheduled, cancelled by the client with the reason, a manager's confirmation)."""

from __future__ import annotations

from datetime import date, time

from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia, Language
from desktop.domain.records import AppointmentDraft
from desktop.domain.schedule import AppointmentEventKind, CancelledBy, PractitionerDraft, WeeklyHours
from desktop.domain.schedule_rules import local_moment
from tests.support.documents import new_client, pdftotext, squash

WEDNESDAY = date(2026, 11, 25)


def test_the_pack_shows_the_clients_appointment_events(services, team):
    reception, manager = team.receptionist, team.manager
    client = new_client(services, reception, preferred_language=Language.FR)
    doctor = services.schedule.add_practitioner(
        manager, PractitionerDraft("Dre Julie Tremblay", manager.clinic_id)
    )
    services.schedule.set_hours(manager, doctor.id, [WeeklyHours(2, time(8), time(12))])
    draft = AppointmentDraft(
        local_moment(WEDNESDAY, time(13)),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.PHONE,
        practitioner_id=doctor.id,
    )
    booked = services.appointments.book(manager, client.id, draft, confirm_conflicts=True).appointment
    services.schedule.reschedule(reception, booked.id, local_moment(WEDNESDAY, time(9)), doctor.id)
    services.schedule.cancel(reception, booked.id, CancelledBy.CLIENT, "Grippe")

    pack = services.evidence.pack(team.privacy_officer, client.file_number)
    assert [e.kind for e in pack.appointment_events] == [
        AppointmentEventKind.BOOKED,
        AppointmentEventKind.RESCHEDULED,
        AppointmentEventKind.CANCELLED,
    ]
    text = squash(pdftotext(services.evidence.render(team.privacy_officer, client.file_number).data))
    section = text[text.index("Événements de rendez-vous (3)") : text.index("Rappels de rendez-vous")]
    for shown in (
        "Événement",
        "Réservé",
        "Déplacé",
        "Annulé",
        "2026-11-25 13:00",
        "2026-11-25 09:00",
        "(30 min)",
    ):
        assert shown in section
    assert "confirmé par un gestionnaire : en dehors des heures" in section
    assert "par le client ; « Grippe »" in section and "Dre Julie" in section
