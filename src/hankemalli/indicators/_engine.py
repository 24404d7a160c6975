"""The engine: any set of indicators over any iterable of records, in one pass.

:func:`compute` is the one entry point. For work split across processes or
chunks, :meth:`Calculation.start` gives a :class:`Run` whose state merges with
another run's: computing chunks apart and merging gives the same figures as
computing the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pendulum
from attrs import frozen

from ..model import Participation
from ._context import Context, CountingRules, ReportingPeriod
from ._definition import Catalogue, Indicator
from ._figure import Figure
from ._measures import Key
from ._statistics import Tally

__all__ = ["Calculation", "Results", "Run", "compute"]


@frozen(kw_only=True)
class Results:
    """The figures of one calculation (tulokset), by indicator code.

    ``groups`` holds the same figures per group of the breakdown key, if one was
    asked for (e.g. by gender); ``group_order`` lists the groups for tables.
    """

    period: ReportingPeriod
    as_of: pendulum.Date
    rules: CountingRules
    figures: tuple[Figure, ...]
    groups: tuple[tuple[str, tuple[Figure, ...]], ...] = ()

    def __getitem__(self, code: str) -> Figure:
        for figure in self.figures:
            if figure.code == code:
                return figure
        raise KeyError(code)

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    @property
    def by_group(self) -> Mapping[str, Mapping[str, Figure]]:
        """Figures per group, then per code."""
        return {group: {f.code: f for f in figures} for group, figures in self.groups}


@frozen(kw_only=True)
class Calculation:
    """What to compute: indicators, period, as_of, counting rules and an optional breakdown."""

    indicators: tuple[Indicator, ...]
    context: Context
    breakdown: Key | None = None

    def start(self) -> Run:
        """A new, empty run of this calculation."""
        return Run(self)

    def run(self, records: Iterable[Participation]) -> Results:
        """Compute the figures over ``records`` in one pass."""
        run = self.start()
        run.add_all(records)
        return run.results()


class Run:
    """The mergeable running state of a :class:`Calculation` (laskennan välitila)."""

    def __init__(self, calculation: Calculation) -> None:
        self.calculation = calculation
        self._tallies = self._new_tallies()
        self._groups: dict[str, list[Tally]] = {}

    def _new_tallies(self) -> list[Tally]:
        ctx = self.calculation.context
        return [ind.statistic.tally(ctx) for ind in self.calculation.indicators]

    def add(self, record: Participation) -> None:
        """Take one participant record into account."""
        ctx = self.calculation.context
        view = ctx.see(record)
        if view is None:
            return
        key = self.calculation.breakdown
        group_tallies = []
        if key is not None:
            for group in key.groups(view, ctx):
                if group not in self._groups:
                    self._groups[group] = self._new_tallies()
                group_tallies.append(self._groups[group])
        scopes: dict[object, bool] = {}
        for index, indicator in enumerate(self.calculation.indicators):
            scope = indicator.scope
            if scope not in scopes:
                scopes[scope] = ctx.in_scope(view, scope)
            if not scopes[scope] or not indicator.population.matches(view, ctx):
                continue
            self._tallies[index].add(view, ctx)
            for tallies in group_tallies:
                tallies[index].add(view, ctx)

    def add_all(self, records: Iterable[Participation]) -> None:
        """Take every record of an iterable into account, one at a time."""
        for record in records:
            self.add(record)

    def merge(self, other: Run) -> None:
        """Take another run of the same calculation into account (other records)."""
        if other.calculation != self.calculation:
            raise ValueError("only runs of the same calculation can be merged")
        for mine, theirs in zip(self._tallies, other._tallies, strict=True):
            mine.merge(theirs)
        for group, tallies in other._groups.items():
            if group not in self._groups:
                self._groups[group] = self._new_tallies()
            for mine, theirs in zip(self._groups[group], tallies, strict=True):
                mine.merge(theirs)

    def results(self) -> Results:
        """The figures so far."""
        calc = self.calculation
        key = calc.breakdown
        order = list(key.order()) if key is not None else []
        names = [g for g in order if g in self._groups] + sorted(
            g for g in self._groups if g not in order
        )
        return Results(
            period=calc.context.period,
            as_of=calc.context.as_of,
            rules=calc.context.rules,
            figures=self._figures(self._tallies),
            groups=tuple((g, self._figures(self._groups[g])) for g in names),
        )

    def _figures(self, tallies: list[Tally]) -> tuple[Figure, ...]:
        return tuple(
            tally.figure(ind.code, ind.cumulative)
            for ind, tally in zip(self.calculation.indicators, tallies, strict=True)
        )


def compute(
    indicators: Catalogue | Iterable[Indicator],
    records: Iterable[Participation],
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    rules: CountingRules | None = None,
    breakdown: Key | None = None,
) -> Results:
    """Compute indicators over participant records for a period, as known on ``as_of``.

    One pass over ``records`` (any iterable: a dataset's participants, a generator
    reading a database), with memory proportional to the report. No clock is read:
    the period and ``as_of`` are always given.
    """
    context = Context(period=period, as_of=as_of, rules=rules or CountingRules())
    calculation = Calculation(indicators=tuple(indicators), context=context, breakdown=breakdown)
    return calculation.run(records)
