"""Small checks shared by the model's classes; each yields problems, never raises.

Every class of the model gathers the problems of all its fields and invariants
and raises them together (see :func:`hankemalli.model._errors.raise_if_any`), so
these helpers yield :class:`Problem` objects instead of raising on the first one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, TypeGuard

import pendulum

from ._errors import PathPart, Problem, problem
from ._pseudonym import personal_data_problems, shown_safely

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "all_different",
    "check_boolean",
    "check_date",
    "check_enum",
    "check_optional_date",
    "check_text",
    "check_texts",
    "check_tuple_of",
    "in_date_range",
    "is_pendulum_date",
    "listed",
    "repeated_items",
    "text_problems",
]

#: The first and last day of the years 1900–2100, the dates the model accepts: they
#: hold every real date of a programme and its participants, and a date outside them
#: (a year 9999, say) is a slip of the keyboard.
EARLIEST_DATE = pendulum.date(1900, 1, 1)
LATEST_DATE = pendulum.date(2100, 12, 31)

#: How many items a message lists before it gives the count of the rest.
LISTED_ITEMS = 10

# A lone surrogate is half of a UTF-16 pair: no character, and no UTF-8 form.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters (Unicode category Cc: C0, DEL and C1, which include the escape
# that starts an ANSI sequence) and the Unicode line and paragraph separators.
_NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_IN_FREE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The characters a message names (terms of ._terms); any other is "a control character".
_CONTROL_NAMES = {
    0x00: "character.null",
    0x09: "character.tab",
    0x0A: "character.line_feed",
    0x0D: "character.carriage_return",
    0x1B: "character.escape",
    0x7F: "character.delete",
    0x9B: "character.control_sequence",
    0x2028: "character.line_separator",
    0x2029: "character.paragraph_separator",
}


def is_pendulum_date(value: object) -> TypeGuard[pendulum.Date]:
    """True for a pendulum Date that is a calendar date, not a date-time."""
    # The exact type first: it is what nearly every date is, and the cheapest test.
    return type(value) is pendulum.Date or (
        isinstance(value, pendulum.Date) and not isinstance(value, dt.datetime)
    )


def in_date_range(value: object) -> TypeGuard[pendulum.Date]:
    """True for a pendulum Date in the years the model accepts (1900–2100)."""
    # The exact type first, without a call: nearly every date is of it.
    return (type(value) is pendulum.Date or is_pendulum_date(value)) and (
        EARLIEST_DATE <= value <= LATEST_DATE
    )


#: What a check gives when it finds nothing: the common case, without a generator.
_NOTHING: tuple[Problem, ...] = ()


def check_date(name: str, value: object) -> Iterable[Problem]:
    """A required date must be a pendulum Date (``pendulum.date(2016, 1, 31)``).

    It must also lie in the years 1900–2100: a year such as 9999 is a slip of the
    keyboard, and the final report of a programme ending then took 629 s and 930 MB.
    """
    # Nearly every date is of exactly this type and in range: answered at once.
    if type(value) is pendulum.Date and EARLIEST_DATE <= value <= LATEST_DATE:
        return _NOTHING
    return _date_problems(name, value)


def _date_problems(name: str, value: object) -> Iterator[Problem]:
    if not is_pendulum_date(value):
        yield problem((name,), "value.type", expected="expected.date", got=type(value).__name__)
    elif not in_date_range(value):
        yield problem(
            (name,),
            "date.out_of_range",
            date=str(value),
            earliest=str(EARLIEST_DATE),
            latest=str(LATEST_DATE),
        )


def check_optional_date(name: str, value: object) -> Iterable[Problem]:
    """An optional date is None or a pendulum Date."""
    return _NOTHING if value is None else check_date(name, value)


def check_text(
    name: str,
    value: object,
    *,
    optional: bool = False,
    multiline: bool = False,
    record: bool = False,
) -> Iterable[Problem]:
    """Free text must be a non-blank string (or None where optional); see :func:`text_problems`."""
    if value is None and optional:
        return _NOTHING
    return _text_problems(name, value, multiline=multiline, record=record)


def _text_problems(name: str, value: object, *, multiline: bool, record: bool) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield problem((name,), "value.type", expected="expected.text", got=type(value).__name__)
    elif not value.strip():
        yield problem((name,), "text.blank")
    else:
        yield from text_problems((name,), value, multiline=multiline, record=record)


def text_problems(
    path: tuple[PathPart, ...], text: str, *, multiline: bool = False, record: bool = False
) -> Iterator[Problem]:
    """What is wrong with the characters of a text; the text itself is never repeated.

    - No lone surrogate (U+D800–U+DFFF): it is no character and cannot be written
      as UTF-8, so a document or report holding it could not be saved.
    - No control character (C0, DEL, C1, hence no ANSI escape sequence). A
      ``multiline`` text (a description, a note) may hold line feeds and tabs; any
      other text is one line, without them or the Unicode line separators.
    - No personal identity code; in a ``record`` text (part of a participant's
      record) no e-mail address or phone number either.

    Linear in the length of the text.
    """
    if not text.isprintable():  # printable text has neither controls nor surrogates
        surrogate = _SURROGATE.search(text)
        if surrogate is not None:
            yield problem(
                path,
                "text.lone_surrogate",
                codepoint=f"{ord(surrogate.group()):04X}",
                position=surrogate.start() + 1,
            )
        control = (_NOT_IN_FREE_TEXT if multiline else _NOT_IN_A_LINE).search(text)
        if control is not None:
            code = ord(control.group())
            yield problem(
                path,
                "text.control_character",
                codepoint=f"{code:04X}",
                character=_CONTROL_NAMES.get(code, "character.other"),
                position=control.start() + 1,
                allowed="text.free_text" if multiline else "text.one_line",
            )
    yield from personal_data_problems(path, text, contacts=record)


def check_enum(
    name: str, value: object, enum: type[Enum], *, optional: bool = False
) -> Iterable[Problem]:
    """A code must be a member of its code list (known codes only)."""
    if isinstance(value, enum) or (value is None and optional):
        return _NOTHING
    return _enum_problems(name, value, enum)


def _enum_problems(name: str, value: object, enum: type[Enum]) -> Iterator[Problem]:
    if not isinstance(value, enum):
        allowed = ", ".join(str(m.value) for m in enum)
        codes = {str(m.value): m for m in enum}
        if isinstance(value, str) and value in codes:
            yield problem(
                (name,),
                "code.plain_string",
                member=f"{enum.__name__}.{codes[value].name}",
                value=shown_safely(value),
            )
        else:
            yield problem(
                (name,),
                "code.unknown",
                list=enum.__name__,
                value=shown_safely(value),
                allowed=allowed,
            )


def check_boolean(name: str, value: object, *, optional: bool = False) -> Iterable[Problem]:
    """A yes or no must be ``True`` or ``False`` (or ``None``, unknown, where optional)."""
    if isinstance(value, bool) or (value is None and optional):
        return _NOTHING
    return _boolean_problems(name, value, optional=optional)


def _boolean_problems(name: str, value: object, *, optional: bool) -> Iterator[Problem]:
    if not isinstance(value, bool):
        expected = "expected.optional_boolean" if optional else "expected.boolean"
        yield problem((name,), "value.type", expected=expected, got=shown_safely(value))


def check_tuple_of(
    name: str, value: object, kind: type[Any] | tuple[type[Any], ...]
) -> Iterable[Problem]:
    """A collection field must be a tuple of the given kind of items."""
    if isinstance(value, tuple):
        for item in value:
            if not isinstance(item, kind):
                break
        else:
            return _NOTHING
    return _tuple_problems(name, value, kind)


def _tuple_problems(
    name: str, value: object, kind: type[Any] | tuple[type[Any], ...]
) -> Iterator[Problem]:
    if not isinstance(value, tuple):
        yield problem((name,), "value.type", expected="expected.tuple", got=type(value).__name__)
        return
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            # Python's own spelling of a union, the same in every language.
            names = " | ".join(k.__name__ for k in kinds)
            yield problem((name, index), "value.type", expected=names, got=type(item).__name__)


def check_texts(name: str, value: object, *, record: bool = False) -> Iterator[Problem]:
    """A tuple of one-line text items, none of them blank (see :func:`text_problems`)."""
    yield from check_tuple_of(name, value, str)
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, str):
                if not item.strip():
                    yield problem((name, index), "text.blank")
                else:
                    yield from text_problems((name, index), item, record=record)


def check_decimal(
    name: str, value: object, *, low: Decimal, high: Decimal, optional: bool = True
) -> Iterator[Problem]:
    """A decimal figure must be a :class:`~decimal.Decimal` within ``[low, high]``."""
    if value is None and optional:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        yield problem((name,), "value.type", expected="expected.decimal", got=shown_safely(value))
    elif not low <= value <= high:
        figure = str(value) if len(value.as_tuple().digits) <= 40 else shown_safely(value)
        yield problem((name,), "number.out_of_range", low=str(low), high=str(high), value=figure)


def repeated_items(name: str, items: object, what: str) -> Iterator[Problem]:
    """A problem for each item of the tuple ``name`` listed again (``what`` is a term).

    ``what`` names the items (``item.stage``, ``item.service``). A code is shown as
    its code, anything else as :func:`~._pseudonym.shown_safely` shows it.
    """
    if not isinstance(items, tuple):
        return  # reported as such by check_tuple_of
    for position, value, first in duplicates(enumerate(items)):
        text = str(value.value) if isinstance(value, Enum) else shown_safely(value)
        yield problem((name, position), "list.duplicate", what=what, value=text, first=first)


def all_different(values: Sequence[object]) -> bool:
    """True if no value is listed twice; False if one is, or cannot be compared so.

    A quick answer for the common case: where it is False, :func:`duplicates`
    finds which values repeat, if any.
    """
    try:
        return len(set(values)) == len(values)
    except TypeError:  # unhashable: let duplicates() look
        return False


def duplicates(
    items: Iterable[tuple[PathPart, object]],
) -> Iterator[tuple[PathPart, object, PathPart]]:
    """Yield ``(position, value, first_position)`` for every repeated value.

    A value that cannot be compared so (a list where a code belongs) is skipped: its
    type is reported on its own.
    """
    seen: dict[object, PathPart] = {}
    for position, value in items:
        try:
            first = seen.get(value)
        except TypeError:  # unhashable
            continue
        if first is not None:
            yield position, value, first
        else:
            seen[value] = position


def listed(items: Iterable[object], limit: int = LISTED_ITEMS) -> str:
    """Items for a message, comma-separated: the first ``limit`` and the count of the rest.

    The count is written ``… (+20)``, the same in every language.
    """
    texts = [str(item) for item in items]
    if len(texts) <= limit:
        return ", ".join(texts)
    return f"{', '.join(texts[:limit])}, … (+{len(texts) - limit})"
