"""The quick answers the model gives for the common case say exactly what the full checks say.

The reader's fast path (``serialization._fast``) asks the model's rules of every
object of every record, so the rules answer the common case (nothing wrong) without
a generator: a pseudonym that is fine, ids that are all different, a record whose
dates all lie inside the programme, a converter that keeps a value of its field's
type as it is. Each quick answer is stated here against the full check it stands
in front of, over the project's own strategies and the edges each one turns on.
"""

from __future__ import annotations

import contextlib
from typing import Any

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset, Participation, Programme
from hankemalli.model._checks import all_different, duplicates
from hankemalli.model._construction import PASSES_MODEL_VALUES, as_date, as_tuple
from hankemalli.model._dataset import _inside, all_inside_programme, inside_programme_problems
from hankemalli.model._pseudonym import _pseudonym_problems, pseudonym_problems
from hankemalli.testing import strategies as hs

IDENTITY_CODE = "131052-308T"

_IDS = st.one_of(
    hs.pseudonyms(),
    st.text(max_size=70),
    st.sampled_from(
        (
            IDENTITY_CODE,
            f"K-{IDENTITY_CODE}",
            "131052-308",  # ten characters: too short to be an identity code
            "ab@example.fi",
            "+358401234567",
            "040 123 4567",
            "K-0001",
            "x" * 64,
            "x" * 65,
            "-K",
            "K 1",
            "１３１０５２-３０８Ｔ",  # fullwidth: an identity code in its NFKC form
        )
    ),
    st.integers(),
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(_IDS)
def test_a_pseudonym_is_judged_the_same_quickly_or_in_full(value: Any) -> None:
    # The quick answer (nothing wrong) is given exactly when the full check finds nothing.
    assert list(pseudonym_problems("id", value)) == list(_pseudonym_problems("id", value))


def test_a_pseudonym_holding_an_identity_code_is_still_refused() -> None:
    assert [p.code for p in pseudonym_problems("id", IDENTITY_CODE)] == ["pseudonym.identity_code"]
    assert [p.code for p in pseudonym_problems("id", "１３１０５２-３０８Ｔ")] == [
        "pseudonym.identity_code"
    ]
    assert list(pseudonym_problems("id", "K-0001")) == []


_VALUES = st.lists(
    st.one_of(st.sampled_from(("e0", "e1", "e2")), st.integers(0, 3), st.lists(st.integers())),
    max_size=6,
)


@given(_VALUES)
def test_all_different_is_true_exactly_when_duplicates_finds_none(values: list[Any]) -> None:
    found = list(duplicates(enumerate(values)))
    if all_different(values):
        assert found == []
    # An unhashable value makes the quick answer False: duplicates() then looks.
    if all(not isinstance(v, list) for v in values):
        assert all_different(values) == (found == [])


def test_repeated_episode_ids_are_still_found() -> None:
    assert not all_different(["e0", "e1", "e0"])
    assert all_different(["e0", "e1"])
    assert not all_different([["unhashable"], "e0"])


@st.composite
def _records_and_programmes(draw: st.DrawFn) -> tuple[Programme, Participation]:
    """A record under its own programme or another one, often partly outside it."""
    dataset = draw(hs.datasets(min_participants=1, max_participants=2))
    record = draw(st.sampled_from(dataset.participants))
    programme = draw(st.one_of(st.just(dataset.programme), hs.programmes()))
    if draw(st.booleans()):
        # Move the programme's end to a day of the record (inside, at the edge or past it).
        days = [p.entry for p in record.periods] + [e.start for e in record.episodes]
        day = draw(st.sampled_from(days))
        shift = draw(st.integers(-1, 1))
        with contextlib.suppress(DataError):  # an end the programme cannot have
            programme = attrs.evolve(programme, end=day.add(days=shift))
    return programme, record


@settings(max_examples=150, deadline=None)
@given(_records_and_programmes())
def test_all_inside_programme_is_true_exactly_when_no_date_is_outside(
    case: tuple[Programme, Participation],
) -> None:
    programme, record = case
    problems = list(_inside(programme, record))  # the full check, date by date
    assert all_inside_programme(programme, record) == (problems == [])
    found = list(inside_programme_problems(programme, [(3, record)]))
    assert found == [p.under("participants", 3) for p in problems]


def _objects(value: Any) -> list[Any]:
    """Every attrs object in ``value``, itself included, depth first."""
    if attrs.has(type(value)):
        found = [value]
        for f in attrs.fields(type(value)):
            found += _objects(getattr(value, f.name))
        return found
    if isinstance(value, tuple):
        return [obj for item in value for obj in _objects(item)]
    return []


@settings(max_examples=40, deadline=None)
@given(st.one_of(hs.datasets(max_participants=3), hs.assessed_datasets()))
def test_a_converter_marked_so_keeps_a_value_of_its_fields_type_as_it_is(
    dataset: Dataset,
) -> None:
    # The fast reader does not call these converters on what it reads: they must give
    # back the very value they are given when it is already of the field's type.
    seen = set()
    for obj in _objects(dataset):
        for f in attrs.fields(type(obj)):
            if f.converter in PASSES_MODEL_VALUES:
                value = getattr(obj, f.name)
                assert f.converter(value) is value, (type(obj).__name__, f.name)
                seen.add(f.converter)
    assert as_tuple in seen or as_date in seen or not dataset.participants


def test_the_marked_converters_still_convert_what_python_code_gives() -> None:
    import datetime as dt

    assert type(as_date(dt.date(2016, 1, 2))) is pendulum.Date
    assert as_tuple([1, 2]) == (1, 2)
