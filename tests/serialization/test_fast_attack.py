"""An attack on the reader's fast path: it must read exactly what the full reader reads.

The fast path (``serialization._fast``) builds a document only when it can prove
the full reader would accept it, and builds exactly what the full reader builds.
These tests try to make the two differ: odd JSON (repeated keys at every depth,
escapes, constants, numbers of every form, white space, byte order marks, data
after the document, deep nesting), odd values (dates, codes in another case,
identity codes as ids), records that break a rule, version-1 documents, bytes,
JSON Lines, and a check of the model replaced at run time. For every text, the
full reader (:func:`from_dict` of :func:`parse`) is the reference: ``loads`` must
raise the same problems at the same paths in the same order (and the same
count), or build a dataset equal to the reference's, type for type all the way
down; :func:`fast_dataset` may only give up or agree.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset, ParticipationPeriod
from hankemalli.model._errors import problem
from hankemalli.serialization import _fast, dumps, from_dict, loads, read_lines, to_dict
from hankemalli.serialization import _lines as _lines_module
from hankemalli.serialization._fast import fast_dataset, fast_line
from hankemalli.serialization._json import parse
from hankemalli.testing import strategies as hs

IDENTITY_CODE = "131052-308T"


def _property_helpers() -> ModuleType:
    # Loaded by file, as tests/serialization/test_fast.py loads it.
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


# ------------------------------------------------------------------ the oracle


def full(text: Any) -> Dataset | DataError:
    """What the full reader (no fast path) makes of ``text``: a dataset or its error."""
    try:
        return from_dict(parse(text), Dataset)
    except DataError as error:
        return error


def read(text: Any) -> Dataset | DataError:
    """What ``loads`` (the fast path first) makes of ``text``."""
    try:
        return loads(text)
    except DataError as error:
        return error


def _said(error: DataError) -> tuple[Any, ...]:
    """Everything an error says: its messages, its count, and each problem's path and code."""
    details = tuple((p.path, p.code, p.params) for p in error.details)
    return error.problems, error.count, details


def assert_agrees(text: str | bytes) -> Dataset | None:
    """The fast path agrees with the full reader on ``text``, and so does ``loads``.

    Returns what the fast path built (None if it gave up).
    """
    reference = full(text)
    fast = fast_dataset(text)
    if isinstance(reference, DataError):
        assert fast is None, f"the fast path built a document the full reader refuses: {reference}"
    elif fast is not None:
        assert_identical(reference, fast)
    outcome = read(text)
    if isinstance(reference, DataError):
        assert isinstance(outcome, DataError), "loads accepted what the full reader refuses"
        assert _said(outcome) == _said(reference)
    else:
        assert isinstance(outcome, Dataset), (
            f"loads refused what the full reader accepts: {outcome}"
        )
        assert_identical(reference, outcome)
    return fast


def _both_forms(text: str) -> Iterator[str | bytes]:
    yield text
    yield text.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------- JSON Lines oracle


def _file_lines(text: str) -> list[bytes]:
    """The lines of ``text`` as a binary file gives them (split at line feeds only)."""
    return io.BytesIO(text.encode("utf-8", "surrogatepass")).readlines()


def _no_fast_path() -> None:
    return None


def lines_outcome(text: str, *, fast: bool) -> tuple[Any, ...] | DataError:
    """The records ``read_lines`` gives for ``text``, or its error; ``fast`` or not."""
    switch = _fast.line_reader if fast else _no_fast_path
    with mock.patch.object(_lines_module, "line_reader", switch):
        try:
            return tuple(read_lines(io.BytesIO(b"".join(_file_lines(text)))))
        except DataError as error:
            return error


