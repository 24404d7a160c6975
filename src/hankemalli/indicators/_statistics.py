"""What an indicator computes over its population, and the mergeable tallies that do it.

Each statistic is a frozen value (data); :meth:`tally` gives a small mutable
tally that takes records one at a time, merges with another tally of the same
statistic, and gives a :class:`Figure`. Tallies hold counters only, so memory
follows the size of the report, not the number of records.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import Protocol

from attrs import define, frozen

from ..model import ServiceType
from ._context import Context, RecordView
from ._figure import Figure, Statistic
from ._measures import Key, Measure
from ._selectors import EventMatch, Selector, Window

__all__ = [
    "AverageHeadcount",
    "Count",
    "Distribution",
    "Episodes",
    "Events",
    "Mean",
    "PeakHeadcount",
    "Share",
    "Tally",
]


class Tally(Protocol):
    """The running state of one statistic: add records, merge, read the figure."""

    def add(self, view: RecordView, ctx: Context) -> None:
        """Take one record of the population into account."""

    def merge(self, other: Tally) -> None:
        """Take another tally of the same statistic (other records) into account."""

    def figure(self, code: str, cumulative: bool) -> Figure:
        """The result so far."""


@define
class _CountTally:
    of: Selector | None = None
    n: int = 0

    def add(self, view: RecordView, ctx: Context) -> None:
        if self.of is None or self.of.matches(view, ctx):
            self.n += 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _CountTally)
        self.n += other.n

    def figure(self, code: str, cumulative: bool) -> Figure:
        return Figure(code=code, statistic=Statistic.COUNT, numerator=self.n, cumulative=cumulative)


@frozen(kw_only=True)
class Count:
    """The number of persons in the population (henkilöiden lukumäärä).

    With ``of``, the number of persons of the population who have a trait: an ESF
    result counts the people of its reference group (say, leavers who were
    unemployed or inactive at entry) who are in employment upon leaving. The
    figure is the same kind of count; ``of`` only keeps apart who could have been
    counted (the population, for an auditor) and who was.
    """

    of: Selector | None = None

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally."""
        return _CountTally(self.of)


@define
class _ShareTally:
    of: Selector
    numerator: int = 0
    denominator: int = 0

    def add(self, view: RecordView, ctx: Context) -> None:
        self.denominator += 1
        if self.of.matches(view, ctx):
            self.numerator += 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _ShareTally)
        self.numerator += other.numerator
        self.denominator += other.denominator

    def figure(self, code: str, cumulative: bool) -> Figure:
        return Figure(
            code=code,
            statistic=Statistic.SHARE,
            numerator=self.numerator,
            denominator=self.denominator,
            cumulative=cumulative,
        )


@frozen(kw_only=True)
class Share:
    """The persons ``of`` the population with a trait, out of all of it (osuus).

    The figure keeps both numbers, e.g. KAIKU's 59 of 135 (44 %).
    """

    of: Selector

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally."""
        return _ShareTally(self.of)


def _median(values: Counter[int]) -> Fraction | None:
    n = sum(values.values())
    if n == 0:
        return None
    wanted = (n - 1) // 2, n // 2  # the middle one or two positions
    found: list[int] = []
    seen = 0
    for value in sorted(values):
        count = values[value]
        for position in wanted:
            if seen <= position < seen + count:
                found.append(value)
        seen += count
    return Fraction(sum(found), len(found))


@define
class _MeanTally:
    measure: Measure
    values: Counter[int]
    missing: int = 0

    def add(self, view: RecordView, ctx: Context) -> None:
        value = self.measure.value(view, ctx)
        if value is None:
            self.missing += 1
        else:
            self.values[value] += 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _MeanTally)
        self.values.update(other.values)
        self.missing += other.missing

    def figure(self, code: str, cumulative: bool) -> Figure:
        return Figure(
            code=code,
            statistic=Statistic.MEAN,
            numerator=sum(v * n for v, n in self.values.items()),
            denominator=sum(self.values.values()),
            median=_median(self.values),
            missing=self.missing,
            cumulative=cumulative,
        )


@frozen(kw_only=True)
class Mean:
    """The mean (and median) of a measure over the persons it is known for (keskiarvo).

    Persons whose value is unknown are counted apart, as ``missing``.
    """

    measure: Measure

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally (a histogram of values, so the median is exact)."""
        return _MeanTally(self.measure, Counter())


@define
class _DistributionTally:
    key: Key
    counts: Counter[str]
    persons: int = 0

    def add(self, view: RecordView, ctx: Context) -> None:
        self.persons += 1
        self.counts.update(self.key.groups(view, ctx))

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _DistributionTally)
        self.counts.update(other.counts)
        self.persons += other.persons

    def figure(self, code: str, cumulative: bool) -> Figure:
        return Figure(
            code=code,
            statistic=Statistic.DISTRIBUTION,
            numerator=sum(self.counts.values()),
            denominator=self.persons,
            counts=tuple(self.counts.items()),
            cumulative=cumulative,
        )


