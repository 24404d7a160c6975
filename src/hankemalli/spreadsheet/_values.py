"""Reading one cell as a value of the JSON form, and writing a value back to a cell.

A cell comes from openpyxl (text, a number, a yes-or-no, a date or a date-time) or
from a CSV file (text). Each kind of column reads it strictly: what it cannot read
is a problem with its code (:data:`~._problems.SHEET_MESSAGES`), never a blank or a
guess. Dates may be Excel date cells, Finnish dates (``1.3.2016``) or ISO dates
(``2016-03-01``); numbers may have a decimal comma, spaces between thousands and a
percent sign.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from ..model._pseudonym import shown_safely
from ._labels import Vocabulary

__all__ = [
    "Cell",
    "CellError",
    "is_blank",
    "read_boolean",
    "read_code",
    "read_date",
    "read_decimal",
    "read_text",
    "read_whole",
    "shown_cell",
]

#: What a cell may hold, as openpyxl or the CSV reader gives it.
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

_FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", re.ASCII)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_WHOLE = re.compile(r"[+-]?\d+", re.ASCII)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?", re.ASCII)
# Spaces a number may be grouped by: a space, a no-break space, a narrow no-break space.
_GROUPING = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")


class CellError(Exception):
    """A cell that cannot be read: its problem's ``code`` and message ``params``."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_blank(value: Cell) -> bool:
    """True for an empty cell, or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown_cell(value: Cell) -> str:
    """A cell as a message shows it: text quoted and shortened, a date as 1.3.2016.

    A time of day is shown as 14:30 and a duration as 5:00:00, as Excel shows them.

    Text that looks like personal data (an identity code) is not repeated.
    """
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return f"{value.day}.{value.month}.{value.year}"
        return f"{value.day}.{value.month}.{value.year} {value.time().isoformat()}"
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, dt.time):  # a time cell: as Excel shows it, not as Python's repr
        return value.isoformat("minutes" if not (value.second or value.microsecond) else "auto")
    if isinstance(value, dt.timedelta):  # a duration cell, as Excel shows it ([h]:mm:ss)
        sign, seconds = ("-" if value < dt.timedelta() else ""), abs(value).total_seconds()
        minutes, second = divmod(int(seconds), 60)
        return f"{sign}{minutes // 60}:{minutes % 60:02}:{second:02}"
    return shown_safely(value)


def read_text(value: Cell) -> str:
    """Text as it is written (not trimmed); a whole number as its digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # A code such as 1001 that Excel turned into a number.
        return str(value)
    raise CellError("sheet.text", value=shown_cell(value))


def read_date(value: Cell) -> str:
    """A date as the JSON form writes it (``YYYY-MM-DD``)."""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise CellError("sheet.date_time", value=shown_cell(value))
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise CellError("sheet.date_format", value=shown_cell(value))
    text = value.strip()
    finnish = _FINNISH_DATE.fullmatch(text)
    iso = None if finnish else _ISO_DATE.fullmatch(text)
    if finnish is not None:
        day, month, year = (int(part) for part in finnish.groups())
    elif iso is not None:
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise CellError("sheet.date_format", value=shown_cell(value))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError("sheet.date_calendar", value=shown_cell(value)) from None


def read_whole(value: Cell) -> int:
    """A whole number: a number cell without a fraction, or its digits as text."""
    if isinstance(value, bool):
        raise CellError("sheet.whole_number", value=shown_cell(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        return int(value.strip())
    raise CellError("sheet.whole_number", value=shown_cell(value))


def read_decimal(value: Cell) -> str:
    """A number as the JSON form writes a decimal (``"0.456"``), exactly as written.

    Text may have a decimal comma, spaces between thousands and a percent sign
    (``45,6 %`` is 0.456); a number cell is read as the shortest decimal of its value.
    """
    if isinstance(value, bool):
        raise CellError("sheet.number", value=shown_cell(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("sheet.number", value=shown_cell(value))
        return str(Decimal(repr(value)))
    if not isinstance(value, str):
        raise CellError("sheet.number", value=shown_cell(value))
    text = _GROUPING.sub("", value.strip())
    percent = text.endswith("%")
    if percent:
        text = text[:-1].rstrip()
    if not _NUMBER.fullmatch(text):
        raise CellError("sheet.number", value=shown_cell(value))
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise CellError("sheet.number", value=shown_cell(value)) from None
    return str(number.scaleb(-2) if percent else number)


def _word(value: Cell) -> str | None:
    """The text a code cell names its value by: text, a whole number, or true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return None


def read_code(
    value: Cell,
    vocabulary: Vocabulary,
    own: Mapping[str, object] | None = None,
    language: str = "fi",
) -> object:
    """The value of ``vocabulary`` the cell names, by code, label or the association's word.

    A problem lists the labels in ``language``, the workbook's: what its lists offer.
    """
    word = _word(value)
    found = None if word is None else vocabulary.find(word, own)
    if found is None:
        raise CellError(
            "sheet.unknown_value",
            value=shown_cell(value),
            allowed=", ".join(vocabulary.labels(language)),
        )
    return found


def read_boolean(
    value: Cell,
    vocabulary: Vocabulary,
    own: Mapping[str, object] | None = None,
    language: str = "fi",
) -> bool:
    """Yes or no: a TRUE or FALSE cell, or a word of ``vocabulary`` (kyllä, ei…)."""
    found = read_code(value, vocabulary, own, language)
    assert isinstance(found, bool)
    return found
