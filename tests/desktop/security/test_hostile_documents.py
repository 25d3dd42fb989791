"""Hostile values on their way out: every value the client service accepts as a name (or as a street
or a city) is signed for, printed, exported and reported, and comes back verbatim from the stored
acknowledgment PDF, the contact-list CSV and reports in PDF and CSV. Values it refuses are refused
with a ValidationError that reads well in French and English, and leave no row behind. Any other
exception fails the test naming the value; once a value is accepted, signing, printing, exporting
and reporting must all succeed, so there a typed FrontDeskError fails it too.

The values are the fixed list of ``hostile_values`` and each of them after an ordinary first name
(``"Zoé =1+1"``: formula characters and direction marks inside a cell rather than at its start),
batched: all the clients first, then one export and one report for all of them. PostgreSQL gets a
sample of the fixed list; Hypothesis adds generated values on SQLite.

**Reading a PDF back.** Every PDF is read with pypdf; every fourth acknowledgment, the reports and
the generated values are also read with pdftotext, in its ``-raw`` mode (see ``pdftotext_raw``).
Text extracted from a PDF is not the string that was typed, in a few documented ways; ``renders``
compares a value with an extracted passage by these rules and no others:

1. Whitespace is ignored on both sides. A long name wraps over several lines, between words or,
   when a word is longer than its column, between any two characters; a tab prints as a space.
2. Bidirectional formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates) are ignored
   on both sides: the service keeps LRM and RLM, which print as nothing, and extractors move them
   or add embeddings of their own around right-to-left runs.
3. A character the font used for the passage has no glyph for (``🏥``, ``한``, ``Ｆ``, a tab in a
   report table) prints as the font's empty glyph, which is extracted as one U+0000 (pypdf) or
   nothing (pdftotext): it matches ``\\x00?`` and nothing else.
4. A value with right-to-left characters (Hebrew, Arabic and their digits, by bidirectional class
   or by the Unicode blocks pypdf treats as right-to-left) is drawn in logical order (reportlab
   without its optional bidi support), and each extractor reorders such runs by its own
   heuristics: the passage must hold exactly the same characters, in any order (same multiset,
   after rules 1 to 3; U+0000 and unshowable characters left out).

Everything else must come back character for character, in order, and the passage is the whole
text between two labels of the document, not a search for a substring.

**Reading a CSV back.** UTF-8 with a byte-order mark, read with the delimiter it was written with.
A cell is the stored value exactly, except that a value starting with ``= + - @``, a tab or a
carriage return is written with one leading single quote; no cell of the file starts with one of
those characters.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import insert

from desktop.db.models import PolicyVersion
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import FrontDeskError, ValidationError
from desktop.domain.records import ClientDraft, ClientRecord
from desktop.pdf import fonts
from desktop.pdf.scripts import font_for
from desktop.reports import render_report
from desktop.reports.layout import local_minute
from tests.desktop.security.hostile_values import HOSTILE_TEXT, hostile_text
from tests.desktop.security.test_hostile_input import assert_clear, row_counts, typed
from tests.support.documents import book, csv_figure, csv_section, pypdf_text, read_csv

T = TypeVar("T")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
RTL_CLASSES = frozenset({"R", "AL", "AN"})
RTL_BLOCKS = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))

DATE_OF_BIRTH = date(1980, 4, 12)
START, END = date(2026, 6, 1), date(2026, 12, 31)
NEWS = Purpose.NEWSLETTERS
GRANTED = ((NEWS, Channel.EMAIL), (NEWS, Channel.POST))
#: What a field gets when the hostile value is refused there but accepted in another field.
ORDINARY = {"last_name": "Témoin", "first_name": "Adresse", "street": "12 rue des Érables", "city": "Québec"}
NAME_FIELDS = ("last_name", "first_name")

CANDIDATES: tuple[str, ...] = tuple(dict.fromkeys(HOSTILE_TEXT + tuple(f"Zoé {v}" for v in HOSTILE_TEXT)))
#: PostgreSQL: one or two of each kind (same rules, another database).
POSTGRES_SAMPLE = (
    '<b>Zoé & "Léa"</b>',
    "%s%s%s%n",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "tab\there",
    "abc\u200fdef",
    "\u200fمرحبا",
    "עברית",
    "👩\u200d⚕️ Zoé",
    "😀" * 50,
    "𝕏𝕐",
    "한국어",
    "Côté-Nguyễn",
    "e\u0301" * 100,
    "'; DROP TABLE clients; --",
    "\\",
    "٤١٨٥٥٥٠١٢٣",
)
#: Every how many acknowledgments pdftotext reads one too (pypdf reads them all).
PDFTOTEXT_EVERY = 4
HYPOTHESIS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- comparison rules ------------------------------------------------------------------------------


def has_glyph(font: str, ch: str) -> bool:
    """Drawn in ``font``, or in the shipped font that has it (a name in Han or Hangul)."""
    fonts.register_fonts()
    return ord(ch) in pdfmetrics.getFont(font).face.charToGlyph or (
        not ch.isspace() and font_for(ch) is not None
    )


def flat(text: str) -> str:
    """Rules 1 and 2: no whitespace, no bidirectional formatting characters."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in BIDI_CONTROLS)


