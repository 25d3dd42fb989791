"""An anonymised file as the client file shows it: when it was anonymised, the year of birth only (the
stored 1 January is a placeholder, not a birthday), and no action that would change it.

The evidence it keeps (consents, acknowledgments, opt-outs, appointments) stays readable in its tabs;
the identity form is hidden, since what it would show is the placeholder.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.domain.records import ClientRecord
from ui.kit.i18n import format_date

__all__ = ["AnonymisedHeader", "anonymised_header", "is_anonymised", "why_unchangeable"]


def is_anonymised(client: ClientRecord | None) -> bool:
    return client is not None and client.anonymised_at is not None


def why_unchangeable() -> str:
    return QCoreApplication.translate(
        "AnonymisedFile", "This file is anonymised: it can no longer be changed."
    )


@dataclass(frozen=True)
class AnonymisedHeader:
    """The header's three texts for an anonymised file: its large title, its facts (rich text) and
    what a screen reader says of them."""

    title: str
    facts: str
    spoken: str


def anonymised_header(client: ClientRecord) -> AnonymisedHeader:
    assert client.anonymised_at is not None
    when = format_date(client.anonymised_at.astimezone().date())
    year = str(client.date_of_birth.year)
    file_number = html.escape(client.file_number)
    facts = [
        QCoreApplication.translate("AnonymisedFile", "File anonymised on <b>{date}</b>").format(date=when),
        QCoreApplication.translate("AnonymisedFile", "Born in <b>{year}</b>").format(year=year),
        QCoreApplication.translate("AnonymisedFile", "File no. <b>{file}</b>").format(file=file_number),
    ]
    return AnonymisedHeader(
        title=QCoreApplication.translate("AnonymisedFile", "Anonymised file"),
        facts=" &nbsp;·&nbsp; ".join(fact.replace(" ", "&nbsp;") for fact in facts),
        spoken=QCoreApplication.translate(
            "AnonymisedFile", "File anonymised on {date}, born in {year}, file number {file}"
        ).format(date=when, year=year, file=client.file_number),
    )
