"""A frame's columns are read off the model's classes: each field's kind from its type."""

from __future__ import annotations

import pendulum
import pytest
from attrs import frozen

import hankemalli as h
from hankemalli.frames._columns import Kind, columns_of, union_of


@frozen
class Every:
    code: h.Gender
    text: str | None
    day: pendulum.Date
    flag: bool | None
    count: int
    share: float | None


@frozen
class Other:
    names: tuple[str, ...] = ()


@frozen
class Nested:
    who: h.Participant


@frozen
class Clash:
    code: int


def test_each_field_type_has_its_kind_in_declaration_order() -> None:
    assert columns_of(Every) == (
        ("code", Kind.TEXT),
        ("text", Kind.TEXT),
        ("day", Kind.DATE),
        ("flag", Kind.BOOLEAN),  # a bool is not counted as a whole number
        ("count", Kind.INTEGER),
        ("share", Kind.NUMBER),
    )


def test_fields_may_be_left_out() -> None:
    assert [name for name, _ in columns_of(Every, leave_out=("text", "share"))] == [
        "code",
        "day",
        "flag",
        "count",
    ]


def test_a_field_with_no_column_kind_is_refused_naming_it() -> None:
    with pytest.raises(TypeError, match=r"Other\.names: no column kind"):
        columns_of(Other)


def test_a_nested_object_is_no_column() -> None:
    with pytest.raises(TypeError, match=r"Nested\.who: no column kind"):
        columns_of(Nested)


def test_a_name_of_two_kinds_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Clash\.code is integer, elsewhere text"):
        union_of([Every, Clash])


def test_every_entry_profile_field_is_a_participant_column() -> None:
    from attrs import fields

    from hankemalli.frames import PARTICIPANT_COLUMNS

    names = [name for name, _ in PARTICIPANT_COLUMNS]
    assert len(names) == len(set(names))
    profile = [f.name for f in fields(h.EntryProfile)]
    start = names.index(profile[0])
    assert names[start : start + len(profile)] == profile
