"""Friendly construction: what the model's classes take in Python, and what they keep.

Code that builds records from another system (a Django model, a spreadsheet, a
database row) has ``datetime.date`` objects and lists. The model's fields take them
and keep what the model holds: a ``datetime.date`` as the same day's
``pendulum.Date`` (of exactly that type) and a list as a tuple of the same items.
These are attrs converters, so they run before the class's checks; anything else is
kept as it was given, for the checks to refuse with their usual problem. A
``datetime.datetime`` is refused as before: it is a moment, not a date.

Only construction in Python is friendly: the JSON form stays strict (a date is a
string ``YYYY-MM-DD``, an array an array), as :mod:`hankemalli.serialization` reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar, cast

import pendulum

from ._codes import CertificateKind, ServiceType

__all__ = [
    "PASSES_MODEL_VALUES",
    "as_certificates",
    "as_date",
    "as_optional_date",
    "as_services",
    "as_texts",
    "as_tuple",
]

T = TypeVar("T")

#: The converters that give back, the very same object, any value already of the
#: type their field keeps (a ``pendulum.Date``, a tuple): the reader's fast path,
#: which makes only such values, need not call them (``serialization._fast``). A
#: module adds its own (a plain function, not a decorated one, for mypy's attrs plugin).
PASSES_MODEL_VALUES: set[Callable[..., Any]] = set()


def as_date(value: pendulum.Date | dt.date) -> pendulum.Date:
    """A ``datetime.date`` as the same day's ``pendulum.Date``; anything else as it is."""
    if type(value) is pendulum.Date:  # nearly always: nothing to do
        return value
    if (
        isinstance(value, dt.date)
        and not isinstance(value, dt.datetime)
        and type(value) is not pendulum.Date
    ):
        return pendulum.date(value.year, value.month, value.day)
    return cast("pendulum.Date", value)


def as_optional_date(value: pendulum.Date | dt.date | None) -> pendulum.Date | None:
    """:func:`as_date` for an optional date; ``None`` stays ``None``."""
    return None if value is None else as_date(value)


def as_tuple(value: list[T] | tuple[T, ...]) -> tuple[T, ...]:
    """A list as the tuple of its items; anything else as it is, for the checks to judge.

    Only a list is turned into a tuple: a string or a set given where a tuple belongs
    is refused, not taken apart.
    """
    if isinstance(value, list):
        return tuple(value)
    return value  # a tuple, or what the checks will refuse


def as_texts(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """:func:`as_tuple` for a tuple of texts (``areas``, ``target_groups``, ``stages``…)."""
    return as_tuple(value)


def as_services(value: list[ServiceType] | tuple[ServiceType, ...]) -> tuple[ServiceType, ...]:
    """:func:`as_tuple` for the kinds of service of a programme or an operating model."""
    return as_tuple(value)


def as_certificates(
    value: list[CertificateKind] | tuple[CertificateKind, ...],
) -> tuple[CertificateKind, ...]:
    """:func:`as_tuple` for the kinds of certificate a programme counts."""
    return as_tuple(value)


PASSES_MODEL_VALUES.update(
    (as_date, as_optional_date, as_tuple, as_texts, as_services, as_certificates)
)
