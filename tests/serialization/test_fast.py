"""The reader's fast path changes how fast a document reads, never what it reads as.

``loads`` and ``read_lines`` first try the fast path (``serialization._fast``),
which builds a document only when it proves it valid and gives up (None) on any
doubt; the full reader then reads it. The rule: the fast path never builds a
document the full reader refuses, and what it builds is exactly what the full
reader builds (type for type: pendulum Dates, the same code members, tuples).
Stated as properties over the project's own strategies (valid datasets, documents
that break one rule, documents mutated in every way the fuzzing suite knows) and
as examples for each trick the fast path uses (the colon count that finds repeated
keys, escapes, depth, numbers, bytes).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset
from hankemalli.serialization import (
    _fast,
    dumps,
    dumps_lines,
    from_dict,
    loads,
    read_lines,
    to_dict,
)
from hankemalli.serialization import _lines as _lines_module
from hankemalli.serialization._fast import fast_dataset, fast_line
from hankemalli.serialization._json import parse
from hankemalli.testing import Violation
from hankemalli.testing import strategies as hs

IDENTITY_CODE = "131052-308T"


def full(text: str | bytes) -> Dataset | DataError:
    """What the full reader (no fast path) makes of ``text``: a dataset or its error."""
    try:
        return from_dict(parse(text), Dataset)
    except DataError as error:
        return error


def read(text: str | bytes) -> Dataset | DataError:
    """What ``loads`` (fast path first) makes of ``text``."""
    try:
        return loads(text)
    except DataError as error:
        return error


def _property_helpers() -> ModuleType:
    # The property suite's helpers, loaded by file as tests/properties/conftest.py does
    # (with --import-mode=importlib, tests/ is no package to import from).
    name = "property_helpers"
    if name not in sys.modules:
        path = Path(__file__).parents[1] / "properties" / "_helpers.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


#: Equal, and of exactly the same type, all the way down (a Decimal as written).
assert_identical = _property_helpers().assert_same


def assert_agrees(text: str | bytes) -> Dataset | None:
    """The fast path agrees with the full reader on ``text``, and so does ``loads``."""
    reference = full(text)
    fast = fast_dataset(text)
    if isinstance(reference, DataError):
        assert fast is None, "the fast path built a document the full reader refuses"
    elif fast is not None:
        assert_identical(reference, fast)
    outcome = read(text)
    if isinstance(reference, DataError):
        assert isinstance(outcome, DataError)
        assert (outcome.problems, outcome.count) == (reference.problems, reference.count)
    else:
        assert_identical(reference, outcome)
    return fast


PARSERS = ["json", "orjson"]


@contextmanager
def parsed_by(parser: str) -> Iterator[None]:
    """The fast path parses a line with ``parser``: orjson (skipped if not installed) or json."""
    if parser == "orjson":
        pytest.importorskip("orjson")
        yield
    else:
        with mock.patch.object(_fast, "_orjson_loads", return_value=None):
            yield


def test_the_fast_path_is_on() -> None:
    # A field of a kind the fast path cannot read would quietly turn it off for
    # every document; the model's fields are all of kinds it reads.
    assert _fast._record_reader() is not None


@settings(max_examples=60, deadline=None)
@given(st.one_of(hs.datasets(max_participants=4), hs.assessed_datasets()))
def test_a_valid_document_is_read_by_the_fast_path_exactly_as_by_the_full_reader(
    dataset: Dataset,
) -> None:
    text = dumps(dataset)
    fast = assert_agrees(text)
    assert fast is not None, "the fast path gave up on a valid document"
    assert_identical(dataset, fast)
    assert_agrees(text.encode("utf-8"))
    assert_agrees(json.dumps(to_dict(dataset), ensure_ascii=True))


@settings(max_examples=80, deadline=None)
@given(hs.violations())
def test_a_document_that_breaks_a_rule_is_never_built_by_the_fast_path(
    violation: Violation,
) -> None:
    text = json.dumps(violation.document)
    assert fast_dataset(text) is None
    assert_agrees(text)


_REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        (
            "",
            "2016-02-30",
            "２０１６-01-01",
            "9999-12-31",
            "1899-12-31",
            IDENTITY_CODE,
            "klo 12:00",
            "a:b:c",
            "rivi\nrivi",
            "yes",
            "unknown_code",
            "employment",
        )
    ),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(("id", "type", "a:b", "start")), st.integers(), max_size=2),
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _repeat_a_key(text: str, key: str, value: str) -> str:
    """``text`` with ``"key": value`` written again before the first ``"key":``."""
    marker = json.dumps(key) + ":"
    at = text.find(marker)
    return text if at < 0 else text[:at] + f"{marker}{value}," + text[at:]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid document's text after a few changes, most of them deep inside a record."""
    dataset = draw(hs.datasets(max_participants=3))
    doc: Any = to_dict(dataset)
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_places(doc)))
        kind = draw(st.sampled_from(("replace", "delete", "add_key")))
        if not path:
            continue
        parent = _get(doc, path[:-1])
        if kind == "delete":
            del parent[path[-1]]
        elif kind == "add_key" and isinstance(_get(doc, path), dict):
            key = draw(st.sampled_from(("note", "id", "type", "a:b")))
            _get(doc, path)[key] = draw(_REPLACEMENTS)
        else:
            parent[path[-1]] = draw(_REPLACEMENTS)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), separators=(",", ":"))
    how = draw(
        st.sampled_from(
            ("as_is", "repeat_key", "repeat_key_with_colon", "escaped_colon", "truncate")
        )
    )
    key = draw(st.sampled_from(("id", "entry", "gender", "participant", "start", "type", "name")))
    if how == "repeat_key":
        text = _repeat_a_key(text, key, draw(st.sampled_from(('"K-1"', "1", '"2016-01-01"'))))
    elif how == "repeat_key_with_colon":
        text = _repeat_a_key(text, key, '"x:y"')
    elif how == "escaped_colon":
        # An escaped colon adds a colon the text does not show, which could hide a
        # repeated key from the count: the fast path gives up on any.
        text = _repeat_a_key(text.replace('"K-', '"K\\u003a', 1), key, '"1"')
    elif how == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    return text


