"""What an indicator computes over its population, and the mergeable tallies that do it.

Each statistic is a frozen value (data); :meth:`tally` gives a small mutable
tally that takes records one at a time, merges with another tally of the same
statistic, and gives a :class:`Figure`. Tallies hold counters only, so memory
follows the size of the report, not the number of records.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from typing import Protocol

import pendulum
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

    def part(self, view: RecordView, ctx: Context) -> object:
        """What one record of the population adds (``add`` is ``take(part(...))``).

        The same for every tally of the statistic in one calculation, so the engine
        works it out once per record and gives it to the whole and to each group.
        """

    def take(self, part: object) -> None:
        """Take into account what :meth:`part` gave for one record."""

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

    def part(self, view: RecordView, ctx: Context) -> bool:
        return self.of is None or self.of.matches(view, ctx)

    def take(self, part: object) -> None:
        if part:
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

    def part(self, view: RecordView, ctx: Context) -> bool:
        return self.of.matches(view, ctx)

    def take(self, part: object) -> None:
        self.denominator += 1
        if part:
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
        self.take(self.measure.value(view, ctx))

    def part(self, view: RecordView, ctx: Context) -> int | None:
        return self.measure.value(view, ctx)

    def take(self, part: object) -> None:
        if part is None:
            self.missing += 1
        else:
            self.values[part] += 1  # type: ignore[index]

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
        self.take(self.key.groups(view, ctx))

    def part(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        return self.key.groups(view, ctx)

    def take(self, part: object) -> None:
        self.persons += 1
        counts = self.counts
        # What Counter.update does with an iterable, without its checks (issue 14).
        for group in part:  # type: ignore[attr-defined]
            counts[group] += 1

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


#: A small key per distinct item count, for a view to remember its candidates by.
_ITEM_KEYS: dict[Events | Episodes, int] = {}
_NEXT_ITEM_KEY = itertools.count()


def item_key(count_items: Events | Episodes) -> tuple[str, int]:
    """The key a view remembers the candidates of an item count by (equal counts, one key)."""
    return ("items", _ITEM_KEYS.setdefault(count_items, next(_NEXT_ITEM_KEY)))


def dated_items(
    count_items: Events | Episodes, key: tuple[str, int], view: RecordView
) -> list[tuple[pendulum.Date, str | None]]:
    """The record's matching items in any window, each dated, worked out once per view.

    Every period's run (a year, the whole programme) then only compares their dates
    with its window.
    """
    memo = view._memo
    dated = memo.get(key)
    if dated is None:
        dated = memo[key] = count_items._dated(view)
    return dated  # type: ignore[return-value]


@define
class _ItemsTally:
    count_items: Events | Episodes
    counts: Counter[str]
    items: int = 0
    key: tuple[str, int] | None = None

    def __attrs_post_init__(self) -> None:
        # A subclass may count its items in its own way: it is asked through items().
        if type(self.count_items) in (Events, Episodes):
            self.key = item_key(self.count_items)

    def __getstate__(self) -> dict[str, object]:
        # Not the key: it is this process's, and another one gives the count its own.
        return {"count_items": self.count_items, "counts": self.counts, "items": self.items}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.count_items = state["count_items"]  # type: ignore[assignment]
        self.counts = state["counts"]  # type: ignore[assignment]
        self.items = state["items"]  # type: ignore[assignment]
        self.key = None
        self.__attrs_post_init__()

    def add(self, view: RecordView, ctx: Context) -> None:
        self.take(self.part(view, ctx))

    def part(self, view: RecordView, ctx: Context) -> list[str | None]:
        if self.key is None:
            return self.count_items.items(view, ctx)
        dated = dated_items(self.count_items, self.key, view)
        if not dated:  # most records: nothing to count, and no window to work out
            return []
        bounds = self.count_items.window.bounds(view, ctx)
        if bounds is None:
            return []
        low, high = bounds
        return [group for day, group in dated if low <= day <= high]

    def take(self, part: object) -> None:
        groups: list[str | None] = part  # type: ignore[assignment]
        if not groups:
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
        if not view.occurrences:  # most records: no window to work out
            return []
        bounds = self.window.bounds(view, ctx)
        if bounds is None:
            return []
        low, high = bounds
        return [
            None if self.by is None else str(getattr(event, self.by))
            for event in view.occurrences
            if low <= event.date <= high and self.match.matches(event, view)
        ]

    def _dated(self, view: RecordView) -> list[tuple[pendulum.Date, str | None]]:
        """The matching events (and spell starts), each dated, in any window: :meth:`items`."""
        by = self.by
        return [
            (event.date, None if by is None else str(getattr(event, by)))
            for event in view.occurrences
            if self.match.matches(event, view)
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
        if not view.episodes:
            return []
        bounds = self.window.bounds(view, ctx)
        if bounds is None:
            return []
        low, high = bounds
        return [
            str(e.service)
            for e in view.episodes
            if e.service in self.services and low <= e.start <= high
        ]

    def _dated(self, view: RecordView) -> list[tuple[pendulum.Date, str | None]]:
        """The matching episodes, each by its start, in any window: :meth:`items`."""
        services = self.services
        return [(e.start, str(e.service)) for e in view.episodes if e.service in services]

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
        self.take(self.part(view, ctx))

    def part(self, view: RecordView, ctx: Context) -> list[tuple[int, int]]:
        """The days of the period taken part on, as (first, last) offsets from its start."""
        last = self.start + self.days - 1
        found = []
        for entry, exit_ in view.periods:
            low = max(entry.toordinal(), self.start)
            high = min(last, exit_.toordinal()) if exit_ is not None else last
            if low <= high:
                found.append((low - self.start, high - self.start))
        return found

    def take(self, part: object) -> None:
        for low, high in part:  # type: ignore[attr-defined]
            self.diff[low] += 1
            self.diff[high + 1] -= 1

    def merge(self, other: Tally) -> None:
        assert isinstance(other, _HeadcountTally)
        self.diff = [a + b for a, b in zip(self.diff, other.diff, strict=True)]

    def within(self, start: int, days: int) -> _HeadcountTally:
        """The same records' days, over the ``days`` days from ``start`` (an ordinal) only.

        Those days must lie within this tally's. The tally is what taking each
        record's days of them alone would give: the number taking part on the first
        day, the changes on each later day, and the number on the last day leaving
        at its end.
        """
        offset = start - self.start
        assert offset >= 0
        assert offset + days <= self.days
        if days == 0:
            return _HeadcountTally(start, 0, [0], self.peak)
        on_first = sum(self.diff[: offset + 1])
        steps = self.diff[offset + 1 : offset + days]
        return _HeadcountTally(start, days, [on_first, *steps, -on_first - sum(steps)], self.peak)

    def figure(self, code: str, cumulative: bool) -> Figure:
        # The number taking part each day: the running sum of the changes.
        daily = list(itertools.accumulate(self.diff[: self.days]))
        if self.peak:
            highest = max(0, *daily) if daily else 0
            return Figure(code=code, statistic=Statistic.PEAK_HEADCOUNT, numerator=highest)
        return Figure(
            code=code,
            statistic=Statistic.AVERAGE_HEADCOUNT,
            numerator=sum(daily),
            denominator=self.days,
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
