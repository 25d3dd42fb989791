"""The evidence pack's section on appointments: every appointment event of the client (booked,
cancelled with by whom and why, rescheduled, arrived, no-show), who recorded it and when, and what a
manager confirmed against the schedule's rules."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from desktop.domain.enums import Language
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentEventRecord,
    CancelledBy,
    ScheduleConflict,
)
from desktop.domain.texts import Text
from desktop.pdf.markup import esc, format_signed_at, or_dash
from desktop.pdf.styles import FRAME_WIDTH, Styles, table_style


class AppointmentEvidenceText:
    title = Text("Événements de rendez-vous ({count})", "Appointment events ({count})")
    none = Text("Aucun événement de rendez-vous.", "No appointment event.")
    number = Text("N°", "No.")
    recorded = Text("Inscrit", "Recorded")
    event = Text("Événement", "Event")
    appointment = Text("Rendez-vous", "Appointment")
    practitioner = Text("Praticien", "Practitioner")
    by = Text("Par", "By")
    details = Text("Précisions", "Details")
    unassigned = Text("non assigné", "unassigned")
    minutes = Text("{minutes} min", "{minutes} min")
    confirmed = Text("confirmé par un gestionnaire : {what}", "confirmed by a manager: {what}")


EVENT_LABELS = {
    AppointmentEventKind.BOOKED: Text("Réservé", "Booked"),
    AppointmentEventKind.CANCELLED: Text("Annulé", "Cancelled"),
    AppointmentEventKind.RESCHEDULED: Text("Déplacé", "Rescheduled"),
    AppointmentEventKind.ARRIVED: Text("Arrivé", "Arrived"),
    AppointmentEventKind.NO_SHOW: Text("Absent", "No-show"),
}
CANCELLED_BY_LABELS = {
    CancelledBy.CLIENT: Text("par le client", "by the client"),
    CancelledBy.CLINIC: Text("par la clinique", "by the clinic"),
}
CONFLICT_LABELS = {
    ScheduleConflict.DOUBLE_BOOKING: Text("double réservation", "double booking"),
    ScheduleConflict.OUTSIDE_HOURS: Text("en dehors des heures", "outside hours"),
    ScheduleConflict.CLOSED_DAY: Text("jour d'absence", "day off"),
}


def _details(event: AppointmentEventRecord, lang: Language) -> str:
    parts = []
    if event.cancelled_by is not None:
        parts.append(CANCELLED_BY_LABELS[event.cancelled_by].get(lang))
    if event.reason:
        parts.append(f"« {event.reason} »" if lang == Language.FR else f"“{event.reason}”")
    if event.overrides:
        what = ", ".join(CONFLICT_LABELS[c].get(lang) for c in event.overrides)
        parts.append(AppointmentEvidenceText.confirmed.format(lang, what=what))
    return " ; ".join(parts) if lang == Language.FR else "; ".join(parts)


def appointment_section(
    events: tuple[AppointmentEventRecord, ...], lang: Language, st: Styles
) -> list[Flowable]:
    t = AppointmentEvidenceText
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(t.title.format(lang, count=len(events))), st.heading_loose),
    ]
    if not events:
        return [*story, Paragraph(esc(t.none.get(lang)), st.body)]
    heads = (t.number, t.recorded, t.event, t.appointment, t.practitioner, t.by, t.details)
    data: list[list[object]] = [[Paragraph(esc(h.get(lang)), st.cell_bold) for h in heads]]
    for event in events:
        when = f"{event.starts_at.astimezone():%Y-%m-%d %H:%M} ({t.minutes.format(lang, minutes=event.length_minutes)})"
        data.append(
            [
                Paragraph(str(event.id), st.small),
                Paragraph(esc(format_signed_at(event.recorded_at.astimezone())), st.small),
                Paragraph(esc(EVENT_LABELS[event.kind].get(lang)), st.small),
                Paragraph(esc(when), st.small),
                Paragraph(esc(event.practitioner_name or t.unassigned.get(lang)), st.small),
                Paragraph(or_dash(event.recorded_by), st.small),
                Paragraph(or_dash(_details(event, lang)), st.small),
            ]
        )
    widths = [w * FRAME_WIDTH for w in (0.05, 0.16, 0.14, 0.16, 0.14, 0.14, 0.21)]
    grid = ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))
    header = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))
    story.append(Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=table_style(grid, header)))
    return story
