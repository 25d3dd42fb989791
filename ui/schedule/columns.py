"""The columns of the two views, from the core's day and week records, titled in the staff language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.schedule import DaySchedule, PractitionerDay, WeekSchedule
from ui.kit.i18n import format_date, format_date_long
from ui.schedule.grid_model import GridColumn

__all__ = ["day_columns", "week_columns"]


def _away(day: PractitionerDay) -> str:
    """A day off said in the header: the exception's reason, or that the practitioner does not work."""
    if day.exception is not None:
        reason = day.exception.reason or QCoreApplication.translate("Schedule", "away")
        return QCoreApplication.translate("Schedule", "({reason})").format(reason=reason)
    if not day.open_hours:
        return QCoreApplication.translate("Schedule", "(not working)")
    return ""


def _column(title: str, day: PractitionerDay) -> GridColumn:
    away = _away(day)
    practitioner = day.practitioner
    tooltip = " · ".join(part for part in (practitioner.display_name, practitioner.specialty, away) if part)
    return GridColumn(
        title=f"{title}\n{away}" if away else title,
        tooltip=tooltip,
        day=day.day,
        practitioner_id=practitioner.id,
        practitioner_day=day,
        appointments=day.appointments,
    )


def day_columns(schedule: DaySchedule) -> list[GridColumn]:
    """One column per practitioner, then one for the day's appointments with no practitioner, if any."""
    columns = [_column(day.practitioner.display_name, day) for day in schedule.columns]
    if schedule.unassigned:
        columns.append(
            GridColumn(
                title=QCoreApplication.translate("Schedule", "Unassigned"),
                tooltip=QCoreApplication.translate(
                    "Schedule", "Appointments booked before practitioners were set up"
                ),
                day=schedule.day,
                practitioner_id=None,
                practitioner_day=None,
                appointments=schedule.unassigned,
            )
        )
    return columns


def week_columns(schedule: WeekSchedule) -> list[GridColumn]:
    """One column per day of the week, titled with the day."""
    return [
        _column(
            format_date_long(day.day, weekday=True).split(" ")[0].rstrip(",") + "\n" + format_date(day.day),
            day,
        )
        for day in schedule.days
    ]
