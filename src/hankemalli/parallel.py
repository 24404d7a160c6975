"""Figures over records split into parts, computed apart and merged (rinnakkainen laskenta).

A calculation's running state, its :class:`~hankemalli.indicators.Run`, is
*mergeable*: the runs of two sets of records, merged, hold exactly what one run over
both would. So a register too large for one process can be split into parts (files,
ranges of lines, partitions of a Dask bag), each part computed where it lies, and only
the small runs sent back and merged: the figures are those of one pass, exactly, since
every tally is whole numbers and fractions, never rounded floating point. Runs pickle,
so they can cross process and machine boundaries.

Two ways are offered:

- :func:`compute_parts` over any iterable of parts with any ``map`` (the built-in
  ``map``, a ``concurrent.futures`` executor's ``map``, a ``multiprocessing`` pool's):
  no extra dependency;
- :func:`compute_bag` over a :mod:`dask.bag` of participant records, on any Dask
  scheduler (threads, processes, a distributed cluster), reduced in a tree. Dask is an
  optional extra: ``pip install "hankemalli[dask]"``; this module imports it only when
  :func:`compute_bag` or :func:`bag_of_lines` is called.

What a part cannot see, the merge cannot either: rules *across* records, such as a
participant id used once, are checked within each part only. Read each part with the
library's readers (:func:`~hankemalli.serialization.read_lines` checks every record and
raises on any problem), and keep one person's record in one part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from os import PathLike
from typing import TYPE_CHECKING, Any

from .indicators import Calculation, Results, Run
from .model import Participation

if TYPE_CHECKING:
    import dask.bag

__all__ = ["bag_of_lines", "compute_bag", "compute_parts", "merged", "run_part"]


def run_part(calculation: Calculation, records: Iterable[Participation]) -> Run:
    """The run of ``calculation`` over one part of the records (osan laskenta)."""
    run = calculation.start()
    run.add_all(records)
    return run


def merged(calculation: Calculation, runs: Iterable[Run]) -> Run:
    """One run holding what all of ``runs`` hold (yhdistetty laskenta).

    With no runs, the empty run of ``calculation``. Every run must be of
    ``calculation`` (``ValueError`` otherwise).
    """
    total = calculation.start()
    for run in runs:
        total.merge(run)
    return total


def compute_parts(
    calculation: Calculation,
    parts: Iterable[Iterable[Participation]],
    *,
    map: Callable[..., Iterable[Run]] = map,
) -> Results:
    """The figures of ``calculation`` over records given in parts, each part run apart.

    ``map`` runs :func:`run_part` over the parts: the built-in one (one process),
    or an executor's, e.g. ``concurrent.futures.ProcessPoolExecutor().map``; the runs
    come back (pickled, between processes) and are merged. The figures equal those of
    ``calculation.run`` over all the records in one pass.
    """
    return merged(calculation, map(partial(run_part, calculation), parts)).results()


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - the test extra installs dask
        raise ImportError(
            'hankemalli.parallel needs Dask for this: pip install "hankemalli[dask]"'
        ) from exc
    return dask.bag


def compute_bag(
    calculation: Calculation,
    records: dask.bag.Bag,
    *,
    split_every: int | None = None,
    **compute_options: Any,
) -> Results:
    """The figures of ``calculation`` over a Dask bag of participant records.

    Each partition is run apart (:func:`run_part`) and the runs merged in a tree of
    ``split_every`` at a time (Dask's default, 8); ``compute_options`` go to
    ``dask.compute`` (e.g. ``scheduler="processes"``). The figures equal those of
    one pass over the same records.
    """
    _dask_bag()
    reduction: Any = records.reduction  # Dask's own methods are untyped
    total = reduction(
        partial(run_part, calculation),
        partial(merged, calculation),
        split_every=split_every,
    )
    run: Run = total.compute(**compute_options)
    return run.results()


def _read_part(paths: Sequence[str | PathLike[str]]) -> list[Participation]:
    from .serialization import read_lines

    return [record for path in paths for record in read_lines(path)]


def bag_of_lines(paths: Sequence[str | PathLike[str]]) -> dask.bag.Bag:
    """A Dask bag of the records of JSON Lines files, one partition per file.

    Each file is a whole JSON Lines dataset (its header line first) and is read and
    checked with :func:`~hankemalli.serialization.read_lines` where its partition
    is computed; a problem in any file fails the computation with its
    :class:`~hankemalli.DataError`.
    """
    bag = _dask_bag()
    listed = [str(path) for path in paths]
    parts: Any = bag.from_sequence(listed, npartitions=max(1, len(listed)))
    records: dask.bag.Bag = parts.map_partitions(_read_part)  # Dask's methods are untyped
    return records
