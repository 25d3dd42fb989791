"""The access-request rules without a database: due 30 calendar days after receipt (s. 32), whatever the
weekday, month or year; overdue only once the due day has passed and only while open; the draft's
limits."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from desktop.domain.access_requests import (
    MAX_CONTACT,
    MAX_NOTE,
    MAX_REQUESTER_NAME,
    AccessRequestDraft,
    AccessRequestRecord,
    AccessRequestStatus,
    due_date,
    validate_draft,
)
from desktop.domain.errors import ValidationError
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestKind

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 1, 31), date(2026, 3, 2)),  # across a 28-day February
        (date(2028, 1, 31), date(2028, 3, 1)),  # a leap year
        (date(2026, 12, 15), date(2027, 1, 14)),  # across the year
        (date(2026, 11, 21), date(2026, 12, 21)),  # a Saturday: calendar days, no business-day shift
    ],
)
def test_due_thirty_calendar_days_after_receipt(received: date, due: date) -> None:
    assert due_date(received) == due


def record(**more: object) -> AccessRequestRecord:
    values: dict[str, object] = dict(
        id=1,
        uid=uuid.uuid4(),
        kind=AccessRequestKind.ACCESS,
        channel=AccessRequestChannel.POST,
        received_on=date(2026, 10, 25),
        due_on=date(2026, 11, 24),
        requester_name="X",
        requester_contact="",
        note="",
        logged_by="Amélie",
        logged_at=datetime(2026, 10, 26, tzinfo=UTC),
        client_id=None,
        file_number=None,
    )
    values.update(more)
    return AccessRequestRecord(**values)  # type: ignore[arg-type]


def test_overdue_after_the_due_day_and_only_while_open() -> None:
    open_request = record()
    assert open_request.status == AccessRequestStatus.OPEN
    assert not open_request.overdue_on(TODAY) and open_request.days_left(TODAY) == 0
    assert open_request.overdue_on(date(2026, 11, 25)) and open_request.days_left(date(2026, 11, 27)) == -3
    refused = record(refused_at=datetime(2026, 11, 30, tzinfo=UTC), refusal_reason="r")
    assert refused.status == AccessRequestStatus.REFUSED and not refused.overdue_on(date(2026, 12, 30))
    answered = record(answered_at=datetime(2026, 11, 2, tzinfo=UTC))
    assert answered.status == AccessRequestStatus.ANSWERED and not answered.is_open
    # Late once closed on a day after the due day (the day as read where the clinic is), never while open.
    assert refused.closed_late and not answered.closed_late and not open_request.closed_late
    on_the_day = record(answered_at=datetime(2026, 11, 24, 12, tzinfo=UTC))
    assert not on_the_day.closed_late and record(answered_at=datetime(2026, 11, 26, tzinfo=UTC)).closed_late


def test_limits_and_cleaning() -> None:
    draft = AccessRequestDraft(
        AccessRequestKind.RECTIFICATION, AccessRequestChannel.PHONE, TODAY, "  Zoe\u0301 Côté  ", " 418 ", ""
    )
    clean = validate_draft(draft, TODAY)
    assert clean.requester_name == "Zoé Côté" and clean.requester_contact == "418" and clean.uid == draft.uid
    long = AccessRequestDraft(
        AccessRequestKind.ACCESS,
        AccessRequestChannel.EMAIL,
        date(2000, 1, 1),
        "n" * (MAX_REQUESTER_NAME + 1),
        "c" * (MAX_CONTACT + 1),
        "t" * (MAX_NOTE + 1),
    )
    with pytest.raises(ValidationError) as refused:
        validate_draft(long, TODAY)
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("requester_name", "too_long"),
        ("requester_contact", "too_long"),
        ("note", "too_long"),
    }
    with pytest.raises(ValidationError) as control:
        validate_draft(
            AccessRequestDraft(AccessRequestKind.ACCESS, AccessRequestChannel.EMAIL, TODAY, "A\x00B"), TODAY
        )
    assert control.value.errors[0].code == "invalid_characters"