def assert_lines_agree(text: str) -> tuple[Any, ...] | DataError:
    reference = lines_outcome(text, fast=False)
    outcome = lines_outcome(text, fast=True)
    if isinstance(reference, DataError):
        assert isinstance(outcome, DataError), (
            "the fast path accepted lines the full reader refuses"
        )
        assert _said(outcome) == _said(reference)
    else:
        assert not isinstance(outcome, DataError), f"refused valid lines: {outcome}"
        assert_identical(reference, outcome)
    return outcome


def _as_lines(document: dict[str, Any]) -> str:
    header = {key: value for key, value in document.items() if key != "participants"}
    records = document.get("participants", [])
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in (header, *records))


# ------------------------------------------------------------------ the mutations

# fmt: off
#: Values put where any value of a document was (Python values, written by json).
ATTACK_VALUES: tuple[Any, ...] = (
    None, True, False, 0, 1, -1, 2, 30.0, 120, 121, 10**20, 2**63, 2**64 + 1,
    "", " ", "x", "a:b", "K-1", "K:1", IDENTITY_CODE, "131052a308t", "0401234567",
    "+358 40 123 4567", "a@b.fi", "2015-02-29", "2016-02-29", " 2016-01-01",
    "2016-01-01 ", "2016-1-1", "20160101", "2016-01-01T00:00:00", "2016-01-01T00:00",
    "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "9999-12-31",
    "0000-01-01", "２０１６-01-01", "WOMAN", "Woman", "woman", "Unemployed",
    "unemployed", "YES", "yes", "not_asked", "refused", "employment", "education",
    "job_seeking", "qualification_gained", "other", "rivi\nrivi", "tab\there",
    "\u2028", "\x7f", "\ud800", "e0", "e1", [], {}, [1], {"a": 1}, {"type": "employment"},
)

#: JSON text put where any value was, verbatim: what no Python value writes.
ATTACK_TOKENS: tuple[str, ...] = (
    "1.0", "30.0", "-0", "-0.0", "1e2", "3E1", "1E0", "0.5", "NaN", "Infinity",
    "-Infinity", "true", "3" * 4301, "30" + "0" * 4400 + ".5", '"\\u003a"',
    '"K\\u003A1"', '"\\u004b-1"', '"\\ud800"', '"\\udc00x"', '"\\/"', '"a\\u0000"',
    '"2016\\u002d01-01"', '"\\u0032016-01-01"', "[]", "{}", "[" * 40 + "1" + "]" * 40,
    '{"a":' * 40 + "1" + "}" * 40,
)
# fmt: on


class Raw:
    """JSON text to write verbatim in place of a value."""

    def __init__(self, text: str) -> None:
        self.text = text


#: Keys written again in an object: (the object's path) -> [(key, value's text, before)].
Repeats = dict[tuple[Any, ...], list[tuple[str, str, bool]]]


