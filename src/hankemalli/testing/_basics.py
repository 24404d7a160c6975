"""Building blocks of the strategies: dates, texts, pseudonyms, ages, answers.

Each weights in the edge cases of the domain (an edge half of the time, the
general case otherwise), so that they come up often rather than by luck. The
composite strategies draw dates through :func:`draw_date` and reuse the strategy
objects built here once: building strategies inside a draw is slow.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TypeVar

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import Answer

__all__ = [
    "AGE_EDGES",
    "EARLIEST",
    "LATEST",
    "ages",
    "answers",
    "as_date",
    "check_period",
    "codes",
    "dates_between",
    "draw_date",
    "optional",
    "pseudonyms",
    "texts",
    "unemployment_starts",
]

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

#: Ages in completed years on both sides of the ESF and Finnish age limits:
#: under 18, under 25 (youth unemployment), 18–29 (ESF+ youth), 55 and over.
AGE_EDGES: tuple[int, ...] = (17, 18, 24, 25, 29, 30, 54, 55)

#: The earliest and latest dates the strategies accept in a period knob: inside the
#: model's years 1900–2100 with room for what is drawn around a period (an
#: unemployment up to ten years before an entry, follow-ups years after an exit).
EARLIEST = pendulum.date(1911, 1, 1)
LATEST = pendulum.date(2095, 12, 31)

_COIN = st.booleans()


def as_date(day: dt.date) -> pendulum.Date:
    """The pendulum Date of a standard-library date."""
    return pendulum.date(day.year, day.month, day.day)


def check_period(period: tuple[dt.date, dt.date]) -> tuple[pendulum.Date, pendulum.Date]:
    """A ``(start, end)`` knob as pendulum Dates; refuse an empty or far-off period."""
    start, end = (as_date(day) for day in period)
    if not EARLIEST <= start <= end <= LATEST:
        raise InvalidArgument(
            f"a period must be (start, end) with {EARLIEST} <= start <= end <= {LATEST}, "
            f"got {period!r}"
        )
    return start, end


def _leap_days(low: pendulum.Date, high: pendulum.Date) -> Iterable[pendulum.Date]:
    for year in range(low.year, high.year + 1):
        if pendulum.date(year, 1, 1).is_leap_year() and low <= pendulum.date(year, 2, 29) <= high:
            yield pendulum.date(year, 2, 29)


def draw_date(
    draw: st.DrawFn,
    low: pendulum.Date,
    high: pendulum.Date,
    edges: Iterable[pendulum.Date] = (),
) -> pendulum.Date:
    """Draw a date from ``low`` to ``high``, both included; half of the time an edge.

    The edges are both ends, the days next to them, the leap days (Feb 29) between
    them and any ``edges`` given that lie between them.
    """
    if draw(_COIN):
        near = (low.add(days=1), high.subtract(days=1))
        found = {low, high, *near, *_leap_days(low, high), *edges}
        chosen = sorted(day for day in found if low <= day <= high)
        return chosen[draw(st.integers(0, len(chosen) - 1))]
    return low.add(days=draw(st.integers(0, (high - low).days)))


@st.composite
def _dates_between(
    draw: st.DrawFn, low: pendulum.Date, high: pendulum.Date, edges: tuple[pendulum.Date, ...]
) -> pendulum.Date:
    return draw_date(draw, low, high, edges)


def dates_between(
    low: dt.date, high: dt.date, *, edges: Iterable[dt.date] = ()
) -> st.SearchStrategy[pendulum.Date]:
    """Dates (pendulum Dates) from ``low`` to ``high``, both included, often at an edge.

    The edges are both ends, the days next to them, the leap days (Feb 29) between
    them and any ``edges`` given that lie between them.
    """
    start, end = check_period((low, high))
    return _dates_between(start, end, tuple(as_date(day) for day in edges))


@functools.cache
def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` (unknown or not given) or a value."""
    return st.none() | strategy


@functools.cache
def _codes(code_list: type[E], among: tuple[E, ...] | None) -> st.SearchStrategy[E]:
    return st.sampled_from(tuple(code_list) if among is None else among)


def codes(code_list: type[E], *, among: Sequence[E] | None = None) -> st.SearchStrategy[E]:
    """Codes of a code list, or of the ones listed in ``among``."""
    return _codes(code_list, None if among is None else tuple(among))