@settings(max_examples=200, deadline=None)
@given(mutated(), st.booleans())
def test_a_mutated_document_reads_the_same_with_or_without_the_fast_path(
    text: str, as_bytes: bool
) -> None:
    assert_agrees(text.encode("utf-8", "surrogatepass") if as_bytes else text)


def _valid_text() -> str:
    from hankemalli.demo import demo_dataset

    return dumps(demo_dataset())


def test_a_repeated_key_inside_a_record_is_left_to_the_full_reader() -> None:
    text = _repeat_a_key(_valid_text(), "age_at_entry", "200")
    assert fast_dataset(text) is None
    error = read(text)
    assert isinstance(error, DataError)
    assert error.problems == (
        "$.participants[0].participant.age_at_entry: this key appears more than once in its "
        "object; readers differ on which value they keep, so a key may appear only once (the "
        "values are not shown)",
    )


def test_a_repeated_key_whose_value_holds_a_colon_is_still_found() -> None:
    # The dropped value's colon and its key would balance nothing: still one short.
    text = _repeat_a_key(_valid_text(), "provider", '"klo 12:00"')
    assert fast_dataset(text) is None
    assert isinstance(read(text), DataError)


def test_colons_in_texts_and_ids_do_not_stop_the_fast_path() -> None:
    dataset = loads(_valid_text())
    record = dataset.participants[0]
    episode = attrs.evolve(record.episodes[0], provider="Kahvila: klo 12:00–14:00")
    record = attrs.evolve(record, episodes=(episode, *record.episodes[1:]))
    changed = attrs.evolve(dataset, participants=(record, *dataset.participants[1:]))
    fast = fast_dataset(dumps(changed))
    assert fast is not None
    assert_identical(changed, fast)


