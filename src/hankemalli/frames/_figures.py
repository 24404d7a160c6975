"""Computed figures as frames: one row per figure and group, and one per counted category."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..indicators import COMMON_CATALOGUES, SEED_FIGURES, Catalogue, Figure, Indicator, Results
from ..reporting import LANGUAGES
from ._backend import make_frame
from ._columns import Columns, Kind

__all__ = ["COUNT_COLUMNS", "FIGURE_COLUMNS", "figure_counts", "figures"]

_NAMED: Columns = (("code", Kind.TEXT), ("label", Kind.TEXT), ("group", Kind.TEXT))

#: The figures frame: the indicator's code and label, the breakdown group (null for
#: the whole population), what kind of number it is, and its numbers.
FIGURE_COLUMNS: Columns = (
    *_NAMED,
    ("statistic", Kind.TEXT),
    ("numerator", Kind.INTEGER),
    ("denominator", Kind.INTEGER),
    ("value", Kind.NUMBER),
    ("median", Kind.NUMBER),
    ("missing", Kind.INTEGER),
    ("cumulative", Kind.BOOLEAN),
)
#: The counts frame: a figure's count per category (a distribution's groups, the
#: kinds of events counted ``by`` a field).
COUNT_COLUMNS: Columns = (*_NAMED, ("category", Kind.TEXT), ("count", Kind.INTEGER))


def _labels(
    codes: Iterable[str], catalogue: Catalogue | Iterable[Indicator] | None, language: str
) -> dict[str, str | None]:
    """Each code's label; from the built-in catalogues (None if unknown) unless given."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    wanted = dict.fromkeys(codes)
    if catalogue is None:
        known = [i for c in (*COMMON_CATALOGUES, SEED_FIGURES) for i in c.values()]
    else:
        known = list(catalogue.values() if isinstance(catalogue, Catalogue) else catalogue)
    labels: dict[str, str | None] = {i.code: i.labels.get(language) for i in known}
    missing = [code for code in wanted if code not in labels]
    if catalogue is not None and missing:
        raise ValueError(
            f"catalogue: no definition for {', '.join(missing)}; pass the indicators the "
            "results were computed from"
        )
    return {code: labels.get(code) for code in wanted}


def _figures(results: Results) -> Iterator[tuple[str | None, Figure]]:
    """Every figure with its group: the whole population's first, then each group's."""
    for figure in results.figures:
        yield None, figure
    for group, figures in results.groups:
        for figure in figures:
            yield group, figure


def figures(
    results: Results,
    *,
    backend: object,
    catalogue: Catalogue | Iterable[Indicator] | None = None,
    language: str = "fi",
) -> Any:
    """Computed figures (luvut) as a frame: one row per figure and breakdown group.

    Columns (:data:`FIGURE_COLUMNS`): ``code``; ``label`` in ``language`` (``"fi"``,
    ``"sv"`` or ``"en"``) from ``catalogue``, the indicators the results were computed
    from (by default the common indicators and the seed figures, and null for a code
    none of them defines); ``group``, null for the whole population and the group's
    name for each group of a breakdown, which follow; ``statistic`` (``count``,
    ``share``, ...); ``numerator``, ``denominator`` (null for a plain count) and
    ``value`` (the figure as a number: a share as a fraction of 1, null for 0/0), as
    in :class:`~hankemalli.indicators.Figure`; ``median`` of a mean; ``missing``, the
    persons whose value was unknown; ``cumulative``, true for a figure counted from
    the programme's start. Numerators and denominators are exact; add them up, never
    the values.

    ``backend`` is ``"pandas"`` (a ``pandas.DataFrame`` with pyarrow-backed columns,
    so it needs pyarrow), ``"polars"`` (a ``polars.DataFrame``) or ``"pyarrow"`` (a
    ``pyarrow.Table``); the module itself or a narwhals ``Implementation`` will do.
    """
    listed = list(_figures(results))
    labels = _labels((f.code for _, f in listed), catalogue, language)
    data: dict[str, list[object]] = {name: [] for name, _ in FIGURE_COLUMNS}
    for group, figure in listed:
        value = figure.value
        row = (
            figure.code,
            labels[figure.code],
            group,
            figure.statistic.value,
            figure.numerator,
            figure.denominator,
            None if value is None else float(value),
            None if figure.median is None else float(figure.median),
            figure.missing,
            figure.cumulative,
        )
        for (name, _), item in zip(FIGURE_COLUMNS, row, strict=True):
            data[name].append(item)
    return make_frame(FIGURE_COLUMNS, data, backend)


def figure_counts(
    results: Results,
    *,
    backend: object,
    catalogue: Catalogue | Iterable[Indicator] | None = None,
    language: str = "fi",
) -> Any:
    """The counts per category behind figures (jakaumat) as a frame: one row per category.

    A distribution (say, participants by service) or a count of events by kind has a
    count for each category; each is a row here (:data:`COUNT_COLUMNS`): ``code``,
    ``label`` and ``group`` as in :func:`figures`, ``category`` (a code, e.g.
    ``job_coaching``) and ``count``. Figures with no categories have no rows.
    ``backend``, ``catalogue`` and ``language`` as for :func:`figures`.
    """
    listed = [(group, f) for group, f in _figures(results) if f.counts]
    labels = _labels((f.code for _, f in listed), catalogue, language)
    data: dict[str, list[object]] = {name: [] for name, _ in COUNT_COLUMNS}
    for group, figure in listed:
        for category, count in figure.counts:
            row = (figure.code, labels[figure.code], group, category, count)
            for (name, _), item in zip(COUNT_COLUMNS, row, strict=True):
                data[name].append(item)
    return make_frame(COUNT_COLUMNS, data, backend)
