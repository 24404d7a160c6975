"""The private cattrs converter that gives the model its JSON form.

All un/structuring rules live here, apart from the model, on a converter of our
own (never ``cattrs.global_converter``). Reading is strict: JSON types are not
coerced (``"5"`` is not a number, ``1`` is not ``true``), unknown keys and codes
are refused, and dates are ISO ``YYYY-MM-DD`` strings that come back as pendulum
Dates.

Reading goes on after a problem, so that every problem is reported at once: each
object's keys are all read, and when some cannot be, the model's own checks still
look at the ones that could (a participant with a number for an age and a personal
identity code for an id hears of both). A message shows a value only through
:func:`~hankemalli.model._pseudonym.shown_safely`, escaped and shortened, so that
no value can break a line of it or make it huge, and not at all when it looks like
personal data (an identity code in a date field is not repeated back). Problems
are gathered in a bounded :class:`~._errors.Found` (see ``docs/serialization.md``,
"Hostile input").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.cols import is_sequence
from cattrs.strategies import configure_tagged_union

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
from ..model._dataset import (
    duplicate_id_problems,
    inside_programme_problems,
    instrument_reference_problems,
    unique_id_problems,
)
from ..model._errors import DataError, Problem, problem
from ..model._pseudonym import shown_safely
from ._errors import Found, InvalidValueError, Unreadable, key_part
from ._json import MAX_DIGITS, OutOfBounds
from ._migrate import migrate_tracked

__all__ = ["TAG_KEY", "converter"]

#: The key that carries an outcome event's or a situation spell's kind in JSON.
TAG_KEY = "type"

T = TypeVar("T")

# ASCII digits only: \d alone would also take other scripts' digits, such as "２０１６".
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
# A decimal number written as a string, as JSON writes numbers: ASCII digits only
# (Decimal itself would take "０.２５", " 0.25 " and "1_000").
_DECIMAL_TEXT = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
# The smallest whole number with more than MAX_DIGITS digits.
_TOO_MANY_DIGITS = 10**MAX_DIGITS


def _json_type(value: object) -> str:
    """What kind of JSON value ``value`` is, as a term; a Python type by its name."""
    if value is None:
        return "json.null"
    if isinstance(value, bool):
        return "json.boolean"
    if isinstance(value, int | float | Decimal):
        return "json.number"
    if isinstance(value, str):
        return "json.string"
    if isinstance(value, list | tuple):
        return "json.array"
    if isinstance(value, Mapping):
        return "json.object"
    return type(value).__name__


def _got(value: object) -> dict[str, str]:
    """What a value was, as the parameters of a ``value.type`` problem ("got ...")."""
    if isinstance(value, OutOfBounds):
        return {**value.params, "got": value.params["number"]}
    return {"got": _json_type(value)}


def _wrong_type(expected: str, value: object, **params: str) -> InvalidValueError:
    return InvalidValueError("value.type", expected=expected, **params, **_got(value))


def _out_of_bounds(value: OutOfBounds) -> InvalidValueError:
    return InvalidValueError(value.code, **value.params)


def _too_many_digits(value: int) -> InvalidValueError:
    """A whole number from Python data with more digits than a document may hold."""
    try:
        number, digits = "number.digits", len(str(abs(value)))
    except ValueError:  # more digits than Python turns into text
        number, digits = "number.more_digits", sys.get_int_max_str_digits()
    return InvalidValueError("json.number_too_long", limit=MAX_DIGITS, number=number, digits=digits)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _wrong_type("json.string", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        if isinstance(value, OutOfBounds):
            raise _out_of_bounds(value)
        raise _wrong_type("json.whole_number", value)
    if abs(value) >= _TOO_MANY_DIGITS:  # from Python data; JSON's are bounded when parsed
        raise _too_many_digits(value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type("expected.boolean", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, OutOfBounds):
        raise _out_of_bounds(value)
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal | float):
        raise _wrong_type("json.decimal", value)
    if isinstance(value, int) and abs(value) >= _TOO_MANY_DIGITS:
        raise _too_many_digits(value)
    if isinstance(value, str) and (len(value) > MAX_DIGITS or not _DECIMAL_TEXT.fullmatch(value)):
        raise InvalidValueError("value.type", expected="json.decimal", got=shown_safely(value))
    try:
        # A float from a plain json.loads goes through its shortest repr, which is
        # what the writer of the document typed.
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:  # an exponent beyond what Decimal holds
        raise InvalidValueError(
            "value.type", expected="json.decimal", got=shown_safely(value)
        ) from None
    if not number.is_finite():
        raise InvalidValueError(
            "value.type", expected="json.finite_decimal", got=shown_safely(value)
        )
    return number


def iso_date(text: str) -> pendulum.Date | None:
    """The date ``text`` writes as ``YYYY-MM-DD`` in ASCII digits, the JSON form's dates.

    None if the text is not of that form; :class:`ValueError` if it is, but names no
    day of the calendar (2019-02-30). The command line reads its dates with it too.
    """
    match = _ISO_DATE.fullmatch(text) if len(text) == 10 else None
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return pendulum.date(year, month, day)


#: Dates already read, by their text: a register repeats the same few thousand days
#: (entries, exits, episodes), and a pendulum Date is immutable, so one is shared.
#: Cleared when full, so that hostile input cannot make it grow without bound.
_DATES: dict[str, pendulum.Date] = {}
_DATES_KEPT = 50_000


def _structure_date(value: object, _: type) -> pendulum.Date:
    if type(value) is str:
        known = _DATES.get(value)
        if known is not None:
            return known
    elif not isinstance(value, str):
        raise _wrong_type("json.date", value)
    try:
        day = iso_date(value)
    except ValueError:
        raise InvalidValueError("date.not_in_calendar", value=shown_safely(value)) from None
    if day is None:
        raise InvalidValueError("date.format", value=shown_safely(value))
    if type(value) is str:
        if len(_DATES) >= _DATES_KEPT:
            _DATES.clear()
        _DATES[value] = day
    return day


def _enum_hook(enum: type[Enum]) -> Callable[[object, type], Enum]:
    allowed = ", ".join(str(member.value) for member in enum)
    codes = {str(member.value): member for member in enum}
    longest = max(len(code) for code in codes)

    def structure(value: object, _: type) -> Enum:
        if not isinstance(value, str):
            raise _wrong_type("json.code", value, list=enum.__name__)
        # A longer value is no code: it is refused without hashing all of it.
        member = codes.get(value) if len(value) <= longest else None
        if member is None:
            raise InvalidValueError(
                "code.unknown", list=enum.__name__, value=shown_safely(value), allowed=allowed
            )
        return member

    return structure


def _code_value(code: Enum) -> str:
    return str(code.value)


def _tuple_hook_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    item_type = get_args(kind)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, list | tuple):
            raise _wrong_type("json.array", value)
        items: list[Any] = []
        found = Found()
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except MemoryError:
                raise
            except Exception as exc:  # every item is read, every problem reported
                found.add_exception(exc, index)
        if found:
            raise Unreadable(found)
        return tuple(items)

    return structure


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


class _Unread:
    """Stands for a field that could not be read, in the model's checks of the others."""

    __slots__ = ()

    def __repr__(self) -> str:
        return _UNREAD_TEXT

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return _UNREAD_TEXT


