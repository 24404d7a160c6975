"""Turning JSON text into JSON-like data, safely, whatever the text (hostile input).

The reader promises that any text either reads or raises one ``DataError``; this
module keeps that promise for what the standard :mod:`json` module would otherwise
let through or fail on. Each rule below says why it is there; together they are
described in ``docs/serialization.md``, "Hostile input".

- **UTF-8 only** (RFC 8259, 8.1). Bytes are decoded strictly as UTF-8; a leading
  byte order mark is allowed, since Windows editors write one. :mod:`json` would
  otherwise guess UTF-16 or UTF-32 from the bytes, and an undecodable byte would
  raise ``UnicodeDecodeError``.
- **No repeated key in an object.** Python's :mod:`json` keeps the last value of a
  repeated key, other readers the first: in ``{"id": "131052-308T", "id": "K-9"}``
  the personal identity code would stay in the file while the reader said it was
  fine. Every repeated key is reported, at its path, and neither value is shown.
- **Numbers within bounds.** A whole number of more than :data:`MAX_DIGITS` digits
  makes Python's ``int`` raise ``ValueError`` (and takes time quadratic in its
  length), so it is not turned into a number: a marker stands in its place and the
  reader reports it at its path. A number with a fraction or an exponent, read
  exactly as a Decimal, may have as many characters. ``NaN``, ``Infinity`` and ``-Infinity`` are not
  JSON and are reported likewise.
- **Nesting within bounds.** No value of the schema is nested more than 7 arrays
  and objects deep; :data:`MAX_DEPTH` allows more than four times that. A deeper document
  (2 KB of ``[`` nest 1,000 levels) is refused at the path of its first value
  that is too deep, before anything walks it recursively; one so deep that the
  :mod:`json` module runs out of recursion is refused the same way, never with a
  ``RecursionError``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ..model._errors import DataError, PathPart, Problem, problem
from ..model._messages import fill
from ._errors import key_part, safe_key

__all__ = [
    "MAX_DEPTH",
    "MAX_DIGITS",
    "OutOfBounds",
    "RepeatedKeys",
    "parse",
    "structure_problems",
]

#: The deepest a value may be nested in arrays and objects. A hankemalli document
#: nests at most 7 deep (the score objects at ``$.participants[0].assessments[0].
#: scores[0]``); the limit is more than four times that, and far below where
#: Python's recursion fails (some 1,000 levels).
MAX_DEPTH = 32

#: The most digits (or characters) a number may have: Python's own limit for
#: turning text into a whole number (``sys.get_int_max_str_digits()``). No number
#: of the schema needs more than a handful.
MAX_DIGITS = 4300

_BOM = b"\xef\xbb\xbf"

#: The deepest a value of a hankemalli document is nested (see :data:`MAX_DEPTH`).
DEEPEST_IN_SCHEMA = 7


class OutOfBounds:
    """A number (or a non-JSON constant) the reader refuses, standing where it was.

    ``code`` is the problem it makes, and ``params`` its parameters: ``number``
    names what it was (a term such as ``number.digits``, with ``digits`` beside
    it, or the constant itself, ``NaN``). The reader's hooks report it at its path
    like any value of the wrong kind, so the rest of the document is still read
    and checked.
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, number: str, **params: str | int) -> None:
        self.code = code
        self.params: dict[str, str] = {"number": number}
        self.params.update((name, str(value)) for name, value in params.items())

    def __repr__(self) -> str:
        return fill("{number:term}", "en", self.params)


class RepeatedKeys(dict[str, Any]):
    """The dict of a JSON object in which a key appears more than once.

    It holds the last value of each key, as :mod:`json` would; ``repeated`` names
    the keys that appeared more than once, each once, in order.
    """

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]], repeated: list[str]) -> None:
        super().__init__(pairs)
        self.repeated = repeated


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            repeated[key] = None
        seen.add(key)
    return RepeatedKeys(pairs, list(repeated))


def _whole_number(text: str) -> int | OutOfBounds:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        return OutOfBounds("json.number_too_long", "number.digits", digits=digits, limit=MAX_DIGITS)
    try:
        return int(text)
    except ValueError:  # an interpreter set to a lower limit than ours
        limit = sys.get_int_max_str_digits()
        return OutOfBounds("json.number_too_long_here", "number.digits", digits=digits, limit=limit)


def _decimal_number(text: str) -> Decimal | OutOfBounds:
    # Decimals keep what the writer typed (0.1 stays exactly 0.1).
    if len(text) > MAX_DIGITS:
        return OutOfBounds(
            "json.number_too_many_characters",
            "number.characters",
            characters=len(text),
            limit=MAX_DIGITS,
        )
    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent beyond what Decimal holds: 1e99999999999999999999
        return OutOfBounds("json.number_out_of_range", "number.unreadable")


def _constant(text: str) -> OutOfBounds:
    return OutOfBounds("json.not_a_number", text)


def _decode(data: bytes) -> str:
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([problem((), "json.not_utf8", byte=start + exc.start)]) from None


# The json module's reasons for refusing a text, by how they start, each with the term
# that gives it in every language; a reason not listed here is shown as it is.
_REASONS = (
    ("Expecting value", "json.expecting_value"),
    ("Expecting property name", "json.expecting_property_name"),
    ("Expecting ':'", "json.expecting_colon"),
    ("Expecting ','", "json.expecting_comma"),
    ("Unterminated string", "json.unterminated_string"),
    ("Invalid control character", "json.control_character"),
    ("Invalid \\uXXXX", "json.unicode_escape"),
    ("Invalid \\escape", "json.escape"),
    ("Extra data", "json.extra_data"),
    ("Illegal trailing comma", "json.trailing_comma"),
)


