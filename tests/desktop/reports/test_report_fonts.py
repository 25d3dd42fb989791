"""Every report PDF embeds every font it uses (the definitions' bullets too), and draws a client's
name in Arabic or Korean, in order, where it appears."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.domain.errors import ValidationError
from desktop.domain.records import OptOutDraft
from desktop.reports import render_report
from tests.desktop.reports.conftest import END, START
from tests.support.documents import book, new_client, pdftotext
from tests.support.pdffonts import logical, pdffonts_rows, unembedded_fonts


def optout(name: str, client_id: int | None = None) -> OptOutDraft:
    return OptOutDraft(
        received_via=OptOutVia.PHONE,
        received_on=date(2026, 11, 24),
        requester_name=name,
        purposes=frozenset(PROMOTIONAL_PURPOSES),
        channels=frozenset({Channel.EMAIL}),
        client_id=client_id,
    )


@pytest.mark.parametrize("language", [Language.FR, Language.EN])
def test_every_report_embeds_every_font(services, team, language):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist, "김", "عائشة")
    book(services, team.receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    services.optouts.log(team.receptionist, optout("שרה כהן", client.id))
    reports = {
        "coverage": services.reports.consent_coverage(team.manager, START, END),
        "optouts": services.reports.optout_register(team.manager, START, END),
        "reacknowledgment": services.reports.reacknowledgment(team.manager, START, END),
        "access": services.reports.access_log(team.privacy_officer, client.file_number, START, END),
        "exports": services.reports.exports_log(team.manager, START, END),
    }
    for kind, report in reports.items():
        pdf = render_report(report, "pdf", language)
        rows = pdffonts_rows(pdf)
        assert rows, kind
        assert not any("Helvetica" in row for row in rows), kind
        assert unembedded_fonts(pdf) == [], kind
    access = logical(pdftotext(render_report(reports["access"], "pdf", language)))
    # pdftotext moves the space next to the right-to-left word: the order of the letters is compared.
    assert f"عائشة김({client.file_number})" in re.sub(r"\s", "", access)


def test_an_optout_requester_named_with_an_emoji_is_refused_naming_it(services, team):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as raised:
        services.optouts.log(team.receptionist, optout("Zoé 🥰"))
    problem = raised.value.for_field("requester_name")
    assert problem is not None and problem.code == "undrawable_characters"
    assert "🥰" in problem.message(Language.FR) and "U+1F970" in problem.message(Language.EN)