_UNREAD_TEXT = "<not read: see the problem with this value>"
_UNREAD = _Unread()


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """The reader of one class of the model: every key read, every problem reported.

    Each key of the object is read. When every key could be read the class is
    built, and its own checks (the model's invariants) run as in Python. When some
    could not, or some are unknown, the problems are reported in the order of the
    class's fields, unknown keys last, and the class's checks still run on the
    keys that could be read (:func:`_partial_problems`).
    """
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    by_key = {
        f.name: (f.alias, conv.get_structure_hook(f.type), f.type, index)
        for index, f in enumerate(fields)
    }
    required = [(index, f.name) for index, f in enumerate(fields) if f.default is attrs.NOTHING]
    allowed = ", ".join(f.name for f in fields) or "none"
    unknown = len(fields)  # where unknown keys go in the order of problems
    defaults = [(f.name, f.alias, f.default) for f in fields]

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _wrong_type("json.keyed_object", value)
        kwargs: dict[str, Any] = {}
        # (field index, key, what went wrong: an exception, or None for an unknown key)
        wrong: list[tuple[int, Any, BaseException | None]] = []
        for key, raw in value.items():
            entry = by_key.get(key)
            if entry is None:
                wrong.append((unknown, key, None))
                continue
            alias, hook, kind, index = entry
            try:
                kwargs[alias] = hook(raw, kind)
            except MemoryError:
                raise
            except Exception as exc:  # every key is read, every problem reported
                wrong.append((index, key, exc))
        for index, name in required:
            if name not in value:
                wrong.append((index, name, _MISSING))
        if not wrong:
            return cls(**kwargs)  # a DataError of the model's checks goes up as it is
        found = Found()
        unread: set[str] = set()
        wrong.sort(key=_first)
        for _place, key, what in wrong:
            if what is None:
                found.add(problem((key_part(key),), "document.unknown_key", allowed=allowed))
            else:
                found.add_exception(what, key)
                unread.add(key)
        if unread:
            found.extend(_partial_problems(cls, defaults, kwargs, unread))
        else:
            try:
                cls(**kwargs)
            except DataError as exc:
                found.merge(exc.details, exc.count, ())
        raise Unreadable(found)

    return structure