def render(value: Any, repeats: Repeats, *, ascii_only: bool, path: tuple[Any, ...] = ()) -> str:
    """JSON text of ``value`` with keys written again where ``repeats`` says."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        parts: list[str] = []
        extra = repeats.get(path, [])
        for key, item in value.items():
            written = json.dumps(key, ensure_ascii=ascii_only) + ":"
            parts += [written + text for k, text, before in extra if k == key and before]
            parts.append(written + render(item, repeats, ascii_only=ascii_only, path=(*path, key)))
            parts += [written + text for k, text, before in extra if k == key and not before]
        return "{" + ",".join(parts) + "}"
    if isinstance(value, list):
        items = (
            render(item, repeats, ascii_only=ascii_only, path=(*path, i))
            for i, item in enumerate(value)
        )
        return "[" + ",".join(items) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


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


_WRAPPINGS = (
    ("as_is", ""),
    ("space before", " \t\r\n"),
    ("space after", "\n\t "),
    ("data after", " {}"),
    ("a comma after", ","),
    ("a nul after", "\x00"),
    ("a no-break space after", "\u00a0"),
    ("a byte order mark before", "\ufeff"),
    ("a form feed before", "\x0c"),
)


@st.composite
def attacked(draw: st.DrawFn, source: st.SearchStrategy[dict[str, Any]] | None = None) -> str:
    """A document's text after a few attacks, most of them inside a participant record."""
    if source is None:
        dataset = draw(st.one_of(hs.datasets(max_participants=3), hs.assessed_datasets()))
        doc: Any = to_dict(dataset)
    else:
        doc = draw(source)
    repeats: Repeats = {}
    for _ in range(draw(st.integers(0, 3))):
        places = _places(doc)
        path = draw(st.sampled_from(places))
        target = _get(doc, path)
        how = draw(st.sampled_from(("value", "token", "delete", "add_key", "repeat_key")))
        if how == "repeat_key" and isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            text = draw(
                st.sampled_from(
                    (
                        json.dumps(target[key]) if not isinstance(target[key], Raw) else "1",
                        '"x:y"',
                        "null",
                        '"2016-01-01"',
                        '{"a:b":":"}',
                    )
                )
            )
            repeats.setdefault(path, []).append((key, text, draw(st.booleans())))
        elif how == "add_key" and isinstance(target, dict):
            key = draw(st.sampled_from(("note", "type", "a:b", "id", "label", "exit", "end")))
            target[key] = draw(st.sampled_from(ATTACK_VALUES))
        elif not path or any(isinstance(_get(doc, path[:i]), Raw) for i in range(len(path))):
            continue
        elif how == "delete":
            del _get(doc, path[:-1])[path[-1]]
            repeats = {p: r for p, r in repeats.items() if p[: len(path)] != path}
        elif how == "token":
            _get(doc, path[:-1])[path[-1]] = Raw(draw(st.sampled_from(ATTACK_TOKENS)))
        else:
            _get(doc, path[:-1])[path[-1]] = draw(st.sampled_from(ATTACK_VALUES))
    text = render(doc, repeats, ascii_only=draw(st.booleans()))
    name, extra = draw(st.sampled_from(_WRAPPINGS))
    if name.endswith("before"):
        text = extra + text
    else:
        text += extra
    if draw(st.booleans()) and ":" in text:
        # An escaped colon somewhere: in a key, a value or between them.
        at = draw(st.integers(0, text.count(":") - 1))
        parts = text.split(":")
        text = ":".join(parts[: at + 1]) + "\\u003a" + ":".join(parts[at + 1 :])
    return text


def examples(count: int) -> settings:
    """Hypothesis settings for ``count`` examples, without a deadline (reading is slow)."""
    return settings(max_examples=count, deadline=None, suppress_health_check=list(HealthCheck))


# ---------------------------------------------------------------- the properties


@examples(60)
@given(st.one_of(hs.datasets(max_participants=4), hs.assessed_datasets()))
def test_a_valid_document_is_built_by_the_fast_path_type_for_type(dataset: Dataset) -> None:
    text = dumps(dataset)
    for form in (*_both_forms(text), json.dumps(to_dict(dataset), separators=(",", ":"))):
        fast = assert_agrees(form)
        text_of_form = form if isinstance(form, str) else form.decode("utf-8", "surrogatepass")
        if fast is None and "\\u003" in text_of_form:
            continue  # a text with a possible escaped colon is left to the full reader
        assert fast is not None, f"the fast path gave up on a valid document: {form!r}"[:3000]
        assert_identical(dataset, fast)
    # Every record alone, as a line of JSON Lines, by json and by orjson.
    for record in dataset.participants:
        line = json.dumps(to_dict(record), ensure_ascii=False)
        assert_identical(record, fast_line(line))
        assert_identical(record, fast_line(line.encode("utf-8")))
        with mock.patch.object(_fast, "_orjson_loads", return_value=None):
            assert_identical(record, fast_line(line))


@examples(300)
@given(attacked(), st.booleans())
def test_an_attacked_document_reads_the_same_with_or_without_the_fast_path(
    text: str, as_bytes: bool
) -> None:
    assert_agrees(text.encode("utf-8", "surrogatepass") if as_bytes else text)