def test_an_escape_that_may_stand_for_a_colon_is_left_to_the_full_reader() -> None:
    # An escaped colon in a text, which the parsed text holds but the count of the
    # text's colons does not see, would balance a key dropped as repeated.
    dataset = loads(_valid_text())
    record = dataset.participants[0]
    episode = attrs.evolve(record.episodes[0], provider="Kahvila")
    record = attrs.evolve(record, episodes=(episode, *record.episodes[1:]))
    changed = attrs.evolve(dataset, participants=(record, *dataset.participants[1:]))
    text = dumps(changed).replace('"Kahvila"', '"Kahvila\\u003a"', 1)
    assert fast_dataset(text) is None
    assert isinstance(read(text), Dataset)  # an escaped colon alone reads, the full way
    text = _repeat_a_key(text, "gender", '"woman"')
    assert fast_dataset(text) is None
    error = read(text)
    assert isinstance(error, DataError)
    assert error.problems[0].startswith("$.participants[0].profile.gender: this key appears")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "{}",
        '{"schema_version": 2}',
        '{"schema_version": 1, "programme": {}}',
        "[" * 2000 + "]" * 2000,
        '{"schema_version": 2' + "7" * 5000 + "}",
        '{"schema_version": NaN}',
        '{"schema_version": 2.0}',
    ],
)
def test_text_that_is_not_a_valid_document_is_left_to_the_full_reader(text: str) -> None:
    assert fast_dataset(text) is None
    assert_agrees(text)


def test_bytes_are_read_as_utf8_after_a_byte_order_mark() -> None:
    data = _valid_text().encode("utf-8")
    assert fast_dataset(b"\xef\xbb\xbf" + data) is not None
    assert fast_dataset(data[:10] + b"\xff" + data[10:]) is None


def test_a_date_outside_the_models_years_is_left_to_the_full_reader() -> None:
    # The fast path builds a profile by its rules across fields alone, having proved
    # each field's type itself: a date before 1900 must stop it, as it stops the model.
    document = json.loads(_valid_text())
    profile = document["participants"][0]["profile"]
    profile["labour_market_status"] = "unemployed"
    profile["unemployed_since"] = "1899-12-31"
    text = json.dumps(document)
    assert fast_dataset(text) is None
    error = read(text)
    assert isinstance(error, DataError)
    assert error.problems[0].startswith("$.participants[0].profile.unemployed_since: ")
    profile["unemployed_since"] = "1900-01-01"
    assert fast_dataset(json.dumps(document)) is not None


def test_a_decimal_written_as_a_number_reads_exactly_as_written() -> None:
    document = json.loads(_valid_text())
    text = json.dumps(document).replace('"share": "0.456"', '"share": 0.4560', 1)
    assert '"share": 0.4560' in text
    assert_agrees(text)
    dataset = fast_dataset(text)
    assert dataset is not None
    assert str(dataset.programme.funders[0].share) == "0.4560"


@pytest.mark.parametrize("parser", PARSERS)
def test_a_number_with_a_fraction_on_a_line_is_left_to_the_full_reader(parser: str) -> None:
    # orjson makes 1.0 a float, json with the reader's hooks a Decimal: neither is an age.
    lines = _lines(dumps_lines(loads(_valid_text())))
    record = json.loads(lines[1])
    record["participant"]["age_at_entry"] = 30.0
    lines[1] = json.dumps(record) + "\n"
    with parsed_by(parser):
        assert fast_line(lines[1]) is None
        assert_lines_agree("".join(lines))


def test_a_version_1_document_is_left_to_the_full_reader_which_migrates_it() -> None:
    document = json.loads(_valid_text())
    document["schema_version"] = 1
    text = json.dumps(document)
    assert fast_dataset(text) is None
    assert_agrees(text)


