"""The calls most users need: a dataset's annual report, its final report, or both together.

Each comes in two editions (:class:`Edition`): the public one, protected over
everything published together (:mod:`~hankemalli.reporting._published`), and the
funder's, with exact figures.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial

import pendulum
from attrs import evolve

from .._collector import paused_during
from ..indicators import Catalogue, CountingRules, Run, feed
from ..model import Dataset
from ._build import annual_document, final_document
from ._cumulation import (
    AnnualIssue,
    AnnualReport,
    Correction,
    catalogue_for,
    derive_final,
    derived_final,
    final_calculation,
    issue_annual_report,
    issue_annual_reports,
)
from ._disclosure import DEFAULT_THRESHOLD
from ._document import Block, Edition, Report, ReportKind
from ._models import ModelRuns, model_blocks
from ._published import ExactReport, exact, protect_set

__all__ = ["annual_report", "final_report", "published_set"]


def _annual(
    dataset: Dataset,
    snapshot: AnnualReport,
    *,
    catalogue: Catalogue,
    threshold: int,
    rules: CountingRules | None,
    models: Sequence[Block] | ModelRuns | None,
) -> Report:
    if models is None:
        models = model_blocks(
            dataset, period=snapshot.period, as_of=snapshot.as_of, threshold=threshold, rules=rules
        )
    elif isinstance(models, ModelRuns):
        models = models.blocks(threshold)
    return annual_document(
        snapshot, dataset.programme, catalogue=catalogue, threshold=threshold, models=models
    )


def _final(
    dataset: Dataset,
    reports: Sequence[AnnualReport],
    *,
    as_of: pendulum.Date,
    corrections: Sequence[Correction],
    catalogue: Catalogue,
    threshold: int,
    rules: CountingRules | None,
    models: Sequence[Block] | ModelRuns | None,
    recomputed: Run | None = None,
) -> Report:
    if recomputed is None:
        final = derive_final(
            reports,
            corrections,
            programme=dataset.programme,
            catalogue=catalogue,
            records=dataset.participants,
            as_of=as_of,
            rules=rules,
        )
    else:
        final = derived_final(
            reports,
            corrections,
            programme=dataset.programme,
            catalogue=catalogue,
            as_of=as_of,
            recomputed=recomputed.results(),
        )
    if models is None:
        models = model_blocks(
            dataset, period=final.period, as_of=as_of, threshold=threshold, rules=rules
        )
    elif isinstance(models, ModelRuns):
        models = models.blocks(threshold)
    return final_document(
        final, reports, dataset.programme, catalogue=catalogue, threshold=threshold, models=models
    )


def _snapshots(
    dataset: Dataset, as_of: pendulum.Date, catalogue: Catalogue, rules: CountingRules | None
) -> list[AnnualReport]:
    return list(
        issue_annual_reports(
            dataset.programme,
            dataset.participants,
            as_of=as_of,
            issued=as_of,
            catalogue=catalogue,
            rules=rules,
        )
    )


class _OnePass:
    """What a final report and its annual reports compute from the records, in one pass.

    Each year's figures and targets (unless the annual reports are ``reports``
    given), the final report's recomputation, and the sections on operating models
    of the annual reports (with ``annual_models``, but for the years already
    published) and of the final report (with ``final_models``): every run fed
    together (:func:`~hankemalli.indicators.feed`), so the records are walked once
    however many tables the reports hold.
    ``threshold`` is the one the sections are built with (1 for the funder).
    """

    def __init__(
        self,
        dataset: Dataset,
        *,
        as_of: pendulum.Date,
        reports: Sequence[AnnualReport] | None,
        catalogue: Catalogue,
        rules: CountingRules | None,
        threshold: int,
        annual_models: bool = False,
        published_years: Collection[int] = (),
        final_models: bool = False,
    ) -> None:
        programme = dataset.programme
        self.recomputed = final_calculation(programme, catalogue, as_of, rules).start()
        issue = (
            None
            if reports is not None
            else AnnualIssue(
                programme,
                as_of=as_of,
                issued=as_of,
                catalogue=catalogue,
                rules=rules,
                sharing=[self.recomputed],  # a programme target over the whole programme
            )
        )
        spans = (
            [(p.start.year, p, as_of) for p in issue.periods]
            if issue is not None
            else [(r.year, r.period, r.as_of) for r in reports or ()]
        )
        #: Each annual report's section on operating models (None if not wanted), in order.
        self.annual_models = [
            ModelRuns(dataset, period=period, as_of=known, threshold=threshold, rules=rules)
            if annual_models and year not in published_years
            else None
            for year, period, known in spans
        ]
        #: The final report's section on operating models, if wanted.
        self.final_models = (
            ModelRuns(
                dataset,
                period=self.recomputed.calculation.context.period,
                as_of=as_of,
                threshold=threshold,
                rules=rules,
            )
            if final_models
            else None
        )
        runs = [*(issue.runs if issue is not None else ()), self.recomputed]
        for models in (*self.annual_models, self.final_models):
            runs += models.runs if models is not None else ()
        feed(runs, dataset.participants)
        #: The annual reports: those given, or each year's issued as of ``as_of``.
        self.snapshots = list(issue.reports()) if issue is not None else list(reports or ())


def _funder(report: Report) -> Report:
    return evolve(report, edition=Edition.FUNDER)


def _rebuilt(
    dataset: Dataset,
    published: Sequence[Report],
    *,
    catalogue: Catalogue,
    threshold: int,
    rules: CountingRules | None,
) -> list[tuple[Report, ExactReport]]:
    """Each report already published, with its exact rebuild from the records."""
    found = []
    for given in published:
        if given.kind is ReportKind.FINAL:
            computed = _OnePass(
                dataset,
                as_of=given.as_of,
                reports=None,
                catalogue=catalogue,
                rules=rules,
                threshold=threshold,
            )
            rebuilt = exact(
                ("final",),
                partial(
                    _final,
                    dataset,
                    computed.snapshots,
                    as_of=given.as_of,
                    corrections=(),
                    catalogue=catalogue,
                    threshold=threshold,
                    rules=rules,
                    models=(),
                    recomputed=computed.recomputed,
                ),
            )
        else:
            year = given.period.end.year
            snapshot = issue_annual_report(
                dataset.programme,
                dataset.participants,
                year=year,
                as_of=given.as_of,
                issued=given.as_of,
                catalogue=catalogue,
                rules=rules,
            )
            rebuilt = exact(
                ("annual", year),
                partial(
                    _annual,
                    dataset,
                    snapshot,
                    catalogue=catalogue,
                    threshold=threshold,
                    rules=rules,
                    models=(),
                ),
            )
        found.append((given, rebuilt))
    return found


@paused_during
def annual_report(
    dataset: Dataset,
    year: int,
    *,
    as_of: pendulum.Date,
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    rules: CountingRules | None = None,
    models: Sequence[Block] | None = None,
    edition: Edition = Edition.PUBLIC,
    published: Sequence[Report] = (),
) -> Report:
    """The annual report (vuosiraportti) of ``year``, as the records stand on ``as_of``.

    ``catalogue`` is by default the programme's (:func:`catalogue_for`): the common
    indicators of its programming period and the seed projects' own figures.
    ``models`` replaces the section on operating models, which is otherwise built
    from the dataset's operating models and instruments.

    The public edition withholds small counts and every count that could be worked
    out from the report itself and the reports already ``published`` (whose shown
    and withheld counts stay as they were); the funder's edition (rahoittajan
    versio) has the exact figures.
    """
    if catalogue is None:
        catalogue = catalogue_for(dataset.programme)
    # The year's figures, its targets and its section on operating models, in one pass.
    issue = AnnualIssue(
        dataset.programme,
        as_of=as_of,
        issued=as_of,
        catalogue=catalogue,
        rules=rules,
        years=[year],
    )
    if not issue.periods:
        raise ValueError(f"the programme has no year {year} up to {as_of}")
    computed = (
        ModelRuns(
            dataset,
            period=issue.periods[0],
            as_of=as_of,
            threshold=1 if edition is Edition.FUNDER else threshold,
            rules=rules,
        )
        if models is None
        else models
    )
    feed(
        [*issue.runs, *(computed.runs if isinstance(computed, ModelRuns) else ())],
        dataset.participants,
    )
    [snapshot] = issue.reports()
    build = partial(_annual, dataset, snapshot, catalogue=catalogue, rules=rules, models=computed)
    return _in_edition(
        ("annual", year),
        build,
        dataset,
        edition=edition,
        published=published,
        catalogue=catalogue,
        threshold=threshold,
        rules=rules,
    )


@paused_during
def final_report(
    dataset: Dataset,
    *,
    as_of: pendulum.Date,
    reports: Sequence[AnnualReport] | None = None,
    corrections: Sequence[Correction] = (),
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    rules: CountingRules | None = None,
    models: Sequence[Block] | None = None,
    edition: Edition = Edition.PUBLIC,
    published: Sequence[Report] = (),
) -> Report:
    """The final report (loppuraportti), derived from the annual reports and corrections.

    Without ``reports``, every year's report is issued now, as of ``as_of``. The
    derived figures are compared with a recomputation from the records, and the
    report lists every figure where they disagree. ``models`` replaces the section
    on operating models, otherwise built from the dataset over the whole programme.
    ``catalogue`` is by default the programme's (:func:`catalogue_for`).

    The public edition is protected against itself and the reports already
    ``published`` (pass the annual reports published: the final report's sums
    must not reveal what they withheld); the funder's edition is exact.
    """
    if catalogue is None:
        catalogue = catalogue_for(dataset.programme)
    computed = _OnePass(
        dataset,
        as_of=as_of,
        reports=reports,
        catalogue=catalogue,
        rules=rules,
        threshold=1 if edition is Edition.FUNDER else threshold,
        final_models=models is None,
    )
    build = partial(
        _final,
        dataset,
        computed.snapshots,
        as_of=as_of,
        corrections=corrections,
        catalogue=catalogue,
        rules=rules,
        models=computed.final_models if models is None else models,
        recomputed=computed.recomputed,
    )
    return _in_edition(
        ("final",),
        build,
        dataset,
        edition=edition,
        published=published,
        catalogue=catalogue,
        threshold=threshold,
        rules=rules,
    )


def _in_edition(
    key: tuple[object, ...],
    build: Callable[..., Report],
    dataset: Dataset,
    *,
    edition: Edition,
    published: Sequence[Report],
    catalogue: Catalogue,
    threshold: int,
    rules: CountingRules | None,
) -> Report:
    """One report in ``edition``: exact for the funder, else protected against ``published``.

    ``build(threshold=...)`` builds the report; the funder's edition withholds
    nothing (threshold 1), the public one is built exactly and then protected.
    """
    if edition is Edition.FUNDER:
        return _funder(build(threshold=1))
    built = exact(key, partial(build, threshold=threshold))
    before = _rebuilt(dataset, published, catalogue=catalogue, threshold=threshold, rules=rules)
    return protect_set([built], threshold=threshold, catalogue=catalogue, published=before)[0]


@paused_during
def published_set(
    dataset: Dataset,
    *,
    as_of: pendulum.Date,
    edition: Edition = Edition.PUBLIC,
    published: Sequence[Report] = (),
    reports: Sequence[AnnualReport] | None = None,
    corrections: Sequence[Correction] = (),
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    rules: CountingRules | None = None,
) -> tuple[Report, ...]:
    """Every annual report and the final report (julkaistavat raportit), protected together.

    The annual reports are those given (``reports``), or every year's issued as of
    ``as_of``; the final report is derived from them and ``corrections``. In the
    public edition, no withheld count can be worked out (by linear algebra or bounds) from all
    of them and the reports already ``published`` together; the funder's edition
    is exact.
    """
    if catalogue is None:
        catalogue = catalogue_for(dataset.programme)
    cut = 1 if edition is Edition.FUNDER else threshold
    done = (
        set()
        if edition is Edition.FUNDER
        else {r.period.end.year for r in published if r.kind is ReportKind.ANNUAL}
    )
    computed = _OnePass(
        dataset,
        as_of=as_of,
        reports=reports,
        catalogue=catalogue,
        rules=rules,
        threshold=cut,
        annual_models=True,
        published_years=done,
        final_models=True,
    )
    snapshots, annual_models = computed.snapshots, computed.annual_models

    def annual(snapshot: AnnualReport, models: ModelRuns | None) -> Report:
        return _annual(
            dataset, snapshot, catalogue=catalogue, threshold=cut, rules=rules, models=models
        )

    def final() -> Report:
        return _final(
            dataset,
            snapshots,
            as_of=as_of,
            corrections=corrections,
            catalogue=catalogue,
            threshold=cut,
            rules=rules,
            models=computed.final_models,
            recomputed=computed.recomputed,
        )

    if edition is Edition.FUNDER:
        return tuple(_funder(r) for r in (*map(annual, snapshots, annual_models), final()))
    built = [
        exact(("annual", s.year), partial(annual, s, models))
        for s, models in zip(snapshots, annual_models, strict=True)
        if models is not None
    ]
    built.append(exact(("final",), final))
    before = _rebuilt(dataset, published, catalogue=catalogue, threshold=threshold, rules=rules)
    return protect_set(built, threshold=threshold, catalogue=catalogue, published=before)
