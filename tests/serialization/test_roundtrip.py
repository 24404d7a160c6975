"""The JSON form is lossless: loads(dumps(x)) == x, type for type."""

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from types import NoneType
from typing import Any, get_args, get_origin

import attrs
import pendulum
import pytest

import hankemalli
from hankemalli import (
    CODE_LISTS,
    EVENT_TAGS,
    SCHEMA_VERSION,
    SITUATION_TAGS,
    DataError,
    Dataset,
    Participation,
)
from hankemalli.serialization import TAG_KEY, dumps, from_dict, loads, read, to_dict, write


def walk(value: Any, path: str = "$", declared: Any = None) -> Iterator[tuple[str, Any, Any]]:
    """Every value inside a model object, with its path and its declared type."""
    yield path, declared, value
    if attrs.has(type(value)):
        for field in attrs.fields(attrs.resolve_types(type(value))):
            yield from walk(getattr(value, field.name), f"{path}.{field.name}", field.type)
    elif isinstance(value, tuple):
        item = get_args(declared)[0] if get_origin(declared) is tuple else None
        for index, element in enumerate(value):
            yield from walk(element, f"{path}[{index}]", item)


def expected_type(declared: Any, value: Any) -> type | None:
    """The exact type a value of this declared type must have after reading, if any."""
    if value is None:
        return None
    if get_origin(declared) is tuple:
        return tuple
    options = set(get_args(declared)) - {NoneType} if get_origin(declared) else {declared}
    exact = [kind for kind in (pendulum.Date, Decimal, *CODE_LISTS) if kind in options]
    return exact[0] if exact else None


def test_full_dataset_uses_every_class_event_kind_and_code_list(full_dataset):
    kinds = {type(value) for _, _, value in walk(full_dataset)}
    public_classes = {
        value
        for value in vars(hankemalli).values()
        # Problem and Situation are what checks and queries give, not what is stored.
        if attrs.has(value) and value not in (hankemalli.Problem, hankemalli.Situation)
    }
    assert public_classes <= kinds
    assert set(EVENT_TAGS.values()) <= kinds
    assert set(SITUATION_TAGS.values()) <= kinds
    assert set(CODE_LISTS) <= kinds


def test_round_trip_through_json_text_is_equal(full_dataset):
    assert loads(dumps(full_dataset)) == full_dataset


def test_round_trip_keeps_every_type_exactly(full_dataset):
    before, after = list(walk(full_dataset)), list(walk(loads(dumps(full_dataset))))
    assert [path for path, _, _ in after] == [path for path, _, _ in before]
    for (path, _, old), (_, _, new) in zip(before, after, strict=True):
        assert type(new) is type(old), path
        if isinstance(old, Decimal):
            assert str(new) == str(old), path  # 0.10 stays 0.10, not 0.1


def test_dates_decimals_codes_and_collections_are_read_as_declared(full_dataset):
    checked: Counter[type] = Counter()
    for path, declared, value in walk(loads(dumps(full_dataset))):
        kind = expected_type(declared, value)
        if kind is not None:
            assert type(value) is kind, f"{path}: {declared} read as {type(value).__name__}"
            checked[kind] += 1
    # every date, decimal, code and collection of the original was checked
    originals = Counter(
        tuple if isinstance(v, tuple) else pendulum.Date if isinstance(v, dt.date) else type(v)
        for _, _, v in walk(full_dataset)
        if isinstance(v, tuple | dt.date | Decimal | Enum)
    )
    assert checked == originals
    assert set(CODE_LISTS) <= set(checked)


def test_round_trip_through_dicts_is_equal(full_dataset):
    assert from_dict(to_dict(full_dataset), Dataset) == full_dataset


def test_dict_form_is_what_the_json_text_holds(full_dataset):
    assert json.loads(dumps(full_dataset)) == to_dict(full_dataset)