def _reason(message: str) -> str:
    """The term of the json module's reason ``message``, or the message itself."""
    for start, term in _REASONS:
        if message.startswith(start):
            return term
    return message


def parse(text: str | bytes | bytearray) -> Any:
    """The JSON-like data of ``text``; raise :class:`DataError` if it is not JSON at all.

    Objects with a repeated key come back as :class:`RepeatedKeys`, and numbers out
    of bounds as :class:`OutOfBounds`, for :func:`structure_problems` and the hooks
    of the converter to report where they are.
    """
    if isinstance(text, bytes | bytearray):
        text = _decode(bytes(text))
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_whole_number,
            parse_float=_decimal_number,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        found = problem(
            (), "json.syntax", reason=_reason(exc.msg), line=exc.lineno, column=exc.colno
        )
        raise DataError([found]) from None
    except RecursionError:
        # Nested so deep that the json module ran out of stack (some 1,000 levels):
        # find where it first went too deep by scanning the text, without recursion.
        raise DataError([_too_deep(_too_deep_in_text(text))]) from None


def _too_deep(path: tuple[PathPart, ...]) -> Problem:
    return problem(path, "json.too_deep", limit=MAX_DEPTH, deepest=DEEPEST_IN_SCHEMA)


def structure_problems(data: object, *, depth: int = 1) -> Iterator[Problem]:
    """The problems of ``data``'s structure, in document order, without recursion.

    Every repeated key, and the first value nested deeper than :data:`MAX_DEPTH`
    (nothing below that is looked at). The walk keeps its own stack, so it works
    at any depth, and ends on data that contains itself. ``depth`` is how deep
    ``data`` itself lies in its document (1 for a whole document; 3 for a
    participant record, which lies in the dataset's ``participants`` array).
    """
    # Each entry: a container, its depth (1 for the top), and where it is, as a
    # linked list (key, where the parent is) that becomes a path only when needed.
    stack: list[tuple[Any, int, _Where]] = [(data, depth, None)] if _is_container(data) else []
    too_deep = False
    while stack:
        node, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            # Only the first is reported; the walk goes on for repeated keys.
            if not too_deep:
                too_deep = True
                yield _too_deep(_path(where))
            continue
        kind = type(node)
        if kind is RepeatedKeys:
            path = _path(where)
            for key in node.repeated:
                yield problem((*path, safe_key(key)), "json.duplicate_key")
        # Children are pushed last first, so that they are popped in document order.
        if kind is list:
            for index in range(len(node) - 1, -1, -1):
                if _is_container(child := node[index]):
                    stack.append((child, depth + 1, (index, where)))
        elif kind is dict or kind is RepeatedKeys:
            for key, child in reversed(node.items()):
                if _is_container(child):
                    stack.append((child, depth + 1, (key, where)))
        elif isinstance(node, Mapping):  # any other Mapping given to from_dict
            for key, child in reversed(list(node.items())):
                if _is_container(child):
                    stack.append((child, depth + 1, (key_part(key), where)))
        else:  # a tuple (or other sequence) given to from_dict: its indices stay numbers
            for index in range(len(node) - 1, -1, -1):
                if _is_container(child := node[index]):
                    stack.append((child, depth + 1, (index, where)))


#: Where a value is: its key or index and where its parent is; None for the top.
_Where = tuple[PathPart, "_Where"] | None


def _path(where: _Where) -> tuple[PathPart, ...]:
    # Keys are looked at for personal data only here, when a problem needs the path.
    parts: list[PathPart] = []
    while where is not None:
        key, where = where
        parts.append(safe_key(key) if isinstance(key, str) else key)
    return tuple(reversed(parts))


# What cannot hold other values, looked up before isinstance, which is slow for the
# abstract Mapping.
_SCALARS = frozenset({str, int, float, bool, type(None), Decimal, OutOfBounds})


def _is_container(value: object) -> bool:
    kind = type(value)
    if kind is dict or kind is list or kind is RepeatedKeys:
        return True
    if kind in _SCALARS:
        return False
    return isinstance(value, Mapping | list | tuple)


# One JSON token: a string, a punctuation mark, or a run of anything else (a
# number or a literal). Used only to find where a document is nested too deep.
_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([\[\]{},:])|([^\s\[\]{},:"]+))', re.DOTALL)


def _too_deep_in_text(text: str) -> tuple[PathPart, ...]:
    """The path of the first value of ``text`` nested deeper than :data:`MAX_DEPTH`.

    A scan of the tokens with a stack of its own, used only when the json module
    could not parse so deep a document; ``()`` if the text does not nest that deep
    or cannot be followed.
    """
    path: list[PathPart] = []
    in_object: list[bool] = []
    expect_key = False
    for match in _TOKEN.finditer(text):
        string, mark, _ = match.groups()
        if mark in ("[", "{"):
            if len(in_object) == MAX_DEPTH:
                return tuple(safe_key(p) if isinstance(p, str) else p for p in path)
            in_object.append(mark == "{")
            path.append("" if mark == "{" else 0)
            expect_key = mark == "{"
        elif mark in ("]", "}"):
            if not in_object:
                return ()
            in_object.pop()
            path.pop()
            expect_key = False
        elif mark == ",":
            if not in_object:
                return ()
            if in_object[-1]:
                expect_key = True
            else:
                index = path[-1]
                path[-1] = index + 1 if isinstance(index, int) else 0
        elif string is not None and expect_key:
            path[-1] = _key_text(string)
            expect_key = False
    return ()


def _key_text(token: str) -> str:
    try:
        key: str = json.loads(token)
    except ValueError:  # an escape json would not have read; the key as written
        return token[1:-1]
    return key