_ANSWERS = st.sampled_from((Answer.REFUSED, *Answer))


def answers() -> st.SearchStrategy[Answer]:
    """Answers to a sensitive question, with refusals (ei halunnut vastata) weighted in."""
    return _ANSWERS


_AGES = st.sampled_from(AGE_EDGES) | st.integers(15, 70) | optional(st.integers(0, 120))


def ages() -> st.SearchStrategy[int | None]:
    """Ages in completed years at first entry, often at an ESF age limit, or unknown."""
    return _AGES


_LIMIT_MONTHS = st.sampled_from((6, 12))
_LIMIT_DAYS = st.sampled_from((-1, 0, 1))


def draw_unemployment_start(draw: st.DrawFn, first_entry: pendulum.Date) -> pendulum.Date:
    """Draw the start of the unemployment going on at ``first_entry``.

    Half of the time a day either side of, or exactly, six or twelve months before.
    """
    if draw(_COIN):
        return first_entry.subtract(months=draw(_LIMIT_MONTHS)).add(days=draw(_LIMIT_DAYS))
    return draw_date(draw, max(EARLIEST, first_entry.subtract(years=10)), first_entry)


@st.composite
def _unemployment_starts(draw: st.DrawFn, first_entry: pendulum.Date) -> pendulum.Date:
    return draw_unemployment_start(draw, first_entry)


def unemployment_starts(first_entry: dt.date) -> st.SearchStrategy[pendulum.Date]:
    """When the unemployment going on at ``first_entry`` began, up to ten years before.

    Often exactly at, or a day either side of, six and twelve months before the
    entry: the long-term unemployment limits (pitkäaikaistyöttömyys) for people
    under 25 and for everyone else.
    """
    return _unemployment_starts(check_period((first_entry, first_entry))[0])


# Any character but controls (Cc), lone surrogates (Cs) and the Unicode line and
# paragraph separators: letters of every script, marks, symbols, emoji and other
# characters beyond the Basic Multilingual Plane, which JSON escapes as a surrogate
# pair. Free text of several lines may also hold line feeds and tabs.
_ONE_LINE = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
_LINES = _ONE_LINE | st.sampled_from("\n\t")


def _valid(text: str, *, multiline: bool) -> bool:
    # Text that happens to look like personal data is no valid text; that is rare.
    from ..model._checks import text_problems

    return not any(text_problems((), text, multiline=multiline, record=True))


_TEXTS = st.sampled_from(
    ("Kulttuurivoimala ry", "Joensuun kaupunki", "Työkokeilu Åbo", "Kaiku 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")
) | st.builds(
    str.__add__, st.characters(categories=("L", "N")), st.text(_ONE_LINE, max_size=30)
).filter(lambda t: _valid(t, multiline=False))
_MULTILINE_TEXTS = _TEXTS | st.builds(
    str.__add__, st.characters(categories=("L", "N")), st.text(_LINES, max_size=40)
).filter(lambda t: _valid(t, multiline=True))


def texts(*, multiline: bool = False) -> st.SearchStrategy[str]:
    """Non-blank free text, such as a name or a label (any Unicode letters).

    One line of any characters a text may hold, those beyond the Basic
    Multilingual Plane included (JSON writes them as surrogate pairs); with
    ``multiline``, line feeds and tabs too, as a description or note may have.
    Never a control character otherwise, a lone surrogate, or anything that looks
    like personal data, which the model refuses.
    """
    return _MULTILINE_TEXTS if multiline else _TEXTS


# A letter first, so never a phone number; no more than five digits in a row, so
# never a personal identity code (six digits before its century sign); no '@', so
# never an e-mail address.
_LETTERS = string.ascii_letters
_PSEUDONYMS = st.builds(
    lambda head, digits, tail: head + digits + "".join(sep + part for sep, part in tail),
    st.text(_LETTERS, min_size=1, max_size=4),
    st.text(string.digits, max_size=5),
    st.lists(
        st.tuples(
            st.sampled_from("._:-"), st.text(_LETTERS + string.digits, min_size=1, max_size=5)
        ),
        max_size=3,
    ),
)


def pseudonyms() -> st.SearchStrategy[str]:
    """Valid pseudonymous identifiers (pseudonyymi tunniste) of participants and episodes."""
    return _PSEUDONYMS
