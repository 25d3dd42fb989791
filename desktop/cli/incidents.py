"""``frontdesk incidents list|show|notification-due|record``: the confidentiality-incident register from
the command line, by the same IncidentService as the privacy officer's window (the privacy officer's alone).

``notification-due`` is for a scheduled job: it lists the incidents with a risk of serious injury whose
Commission or people concerned are not yet notified, and exits with status 1 when there are some.
``record --file INCIDENT.toml`` opens an incident, or (``--reference R --version N``) saves a new version
of it made from version N. The file's fields are named as the register's::

    circumstances = "Rappel envoyé au mauvais destinataire."
    discovered_on = 2026-11-20
    information_concerned = "Nom et date du rendez-vous d'une cliente"
    not_describable_reason = ""
    occurred_from = 2026-11-18
    occurred_to = 2026-11-18
    people_concerned = 1
    risk_assessment = ""
    serious_injury_risk = false
    commission_notified_on = ""
    people_notified_on = ""
    measures = "Le destinataire a supprimé le courriel."

A date or number left out (or "") is not known yet.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from desktop.cli.context import AppContext, fail, language, read_text_file, write_private
from desktop.cli.params import Day, InputFile, OutputFile
from desktop.domain.errors import FieldError, FrontDeskError, ValidationError
from desktop.domain.incident_messages import IncidentFields, IncidentMessages
from desktop.domain.incidents import IncidentDraft, IncidentRecord, IncidentVersionRecord
from desktop.domain.texts import Text
from desktop.reports.base import LATEST_DAY, OLDEST_DAY, ReportKind
from desktop.reports.render import ReportFormat

__all__ = ["incidents"]

T = TypeVar("T")
_USER = click.option(
    "--user", "username", metavar="NAME", required=True, help="Staff username to sign in with."
)
_DAY = Day(OLDEST_DAY, LATEST_DAY)
_DATES = ("occurred_from", "occurred_to", "discovered_on", "commission_notified_on", "people_notified_on")
_TEXTS = ("information_concerned", "not_describable_reason", "circumstances", "risk_assessment", "measures")
_KEYS = (*_TEXTS, *_DATES, "people_concerned", "serious_injury_risk")


class _Listing:
    """The words of the listings, French first."""

    none = Text("Aucun incident pendant la période.", "No incident in the period.")
    none_due = Text(
        "Aucun avis en attente : chaque risque de préjudice sérieux a été notifié.",
        "No notice pending: every risk of serious injury has been notified.",
    )
    due_count = Text(
        "{count} incident(s) avec un risque de préjudice sérieux non encore notifié :",
        "{count} incident(s) with a risk of serious injury not yet notified:",
    )
    aware = Text("connu le {date}", "aware on {date}")
    people = Text("personnes concernées : {count}", "people concerned: {count}")
    people_unknown = Text("nombre de personnes inconnu", "number of people unknown")
    serious = Text("risque sérieux", "serious risk")
    not_serious = Text("pas de risque sérieux", "no serious risk")
    notice_due = Text("AVIS À DONNER", "NOTICE DUE")
    commission_missing = Text("Commission non avisée", "Commission not notified")
    people_missing = Text("personnes non avisées", "people not notified")
    keep = Text("conserver jusqu'au {date}", "keep until {date}")
    versions = Text("{count} version(s)", "{count} version(s)")
    version = Text("Version {number} — {by}, {at}", "Version {number} — {by}, {at}")
    not_known = Text("inconnu", "not known")
    yes = Text("oui", "yes")
    no = Text("non", "no")
    opened = Text("Incident {reference} ouvert (version 1).", "Incident {reference} opened (version 1).")
    updated = Text(
        "Incident {reference} : version {version} enregistrée.",
        "Incident {reference}: version {version} saved.",
    )
    written = Text(
        "Registre écrit dans {path} ({count} incident(s)).",
        "Register written to {path} ({count} incident(s)).",
    )


def _call(action: Callable[[], T]) -> T:
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def _line(record: IncidentRecord) -> str:
    lang = language()
    people = (
        _Listing.people.format(lang, count=record.people_concerned)
        if record.people_concerned is not None
        else _Listing.people_unknown.get(lang)
    )
    parts = [
        record.reference,
        _Listing.aware.format(lang, date=record.discovered_on.isoformat()),
        people,
        (_Listing.serious if record.serious_injury_risk else _Listing.not_serious).get(lang),
        _Listing.versions.format(lang, count=record.versions_count),
        _Listing.keep.format(lang, date=record.keep_until.isoformat()),
    ]
    if record.notification_due:
        missing = [
            text.get(lang)
            for text, absent in (
                (_Listing.commission_missing, record.commission_notified_on is None),
                (_Listing.people_missing, record.people_notified_on is None),
            )
            if absent
        ]
        parts.append(f"{_Listing.notice_due.get(lang)} ({', '.join(missing)})")
    return "  ".join(parts)


def _value(value: object) -> str:
    lang = language()
    if value is None or value == "":
        return "—" if value == "" else _Listing.not_known.get(lang)
    if isinstance(value, bool):
        return (_Listing.yes if value else _Listing.no).get(lang)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _show_version(version: IncidentVersionRecord) -> None:
    lang = language()
    at = version.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
    click.echo(_Listing.version.format(lang, number=version.version, by=version.recorded_by, at=at))
    for key in _KEYS:
        label = getattr(IncidentFields, key).get(lang)
        click.echo(f"  {label}{' :' if lang == 'fr' else ':'} {_value(getattr(version, key))}")


def _date(errors: list[FieldError], key: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    errors.append(FieldError(key, "invalid_date"))
    return None


def draft_from_toml(path: Path, raw: dict[str, Any]) -> IncidentDraft:
    """The draft a TOML file describes; a field of the wrong kind is named (ValidationError), an unknown
    one refused with the fields allowed."""
    unknown = sorted(set(raw) - set(_KEYS))
    if unknown:
        problem = IncidentMessages.incident_file_unknown_key.filled(
            key=unknown[0][:60], known=", ".join(_KEYS)
        )
        fail(FrontDeskError("incident_file_invalid", path=str(path), problem=problem))
    errors: list[FieldError] = []
    values: dict[str, Any] = {key: _date(errors, key, raw.get(key)) for key in _DATES}
    for key in _TEXTS:
        text = raw.get(key, "")
        if not isinstance(text, str):
            errors.append(FieldError(key, "incident_expected_text"))
        values[key] = text if isinstance(text, str) else ""
    people = raw.get("people_concerned")
    if people == "":
        people = None
    if people is not None and (isinstance(people, bool) or not isinstance(people, int)):
        errors.append(FieldError("people_concerned", "incident_people_out_of_range", {"max": 100_000_000}))
        people = None
    serious = raw.get("serious_injury_risk", False)
    if not isinstance(serious, bool):
        errors.append(FieldError("serious_injury_risk", "incident_expected_true_false"))
        serious = False
    if errors:
        fail(ValidationError(errors))
    return IncidentDraft(**values, people_concerned=people, serious_injury_risk=serious)


@click.group("incidents")
def incidents() -> None:
    """The confidentiality-incident register (privacy officer)."""


@incidents.command("list")
@click.option(
    "--from", "start", type=_DAY, required=True, help="First day of discovery, YYYY-MM-DD or DD/MM/YYYY."
)
@click.option("--to", "end", type=_DAY, required=True, help="Last day of discovery (included).")
@click.option(
    "--csv", "csv_file", type=OutputFile(), help="Also write the register as a CSV file (the report's)."
)
@_USER
@click.pass_obj
def list_incidents(app: AppContext, start: date, end: date, csv_file: Path | None, username: str) -> None:
    """The incidents the clinic became aware of from --from to --to, as they stand."""
    actor = app.sign_in(username)
    services = app.services()
    records = _call(lambda: services.incidents.register(actor, start, end))
    if not records:
        click.echo(_Listing.none.get(language()))
    for record in records:
        click.echo(_line(record))
    if csv_file is not None:
        rendered = _call(
            lambda: services.reports.render(
                actor, ReportKind.INCIDENT_REGISTER, start, end, ReportFormat.CSV, language()
            )
        )
        write_private(csv_file, rendered.data)
        click.echo(_Listing.written.format(language(), path=csv_file, count=rendered.row_count))


@incidents.command("show")
@click.argument("reference")
@_USER
@click.pass_obj
def show_incident(app: AppContext, reference: str, username: str) -> None:
    """Every version of the incident REFERENCE (2026-001), the first one first."""
    actor = app.sign_in(username)
    services = app.services()
    record = _call(lambda: services.incidents.by_reference(actor, reference))
    click.echo(_line(record))
    for version in _call(lambda: services.incidents.versions(actor, record.id)):
        click.echo("")
        _show_version(version)


@incidents.command("notification-due")
@_USER
@click.pass_obj
def notification_due(app: AppContext, username: str) -> None:
    """List the incidents with a risk of serious injury not yet notified to the Commission or to the
    people concerned; exit status 1 when there are some (for a scheduled job), 0 when none."""
    actor = app.sign_in(username)
    records = _call(lambda: app.services().incidents.notification_due(actor))
    if not records:
        click.echo(_Listing.none_due.get(language()))
        return
    click.echo(_Listing.due_count.format(language(), count=len(records)))
    for record in records:
        click.echo(_line(record))
    raise SystemExit(1)


@incidents.command("record", epilog="\b\n" + (__doc__ or "")[(__doc__ or "").index("    circumstances") :])
@click.option("--file", "file", type=InputFile(), required=True, help="The incident as a TOML file.")
@click.option("--reference", default="", help="The incident to update (2026-001).")
@click.option(
    "--version", "from_version", type=click.IntRange(min=1), help="The version the file was made from."
)
@_USER
@click.pass_obj
def record_incident(
    app: AppContext, file: Path, reference: str, from_version: int | None, username: str
) -> None:
    """Open an incident from --file, or save a new version of --reference made from --version."""
    actor = app.sign_in(username)
    services = app.services()
    if bool(reference.strip()) != (from_version is not None):
        fail(FrontDeskError("incident_reference_and_version"))
    try:
        raw: dict[str, Any] = tomllib.loads(read_text_file(file))
    except tomllib.TOMLDecodeError as bad:
        fail(FrontDeskError("incident_file_invalid", path=str(file), problem=str(bad)))
    draft = draft_from_toml(file, raw)
    lang = language()
    if from_version is None:
        opened = _call(lambda: services.incidents.open(actor, draft))
        click.echo(_Listing.opened.format(lang, reference=opened.reference))
        return
    current = _call(lambda: services.incidents.by_reference(actor, reference))
    saved = _call(lambda: services.incidents.update(actor, current.id, from_version, draft))
    click.echo(_Listing.updated.format(lang, reference=saved.reference, version=saved.version))
