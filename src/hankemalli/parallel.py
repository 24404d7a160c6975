"""Figures over records split into parts, computed apart and merged (rinnakkainen laskenta).

A calculation's running state, its :class:`~hankemalli.indicators.Run`, is
*mergeable*: the runs of two sets of records, merged, hold exactly what one run over
both would. So a register too large for one process can be split into parts (files,
ranges of lines, partitions of a Dask bag), each part computed where it lies, and only
the small runs sent back and merged: the figures are those of one pass, exactly, since
every tally is whole numbers and fractions, never rounded floating point. Runs pickle,
so they can cross process and machine boundaries.

Three ways are offered:

- :func:`compute_parts` over any iterable of parts with any ``map`` (the built-in
  ``map``, a ``concurrent.futures`` executor's ``map``, a ``multiprocessing`` pool's):
  no extra dependency;
- :func:`compute_bag` over a :mod:`dask.bag` of participant records, on any Dask
  scheduler (threads, processes, a distributed cluster), reduced in a tree. Dask is an
  optional extra: ``pip install "hankemalli[dask]"``; this module imports it only when
  :func:`compute_bag` or :func:`bag_of_lines` is called.

- :func:`compute_lines` over one JSON Lines file cut into ranges of lines, each read
  and run where ``map`` sends it; the rules across records (an id used once, no blank
  line between records) are checked over the whole file, so it accepts and refuses
  exactly what :func:`~hankemalli.serialization.read_lines` does.

What a part cannot see, the merge cannot either: rules *across* records, such as a
participant id used once, are checked within each part only. Read each part with the
library's readers (:func:`~hankemalli.serialization.read_lines` checks every record and
raises on any problem), and keep one person's record in one part.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from .indicators import Calculation, Results, Run
from .model import Participation

if TYPE_CHECKING:
    import dask.bag

__all__ = [
    "bag_of_lines",
    "compute_bag",
    "compute_lines",
    "compute_parts",
    "merged",
    "run_part",
]


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


# ----------------------------------------------------------------- one file, in ranges


@frozen
class _Span:
    """The bytes ``start``..``end`` of a JSON Lines file: whole lines after its header."""

    path: str
    start: int
    end: int


@frozen
class _SpanRun:
    """What a range of lines gave: its run, and what the rules across ranges need.

    ``valid`` is false when the range has a problem of its own (the file is then
    read again in one pass for the exact error); ``ids`` are the participant ids of
    its records, in order; ``records`` whether it has a line that is not blank, and
    ``ends_blank`` whether blank lines follow its last such line (a problem only if a
    later range has a record).
    """

    run: Run
    valid: bool
    ids: tuple[str, ...]
    records: bool
    ends_blank: bool


class _Tracked:
    """The lines of a range, noting whether it has records and ends with blank lines."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = lines
        self.records = False
        self.ends_blank = False

    def __iter__(self) -> Iterator[bytes]:
        from .serialization._lines import _blank

        for line in self._lines:
            blank = _blank(line)
            self.records |= not blank
            self.ends_blank = blank
            yield line


def _span_lines(span: _Span) -> Iterator[bytes]:
    """The header line, then the lines of ``span``."""
    with open(span.path, "rb") as file:
        yield file.readline()
        file.seek(span.start)
        left = span.end - span.start
        while left > 0:
            line = file.readline()
            if not line:
                return
            left -= len(line)
            yield line


def _run_span(calculation: Calculation, span: _Span) -> _SpanRun:
    """Read and run one range of lines (in whatever process ``map`` puts it)."""
    from .model import DataError
    from .serialization import DatasetLines

    lines = _span_lines(span)
    header = next(lines)
    tracked = _Tracked(lines)
    stream = DatasetLines(itertools.chain((header,), tracked))
    run = calculation.start()
    ids: list[str] = []
    valid = True
    try:
        for record in stream:
            ids.append(record.id)
            run.add(record)
    except DataError:
        valid = False
    return _SpanRun(
        run=run,
        valid=valid,
        ids=tuple(ids) if valid else (),
        records=tracked.records,
        ends_blank=tracked.ends_blank,
    )


def _spans(path: Path, parts: int) -> list[_Span]:
    """``parts`` ranges of whole lines after the header, of about equal bytes."""
    size = path.stat().st_size
    with path.open("rb") as file:
        body = len(file.readline())
        cuts = [body]
        for part in range(1, parts):
            at = body + (size - body) * part // parts
            if at <= cuts[-1]:
                continue
            file.seek(at - 1)
            file.readline()  # to the end of the line that holds byte at - 1
            cuts.append(min(file.tell(), size))
    cuts.append(size)
    return [_Span(str(path), a, b) for a, b in itertools.pairwise(cuts) if b > a]


def compute_lines(
    calculation: Calculation,
    source: str | PathLike[str],
    *,
    parts: int | None = None,
    map: Callable[..., Iterable[Any]] = map,
) -> Results:
    """The figures of ``calculation`` over a JSON Lines file, read in ranges of lines.

    The file (:func:`~hankemalli.serialization.read_lines`'s form: the header line,
    then one participant record a line) is cut into ``parts`` ranges of whole lines
    (by default as many as the machine has processors), and ``map`` reads and runs
    each: the built-in one in this process, or an executor's, such as
    ``concurrent.futures.ProcessPoolExecutor(max_workers=2).map``, to read a large
    register on every core. Only the small runs and the ranges' participant ids come
    back.

    The rules across records are checked over the whole file: an id used twice in
    two ranges, or a blank line between two ranges' records, is found as if the file
    were read in one pass. When any range has a problem, the file is read again in
    one pass with :func:`~hankemalli.serialization.read_lines`, so the
    :class:`~hankemalli.DataError` is exactly the one a single pass gives (every
    problem, at the same paths, in the same order); a valid file is read once. A bad
    header line raises at once.

    The record reader is made (compiled, with orjson imported) in this process before
    ``map`` is called, so that workers it forks find it made: calls after the first
    save each worker some milliseconds (tens where Python writes no bytecode cache).

    The figures equal ``calculation.run(read_lines(source))``.
    """
    from .serialization import read_lines
    from .serialization._fast import ready_for_lines

    path = Path(source)
    with path.open("rb") as file:
        read_lines(file)  # the header, checked now: a bad one raises its DataError here
    count = parts if parts is not None else os.cpu_count() or 1
    if count < 1:
        raise ValueError(f"parts must be at least 1, got {count}")
    ready_for_lines()  # workers forked by ``map`` from now on find the reader made
    done = list(map(partial(_run_span, calculation), _spans(path, count)))
    if not _whole_file_valid(done):
        return calculation.run(read_lines(path))  # raises the single pass's DataError
    return merged(calculation, (one.run for one in done)).results()


def _whole_file_valid(done: Sequence[_SpanRun]) -> bool:
    """Whether the ranges, each valid, are valid together (ids once, no blank between)."""
    if not all(one.valid for one in done):
        return False
    for index, one in enumerate(done):
        if one.ends_blank and any(later.records for later in done[index + 1 :]):
            return False
    seen: set[str] = set()
    total = 0
    for one in done:
        seen.update(one.ids)
        total += len(one.ids)
        if len(seen) != total:
            return False
    return True