_MISSING = KeyError("required key is missing")


def _first(item: tuple[int, Any, BaseException | None]) -> int:
    return item[0]


def _partial_problems(
    cls: type, fields: list[tuple[str, str, Any]], kwargs: Mapping[str, Any], unread: set[str]
) -> list[Problem]:
    """The model's checks of ``cls`` on the fields that could be read.

    ``docs/model.md`` promises every problem at once: a participant whose age is
    not a number and whose id is a personal identity code hears of both. The
    object is assembled without its constructor, each unread field standing as a
    placeholder, and the class's checks (``_problems``) run on it; the model's
    checks look at a value's type before using it, so a placeholder is simply not
    valid. What they say about an unread field (already reported) or through one
    is left out, and should a check fail on the placeholder, the problems found
    until then are kept. ``fields`` holds each field's name, alias and default.
    """
    checks = getattr(cls, "_problems", None)
    if checks is None:
        return []
    partial: Any = object.__new__(cls)
    skipped = set(unread)
    for name, alias, default in fields:
        value: Any
        if alias in kwargs:
            value = kwargs[alias]
        elif name in unread:
            value = _UNREAD
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            try:
                value = default.factory(partial) if default.takes_self else default.factory()
            except Exception:  # a default computed from an unread field
                value = _UNREAD
                skipped.add(name)
        else:
            value = default
        object.__setattr__(partial, name, value)
    found: list[Problem] = []
    try:
        for problem in partial._problems():
            if problem.path[:1] and problem.path[0] in skipped:
                continue
            if _UNREAD_TEXT in problem.message:
                continue
            found.append(problem)
    except Exception:  # a check that needs an unread field; what it found so far stands
        return found
    return found


def _make_union_hook(
    conv: cattrs.Converter, tags: Mapping[str, type], kind: str
) -> Callable[[object, type], Any]:
    """The reader of a tagged union; ``kind`` is ``event`` or ``situation``."""
    members = {tag: (cls, conv.get_structure_hook(cls)) for tag, cls in tags.items()}
    allowed = ", ".join(tags)

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _wrong_type(f"json.{kind}", value)
        tag = value.get(TAG_KEY)
        if tag is None:
            raise InvalidValueError(
                "document.missing_type", at=TAG_KEY, kind=f"kind.{kind}", allowed=allowed
            )
        member = members.get(tag) if isinstance(tag, str) else None
        if member is None:
            raise InvalidValueError(
                "document.unknown_type",
                at=TAG_KEY,
                kind=f"kind.{kind}",
                value=shown_safely(tag),
                allowed=allowed,
            )
        cls, hook = member
        return hook({key: item for key, item in value.items() if key != TAG_KEY}, cls)

    return structure


_DATASET_KEYS = ("schema_version", "programme", "operating_models", "instruments", "participants")


def _structure_dataset(value: object, _: type) -> Dataset:
    """Read a whole dataset, reporting every problem in all its records at once.

    A record that cannot be built does not stop the others from being read, nor the
    checks across the records that could (unique ids, inside the programme period,
    assessments that fit the instruments, when every instrument could be read).
    Past :attr:`DataError.LIMIT` problems, the rest are counted, not kept.
    """
    if not isinstance(value, Mapping):
        raise _wrong_type("json.dataset", value)
    # A version-1 document is read through its version-2 form (see ._migrate), and
    # its problems are reported where they are in the document as written.
    value, written = migrate_tracked(value)
    found = Found()
    for key in value:
        if key not in _DATASET_KEYS:
            allowed = ", ".join(_DATASET_KEYS)
            found.add(problem((key_part(key),), "document.unknown_key", allowed=allowed))
    version = value.get("schema_version")
    if "schema_version" not in value:
        found.add(problem(("schema_version",), "schema_version.missing", version=SCHEMA_VERSION))
    elif type(version) is not int or version != SCHEMA_VERSION:
        written_as = (
            {**version.params, "value": version.params["number"]}
            if isinstance(version, OutOfBounds)
            else {"value": shown_safely(version)}
        )
        found.add(
            problem(
                ("schema_version",),
                "schema_version.unsupported",
                version=SCHEMA_VERSION,
                **written_as,
            )
        )
    programme: Programme | None = None
    if "programme" not in value:
        found.add(problem(("programme",), "document.missing_key"))
    else:
        try:
            programme = converter.structure(value["programme"], Programme)
        except MemoryError:
            raise
        except Exception as exc:  # every problem is reported, none is lost
            found.add_exception(exc, "programme")
    models, raw_models = _structure_items(value, "operating_models", OperatingModel, found)
    instruments, raw_instruments = _structure_items(value, "instruments", Instrument, found)
    records, raw_records = _structure_items(value, "participants", Participation, found)
    # Ids are compared as written, so a duplicate is found even in a record that
    # could not be built for other reasons.
    found.extend(
        duplicate_id_problems(
            (i, raw_id)
            for i, raw in enumerate(raw_records)
            if (raw_id := _raw_participant_id(raw)) is not None
        )
    )
    found.extend(unique_id_problems("operating_models", _raw_ids(raw_models), "id.operating_model"))
    found.extend(unique_id_problems("instruments", _raw_ids(raw_instruments), "id.instrument"))
    if programme is not None:
        found.extend(inside_programme_problems(programme, records))
    if len(instruments) == len(raw_instruments):
        # An instrument that could not be read would make its assessments look unknown.
        found.extend(instrument_reference_problems((i for _, i in instruments), records))
    if found:
        found.kept = [attrs.evolve(p, path=written(p.path)) for p in found.kept]
        raise Unreadable(found)
    assert programme is not None
    return Dataset(
        programme=programme,
        participants=tuple(r for _, r in records),
        operating_models=tuple(m for _, m in models),
        instruments=tuple(i for _, i in instruments),
    )


