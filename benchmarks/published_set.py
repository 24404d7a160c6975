"""Benchmark: the whole published set against one ``compute`` over the same records (not a test).

Issue 14 asks that every annual report and the final report, with all their
breakdowns, cost at most twice one ``compute`` of the programme's catalogue: one
pass over the records, not one per table. This script generates the records of
``benchmarks/indicators.py`` under the demo programme (its operating model and
instrument included), then measures in one process, as processor time, the best
of several runs of:

- ``compute``: the programme's catalogue (:func:`hankemalli.reporting.catalogue_for`)
  over the whole programme period, no breakdown;
- ``published_set``: every annual report and the final report as of the end of
  the year after the programme, in the funder's edition (exact figures) and the
  public one (protected together);

and prints the ratio of each to ``compute``. The machine's other load shows in the
figures: run it on a quiet machine, and compare ratios rather than seconds.

Run:  python benchmarks/published_set.py             (5 000 participants, best of 5)
      python benchmarks/published_set.py 20000 3     (20 000 participants, best of 3)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pendulum
from attrs import evolve

from hankemalli.demo import demo_dataset
from hankemalli.indicators import ReportingPeriod, compute
from hankemalli.reporting import Edition, catalogue_for, published_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from indicators import records  # the generator beside this script


def best(work: Callable[[], object], times: int) -> tuple[float, float]:
    """The least processor time of ``times`` runs of ``work``, and the first's, in seconds.

    The first run of a published set compiles what later ones find compiled (the
    plans of the indicators counted once per record, the code of a family of runs).
    """
    found = []
    for _ in range(times):
        started = time.process_time()
        work()
        found.append(time.process_time() - started)
    return min(found), found[0]


def main(n: int, times: int) -> None:
    """Print the seconds of each and the ratios to ``compute``."""
    dataset = evolve(demo_dataset(), participants=tuple(records(n)))
    programme = dataset.programme
    as_of = pendulum.date(programme.end.year + 1, 12, 31)
    catalogue = catalogue_for(programme)
    period = ReportingPeriod(start=programme.start, end=programme.end)
    one, first = best(
        lambda: compute(catalogue, dataset.participants, period=period, as_of=as_of), times
    )
    print(f"{n} participants, {len(catalogue)} indicators, best of {times} (processor time)")
    print(f"  compute(catalogue)         {one:6.3f} s  (first {first:6.3f} s)")
    for edition in (Edition.FUNDER, Edition.PUBLIC):
        seconds, first = best(partial(published_set, dataset, as_of=as_of, edition=edition), times)
        name = f"published_set ({edition.value})"
        print(
            f"  {name:26} {seconds:6.3f} s  {seconds / one:4.2f} x compute  (first {first:6.3f} s)"
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 5_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 5,
    )