@examples(100)
@given(attacked(hs.violations().map(lambda v: v.document)))
def test_a_document_that_breaks_a_rule_and_is_attacked_besides_reads_the_same(text: str) -> None:
    assert fast_dataset(text) is None or isinstance(full(text), Dataset)
    assert_agrees(text)


@examples(80)
@given(hs.violations())
def test_every_rule_broken_is_reported_the_same_by_loads_and_by_read_lines(violation: Any) -> None:
    text = json.dumps(violation.document)
    assert fast_dataset(text) is None
    reference = assert_agrees(text)
    assert reference is None
    document = violation.document
    if not isinstance(document.get("participants", []), list):
        return
    lines = _as_lines(document)
    outcome = assert_lines_agree(lines)
    header = {key: value for key, value in document.items() if key != "participants"}
    if isinstance(full(json.dumps(header)), DataError):
        return  # a header that is refused stops JSON Lines at once: fewer problems
    error = full(text)
    assert isinstance(error, DataError)
    assert isinstance(outcome, DataError)
    if error.count <= DataError.LIMIT:
        # The same problems at the same paths; JSON Lines reports them line by line.
        assert Counter(outcome.problems) == Counter(error.problems)


@examples(100)
@given(attacked())
def test_attacked_lines_read_the_same_with_or_without_the_fast_path(text: str) -> None:
    try:
        document = json.loads(text.replace("\\u003a", ":"))
    except ValueError:
        return
    if not isinstance(document, dict) or not isinstance(document.get("participants", []), list):
        return
    lines = _as_lines(document)
    outcome = assert_lines_agree(lines)
    # The lines once more with the json module parsing them (orjson, when installed,
    # parses them above).
    with mock.patch.object(_fast, "_orjson_loads", return_value=None):
        again = lines_outcome(lines, fast=True)
    if isinstance(outcome, DataError):
        assert isinstance(again, DataError)
        assert _said(again) == _said(outcome)
    else:
        assert_identical(outcome, again)


@examples(40)
@given(st.one_of(hs.datasets(max_participants=4), hs.assessed_datasets()))
def test_read_lines_gives_the_records_loads_gives(dataset: Dataset) -> None:
    document = to_dict(dataset)
    records = assert_lines_agree(_as_lines(document))
    assert not isinstance(records, DataError)
    built: Dataset = loads(dumps(dataset))
    assert_identical(built.participants, records)


# ------------------------------------------------------------------ the examples


def _demo_document() -> dict[str, Any]:
    from hankemalli.demo import demo_dataset

    dataset = demo_dataset()
    # A few records of every shape: assessments, spells, events, an exit situation,
    # a re-entry, episode ids.
    wanted = (
        lambda r: r.assessments,
        lambda r: r.situations,
        lambda r: r.events,
        lambda r: r.exit_situation is not None,
        lambda r: len(r.periods) > 1,
        lambda r: any(e.id for e in r.episodes),
    )
    picked: list[Any] = []
    for test in wanted:
        picked.append(next(r for r in dataset.participants if test(r) and r not in picked))
    small = attrs.evolve(dataset, participants=tuple(picked))
    document: dict[str, Any] = to_dict(small)
    return document


DOCUMENT = _demo_document()
TEXT = json.dumps(DOCUMENT)


def _changed(path: str, value: Any) -> str:
    """The demo document's text with the value at ``path`` (dotted) replaced by JSON text."""
    doc = json.loads(TEXT)
    *parents, last = path.split(".")
    parent = doc
    for part in parents:
        parent = parent[int(part) if part.isdigit() else part]
    parent[int(last) if last.isdigit() else last] = Raw(value)
    return render(doc, {}, ascii_only=False)