def _structure_items(
    value: Mapping[str, Any], key: str, cls: type[T], found: Found
) -> tuple[list[tuple[int, T]], list[Any]]:
    """Read the array under ``key`` (empty if absent) item by item, gathering problems.

    Gives the items that could be built, each with its index, and the raw items.
    """
    raw_items = value.get(key, [])
    if not isinstance(raw_items, list):
        found.add(_wrong_type("json.array", raw_items).problem.under(key))
        return [], []
    hook = converter.get_structure_hook(cls)
    built: list[tuple[int, T]] = []
    for index, raw in enumerate(raw_items):
        try:
            built.append((index, hook(raw, cls)))
        except MemoryError:
            raise
        except Exception as exc:  # every problem is reported, none is lost
            found.add_exception(exc, key, index)
    return built, raw_items


def _raw_ids(raw_items: list[Any]) -> list[tuple[int, object]]:
    return [
        (index, raw["id"])
        for index, raw in enumerate(raw_items)
        if isinstance(raw, Mapping) and isinstance(raw.get("id"), str)
    ]


def _raw_participant_id(raw: object) -> str | None:
    if isinstance(raw, Mapping):
        participant = raw.get("participant")
        if isinstance(participant, Mapping) and isinstance(participant.get("id"), str):
            return str(participant["id"])
    return None


def _unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "programme": converter.unstructure(dataset.programme, Programme),
    }
    # Optional keys are left out when empty, as defaults are everywhere else.
    if dataset.operating_models:
        document["operating_models"] = [
            converter.unstructure(m, OperatingModel) for m in dataset.operating_models
        ]
    if dataset.instruments:
        document["instruments"] = [
            converter.unstructure(i, Instrument) for i in dataset.instruments
        ]
    document["participants"] = [
        converter.unstructure(r, Participation) for r in dataset.participants
    ]
    return document


def _make_converter() -> cattrs.Converter:  # pragma: no mutate block
    # Runs once, when the module is imported: mutmut can credit no test with it, and
    # every reading test depends on it (docs/testing.md, coverage and mutation).
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    # The code lists are str subclasses: each gets its own hook, which the class
    # dispatch prefers to the one for str.
    for code_list in CODE_LISTS:
        conv.register_structure_hook(code_list, _enum_hook(code_list))
        # Written as plain strings, so the dict form holds JSON types only.
        conv.register_unstructure_hook(code_list, _code_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_unstructure_hook_factory(
        is_sequence, lambda t, c: lambda seq: [c.unstructure(x, get_args(t)[0]) for x in seq]
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    # The tagged-union strategy writes the tag; reading it is ours, to report an
    # unknown or missing tag at its path.
    configure_tagged_union(OutcomeEvent, conv, tag_generator=_event_tag, tag_name=TAG_KEY)
    conv.register_structure_hook(OutcomeEvent, _make_union_hook(conv, EVENT_TAGS, "event"))
    configure_tagged_union(SituationSpell, conv, tag_generator=_event_tag, tag_name=TAG_KEY)
    conv.register_structure_hook(
        SituationSpell, _make_union_hook(conv, SITUATION_TAGS, "situation")
    )
    conv.register_structure_hook(Dataset, _structure_dataset)
    conv.register_unstructure_hook(Dataset, _unstructure_dataset)
    return conv


def _event_tag(cls: type) -> str:
    tag: str = getattr(cls, "tag")  # noqa: B009 - the union's members are only known as types
    return tag


#: The one converter of hankemalli; private to this package.
converter: cattrs.Converter = _make_converter()
