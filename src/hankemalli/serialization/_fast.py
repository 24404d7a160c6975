r"""The reader's fast path: a valid document read in one walk, anything else left to the full path.

Nearly every document a program reads is valid, and the full reader
(:mod:`._json` and :mod:`._converter`) pays for promises that matter only for an
invalid one: every key read after a problem, every problem with its path, a walk
for repeated keys and depth, a ``try`` at every value. This module reads a
document only when it can prove, cheaply and in one walk, that the full reader
would accept it; on any doubt at all it gives up (``None``), and the caller reads
the text again the full way, which reports exactly what it reports today. So the
fast path changes how fast a document is read, never what is accepted, refused or
said about it.

What it proves, and how:

- **The same values.** The text is parsed by :func:`json.loads` with the full
  reader's own hooks for numbers with a fraction and non-JSON constants; every
  value is then read by the same rule as the converter's hook for its field
  (exactly a ``str``, an ``int`` within bounds, a ``bool``, a known code, an
  ISO date, an array, an object with known keys and every required one), or the
  fast path gives up.
- **Every rule of the model.** Each object is built by its class's own
  constructor, so every check of the model runs (the cross-field ones too), and
  the dataset by :class:`~hankemalli.Dataset`, whose checks are those across
  records the full reader runs. A constructor that refuses means the fast path
  gives up. A class whose checks the model splits into those of each field's
  type (``_field_problems``) and all the others (``_rule_problems``), and whose
  fields are all of kinds the reader proves by itself (codes, yes or no, dates
  in the model's years, texts, whole numbers, the model's objects), is
  built with its rules alone (the participation, its participant, periods,
  entry profile and service episodes). The programme, operating models and
  instruments (one each, or a handful) are read by the converter itself.
- **No repeated key.** :func:`json.loads` keeps the last value of a repeated
  key without a word. A colon in JSON text is either inside a string or separates a
  key from its value, so when no escape in the text can stand for a colon
  (``\\u003a``), the colons of the text are exactly the keys of its objects plus
  the colons of its strings; the walk counts both in what it kept, and any
  difference means a key (or more) was dropped: the fast path gives up.
- **Depth.** The walk goes only where the schema nests (at most 7 deep), so a
  deeper value is of the wrong type there; the header, read by the converter, is
  walked for depth as the full reader does.

``tests/serialization/test_fast.py`` states it as properties over the project's
own strategies: for valid documents and for documents broken in every way the
strategies know, the fast path either gives up or builds exactly what the full
reader builds, and it never builds a document the full reader refuses.
"""

from __future__ import annotations

import functools
import gc
import json
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any, Union, get_args, get_origin

import attrs
import pendulum

from ..model import (
    CODE_LISTS,
    EVENT_TAGS,
    SCHEMA_VERSION,
    SITUATION_TAGS,
    Dataset,
    Instrument,
    OperatingModel,
    OutcomeEvent,
    Participation,
    Programme,
    SituationSpell,
)
from ..model._checks import EARLIEST_DATE, LATEST_DATE
from ..model._errors import raise_if_any
from . import _converter
from ._converter import (
    _DATASET_KEYS,
    _DATES_KEPT,
    _TOO_MANY_DIGITS,
    TAG_KEY,
    _structure_date,
)
from ._json import _BOM, _constant, _decimal_number, structure_problems

__all__ = ["fast_dataset", "fast_line", "fast_parse"]


class _Doubt(Exception):  # noqa: N818 - a signal inside this module, never seen outside
    """The document may not be valid: leave it to the full reader."""


#: Reads one value of a field: (raw value, the tally of keys and colons) -> model value.
_Reader = Callable[[Any, list[int]], Any]


#: One decoder for every text (json.loads with hooks would make one a call: a line
#: of JSON Lines is short enough for that to show).
_DECODER = json.JSONDecoder(parse_float=_decimal_number, parse_constant=_constant)


@functools.cache
def _orjson_loads() -> Callable[[str | bytes], Any] | None:
    """``orjson.loads`` if orjson is installed, else None."""
    try:
        import orjson
    except ImportError:
        return None
    loads: Callable[[str | bytes], Any] = orjson.loads
    return loads


