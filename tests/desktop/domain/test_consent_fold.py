"""The consent fold: the latest event per purpose and channel wins; no event means no consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.consent import fold_consent
from desktop.domain.enums import Channel, ConsentAction, Purpose

T0 = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Event:
    purpose: Purpose
    channel: Channel
    action: ConsentAction
    recorded_at: datetime
    sequence: int


def test_no_event_means_no_consent_in_every_cell() -> None:
    grid = fold_consent([])
    assert len(grid) == len(Purpose) * len(Channel)
    assert all(not cell.granted and cell.event is None for cell in grid.values())


def test_latest_event_wins() -> None:
    cell = (Purpose.NEWSLETTERS, Channel.EMAIL)
    granted = Event(*cell, ConsentAction.GRANTED, T0, 1)
    withdrawn = Event(*cell, ConsentAction.WITHDRAWN, T0 + timedelta(minutes=1), 2)
    assert fold_consent([granted])[cell].granted
    assert not fold_consent([granted, withdrawn])[cell].granted
    assert fold_consent([withdrawn, granted])[cell].event == withdrawn  # order given does not matter


def test_same_instant_is_ordered_by_sequence() -> None:
    cell = (Purpose.FEEDBACK, Channel.SMS)
    first = Event(*cell, ConsentAction.GRANTED, T0, 7)
    second = Event(*cell, ConsentAction.WITHDRAWN, T0, 8)
    assert fold_consent([second, first])[cell].event == second


def test_cells_are_independent() -> None:
    events = [Event(Purpose.NEWSLETTERS, Channel.EMAIL, ConsentAction.GRANTED, T0, 1)]
    grid = fold_consent(events)
    assert [cell for cell, state in grid.items() if state.granted] == [(Purpose.NEWSLETTERS, Channel.EMAIL)]


events_strategy = st.lists(
    st.tuples(
        st.sampled_from(list(Purpose)),
        st.sampled_from(list(Channel)),
        st.sampled_from(list(ConsentAction)),
        st.integers(0, 50),
    ),
    max_size=60,
)


@given(events_strategy, st.randoms())
def test_fold_matches_the_last_answer_per_cell_whatever_the_order(raw, random) -> None:  # type: ignore[no-untyped-def]
    events = [
        Event(purpose, channel, action, T0 + timedelta(minutes=minute), sequence)
        for sequence, (purpose, channel, action, minute) in enumerate(raw)
    ]
    expected: dict[tuple[Purpose, Channel], Event] = {}
    for event in sorted(events, key=lambda e: (e.recorded_at, e.sequence)):
        expected[(event.purpose, event.channel)] = event
    shuffled = list(events)
    random.shuffle(shuffled)
    grid = fold_consent(shuffled)
    for cell, state in grid.items():
        last = expected.get(cell)
        assert state.event == last
        assert state.granted == (last is not None and last.action == ConsentAction.GRANTED)
