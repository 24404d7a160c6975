"""Numbers and dates as each language writes them (muotoilu).

Finnish and Swedish use a decimal comma, a space between thousands and a space
before the per cent sign (44 %); English uses a decimal point and 44%.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pendulum

from ._labels import Language

__all__ = ["format_date", "format_number", "format_percent"]

_NBSP = "\u00a0"
_MINUS = "\u2212"


def round_half_up(value: Fraction | int | Decimal, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, a half away from zero, exactly (pyöristys).

    Every renderer rounds with it, so the JSON form, the tables and the text agree:
    0.25 % is 0.3 % everywhere (Python's ``round`` would give 0.2, half to even).
    """
    number = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(value)
    )
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: Fraction | int | Decimal, language: Language, places: int = 0) -> str:
    """A number with ``places`` decimals: ``1 234,5`` in Finnish, ``1,234.5`` in English.

    Finnish and Swedish write a negative number with the minus sign (−, U+2212),
    not the hyphen (Kielitoimisto's and Språkbyrån's typography guidance).
    """
    text = f"{round_half_up(value, places):,.{places}f}"
    if language == "en":
        return text
    return text.replace(",", _NBSP).replace(".", ",").replace("-", _MINUS)


def format_percent(value: Fraction | int | Decimal, language: Language, places: int = 0) -> str:
    """A percentage: ``44 %`` in Finnish and Swedish, ``44%`` in English."""
    number = format_number(value, language, places)
    return f"{number}%" if language == "en" else f"{number}{_NBSP}%"


def format_date(day: pendulum.Date, language: Language) -> str:
    """A date: ``1.8.2015`` in Finnish and Swedish, ``2015-08-01`` in English."""
    if language == "en":
        return day.isoformat()
    return f"{day.day}.{day.month}.{day.year}"