@frozen(kw_only=True)
class Distribution:
    """Persons of the population per group of a key (jakauma)."""

    key: Key

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally."""
        return _DistributionTally(self.key, Counter())


@define
class _ItemsTally:
    count_items: Events | Episodes
    counts: Counter[str]
    items: int = 0

    def add(self, view: RecordView, ctx: Context) -> None:
        groups = self.count_items.items(view, ctx)
        if not groups:  # most records: nothing to count, and no Counter.update to call
            return
        self.items += len(groups)
        counts = self.counts
        for group in groups:
            if group is not None:
                counts[group] += 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _ItemsTally)
        self.counts.update(other.counts)
        self.items += other.items

    def figure(self, code: str, cumulative: bool) -> Figure:
        return Figure(
            code=code,
            statistic=Statistic.ITEMS,
            numerator=self.items,
            counts=tuple(self.counts.items()),
            cumulative=cumulative,
        )


@frozen(kw_only=True)
class Events:
    """The number of matching outcome events inside a window (tapahtumien määrä).

    Counts events (or spells, by their start), not persons: KAIKU's 79 hygiene
    passports, or 31 jobs that began from TET periods. ``by`` names an event
    attribute to break the count down by (e.g. ``certificate``).
    """

    match: EventMatch
    window: Window = Window.ANY_TIME
    by: str | None = None

    def items(self, view: RecordView, ctx: Context) -> list[str | None]:
        """One entry per matching event: its group, or None."""
        bounds = self.window.bounds(view, ctx)
        if bounds is None:
            return []
        low, high = bounds
        return [
            None if self.by is None else str(getattr(event, self.by))
            for event in view.occurrences
            if low <= event.date <= high and self.match.matches(event, view)
        ]

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally."""
        return _ItemsTally(self, Counter())


@frozen(kw_only=True)
class Episodes:
    """The number of service episodes of the services started inside a window (jaksojen määrä).

    KAIKU's 72 TET periods.
    """

    services: tuple[ServiceType, ...]
    window: Window = Window.ANY_TIME

    def items(self, view: RecordView, ctx: Context) -> list[str | None]:
        """One entry per matching episode, grouped by its service."""
        bounds = self.window.bounds(view, ctx)
        if bounds is None:
            return []
        low, high = bounds
        return [
            str(e.service)
            for e in view.episodes
            if e.service in self.services and low <= e.start <= high
        ]

    def tally(self, ctx: Context) -> Tally:
        """A new, empty tally."""
        return _ItemsTally(self, Counter())


@define
class _HeadcountTally:
    start: int
    days: int
    diff: list[int]
    peak: bool

    def add(self, view: RecordView, ctx: Context) -> None:
        last = self.start + self.days - 1
        for entry, exit_ in view.periods:
            low = max(entry.toordinal(), self.start)
            high = min(last, exit_.toordinal()) if exit_ is not None else last
            if low <= high:
                self.diff[low - self.start] += 1
                self.diff[high - self.start + 1] -= 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _HeadcountTally)
        self.diff = [a + b for a, b in zip(self.diff, other.diff, strict=True)]

    def figure(self, code: str, cumulative: bool) -> Figure:
        running, total, highest = 0, 0, 0
        for step in self.diff[: self.days]:
            running += step
            total += running
            highest = max(highest, running)
        if self.peak:
            return Figure(code=code, statistic=Statistic.PEAK_HEADCOUNT, numerator=highest)
        return Figure(
            code=code, statistic=Statistic.AVERAGE_HEADCOUNT, numerator=total, denominator=self.days
        )


def _headcount_tally(ctx: Context, peak: bool) -> Tally:
    start = ctx.period.start.toordinal()
    days = max(0, ctx.horizon.toordinal() - start + 1)
    return _HeadcountTally(start, days, [0] * (days + 1), peak)


@frozen(kw_only=True)
class AverageHeadcount:
    """The average daily number of participants over the period (keskimäärin kerrallaan).

    Person-days divided by the days from the period's start to its end (or to
    as_of, if earlier). PROSESSI's target: 10–15 at a time.
    """

    def tally(self, ctx: Context) -> Tally:
        """A new tally with one counter per day of the period."""
        return _headcount_tally(ctx, peak=False)


@frozen(kw_only=True)
class PeakHeadcount:
    """The largest daily number of participants in the period (enimmillään kerrallaan)."""

    def tally(self, ctx: Context) -> Tally:
        """A new tally with one counter per day of the period."""
        return _headcount_tally(ctx, peak=True)
