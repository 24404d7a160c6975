"""Benchmark: a register read whole as JSON against streamed as JSON Lines (not a test).

Writes ``n`` generated participant records (those of ``benchmarks/indicators.py``)
under the demo programme, once as a JSON document and once as JSON Lines, then
reads each and computes the ESF+ common indicators, printing the processor time
(the best of three) and the peak memory Python allocated (``tracemalloc``) for each
way. Streaming should keep the peak flat as ``n`` grows; reading whole grows with
``n``.

Run:  python benchmarks/lines.py              (10 000 and 50 000 participants)
      python benchmarks/lines.py 5000 100000  (other sizes)
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pendulum

from hankemalli import Dataset
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.serialization import read, read_lines, write, write_lines
from indicators import END, START, records

PERIOD = ind.ReportingPeriod(start=START, end=END)
AS_OF = pendulum.date(2019, 12, 31)


def measured(task: Callable[[], ind.Results]) -> tuple[float, float, ind.Results]:
    """Processor seconds (the best of three runs), peak MB and the result of ``task``.

    The time is taken without ``tracemalloc``, which slows every allocation; the
    peak in a separate run under it.
    """
    seconds = []
    for _ in range(3):
        started = time.process_time()
        result = task()
        seconds.append(time.process_time() - started)
    tracemalloc.start()
    task()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(seconds), peak / 1e6, result


def bench(n: int, folder: Path) -> None:
    """Write ``n`` records both ways, then read and compute each way."""
    programme = demo_dataset().programme
    header = Dataset(programme=programme)
    whole, lines = folder / f"{n}.json", folder / f"{n}.jsonl"
    write(Dataset(programme=programme, participants=tuple(records(n))), whole)
    write_lines(header, lines, records=records(n))

    def from_document() -> ind.Results:
        dataset = read(whole)
        return ind.compute(ind.ESF_PLUS_2021, dataset.participants, period=PERIOD, as_of=AS_OF)

    def from_lines() -> ind.Results:
        stream = read_lines(lines)
        return ind.compute(ind.ESF_PLUS_2021, stream, period=PERIOD, as_of=AS_OF)

    for name, task in (("JSON document", from_document), ("JSON Lines", from_lines)):
        seconds, peak, result = measured(task)
        print(
            f"{n:>7} {name:14} {seconds:7.2f} s {seconds / n * 1e6:7.0f} µs/participant "
            f"peak {peak:8.1f} MB  EECO01 = {result['EECO01'].numerator}"
        )


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 50_000]
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            bench(size, Path(folder))
