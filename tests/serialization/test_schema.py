"""The JSON Schema of the dataset document: what it accepts agrees with the reader."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hankemalli import CODE_LISTS, EVENT_TAGS, SCHEMA_VERSION, SITUATION_TAGS, DataError, Dataset
from hankemalli.demo import demo_json
from hankemalli.model._checks import EARLIEST_DATE, LATEST_DATE
from hankemalli.serialization import from_dict, json_schema, migrate, to_dict
from hankemalli.serialization._schema import DATE_PATTERN, DECIMAL_PATTERN
from hankemalli.testing import RULES
from hankemalli.testing import strategies as hst

jsonschema = pytest.importorskip("jsonschema")

#: The rules of hankemalli.testing.RULES that break the form of a document, which the
#: schema must refuse; the others break the model's rules across values, which only
#: the reader checks.
STRUCTURAL = {
    "wrong_type",
    "missing_key",
    "extra_key",
    "bad_date",
    "unknown_code",
    "unknown_event_tag",
    "unknown_situation_tag",
}

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def errors(document: Any) -> list[Any]:
    return list(VALIDATOR.iter_errors(document))


def json_path(parts: Any) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def test_the_schema_is_a_valid_draft_2020_12_schema_and_plain_json() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA


def test_each_call_gives_a_new_schema_to_change() -> None:
    mine = json_schema()
    mine["$defs"].clear()
    assert json_schema() == SCHEMA


def test_the_demo_document_validates() -> None:
    assert errors(json.loads(demo_json())) == []


def test_a_document_using_every_class_and_code_list_validates(document) -> None:
    assert errors(document) == []


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(hst.datasets(max_participants=4))
def test_generated_datasets_validate(dataset) -> None:
    assert errors(to_dict(dataset)) == []


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(hst.assessed_datasets(max_participants=3))
def test_generated_datasets_with_models_and_instruments_validate(dataset) -> None:
    assert errors(to_dict(dataset)) == []


def test_every_code_list_and_tag_is_in_the_schema_with_its_codes() -> None:
    defs = SCHEMA["$defs"]
    for code_list in CODE_LISTS:
        assert defs[code_list.__name__]["enum"] == [c.value for c in code_list]
        assert defs[code_list.__name__]["title"] == code_list.__name__
    assert defs["OutcomeEvent"]["properties"]["type"]["enum"] == list(EVENT_TAGS)
    assert defs["SituationSpell"]["properties"]["type"]["enum"] == list(SITUATION_TAGS)


def test_every_class_has_exactly_its_fields_and_a_description() -> None:
    defs = SCHEMA["$defs"]
    classes = [
        d for d in defs.values() if d.get("type") == "object" and "additionalProperties" in d
    ]
    assert len(classes) >= 25
    by_name = {cls.__name__: cls for cls in (*EVENT_TAGS.values(), *SITUATION_TAGS.values())}
    for schema in classes:
        assert schema["additionalProperties"] is False
        assert schema["description"], schema["title"]
        assert "``" not in schema["description"]
        assert ":class:" not in schema["description"]
        cls = by_name.get(schema["title"])
        if cls is not None:  # a member of a tagged union also has its "type"
            names = {f.name for f in attrs.fields(cls)}
            assert set(schema["properties"]) == names | {"type"}
            assert schema["properties"]["type"]["const"] == cls.tag


def test_the_top_level_holds_the_keys_the_reader_knows() -> None:
    assert list(SCHEMA["properties"]) == [
        "schema_version",
        "programme",
        "operating_models",
        "instruments",
        "participants",
    ]
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert SCHEMA["required"] == ["schema_version", "programme"]


# Structural breakage is refused -----------------------------------------------------------


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


RECORD = ("participants", 0)
BREAKAGES: list[tuple[str, tuple[Any, ...], Any]] = [
    # (what, where, the new value; None as the value deletes the key)
    ("a number for a text", ("programme", "name"), 5),
    ("a text for a whole number", (*RECORD, "participant", "age_at_entry"), "34"),
    ("a float for a whole number", (*RECORD, "participant", "age_at_entry"), 34.5),
    ("an age past the model's range", (*RECORD, "participant", "age_at_entry"), 121),
    ("a text for a boolean", (*RECORD, "profile", "in_education_or_training"), "false"),
    ("an object for an array", (*RECORD, "periods"), {}),
    ("no periods", (*RECORD, "periods"), []),
    ("an array for an object", (*RECORD, "profile"), []),
    ("a null for a required date", (*RECORD, "periods", 0, "entry"), None),
    ("a comma for a decimal point", ("programme", "funders", 0, "share"), "0,456"),
    ("a decimal with a space", ("programme", "funders", 0, "share"), " 0.456"),
    ("an unknown code", (*RECORD, "profile", "gender"), "nainen"),
    ("a code in capitals", (*RECORD, "episodes", 0, "service"), "JOB_COACHING"),
    ("a Finnish date", (*RECORD, "periods", 0, "entry"), "27.8.2015"),
    ("a date without zeros", (*RECORD, "periods", 0, "entry"), "2015-8-27"),
    ("a day not in the calendar", (*RECORD, "periods", 0, "entry"), "2015-02-29"),
    ("a date with a time", (*RECORD, "periods", 0, "entry"), "2015-08-27T08:00"),
    ("a date and a line feed", (*RECORD, "periods", 0, "entry"), "2015-08-27\n"),
    ("a date in full-width digits", (*RECORD, "periods", 0, "entry"), "２０１５-08-27"),
    ("a year past the model's range", (*RECORD, "periods", 0, "entry"), "2101-01-01"),
    ("an unknown event type", (*RECORD, "events", 0, "type"), "employment_started"),
    ("a schema version to come", ("schema_version",), SCHEMA_VERSION + 1),
]


@pytest.mark.parametrize(("what", "path", "value"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_structural_breakage_is_refused_at_its_path(what, path, value) -> None:
    document = json.loads(demo_json())
    _at(document, path[:-1])[path[-1]] = value
    with pytest.raises(DataError):  # the reader refuses it: the schema must too
        _read(document)
    found = errors(document)
    assert found, what
    assert any(json_path(e.absolute_path) == json_path(path) for e in _leaves(found)), [
        (json_path(e.absolute_path), e.message) for e in found
    ]


def test_a_version_1_document_validates_only_once_migrated() -> None:
    """The schema is of the current version; the reader also reads version 1."""
    document = json.loads(demo_json())
    document["schema_version"] = 1
    _read(document)
    assert [e.validator for e in errors(document)] == ["const"]
    assert errors(migrate(document)) == []


def _read(document: Any) -> None:
    from_dict(document, Dataset)


def _leaves(found: list[Any]) -> Iterator[Any]:
    for error in found:
        yield error
        yield from _leaves(list(error.context))


@pytest.mark.parametrize(
    ("what", "path"),
    [
        ("the programme", ("programme",)),
        ("a programme's name", ("programme", "name")),
        ("a participant's id", (*RECORD, "participant", "id")),
        ("a record's profile", (*RECORD, "profile")),
        ("an event's type", (*RECORD, "events", 0, "type")),
        ("an event's date", (*RECORD, "events", 0, "date")),
        ("a spell's source", (*RECORD, "situations", 0, "source")),
        ("the schema version", ("schema_version",)),
    ],
)
def test_a_missing_required_key_is_refused(what, path) -> None:
    document = json.loads(demo_json())
    del _at(document, path[:-1])[path[-1]]
    found = errors(document)
    assert any(
        e.validator == "required" and json_path(e.absolute_path) == json_path(path[:-1])
        for e in _leaves(found)
    ), what


@pytest.mark.parametrize(
    "path",
    [(), ("programme",), (*RECORD,), (*RECORD, "participant"), (*RECORD, "events", 0)],
    ids=json_path,
)
def test_an_unknown_key_is_refused(path) -> None:
    document = json.loads(demo_json())
    _at(document, path)["birth_date"] = "1980-01-01"
    found = errors(document)
    assert any(
        e.validator in ("additionalProperties", "unevaluatedProperties")
        and json_path(e.absolute_path) == json_path(path)
        for e in _leaves(found)
    )


def test_optional_values_may_be_null_or_left_out() -> None:
    document = json.loads(demo_json())
    record = document["participants"][0]
    record["participant"]["age_at_entry"] = None
    record["periods"][0]["exit_reason"] = None
    del record["episodes"]
    assert errors(document) == []
    _read(document)  # and the reader agrees


def test_a_decimal_may_be_a_string_or_a_number() -> None:
    document = json.loads(demo_json())
    document["programme"]["funders"][0]["amount"] = 570000
    document["programme"]["funders"][1]["amount"] = "380000.00"
    assert errors(document) == []
    _read(document)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(hst.violations())
def test_documents_breaking_a_rule_of_form_are_refused_the_others_pass(violation) -> None:
    """The schema checks form; the model's rules across values are the reader's.

    Rules: every rule of hankemalli.testing.RULES is one or the other.
    """
    assert set(RULES) >= STRUCTURAL
    found = errors(violation.document)
    event(violation.rule)
    if violation.rule in STRUCTURAL:
        assert found, violation.rule
        paths = [json_path(e.absolute_path) for e in _leaves(found)]
        assert any(violation.path.startswith(p) for p in paths), (violation.path, paths)
    else:
        assert found == [], (violation.rule, [e.message for e in found])


# Dates and decimals -------------------------------------------------------------------------


def test_the_date_pattern_takes_exactly_the_calendar_days_of_1900_to_2100() -> None:
    """Every YYYY-MM-DD from 1890 to 2110, months 00-13 and days 00-32."""
    pattern = re.compile(DATE_PATTERN)
    wrong = []
    for year in range(1890, 2111):
        for month in range(14):
            for day in range(33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    valid = EARLIEST_DATE <= pendulum.date(year, month, day) <= LATEST_DATE
                except ValueError:
                    valid = False
                if bool(pattern.search(text)) != valid:
                    wrong.append(text)
    assert wrong == []


@given(st.text(alphabet="0123456789-\n ", max_size=12))
def test_the_date_pattern_takes_no_other_text(text) -> None:
    if re.search(DATE_PATTERN, text):
        day = pendulum.Date.fromisoformat(text)
        assert day.isoformat() == text


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("0.25", True),
        ("-1", True),
        (".5", True),
        ("5.", True),
        ("1e3", True),
        ("570000", True),
        ("0,25", False),
        ("", False),
        ("1_000", False),
        ("０.25", False),
        ("0.25\n", False),
        ("NaN", False),
        ("+1", False),
    ],
)
def test_the_decimal_pattern_is_the_readers(text, valid) -> None:
    assert bool(re.search(DECIMAL_PATTERN, text)) is valid
    document = json.loads(demo_json())
    document["programme"]["funders"][0]["amount"] = text
    assert (errors(document) == []) is valid


# Everything the reader accepts validates --------------------------------------------------

#: Values a mutation puts somewhere in a document: each JSON type, dates, decimals, codes.
REPLACEMENTS = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        1,
        -1,
        120,
        121,
        1.5,
        "",
        "x",
        "2016-01-01",
        "2016-02-30",
        "0.5",
        "yes",
        "no",
        "woman",
        "employment",
        "job_coaching",
        "register",
        [],
        {},
        {"type": "employment"},
    ]
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated document with one or two values deleted, nulled, replaced or added.

    Deleting and nulling come first: they keep many documents readable (an optional
    key), which is where the property has something to say.
    """
    document = to_dict(draw(hst.datasets(max_participants=2)))
    for _ in range(draw(st.integers(1, 2))):
        # The version stays: the schema is of the current one (a version-1 document
        # validates once migrated).
        places = [p for p in _places(document) if p and p != ("schema_version",)]
        path = draw(st.sampled_from(places))
        owner = _at(document, path[:-1])
        action = draw(st.sampled_from(["delete", "delete", "null", "null", "replace", "add"]))
        if action == "delete" and isinstance(owner, dict):
            del owner[path[-1]]
        elif action == "add" and isinstance(owner, dict):
            key = draw(st.sampled_from(["note", "end", "exit", "label", "type", "improvement"]))
            owner[key] = draw(REPLACEMENTS)
        elif action == "null":
            owner[path[-1]] = None
        else:
            owner[path[-1]] = copy.deepcopy(draw(REPLACEMENTS))
    return document


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents())
def test_every_document_the_reader_accepts_validates(document) -> None:
    """Rule: the schema never refuses a current-version document that loads accepts."""
    try:
        from_dict(document, Dataset)
    except DataError:
        event("refused by the reader")
        return
    event("accepted by the reader")
    assert errors(document) == []
