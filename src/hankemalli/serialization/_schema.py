"""The JSON Schema of the dataset document (aineiston JSON-skeema).

:func:`json_schema` describes the document :func:`~hankemalli.serialization.dumps`
writes and :func:`~hankemalli.serialization.loads` reads, in JSON Schema draft
2020-12, for the front ends and systems that are not written in Python. It is
derived from the model itself (the attrs classes, their fields and defaults, the
code lists and the event and situation tags), so it cannot drift from the reader:

- every class of the model is an object of its own under ``$defs``, with exactly its
  fields (``additionalProperties: false``), those without a default required;
- a field that may be ``None`` may be ``null`` or left out; a field with an empty
  default may be left out (and is, when written);
- a code is one of its code list's codes; an event or a situation names its kind
  under ``"type"``;
- a date is a day of the calendar in the years 1900–2100 written ``YYYY-MM-DD``; a
  decimal is a string such as ``"0.25"`` (a JSON number is read too).

The schema checks the form of a document. The model's own rules across values
(dates in order, periods that do not overlap, pseudonyms that are not personal
data, text without control characters, unique ids) are checked by the reader, or
``hankemalli validate``: a document that validates against the schema may still be
refused by the reader, never the other way round.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, Final, get_args, get_origin

import attrs
import pendulum

from ..model import (
    EVENT_TAGS,
    SCHEMA_VERSION,
    SITUATION_TAGS,
    Dataset,
    Participant,
    Participation,
)
from ..model._participation import AGE_RANGE
from ._converter import _DATASET_KEYS, TAG_KEY
from ._json import MAX_DIGITS

__all__ = ["DATE_PATTERN", "DECIMAL_PATTERN", "json_schema"]

#: The dialect of the schema.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

# The days of the calendar in the years 1900-2100 (the model's range), as YYYY-MM-DD:
# days 01-28 of any month, 29 and 30 of every month but February, 31 of the long
# months, and 29 February of the leap years (1900 and 2100 are not; 2000 is).
_YEAR = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
_MONTH_DAY = (
    r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0[13578]|1[02])-31)"
)
_LEAP_DAY = r"(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[048]|[2468][048]|[13579][26]))-02-29"


def _whole(pattern: str) -> str:
    # "$" in Python's re, which the jsonschema package uses, also matches before a
    # final line feed; "(?!\n)" refuses that, and means nothing to an ECMA-262 engine.
    return f"^(?:{pattern})$(?!\\n)"


#: A date of the document: ``YYYY-MM-DD`` in ASCII digits, a day of the calendar in
#: the years 1900-2100 (ECMA-262 and Python regular expression syntax alike).
DATE_PATTERN: Final = _whole(f"{_YEAR}-{_MONTH_DAY}|{_LEAP_DAY}")

#: A decimal number written as a string, as the reader takes it: ASCII digits, an
#: optional sign, fraction and exponent.
DECIMAL_PATTERN: Final = _whole(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

# RST markup of docstrings, which a schema's reader does not want: roles such as
# :class:`~hankemalli.Dataset` (the last name kept) and ``literals``.
_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]*\.)?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dataset document (aineiston JSON-skeema).

    The schema of the current :data:`~hankemalli.SCHEMA_VERSION`; a version-1
    document is read by :func:`~hankemalli.serialization.loads` but validates only
    once migrated (:func:`~hankemalli.serialization.migrate`, ``hankemalli
    migrate``). Each call returns a new dict, for the caller to keep or change.
    See the module's description for what the schema checks and what it leaves to
    the reader.
    """
    builder = _Builder()
    dataset = _describe(Dataset)
    properties: dict[str, Any] = {
        "schema_version": {
            "title": "Schema version",
            "description": f"The version of the document's form: {SCHEMA_VERSION}.",
            "type": "integer",
            "const": SCHEMA_VERSION,
        }
    }
    fields = {f.name: f for f in attrs.fields(Dataset)}
    for key in _DATASET_KEYS:
        if key != "schema_version":
            properties[key] = builder.of(fields[key].type)
    return {
        "$schema": DRAFT,
        "title": f"hankemalli dataset document, schema version {SCHEMA_VERSION}",
        "description": dataset
        + ' Dates are YYYY-MM-DD, decimals are strings such as "0.25", and optional '
        "keys are left out when empty. The reader (hankemalli validate) also checks the "
        "model's rules across values, which this schema does not.",
        "type": "object",
        "properties": properties,
        "required": ["schema_version", "programme"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


class _Builder:
    """Schemas of the model's types, each class and code list once under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._unions: dict[frozenset[type], tuple[str, typing.Mapping[str, type]]] = {
            frozenset(EVENT_TAGS.values()): ("OutcomeEvent", EVENT_TAGS),
            frozenset(SITUATION_TAGS.values()): ("SituationSpell", SITUATION_TAGS),
        }

    def of(self, kind: Any) -> dict[str, Any]:
        """The schema of a value of the type ``kind``, as a field is annotated."""
        args = get_args(kind)
        origin = get_origin(kind)
        if origin in (types.UnionType, typing.Union):
            members = [a for a in args if a is not type(None)]
            if len(members) < len(args):  # X | None: null or left out
                inner = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
                return {"anyOf": [self.of(inner), {"type": "null"}]}
            return self._tagged(frozenset(members))
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0])}
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is Decimal:
            return self._define("Decimal", _decimal)
        if kind is pendulum.Date:
            return self._define("Date", _date)
        if isinstance(kind, type) and issubclass(kind, Enum):
            return self._define(kind.__name__, lambda: _code_list(kind))
        if attrs.has(kind):
            return self._define(kind.__name__, lambda: self._object(kind))
        raise TypeError(f"no JSON Schema for the type {kind!r}")  # pragma: no cover

    def _define(self, name: str, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # taken before building, for a class that contains itself
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, cls: type, tag: str | None = None) -> dict[str, Any]:
        attrs.resolve_types(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        properties: dict[str, Any] = {}
        if tag is not None:
            properties[TAG_KEY] = {"description": "The kind of this item.", "const": tag}
        required = [TAG_KEY] if tag is not None else []
        for f in fields:
            properties[f.name] = {**self.of(f.type), **_refinement(cls, f.name)}
            if f.default is attrs.NOTHING:
                required.append(f.name)
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": _describe(cls),
            "type": "object",
            "properties": properties,
        }
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def _tagged(self, members: frozenset[type]) -> dict[str, Any]:
        """An event or a situation: its ``"type"`` names which class the rest follows."""
        name, tags = self._unions[members]

        def build() -> dict[str, Any]:
            branches = []
            for tag, cls in tags.items():
                ref = self._define(cls.__name__, functools.partial(self._object, cls, tag))
                branches.append({"if": {"properties": {TAG_KEY: {"const": tag}}}, "then": ref})
            what = "an outcome event" if name == "OutcomeEvent" else "a situation spell"
            return {
                "title": name,
                "description": f"One of the kinds of {what}, named by its {TAG_KEY!r} key: "
                + ", ".join(tags)
                + ".",
                "type": "object",
                "properties": {TAG_KEY: {"enum": list(tags)}},
                "required": [TAG_KEY],
                "allOf": branches,
            }

        return self._define(name, build)


def _refinement(cls: type, name: str) -> dict[str, Any]:
    """What the schema adds to a field's type, from the model's own constants."""
    if cls is Participant and name == "age_at_entry":
        return {"minimum": AGE_RANGE.start, "maximum": AGE_RANGE.stop - 1}
    if cls is Participation and name == "periods":
        return {"minItems": 1}
    return {}


def _code_list(enum: type[Enum]) -> dict[str, Any]:
    return {
        "title": enum.__name__,
        "description": _describe(enum),
        "type": "string",
        "enum": [str(member.value) for member in enum],
    }


def _date() -> dict[str, Any]:
    return {
        "title": "Date",
        "description": "A day of the calendar in the years 1900–2100, as YYYY-MM-DD "
        '(päivämäärä), such as "2016-03-01".',
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    }


def _decimal() -> dict[str, Any]:
    return {
        "title": "Decimal",
        "description": "A decimal number (desimaaliluku), written as a string such as "
        '"0.25" so that no digit is lost; a JSON number is read too.',
        "anyOf": [
            {"type": "string", "pattern": DECIMAL_PATTERN, "maxLength": MAX_DIGITS},
            {"type": "number"},
        ],
    }


def _describe(obj: type) -> str:
    """The first paragraph of a docstring, on one line, without RST markup."""
    doc = (obj.__doc__ or "").strip()
    paragraph = " ".join(doc.split("\n\n", 1)[0].split())
    return _LITERAL.sub(r"\1", _ROLE.sub(r"\1", paragraph))