def fast_parse(source: str | bytes, *, line: bool = False) -> Any:
    """The JSON-like data of ``source`` for the fast path; raises :class:`_Doubt` if in doubt.

    Parsed by :mod:`json` with the full reader's hooks for numbers with a fraction
    and non-JSON constants. A ``line`` of JSON Lines is parsed by orjson when it is
    installed (twice as fast on a line; on a whole document its peak memory is some
    2.5 times the :mod:`json` module's, so a document is not): a value it makes
    differently from the full reader is refused where it is read (a float is no
    value of a record; a whole number beyond 64 bits, ``NaN``, bytes that are not
    UTF-8 or a lone surrogate stop orjson, and the full reader says why).
    """
    # An escape that may stand for a colon: the count of colons would not hold.
    if b"\\u003" in source if isinstance(source, bytes) else "\\u003" in source:
        raise _Doubt
    loads = _orjson_loads() if line else None
    try:
        if loads is not None:
            return loads(source)
        return _DECODER.decode(source if isinstance(source, str) else source.decode("utf-8"))
    except Exception:  # not JSON, too deep, a number too long: the full reader says which
        raise _Doubt from None


def _colons(source: str | bytes) -> int:
    """The colons of a text (in UTF-8, a colon's byte is never part of another character)."""
    return source.count(b":") if isinstance(source, bytes) else source.count(":")


def _read_str(raw: Any, tally: list[int]) -> str:
    if type(raw) is not str:
        raise _Doubt
    if ":" in raw:
        tally[0] -= raw.count(":")
    return raw


def _read_int(raw: Any, _: list[int]) -> int:
    if type(raw) is not int or abs(raw) >= _TOO_MANY_DIGITS:
        raise _Doubt
    return raw


def _read_bool(raw: Any, _: list[int]) -> bool:
    if type(raw) is not bool:
        raise _Doubt
    return raw


#: Dates already read and found in the model's years (1900-2100), by their text;
#: cleared when full, as the converter's own table of dates.
_IN_RANGE: dict[str, pendulum.Date] = {}


def _read_date(raw: Any, _: list[int]) -> pendulum.Date:
    """A date as the converter reads it, and in the years the model accepts."""
    if type(raw) is not str:
        raise _Doubt
    known = _IN_RANGE.get(raw)
    if known is not None:
        return known
    day = _structure_date(raw, pendulum.Date)  # raises on a text that is no date
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise _Doubt
    if len(_IN_RANGE) >= _DATES_KEPT:
        _IN_RANGE.clear()
    _IN_RANGE[raw] = day
    return day


def _codes(enum: type[Enum]) -> dict[Any, Any]:
    """The members of a code list by their codes, as the converter's hook finds them."""
    codes = {str(member.value): member for member in enum}
    if any(":" in code for code in codes):  # the colon count assumes codes have none
        raise TypeError(f"a code of {enum.__name__} holds a colon")
    return codes


def _code_reader(enum: type[Enum]) -> _Reader:
    codes = _codes(enum)

    def read(raw: Any, _: list[int]) -> Enum:
        if type(raw) is not str:
            raise _Doubt
        member: Enum = codes[raw]
        return member

    return read


def _optional_of(kind: Any) -> Any:
    """``X`` for the type ``X | None``; None for any other type."""
    args = get_args(kind)
    if get_origin(kind) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


def _optional_reader(inner: _Reader) -> _Reader:
    def read(raw: Any, tally: list[int]) -> Any:
        return None if raw is None else inner(raw, tally)

    return read


def _tuple_reader(inner: _Reader) -> _Reader:
    def read(raw: Any, tally: list[int]) -> tuple[Any, ...]:
        if type(raw) is not list:
            raise _Doubt
        return tuple([inner(item, tally) for item in raw])

    return read


# How a field is read, inline in the loop over an object's keys (a call per value
# would cost as much as the rest of the walk): a code, by its table; a date, by the
# table of dates already read; anything else by its reader.
_CODE, _DATE, _OPTIONAL_DATE, _OTHER = range(4)