def test_the_demo_records_are_read_by_the_fast_path() -> None:
    fast = assert_agrees(TEXT)
    assert fast is not None
    assert len(fast.participants) == 6


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("participants.0.participant.age_at_entry", "30.0"),
        ("participants.0.participant.age_at_entry", "3E1"),
        ("participants.0.participant.age_at_entry", "true"),
        ("participants.0.participant.age_at_entry", "-0"),
        ("participants.0.participant.age_at_entry", "NaN"),
        ("participants.0.participant.age_at_entry", "Infinity"),
        ("participants.0.participant.age_at_entry", "1" * 4301),
        ("participants.0.participant.age_at_entry", "null"),
        ("participants.0.participant.id", json.dumps(IDENTITY_CODE)),
        ("participants.0.participant.id", json.dumps(IDENTITY_CODE.lower())),
        ("participants.0.participant.id", '"131052\\u002d308T"'),
        ("participants.0.participant.id", '"K\\u003a1"'),
        ("participants.0.participant.id", '"\\ud800"'),
        ("participants.0.participant.id", '"K-1 "'),
        ("participants.0.periods.0.entry", '"2015-02-29"'),
        ("participants.0.periods.0.entry", '" 2016-01-01"'),
        ("participants.0.periods.0.entry", '"2016-1-1"'),
        ("participants.0.periods.0.entry", '"20160101"'),
        ("participants.0.periods.0.entry", '"2016-01-01T00:00:00"'),
        ("participants.0.periods.0.entry", '"1899-12-31"'),
        ("participants.0.periods.0.entry", '"2016\\u002d01-01"'),
        ("participants.0.profile.gender", '"WOMAN"'),
        ("participants.0.profile.gender", '"Woman"'),
        ("participants.0.profile.gender", "null"),
        ("participants.0.profile.foreign_background", "null"),
        ("participants.0.episodes", "[]"),
        ("participants.0.episodes", "{}"),
        ("participants.0.periods", "[]"),
        ("participants.0.profile", "{}"),
        ("participants.0.exit_situation", "null"),
        ("participants.0.assessments.0.scores.0.stage", "1.0"),
        ("participants.0.assessments.0.scores.0.stage", "true"),
        ("participants.0", "{}"),
        ("participants", "[]"),
        ("participants", "null"),
        ("schema_version", "1"),
        ("schema_version", "2.0"),
        ("schema_version", "true"),
        ("schema_version", '"2"'),
        ("programme.start", '"2015-08-01T00:00:00"'),
        ("programme.funders.0.share", "0.4560"),
        ("programme.funders.0.share", "NaN"),
    ],
)
def test_an_odd_value_reads_the_same_with_or_without_the_fast_path(path: str, value: str) -> None:
    for form in _both_forms(_changed(path, value)):
        assert_agrees(form)


def _dates_outside_the_models_years() -> list[tuple[str, str]]:
    # Dates no rule across fields or records looks at: only the model's years stop them.
    places: list[tuple[str, str]] = []
    for index, record in enumerate(DOCUMENT["participants"]):
        for key, field in (("events", "date"), ("situations", "start"), ("situations", "end")):
            if record.get(key):
                places.append((f"participants.{index}.{key}.0.{field}", '"2101-01-01"'))
        if record.get("exit_situation"):
            places.append((f"participants.{index}.exit_situation.date", '"1899-12-31"'))
    return places


@pytest.mark.parametrize(("path", "value"), _dates_outside_the_models_years())
def test_a_date_outside_the_models_years_reads_the_same(path: str, value: str) -> None:
    text = _changed(path, value)
    assert isinstance(full(text), DataError)
    for form in _both_forms(text):
        assert_agrees(form)
    doc = json.loads(text)
    assert_lines_agree(_as_lines(doc))


