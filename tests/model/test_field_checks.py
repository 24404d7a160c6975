"""The checks of a field on its own judge its type only; every other check is a rule.

The participation and every object of a record (participant, periods, entry
profile, service episodes, situation spells, exit situation, outcome events) split
their checks in two: ``_field_problems`` (each field's type: a code of its
list, a yes or no, a date in the model's years, the model's objects) and
``_rule_problems`` (everything else: across fields, and on a text's or number's value).
The reader's fast path (``serialization._fast``) proves the first by construction
and runs only the second, so a rule about a value placed among the field checks
would be skipped there. These properties state the split: any values of the right
types pass the field checks, however they combine, and ``_problems`` is exactly the
field checks followed by the rules.
"""

from __future__ import annotations

import datetime as dt
import typing
from enum import Enum
from typing import Any

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import (
    EVENT_TAGS,
    SITUATION_TAGS,
    EntryProfile,
    ExitSituation,
    Participant,
    Participation,
    ParticipationPeriod,
    ServiceEpisode,
)
from hankemalli.model import CODE_LISTS
from hankemalli.testing import strategies as hs

SPLIT = (
    EntryProfile,
    ParticipationPeriod,
    Participation,
    Participant,
    ServiceEpisode,
    ExitSituation,
    *SITUATION_TAGS.values(),
    *EVENT_TAGS.values(),
)

_DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(
    lambda day: pendulum.date(day.year, day.month, day.day)
)


def _values_of(kind: Any) -> st.SearchStrategy[Any]:
    """Any value of type ``kind``, of a kind whose field check judges the type only."""
    args = typing.get_args(kind)
    if type(None) in args and len(args) == 2:
        inner = next(arg for arg in args if arg is not type(None))
        return st.none() | _values_of(inner)
    if kind in CODE_LISTS:
        enum: type[Enum] = kind
        return st.sampled_from(list(enum))
    if kind is bool:
        return st.booleans()
    if kind is pendulum.Date:
        return _DAYS
    if kind is str:
        return st.text(max_size=12) | st.sampled_from(("", " ", "131052-308T", "e0"))
    if kind is int:
        return st.integers(-(10**6), 10**6)
    raise AssertionError(f"no values for {kind!r}")


def _unchecked(cls: type, values: dict[str, Any]) -> Any:
    """An object of ``cls`` holding ``values``, its constructor's checks not run."""
    obj = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


@st.composite
def _any_fields(draw: st.DrawFn, cls: type) -> Any:
    fields = attrs.fields(attrs.resolve_types(cls))
    return _unchecked(cls, {f.name: draw(_values_of(f.type)) for f in fields})


@st.composite
def _mixed_participations(draw: st.DrawFn) -> Any:
    """A participation whose fields come from two records: the right types, any values."""
    first, second = draw(hs.participations()), draw(hs.participations())
    names = [f.name for f in attrs.fields(Participation)]
    values = {name: getattr(draw(st.sampled_from((first, second))), name) for name in names}
    return _unchecked(Participation, values)


_OBJECTS = st.one_of(
    *(_any_fields(cls) for cls in SPLIT if cls is not Participation), _mixed_participations()
)


@settings(max_examples=150, deadline=None)
@given(_OBJECTS)
def test_field_checks_judge_only_each_fields_type(obj: Any) -> None:
    assert list(obj._field_problems()) == []


@settings(max_examples=150, deadline=None)
@given(_OBJECTS)
def test_the_checks_are_the_field_checks_then_the_rules(obj: Any) -> None:
    assert list(obj._problems()) == [*obj._field_problems(), *obj._rule_problems()]


def test_a_rule_across_fields_is_found_by_the_rules_alone() -> None:
    # The example the split is for: an exit before the entry is a rule, not a type.
    period = _unchecked(
        ParticipationPeriod,
        {
            "entry": pendulum.date(2016, 5, 2),
            "exit": pendulum.date(2016, 5, 1),
            "exit_reason": None,
        },
    )
    assert list(period._field_problems()) == []
    assert [p.code for p in period._rule_problems()] == ["period.exit_before_entry"]


def test_every_split_class_is_one_the_fast_reader_builds_by_its_rules() -> None:
    from hankemalli.serialization import _fast

    for cls in SPLIT:
        fields = [f for f in attrs.fields(cls) if f.init]
        assert _fast._by_rules_alone(cls, fields), cls.__name__
