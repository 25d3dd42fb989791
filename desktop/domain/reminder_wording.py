"""The words of a reminder, read from ``resources/wording/reminders.json`` so that a clinic changes them
without touching the code. Only the placeholders of :data:`ALLOWED` are filled, from what a
:class:`ReminderItem` holds: date, time, site and how to cancel; the reason for the visit and the
practitioner's specialty are not among them, so no wording can print them."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_date_long, format_phone, format_time
from desktop.domain.reminders import ReminderItem
from desktop.domain.texts import Text
from desktop.paths import resource_path

ALLOWED = frozenset({"name", "date", "time", "site", "address", "phone", "organisation", "reference"})
ENTRIES = ("email_subject", "email_body", "sms", "call")


@dataclass(frozen=True)
class ReminderWording:
    email_subject: Text
    email_body: Text
    sms: Text
    call: Text


@dataclass(frozen=True)
class ReminderText:
    """One reminder as its client reads it, in their language."""

    language: Language
    subject: str
    body: str
    sms: str
    call: str


def wording_path() -> Path:
    return resource_path("wording", "reminders.json")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def read_wording(path: Path) -> ReminderWording:
    """The wording in ``path``; FrontDeskError("reminder_wording_invalid") naming the file and the cause
    (unreadable, an entry or language missing, a placeholder that is not allowed)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        texts = {name: Text(fr=str(raw[name]["fr"]), en=str(raw[name]["en"])) for name in ENTRIES}
    except (OSError, ValueError) as error:
        raise FrontDeskError("reminder_wording_invalid", path=str(path), cause=str(error)) from error
    except (KeyError, TypeError) as error:
        raise FrontDeskError("reminder_wording_invalid", path=str(path), cause=f"missing {error}") from error
    for name, text in texts.items():
        for language in Language:
            try:
                unknown = _placeholders(text.get(language)) - ALLOWED
            except ValueError as error:
                raise FrontDeskError(
                    "reminder_wording_invalid", path=str(path), cause=f"{name}.{language}: {error}"
                ) from error
            if unknown:
                cause = f"{name}.{language}: {{{', '.join(sorted(unknown))}}}"
                raise FrontDeskError("reminder_wording_invalid", path=str(path), cause=cause)
    return ReminderWording(**texts)


@lru_cache(maxsize=1)
def reminder_wording() -> ReminderWording:
    return read_wording(wording_path())


def reminder_text(
    item: ReminderItem, organisation: str, wording: ReminderWording | None = None
) -> ReminderText:
    """The reminder of ``item`` in its client's language."""
    wording = wording or reminder_wording()
    language = item.language
    local = item.starts_at.astimezone()
    values = {
        "name": item.client_name,
        "date": format_date_long(local.date(), language, weekday=True),
        "time": format_time(local, language),
        "site": item.site.name,
        "address": item.site.address,
        "phone": format_phone(item.site.phone, language, item.site.phone_extension),
        "organisation": organisation,
        "reference": item.reference,
    }
    return ReminderText(
        language=language,
        subject=wording.email_subject.format(language, **values),
        body=wording.email_body.format(language, **values),
        sms=wording.sms.format(language, **values),
        call=wording.call.format(language, **values),
    )
