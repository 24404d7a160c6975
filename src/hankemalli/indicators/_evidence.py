"""Evidence for an operating model, computed from the records (näyttö toimintamallista).

The participants whose pathways used the model's services are compared with those
whose pathways did not, indicator by indicator, each figure with its numbers and its
95 % confidence interval. A comparison where either group has fewer people than a
threshold (5 by default), or, for a share, where fewer than that many people in both
groups together have the result, says "too few to compare" instead of making a claim.
Otherwise the verdict is "supported" only when the interval of the difference lies
wholly on the better side of zero, "against" when it lies wholly on the worse side,
and "inconclusive" when it holds zero (the groups may differ by chance alone).

The intervals: Wilson's for each share, Newcombe's hybrid score interval (method 10)
for a difference of shares, Welch's for a difference of means (see
:mod:`._intervals`). The comparison is observational: people chose, or were chosen
for, the model's services, so even a "supported" difference is not proof that the
model caused it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator
from enum import EnumType, StrEnum, unique
from fractions import Fraction
from typing import Any

import pendulum
from attrs import evolve, field, frozen

from ..model import DataError, OperatingModel, Participation, ServiceType
from ..model._errors import problem, shown
from ._context import Context, CountingRules, RecordView, ReportingPeriod, Scope
from ._definition import Catalogue, Indicator
from ._engine import Calculation, Results, Run
from ._esf import ESF_PLUS_2021
from ._figure import Figure, Statistic
from ._intervals import Interval, newcombe_difference, t_quantile, welch_difference, wilson
from ._measures import Key, Measure, measure_reads_period
from ._seed import SEED_FIGURES
from ._selectors import AllOf, Everyone, Selector, UsedService, reads_period
from ._statistics import Mean, Share

__all__ = [
    "EVIDENCE_CRITERIA",
    "NO_DIRECTION",
    "Comparison",
    "Criterion",
    "Direction",
    "Evidence",
    "EvidenceCalculation",
    "ServiceUse",
    "UsedModel",
    "Verdict",
    "evidence",
    "evidence_criteria",
    "share_within",
]


@unique
class Direction(StrEnum):
    """Which way an indicator is better (parempi suunta)."""

    HIGHER = "higher"  #: more is better, e.g. a share placed in work
    LOWER = "lower"  #: less is better, e.g. days in rehabilitative work


@unique
class ServiceUse(StrEnum):
    """When a pathway counts as having used a model (mallin käyttö)."""

    ALL = "all"  #: it had episodes of every one of the model's services
    ANY = "any"  #: it had an episode of at least one of them


#: The verdicts of hankemalli 0.1, deprecated in 0.2 and to be removed in 0.3: the
#: observed direction, which said "better" of differences well within chance.
_DEPRECATED_VERDICTS = {
    "BETTER": "SUPPORTED",
    "SAME": "INCONCLUSIVE",
    "WORSE": "AGAINST",
}


def _deprecated_verdict(old: str, new: str) -> None:
    warnings.warn(
        f"Verdict.{old} is deprecated and will be removed in hankemalli 0.3.0: a verdict "
        f"now weighs the 95 % interval of the difference; use Verdict.{new} (and "
        "Comparison.difference for the observed direction)",
        DeprecationWarning,
        stacklevel=3,
    )


class _VerdictType(EnumType):
    """Answers the 0.1 names BETTER, SAME and WORSE with a DeprecationWarning."""

    def __getattr__(cls, name: str) -> Any:
        new = _DEPRECATED_VERDICTS.get(name)
        if new is None:
            raise AttributeError(name)
        _deprecated_verdict(name, new)
        return cls[new]


@unique
class Verdict(StrEnum, metaclass=_VerdictType):
    """What one comparison shows, weighing its uncertainty (vertailun tulos).

    The 0.1 names ``BETTER``, ``SAME`` and ``WORSE`` (and their values) still
    answer, as ``SUPPORTED``, ``INCONCLUSIVE`` and ``AGAINST``, with a
    ``DeprecationWarning``; they go in 0.3.0.
    """

    #: näyttö tukee: better with the model's services, and the 95 % interval of the
    #: difference lies wholly on the better side of zero
    SUPPORTED = "supported"
    #: ei selvää eroa: the interval holds zero (or there is none), so the difference
    #: may be chance
    INCONCLUSIVE = "inconclusive"
    #: näyttö puhuu vastaan: worse with the model's services, the interval wholly on
    #: the worse side of zero
    AGAINST = "against"
    #: liian vähän vertailuun: too few people in a group, or with the result
    TOO_FEW = "too_few"

    @classmethod
    def _missing_(cls, value: object) -> Verdict | None:
        for old, new in _DEPRECATED_VERDICTS.items():
            if value == old.lower():
                _deprecated_verdict(old, new)
                return cls[new]
        return None


def _rate_only(instance: object, attribute: object, value: Indicator) -> None:
    if not isinstance(value.statistic, Share | Mean):
        raise DataError(
            [
                problem(
                    ("indicator", "statistic"),
                    "evidence.statistic",
                    indicator=value.code,
                    statistic=type(value.statistic).__name__,
                )
            ]
        )


@frozen(kw_only=True)
class Criterion:
    """An indicator the evidence compares, and which way is better (arviointiperuste).

    The indicator must be a :class:`Share` or a :class:`Mean`: raw counts of groups
    of different sizes cannot be compared.
    """

    indicator: Indicator = field(validator=_rate_only)
    better: Direction = Direction.HIGHER


#: The results that have no better direction, left out of the default criteria.
#: EECR01 / CR01 count people inactive at entry who are job searching upon leaving,
#: and job searching and employment upon leaving exclude each other (SFC2021 FAQ on
#: the reference period of immediate result indicators: an inactive participant who
#: finds a job within the 28 days counts under EECR04 only). A model that takes
#: inactive people straight into work lowers EECR01; more job searching is better
#: than inactivity but worse than work, so neither higher nor lower is better.
NO_DIRECTION: frozenset[str] = frozenset({"EECR01", "CR01"})


def share_within(indicator: Indicator, base: Indicator) -> Indicator:
    """A count turned into a share of the count it lies within (osuus perusjoukosta).

    ESF result EECR04 (in employment upon leaving) becomes the share of the leavers
    EELEAVERS who were in employment: the same people over the same base.
    """
    trait = indicator.population
    of = getattr(indicator.statistic, "of", None)
    if isinstance(of, Selector):
        trait = trait & of
    return evolve(
        indicator,
        statistic=Share(of=trait),
        scope=base.scope,
        population=base.population,
        within=None,
    )


def evidence_criteria(common: Catalogue) -> tuple[Criterion, ...]:
    """The default criteria for a set of common indicators (vertailukriteerit).

    The seed placement figure, and each result of ``common`` taken directly of its
    leavers as a share of them: EECR02–EECR06 of ESF+ (Regulation (EU) 2021/1057,
    Annex I), CR02–CR07 of ESF 2014–2020 (Regulation (EU) No 1304/2013, Annex I),
    higher being better for each: more people in education, qualified, in work, in
    work six months on, or (of those employed at entry) in a better situation; for
    CR05, more disadvantaged people with any of the results CR01–CR04, which a move
    from job searching to work leaves unchanged and only inactivity lowers.

    Left out: the job searching results EECR01 and CR01, which have no better
    direction (:data:`NO_DIRECTION`), and the results of a subgroup (CR08 and CR09,
    within CR06), which compare only part of the people.
    """
    results = []
    for ind in common.values():
        base = common.get(ind.within) if ind.within is not None else None
        if ind.code in NO_DIRECTION:
            continue
        if base is not None and base.scope is Scope.LEFT and base.within is None:
            results.append(share_within(ind, base))
    return (
        Criterion(indicator=SEED_FIGURES["placement"]),
        *(Criterion(indicator=ind) for ind in results),
    )


#: The default criteria of :func:`evidence`: those of the ESF+ set
#: (:func:`evidence_criteria` of :data:`ESF_PLUS_2021`). A report uses those of the
#: programme's own programming period.
EVIDENCE_CRITERIA: tuple[Criterion, ...] = evidence_criteria(ESF_PLUS_2021)


@frozen(kw_only=True)
class UsedModel(Key):
    """Groups records into ``used`` and ``not_used`` by a selector (käytti mallia)."""

    selector: Selector

    def _reads_period(self) -> bool:
        return reads_period(self.selector)

    def groups(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        """``("used",)`` or ``("not_used",)``: every record is in exactly one."""
        return ("used",) if self.selector.matches(view, ctx) else ("not_used",)

    def order(self) -> tuple[str, ...]:
        """Used first."""
        return ("used", "not_used")


@frozen(kw_only=True)
class Comparison:
    """One criterion for those who used the model's services and those who did not (vertailu).

    ``used`` and ``not_used`` are the two groups' figures and ``overall`` the
    figure of both together, each with its numbers. ``difference`` is used minus
    not used (a share as a fraction, a mean in its unit); None when too few.

    ``used_interval`` and ``not_used_interval`` are the 95 % confidence intervals of
    the two groups' figures (Wilson's for a share, Student's t for a mean) and
    ``difference_interval`` that of the difference (Newcombe's method 10 for shares,
    Welch's for means), in the figures' own terms (a share as a fraction of one);
    None when too few, or for a mean when a group has fewer than two values.
    ``verdict`` weighs the difference's interval in the criterion's better direction.
    """

    criterion: Criterion
    used: Figure
    not_used: Figure
    overall: Figure
    verdict: Verdict
    difference: Fraction | None
    message: str
    used_interval: Interval | None = None
    not_used_interval: Interval | None = None
    difference_interval: Interval | None = None

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.criterion.indicator.code


@frozen(kw_only=True)
class Evidence:
    """The evidence for one operating model over one period (näyttö).

    ``services`` and ``use`` say which pathways count as using the model;
    ``threshold`` is the smallest group a comparison is made for.
    """

    model: str
    services: tuple[ServiceType, ...]
    use: ServiceUse
    period: ReportingPeriod
    as_of: pendulum.Date
    threshold: int
    comparisons: tuple[Comparison, ...]

    def __getitem__(self, code: str) -> Comparison:
        for comparison in self.comparisons:
            if comparison.code == code:
                return comparison
        raise KeyError(code)

    def __iter__(self) -> Iterator[Comparison]:
        return iter(self.comparisons)


@frozen(kw_only=True)
class EvidenceCalculation:
    """What evidence to compute for a model: criteria, period, who counts, the threshold.

    ``among`` narrows every criterion's population (e.g. only people in
    rehabilitative work, to compare like with like). Like a :class:`Calculation`,
    :meth:`start` gives a mergeable :class:`Run`; :meth:`weigh` turns its results
    into :class:`Evidence`.
    """

    model: OperatingModel
    context: Context
    criteria: tuple[Criterion, ...] = EVIDENCE_CRITERIA
    among: Selector = field(factory=Everyone)
    use: ServiceUse = ServiceUse.ALL
    threshold: int = 5

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.model.services:
            problems.append(
                problem(
                    ("model", "services"),
                    "evidence.model_without_services",
                    model=shown(self.model.id),
                )
            )
        if type(self.threshold) is not int or self.threshold < 1:
            problems.append(
                problem(("threshold",), "evidence.threshold", got=shown(self.threshold))
            )
        if problems:
            raise DataError(problems)

    @property
    def selector(self) -> Selector:
        """Who used the model: every one of its services, or any of them."""
        services = self.model.services
        if self.use is ServiceUse.ANY:
            return UsedService(services=services)
        return AllOf(parts=tuple(UsedService(services=(s,)) for s in services))

    @property
    def calculation(self) -> Calculation:
        """The one-pass calculation behind the evidence, broken down by use of the model.

        For a mean, it also takes the mean of the squared values (code
        ``"<code> squared"``), from which the spread of each group follows.
        """
        narrow = not isinstance(self.among, Everyone)
        indicators = tuple(
            evolve(c.indicator, population=c.indicator.population & self.among)
            if narrow
            else c.indicator
            for c in self.criteria
        )
        indicators += tuple(
            evolve(
                ind,
                code=_squared_code(ind.code),
                statistic=Mean(measure=_Squared(measure=ind.statistic.measure)),
            )
            for ind in indicators
            if isinstance(ind.statistic, Mean)
        )
        return Calculation(
            indicators=indicators,
            context=self.context,
            breakdown=UsedModel(selector=self.selector),
        )

    def start(self) -> Run:
        """A new, empty run; runs over parts of the records merge."""
        return self.calculation.start()

    def run(self, records: Iterable[Participation]) -> Evidence:
        """The evidence over ``records``, in one pass."""
        return self.weigh(self.calculation.run(records))

    def weigh(self, results: Results) -> Evidence:
        """The evidence the results of :attr:`calculation` give."""
        groups = results.by_group
        comparisons = []
        for criterion in self.criteria:
            indicator = criterion.indicator
            empty = indicator.statistic.tally(self.context).figure(
                indicator.code, indicator.cumulative
            )
            squared = _squared_code(indicator.code)
            comparisons.append(
                _compare(
                    criterion,
                    used=groups.get("used", {}).get(indicator.code, empty),
                    not_used=groups.get("not_used", {}).get(indicator.code, empty),
                    overall=results[indicator.code],
                    threshold=self.threshold,
                    squares=(
                        groups.get("used", {}).get(squared),
                        groups.get("not_used", {}).get(squared),
                    ),
                )
            )
        return Evidence(
            model=self.model.id,
            services=self.model.services,
            use=self.use,
            period=self.context.period,
            as_of=self.context.as_of,
            threshold=self.threshold,
            comparisons=tuple(comparisons),
        )


def evidence(
    model: OperatingModel,
    records: Iterable[Participation],
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    criteria: Iterable[Criterion] = EVIDENCE_CRITERIA,
    among: Selector | None = None,
    use: ServiceUse = ServiceUse.ALL,
    threshold: int = 5,
    rules: CountingRules | None = None,
) -> Evidence:
    """Compare those whose pathways used the model's services with those who did not.

    One pass over ``records`` for the period, as known on ``as_of``; see
    :class:`EvidenceCalculation`.
    """
    context = Context(period=period, as_of=as_of, rules=rules or CountingRules())
    return EvidenceCalculation(
        model=model,
        context=context,
        criteria=tuple(criteria),
        among=among or Everyone(),
        use=use,
        threshold=threshold,
    ).run(records)


def _squared_code(code: str) -> str:
    return f"{code} squared"


@frozen(kw_only=True)
class _Squared(Measure):
    """A measure's value squared: its mean over a group gives the group's spread."""

    measure: Measure

    def _reads_period(self) -> bool:
        return measure_reads_period(self.measure)

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """The square of the measure's value, if it is known."""
        value = self.measure.value(view, ctx)
        return None if value is None else value * value


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def _describe(figure: Figure, unit: str) -> str:
    if figure.statistic is Statistic.SHARE:
        percent = figure.percent
        shown = "–" if percent is None else f"{float(percent):.1f} %"
        return f"{figure.numerator} of {figure.denominator} ({shown})"
    value = figure.value
    shown = "–" if value is None else f"{float(value):.1f}"
    return f"mean {' '.join(filter(None, (shown, unit)))} (n = {figure.denominator})"