def is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in RTL_CLASSES or any(lo <= ch <= hi for lo, hi in RTL_BLOCKS)


def renders(passage: str, value: str, font: str) -> bool:
    """Whether ``passage``, extracted from a PDF, is ``value`` printed in ``font`` (rules 1 to 4)."""
    wanted = [ch for ch in value if ch not in BIDI_CONTROLS]
    if any(is_rtl(ch) for ch in wanted):
        shown = [ch for ch in wanted if has_glyph(font, ch) and not ch.isspace()]
        # Arabic letters are drawn joined: their contextual forms extract as presentation forms.
        extracted = unicodedata.normalize("NFKC", flat(passage).replace("\x00", ""))
        return Counter(extracted) == Counter(unicodedata.normalize("NFKC", "".join(shown)))
    pattern = "".join(
        re.escape(ch) if has_glyph(font, ch) else "\x00?"
        for ch in wanted
        if not (ch.isspace() and has_glyph(font, ch))
    )
    return re.fullmatch(pattern, flat(passage), re.DOTALL) is not None


def passage(text: str, before: str, after: str) -> str:
    """The text between the first ``before`` and the next ``after`` (both taken flat)."""
    found = re.search(re.escape(flat(before)) + "(.*?)" + re.escape(flat(after)), flat(text), re.DOTALL)
    assert found, f"{before!r} … {after!r} not found"
    return found.group(1)


