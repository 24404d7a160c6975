"""Fuzzing: any mutation of a valid document loads or raises one DataError, and no
identity code planted in it is ever repeated in the error.

The promise of the reader (docs/serialization.md): a document either loads or raises
a :class:`~hankemalli.DataError` listing every problem with its JSON path. Whatever a
careless user or an attacker does to a valid document (wrong types, bad dates,
unknown keys, deletions, duplicate keys, deep nesting, huge numbers, broken
characters, a personal identity code in any text), nothing else escapes, and the
personal data is not echoed back.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset
from hankemalli.serialization import loads, to_dict
from hankemalli.testing import strategies as hs

#: A valid-looking Finnish personal identity code, planted to see it is never echoed.
IDENTITY_CODE = "131052-308T"

Path = tuple[str | int, ...]


def _places(value: Any, path: Path = ()) -> list[Path]:
    """Every path of the document: objects, lists and their leaves."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _get(doc: Any, path: Path) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


_REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        (
            "",
            " ",
            "2016-02-30",
            "2016-13-01",
            "２０１６-01-01",
            "9999-12-31",
            "1800-01-01",
            IDENTITY_CODE,
            f"K-{IDENTITY_CODE}",
            f"muistiinpano {IDENTITY_CODE}",
            "matti.meikalainen@example.fi",
            "+358 40 123 4567",
            "\x1b[31mpunainen\x1b[0m",
            "rivi\nrivi",
            "yes",
            "unknown_code",
        )
    ),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.integers(30, 1200).map(_deep),
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A valid document's JSON text after a few mutations."""
    dataset = draw(hs.datasets(max_participants=3))
    doc: Any = to_dict(dataset)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(doc)
        path = draw(st.sampled_from(places))
        kind = draw(st.sampled_from(("replace", "delete", "add_key", "identity")))
        if kind == "delete" and path:
            parent = _get(doc, path[:-1])
            if isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent.pop(path[-1])
        elif kind == "add_key" and isinstance(_get(doc, path), dict):
            key = draw(st.sampled_from(("note", "\x1b[2J", "nimi\nsukunimi", "id")))
            _get(doc, path)[key] = draw(_REPLACEMENTS)
        elif kind == "identity" and isinstance(_get(doc, path), str):
            doc = _set(doc, path, draw(st.sampled_from((IDENTITY_CODE, f"x {IDENTITY_CODE} y"))))
        else:
            doc = _set(doc, path, draw(_REPLACEMENTS))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    how = draw(st.sampled_from(("as_is", "duplicate", "huge_int", "surrogate", "truncate")))
    if how == "duplicate" and text.startswith("{"):
        # The same key twice in the outermost object: the first value is the code.
        text = '{"programme": "' + IDENTITY_CODE + '", ' + text[1:]
    elif how == "huge_int":
        text = text.replace("2", "2" + "7" * 5000, 1) if '": 2' in text else text
    elif how == "surrogate":
        text = text.replace('"', '"\\ud800', 1)
    elif how == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    return text


@settings(max_examples=150, deadline=None)
@given(_mutated(), st.booleans())
def test_a_mutated_document_loads_or_raises_one_data_error_without_echoing_personal_data(
    text, as_bytes
):
    source: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    outcome = _read(source)
    if isinstance(outcome, Dataset):
        return
    message = str(outcome)
    assert IDENTITY_CODE not in message
    assert all(IDENTITY_CODE not in problem for problem in outcome.problems)
    # A message is lines of printable text: no raw control character got in.
    assert all(line.isprintable() for line in message.splitlines())


def _read(source: str | bytes) -> Dataset | DataError:
    """The dataset read, or the DataError raised; any other exception fails the test."""
    try:
        return loads(source, Dataset)
    except DataError as error:
        return error
