"""Figures: an indicator's result with the numbers behind it (luku).

A figure keeps its numerator and denominator, never just a percentage, so
figures for two periods or two programmes combine correctly: shares add their
numerators and denominators (a mean of percentages is wrong), and a cumulative
figure's total is its latest value, not a sum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from enum import StrEnum, unique
from fractions import Fraction

from attrs import evolve, field, frozen

from ..model import DataError
from ..model._errors import problem

__all__ = ["Figure", "Statistic", "combine", "cumulative_total"]


@unique
class Statistic(StrEnum):
    """What kind of number a figure is (tunnusluvun laji)."""

    COUNT = "count"  #: persons (lukumäärä)
    SHARE = "share"  #: persons with a trait among a population (osuus)
    MEAN = "mean"  #: average of a measure (keskiarvo), with its median
    DISTRIBUTION = "distribution"  #: persons per group (jakauma)
    ITEMS = "items"  #: episodes or events, not persons (kappalemäärä)
    AVERAGE_HEADCOUNT = "average_headcount"  #: person-days per day (keskimäärin kerrallaan)
    PEAK_HEADCOUNT = "peak_headcount"  #: the largest daily headcount (enimmillään kerrallaan)


def _sorted_counts(counts: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts)) if counts else ()


@frozen(kw_only=True)
class Figure:
    """One indicator's result for one period and population.

    ``numerator`` is the count (of persons, items, person-days or, for a mean, the
    sum of the values); ``denominator`` is the population it is taken of (persons,
    or days for an average headcount) and is None for a plain count. ``counts``
    holds a distribution's groups. ``median`` is given for a mean, and ``missing``
    counts the persons whose value was unknown. ``cumulative``
    figures run from the programme's start, so their total is the latest value.
    """

    code: str
    statistic: Statistic
    numerator: int
    denominator: int | None = None
    counts: tuple[tuple[str, int], ...] = field(default=(), converter=_sorted_counts)
    median: Fraction | None = None
    missing: int = 0
    cumulative: bool = False

    @property
    def value(self) -> int | Fraction | None:
        """The figure: a whole number, or an exact fraction; None for 0/0."""
        if self.statistic in (Statistic.COUNT, Statistic.ITEMS, Statistic.PEAK_HEADCOUNT):
            return self.numerator
        if self.statistic is Statistic.DISTRIBUTION:
            return self.denominator
        if not self.denominator:
            return None
        return Fraction(self.numerator, self.denominator)

    @property
    def percent(self) -> Fraction | None:
        """A share as a percentage (exact); None for other figures or 0/0."""
        if self.statistic is not Statistic.SHARE or not self.denominator:
            return None
        return Fraction(100 * self.numerator, self.denominator)

    def count(self, group: str) -> int:
        """A distribution's count for ``group`` (0 if absent)."""
        return dict(self.counts).get(group, 0)


def combine(figures: Iterable[Figure]) -> Figure:
    """Combine figures of disjoint populations (other programmes, other non-cumulative periods).

    Counts, numerators, denominators and groups add up; a peak is the largest; a
    median cannot be combined from medians and is dropped. Cumulative figures are
    not added: use :func:`cumulative_total`.
    """
    listed = list(figures)
    if not listed:
        raise ValueError("combine() needs at least one figure")
    first = listed[0]
    problems = [
        problem(
            (i,),
            "figure.combine_different",
            indicator=f.code,
            statistic=f.statistic,
            first_indicator=first.code,
            first_statistic=first.statistic,
        )
        for i, f in enumerate(listed)
        if (f.code, f.statistic) != (first.code, first.statistic)
    ]
    problems += [
        problem((i,), "figure.combine_cumulative", indicator=f.code)
        for i, f in enumerate(listed)
        if f.cumulative
    ]
    if problems:
        raise DataError(problems)
    if first.statistic is Statistic.PEAK_HEADCOUNT:
        return evolve(first, numerator=max(f.numerator for f in listed), median=None)
    counts: Counter[str] = Counter()
    for f in listed:
        counts.update(dict(f.counts))
    denominators = [f.denominator for f in listed]
    return Figure(
        code=first.code,
        statistic=first.statistic,
        numerator=sum(f.numerator for f in listed),
        denominator=None if None in denominators else sum(d for d in denominators if d is not None),
        counts=tuple(counts.items()),
        median=None if len(listed) > 1 else first.median,
        missing=sum(f.missing for f in listed),
    )


def cumulative_total(by_period: Mapping[object, Figure] | Iterable[Figure]) -> Figure:
    """The total of a cumulative figure over periods: the latest one (not their sum)."""
    listed = list(by_period.values() if isinstance(by_period, Mapping) else by_period)
    if not listed:
        raise ValueError("cumulative_total() needs at least one figure")
    last: Figure = listed[-1]
    return last