def test_an_unemployment_start_before_the_models_years_reads_the_same() -> None:
    doc = json.loads(TEXT)
    profile = doc["participants"][0]["profile"]
    profile["labour_market_status"] = "unemployed"
    for day in ("1899-12-31", "1900-01-01"):
        profile["unemployed_since"] = day
        text = json.dumps(doc)
        assert isinstance(full(text), DataError if day < "1900" else Dataset)
        assert_agrees(text)
        assert_lines_agree(_as_lines(doc))


def _object_paths() -> list[tuple[Any, ...]]:
    return [p for p in _places(DOCUMENT) if isinstance(_get(DOCUMENT, p), dict)]


@pytest.mark.parametrize("path", _object_paths(), ids=lambda p: ".".join(map(str, p)) or "$")
def test_a_key_repeated_in_any_object_is_reported_as_the_full_reader_reports_it(
    path: tuple[Any, ...],
) -> None:
    target = _get(DOCUMENT, path)
    for key in target:
        for written, before in ((json.dumps(target[key]), True), ('"x:y"', False)):
            text = render(DOCUMENT, {path: [(key, written, before)]}, ascii_only=False)
            assert fast_dataset(text) is None, f"a repeated {key!r} at {path} went unseen"
            error = full(text)
            assert isinstance(error, DataError)
            assert_agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + TEXT,
        TEXT + "\x00",
        TEXT + " \n\t\r",
        " \n\t\r" + TEXT,
        "\x0c" + TEXT,
        TEXT + "\u00a0",
        TEXT + "}",
        TEXT + "]",
        TEXT[:-1] + ",}",
        TEXT.replace(", ", ",\u00a0", 1),
        TEXT.replace(": ", ":\x0b", 1),
        TEXT.replace('"schema_version"', '"schema\\u005fversion"'),
        TEXT.replace('"participants"', '"participants", "participants": [], "x"'),
        TEXT.replace('"participants": [', '"participants": [], "participants": [', 1),
        TEXT.replace('"schema_version": 2', '"schema_version": 2, "schema_version": 2'),
        TEXT.replace('"schema_version": 2', '"schema_version": 2, "schema\\u005fversion": 2'),
        '{"participants": [' + json.dumps(DOCUMENT["participants"][0]) + "], " + TEXT[1:],
        TEXT.replace("{", "[" * 40 + "{", 1),
        "[" * 100_000,
        "{" * 50_000,
        "",
        "null",
        "2",
        '"x"',
    ],
)
def test_odd_json_around_a_valid_document_reads_the_same(text: str) -> None:
    for form in _both_forms(text):
        assert_agrees(form)


def test_a_valid_document_written_with_every_escape_reads_the_same() -> None:
    # Every character of every string escaped as \\uXXXX. The fast path gives up on
    # any escape \\u003X (a colon is \\u003a; digits and ;<=>? share the prefix), so
    # the second text leaves those characters as they are: it must then be built.
    def escaped(value: Any, keep: str = "") -> str:
        if isinstance(value, str):
            chars = (c if c in keep or ord(c) >= 0x10000 else f"\\u{ord(c):04x}" for c in value)
            return '"' + "".join(chars) + '"'
        if isinstance(value, dict):
            pairs = (escaped(k, keep) + ":" + escaped(v, keep) for k, v in value.items())
            return "{" + ",".join(pairs) + "}"
        if isinstance(value, list):
            return "[" + ",".join(escaped(v, keep) for v in value) + "]"
        return json.dumps(value)

    text = escaped(DOCUMENT)
    assert isinstance(full(text), Dataset)
    assert_agrees(text)
    fast = assert_agrees(escaped(DOCUMENT, keep="0123456789:;<=>?"))
    assert fast is not None


