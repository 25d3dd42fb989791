"""``frontdesk practitioner add|list|hours|exception|deactivate|reactivate`` and ``frontdesk kind
list|add|update``: the schedule's clinic data from the command line, by the same ScheduleService as
the GUI's editor, so the manager's role is checked and every change audited the same way. Every
command signs in with ``--user NAME`` (its password at the prompt or on standard input)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, language
from desktop.cli.params import Day
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_date, format_time
from desktop.domain.schedule import KindDraft, PractitionerDraft, PractitionerRecord, WeeklyHours

T = TypeVar("T")
_USER = click.option(
    "--user", "username", metavar="NAME", required=True, help="Staff username to sign in with."
)
#: Monday first, as ``date.weekday()`` counts; English and French abbreviations.
DAY_NAMES = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{name: i for i, name in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))},
}
_INTERVAL = re.compile(r"(\d{1,2})[:h](\d{2})-(\d{1,2})[:h](\d{2})")


def _call(action: Callable[[], T]) -> T:
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def parse_week(spec: str) -> tuple[WeeklyHours, ...]:
    """``"mon-fri 08:00-12:00,13:00-17:00"``: days (a range or a list) then intervals. ValueError if not."""
    days_part, _, intervals_part = spec.strip().lower().partition(" ")
    days: list[int] = []
    for item in days_part.split(","):
        first, _, last = item.partition("-")
        start, end = DAY_NAMES[first], DAY_NAMES[last or first]
        if end < start:
            raise ValueError(spec)
        days.extend(range(start, end + 1))
    hours: list[WeeklyHours] = []
    for interval in intervals_part.replace(" ", "").split(","):
        match = _INTERVAL.fullmatch(interval)
        if match is None:
            raise ValueError(spec)
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        hours.extend(WeeklyHours(d, time(h1, m1), time(h2, m2)) for d in days)
    return tuple(hours)


def _show(record: PractitionerRecord) -> None:
    lang = language()
    state = "" if record.active else " (inactive)"
    specialty = f" — {record.specialty}" if record.specialty else ""
    click.echo(f"{record.id}  {record.display_name}{specialty}  [site {record.clinic_id}]{state}")
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    for h in record.hours:
        click.echo(f"    {names[h.weekday]} {format_time(h.starts, lang)}–{format_time(h.ends, lang)}")
    for e in record.exceptions:
        reason = f" ({e.reason})" if e.reason else ""
        click.echo(
            f"    off #{e.id}: {format_date(e.starts_on, lang)} – {format_date(e.ends_on, lang)}{reason}"
        )


@click.group()
def practitioner() -> None:
    """Practitioners, their weekly hours and their days off (managers)."""


@practitioner.command("add")
@click.argument("name")
@click.option("--specialty", default="", help="Shown in the schedule only, never in a reminder.")
@click.option("--site", "clinic_id", type=int, help="The site's number (default: the account's site).")
@_USER
@click.pass_obj
def add_practitioner(
    app: AppContext, name: str, specialty: str, clinic_id: int | None, username: str
) -> None:
    actor = app.sign_in(username)
    draft = PractitionerDraft(name, clinic_id or actor.clinic_id, specialty)
    _show(_call(lambda: app.services().schedule.add_practitioner(actor, draft)))


@practitioner.command("list")
@click.option("--site", "clinic_id", type=int, help="The site's number (default: the account's site).")
@click.option("--all", "include_inactive", is_flag=True, help="Include the inactive ones.")
@_USER
@click.pass_obj
def list_practitioners(app: AppContext, clinic_id: int | None, include_inactive: bool, username: str) -> None:
    actor = app.sign_in(username)
    records = _call(
        lambda: app.services().schedule.practitioners(actor, clinic_id, include_inactive=include_inactive)
    )
    for record in records:
        _show(record)


@practitioner.command("hours")
@click.argument("practitioner_id", type=int)
@click.argument("week", nargs=-1)
@_USER
@click.pass_obj
def set_hours(app: AppContext, practitioner_id: int, week: tuple[str, ...], username: str) -> None:
    """Replace the weekly hours, e.g. "mon-fri 08:00-12:00,13:00-17:00" "sat 09:00-12:00" (none: no hours)."""
    actor = app.sign_in(username)
    hours: list[WeeklyHours] = []
    for spec in week:
        try:
            hours.extend(parse_week(spec))
        except (KeyError, ValueError):
            fail(FrontDeskError("invalid_hours_spec", value=spec))
    _show(_call(lambda: app.services().schedule.set_hours(actor, practitioner_id, hours)))


@practitioner.command("exception")
@click.argument("practitioner_id", type=int)
@click.argument("first", type=Day())
@click.argument("last", type=Day(), required=False)
@click.option("--reason", default="", help="Vacation, training, closed day…")
@_USER
@click.pass_obj
def add_exception(
    app: AppContext, practitioner_id: int, first: date, last: date | None, reason: str, username: str
) -> None:
    """Days off from FIRST to LAST (both included; one day when LAST is left out)."""
    actor = app.sign_in(username)
    schedule = app.services().schedule
    _show(_call(lambda: schedule.add_exception(actor, practitioner_id, first, last or first, reason)))


@practitioner.command("deactivate")
@click.argument("practitioner_id", type=int)
@_USER
@click.pass_obj
def deactivate(app: AppContext, practitioner_id: int, username: str) -> None:
    """No new booking with them; their appointments stay."""
    actor = app.sign_in(username)
    _show(_call(lambda: app.services().schedule.set_practitioner_active(actor, practitioner_id, False)))


@practitioner.command("reactivate")
@click.argument("practitioner_id", type=int)
@_USER
@click.pass_obj
def reactivate(app: AppContext, practitioner_id: int, username: str) -> None:
    actor = app.sign_in(username)
    _show(_call(lambda: app.services().schedule.set_practitioner_active(actor, practitioner_id, True)))


@click.group()
def kind() -> None:
    """Appointment kinds: French and English names, default length (managers change them)."""


@kind.command("list")
@click.option("--all", "include_inactive", is_flag=True, help="Include the inactive ones.")
@_USER
@click.pass_obj
def list_kinds(app: AppContext, include_inactive: bool, username: str) -> None:
    actor = app.sign_in(username)
    for record in _call(lambda: app.services().schedule.kinds(actor, include_inactive=include_inactive)):
        state = "" if record.active else " (inactive)"
        click.echo(f"{record.code}  {record.name_fr} / {record.name_en}  {record.default_minutes} min{state}")


@kind.command("add")
@click.argument("code")
@click.option("--fr", "name_fr", required=True, help="The French name.")
@click.option("--en", "name_en", required=True, help="The English name.")
@click.option("--minutes", type=int, required=True, help="The default length.")
@_USER
@click.pass_obj
def add_kind(app: AppContext, code: str, name_fr: str, name_en: str, minutes: int, username: str) -> None:
    actor = app.sign_in(username)
    added = _call(lambda: app.services().schedule.add_kind(actor, KindDraft(code, name_fr, name_en, minutes)))
    click.echo(f"{added.code}  {added.name_fr} / {added.name_en}  {added.default_minutes} min")


@kind.command("update")
@click.argument("code")
@click.option("--fr", "name_fr", help="The French name.")
@click.option("--en", "name_en", help="The English name.")
@click.option("--minutes", type=int, help="The default length.")
@click.option("--active/--inactive", default=None, help="Offer it for new bookings, or not.")
@_USER
@click.pass_obj
def update_kind(
    app: AppContext,
    code: str,
    name_fr: str | None,
    name_en: str | None,
    minutes: int | None,
    active: bool | None,
    username: str,
) -> None:
    actor = app.sign_in(username)
    schedule = app.services().schedule
    changed = _call(
        lambda: schedule.update_kind(
            actor, code, name_fr=name_fr, name_en=name_en, default_minutes=minutes, active=active
        )
    )
    state = "" if changed.active else " (inactive)"
    click.echo(f"{changed.code}  {changed.name_fr} / {changed.name_en}  {changed.default_minutes} min{state}")