def pdftotext_raw(pdf: bytes) -> str:
    """pdftotext in content-stream order. Its default mode re-flows the page, and in doing so joins
    a line ending with "-" to the next without the "-" (as if it were a hyphenated word) and moves
    the words on either side of an empty glyph apart: alterations of layout analysis, not of text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        args = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
        return subprocess.run(args, capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def as_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def assert_no_formula(rows: list[list[str]]) -> None:
    bad = [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    assert not bad, f"cells that a spreadsheet would take for formulas: {bad[:5]!r}"


# --- the batch -------------------------------------------------------------------------------------


def typed_errors_only(what: str, value: str, call: Callable[[], T]) -> T:
    """``call()``; anything but a FrontDeskError fails the test, naming the value."""
    try:
        return call()
    except FrontDeskError:
        raise
    except Exception as error:  # noqa: BLE001 - the point is to catch anything untyped
        pytest.fail(f"{what} {value!r}: {type(error).__name__}: {error}")


@dataclass
class Entry:
    value: str
    client: ClientRecord
    #: The fields the value went into (the others hold ORDINARY values).
    fields: frozenset[str]
    ack_id: int = 0

    @property
    def named(self) -> bool:
        return bool(self.fields & set(NAME_FIELDS))

    @property
    def full_name(self) -> str:
        return self.client.full_name


class HostileBatch:
    """Clients carrying hostile values, each with a signed acknowledgment and consent to newsletters
    by email and by post given at the desk."""

    def __init__(self, services, team, folder: Path) -> None:  # type: ignore[no-untyped-def]
        self.services = services
        self.team = team
        self.folder = folder
        self.entries: list[Entry] = []
        self.refused: list[str] = []
        self._numbers = itertools.count(1)

    @property
    def named(self) -> list[Entry]:
        return [e for e in self.entries if e.named]

    def add(self, value: str) -> Entry | None:
        """A client with ``value`` as last name, first name, street and city, wherever it is accepted."""
        services, actor = self.services, self.team.receptionist
        fields = set(ORDINARY)
        if not typed(value):
            fields -= {"street", "city"}  # accepted there as "no address": nothing to print or export
        number = next(self._numbers)
        while fields:
            draft = ClientDraft(
                **{f: value if f in fields else ORDINARY[f] for f in ORDINARY},  # type: ignore[arg-type]
                date_of_birth=DATE_OF_BIRTH,
                postal_code="G1S 2L6",
                email=f"client{number}@example.com",
            )
            before = row_counts(services)
            try:
                record = typed_errors_only(
                    "creating a client with",
                    value,
                    lambda draft=draft: services.clients.create(actor, draft, confirm_duplicate=True),
                )
            except ValidationError as error:
                assert_clear(error)
                assert row_counts(services) == before, f"refusing {value!r} left rows behind"
                refused = {e.field for e in error.errors}
                assert refused and refused <= fields, (value, refused)
                fields -= refused
                continue
            for field in ORDINARY:
                assert getattr(record, field) == (typed(value) if field in fields else ORDINARY[field])
            entry = Entry(value, record, frozenset(fields))
            self.entries.append(entry)
            return entry
        self.refused.append(value)
        return None

    def sign(self, entry: Entry) -> None:
        result = typed_errors_only(
            "signing for",
            entry.value,
            lambda: book(self.services, self.team.receptionist, entry.client.id, granted=GRANTED),
        )
        assert result.acknowledgment is not None and result.acknowledgment.has_document
        entry.ack_id = result.acknowledgment.id

    def add_and_sign(self, values: Iterable[str]) -> None:
        for value in values:
            entry = self.add(value)
            if entry is not None:
                self.sign(entry)

    # --- the acknowledgment PDF --------------------------------------------------------------------

    def check_acknowledgment(self, entry: Entry, *, with_pdftotext: bool) -> None:
        pdf = typed_errors_only(
            "reading the acknowledgment of",
            entry.value,
            lambda: self.services.documents.acknowledgment_pdf(self.team.receptionist, entry.ack_id, "view"),
        )
        assert pdf.startswith(b"%PDF-")
        texts = {"pypdf": pypdf_text(pdf)}
        if with_pdftotext:
            texts["pdftotext"] = pdftotext_raw(pdf)
        for extractor, text in texts.items():
            found = passage(text, "Nom", f"Date de naissance {DATE_OF_BIRTH.isoformat()}")
            assert renders(found, entry.full_name, fonts.BOLD), (
                f"{extractor}: {entry.value!r} printed as {found!r}"
            )

    def check_acknowledgments(self) -> int:
        named = self.named
        for index, entry in enumerate(named):
            self.check_acknowledgment(entry, with_pdftotext=index % PDFTOTEXT_EVERY == 0)
        return len(named)

    # --- the contact lists -------------------------------------------------------------------------

    def export(self, channel: Channel, delimiter: str) -> dict[str, list[str]]:
        out = self.folder / f"contacts-{channel.value}-{next(self._numbers)}.csv"
        result = typed_errors_only(
            "exporting",
            channel.value,
            lambda: self.services.exports.export_contacts(
                self.team.manager, NEWS, channel, out, delimiter=delimiter
            ),
        )
        data = out.read_bytes()
        assert result.sha256 == hashlib.sha256(data).hexdigest()
        rows = read_csv(data, delimiter)
        assert_no_formula(rows)
        listed = {row[0]: row for row in rows[1:]}
        assert len(listed) == result.row_count == len(rows) - 1
        return listed

    def check_exports(self) -> tuple[int, int]:
        """Names in the email list, streets and cities in the postal list: (names, addresses) checked."""
        by_email = self.export(Channel.EMAIL, ",")
        by_post = self.export(Channel.POST, ";")
        addresses = 0
        for entry in self.entries:
            client = entry.client
            assert by_email[client.file_number] == [
                client.file_number,
                as_cell(client.last_name),
                as_cell(client.first_name),
                "fr",
                client.email,
            ], entry.value
            assert by_post[client.file_number] == [
                client.file_number,
                as_cell(client.last_name),
                as_cell(client.first_name),
                "fr",
                as_cell(client.street),
                as_cell(client.city),
                "QC",
                "G1S 2L6",
            ], entry.value
            addresses += bool(entry.fields & {"street", "city"})
        return len(self.named), addresses

    # --- reports -----------------------------------------------------------------------------------

    def check_reacknowledgment_report(self) -> int:
        """After a new policy version, every client of the batch is listed as having to sign again."""
        publish_new_version(self.services)
        report = typed_errors_only(
            "the re-acknowledgment report with",
            "the batch",
            lambda: self.services.reports.reacknowledgment(self.team.manager, START, END),
        )
        rows = {r.client_id: r for r in report.outdated}
        assert {e.client.id for e in self.entries} <= set(rows)
        pdf = render_report(report, "pdf", Language.FR)
        texts = {"pypdf": pypdf_text(pdf), "pdftotext": pdftotext_raw(pdf)}
        table = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
        assert_no_formula(table)
        listed = {row[0]: row for row in csv_section(table, "Ont signé une version antérieure")[1:]}
        for entry in self.named:
            client, row = entry.client, rows[entry.client.id]
            for extractor, text in texts.items():
                # The row: file number, last name, first name, language, first appointment...
                found = passage(text, client.file_number, f"FR {local_minute(row.first_appointment)}")
                assert renders(found, client.last_name + client.first_name, fonts.REGULAR), (
                    f"{extractor}: {entry.value!r} printed as {found!r}"
                )
            assert listed[client.file_number][1:3] == [as_cell(client.last_name), as_cell(client.first_name)]
        return len(self.named)

    def check_access_log(self, entry: Entry) -> None:
        client = entry.client
        report = typed_errors_only(
            "the access log of",
            entry.value,
            lambda: self.services.reports.access_log(
                self.team.privacy_officer, client.file_number, START, END
            ),
        )
        assert report.client_name == entry.full_name
        shown = f"{entry.full_name} ({client.file_number})"
        pdf = render_report(report, "pdf", Language.FR)
        for extractor, text in {"pypdf": pypdf_text(pdf), "pdftotext": pdftotext_raw(pdf)}.items():
            found = passage(text, "Client", f"Accès {report.row_count} Ouverture")
            assert renders(found, shown, fonts.BOLD), f"{extractor}: {entry.value!r} printed as {found!r}"
        rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
        assert_no_formula(rows)
        assert csv_figure(rows, "Client") == as_cell(shown)


def publish_new_version(services) -> None:  # type: ignore[no-untyped-def]
    text = "Politique de confidentialité, version 2026.\n"
    with services.db.session(write=True) as session, session.begin():
        session.execute(
            insert(PolicyVersion),
            [
                dict(
                    version="2026-06-01",
                    language=language,
                    effective_date=START,
                    text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    loaded_at=services.clock.now(),
                )
                for language in Language
            ],
        )


# --- the tests -------------------------------------------------------------------------------------


def test_rules_are_narrow():
    """The comparison rules let through what extraction does to a value, and nothing more."""
    assert renders("Zoé\nCôté", "Zoé Côté", fonts.BOLD)
    assert not renders("Zoé Coté", "Zoé Côté", fonts.BOLD)
    assert not renders("Zoé Côté Tremblay", "Zoé Côté", fonts.BOLD)
    assert not renders("Zoé Côté", "=Zoé Côté", fonts.BOLD)
    assert renders("\x00 Zoé", "🏥 Zoé", fonts.BOLD) and renders(" Zoé", "🏥 Zoé", fonts.BOLD)
    assert not renders("\x00\x00 Zoé", "🏥 Zoé", fonts.BOLD) and not renders("x Zoé", "🏥 Zoé", fonts.BOLD)
    assert renders("abc\u202b\u200f\u202cdef", "abc\u200fdef", fonts.BOLD)
    assert not renders("abcfed", "abc\u200fdef", fonts.BOLD)
    assert renders("\u202bابحرم\u200f ابحرم\u200f\u202c", "\u200fمرحبا \u200fمرحبا", fonts.BOLD)
    assert not renders("ابحر", "مرحبا", fonts.BOLD)
    assert not renders("😀", "𝕏", fonts.BOLD)  # both have glyphs: no wildcard
    assert as_cell("=1+1") == "'=1+1" and as_cell("a=1") == "a=1" and as_cell("'x") == "'x"


def test_hostile_names_and_addresses_in_pdf_and_csv(services, team, tmp_path):
    on_sqlite = services.db.dialect == "sqlite"
    values = CANDIDATES if on_sqlite else POSTGRES_SAMPLE
    assert set(POSTGRES_SAMPLE) <= set(HOSTILE_TEXT)
    batch = HostileBatch(services, team, tmp_path)
    batch.add_and_sign(values)

    printed = batch.check_acknowledgments()
    exported, addresses = batch.check_exports()
    reported = batch.check_reacknowledgment_report()
    longest = sorted(batch.named, key=lambda e: -len(e.full_name))[:5]
    for entry in longest + batch.named[:: 12 if on_sqlite else 4]:
        batch.check_access_log(entry)

    assert len(batch.entries) + len(batch.refused) == len(values)
    assert printed == exported == reported == len(batch.named)
    distinct = {e.value for e in batch.named}
    stored = {(e.client.last_name, e.client.first_name) for e in batch.named}
    if on_sqlite:
        # Both kinds of outcome are well represented, and at least 200 distinct values (200 distinct
        # stored names) went through the client service, the acknowledgment PDF and the CSV export.
        assert len(distinct) >= 200 and len(stored) >= 200, (len(distinct), len(stored))
        assert len(batch.refused) >= 40 and addresses >= 200
        assert any(v.startswith(FORMULA_STARTS) for v in distinct)
        assert any(any(is_rtl(ch) for ch in v) for v in distinct)
        assert any(not has_glyph(fonts.BOLD, ch) for v in distinct for ch in v)
    else:
        assert len(distinct) >= 15


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@HYPOTHESIS
@given(value=hostile_text())
def test_generated_names_in_pdf_and_csv(services, team, tmp_path, value):
    batch = HostileBatch(services, team, tmp_path)
    batch.add_and_sign([value])
    if not batch.entries:
        return
    (entry,) = batch.entries
    if entry.named:
        batch.check_acknowledgment(entry, with_pdftotext=True)
        batch.check_access_log(entry)
    batch.check_exports()


def test_values_are_refused_field_by_field(services, team, tmp_path):
    batch = HostileBatch(services, team, tmp_path)
    assert batch.add("a\x00b") is None and batch.refused == ["a\x00b"]
    entry = batch.add("a" * 150)  # too long for a name, not for a street
    assert entry is not None and entry.fields == {"street"}
    assert (entry.client.last_name, entry.client.street) == (ORDINARY["last_name"], "a" * 150)
    # 100 characters fit a first name and a last name, but not both: the client signs for
    # themselves as "First Last", which has room for 200.
    entry = batch.add("b" * 100)
    assert entry is not None and entry.fields == {"first_name", "street", "city"}
    with pytest.raises(ValidationError) as refused:
        services.clients.create(team.receptionist, ClientDraft("b" * 100, "b" * 100, DATE_OF_BIRTH))
    assert [(e.field, e.code, e.params) for e in refused.value.errors] == [
        ("last_name", "too_long", {"max": 99})
    ]
