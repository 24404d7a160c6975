"""Rules of the reader (``loads``/``from_dict``) that the other tests left unstated.

Each test names one rule of ``docs/serialization.md`` ("Hostile input", reading
every problem at once) or of the reader's docstrings, and checks it through the
public API where it can be seen there: problems' paths, the stable parts of their
English messages, values read and round trips.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest

from hankemalli import DataError, Dataset, Problem, Programme, format_path
from hankemalli.serialization import dumps, from_dict, loads, read, to_dict, write
from hankemalli.serialization._errors import Found
from hankemalli.serialization._json import MAX_DEPTH, MAX_DIGITS

TOO_DEEP = f"nested more than {MAX_DEPTH} arrays and objects deep"


def error_of(call: Any, *args: Any) -> DataError:
    with pytest.raises(DataError) as caught:
        call(*args)
    return caught.value


def lines(call: Any, *args: Any) -> tuple[str, ...]:
    """The problems ``call(*args)`` raises, each ``path: message``."""
    return error_of(call, *args).problems


def paths(error: DataError) -> list[str]:
    return [format_path(p.path) for p in error.details]


def nested_list(levels: int) -> Any:
    value: Any = 0
    for _ in range(levels):
        value = [value]
    return value


def nested_proxies(levels: int) -> Any:
    """``levels`` read-only mappings, each holding the next under the key ``a``."""
    value: Any = 0
    for _ in range(levels):
        value = MappingProxyType({"a": value})
    return value


def programme_document(build: Any, **changes: Any) -> dict[str, Any]:
    return to_dict(build.programme()) | changes


# Numbers within bounds ------------------------------------------------------------


def test_a_fraction_of_exactly_max_digits_characters_is_read_and_written_back(build):
    text = "1." + "0" * (MAX_DIGITS - 2)
    assert len(text) == MAX_DIGITS
    document = json.loads(dumps(build.dataset()))
    document["programme"]["funders"] = [{"name": "ESR", "kind": "eu", "amount": "X"}]
    written = json.dumps(document).replace('"X"', text)
    dataset = loads(written)
    assert dataset.programme.funders[0].amount == Decimal(text)
    assert loads(dumps(dataset)) == dataset


def test_a_fraction_one_character_past_max_digits_is_refused_at_its_path(build):
    text = "1." + "0" * (MAX_DIGITS - 1)
    document = json.loads(dumps(build.dataset()))
    document["programme"]["funders"] = [{"name": "ESR", "kind": "eu", "amount": "X"}]
    (line,) = lines(loads, json.dumps(document).replace('"X"', text))
    assert line.startswith("$.programme.funders[0].amount: ")
    assert f"{MAX_DIGITS + 1:,} characters" in line


def test_a_decimal_string_of_max_digits_characters_from_python_data_is_read(build):
    text = "1." + "0" * (MAX_DIGITS - 2)
    funder = {"name": "ESR", "kind": "eu", "amount": text}
    programme = from_dict(programme_document(build, funders=[funder]), Programme)
    assert programme.funders[0].amount == Decimal(1)
    too_long = {**funder, "amount": text + "0"}
    (line,) = lines(from_dict, programme_document(build, funders=[too_long]), Programme)
    assert line.startswith("$.funders[0].amount: ")


@pytest.mark.parametrize("field", ["amount", "share"])
def test_a_whole_number_from_python_data_of_more_than_max_digits_digits_is_refused(build, field):
    # 10**MAX_DIGITS is the smallest number with more digits than JSON text may hold.
    funder = {"name": "ESR", "kind": "eu", field: 10**MAX_DIGITS}
    (line,) = lines(from_dict, programme_document(build, funders=[funder]), Programme)
    assert line.startswith(f"$.funders[0].{field}: ")
    assert line.endswith(f"allowed: at most {MAX_DIGITS:,} digits")


def test_a_too_long_whole_number_is_refused_with_its_count_of_digits_when_python_counts_them(
    build,
):
    # An interpreter allowed to write longer numbers (sys.set_int_max_str_digits)
    # still refuses them, and says how long the number is.
    funder = {"name": "ESR", "kind": "eu", "amount": 10**MAX_DIGITS}
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        (line,) = lines(from_dict, programme_document(build, funders=[funder]), Programme)
    finally:
        sys.set_int_max_str_digits(before)
    assert line == (
        f"$.funders[0].amount: a number of {MAX_DIGITS + 1:,} digits; "
        f"allowed: at most {MAX_DIGITS:,} digits"
    )


def test_a_whole_number_from_python_data_of_max_digits_digits_is_read_as_a_number(build):
    record = to_dict(build.participation())
    record["participant"]["age_at_entry"] = 10**MAX_DIGITS - 1
    (line,) = lines(from_dict, record, type(build.participation()))
    assert line.startswith("$.participant.age_at_entry: ")
    assert "allowed: at most" not in line  # read as a number, refused only as an age
    assert "from 0 to 120" in line
    record["participant"]["age_at_entry"] = 10**MAX_DIGITS
    (line,) = lines(from_dict, record, type(build.participation()))
    assert line.endswith(f"allowed: at most {MAX_DIGITS:,} digits")


def test_a_float_from_python_data_reads_as_the_decimal_it_shows(build):
    # 0.1 is only the float nearest to a tenth; it reads as the tenth the writer typed,
    # so shares of 0.1 and 0.9 add up to exactly 1.
    funders = [
        {"name": "ESR", "kind": "eu", "share": 0.1, "amount": 4500.1},
        {"name": "ELY", "kind": "state", "share": 0.9},
    ]
    programme = from_dict(programme_document(build, funders=funders), Programme)
    assert [f.share for f in programme.funders] == [Decimal("0.1"), Decimal("0.9")]
    assert str(programme.funders[0].amount) == "4500.1"
    assert to_dict(programme)["funders"][0]["share"] == "0.1"


@pytest.mark.parametrize("value", [Decimal("Infinity"), Decimal("-Infinity"), float("nan")])
def test_a_decimal_that_is_not_finite_is_refused_and_shown(build, value):
    funder = {"name": "ESR", "kind": "eu", "amount": value}
    (line,) = lines(from_dict, programme_document(build, funders=[funder]), Programme)
    assert line.startswith("$.funders[0].amount: expected a finite decimal number, got ")
    assert str(value).lstrip("-") in line


# Nesting within bounds ----------------------------------------------------------


def test_only_the_first_value_nested_too_deep_is_reported(build):
    document = to_dict(build.dataset())
    document["participants"][0]["notes"] = {"a": nested_list(40), "b": nested_list(40)}
    error = error_of(loads, json.dumps(document))
    deep = [line for line in error.problems if TOO_DEEP in line]
    # The dataset is at depth 1, the array under "a" at depth 5: its item at 4 + 29 = 33.
    assert len(deep) == 1
    assert deep[0].startswith("$.participants[0].notes.a" + "[0]" * (MAX_DEPTH - 4) + ": ")


def test_a_repeated_key_after_a_value_nested_too_deep_is_still_reported(build):
    text = dumps(build.dataset()).replace(
        '"schema_version": 2,',
        f'"deep": {json.dumps(nested_list(40))}, "x": {{"k": 1, "k": 2}}, "schema_version": 2,',
        1,
    )
    found = paths(error_of(loads, text))
    assert "$.x.k" in found
    assert sum(path.startswith("$.deep[0]") for path in found) == 1


def test_nesting_is_counted_the_same_in_any_mapping_given_to_from_dict():
    # MAX_DEPTH read-only mappings are as deep as a document may go ...
    at_limit = error_of(from_dict, nested_proxies(MAX_DEPTH), Dataset)
    assert not any(TOO_DEEP in line for line in at_limit.problems)
    # ... one more is too deep, reported at the path of its keys.
    too_deep = error_of(from_dict, nested_proxies(MAX_DEPTH + 1), Dataset)
    (line,) = [line for line in too_deep.problems if TOO_DEEP in line]
    assert line.startswith("$" + ".a" * MAX_DEPTH + ": ")


def test_nesting_is_counted_the_same_in_tuples_given_to_from_dict():
    def nested_tuple(levels: int) -> Any:
        value: Any = 0
        for _ in range(levels):
            value = (value,)
        return value

    at_limit = error_of(from_dict, {"participants": nested_tuple(MAX_DEPTH - 1)}, Dataset)
    assert not any(TOO_DEEP in line for line in at_limit.problems)
    too_deep = error_of(from_dict, {"participants": nested_tuple(MAX_DEPTH)}, Dataset)
    (deep,) = [p for p in too_deep.details if TOO_DEEP in p.message]
    # A tuple's indices stay numbers, as a list's: $.participants[0][0]..., not ['0'].
    assert deep.path == ("participants", *[0] * (MAX_DEPTH - 1))
    (line,) = [line for line in too_deep.problems if TOO_DEEP in line]
    assert line.startswith("$.participants" + "[0]" * (MAX_DEPTH - 1) + ": ")


def test_the_path_of_a_value_too_deep_for_the_parser_counts_items_after_an_object():
    # Deeper than the json module can parse: the path is found by scanning the text.
    levels = 5_000
    text = '[{"a": 1}, "x", ' + "[" * levels + "]" * levels + "]"
    (line,) = lines(loads, text)
    assert line.startswith("$[2]" + "[0]" * (MAX_DEPTH - 1) + ": " + TOO_DEEP)


# Bounded reports -------------------------------------------------------------------


def _problems(count: int, tag: str = "p") -> list[Problem]:
    return [Problem(path=(tag, i), message="bad") for i in range(count)]


def test_a_reader_keeps_at_most_the_limit_of_problems_it_adds_and_counts_all():
    found = Found()
    found.extend(_problems(DataError.LIMIT + 50))
    assert len(found.kept) == DataError.LIMIT
    assert found.count == DataError.LIMIT + 50
    assert found.kept[-1].path == ("p", DataError.LIMIT - 1)


def test_problems_merged_from_below_fill_only_the_room_left_and_are_all_counted():
    found = Found()
    found.extend(_problems(60))
    found.merge(_problems(60, "q"), 75, ("participants", 3))
    assert len(found.kept) == DataError.LIMIT
    assert found.count == 135
    assert found.kept[60].path == ("participants", 3, "q", 0)
    assert found.kept[-1].path == ("participants", 3, "q", 39)
    # Once full, more problems from below are counted, not kept.
    found.merge(_problems(5, "r"), 5, ("instruments", 0))
    assert len(found.kept) == DataError.LIMIT
    assert found.count == 140


def test_problems_merged_from_below_into_an_empty_report_are_kept_up_to_the_limit():
    found = Found()
    found.merge(_problems(DataError.LIMIT + 20), DataError.LIMIT + 20, ())
    assert found.kept == _problems(DataError.LIMIT)
    assert found.count == DataError.LIMIT + 20


# Files --------------------------------------------------------------------------


def test_read_reads_a_file_as_the_class_asked_for(build, tmp_path):
    path = tmp_path / "programme.json"
    write(build.programme(), path)
    assert read(path, Programme) == build.programme()
    # ... and as a dataset unless told otherwise: a programme alone is not one.
    assert "$.schema_version: " in str(error_of(read, path))


# A whole dataset: checks across its records run with the records' own problems ----


def _with_an_unknown_key(document: dict[str, Any]) -> dict[str, Any]:
    # Another problem in the document, so that the reader, not Dataset, reports.
    return {**document, "extra": 1}


def test_repeated_operating_model_and_instrument_ids_are_reported_with_other_problems(
    document,
):
    broken = _with_an_unknown_key(document)
    broken["operating_models"] = [*document["operating_models"], document["operating_models"][0]]
    broken["instruments"] = [*document["instruments"], document["instruments"][0]]
    found = lines(from_dict, broken, Dataset)
    assert found[0].startswith("$.extra: unknown key")
    model, instrument = found[1:]
    assert model.startswith("$.operating_models[1].id: operating model ")
    assert model.endswith("'kaiku-malli' is used twice (first at operating_models[0])")
    assert instrument.startswith("$.instruments[1].id: instrument ")
    assert instrument.endswith("'portaat' is used twice (first at instruments[0])")


def test_an_assessment_of_an_unknown_instrument_is_reported_with_other_problems(document):
    broken = _with_an_unknown_key(document)
    broken["participants"][0]["assessments"][0]["instrument"] = "nope"
    assert paths(error_of(from_dict, broken, Dataset)) == [
        "$.extra",
        "$.participants[0].assessments[0].instrument",
    ]


def test_a_participant_that_is_not_an_object_is_reported_once_at_its_path(document):
    for value in ("K-0001", ["K-0001"], 7):
        document["participants"][0]["participant"] = value
        (line,) = lines(from_dict, document, Dataset)
        assert line.startswith("$.participants[0].participant: expected an object")


def test_participant_ids_that_are_not_strings_are_not_taken_for_duplicates(document):
    document["participants"][0]["participant"]["id"] = 5
    document["participants"][1]["participant"]["id"] = "5"
    assert paths(error_of(from_dict, document, Dataset)) == ["$.participants[0].participant.id"]


# Every problem of an object at once ---------------------------------------------


def test_a_programme_whose_name_cannot_be_read_still_hears_of_its_later_problems(build):
    broken = programme_document(build, name=5, end="2015-01-01")
    found = lines(from_dict, broken, Programme)
    assert found[0].startswith("$.name: expected a string")
    assert found[1].startswith("$.end: the programme cannot end (2015-01-01) before it starts")
    assert len(found) == 2


# Dates read once ---------------------------------------------------------------------


def test_a_date_read_again_is_the_same_exact_pendulum_date(build):
    import pendulum

    from hankemalli.serialization import _converter

    document = to_dict(build.dataset())
    first = from_dict(document, Dataset)
    again = from_dict(document, Dataset)
    day, later = first.programme.start, again.programme.start
    assert type(day) is type(later) is pendulum.Date
    assert day == later == pendulum.parse(document["programme"]["start"]).date()
    assert document["programme"]["start"] in _converter._DATES


def test_the_dates_kept_are_bounded_whatever_the_input(monkeypatch):
    import pendulum

    from hankemalli.serialization import _converter

    monkeypatch.setattr(_converter, "_DATES", {})
    monkeypatch.setattr(_converter, "_DATES_KEPT", 10)
    hook = _converter.converter.get_structure_hook(pendulum.Date)
    days = [pendulum.date(2016, 1, 1).add(days=n) for n in range(25)]
    assert [hook(day.isoformat(), pendulum.Date) for day in days] == days
    assert 0 < len(_converter._DATES) <= 10
    # A wrong date is never kept, and is refused each time it is read.
    for _ in range(2):
        with pytest.raises(Exception, match="calendar"):
            hook("2019-02-30", pendulum.Date)
    assert "2019-02-30" not in _converter._DATES
