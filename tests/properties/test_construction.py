"""Building a model object in Python: a wrong value is refused where it is, as a DataError."""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal
from enum import Enum

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from property_helpers import fewer, strategies_by_class

from hankemalli import DataError, Dataset
from hankemalli.testing import strategies as hs

CLASSES = strategies_by_class()


def held_type(cls: type, name: str) -> object:
    """The type a field holds, ``None`` left out, ``tuple`` for any tuple."""
    hint = typing.get_type_hints(cls)[name]
    if typing.get_origin(hint) is tuple:
        return tuple
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return args[0] if args else hint


def wrong_values(kind: object) -> list[object]:
    """Values of the wrong type for a field holding ``kind``; none of them is ``None``."""
    if kind is pendulum.Date:
        # A date-time and ISO text are refused. A plain ``datetime.date`` is not a wrong
        # type: building in Python accepts it and keeps a pendulum Date (friendly
        # construction, tests/model/test_construction.py); a date-time is not a date.
        return [
            pendulum.datetime(2016, 2, 29),
            dt.datetime(2016, 2, 29, 12, 0),  # a naive date-time, refused
            "2016-02-29",
        ]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return [next(iter(kind)).value, 1]  # the code as plain text is not the code
    if kind is bool:
        return [1, "true"]
    if kind is int:
        return [True, 30.0, "30"]
    if kind is Decimal:
        return [0.5, "0.5"]
    if kind is tuple:
        return ["text", {1: 2}]  # a list is accepted (kept as a tuple), text is not
    if kind is str:
        return [42, b"bytes"]
    return ["text", {}]  # another model object


FIELDS = [(cls, field.name) for cls in CLASSES for field in attrs.fields(cls)]
# What a type problem says: a value of the wrong type, a code as plain text, or an
# unknown code or identifier.
TYPE_PROBLEM = re.compile(r"^(expected|unknown|not a valid|give the code list member)")


@pytest.mark.parametrize(
    ("cls", "name"), FIELDS, ids=[f"{cls.__name__}.{name}" for cls, name in FIELDS]
)
@fewer(10)
@given(data=st.data())
def test_a_wrong_type_is_refused_at_its_field(cls: type, name: str, data: st.DataObject) -> None:
    obj = data.draw(CLASSES[cls])
    wrong = data.draw(st.sampled_from(wrong_values(held_type(cls, name))))
    with pytest.raises(DataError) as caught:
        attrs.evolve(obj, **{name: wrong})
    found = [p for p in caught.value.details if p.path == (name,)]
    assert any(TYPE_PROBLEM.match(p.message) for p in found), caught.value.problems


@given(hs.datasets(max_participants=3), hs.pseudonyms())
def test_a_dataset_finds_each_record_by_its_pseudonym(dataset: Dataset, other: str) -> None:
    for record in dataset.participants:
        assert dataset.participant(record.id) is record
    if other not in {record.id for record in dataset.participants}:
        with pytest.raises(KeyError) as caught:
            dataset.participant(other)
        assert caught.value.args == (other,)