def test_a_whole_number_past_the_readers_bound_is_left_to_the_full_reader() -> None:
    document = json.loads(_valid_text())
    document["participants"][0]["participant"]["age_at_entry"] = 10**4300
    # Python's own limit must allow it here, or json.loads refuses the text first.
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        text = json.dumps(document)
        assert fast_dataset(text) is None
        assert_agrees(text)
    finally:
        sys.set_int_max_str_digits(limit)


def test_the_collector_is_left_as_it_was_found() -> None:
    import gc

    text = _valid_text()
    assert gc.isenabled()
    fast_dataset(text)
    fast_dataset("{")
    assert gc.isenabled()
    gc.disable()
    try:
        fast_dataset(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _promotions(monkeypatch: pytest.MonkeyPatch, *, promoted_from: int) -> list[str]:
    """The calls a read makes to move its objects to the oldest generation, recorded."""
    import gc

    from hankemalli import _collector

    calls: list[str] = []
    freeze, unfreeze = gc.freeze, gc.unfreeze

    def recorded(name: str, call: Any) -> Any:
        def record() -> None:
            calls.append(name)
            call()

        return record

    monkeypatch.setattr(_collector, "PROMOTED_FROM", promoted_from)
    monkeypatch.setattr(gc, "freeze", recorded("freeze", freeze))
    monkeypatch.setattr(gc, "unfreeze", recorded("unfreeze", unfreeze))
    return calls


def test_a_large_read_moves_its_objects_to_the_oldest_generation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rule: the objects a read leaves behind are not walked again by the young collections."""
    import gc

    calls = _promotions(monkeypatch, promoted_from=1)
    dataset = fast_dataset(_valid_text())
    assert dataset is not None
    assert calls == ["freeze", "unfreeze"]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing is left frozen
    if sys.version_info < (3, 14):  # three generations, the oldest numbered 2
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert id(dataset.participants[0]) in oldest
        assert id(dataset.participants[-1].participant) in oldest


def test_a_small_read_leaves_the_collector_to_its_own_pace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _promotions(monkeypatch, promoted_from=10**9)
    assert fast_dataset(_valid_text()) is not None
    assert calls == []


def test_objects_frozen_by_the_caller_stay_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule: unfreezing would thaw the caller's own frozen objects, so nothing is moved then."""
    import gc

    calls = _promotions(monkeypatch, promoted_from=1)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert fast_dataset(_valid_text()) is not None
        assert calls == ["freeze"]  # the caller's own call above, and none of the read's
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_caller_that_turned_the_collector_off_keeps_its_objects_young(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    calls = _promotions(monkeypatch, promoted_from=1)
    gc.disable()
    try:
        assert fast_dataset(_valid_text()) is not None
        assert calls == []
        assert not gc.isenabled()
    finally:
        gc.enable()


# ---------------------------------------------------------------- JSON Lines


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@pytest.mark.parametrize("parser", PARSERS)
@settings(max_examples=40, deadline=None)
@given(hs.datasets(max_participants=4))
def test_every_valid_line_is_read_by_the_fast_path_exactly_as_by_the_full_reader(
    parser: str,
    dataset: Dataset,
) -> None:
    with parsed_by(parser):
        lines = _lines(dumps_lines(dataset))
        for line, record in zip(lines[1:], dataset.participants, strict=True):
            fast = fast_line(line)
            assert fast is not None
            assert_identical(record, fast)
            assert_identical(record, fast_line(line.encode("utf-8")))


def lines_outcome(text: str, *, fast: bool) -> tuple[Any, ...] | DataError:
    """The records ``read_lines`` gives for ``text``, or its error; ``fast`` or not."""
    switch = _lines_module.line_reader if fast else _no_fast_path
    with mock.patch.object(_lines_module, "line_reader", switch):
        try:
            return tuple(read_lines(iter(_lines(text))))
        except DataError as error:
            return error


def _no_fast_path() -> None:
    return None


def assert_lines_agree(text: str) -> None:
    reference = lines_outcome(text, fast=False)
    outcome = lines_outcome(text, fast=True)
    if isinstance(reference, DataError):
        assert isinstance(outcome, DataError)
        assert (outcome.problems, outcome.count) == (reference.problems, reference.count)
    else:
        assert not isinstance(outcome, DataError)
        assert_identical(reference, outcome)


def _as_lines(document: Any) -> str:
    records = document.get("participants", []) if isinstance(document, dict) else []
    if not isinstance(records, list):
        records = []
    header = {key: value for key, value in document.items() if key != "participants"}
    return "".join(json.dumps(line) + "\n" for line in (header, *records))


@pytest.mark.parametrize("parser", PARSERS)
@settings(max_examples=60, deadline=None)
@given(hs.violations())
def test_lines_that_break_a_rule_read_the_same_with_or_without_the_fast_path(
    parser: str,
    violation: Violation,
) -> None:
    with parsed_by(parser):
        assert_lines_agree(_as_lines(violation.document))


@pytest.mark.parametrize("parser", PARSERS)
@settings(max_examples=60, deadline=None)
@given(mutated())
def test_mutated_lines_read_the_same_with_or_without_the_fast_path(parser: str, text: str) -> None:
    with parsed_by(parser):
        try:
            document = json.loads(text)
        except ValueError:
            return
        if isinstance(document, dict):
            assert_lines_agree(_as_lines(document))


def test_a_repeated_id_across_lines_is_still_reported() -> None:
    lines = _lines(dumps_lines(loads(_valid_text())))
    lines.append(lines[1])
    text = "".join(lines)
    assert_lines_agree(text)
    outcome = lines_outcome(text, fast=True)
    assert isinstance(outcome, DataError)
    assert outcome.problems[0].startswith(f"$.participants[{len(lines) - 2}].participant.id")


def test_a_repeated_key_on_a_line_is_reported_at_its_path() -> None:
    lines = _lines(dumps_lines(loads(_valid_text())))
    lines[1] = _repeat_a_key(lines[1], "gender", '"woman"')
    assert fast_line(lines[1]) is None
    with pytest.raises(DataError) as caught:
        list(read_lines(iter(lines)))
    assert caught.value.problems == (
        "$.participants[0].profile.gender: this key appears more than once in its object; "
        "readers differ on which value they keep, so a key may appear only once (the values "
        "are not shown)",
    )


# ---------------------------------------------------------------- the compiled reader


@pytest.mark.parametrize("value", [[], "", "profile", 0, None, True, [{}]])
@pytest.mark.parametrize("where", ["profile", "participant", "periods.0", "episodes.0"])
def test_a_value_that_is_no_object_where_an_object_belongs_is_left_to_the_full_reader(
    where: str, value: Any
) -> None:
    # The compiled reader tests ``"key" in raw`` for each optional field: a list or a
    # text would answer too, and an empty one would pass for an object of defaults.
    document = json.loads(_valid_text())
    parent: Any = document["participants"][0]
    *path, last = where.split(".")
    for part in path:
        parent = parent[part]
    parent[int(last) if last.isdigit() else last] = value
    text = json.dumps(document)
    assert fast_dataset(text) is None
    assert_agrees(text)
    line = json.dumps(document["participants"][0])
    assert fast_line(line) is None


def test_a_replaced_check_of_the_model_is_obeyed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The compiled reader builds objects by their rules alone; a check of a class
    # replaced since (a test, a debugger) sends every document to the constructors.
    from hankemalli import ParticipationPeriod

    text = _valid_text()
    assert fast_dataset(text) is not None
    calls: list[object] = []

    def counted(self: object) -> None:
        calls.append(self)

    monkeypatch.setattr(ParticipationPeriod, "__attrs_post_init__", counted)
    assert _fast.line_reader() is None
    assert fast_dataset(text) is None
    assert fast_line(_lines(dumps_lines(loads(text)))[1]) is None
    assert calls  # the full reader built the periods by their constructor


def test_every_class_of_a_record_is_compiled_and_built_by_its_rules_alone() -> None:
    compiled = _fast._compiled_record_reader()
    assert compiled is not None
    _, classes, _ = compiled
    names = {cls.__name__ for cls in classes}
    assert {"Participation", "Participant", "EntryProfile", "ParticipationPeriod"} <= names
    assert {"ServiceEpisode", "Employment", "ExitSituation", "SituationAfterSixMonths"} <= names


# ------------------------------------------- the document walked one record at a time


def _compact_parts() -> tuple[str, list[str]]:
    """The demo document's header (without the object's braces) and its records, as text."""
    document = json.loads(_valid_text())
    records = [json.dumps(r) for r in document.pop("participants")]
    return json.dumps(document)[1:-1], records


def _document_variants() -> list[tuple[str, str]]:
    header, records = _compact_parts()
    array = "[" + ", ".join(records) + "]"
    return [
        ("minified", "{" + header + ', "participants": ' + array + "}"),
        ("participants first", '{"participants": ' + array + ", " + header + "}"),
        (
            "white space of every kind",
            "\t{\r\n"
            + header
            + ' ,\n"participants"\t:\r[\n'
            + ",\n\t".join(records)
            + "\n]\n}\n\t",
        ),
        ("no participants", "{" + header + "}"),
        ("no records", "{" + header + ', "participants": [ ]}'),
        (
            "a trailing comma in the records",
            "{" + header + ', "participants": [' + ", ".join(records) + ",]}",
        ),
        ("a trailing comma in the object", "{" + header + ', "participants": ' + array + ",}"),
        (
            "a missing comma between records",
            "{" + header + ', "participants": [' + " ".join(records) + "]}",
        ),
        ("more after the object", "{" + header + ', "participants": ' + array + "} {}"),
        ("text after the object", "{" + header + ', "participants": ' + array + "}x"),
        ("an unclosed array", "{" + header + ', "participants": [' + records[0]),
        ("an unclosed object", "{" + header + ', "participants": ' + array),
        (
            "participants twice",
            "{" + header + ', "participants": ' + array + ', "participants": []}',
        ),
        (
            "participants twice, the first empty",
            '{"participants": [], ' + header + ', "participants": ' + array + "}",
        ),
        (
            "a header key twice",
            "{" + header + ", " + header.split(", ")[0] + ', "participants": ' + array + "}",
        ),
        ("participants that are an object", "{" + header + ', "participants": {}}'),
        ("participants that are a text", "{" + header + ', "participants": "K-1"}'),
        ("participants that are null", "{" + header + ', "participants": null}'),
        ("a no-break space between tokens", "{" + header + ',\u00a0"participants": ' + array + "}"),
        ("a byte order mark in the text", "\ufeff{" + header + "}"),
        ("a key that is no string", "{" + header + ", participants: " + array + "}"),
        ("an empty object", "{}"),
        ("a record that is no object", "{" + header + ', "participants": [1]}'),
    ]


@pytest.mark.parametrize(("how", "text"), _document_variants())
def test_the_document_walk_accepts_exactly_what_json_accepts(how: str, text: str) -> None:
    assert_agrees(text)
    assert_agrees(text.encode("utf-8"))
    reference = full(text)
    if how in ("minified", "participants first", "white space of every kind", "no records"):
        assert isinstance(reference, Dataset)
        assert fast_dataset(text) is not None, "the fast path gave up on a valid document"
    if how in ("no participants", "no records"):
        fast = fast_dataset(text)
        assert fast is not None
        assert fast.participants == ()
