"""Numbers as each language writes them."""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest

from hankemalli.reporting import format_date, format_number, format_percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", f"44{NBSP}%"), ("sv", f"44{NBSP}%"), ("en", "44%")],
)
def test_kaiku_placement_rounds_to_44_percent(language, expected):
    assert format_percent(Fraction(100 * 59, 135), language) == expected


def test_decimal_comma_and_thousands_in_finnish_and_swedish():
    assert format_number(Fraction(24731, 1000), "fi", 1) == "24,7"
    assert format_number(1234567, "sv") == f"1{NBSP}234{NBSP}567"
    assert format_number(Fraction(24731, 1000), "en", 1) == "24.7"
    assert format_number(1234567, "en") == "1,234,567"


def test_half_rounds_up():
    assert format_number(Fraction(5, 2), "en") == "3"
    assert format_percent(Fraction(45, 2), "fi") == f"23{NBSP}%"


def test_dates():
    day = pendulum.date(2015, 8, 1)
    assert format_date(day, "fi") == "1.8.2015"
    assert format_date(day, "en") == "2015-08-01"
