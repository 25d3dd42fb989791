"""Hostile values through the client, opt-out and acknowledgment services: each one is either refused
with a ValidationError that reads well in French and English, leaving no row behind, or stored and
read back exactly as typed (NFC, trimmed). Nothing else may be raised."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.db.models import Acknowledgment, Base, OptOutRequest
from desktop.domain.dates import read_date
from desktop.domain.enums import Channel, Language, OptOutVia, Purpose, SignerCapacity
from desktop.domain.errors import ValidationError
from desktop.domain.records import ClientDraft, OptOutDraft, SignatureCapture
from desktop.domain.validation import has_forbidden_characters
from tests.desktop.security.hostile_values import (
    DATE_TEXTS,
    DATES,
    HOSTILE_TEXT,
    hostile_text,
)

COUNTED = (
    "clients",
    "client_search_keys",
    "audit_records",
    "appointments",
    "consent_events",
    "opt_out_requests",
    "opt_out_scopes",
    "opt_out_events",
    "acknowledgments",
)
CLIENT_TEXT = ("last_name", "first_name", "street", "city")
CLIENT_FIELDS = (*CLIENT_TEXT, "postal_code", "province", "email", "phone")
OPTOUT_FIELDS = ("requester_name", "requester_phone", "requester_email", "note")
ACK_FIELDS = ("signer_name", "refusal_note")
BASE_CLIENT = ClientDraft("Tremblay", "Zoé", date(1980, 4, 12))
POSTAL_EDGES = ("g1s2l6", " G1S 2L6 ", "G1S-2L6", "Z1S 2L6", "G1S 2L٦", "G١S ٢L٦", "G1S 2L6\n", "G1S  2L6")
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def typed(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def row_counts(services) -> tuple[int, ...]:
    tables = [Base.metadata.tables[name] for name in COUNTED]
    query = select(*[select(func.count()).select_from(t).scalar_subquery() for t in tables])
    with services.db.session(write=False) as session:
        return tuple(session.execute(query).one())


def assert_clear(error: ValidationError) -> None:
    assert error.errors
    for language in (Language.FR, Language.EN):
        assert error.message(language).strip()
        for field_error in error.errors:
            text = field_error.message(language)
            assert text.strip() and text != field_error.code, field_error


class RowWatch:
    """Row counts of every table a refused call could have touched, kept up to date between calls."""

    def __init__(self, services) -> None:  # type: ignore[no-untyped-def]
        self.services = services
        self.counts = row_counts(services)

    def refresh(self) -> None:
        self.counts = row_counts(self.services)

    def refused_or_stored(self, call):  # type: ignore[no-untyped-def]
        """The call's result, or None when it was refused cleanly and left the database as it was."""
        try:
            return call()
        except ValidationError as error:
            assert_clear(error)
            assert row_counts(self.services) == self.counts, "a refused call left rows behind"
            return None


@pytest.fixture
def watch(services) -> RowWatch:
    return RowWatch(services)


# --- clients ---------------------------------------------------------------------------------------


def check_client(watch, actor, draft: ClientDraft, field: str | None = None, value: str = "") -> bool:
    services = watch.services
    record = watch.refused_or_stored(lambda: services.clients.create(actor, draft, confirm_duplicate=True))
    if record is None:
        return False
    stored = services.clients.open(actor, record.id)
    watch.refresh()
    assert stored == record
    if field in CLIENT_TEXT:
        assert getattr(stored, field) == typed(value)
    elif field == "phone":
        assert stored.phone == "" if not value.strip() else re.fullmatch(r"\+[1-9]\d{6,14}", stored.phone)
    elif field == "email":
        assert stored.email == "" if not value.strip() else "@" in stored.email
        assert not has_forbidden_characters(stored.email) and stored.email == stored.email.strip()
    elif field == "postal_code":
        assert stored.postal_code == "" or re.fullmatch(
            r"[A-Z][0-9][A-Z] [0-9][A-Z][0-9]", stored.postal_code
        )
    elif field == "province":
        assert re.fullmatch(r"[A-Z]{2}", stored.province)
    return True


def test_clients_fixed_list(watch, receptionist):
    outcomes = {"stored": 0, "refused": 0}
    for value in HOSTILE_TEXT + POSTAL_EDGES:
        for field in CLIENT_FIELDS:
            ok = check_client(watch, receptionist, replace(BASE_CLIENT, **{field: value}), field, value)
            outcomes["stored" if ok else "refused"] += 1
    for text in DATE_TEXTS:
        # Day first (JJ/MM/AAAA) is one of the forms read: that one is a real date.
        stored = check_client(watch, receptionist, replace(BASE_CLIENT, date_of_birth=read_date(text)))
        assert stored == (text == "31/12/1999"), text
    for day in DATES:
        stored = check_client(watch, receptionist, replace(BASE_CLIENT, date_of_birth=day))
        assert stored == (day == date(1999, 12, 31)), day
    assert outcomes["stored"] > 100 and outcomes["refused"] > 100