def _moments(figure: Figure, squared: Figure | None) -> tuple[int, float, float]:
    """A mean's group size, mean and sample variance (exact until the last step)."""
    n = figure.denominator or 0
    if n < 2 or squared is None:
        return n, float(figure.value or 0), 0.0
    total, squares = figure.numerator, squared.numerator
    return n, float(Fraction(total, n)), float(Fraction(n * squares - total * total, n * (n - 1)))


def _mean_interval(n: int, mean: float, variance: float) -> Interval | None:
    """Student's t interval of one group's mean; None below two values."""
    if n < 2:
        return None
    half = t_quantile(0.975, n - 1) * math.sqrt(variance / n)
    return Interval(estimate=mean, lower=mean - half, upper=mean + half)


def _verdict(interval: Interval | None, better: Direction) -> Verdict:
    """Supported or against only when the interval lies wholly on one side of zero."""
    if interval is None:
        return Verdict.INCONCLUSIVE
    low, high = interval.lower, interval.upper
    gain = (low, high) if better is Direction.HIGHER else (-high, -low)
    if gain[0] > 0:
        return Verdict.SUPPORTED
    if gain[1] < 0:
        return Verdict.AGAINST
    return Verdict.INCONCLUSIVE


def _compare(
    criterion: Criterion,
    *,
    used: Figure,
    not_used: Figure,
    overall: Figure,
    threshold: int,
    squares: tuple[Figure | None, Figure | None] = (None, None),
) -> Comparison:
    statistic = criterion.indicator.statistic
    unit = statistic.measure.unit if isinstance(statistic, Mean) else ""
    code = criterion.indicator.code
    told = (
        f"{code}: {_describe(used, unit)} of those who used the model's services, "
        f"{_describe(not_used, unit)} of those who did not"
    )
    sizes = (used.denominator or 0, not_used.denominator or 0)
    # A share whose difference rests on fewer people than the threshold says nothing.
    rare = isinstance(statistic, Share) and used.numerator + not_used.numerator < threshold
    if min(sizes) < threshold or rare:
        return Comparison(
            criterion=criterion,
            used=used,
            not_used=not_used,
            overall=overall,
            verdict=Verdict.TOO_FEW,
            difference=None,
            message=f"{told}: too few to compare (fewer than {_people(threshold)} in a group "
            "or with the result)",
        )
    difference = Fraction(used.value or 0) - Fraction(not_used.value or 0)
    one: Interval | None
    two: Interval | None
    between: Interval | None
    if isinstance(statistic, Share):
        first, second = (used.numerator, sizes[0]), (not_used.numerator, sizes[1])
        one, two = wilson(*first), wilson(*second)
        between = newcombe_difference(first, second)
        scale, after = 100, " percentage points"
    else:
        first_m, second_m = _moments(used, squares[0]), _moments(not_used, squares[1])
        one, two = _mean_interval(*first_m), _mean_interval(*second_m)
        between = welch_difference(first_m, second_m)
        scale, after = 1, f" {unit}".rstrip()
    verdict = _verdict(between, criterion.better)
    amount = f"{float(scale * difference):+.1f}{after}"
    if between is None:
        said = f"inconclusive: {amount}, with no interval (a group has fewer than two values)"
    else:
        bounds = f"95 % interval {scale * between.lower:+.1f} to {scale * between.upper:+.1f}"
        said = {
            Verdict.SUPPORTED: f"supported: better with the model's services, {amount} ({bounds})",
            Verdict.AGAINST: f"against: worse with the model's services, {amount} ({bounds})",
            Verdict.INCONCLUSIVE: f"inconclusive: {amount} ({bounds}), a difference chance "
            "alone could give",
        }[verdict]
    return Comparison(
        criterion=criterion,
        used=used,
        not_used=not_used,
        overall=overall,
        verdict=verdict,
        difference=difference,
        message=f"{told}: {said}",
        used_interval=one,
        not_used_interval=two,
        difference_interval=between,
    )
