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

- **The same values.** The text is parsed by the :mod:`json` module's scanner
  with the full reader's own hooks for numbers with a fraction and non-JSON
  constants, one participant record at a time (each read before the next is
  parsed: the whole document's parsed data never lives at once); every
  value is then read by the same rule as the converter's hook for its field
  (exactly a ``str``, an ``int`` within bounds, a ``bool``, a known code, an
  ISO date, an array, an object with known keys and every required one), or the
  fast path gives up.
- **Every rule of the model.** A class whose checks the model splits into
  those of each field's type (``_field_problems``) and all the others
  (``_rule_problems``), and whose fields are all of kinds the reader proves by
  itself (codes, yes or no, dates in the model's years, texts, whole numbers,
  the model's objects), is built as its constructor builds it with its rules
  alone: every object of a participant record but an assessment. Any other
  object is built by its class's own constructor, so every check of the model
  runs; the dataset by :class:`~hankemalli.Dataset`, whose checks are those
  across records the full reader runs. A rule or a constructor that refuses
  means the fast path gives up. The programme, operating models and
  instruments (one each, or a handful) are read by the converter itself.
- **Compiled, not interpreted.** The reader of a record is Python source
  written once from the model's classes (:class:`_Compiler`): one function a
  class, every field read inline by its kind. A generic walk calling a reader
  per value cost as much again as everything else.
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
import json
import json.scanner
import re
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Union, cast, get_args, get_origin

import attrs
import pendulum

from .._collector import paused as collector_paused
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
from ..model._construction import PASSES_MODEL_VALUES
from . import _converter
from ._converter import (
    _DATASET_KEYS,
    _DATES_KEPT,
    _TOO_MANY_DIGITS,
    TAG_KEY,
    _structure_date,
)
from ._json import _BOM, _constant, _decimal_number, structure_problems

__all__ = ["fast_dataset", "fast_line", "fast_parse", "line_reader"]


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


#: Dates already read and found in the model's years (1900-2100), by their text;
#: cleared when full, as the converter's own table of dates.
_IN_RANGE: dict[str, pendulum.Date] = {}


def _new_date(raw: Any) -> pendulum.Date:
    """A date not in the table yet, read as the converter reads it, in the model's years."""
    if type(raw) is not str:
        raise _Doubt
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


def _optional_of(kind: Any) -> Any:
    """``X`` for the type ``X | None``; None for any other type."""
    args = get_args(kind)
    if get_origin(kind) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


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
    states it). The class's constructor must do nothing else the reader would leave
    out: every field set from its argument (no validator, no factory for a default),
    and no ``__attrs_pre_init__``.
    """
    split = hasattr(cls, "_field_problems") and hasattr(cls, "_rule_problems")
    plain = not hasattr(cls, "__attrs_pre_init__") and all(
        f.init and f.validator is None and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f in fields
    )
    return split and plain and all(_proven(f.type) for f in fields)


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets the field ``name`` of a new ``cls`` object, as its constructor sets it.

    The slot's own descriptor (the cheapest way), else ``object.__setattr__``, which
    a frozen class's constructor uses too.
    """
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if slot is not None:
            if isinstance(slot, types.MemberDescriptorType):
                setter: Callable[[Any, Any], None] = slot.__set__
                return setter
            break
    return functools.partial(_set_attribute, name=name)


def _set_attribute(obj: Any, value: Any, *, name: str) -> None:
    object.__setattr__(obj, name, value)


def _indented(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


class _Compiler:
    """Writes the reader of a participant record as Python source, and compiles it.

    One function a class of the model (and a tagged union), each reading its
    object's keys one by one, every field inline by its kind (a code by its table,
    a date by the table of dates already read, a text, a number, a yes or no, an
    object by its class's function), then building the object. A generic walk over
    the keys, calling a reader per value, cost as much again as the rest of the
    read. Every reading raises (:class:`_Doubt`, ``KeyError``, ``TypeError``…) on
    anything it does not prove: the caller gives up on any exception.
    """

    def __init__(self) -> None:
        self.names: dict[str, Any] = {
            "_Doubt": _Doubt,
            "_new": object.__new__,
            "_dates_get": _IN_RANGE.get,
            "_new_date": _new_date,
            "_BIG": _TOO_MANY_DIGITS,
        }
        self.functions: dict[Any, str] = {}
        self.sources: list[str] = []
        #: The classes built by their rules alone, with the check their constructor runs.
        self.checked: dict[type, Any] = {}

    def compiled(self, kind: Any) -> _Reader:
        """The function that reads a value of type ``kind``, and all it calls."""
        name = self.reader(kind)
        source = "\n".join(self.sources)
        exec(compile(source, "<hankemalli fast reader>", "exec"), self.names)
        read: _Reader = self.names[name]
        return read

    def constant(self, prefix: str, value: Any) -> str:
        """A name for ``value`` in the generated code."""
        name = f"_{prefix}_{len(self.names)}"
        self.names[name] = value
        return name

    def reader(self, kind: Any, tag: str | None = None) -> str:
        """The name of the function ``(raw, tally) -> value`` for a value of type ``kind``."""
        key = (kind, tag)
        if key in self.functions:
            return self.functions[key]
        label = getattr(kind, "__name__", "value")
        name = self.functions[key] = f"_read_{len(self.functions)}_{label}"
        if kind in _UNIONS:
            self.sources.append(self.union_source(name, _UNIONS[kind]))
        elif isinstance(kind, type) and attrs.has(kind):
            self.sources.append(self.class_source(name, kind, tag))
        else:  # a text, a code, an optional value in a tuple…: read as a field is
            lines = [f"def {name}(v, tally):", *_indented(self.value_lines(kind, "value"))]
            self.sources.append("\n".join([*lines, "    return value", ""]))
        return name

    def value_lines(self, kind: Any, target: str) -> list[str]:
        """Lines that read the raw value ``v`` of type ``kind`` into ``target``."""
        inner = _optional_of(kind)
        if inner in CODE_LISTS:
            return [f"{target} = {self.constant('codes', {**_codes(inner), None: None})}[v]"]
        if inner is not None:
            read = _indented(self.value_lines(inner, target))
            return ["if v is None:", f"    {target} = None", "else:", *read]
        if kind in CODE_LISTS:
            # KeyError for a text that is no code of its list; TypeError for a list.
            return [f"{target} = {self.constant('codes', _codes(kind))}[v]"]
        if kind is pendulum.Date:
            # A text seen before, or read and checked now; TypeError for a list.
            return [
                f"{target} = _dates_get(v)",
                f"if {target} is None:",
                f"    {target} = _new_date(v)",
            ]
        if kind is str:
            return [
                "if type(v) is not str:",
                "    raise _Doubt",
                "if ':' in v:",
                "    tally[0] -= v.count(':')",
                f"{target} = v",
            ]
        if kind is int:
            return [
                "if type(v) is not int or not -_BIG < v < _BIG:",
                "    raise _Doubt",
                f"{target} = v",
            ]
        if kind is bool:
            return ["if type(v) is not bool:", "    raise _Doubt", f"{target} = v"]
        origin, args = get_origin(kind), get_args(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self.reader(args[0])
            return [
                "if type(v) is not list:",
                "    raise _Doubt",
                # One item (a record's one period, say) is the most common: no loop.
                "if len(v) == 1:",
                f"    {target} = ({item}(v[0], tally),)",
                "else:",
                f"    {target} = tuple([{item}(x, tally) for x in v])",
            ]
        if kind in _UNIONS or (isinstance(kind, type) and attrs.has(kind)):
            return [f"{target} = {self.reader(kind)}(v, tally)"]
        raise TypeError(f"the fast path does not read {kind!r}")

    def union_source(self, name: str, tags: dict[str, type]) -> str:
        """The reader of a tagged union (an outcome event, a situation spell)."""
        if any(":" in tag for tag in tags):
            raise TypeError("a tag holds a colon")
        lines = [f"def {name}(raw, tally):", f"    tag = raw[{TAG_KEY!r}]"]
        for tag, cls in tags.items():
            lines += [
                f"    if tag == {tag!r}:",
                f"        return {self.reader(cls, TAG_KEY)}(raw, tally)",
            ]
        return "\n".join([*lines, "    raise _Doubt", ""])

    def class_source(self, name: str, cls: type, tag: str | None) -> str:
        """The reader of one attrs class: known keys only, every required one, then the object.

        A class the model checks by its rules alone (:func:`_by_rules_alone`) is
        built as its constructor builds it, with only those checks; any other by
        its constructor, which runs every check. A check that refuses is the doubt
        that sends the document to the full reader. ``tag`` is the key of a tagged
        union's kind, which a member's object holds besides its fields (its value
        checked by the union's reader).
        """
        attrs.resolve_types(cls)
        fields = list(attrs.fields(cls))
        if any(":" in f.name for f in fields):
            raise TypeError(f"a field of {cls.__name__} holds a colon")
        if any(f.alias != f.name or f.name == tag for f in fields):
            raise TypeError(f"a field of {cls.__name__} is not read by its name")
        alone = _by_rules_alone(cls, fields)
        if not alone and not all(f.init for f in fields):
            raise TypeError(f"a field of {cls.__name__} is not set by its constructor")
        required = sum(f.default is attrs.NOTHING for f in fields) + (tag is not None)
        # ``found`` counts the keys read: any other key makes the object longer.
        # Anything but an object fails here (a list, a text: ``in`` would take them).
        body = ["if type(raw) is not dict:", "    raise _Doubt", f"found = {required}"]
        for index, f in enumerate(fields):
            target = f"v{index}" if alone else f"kw[{f.name!r}]"
            read = self.value_lines(f.type, target)
            if f.default is attrs.NOTHING:  # KeyError if missing
                body += [f"v = raw[{f.name!r}]", *read]
                continue
            # ``in`` and ``[]`` cost less than ``get`` (no call), and most keys are missing.
            body += [f"if {f.name!r} in raw:", "    found += 1", f"    v = raw[{f.name!r}]"]
            body += _indented(read)
            if alone:
                default = f.default if f.converter is None else f.converter(f.default)
                body += ["else:", f"    {target} = {self.constant('default', default)}"]
        body += ["if len(raw) != found:", "    raise _Doubt", "tally[0] -= found"]
        if alone:
            body.append(f"obj = _new({self.constant(cls.__name__, cls)})")
            for index, f in enumerate(fields):
                value = f"v{index}"
                if f.converter is not None and f.converter not in PASSES_MODEL_VALUES:
                    value = f"{self.constant('convert', f.converter)}({value})"
                body.append(f"{self.constant('set', _setter(cls, f.name))}(obj, {value})")
            body += ["for _ in obj._rule_problems():", "    raise _Doubt", "return obj"]
            self.checked[cls] = _checks_of(cls)
        else:
            body.insert(0, "kw = {}")
            body.append(f"return {self.constant(cls.__name__, cls)}(**kw)")
        return "\n".join([f"def {name}(raw, tally):", *_indented(body), ""])


_UNIONS: dict[Any, dict[str, type]] = {
    OutcomeEvent: dict(EVENT_TAGS),
    SituationSpell: dict(SITUATION_TAGS),
}


@functools.cache
def _compiled_record_reader() -> tuple[_Reader, tuple[type, ...], tuple[Any, ...]] | None:
    """The reader of a participant record, compiled when first needed (some milliseconds).

    With the classes it builds by their rules alone and the check each one's
    constructor ran then. None if the model has a field of a kind the fast path
    does not read: every document then takes the full path.
    """
    compiler = _Compiler()
    try:
        read = compiler.compiled(Participation)
    except TypeError:
        return None
    return read, tuple(compiler.checked), tuple(compiler.checked.values())


def _record_reader() -> _Reader | None:
    """The reader of a participant record, or None if the fast path cannot be taken.

    It cannot if the model has a field of a kind it does not read, or if the check
    a class's constructor runs (``__attrs_post_init__``, or the checks it calls:
    ``_problems``, ``_field_problems``, ``_rule_problems``) has been replaced since
    the reader was compiled (a test, a debugger): the constructor is then obeyed.
    """
    compiled = _compiled_record_reader()
    if compiled is None:
        return None
    read, classes, checks = compiled
    for cls, check in zip(classes, checks, strict=True):
        if _checks_of(cls) != check:
            return None
    return read


#: What a model class's constructor runs to check an object: the hook attrs calls, the
#: whole check, the checks of each field's type and the rules.
_CHECKS = ("__attrs_post_init__", "_problems", "_field_problems", "_rule_problems")


def _checks_of(cls: type) -> tuple[object, ...]:
    """The functions ``cls`` checks its objects with now (to see if any was replaced)."""
    return tuple(getattr(cls, name, None) for name in _CHECKS)


def ready_for_lines() -> None:
    """Make ready now what reading lines of JSON Lines needs: the record reader, orjson.

    Both are otherwise made at the first line a process reads (the reader compiled,
    orjson imported: some milliseconds, more where Python writes no bytecode cache).
    A process that then forks workers to read ranges of lines
    (:func:`~hankemalli.parallel.compute_lines`) hands both to each of them.
    """
    line_reader()
    _orjson_loads()


def fast_line(line: str | bytes) -> Participation | None:
    """The participant record on one line of JSON Lines, or None if in doubt.

    Only the record's own rules: the caller checks it against the dataset's
    header and the records before it.
    """
    read_line = line_reader()
    return None if read_line is None else read_line(line)


def line_reader() -> Callable[[str | bytes], Participation | None] | None:
    """What reads a line as :func:`fast_line` does, or None if the fast path cannot be taken.

    For a stream of lines: asked once, then called for every line.
    """
    read_record = _record_reader()
    if read_record is None:
        return None
    return functools.partial(_line, read_record)


def _line(read_record: _Reader, line: str | bytes) -> Participation | None:
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
    if read_record is None or not isinstance(text, str | bytes | bytearray):
        return None  # anything else is the full reader's to refuse (a memoryview, say)
    source = text if isinstance(text, str) else _without_bom(bytes(text))
    with collector_paused():
        try:
            # The parsed data lives only inside this call: it is let go before the
            # collector runs again, which then need not look at it.
            return _parsed_dataset(source, read_record)
        except MemoryError:  # says nothing about the document
            raise
        except Exception:  # any doubt, or a check of the model that refused: the full reader
            return None


def _parsed_dataset(source: str | bytes, read_record: _Reader) -> Dataset:
    text = source if isinstance(source, str) else source.decode("utf-8")
    if "\\u003" in text:  # an escape that may stand for a colon: the count would not hold
        raise _Doubt
    tally = [_colons(text)]
    header, records = _document(text, read_record, tally)
    return _dataset(header, records, tally)


#: White space between JSON tokens (RFC 8259: space, tab, line feed, carriage
#: return), as the json module skips it.
_SPACE = re.compile(r"[ \t\n\r]*")
#: The json module's scanner of one value at a place, with the decoder's hooks.
_SCAN = json.scanner.make_scanner(_DECODER)  # type: ignore[arg-type]  # typeshed names no decoder
#: Its match at a place: it always matches (an empty run, if need be).
_skip_space = cast(Callable[[str, int], "re.Match[str]"], _SPACE.match)


def _document(text: str, read_record: _Reader, tally: list[int]) -> tuple[dict[str, Any], Any]:
    """The top-level object of ``text``: its other keys' values, and the records read.

    The document is walked one value at a time by the json module's own scanner,
    and each participant record is read as soon as it is parsed, so the parsed
    data of only one record lives at a time: the whole document's never does
    (some three times the text's size), and a record is read while what was parsed
    is still in the processor's cache. Accepts exactly what :func:`json.loads`
    accepts for an object with at least one key (white space, commas, the end of
    the text), anything else a doubt; a key repeated at the top is a doubt too.
    The records are None if there is no ``participants`` key.
    """
    scan, skip = _SCAN, _skip_space
    header: dict[str, Any] = {}
    records = None
    at = skip(text, 0).end()
    if text[at : at + 1] != "{":
        raise _Doubt
    at = skip(text, at + 1).end()
    while True:
        if text[at : at + 1] != '"':
            raise _Doubt  # no key (an empty object, a trailing comma): the full reader
        key, at = scan(text, at)
        at = skip(text, at).end()
        if text[at : at + 1] != ":":
            raise _Doubt
        at = skip(text, at + 1).end()
        if key in header or (key == "participants" and records is not None):
            raise _Doubt  # repeated
        if key == "participants" and text[at : at + 1] == "[":
            records, at = _records(text, at, read_record, tally)
        else:  # any other key, or participants that are no array (the converter says why)
            header[key], at = scan(text, at)
        at = skip(text, at).end()
        mark = text[at : at + 1]
        at = skip(text, at + 1).end()
        if mark == "}":
            break
        if mark != ",":
            raise _Doubt
    if at != len(text):
        raise _Doubt  # more after the object
    return header, records


def _records(
    text: str, at: int, read_record: _Reader, tally: list[int]
) -> tuple[tuple[Participation, ...], int]:
    """The records of the array at ``at``, each read as soon as it is parsed; where it ends."""
    scan, skip = _SCAN, _skip_space
    records: list[Participation] = []
    append = records.append
    at = skip(text, at + 1).end()
    if text[at : at + 1] == "]":
        return (), at + 1
    while True:
        raw, at = scan(text, at)  # StopIteration where no value starts (a trailing comma)
        append(read_record(raw, tally))
        at = skip(text, at).end()
        mark = text[at : at + 1]
        if mark == "]":
            return tuple(records), at + 1
        if mark != ",":
            raise _Doubt
        at = skip(text, at + 1).end()


def _without_bom(data: bytes) -> bytes:
    """The bytes after a byte order mark, as the full reader reads them."""
    return data[len(_BOM) :] if data.startswith(_BOM) else data


def _dataset(header: dict[str, Any], records: Any, tally: list[int]) -> Dataset:
    """The dataset of a document's top-level keys, its records already read."""
    if "programme" not in header:
        raise _Doubt
    version = header.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise _Doubt  # missing, unsupported, or version 1 (migrated by the full reader)
    if "participants" in header:
        raise _Doubt  # participants that are no array: the converter says why
    for key in header:
        if key not in _DATASET_KEYS:
            raise _Doubt
    # The header is small: walked for depth and repeated keys as the full reader does.
    if next(iter(structure_problems(header)), None) is not None:
        raise _Doubt
    tally[0] -= _keys_and_colons(header)
    if records is None:
        records = ()
    else:
        tally[0] -= 1  # the key "participants"
    try:
        programme = _converter.converter.structure(header["programme"], Programme)
        models = _items(header, "operating_models", OperatingModel)
        instruments = _items(header, "instruments", Instrument)
    except Exception:
        raise _Doubt from None
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
