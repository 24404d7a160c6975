"""Benchmark: the whole published set against one ``compute`` over the same records (not a test).

Issue 14 asks that every annual report and the final report, with all their
breakdowns, cost at most twice one ``compute`` of the programme's catalogue: one
pass over the records, not one per table. This script generates the records of
``benchmarks/indicators.py`` under the demo programme (its operating model and
instrument included), then measures in one process, as processor time, the best
of several rounds (each work in turn, so that the machine's load falls on all alike) of:

- ``compute``: the programme's catalogue (:func:`hankemalli.reporting.catalogue_for`)
  over the whole programme period, no breakdown;
- ``published_set``: every annual report and the final report as of the end of
  the year after the programme, in the funder's edition (exact figures) and the
  public one (protected together);

and prints the ratio of each to ``compute``. The machine's other load shows in the
figures: run it on a quiet machine, and compare ratios rather than seconds.

With ``--parts``, it says where a published set's time goes: the one pass over the
records (``feed``), and in it each family of runs fed alone (the programme's catalogue
by gender over each year and the whole, the operating models' comparison, the
instruments), then building the tables and, in the public edition, protecting them.

Run:  python benchmarks/published_set.py             (5 000 participants, best of 5)
      python benchmarks/published_set.py 20000 3     (20 000 participants, best of 3)
      python benchmarks/published_set.py 5000 7 --parts
      sh benchmarks/instructions.sh 5000             (instructions, with valgrind)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pendulum
from attrs import evolve

from hankemalli.demo import demo_dataset
from hankemalli.indicators import ReportingPeriod, compute, feed
from hankemalli.reporting import Edition, catalogue_for, published_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from indicators import records  # the generator beside this script


def rounds(works: dict[str, Callable[[], object]], times: int) -> dict[str, tuple[float, float]]:
    """The least processor time of ``times`` runs of each work, and its first's, in seconds.

    The works take turns, round after round, so that the machine's load falls on
    all of them alike. The first run of a published set compiles what later ones
    find compiled (the plans of the indicators counted once per record, the code of
    a family of runs).
    """
    found: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(times):
        for name, work in works.items():
            started = time.process_time()
            work()
            found[name].append(time.process_time() - started)
    return {name: (min(seconds), seconds[0]) for name, seconds in found.items()}


def main(n: int, times: int) -> None:
    """Print the seconds of each and the ratios to ``compute``."""
    dataset = evolve(demo_dataset(), participants=tuple(records(n)))
    programme = dataset.programme
    as_of = pendulum.date(programme.end.year + 1, 12, 31)
    catalogue = catalogue_for(programme)
    period = ReportingPeriod(start=programme.start, end=programme.end)
    works: dict[str, Callable[[], object]] = {
        "compute(catalogue)": lambda: compute(
            catalogue, dataset.participants, period=period, as_of=as_of
        )
    }
    for edition in (Edition.FUNDER, Edition.PUBLIC):
        works[f"published_set ({edition.value})"] = partial(
            published_set, dataset, as_of=as_of, edition=edition
        )
    found = rounds(works, times)
    one = found["compute(catalogue)"][0]
    print(f"{n} participants, {len(catalogue)} indicators, best of {times} (processor time)")
    for name, (seconds, first) in found.items():
        ratio = "" if seconds is one else f"  {seconds / one:4.2f} x compute"
        print(f"  {name:26} {seconds:6.3f} s{ratio}  (first {first:6.3f} s)")


def count(n: int, work: str, times: int) -> None:
    """Run one work once, then ``times`` more times, printing nothing: for counting instructions.

    The difference between ``times`` 1 and 0 under ``valgrind --tool=cachegrind`` is
    the instructions of one run, which the machine's load does not move
    (``benchmarks/instructions.sh``).
    """
    dataset = evolve(demo_dataset(), participants=tuple(records(n)))
    programme = dataset.programme
    as_of = pendulum.date(programme.end.year + 1, 12, 31)
    catalogue = catalogue_for(programme)
    period = ReportingPeriod(start=programme.start, end=programme.end)
    for _ in range(times + 1):
        if work == "compute":
            compute(catalogue, dataset.participants, period=period, as_of=as_of)
        else:
            published_set(dataset, as_of=as_of, edition=Edition(work))


def _family_name(family: Any) -> str:
    """A family of runs as the breakdown says: its indicators, runs and breakdown."""
    run = family.runs[0]
    key = run.calculation.breakdown
    by = "no breakdown" if key is None else f"by {type(key).__name__}"
    return f"{len(run.calculation.indicators)} indicators x {len(family.runs)} runs, {by}"


def parts(n: int, times: int) -> None:
    """Print where the published set's processor time goes (the least of ``times`` each).

    The one pass and the rest of the set are timed apart in the set itself; each
    family is then fed alone over the same records (the runs the set fed, started
    again), so its time includes what it would share with the others (a record's view).
    """
    from hankemalli.indicators import _feed
    from hankemalli.reporting import _api

    dataset = evolve(demo_dataset(), participants=tuple(records(n)))
    programme = dataset.programme
    as_of = pendulum.date(programme.end.year + 1, 12, 31)
    catalogue = catalogue_for(programme)
    period = ReportingPeriod(start=programme.start, end=programme.end)
    one = rounds(
        {"compute": lambda: compute(catalogue, dataset.participants, period=period, as_of=as_of)},
        times,
    )["compute"][0]
    print(f"{n} participants, best of {times} (processor time)")
    print(f"  {'compute(catalogue)':34} {one:6.3f} s")
    fed: list[list[Any]] = []
    spent: dict[str, float] = {}
    feed, protect = _api.feed, _api.protect_set

    def timed(name: str, work: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return work(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started

        return run

    def feeding(runs: Any, participants: Any) -> None:
        fed.append(list(runs))
        feed(runs, participants)

    try:
        _api.feed = timed("feed", feeding)
        _api.protect_set = timed("protect", protect)
        for edition in (Edition.FUNDER, Edition.PUBLIC):
            best: tuple[float, dict[str, float]] | None = None
            for _ in range(times):
                spent.clear()
                started = time.process_time()
                published_set(dataset, as_of=as_of, edition=edition)
                total = time.process_time() - started
                if best is None or total < best[0]:
                    best = (total, dict(spent))
            assert best is not None
            total, found = best
            rest = total - found.get("feed", 0.0) - found.get("protect", 0.0)
            name = f"published_set ({edition.value})"
            print(f"  {name:34} {total:6.3f} s  {total / one:4.2f} x compute")
            print(f"    the one pass (feed)              {found.get('feed', 0.0):6.3f} s")
            print(f"    building the tables              {rest:6.3f} s")
            if edition is Edition.PUBLIC:
                print(f"    protecting them together         {found.get('protect', 0.0):6.3f} s")
    finally:
        _api.feed, _api.protect_set = feed, protect
    # The families the pass fed (not those another family's figures answer).
    members = _feed._answered(_feed._families(fed[-1]))
    families = [m for m in members if isinstance(m, _feed._Family)]
    print("  each family of the one pass, fed alone:")
    works: dict[str, Callable[[], object]] = {}
    for family in families:
        name = _family_name(family)
        while name in works:  # two families alike: each its own line
            name += "'"
        works[name] = partial(_fed_anew, family.runs, dataset.participants)
    alone = rounds(works, times)
    for name, (least, _) in alone.items():
        print(f"    {name:48} {least:6.3f} s")


def _fed_anew(runs: Any, participants: Any) -> None:
    """The calculations of ``runs`` started again and fed together over ``participants``."""
    feed([run.calculation.start() for run in runs], participants)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--count":
        count(int(sys.argv[1]), sys.argv[3], int(sys.argv[4]))
    elif "--parts" in sys.argv:
        numbers = [int(arg) for arg in sys.argv[1:] if arg != "--parts"]
        parts(*(numbers + [5_000, 5][len(numbers) :]))
    else:
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 5_000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 5,
        )
