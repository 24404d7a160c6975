"""The columns of each frame: names and kinds of value, read off the model's classes.

A frame's columns are the fields of the class whose objects make its rows, in the
order the class declares them, so a field added to the model appears in its frame
without a change here. Nothing here knows a dataframe library.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable
from enum import Enum, StrEnum, unique

from attrs import fields

__all__ = ["Columns", "Kind", "cell", "columns_of", "union_of"]


@unique
class Kind(StrEnum):
    """The kind of value a column holds; each backend has its own type for it."""

    TEXT = "text"  #: a code or a text (String)
    DATE = "date"  #: a calendar day (Date)
    INTEGER = "integer"  #: a whole number (Int64)
    BOOLEAN = "boolean"  #: true or false (Boolean)
    NUMBER = "number"  #: a real number (Float64)


#: A frame's columns in order: each with its name and kind. Every column may hold nulls.
Columns = tuple[tuple[str, Kind], ...]


def _kind(annotation: object, where: str) -> Kind:
    options = [annotation]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
    found = {_plain_kind(option) for option in options}
    if len(found) != 1 or None in found:
        raise TypeError(f"{where}: no column kind for the type {annotation!r}")
    kind = found.pop()
    assert kind is not None
    return kind


def _plain_kind(annotation: object) -> Kind | None:
    if not isinstance(annotation, type):
        return None
    # bool before int: a bool is an int to Python, not to a dataframe.
    for base, kind in (
        (Enum, Kind.TEXT),
        (str, Kind.TEXT),
        (dt.date, Kind.DATE),
        (bool, Kind.BOOLEAN),
        (int, Kind.INTEGER),
        (float, Kind.NUMBER),
    ):
        if issubclass(annotation, base):
            return kind
    return None


def columns_of(cls: type, *, leave_out: Iterable[str] = ()) -> Columns:
    """The columns of an attrs class's fields, in declaration order."""
    hints = typing.get_type_hints(cls)
    skipped = set(leave_out)
    return tuple(
        (f.name, _kind(hints[f.name], f"{cls.__name__}.{f.name}"))
        for f in fields(cls)
        if f.name not in skipped
    )


def union_of(classes: Iterable[type]) -> Columns:
    """The columns of several classes, each name once, in order of first appearance.

    The kinds of a name must agree (``kind`` is a code in every event that has one).
    """
    merged: dict[str, Kind] = {}
    for cls in classes:
        for name, kind in columns_of(cls):
            if merged.setdefault(name, kind) is not kind:
                raise TypeError(f"{cls.__name__}.{name} is {kind}, elsewhere {merged[name]}")
    return tuple(merged.items())


def cell(value: object) -> object:
    """The value a frame holds for a field's value: a code as its text, else as it is."""
    if isinstance(value, Enum):
        # _value_ (a documented enum attribute) rather than the slower .value property:
        # this runs once per cell.
        return value._value_
    return value
