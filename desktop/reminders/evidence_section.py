"""The evidence pack's section on reminders: every reminder sent or exported to the client (when, by
which channel, for which appointment, by whom, where, and the exported file's SHA-256), the use the
clinic made of the client's consent to appointment reminders."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from desktop.domain.enums import Language
from desktop.domain.reminder_records import EvidenceReminder
from desktop.domain.texts import Text
from desktop.domain.wording import channel_label
from desktop.pdf.markup import esc, format_signed_at, or_dash
from desktop.pdf.styles import FRAME_WIDTH, Styles, table_style


class ReminderEvidenceText:
    title = Text("Rappels de rendez-vous ({count})", "Appointment reminders ({count})")
    none = Text("Aucun rappel envoyé ni exporté.", "No reminder sent or exported.")
    number = Text("N°", "No.")
    when = Text("Envoyé ou exporté", "Sent or exported")
    channel = Text("Moyen", "Channel")
    appointment = Text("Rendez-vous", "Appointment")
    by = Text("Par", "By")
    site = Text("Clinique", "Clinic")
    file = Text("Fichier exporté (SHA-256)", "Exported file (SHA-256)")
    sent_by_email = Text("envoyé par courriel", "sent by email")


def reminder_section(reminders: tuple[EvidenceReminder, ...], lang: Language, st: Styles) -> list[Flowable]:
    t = ReminderEvidenceText
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(t.title.format(lang, count=len(reminders))), st.heading_loose),
    ]
    if not reminders:
        return [*story, Paragraph(esc(t.none.get(lang)), st.body)]
    heads = (t.number, t.when, t.channel, t.appointment, t.by, t.site, t.file)
    data: list[list[object]] = [[Paragraph(esc(h.get(lang)), st.cell_bold) for h in heads]]
    for reminder in reminders:
        digest = reminder.file_sha256 or ""
        data.append(
            [
                Paragraph(str(reminder.sequence), st.small),
                Paragraph(esc(format_signed_at(reminder.at.astimezone())), st.small),
                Paragraph(esc(channel_label(reminder.channel, lang)), st.small),
                Paragraph(esc(f"{reminder.appointment_starts_at.astimezone():%Y-%m-%d %H:%M}"), st.small),
                Paragraph(or_dash(reminder.by), st.small),
                Paragraph(or_dash(reminder.site), st.small),
                Paragraph(
                    esc("\n".join(digest[i : i + 16] for i in range(0, 64, 16)))
                    if digest
                    else esc(t.sent_by_email.get(lang)),
                    st.small,
                ),
            ]
        )
    widths = [w * FRAME_WIDTH for w in (0.05, 0.18, 0.1, 0.16, 0.15, 0.15, 0.21)]
    grid = ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))
    header = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))
    story.append(Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=table_style(grid, header)))
    return story