def test_dict_form_holds_only_json_types(full_dataset):
    def check(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                assert type(key) is str, path
                check(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                check(item, f"{path}[{index}]")
        else:
            assert type(value) in (str, int, bool), f"{path}: {type(value).__name__}"

    check(to_dict(full_dataset), "$")


def test_json_form_spells_dates_decimals_codes_and_tags_as_strings(full_dataset):
    data = to_dict(full_dataset)
    assert data["programme"]["start"] == "2015-08-01"
    assert data["programme"]["funders"][2]["share"] == "0.10"
    assert data["programme"]["funders"][2]["amount"] == "45000.50"
    assert data["participants"][0]["periods"][0]["entry"] == "2016-02-29"
    assert data["participants"][0]["profile"]["gender"] == "man"
    assert [event[TAG_KEY] for event in data["participants"][0]["events"]] == [
        "certificate_obtained",
        "certificate_obtained",
        "situation_after_six_months",
        "qualification_gained",
        "post_exit_contact",
    ]
    assert [spell[TAG_KEY] for spell in data["participants"][0]["situations"]] == [
        "job_seeking",
        "employment",
        "education",
    ]
    assert data["participants"][0]["situations"][1] == {
        "start": "2017-04-01",
        "end": "2017-12-31",
        "source": "document",
        "kind": "open_labour_market",
        "contract": "fixed_term",
        "working_time": "part_time",
        "via_episode": "tet-1",
        "type": "employment",
    }
    # An open spell has no end; own_training false is the default and left out.
    assert data["participants"][0]["situations"][2] == {
        "start": "2017-08-14",
        "source": "participant_reported",
        "kind": "vocational",
        "degree_oriented": True,
        "type": "education",
    }
    assert data["participants"][0]["exit_situation"] == {
        "date": "2017-03-31",
        "status": "employed",
        "source": "document",
    }


def test_schema_version_is_written_first(full_dataset):
    data = to_dict(full_dataset)
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert dumps(full_dataset).startswith('{\n  "schema_version": 2,')


def test_schema_version_is_required_on_input(document):
    del document["schema_version"]
    with pytest.raises(DataError) as caught:
        from_dict(document, Dataset)
    assert caught.value.problems == (
        "$.schema_version: required key is missing; this hankemalli reads schema version 2",
    )


@pytest.mark.parametrize("version", [3, 0, "1", "2", True, 1.0, 2.0, None])
def test_other_schema_version_is_refused(document, version):
    # true and 1.0 equal 1 in Python but are not the version number 1: never migrated.
    document["schema_version"] = version
    with pytest.raises(DataError) as caught:
        from_dict(document, Dataset)
    assert caught.value.problems == (
        f"$.schema_version: unsupported schema version {version!r}; "
        "this hankemalli reads schema versions 1 and 2",
    )


def test_single_record_round_trips_without_a_dataset(full_dataset):
    record = full_dataset.participants[0]
    text = dumps(record)
    assert "schema_version" not in json.loads(text)
    assert loads(text, Participation) == record


def test_each_event_kind_round_trips_alone_as_its_own_class(full_dataset):
    for event in full_dataset.participants[0].events:
        assert loads(dumps(event), type(event)) == event


def test_optional_fields_left_out_are_not_written(build):
    data = to_dict(build.dataset())
    assert data["participants"][1] == {
        "participant": {"id": "K-0002"},
        "profile": {},
        "periods": [{"entry": "2017-01-09"}],
    }


def test_file_round_trip_is_equal_and_utf8(full_dataset, tmp_path):
    path = tmp_path / "kaiku.json"
    write(full_dataset, path)
    assert "Etelä-Savon" in path.read_text(encoding="utf-8")
    assert read(path) == full_dataset


def test_compact_text_reads_back_the_same(full_dataset):
    text = dumps(full_dataset, indent=None)
    assert "\n" not in text
    assert loads(text.encode("utf-8")) == full_dataset


def test_the_demo_dataset_round_trips_type_exactly():
    from hankemalli.demo import demo_dataset

    demo = demo_dataset()
    before, after = list(walk(demo)), list(walk(loads(dumps(demo))))
    assert len(after) == len(before)
    for (path, _, old), (_, _, new) in zip(before, after, strict=True):
        assert type(new) is type(old), path
        assert new == old, path