def _field(kind: Any, readers: dict[type, _Reader]) -> tuple[int, Any]:
    """How a field of type ``kind`` is read: (one of the ways above, its table or reader)."""
    inner = _optional_of(kind)
    if kind in CODE_LISTS:
        return _CODE, _codes(kind)
    if inner in CODE_LISTS:
        return _CODE, {**_codes(inner), None: None}
    if kind is pendulum.Date:
        return _DATE, None
    if inner is pendulum.Date:
        return _OPTIONAL_DATE, None
    return _OTHER, _reader(kind, readers)


def _class_reader(cls: type, readers: dict[type, _Reader], tag: str | None = None) -> _Reader:
    """The reader of one attrs class: known keys only, every required one, then ``cls(...)``.

    The class's constructor runs every check of the model on what was read; if it
    refuses, the exception it raises is the doubt that sends the document to the
    full reader. ``tag`` is the key of a tagged union's kind, which a member's
    object holds besides its fields (its value checked by the union's reader).
    """
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    if any(":" in f.name for f in fields):
        raise TypeError(f"a field of {cls.__name__} holds a colon")
    if any(f.alias != f.name for f in fields):  # the keys are the names, as for every class today
        raise TypeError(f"a field of {cls.__name__} has an alias")
    by_key = {f.name: _field(f.type, readers) for f in fields}
    known = frozenset(by_key) | ({tag} if tag else set())
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    known_date = _IN_RANGE.get
    build = _checked_builder(cls, fields) if _by_rules_alone(cls, fields) else cls
    code, date, optional_date = _CODE, _DATE, _OPTIONAL_DATE  # local: read for every value

    def read(raw: Any, tally: list[int]) -> Any:
        if type(raw) is not dict:
            raise _Doubt
        keys = raw.keys()
        if not (keys <= known and required <= keys):
            raise _Doubt
        tally[0] -= len(raw)
        kwargs: dict[str, Any] = {}
        for key, value in raw.items():
            if key == tag:
                continue
            way, how = by_key[key]
            if way is code:
                kwargs[key] = how[value]  # KeyError or TypeError: no code of its list
            elif way is date or (way is optional_date and value is not None):
                # A text seen before, or read and checked now; TypeError for a list.
                day = known_date(value)
                kwargs[key] = _read_date(value, tally) if day is None else day
            elif way is optional_date:
                kwargs[key] = None
            else:
                kwargs[key] = how(value, tally)
        return build(**kwargs)

    return read


def _proven(kind: Any) -> bool:
    """Whether the reader proves by itself all a field of type ``kind`` may be.

    A code of its list, a yes or no, a date in the model's years, a text, a whole
    number, an object of the model (built by its own reader) or a tuple of them, or
    None where optional. What the model judges of a text's or a number's value
    (personal data, an age's range) is a rule, run with the others.
    """
    inner = _optional_of(kind)
    if inner is not None:
        return _proven(inner)
    if kind in CODE_LISTS or kind in _UNIONS or kind in (pendulum.Date, bool, str, int):
        return True
    if get_origin(kind) is tuple:
        args = get_args(kind)
        return len(args) == 2 and args[1] is Ellipsis and _proven(args[0])
    return isinstance(kind, type) and attrs.has(kind)


def _by_rules_alone(cls: type, fields: list[attrs.Attribute]) -> bool:  # type: ignore[type-arg]
    """Whether ``cls`` can be built from what the reader proved by its rules alone.

    It can when the model splits its checks into those of each field's type alone
    (``_field_problems``) and all the others (``_rule_problems``: across fields, and
    on values), and every field is of a kind the reader proves (:func:`_proven`), so
    that the first find nothing by construction (``tests/model/test_field_checks.py``
    states it).
    """
    split = hasattr(cls, "_field_problems") and hasattr(cls, "_rule_problems")
    return split and all(_proven(f.type) for f in fields)


