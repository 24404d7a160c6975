"""Annual reports that cumulate into the final report, with corrections of their own.

An annual report (vuosiraportti), once issued, is an immutable snapshot of the
year's figures as known on its ``as_of`` date. A later change to a closed year is
a :class:`Correction` (a dated delta with a reason, possibly negative), never a
silent edit. The final report's figures (loppuraportti) are derived from the
snapshots and corrections: additive figures add up over the years, cumulative
ones take the latest year. Compared with a recomputation from the records, the
final report says figure by figure where the two disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pendulum
from attrs import evolve, frozen

from ..indicators import (
    ESF_PLUS_2021,
    SEED_FIGURES,
    Attainment,
    ByCharacteristic,
    Calculation,
    Catalogue,
    Context,
    CountingRules,
    Figure,
    Indicator,
    ReportingPeriod,
    Results,
    Run,
    Statistic,
    combine,
    common_indicators,
    feed,
)
from ..indicators._targets import TargetPlan
from ..model import DataError, Participation, Problem, Programme, TargetPeriod
from ..model._errors import problem, raise_if_any, shown

__all__ = [
    "DEFAULT_CATALOGUE",
    "AnnualReport",
    "Comparison",
    "Correction",
    "FinalFigures",
    "catalogue_for",
    "derive_final",
    "issue_annual_report",
    "issue_annual_reports",
    "programme_years",
]

#: The ESF+ common indicators and the seed projects' own figures: what a 2021–2027
#: programme's reports compute. Reports take :func:`catalogue_for` the programme.
DEFAULT_CATALOGUE = ESF_PLUS_2021 + SEED_FIGURES


def catalogue_for(programme: Programme) -> Catalogue:
    """What a programme's reports compute unless told otherwise.

    The common indicators of the programme's programming period
    (:func:`~hankemalli.indicators.common_indicators`) and the seed projects' own
    figures (:data:`~hankemalli.indicators.SEED_FIGURES`).
    """
    return common_indicators(programme.programming_period) + SEED_FIGURES


#: Reports break figures down by gender, as the ESF asks.
GENDER = ByCharacteristic(name="gender")


@frozen(kw_only=True)
class AnnualReport:
    """An issued annual report: the year's figures as known on ``as_of`` (vuosiraportti).

    ``results`` holds every figure of the catalogue for the year (clipped to the
    programme period), broken down by gender; ``attainments`` the year's yearly
    targets and the programme's overall targets as of ``as_of``.
    ``issued`` is the day it was given to the funder. Immutable: to change a
    figure later, add a :class:`Correction`.
    """

    programme_id: str
    year: int
    as_of: pendulum.Date
    issued: pendulum.Date
    catalogue: str
    results: Results
    attainments: tuple[Attainment, ...] = ()

    @property
    def period(self) -> ReportingPeriod:
        """The part of the year the report covers."""
        return self.results.period


@frozen(kw_only=True)
class Correction:
    """A correction to an issued annual report's figure (korjaus): a dated delta with a reason.

    ``numerator`` and ``denominator`` are added to the figure's (either may be
    negative); ``group`` names a breakdown group (a gender code) or None for the
    whole figure.
    """

    year: int
    code: str
    numerator: int
    reason: str
    dated: pendulum.Date
    denominator: int = 0
    group: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = []
        if not self.reason.strip():
            problems.append(problem(("reason",), "correction.no_reason"))
        if self.numerator == 0 and self.denominator == 0:
            problems.append(problem(("numerator",), "correction.no_change"))
        if problems:
            raise DataError(problems)


def programme_years(programme: Programme, as_of: pendulum.Date) -> list[ReportingPeriod]:
    """The calendar years of the programme up to ``as_of``, clipped to its period."""
    end = min(programme.end, as_of)
    return [
        ReportingPeriod(
            start=max(pendulum.date(year, 1, 1), programme.start),
            end=min(pendulum.date(year, 12, 31), end),
        )
        for year in range(programme.start.year, end.year + 1)
    ]


def _calculation(
    catalogue: Catalogue,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    rules: CountingRules | None,
    programme: Programme,
) -> Calculation:
    # Without rules given, the programme's own settings (e.g. qualifying certificates).
    context = Context(
        period=period, as_of=as_of, rules=rules or CountingRules.for_programme(programme)
    )
    return Calculation(indicators=catalogue.indicators, context=context, breakdown=GENDER)


def issue_annual_reports(
    programme: Programme,
    records: Iterable[Participation],
    *,
    as_of: pendulum.Date,
    issued: pendulum.Date,
    catalogue: Catalogue | None = None,
    rules: CountingRules | None = None,
    years: Sequence[int] | None = None,
) -> tuple[AnnualReport, ...]:
    """Issue the annual reports of the programme's years, in one pass over the records.

    Every year is seen as of the same ``as_of`` date; ``years`` picks some of them.
    Without ``catalogue``, the programme's own (:func:`catalogue_for`).
    """
    issue = AnnualIssue(
        programme, as_of=as_of, issued=issued, catalogue=catalogue, rules=rules, years=years
    )
    feed(issue.runs, records)  # the years and the targets share each record's view
    return issue.reports()


class _ReadTwice(Run):
    """A year's run, whose figures the targets and the annual report both read.

    While :attr:`keep` is set (:meth:`AnnualIssue.reports`, once the run is fed),
    :meth:`results` works the figures out once and gives them again; otherwise as
    any run.
    """

    def __init__(self, calculation: Calculation) -> None:
        super().__init__(calculation)
        self.keep = False
        self.kept: Results | None = None

    def results(self) -> Results:
        """The figures so far (the same ones again while :attr:`keep` is set)."""
        if not self.keep:
            return super().results()
        if self.kept is None:
            self.kept = super().results()
        return self.kept


class AnnualIssue:
    """:func:`issue_annual_reports` in two steps: the runs to feed, then the reports.

    A report set feeds :attr:`runs` in the same pass over the records as its other
    figures (:func:`~hankemalli.indicators.feed`), then reads :meth:`reports`. A
    target figure that a run of ``sharing`` computes anyway is read from it (which
    must then be fed too).
    """

    def __init__(
        self,
        programme: Programme,
        *,
        as_of: pendulum.Date,
        issued: pendulum.Date,
        catalogue: Catalogue | None = None,
        rules: CountingRules | None = None,
        years: Sequence[int] | None = None,
        sharing: Sequence[Run] = (),
    ) -> None:
        self.programme, self.as_of, self.issued = programme, as_of, issued
        self.catalogue = catalogue_for(programme) if catalogue is None else catalogue
        #: The parts of the years the reports cover, in order.
        self.periods = [
            p for p in programme_years(programme, as_of) if years is None or p.start.year in years
        ]
        self._years = [
            _ReadTwice(_calculation(self.catalogue, p, as_of, rules, programme))
            for p in self.periods
        ]
        # Each year's report counts up to the end of its year, however late it is given:
        # as_of says what is known, not which period is counted.
        # The targets read the figures the years (and any runs ``sharing``, say the final
        # report's) compute anyway.
        self._targets = TargetPlan(
            programme,
            as_of=as_of,
            rules=rules,
            untils=[p.end for p in self.periods],
            sharing=[*self._years, *sharing],
        )

    @property
    def runs(self) -> list[Run]:
        """Every run the reports need: each year's figures and the targets'."""
        return [*self._years, *self._targets.runs]

    def reports(self) -> tuple[AnnualReport, ...]:
        """The annual reports, once :attr:`runs` are fed."""
        periods = self.periods
        for run in self._years:
            run.keep = True  # read by the targets and by the report: worked out once
        try:
            return self._reports(periods)
        finally:
            for run in self._years:
                run.keep, run.kept = False, None

    def _reports(self, periods: Sequence[ReportingPeriod]) -> tuple[AnnualReport, ...]:
        attainments = dict(
            zip((p.start.year for p in periods), self._targets.attainments(), strict=True)
        )
        return tuple(
            AnnualReport(
                programme_id=self.programme.id,
                year=period.start.year,
                as_of=self.as_of,
                issued=self.issued,
                catalogue=self.catalogue.name,
                results=run.results(),
                attainments=tuple(
                    a
                    for a in attainments[period.start.year]
                    if a.target.per is TargetPeriod.PROGRAMME
                    or a.period.start.year == period.start.year
                ),
            )
            for period, run in zip(periods, self._years, strict=True)
        )


def issue_annual_report(
    programme: Programme,
    records: Iterable[Participation],
    *,
    year: int,
    as_of: pendulum.Date,
    issued: pendulum.Date,
    catalogue: Catalogue | None = None,
    rules: CountingRules | None = None,
) -> AnnualReport:
    """Issue the annual report of one year of the programme."""
    found = issue_annual_reports(
        programme,
        records,
        as_of=as_of,
        issued=issued,
        catalogue=catalogue,
        rules=rules,
        years=[year],
    )
    if not found:
        raise ValueError(f"the programme has no year {year} up to {as_of}")
    return found[0]


def propose_corrections(
    reports: Sequence[AnnualReport],
    records: Iterable[Participation],
    *,
    programme: Programme,
    as_of: pendulum.Date,
    dated: pendulum.Date,
    reason: str,
    catalogue: Catalogue | None = None,
    rules: CountingRules | None = None,
) -> tuple[Correction, ...]:
    """The corrections that bring issued annual reports up to date with the records.

    Each year is recomputed as of ``as_of``; every additive figure that changed
    (and every cumulative one of the latest year) gets a correction of its own,
    dated and with the reason given, for the figure and for each gender group.
    The issued reports stay as they were.
    """
    catalogue = catalogue_for(programme) if catalogue is None else catalogue
    ordered = sorted(reports, key=lambda r: r.year)
    raise_if_any(_catalogue_problems(ordered, catalogue))
    runs = [_calculation(catalogue, r.period, as_of, rules, programme).start() for r in ordered]
    feed(runs, records)
    found: list[Correction] = []
    for report, run in zip(ordered, runs, strict=True):
        now = run.results()
        then_groups, now_groups = report.results.by_group, now.by_group
        for indicator in catalogue.values():
            # Cumulative figures take the latest year's value, so only it is corrected.
            latest = report is ordered[-1]
            if not (indicator.additive or (indicator.cumulative and latest)):
                continue
            pairs: list[tuple[str | None, Figure, Figure]] = [
                (None, report.results[indicator.code], now[indicator.code])
            ]
            for group in sorted(set(then_groups) | set(now_groups)):
                before = then_groups.get(group, {}).get(indicator.code)
                after = now_groups.get(group, {}).get(indicator.code)
                if before is not None and after is not None:
                    pairs.append((group, before, after))
                elif before is not None:
                    pairs.append((group, before, _zero(before)))
                elif after is not None:
                    pairs.append((group, _zero(after), after))
            for name, before, after in pairs:
                numerator = after.numerator - before.numerator
                denominator = (after.denominator or 0) - (before.denominator or 0)
                if numerator or denominator:
                    found.append(
                        Correction(
                            year=report.year,
                            code=indicator.code,
                            numerator=numerator,
                            denominator=denominator,
                            group=name,
                            dated=dated,
                            reason=reason,
                        )
                    )
    return tuple(found)


@frozen(kw_only=True)
class Comparison:
    """One figure of the final report: derived from the annual reports, and recomputed."""

    code: str
    derived: Figure | None
    recomputed: Figure | None

    @property
    def agrees(self) -> bool:
        """True if the derived figure equals the recomputed one (medians aside)."""
        if self.derived is None or self.recomputed is None:
            return True
        return evolve(self.derived, median=None) == evolve(self.recomputed, median=None)


@frozen(kw_only=True)
class FinalFigures:
    """The final report's figures (loppuraportin luvut), derived and compared.

    ``figures`` are derived from the annual reports and corrections where the
    indicator allows it, and taken from the recomputation where it does not
    (people taking part during the whole programme are not the sum of each
    year's). ``comparisons`` pair each derived figure with its recomputation.
    """

    period: ReportingPeriod
    as_of: pendulum.Date
    figures: tuple[Figure, ...]
    groups: tuple[tuple[str, tuple[Figure, ...]], ...]
    comparisons: tuple[Comparison, ...]
    corrections: tuple[Correction, ...]

    @property
    def differences(self) -> tuple[Comparison, ...]:
        """The figures where the annual reports and the records disagree."""
        return tuple(c for c in self.comparisons if not c.agrees)

    def __getitem__(self, code: str) -> Figure:
        for figure in self.figures:
            if figure.code == code:
                return figure
        raise KeyError(code)


def _corrected(figure: Figure, corrections: Iterable[Correction]) -> Figure:
    numerator, denominator = figure.numerator, figure.denominator
    for c in corrections:
        numerator += c.numerator
        if c.denominator:
            denominator = (denominator or 0) + c.denominator
    if (numerator, denominator) == (figure.numerator, figure.denominator):
        return figure
    return evolve(figure, numerator=numerator, denominator=denominator, median=None)


def _derive(
    indicator: Indicator,
    yearly: Sequence[Figure],
    corrections: Sequence[Correction],
    years: Sequence[int],
    group: str | None,
) -> Figure | None:
    fixed = (
        [
            _corrected(
                f, [c for c in corrections if c.year == y and c.code == f.code and c.group == group]
            )
            for f, y in zip(yearly, years, strict=True)
        ]
        if corrections
        else list(yearly)  # nothing corrected: each year's figure as it is
    )
    if indicator.cumulative:
        return fixed[-1]
    if indicator.additive:
        return combine(fixed)
    return None


def _catalogue_problems(reports: Sequence[AnnualReport], catalogue: Catalogue) -> list[Problem]:
    """A report issued with another catalogue cannot be derived or corrected with this one."""
    return [
        problem(
            ("reports", i, "catalogue"),
            "annual_report.other_catalogue",
            year=r.year,
            issued_with=shown(r.catalogue),
            catalogue=shown(catalogue.name),
        )
        for i, r in enumerate(reports)
        if r.catalogue != catalogue.name
    ]


def derive_final(
    reports: Sequence[AnnualReport],
    corrections: Sequence[Correction] = (),
    *,
    programme: Programme,
    catalogue: Catalogue | None = None,
    records: Iterable[Participation] | None = None,
    as_of: pendulum.Date | None = None,
    rules: CountingRules | None = None,
) -> FinalFigures:
    """Derive the final report's figures from the annual reports and corrections.

    With ``records``, every figure is also recomputed over the whole programme
    period as of ``as_of`` (by default the latest report's), and the two are
    compared figure by figure. Corrections must refer to an issued year and a code
    of the catalogue (by default the programme's own, :func:`catalogue_for`).
    """
    catalogue = catalogue_for(programme) if catalogue is None else catalogue
    ordered = _checked(reports, corrections, catalogue)
    as_of = as_of or max(r.as_of for r in ordered)
    recomputed: Results | None = None
    if records is not None:
        recomputed = final_calculation(programme, catalogue, as_of, rules).run(records)
    return derived_final(
        ordered,
        corrections,
        programme=programme,
        catalogue=catalogue,
        as_of=as_of,
        recomputed=recomputed,
    )


def _checked(
    reports: Sequence[AnnualReport], corrections: Sequence[Correction], catalogue: Catalogue
) -> list[AnnualReport]:
    """The reports by year, once they and the corrections are found fit to derive from."""
    ordered = sorted(reports, key=lambda r: r.year)
    if not ordered:
        raise ValueError("a final report needs at least one annual report")
    years = [r.year for r in ordered]
    problems = (
        _catalogue_problems(ordered, catalogue)
        + [
            problem(("corrections", i), "correction.no_annual_report", year=c.year)
            for i, c in enumerate(corrections)
            if c.year not in years
        ]
        + [
            problem(
                ("corrections", i, "code"), "correction.unknown_indicator", indicator=shown(c.code)
            )
            for i, c in enumerate(corrections)
            if c.code not in catalogue.codes
        ]
    )
    if problems:
        raise DataError(problems)
    return ordered


def final_calculation(
    programme: Programme, catalogue: Catalogue, as_of: pendulum.Date, rules: CountingRules | None
) -> Calculation:
    """The recomputation of the final report: the whole programme up to ``as_of``, by gender."""
    period = ReportingPeriod(start=programme.start, end=min(programme.end, as_of))
    return _calculation(catalogue, period, as_of, rules, programme)


def derived_final(
    reports: Sequence[AnnualReport],
    corrections: Sequence[Correction],
    *,
    programme: Programme,
    catalogue: Catalogue,
    as_of: pendulum.Date,
    recomputed: Results | None,
) -> FinalFigures:
    """:func:`derive_final` with the recomputation given (already fed with the records).

    ``recomputed`` is the result of :func:`final_calculation`, or None; the
    reports and corrections are checked as :func:`derive_final` checks them.
    """
    ordered = _checked(reports, corrections, catalogue)
    years = [r.year for r in ordered]
    period = ReportingPeriod(start=programme.start, end=min(programme.end, as_of))
    # Each report's figures by group, looked up once (``by_group`` builds them anew).
    by_group = [r.results.by_group for r in ordered]

    def derive_all(group: str | None) -> list[tuple[Indicator, Figure | None]]:
        out = []
        for indicator in catalogue.values():
            yearly = []
            for report, groups in zip(ordered, by_group, strict=True):
                overall = report.results[indicator.code]
                if group is None:
                    yearly.append(overall)
                else:
                    yearly.append(groups.get(group, {}).get(indicator.code) or _zero(overall))
            out.append((indicator, _derive(indicator, yearly, corrections, years, group)))
        return out

    overall = derive_all(None)
    comparisons = tuple(
        Comparison(
            code=ind.code,
            derived=fig,
            recomputed=recomputed[ind.code] if recomputed is not None else None,
        )
        for ind, fig in overall
        if fig is not None
    )
    figures = (
        tuple(
            fig if fig is not None else recomputed[ind.code]
            for ind, fig in overall
            if fig is not None or recomputed is not None
        )
        if recomputed is not None
        else tuple(fig for _, fig in overall if fig is not None)
    )
    group_names = sorted({g for r in ordered for g, _ in r.results.groups})
    groups = tuple(
        (g, tuple(fig for _, fig in derive_all(g) if fig is not None)) for g in group_names
    )
    return FinalFigures(
        period=period,
        as_of=as_of,
        figures=figures,
        groups=groups,
        comparisons=comparisons,
        corrections=tuple(corrections),
    )


def _zero(overall: Figure) -> Figure:
    """A group's figure in a year the group did not occur: nothing, over the same days."""
    days = overall.statistic is Statistic.AVERAGE_HEADCOUNT
    return evolve(
        overall,
        numerator=0,
        denominator=None if overall.denominator is None else (overall.denominator if days else 0),
        counts=(),
        median=None,
        missing=0,
    )