def test_a_record_with_a_rule_broken_in_each_way_reads_the_same() -> None:
    record = DOCUMENT["participants"][1]
    changes = [
        ("periods", [{"entry": "2016-05-01", "exit": "2016-04-01"}]),
        ("periods", [{"entry": "2016-05-01", "exit_reason": "other"}]),
        ("periods", [{"entry": "2016-05-01"}, {"entry": "2016-06-01"}]),
        ("periods", [{"entry": "2014-01-01", "exit": "2016-04-01"}]),
        ("episodes", [{"service": "tet", "start": "2016-01-01", "id": "e:1"}] * 2),
        ("episodes", [{"service": "other", "start": record["periods"][0]["entry"]}]),
        (
            "events",
            [
                {
                    "type": "post_exit_contact",
                    "date": "1990-01-01",
                    "source": "register",
                    "kind": "volunteer",
                }
            ],
        ),
        ("exit_situation", {"date": "2016-01-01", "status": "employed", "source": "register"}),
    ]
    for key, value in changes:
        doc = json.loads(TEXT)
        doc["participants"][1][key] = value
        text = json.dumps(doc)
        assert fast_dataset(text) is None
        assert_agrees(text)
        assert_lines_agree(_as_lines(doc))


def test_a_participant_id_used_twice_reads_the_same_in_a_document_and_in_lines() -> None:
    doc = json.loads(TEXT)
    doc["participants"].append(doc["participants"][0])
    text = json.dumps(doc)
    assert fast_dataset(text) is None
    assert_agrees(text)
    outcome = assert_lines_agree(_as_lines(doc))
    error = full(text)
    assert isinstance(outcome, DataError)
    assert isinstance(error, DataError)
    assert Counter(outcome.problems) == Counter(error.problems)


def test_a_version_1_document_reads_the_same() -> None:
    doc = json.loads(TEXT)
    doc["schema_version"] = 1
    text = json.dumps(doc)
    assert fast_dataset(text) is None
    assert_agrees(text)
    assert_lines_agree(_as_lines(doc))


def test_a_line_with_a_byte_order_mark_or_odd_space_reads_the_same() -> None:
    lines = _as_lines(DOCUMENT).splitlines(keepends=True)
    for changed in (
        "\ufeff" + lines[1],
        " " + lines[1],
        lines[1].rstrip("\n") + " \r\n",
        lines[1].rstrip("\n") + "\x0c\n",
        lines[1].rstrip("\n") + "\u00a0\n",
        lines[1].replace(":", ": ", 3),
    ):
        assert_lines_agree("".join([lines[0], changed, *lines[2:]]))


# -------------------------------------------------- what the attack found (failing)


def test_a_replaced_check_of_each_field_is_obeyed_as_the_constructor_obeys_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # FOUND: the fast path notices only a replaced __attrs_post_init__. A check
    # replaced one level down (``_field_problems`` or ``_problems``, which the
    # constructor runs and the fast path does not) is obeyed by the full reader
    # and ignored by the fast path: loads accepts what from_dict refuses.
    original = ParticipationPeriod._field_problems

    def stricter(self: ParticipationPeriod) -> Iterator[Any]:
        yield from original(self)
        if self.exit is not None:
            yield problem(("exit",), "period.exit_reason_without_exit")

    monkeypatch.setattr(ParticipationPeriod, "_field_problems", stricter)
    reference = full(TEXT)
    assert isinstance(reference, DataError)
    assert fast_dataset(TEXT) is None, "the fast path ignored the replaced check"
    assert_agrees(TEXT)


def test_a_memoryview_is_read_as_the_full_reader_reads_it() -> None:
    # FOUND: fast_dataset takes any buffer (bytes(text)), the full reader only str,
    # bytes and bytearray: loads(memoryview(valid)) builds a dataset, while
    # loads(memoryview(invalid)) escapes as a TypeError rather than a DataError.
    data = TEXT.encode("utf-8")
    reference: Any
    try:
        reference = full(memoryview(data))
    except TypeError as exc:
        reference = exc
    fast = fast_dataset(memoryview(data))  # type: ignore[arg-type]
    assert (fast is None) == (not isinstance(reference, Dataset)), (
        f"the fast path built {type(fast).__name__}, the full reader gave {reference!r}"
    )
