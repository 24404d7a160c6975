"""Benchmark: the compiled indicator engine against the reference interpretation (not a test).

Issue 14: selectors compiled once per calculation into functions of a record
(``hankemalli.indicators._compiled``) instead of interpreted per record and
indicator. This script generates the records of ``benchmarks/indicators.py`` and
measures in one process, as processor time, the best of several runs taken in turn
(A, B, A, B, ...), so that the machine's other load falls on both alike:

- ``compute(ESF_PLUS_2021)`` over the whole period, compiled (A) and interpreted (B,
  every selector asked by its ``matches``, every part by ``Tally.part``);
- the published set of the demo programme with these records (every annual report
  and the final report, funder's edition), and one ``compute`` of the programme's
  catalogue, compiled and interpreted, with the ratio of the two (issue 14: at most 2).

Both ways must give the same figures; the script checks that they do.

Run:  python benchmarks/engine.py                 (10 000 and 5 000 participants, best of 5)
      python benchmarks/engine.py 100000 20000 3  (compute size, published-set size, runs)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pendulum
from attrs import evolve

from hankemalli.demo import demo_dataset
from hankemalli.indicators import ESF_PLUS_2021, ReportingPeriod, compute
from hankemalli.indicators._compiled import interpreted
from hankemalli.reporting import Edition, catalogue_for, published_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from indicators import END, START, records  # the generator beside this script


def _seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _reference(work: Callable[[], object]) -> Callable[[], object]:
    def interpret() -> object:
        with interpreted():
            return work()

    return interpret


def ab(compiled: Callable[[], object], times: int) -> tuple[float, float]:
    """The least processor time of ``times`` runs each, compiled and interpreted, taken in turn."""
    mine, theirs = [], []
    for _ in range(times):
        mine.append(_seconds(compiled))
        theirs.append(_seconds(_reference(compiled)))
    return min(mine), min(theirs)


def main(n: int, m: int, times: int) -> None:
    """Print the seconds, per-participant costs and ratios."""
    data = list(records(n))
    period = ReportingPeriod(start=START, end=END)
    as_of = pendulum.date(2019, 12, 31)

    def esf_plus() -> object:
        return compute(ESF_PLUS_2021, data, period=period, as_of=as_of)

    if esf_plus() != _reference(esf_plus)():
        raise SystemExit("compiled and interpreted figures differ")
    fast, slow = ab(esf_plus, times)
    print(f"best of {times}, processor time")
    print(
        f"compute(ESF_PLUS_2021), {n} participants: compiled {fast:6.3f} s "
        f"({fast / n * 1e6:5.1f} µs each), interpreted {slow:6.3f} s "
        f"({slow / n * 1e6:5.1f} µs each), {slow / fast:4.2f}x"
    )

    dataset = evolve(demo_dataset(), participants=tuple(records(m)))
    programme = dataset.programme
    known = pendulum.date(programme.end.year + 1, 12, 31)
    catalogue = catalogue_for(programme)
    whole = ReportingPeriod(start=programme.start, end=programme.end)

    def one() -> object:
        return compute(catalogue, dataset.participants, period=whole, as_of=known)

    def reports() -> object:
        return published_set(dataset, as_of=known, edition=Edition.FUNDER)

    if reports() != _reference(reports)():
        raise SystemExit("compiled and interpreted reports differ")
    one_fast, one_slow = ab(one, times)
    set_fast, set_slow = ab(reports, times)
    print(f"demo programme's catalogue ({len(catalogue)} indicators), {m} participants:")
    print(f"  compute        compiled {one_fast:6.3f} s, interpreted {one_slow:6.3f} s")
    print(f"  published_set  compiled {set_fast:6.3f} s, interpreted {set_slow:6.3f} s")
    print(
        f"  published_set / compute: compiled {set_fast / one_fast:4.2f}, "
        f"interpreted {set_slow / one_slow:4.2f}"
    )


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:]]
    main(*(arguments + [10_000, 5_000, 5][len(arguments) :]))
