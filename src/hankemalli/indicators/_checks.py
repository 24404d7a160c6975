"""Aggregate checks over computed figures, after the EC's "Annex D" guidance.

A subgroup never exceeds its total, a result never exceeds its leavers, and a
share's numerator never exceeds its base. Each broken check is a
:class:`~hankemalli.rules.Finding`; nothing is raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..rules import Finding
from ..rules._findings import finding
from ._definition import Catalogue, Indicator
from ._engine import Results
from ._figure import Figure, Statistic

__all__ = ["check_results"]


def check_results(
    results: Results, indicators: Catalogue | Iterable[Indicator]
) -> tuple[Finding, ...]:
    """Every aggregate inconsistency among the figures, overall and in each group."""
    listed = list(indicators.values() if isinstance(indicators, Catalogue) else indicators)
    found = list(_check(results.figures, listed, ()))
    for group, figures in results.groups:
        found.extend(_check(figures, listed, ("groups", group)))
    return tuple(found)


def _check(
    figures: tuple[Figure, ...], indicators: list[Indicator], where: tuple[str, ...]
) -> Iterator[Finding]:
    by_code = {f.code: f for f in figures}
    for indicator in indicators:
        figure = by_code.get(indicator.code)
        if figure is None:
            continue
        if (
            figure.denominator is not None
            and figure.numerator > figure.denominator
            and figure.statistic is Statistic.SHARE
        ):
            yield finding(
                "aggregate.numerator_within_denominator",
                (*where, indicator.code),
                code=indicator.code,
                numerator=figure.numerator,
                denominator=figure.denominator,
            )
        total = by_code.get(indicator.within) if indicator.within else None
        if total is not None and figure.numerator > total.numerator:
            yield finding(
                "aggregate.subgroup_within_total",
                (*where, indicator.code),
                code=indicator.code,
                numerator=figure.numerator,
                total=total.code,
                total_numerator=total.numerator,
            )