@HYPOTHESIS
@given(field=st.sampled_from(CLIENT_FIELDS), value=hostile_text())
def test_clients_generated(watch, receptionist, field, value):
    check_client(watch, receptionist, replace(BASE_CLIENT, **{field: value}), field, value)


def test_postal_codes_are_plain_ascii(watch, receptionist):
    assert check_client(watch, receptionist, replace(BASE_CLIENT, postal_code="g1s2l6"), "postal_code", "")
    assert not check_client(watch, receptionist, replace(BASE_CLIENT, postal_code="G١S ٢L٦"))


# --- opt-outs --------------------------------------------------------------------------------------


def optout_draft(clock, **changes) -> OptOutDraft:
    draft = OptOutDraft(
        OptOutVia.EMAIL,
        clock.today(),
        "Zoé Tremblay",
        purposes=frozenset({Purpose.NEWSLETTERS}),
        channels=frozenset({Channel.EMAIL}),
    )
    return replace(draft, **changes)


def check_optout(watch, actor, draft: OptOutDraft, field: str | None = None, value: str = "") -> bool:
    services = watch.services
    record = watch.refused_or_stored(lambda: services.optouts.log(actor, draft))
    if record is None:
        return False
    watch.refresh()
    stored = services.optouts.get(actor, record.id)
    assert stored == record
    if field:
        assert getattr(stored, field) == typed(value)
        with services.db.session(write=False) as session:
            assert getattr(session.get(OptOutRequest, record.id), field) == typed(value)
    return True


def test_optouts_fixed_list(watch, receptionist, clock):
    for value in HOSTILE_TEXT:
        for field in OPTOUT_FIELDS:
            check_optout(watch, receptionist, optout_draft(clock, **{field: value}), field, value)
    for day in DATES:
        stored = check_optout(watch, receptionist, optout_draft(clock, received_on=day))
        assert not stored or day <= clock.today()


@HYPOTHESIS
@given(field=st.sampled_from(OPTOUT_FIELDS), value=hostile_text())
def test_optouts_generated(watch, receptionist, clock, field, value):
    check_optout(watch, receptionist, optout_draft(clock, **{field: value}), field, value)


# --- acknowledgments -------------------------------------------------------------------------------


@pytest.fixture
def adult(services, receptionist):
    return services.clients.create(receptionist, ClientDraft("Signataire", "Léa", date(1975, 6, 1)))


def check_acknowledgment(watch, actor, client_id: int, **fields: str) -> set[str]:
    """Record a refusal with the hostile values; returns the fields it was refused for."""
    services = watch.services
    capture = SignatureCapture(
        signer_capacity=SignerCapacity.MANDATARY, signer_name="Marie Tremblay", refused=True, refusal_note=""
    )
    capture = replace(capture, **fields)
    record = watch.refused_or_stored(lambda: services.acknowledgments.record(actor, client_id, capture))
    if record is None:
        try:
            services.acknowledgments.record(actor, client_id, capture)
        except ValidationError as error:
            return {e.field for e in error.errors}
        raise AssertionError("refused once, accepted the second time")
    watch.refresh()
    with services.db.session(write=False) as session:
        stored = session.get(Acknowledgment, record.id)
        for field, value in fields.items():
            assert getattr(stored, field) == typed(value)
            assert getattr(record, field) == typed(value)
    return set()


def test_acknowledgments_fixed_list(watch, receptionist, adult):
    """Each value goes into both fields at once; a field refused alongside the other is tried alone
    (each signature renders and stores a PDF, so calls are kept few)."""
    for value in HOSTILE_TEXT:
        refused = check_acknowledgment(watch, receptionist, adult.id, signer_name=value, refusal_note=value)
        if refused:
            for field in set(ACK_FIELDS) - refused:
                check_acknowledgment(watch, receptionist, adult.id, **{field: value})


@HYPOTHESIS
@given(field=st.sampled_from(ACK_FIELDS), value=hostile_text())
def test_acknowledgments_generated(watch, receptionist, adult, field, value):
    check_acknowledgment(watch, receptionist, adult.id, **{field: value})


def test_the_fixed_list_is_long_enough():
    """With the 3 × 40 generated examples per database, well over 200 hostile values go through."""
    assert len(set(HOSTILE_TEXT)) + len(DATES) + len(POSTAL_EDGES) >= 150
    required = {"<script>alert(1)</script>", '=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\x00"}
    assert required <= set(HOSTILE_TEXT)
    assert any("\u202e" in v for v in HOSTILE_TEXT) and any("\u200f" in v for v in HOSTILE_TEXT)
    assert "x" * 10_000 in HOSTILE_TEXT and "'; DROP TABLE clients; --" in HOSTILE_TEXT
