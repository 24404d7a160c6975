"""The two calls most users need: a dataset's annual report and its final report."""

from __future__ import annotations

from collections.abc import Sequence

import pendulum

from ..indicators import Catalogue, CountingRules
from ..model import Dataset
from ._build import annual_document, final_document
from ._cumulation import (
    AnnualReport,
    Correction,
    catalogue_for,
    derive_final,
    issue_annual_report,
    issue_annual_reports,
)
from ._disclosure import DEFAULT_THRESHOLD
from ._document import Block, Report
from ._models import model_blocks

__all__ = ["annual_report", "final_report"]


def annual_report(
    dataset: Dataset,
    year: int,
    *,
    as_of: pendulum.Date,
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    rules: CountingRules | None = None,
    models: Sequence[Block] | None = None,
) -> Report:
    """The annual report (vuosiraportti) of ``year``, as the records stand on ``as_of``.

    ``catalogue`` is by default the programme's (:func:`catalogue_for`): the common
    indicators of its programming period and the seed projects' own figures.
    ``models`` replaces the section on operating models, which is otherwise built
    from the dataset's operating models and instruments.
    """
    if catalogue is None:
        catalogue = catalogue_for(dataset.programme)
    snapshot = issue_annual_report(
        dataset.programme,
        dataset.participants,
        year=year,
        as_of=as_of,
        issued=as_of,
        catalogue=catalogue,
        rules=rules,
    )
    if models is None:
        models = model_blocks(
            dataset, period=snapshot.period, as_of=as_of, threshold=threshold, rules=rules
        )
    return annual_document(
        snapshot, dataset.programme, catalogue=catalogue, threshold=threshold, models=models
    )


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
) -> Report:
    """The final report (loppuraportti), derived from the annual reports and corrections.

    Without ``reports``, every year's report is issued now, as of ``as_of``. The
    derived figures are compared with a recomputation from the records, and the
    report lists every figure where they disagree. ``models`` replaces the section
    on operating models, otherwise built from the dataset over the whole programme.
    ``catalogue`` is by default the programme's (:func:`catalogue_for`).
    """
    if catalogue is None:
        catalogue = catalogue_for(dataset.programme)
    if reports is None:
        reports = issue_annual_reports(
            dataset.programme,
            dataset.participants,
            as_of=as_of,
            issued=as_of,
            catalogue=catalogue,
            rules=rules,
        )
    final = derive_final(
        reports,
        corrections,
        programme=dataset.programme,
        catalogue=catalogue,
        records=dataset.participants,
        as_of=as_of,
        rules=rules,
    )
    if models is None:
        models = model_blocks(
            dataset, period=final.period, as_of=as_of, threshold=threshold, rules=rules
        )
    return final_document(
        final, reports, dataset.programme, catalogue=catalogue, threshold=threshold, models=models
    )