def _checked_builder(cls: type, fields: list[attrs.Attribute]) -> Callable[..., Any]:  # type: ignore[type-arg]
    """Build ``cls`` as its constructor does, running only the rules across its fields.

    The fields are set as the attrs constructor sets them (each through its
    converter, a missing one to its default); the model's checks of each field on
    its own are left out, since the reader proved them (:func:`_by_rules_alone`).
    """
    # Written out as the attrs constructor is (one line a field), which is what makes
    # it cheaper than the constructor: a loop over the fields would cost as much.
    setattr_of = object.__setattr__.__get__
    names: dict[str, Any] = {"_new": object.__new__, "_setattr_of": setattr_of, "_cls": cls}
    names["_raise_if_any"] = raise_if_any
    params, lines = [], ["    obj = _new(_cls)", "    _set = _setattr_of(obj)"]
    for f in fields:
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            return cls  # none today; the constructor knows how
        if f.default is attrs.NOTHING:
            params.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        value = f.name
        if f.converter is not None:
            names[f"_convert_{f.name}"] = f.converter
            value = f"_convert_{f.name}({f.name})"
        lines.append(f"    _set({f.name!r}, {value})")
    # Should the class's own check be replaced (a test, a debugger), it is obeyed.
    names["_post_init"] = cls.__attrs_post_init__  # type: ignore[attr-defined]
    call = ", ".join(f"{f.name}={f.name}" for f in fields)
    lines[:0] = [
        "    if _cls.__attrs_post_init__ is not _post_init:",
        f"        return _cls({call})",
    ]
    lines += ["    _raise_if_any(obj._rule_problems())", "    return obj"]
    source = f"def build(*, {', '.join(params)}):\n" + "\n".join(lines) + "\n"
    exec(compile(source, f"<hankemalli fast reader of {cls.__name__}>", "exec"), names)
    build: Callable[..., Any] = names["build"]
    return build


def _union_reader(tags: dict[str, type], readers: dict[type, _Reader]) -> _Reader:
    """The reader of a tagged union (an outcome event, a situation spell)."""
    members = {tag: _class_reader(cls, readers, TAG_KEY) for tag, cls in tags.items()}
    if any(":" in tag for tag in members):
        raise TypeError("a tag holds a colon")

    def read(raw: Any, tally: list[int]) -> Any:
        if type(raw) is not dict:
            raise _Doubt
        tag = raw.get(TAG_KEY)
        member = members.get(tag) if type(tag) is str else None
        if member is None:
            raise _Doubt
        return member(raw, tally)

    return read


_LEAVES: dict[Any, _Reader] = {
    str: _read_str,
    int: _read_int,
    bool: _read_bool,
    pendulum.Date: _read_date,
}
_UNIONS: dict[Any, dict[str, type]] = {
    OutcomeEvent: dict(EVENT_TAGS),
    SituationSpell: dict(SITUATION_TAGS),
}


def _reader(kind: Any, readers: dict[type, _Reader]) -> _Reader:
    """The reader of a field of type ``kind``; TypeError for a kind it does not know."""
    if kind in _LEAVES:
        return _LEAVES[kind]
    if kind in CODE_LISTS:
        return _code_reader(kind)
    if kind in _UNIONS:
        return _union_reader(_UNIONS[kind], readers)
    inner = _optional_of(kind)
    if inner is not None:
        return _optional_reader(_reader(inner, readers))
    origin, args = get_origin(kind), get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_reader(_reader(args[0], readers))
    if isinstance(kind, type) and attrs.has(kind):
        if kind not in readers:
            readers[kind] = _class_reader(kind, readers)
        return readers[kind]
    raise TypeError(f"the fast path does not read {kind!r}")


@functools.cache
def _record_reader() -> _Reader | None:
    """The reader of a participant record, built when first needed (some milliseconds).

    None if the model has a field of a kind the fast path does not read: every
    document then takes the full path.
    """
    try:
        return _reader(Participation, {})
    except TypeError:
        return None


