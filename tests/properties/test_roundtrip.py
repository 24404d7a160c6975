"""The JSON form is lossless: reading what was written gives back the same objects."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from property_helpers import assert_same, fewer, strategies_by_class

from hankemalli import Dataset
from hankemalli.serialization import dumps, from_dict, loads, to_dict
from hankemalli.testing import strategies as hs

# Every property here reads with hooks built while it runs (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_converter")

CLASSES = strategies_by_class()


@given(hs.datasets())
def test_loads_of_dumps_is_the_same_dataset(dataset: Dataset) -> None:
    assert_same(dataset, loads(dumps(dataset)))


@given(hs.datasets(max_participants=2))
def test_writing_what_was_read_gives_the_same_text(dataset: Dataset) -> None:
    text = dumps(dataset)
    assert dumps(loads(text)) == text


@pytest.mark.parametrize("cls", list(CLASSES), ids=lambda cls: cls.__name__)
@fewer(4)
@given(data=st.data())
def test_every_class_round_trips_through_its_json_form(cls: type, data: st.DataObject) -> None:
    obj = data.draw(CLASSES[cls])
    assert_same(obj, from_dict(to_dict(obj), cls))
    assert_same(obj, loads(dumps(obj), cls))
