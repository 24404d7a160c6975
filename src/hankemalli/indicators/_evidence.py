"""Evidence for an operating model, computed from the records (näyttö toimintamallista).

The participants whose pathways used the model's services are compared with those
whose pathways did not, indicator by indicator, each figure with its numbers. A
comparison where either group has fewer people than a threshold (5 by default),
or, for a share, where fewer than that many people in both groups together have the
result, says "too few to compare" instead of making a claim. A verdict is the
observed direction of the difference, not a test of significance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum, unique
from fractions import Fraction

import pendulum
from attrs import evolve, field, frozen

from ..model import DataError, OperatingModel, Participation, ServiceType
from ..model._errors import problem, shown
from ._context import Context, CountingRules, RecordView, ReportingPeriod, Scope
from ._definition import Catalogue, Indicator
from ._engine import Calculation, Results, Run
from ._esf import ESF_PLUS_2021
from ._figure import Figure, Statistic
from ._measures import Key
from ._seed import SEED_FIGURES
from ._selectors import AllOf, Everyone, Selector, UsedService
from ._statistics import Mean, Share

__all__ = [
    "EVIDENCE_CRITERIA",
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


@unique
class Verdict(StrEnum):
    """What one comparison shows (vertailun tulos)."""

    BETTER = "better"  #: better with the model's services
    SAME = "same"  #: no difference
    WORSE = "worse"  #: worse with the model's services
    TOO_FEW = "too_few"  #: too few people in a group to compare


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
    leavers (EECR01–EECR06 of ESF+; CR01–CR07 of ESF 2014–2020) as a share of them,
    higher being better for each. Results of a subgroup (CR08 and CR09, within CR06)
    are left out: they compare only part of the people.
    """
    results = []
    for ind in common.values():
        base = common.get(ind.within) if ind.within is not None else None
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
    """

    criterion: Criterion
    used: Figure
    not_used: Figure
    overall: Figure
    verdict: Verdict
    difference: Fraction | None
    message: str

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
        """The one-pass calculation behind the evidence, broken down by use of the model."""
        narrow = not isinstance(self.among, Everyone)
        indicators = tuple(
            evolve(c.indicator, population=c.indicator.population & self.among)
            if narrow
            else c.indicator
            for c in self.criteria
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
            comparisons.append(
                _compare(
                    criterion,
                    used=groups.get("used", {}).get(indicator.code, empty),
                    not_used=groups.get("not_used", {}).get(indicator.code, empty),
                    overall=results[indicator.code],
                    threshold=self.threshold,
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


def _describe(figure: Figure, unit: str) -> str:
    if figure.statistic is Statistic.SHARE:
        percent = figure.percent
        shown = "–" if percent is None else f"{float(percent):.1f} %"
        return f"{figure.numerator} of {figure.denominator} ({shown})"
    value = figure.value
    shown = "–" if value is None else f"{float(value):.1f}"
    return f"mean {' '.join(filter(None, (shown, unit)))} (n = {figure.denominator})"


def _compare(
    criterion: Criterion, *, used: Figure, not_used: Figure, overall: Figure, threshold: int
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
            message=f"{told}: too few to compare (fewer than {threshold} people in a group "
            "or with the result)",
        )
    difference = Fraction(used.value or 0) - Fraction(not_used.value or 0)
    gain = difference if criterion.better is Direction.HIGHER else -difference
    verdict = Verdict.BETTER if gain > 0 else Verdict.WORSE if gain < 0 else Verdict.SAME
    if isinstance(statistic, Share):
        amount = f"{float(100 * difference):+.1f} percentage points"
    else:
        amount = f"{float(difference):+.1f} {unit}".rstrip()
    said = {
        Verdict.BETTER: f"better with the model's services ({amount})",
        Verdict.WORSE: f"worse with the model's services ({amount})",
        Verdict.SAME: "no difference",
    }[verdict]
    return Comparison(
        criterion=criterion,
        used=used,
        not_used=not_used,
        overall=overall,
        verdict=verdict,
        difference=difference,
        message=f"{told}: {said}",
    )
