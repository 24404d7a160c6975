"""Benchmark: protecting a published set together (disclosure control), not a test.

The public edition of a published set withholds every small count and, so that none
can be worked out from the rest, more (:func:`hankemalli.reporting.protect_linked`,
docs/reports.md). Its audits repeat over sets of withheld cells that differ by a
cell or two, and at the sizes of most associations (a few hundred participants,
where many counts are small) protecting costs more than counting. This script
takes what the public edition gives ``protect_linked`` (the counts, the identities
between them, the threshold) for the demo dataset (as ``hankemalli demo`` protects
it, with the published history and corrections) and for generated participants
(``benchmarks/indicators.py`` under the demo programme, as of the end of the year
after it), then times ``protect_linked`` on each in this process: the least
processor time of several runs, and the cells withheld (the same in any tree that
protects alike).

Run:  python benchmarks/protection.py                  (the demo, 1 000 and 5 000, best of 5)
      python benchmarks/protection.py --sizes 0 2000 --times 9   (0: the demo dataset)

To compare two trees, run it with ``PYTHONPATH`` at the other tree's ``src``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import pendulum
from attrs import evolve

from hankemalli.cli import demo_set_up
from hankemalli.demo import demo_dataset
from hankemalli.reporting import Edition, _published, published_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from indicators import records  # the generator beside this script

#: What one call of ``protect_linked`` was given: its arguments and keywords.
Call = tuple[tuple[Any, ...], dict[str, Any]]


def calls_of(n: int) -> list[Call]:
    """The ``protect_linked`` calls of the public set: the demo's (``n`` 0) or generated."""
    found: list[Call] = []
    protect = _published.protect_linked

    def kept(*args: Any, **kwargs: Any) -> Any:
        values, relations, *rest = args
        found.append(((values, [tuple(r) for r in relations], *rest), kwargs))
        return protect(*found[-1][0], **kwargs)

    _published.protect_linked = kept
    try:
        if n == 0:
            dataset, snapshots, corrections, as_of = demo_set_up("en")
            published_set(
                dataset,
                as_of=as_of,
                reports=snapshots,
                corrections=corrections,
                edition=Edition.PUBLIC,
            )
        else:
            dataset = evolve(demo_dataset(), participants=tuple(records(n)))
            as_of = pendulum.date(dataset.programme.end.year + 1, 12, 31)
            published_set(dataset, as_of=as_of, edition=Edition.PUBLIC)
    finally:
        _published.protect_linked = protect
    return found


def main(sizes: list[int], times: int) -> None:
    """Print, for each size, the cells, the withheld and the least time of ``times`` runs."""
    print(f"protect_linked on the public set's counts, least of {times} (processor time)")
    for n in sizes:
        for args, kwargs in calls_of(n):
            least = float("inf")
            for _ in range(times):
                started = time.process_time()
                done = _published.protect_linked(*args, **kwargs)
                least = min(least, time.process_time() - started)
            name = "the demo dataset" if n == 0 else f"{n:,} participants"
            print(
                f"  {name:22} {done.cells:6,} cells, {len(done.primary):4} small, "
                f"{len(done.secondary):4} more withheld   {least:7.3f} s"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 5000])
    parser.add_argument("--times", type=int, default=5)
    options = parser.parse_args()
    main(options.sizes, options.times)