def fast_line(line: str | bytes) -> Participation | None:
    """The participant record on one line of JSON Lines, or None if in doubt.

    Only the record's own rules: the caller checks it against the dataset's
    header and the records before it.
    """
    read_record = _record_reader()
    if read_record is None:
        return None
    source = line if isinstance(line, str) else _without_bom(line)
    # The collector is not paused here: a stream's records are mostly let go as
    # they are counted, and pausing it for each line costs more than it saves.
    try:
        raw = fast_parse(source, line=True)
        tally = [_colons(source)]
        record: Participation = read_record(raw, tally)
    except MemoryError:  # says nothing about the document
        raise
    except Exception:  # any doubt, or a check of the model that refused: the full reader
        return None
    return record if tally[0] == 0 else None


def fast_dataset(text: str | bytes | bytearray) -> Dataset | None:
    """The dataset of the JSON text ``text`` if it is valid, or None if in doubt.

    None says nothing about the text: the full reader then reads it, and
    accepts it or reports its problems. Bytes are read as the full reader reads
    them: UTF-8, after a byte order mark if there is one.
    """
    read_record = _record_reader()
    if read_record is None:
        return None
    source = text if isinstance(text, str) else _without_bom(bytes(text))
    with _collector_paused():
        try:
            # The parsed data lives only inside this call: it is let go before the
            # collector runs again, which then need not look at it.
            return _parsed_dataset(source, read_record)
        except MemoryError:  # says nothing about the document
            raise
        except Exception:  # any doubt, or a check of the model that refused: the full reader
            return None


def _parsed_dataset(source: str | bytes, read_record: _Reader) -> Dataset:
    return _dataset(fast_parse(source), [_colons(source)], read_record)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a document is read.

    Reading makes hundreds of thousands of objects that live on (dicts, tuples, the
    model's objects) and no cycles; each batch of new objects would otherwise make the
    collector walk the young ones again, for nothing (some 20 % of the time).
    The collector is left as it was found: a caller that turned it off keeps it off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _without_bom(data: bytes) -> bytes:
    """The bytes after a byte order mark, as the full reader reads them."""
    return data[len(_BOM) :] if data.startswith(_BOM) else data


def _dataset(data: Any, tally: list[int], read_record: _Reader) -> Dataset:
    if type(data) is not dict or "programme" not in data:
        raise _Doubt
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise _Doubt  # missing, unsupported, or version 1 (migrated by the full reader)
    header = {key: value for key, value in data.items() if key != "participants"}
    for key in header:
        if key not in _DATASET_KEYS:
            raise _Doubt
    # The header is small: walked for depth and repeated keys as the full reader does.
    if next(iter(structure_problems(header)), None) is not None:
        raise _Doubt
    tally[0] -= _keys_and_colons(header)
    raw_records = data.get("participants", [])
    if "participants" in data:
        tally[0] -= 1
    if type(raw_records) is not list:
        raise _Doubt
    try:
        programme = _converter.converter.structure(header["programme"], Programme)
        models = _items(header, "operating_models", OperatingModel)
        instruments = _items(header, "instruments", Instrument)
    except Exception:
        raise _Doubt from None
    records = tuple([read_record(raw, tally) for raw in raw_records])
    if tally[0] != 0:
        raise _Doubt  # a repeated key, somewhere
    try:
        return Dataset(
            programme=programme,
            participants=records,
            operating_models=models,
            instruments=instruments,
        )
    except Exception:  # a rule across records: the full reader says which, and where
        raise _Doubt from None


def _items(header: dict[str, Any], key: str, cls: type) -> tuple[Any, ...]:
    raw = header.get(key, [])
    if type(raw) is not list:
        raise _Doubt
    hook = _converter.converter.get_structure_hook(cls)
    return tuple(hook(item, cls) for item in raw)


def _keys_and_colons(value: Any) -> int:
    """The keys of every object in ``value`` and the colons of its strings (keys too).

    Only for the header, which :func:`structure_problems` has found shallow.
    """
    kind = type(value)
    if kind is float:  # not from json with the hooks; a Decimal is read exactly
        raise _Doubt
    if kind is str:
        return int(value.count(":"))
    if kind is dict:
        return sum(1 + key.count(":") + _keys_and_colons(item) for key, item in value.items())
    if kind is list:
        return sum(_keys_and_colons(item) for item in value)
    return 0
