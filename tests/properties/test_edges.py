"""The edge cases of the domain come up often, not by luck.

Each test searches up to 2,000 examples for a case (no shrinking: the first one
found is enough) and fails if none comes up: an edge that rare would go untested.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import Phase, find, settings
from hypothesis.strategies import SearchStrategy
from property_helpers import all_dates

from hankemalli import (
    Answer,
    Dataset,
    Education,
    Employment,
    LabourMarketStatus,
    Participation,
)
from hankemalli.testing import strategies as hs

SEARCH = settings(max_examples=2000, phases=[Phase.generate], database=None, deadline=None)


def found(strategy: SearchStrategy[object], condition: Callable[[object], bool]) -> None:
    find(strategy, condition, settings=SEARCH)  # raises NoSuchExample if never found


def events_after_exit(record: Participation) -> set[int]:
    """How many days after the last exit each event is dated."""
    exit = record.last_exit
    return set() if exit is None else {(e.date - exit).in_days() for e in record.events}


def jobs_after_exit(record: Participation) -> set[int]:
    """How many days after the last exit each employment spell starts."""
    exit = record.last_exit
    if exit is None:
        return set()
    return {(s.start - exit).in_days() for s in record.situations if isinstance(s, Employment)}


def spell_ending_before_exit(record: Participation) -> bool:
    exit = record.last_exit
    return exit is not None and any(s.end is not None and s.end < exit for s in record.situations)


def has_event_on(record: Participation, months: int, days: int) -> bool:
    exit = record.last_exit
    return exit is not None and any(
        e.date == exit.add(months=months, days=days) for e in record.events
    )


def test_a_dataset_with_a_leap_day_and_a_reentry() -> None:
    def wanted(dataset: Dataset) -> bool:
        leap = any(day.month == 2 and day.day == 29 for day in all_dates(dataset))
        return leap and any(record.is_reentry for record in dataset.participants)

    found(hs.datasets(), wanted)


def test_a_reentry_on_the_day_after_an_exit() -> None:
    found(
        hs.participations(),
        lambda r: any(a.exit.add(days=1) == b.entry for a, b in itertools.pairwise(r.periods)),
    )


@pytest.mark.parametrize(
    ("name", "condition"),
    [
        ("same-day stay", lambda r: any(p.exit == p.entry for p in r.periods)),
        ("same-day episode", lambda r: any(e.end == e.start for e in r.episodes)),
        ("ongoing episode", lambda r: any(e.is_open for e in r.episodes)),
        ("event on the exit day", lambda r: 0 in events_after_exit(r)),
        ("event on the 28th day after exit", lambda r: 28 in events_after_exit(r)),
        ("event on the 29th day after exit", lambda r: 29 in events_after_exit(r)),
        ("event six months after exit", lambda r: has_event_on(r, 6, 0)),
        ("event a day past six months", lambda r: has_event_on(r, 6, 1)),
        ("refused sensitive answer", lambda r: Answer.REFUSED in vars_of(r.profile)),
        (
            "employment via a real episode",
            lambda r: any(getattr(s, "via_episode", None) for s in r.situations),
        ),
        ("spell begun before entry", lambda r: any(s.start < r.first_entry for s in r.situations)),
        ("open spell of a leaver", lambda r: r.last_exit and any(s.is_open for s in r.situations)),
        ("spell ended before exit", spell_ending_before_exit),
        ("job begun on the exit day", lambda r: 0 in jobs_after_exit(r)),
        ("job begun on the 28th day after exit", lambda r: 28 in jobs_after_exit(r)),
        ("job begun on the 29th day after exit", lambda r: 29 in jobs_after_exit(r)),
        (
            "own training",
            lambda r: any(isinstance(s, Education) and s.own_training for s in r.situations),
        ),
        ("recorded exit situation", lambda r: r.exit_situation is not None),
        ("leaver without one", lambda r: r.last_exit and r.exit_situation is None),
        (
            "recorded employed upon leaving",
            lambda r: r.exit_situation is not None and r.exit_situation.status.in_employment,
        ),
        (
            "recorded in education upon leaving",
            lambda r: r.exit_situation is not None and r.exit_situation.in_education,
        ),
    ],
)
def test_participation_edges(name: str, condition: Callable[[Participation], bool]) -> None:
    found(hs.participations(), condition)


def vars_of(obj: object) -> list[object]:
    return [getattr(obj, name) for name in obj.__slots__ if not name.startswith("__")]


@pytest.mark.parametrize("months", [6, 12])
@pytest.mark.parametrize("days", [-1, 0, 1])
def test_unemployment_just_under_at_and_over_the_limits(months: int, days: int) -> None:
    def wanted(record: Participation) -> bool:
        since = record.profile.unemployed_since
        limit = record.first_entry.subtract(months=months).add(days=days)
        return (
            record.profile.labour_market_status is LabourMarketStatus.UNEMPLOYED and since == limit
        )

    found(hs.participations(), wanted)


@pytest.mark.parametrize("age", hs.AGE_EDGES)
def test_ages_at_the_limits(age: int) -> None:
    found(hs.participants(), lambda p: p.age_at_entry == age)
