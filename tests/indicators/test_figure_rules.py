"""The rules of figures and of combining them, one test each (indicators/_figure.py).

Figures of disjoint populations combine by adding their numbers; what cannot be
added (a median, a cumulative figure, figures of different indicators) is dropped
or refused, every problem at once. Labels come in three languages, Finnish first.
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind

S = ind.Statistic


def whole(message: str) -> str:
    """A pattern that matches exactly ``message``."""
    return f"^{re.escape(message)}$"


def share(numerator: int, denominator: int, code: str = "placement") -> ind.Figure:
    return ind.Figure(code=code, statistic=S.SHARE, numerator=numerator, denominator=denominator)


def mean(total: int, n: int, median: int | None = None, missing: int = 0) -> ind.Figure:
    return ind.Figure(
        code="days",
        statistic=S.MEAN,
        numerator=total,
        denominator=n,
        median=None if median is None else Fraction(median),
        missing=missing,
    )


def test_a_distributions_count_of_a_group_nobody_is_in_is_zero() -> None:
    figure = ind.Figure(
        code="x", statistic=S.DISTRIBUTION, numerator=2, denominator=2, counts=(("woman", 2),)
    )
    assert figure.count("woman") == 2
    assert figure.count("man") == 0


def test_combining_no_figure_is_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match=whole("combine() needs at least one figure")):
        ind.combine([])


def test_totalling_no_cumulative_figure_is_refused_with_a_message() -> None:
    for nothing in ({}, []):
        message = "cumulative_total() needs at least one figure"
        with pytest.raises(ValueError, match=whole(message)):
            ind.cumulative_total(nothing)


def test_one_figure_combined_is_that_figure() -> None:
    alone = mean(300, 3, median=90, missing=1)
    assert ind.combine([alone]) == alone


def test_a_combined_figure_keeps_its_code_and_statistic() -> None:
    both = ind.combine([share(1, 4), share(2, 5)])
    assert (both.code, both.statistic) == ("placement", S.SHARE)
    assert (both.numerator, both.denominator) == (3, 9)


def test_a_median_is_dropped_when_figures_combine() -> None:
    # The median of two groups cannot be found from their medians.
    both = ind.combine([mean(300, 3, median=90), mean(100, 2, median=50)])
    assert (both.numerator, both.denominator, both.median) == (400, 5, None)


def test_the_unknown_values_of_combined_figures_add_up() -> None:
    assert ind.combine([mean(300, 3, missing=1), mean(100, 2, missing=2)]).missing == 3


def test_combined_counts_have_no_denominator() -> None:
    counts = [ind.Figure(code="leavers", statistic=S.COUNT, numerator=n) for n in (2, 3)]
    both = ind.combine(counts)
    assert (both.numerator, both.denominator, both.value) == (5, None, 5)


def test_a_combined_peak_is_the_largest_and_keeps_no_median() -> None:
    peaks = [
        ind.Figure(code="p", statistic=S.PEAK_HEADCOUNT, numerator=4, median=Fraction(3)),
        ind.Figure(code="p", statistic=S.PEAK_HEADCOUNT, numerator=7),
    ]
    combined = ind.combine(peaks)
    assert (combined.code, combined.numerator, combined.median) == ("p", 7, None)


def test_figures_of_another_indicator_are_refused_where_they_are() -> None:
    first = share(1, 4)
    other = share(1, 4, code="EECR01")
    counted = ind.Figure(code="placement", statistic=S.COUNT, numerator=1)
    with pytest.raises(h.DataError) as caught:
        ind.combine([first, first, other, counted])
    assert caught.value.problems == (
        "$[2]: cannot combine EECR01 (share) with placement (share)",
        "$[3]: cannot combine placement (count) with placement (share)",
    )


def test_every_figure_that_cannot_be_added_is_named_at_once() -> None:
    years = [
        ind.Figure(code="EECO01", statistic=S.COUNT, numerator=n, cumulative=True) for n in (1, 2)
    ]
    with pytest.raises(h.DataError) as caught:
        ind.combine(years)
    assert caught.value.problems == (
        "$[0]: EECO01 is cumulative: take the latest value, do not add",
        "$[1]: EECO01 is cumulative: take the latest value, do not add",
    )


def test_the_total_of_a_cumulative_figure_by_period_is_the_latest_periods() -> None:
    by_year = {
        year: ind.Figure(code="EECO01", statistic=S.COUNT, numerator=n, cumulative=True)
        for year, n in ((2016, 10), (2017, 25), (2018, 31))
    }
    assert ind.cumulative_total(by_year) is by_year[2018]
    assert ind.cumulative_total(list(by_year.values())) is by_year[2018]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=6))
def test_combined_shares_add_numerators_and_denominators(pairs) -> None:
    figures = [share(min(a, b), max(a, b)) for a, b in pairs]
    combined = ind.combine(figures)
    assert combined.numerator == sum(f.numerator for f in figures)
    assert combined.denominator == sum(f.denominator or 0 for f in figures)
    assert combined.missing == 0
    assert combined.median is None


@given(st.lists(st.integers(0, 50), min_size=1, max_size=6))
def test_a_combined_peak_is_the_largest_peak(peaks) -> None:
    figures = [ind.Figure(code="p", statistic=S.PEAK_HEADCOUNT, numerator=n) for n in peaks]
    assert ind.combine(figures).numerator == max(peaks)


# --- labels -----------------------------------------------------------------------

LABELS = ind.Labels(fi="Osallistujat", sv="Deltagare", en="Participants")


def test_a_label_is_finnish_unless_another_language_is_asked() -> None:
    assert LABELS.get() == "Osallistujat"
    assert [LABELS.get(lang) for lang in ("fi", "sv", "en")] == [
        "Osallistujat",
        "Deltagare",
        "Participants",
    ]


def test_a_label_in_an_unknown_language_is_refused_with_the_languages_allowed() -> None:
    for language in ("FI", "de", ""):
        message = f"unknown language {language!r}; allowed: fi, sv, en"
        with pytest.raises(ValueError, match=whole(message)):
            LABELS.get(language)
