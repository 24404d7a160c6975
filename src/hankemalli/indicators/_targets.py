"""Target attainment: a figure below, within or above its range (tavoitteiden toteutuminen)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum, unique
from fractions import Fraction

import pendulum
from attrs import frozen

from ..model import Participation, Programme, Target, TargetMetric, TargetPeriod
from ._context import Context, CountingRules, ReportingPeriod
from ._definition import Indicator
from ._engine import Calculation, Results, Run
from ._feed import feed
from ._figure import Figure
from ._seed import SEED_FIGURES

__all__ = ["TARGET_INDICATORS", "Attainment", "AttainmentLevel", "assess_targets"]

#: The seed figure each target metric is measured by.
TARGET_INDICATORS: dict[TargetMetric, str] = {
    TargetMetric.PARTICIPANTS: "participants",
    TargetMetric.NEW_PARTICIPANTS: "new_participants",
    TargetMetric.AVERAGE_CONCURRENT: "average_concurrent",
    TargetMetric.PEAK_CONCURRENT: "peak_concurrent",
    TargetMetric.LEAVERS: "leavers",
    TargetMetric.PLACEMENTS: "placement",
}


@unique
class AttainmentLevel(StrEnum):
    """Where a figure falls against its target range (toteutuma)."""

    BELOW = "below"  #: alittui
    WITHIN = "within"  #: saavutettiin
    ABOVE = "above"  #: ylittyi


@frozen(kw_only=True)
class Attainment:
    """One target in one period: the figure, its value and where it falls.

    ``partial`` is true when the period is shorter than the target's span (the
    programme started or ended inside the year, or ``as_of`` falls inside it).
    """

    target: Target
    period: ReportingPeriod
    figure: Figure
    value: Fraction
    level: AttainmentLevel
    partial: bool


def _value(metric: TargetMetric, figure: Figure) -> Fraction:
    if metric is TargetMetric.PLACEMENTS:
        return Fraction(figure.numerator)
    value = figure.value
    return Fraction(value) if value is not None else Fraction(0)


def _level(target: Target, value: Fraction) -> AttainmentLevel:
    if target.minimum is not None and value < target.minimum:
        return AttainmentLevel.BELOW
    if target.maximum is not None and value > target.maximum:
        return AttainmentLevel.ABOVE
    return AttainmentLevel.WITHIN


def _periods(
    programme: Programme, per: TargetPeriod, last: pendulum.Date
) -> list[tuple[ReportingPeriod, bool]]:
    end = min(programme.end, last)
    if end < programme.start:
        return []
    if per is TargetPeriod.PROGRAMME:
        return [(ReportingPeriod(start=programme.start, end=end), end < programme.end)]
    periods = []
    for year in range(programme.start.year, end.year + 1):
        full = ReportingPeriod.year(year)
        start, stop = max(full.start, programme.start), min(full.end, end)
        periods.append(
            (ReportingPeriod(start=start, end=stop), (start, stop) != (full.start, full.end))
        )
    return periods


def assess_targets(
    programme: Programme,
    records: Iterable[Participation],
    *,
    as_of: pendulum.Date,
    rules: CountingRules | None = None,
    until: pendulum.Date | None = None,
) -> tuple[Attainment, ...]:
    """Assess every target of the programme for each of its periods, in one pass over the records.

    A yearly target is assessed for each calendar year of the programme up to
    ``until`` (the first and last years may be partial); a programme target for
    the whole programme up to ``until``. ``until`` is the last day a report counts,
    say the end of an annual report's year; it defaults to ``as_of``, which only says
    what is known: an annual report given on 31 January counts up to 31 December.
    """
    [attainments] = assess_targets_until(
        programme, records, as_of=as_of, rules=rules, untils=[until]
    )
    return attainments


def assess_targets_until(
    programme: Programme,
    records: Iterable[Participation],
    *,
    as_of: pendulum.Date,
    untils: Sequence[pendulum.Date | None],
    rules: CountingRules | None = None,
) -> list[tuple[Attainment, ...]]:
    """:func:`assess_targets` for each of ``untils`` (say, each annual report's year end).

    Still one pass over the records: a target's period that several of them share
    (a year before the last) is computed once.
    """
    plan = TargetPlan(programme, as_of=as_of, untils=untils, rules=rules)
    feed(plan.runs, records)
    return plan.attainments()


class TargetPlan:
    """The runs that assess a programme's targets for each of ``untils``, to be fed together.

    :func:`assess_targets_until` in two steps, so that a report set can feed these
    runs in the same pass over the records as its other figures: feed :attr:`runs`
    (with :func:`feed`, beside any other runs), then read :meth:`attainments`. A
    target's figure that one of the runs ``sharing`` computes anyway (the same
    indicator over the same period, as of the same date by the same rules) is read
    from it; those runs must be fed too.
    """

    def __init__(
        self,
        programme: Programme,
        *,
        as_of: pendulum.Date,
        untils: Sequence[pendulum.Date | None],
        rules: CountingRules | None = None,
        sharing: Sequence[Run] = (),
    ) -> None:
        rules = rules or CountingRules.for_programme(programme)
        self._programme = programme
        # Where each target's figure comes from: a run of its own, or a run of the same
        # period that computes the same indicator anyway (an annual report's year).
        self._sources: dict[tuple[int, ReportingPeriod], tuple[Run, int]] = {}
        self._own: list[Run] = []
        self._wanted: list[list[tuple[int, ReportingPeriod, bool]]] = []
        for until in untils:
            last = min(as_of, until) if until is not None else as_of
            plan = []
            for index, target in enumerate(programme.targets):
                indicator = SEED_FIGURES[TARGET_INDICATORS[target.metric]]
                for period, partial in _periods(programme, target.per, last):
                    if (index, period) not in self._sources:
                        context = Context(period=period, as_of=as_of, rules=rules)
                        self._sources[index, period] = self._source(indicator, context, sharing)
                    plan.append((index, period, partial))
            self._wanted.append(plan)

    def _source(
        self, indicator: Indicator, context: Context, sharing: Sequence[Run]
    ) -> tuple[Run, int]:
        for run in sharing:
            calculation = run.calculation
            if calculation.context == context and indicator in calculation.indicators:
                return run, calculation.indicators.index(indicator)
        run = Calculation(indicators=(indicator,), context=context).start()
        self._own.append(run)
        return run, 0

    @property
    def runs(self) -> list[Run]:
        """The runs to feed: one per target and period not computed by a run shared."""
        return list(self._own)

    def attainments(self) -> list[tuple[Attainment, ...]]:
        """The attainments for each of ``untils``, once the runs (and those shared) are fed."""
        targets = self._programme.targets
        results: dict[int, Results] = {}
        figures = {}
        for key, (run, position) in self._sources.items():
            if id(run) not in results:
                results[id(run)] = run.results()
            figures[key] = results[id(run)].figures[position]
        return [
            tuple(
                _attainment(targets[index], period, partial, figures[index, period])
                for index, period, partial in plan
            )
            for plan in self._wanted
        ]


def _attainment(
    target: Target, period: ReportingPeriod, partial: bool, figure: Figure
) -> Attainment:
    value = _value(target.metric, figure)
    return Attainment(
        target=target,
        period=period,
        figure=figure,
        value=value,
        level=_level(target, value),
        partial=partial,
    )
