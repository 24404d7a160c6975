"""The private cattrs converter that gives the model its JSON form.

All un/structuring rules live here, apart from the model, on a converter of our
own (never ``cattrs.global_converter``). Reading is strict: JSON types are not
coerced (``"5"`` is not a number, ``1`` is not ``true``), unknown keys and codes
are refused, and dates are ISO ``YYYY-MM-DD`` strings that come back as pendulum
Dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
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
from ..model._errors import DataError, Problem
from ._errors import InvalidValueError, problems_from
from ._migrate import migrate_tracked

__all__ = ["TAG_KEY", "converter"]

#: The key that carries an outcome event's or a situation spell's kind in JSON.
TAG_KEY = "type"

T = TypeVar("T")

# ASCII digits only: \d alone would also take other scripts' digits, such as "２０１６".
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"expected a string, got {_json_type(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise InvalidValueError(f"expected a whole number, got {_json_type(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise InvalidValueError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal | float):
        raise InvalidValueError(
            f'expected a decimal number such as "0.25", got {_json_type(value)}'
        )
    try:
        # A float from a plain json.loads goes through its shortest repr, which is
        # what the writer of the document typed.
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise InvalidValueError(
            f'expected a decimal number such as "0.25", got {value!r}'
        ) from None
    if not number.is_finite():
        raise InvalidValueError(f"expected a finite decimal number, got {value!r}")
    return number


def _structure_date(value: object, _: type) -> pendulum.Date:
    if not isinstance(value, str):
        raise InvalidValueError(f"expected a date as a string YYYY-MM-DD, got {_json_type(value)}")
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        raise InvalidValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        raise InvalidValueError(f"{value!r} is not a date in the calendar") from None


def _enum_hook(enum: type[Enum]) -> Callable[[object, type], Enum]:
    allowed = ", ".join(str(member.value) for member in enum)

    def structure(value: object, _: type) -> Enum:
        if not isinstance(value, str):
            raise InvalidValueError(
                f"expected a {enum.__name__} code (a string), got {_json_type(value)}"
            )
        try:
            return enum(value)
        except ValueError:
            raise InvalidValueError(
                f"unknown {enum.__name__} {value!r}; allowed: {allowed}"
            ) from None

    return structure


def _code_value(code: Enum) -> str:
    return str(code.value)


def _tuple_hook_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner = homogenous_tuple_structure_factory(kind, conv)

    def structure(value: object, cl: type) -> Any:
        if not isinstance(value, list | tuple):
            raise InvalidValueError(f"expected an array, got {_json_type(value)}")
        return inner(value, cl)

    return structure


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner: Callable[[Mapping[str, Any], Any], Any] = cattrs.gen.make_dict_structure_fn(cls, conv)

    def structure(value: object, cl: type) -> Any:
        if not isinstance(value, Mapping):
            raise InvalidValueError(f"expected an object with keys, got {_json_type(value)}")
        return inner(value, cl)

    return structure


def _event_tag(cls: type) -> str:
    tag: str = getattr(cls, "tag")  # noqa: B009 - the union's members are only known as types
    return tag


def _make_union_hook(
    conv: cattrs.Converter, union: Any, tags: Mapping[str, type], what: str
) -> Callable[[object, type], Any]:
    tagged = conv.get_structure_hook(union)
    allowed = ", ".join(tags)
    noun = what.split(" ", 1)[-1]  # "an event" -> "event": "unknown event type ..."

    def structure(value: object, cl: type) -> Any:
        if not isinstance(value, Mapping):
            raise InvalidValueError(f"expected {what} object, got {_json_type(value)}")
        tag = value.get(TAG_KEY)
        if tag is None:
            raise InvalidValueError(
                f"required key is missing; {what} names its kind here: {allowed}", at=TAG_KEY
            )
        if tag not in tags:
            raise InvalidValueError(f"unknown {noun} type {tag!r}; allowed: {allowed}", at=TAG_KEY)
        return tagged(value, cl)

    return structure


def _structure_dataset(value: object, _: type) -> Dataset:
    """Read a whole dataset, reporting every problem in all its records at once.

    A record that cannot be built does not stop the others from being read, nor the
    checks across the records that could (unique ids, inside the programme period,
    assessments that fit the instruments, when every instrument could be read).
    """
    if not isinstance(value, Mapping):
        raise DataError(
            [Problem(path=(), message=f"expected a dataset object, got {_json_type(value)}")]
        )
    # A version-1 document is read through its version-2 form (see ._migrate), and
    # its problems are reported where they are in the document as written.
    value, written = migrate_tracked(value)
    problems: list[Problem] = []
    allowed = ("schema_version", "programme", "operating_models", "instruments", "participants")
    for key in value:
        if key not in allowed:
            problems.append(
                Problem(
                    path=(str(key),), message=f"unknown key; allowed keys: {', '.join(allowed)}"
                )
            )
    version = value.get("schema_version")
    if "schema_version" not in value:
        problems.append(
            Problem(
                path=("schema_version",),
                message="required key is missing; "
                f"this hankemalli reads schema version {SCHEMA_VERSION}",
            )
        )
    elif type(version) is not int or version != SCHEMA_VERSION:
        problems.append(
            Problem(
                path=("schema_version",),
                message=f"unsupported schema version {version!r}; "
                f"this hankemalli reads schema versions 1 and {SCHEMA_VERSION}",
            )
        )
    programme: Programme | None = None
    if "programme" not in value:
        problems.append(Problem(path=("programme",), message="required key is missing"))
    else:
        try:
            programme = converter.structure(value["programme"], Programme)
        except Exception as exc:  # every problem is reported, none is lost
            problems.extend(p.under("programme") for p in problems_from(exc))
    models, raw_models = _structure_items(value, "operating_models", OperatingModel, problems)
    instruments, raw_instruments = _structure_items(value, "instruments", Instrument, problems)
    records, raw_records = _structure_items(value, "participants", Participation, problems)
    # Ids are compared as written, so a duplicate is found even in a record that
    # could not be built for other reasons.
    problems.extend(
        duplicate_id_problems(
            (i, raw_id)
            for i, raw in raw_records
            if (raw_id := _raw_participant_id(raw)) is not None
        )
    )
    problems.extend(unique_id_problems("operating_models", _raw_ids(raw_models), "model"))
    problems.extend(unique_id_problems("instruments", _raw_ids(raw_instruments), "instrument"))
    if programme is not None:
        problems.extend(inside_programme_problems(programme, records))
    if len(instruments) == len(raw_instruments):
        # An instrument that could not be read would make its assessments look unknown.
        problems.extend(instrument_reference_problems((i for _, i in instruments), records))
    if problems:
        raise DataError([Problem(path=written(p.path), message=p.message) for p in problems])
    assert programme is not None
    return Dataset(
        programme=programme,
        participants=tuple(r for _, r in records),
        operating_models=tuple(m for _, m in models),
        instruments=tuple(i for _, i in instruments),
    )


def _structure_items(
    value: Mapping[str, Any], key: str, cls: type[T], problems: list[Problem]
) -> tuple[list[tuple[int, T]], list[tuple[int, object]]]:
    """Read the array under ``key`` (empty if absent) item by item, gathering problems.

    Gives the items that could be built and every raw item, each with its index.
    """
    raw_items = value.get(key, [])
    if not isinstance(raw_items, list):
        problems.append(
            Problem(path=(key,), message=f"expected an array, got {_json_type(raw_items)}")
        )
        return [], []
    built: list[tuple[int, T]] = []
    for index, raw in enumerate(raw_items):
        try:
            built.append((index, converter.structure(raw, cls)))
        except Exception as exc:  # every problem is reported, none is lost
            problems.extend(p.under(key, index) for p in problems_from(exc))
    return built, list(enumerate(raw_items))


def _raw_ids(raw_items: list[tuple[int, object]]) -> list[tuple[int, object]]:
    return [
        (index, raw["id"])
        for index, raw in raw_items
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


def _make_converter() -> cattrs.Converter:
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
    configure_tagged_union(OutcomeEvent, conv, tag_generator=_event_tag, tag_name=TAG_KEY)
    conv.register_structure_hook(
        OutcomeEvent, _make_union_hook(conv, OutcomeEvent, EVENT_TAGS, "an event")
    )
    configure_tagged_union(SituationSpell, conv, tag_generator=_event_tag, tag_name=TAG_KEY)
    conv.register_structure_hook(
        SituationSpell, _make_union_hook(conv, SituationSpell, SITUATION_TAGS, "a situation")
    )
    conv.register_structure_hook(Dataset, _structure_dataset)
    conv.register_unstructure_hook(Dataset, _unstructure_dataset)
    return conv


#: The one converter of hankemalli; private to this package.
converter: cattrs.Converter = _make_converter()
