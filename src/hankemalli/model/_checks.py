"""Small checks shared by the model's classes; each yields problems, never raises.

Every class of the model gathers the problems of all its fields and invariants
and raises them together (see :func:`hankemalli.model._errors.raise_if_any`), so
these helpers yield :class:`Problem` objects instead of raising on the first one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from enum import Enum
from typing import Any, TypeGuard

import pendulum

from ._errors import PathPart, Problem

__all__ = [
    "check_date",
    "check_enum",
    "check_optional_date",
    "check_text",
    "check_texts",
    "check_tuple_of",
    "is_pendulum_date",
]


def is_pendulum_date(value: object) -> TypeGuard[pendulum.Date]:
    """True for a pendulum Date that is a calendar date, not a date-time."""
    return isinstance(value, pendulum.Date) and not isinstance(value, dt.datetime)


def check_date(name: str, value: object) -> Iterator[Problem]:
    """A required date must be a pendulum Date (``pendulum.date(2016, 1, 31)``)."""
    if not is_pendulum_date(value):
        yield Problem(
            path=(name,),
            message=f"expected a pendulum Date such as pendulum.date(2016, 1, 31), "
            f"got {type(value).__name__}",
        )


def check_optional_date(name: str, value: object) -> Iterator[Problem]:
    """An optional date is None or a pendulum Date."""
    if value is not None:
        yield from check_date(name, value)


def check_text(name: str, value: object, *, optional: bool = False) -> Iterator[Problem]:
    """Free text must be a non-blank string (or None where optional)."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        yield Problem(path=(name,), message=f"expected text, got {type(value).__name__}")
    elif not value.strip():
        yield Problem(path=(name,), message="must not be blank")


def check_enum(
    name: str, value: object, enum: type[Enum], *, optional: bool = False
) -> Iterator[Problem]:
    """A code must be a member of its code list (known codes only)."""
    if value is None and optional:
        return
    if not isinstance(value, enum):
        allowed = ", ".join(str(m.value) for m in enum)
        codes = {str(m.value): m for m in enum}
        if isinstance(value, str) and value in codes:
            message = (
                f"give the code list member {enum.__name__}.{codes[value].name}, "
                f"not the string {value!r}"
            )
        else:
            message = f"unknown {enum.__name__} {value!r}; allowed: {allowed}"
        yield Problem(path=(name,), message=message)


def check_tuple_of(
    name: str, value: object, kind: type[Any] | tuple[type[Any], ...]
) -> Iterator[Problem]:
    """A collection field must be a tuple of the given kind of items."""
    if not isinstance(value, tuple):
        yield Problem(path=(name,), message=f"expected a tuple, got {type(value).__name__}")
        return
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            names = " or ".join(k.__name__ for k in kinds)
            yield Problem(
                path=(name, index), message=f"expected {names}, got {type(item).__name__}"
            )


def check_texts(name: str, value: object) -> Iterator[Problem]:
    """A tuple of free-text items, none of them blank."""
    yield from check_tuple_of(name, value, str)
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, str) and not item.strip():
                yield Problem(path=(name, index), message="must not be blank")


def check_decimal(
    name: str, value: object, *, low: Decimal, high: Decimal, optional: bool = True
) -> Iterator[Problem]:
    """A decimal figure must be a :class:`~decimal.Decimal` within ``[low, high]``."""
    if value is None and optional:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        yield Problem(path=(name,), message=f"expected a finite Decimal, got {value!r}")
    elif not low <= value <= high:
        yield Problem(path=(name,), message=f"must be between {low} and {high}, got {value}")


def duplicates(
    items: Iterable[tuple[PathPart, object]],
) -> Iterator[tuple[PathPart, object, PathPart]]:
    """Yield ``(position, value, first_position)`` for every repeated value."""
    seen: dict[object, PathPart] = {}
    for position, value in items:
        if value in seen:
            yield position, value, seen[value]
        else:
            seen[value] = position
