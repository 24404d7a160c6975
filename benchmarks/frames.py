"""Benchmark: participant records and figures as frames in each dataframe library (not a test).

Generates participant records in memory with the generator of ``benchmarks/indicators.py``
(plausible, random, seeded), then times :mod:`hankemalli.frames` making the
participants, episodes, situations and events frames, and the figures of the full
catalogue, in pandas, polars and pyarrow (each one that is installed).

Run:  python benchmarks/frames.py            (10 000 participants)
      python benchmarks/frames.py 1000 50000 (other sizes)
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pendulum

from hankemalli import frames
from hankemalli import indicators as ind


def _generator() -> ModuleType:
    # The records of the indicators benchmark, loaded by file: benchmarks/ is no package.
    path = Path(__file__).with_name("indicators.py")
    spec = importlib.util.spec_from_file_location("benchmark_indicators", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench(n: int) -> None:
    """Time every frame over ``n`` records in each installed library."""
    generator = _generator()
    data = list(generator.records(n))
    as_of = pendulum.date(2019, 12, 31)
    period = ind.ReportingPeriod(start=generator.START, end=generator.END)
    results = ind.compute(generator.CATALOGUE, data, period=period, as_of=as_of)
    made = {
        "participants": lambda b: frames.participants(data, backend=b, as_of=as_of),
        "episodes": lambda b: frames.episodes(data, backend=b),
        "situations": lambda b: frames.situations(data, backend=b),
        "events": lambda b: frames.events(data, backend=b),
        "figures": lambda b: frames.figures(results, backend=b, catalogue=generator.CATALOGUE),
    }
    for backend in frames.BACKENDS:
        needs = ("pandas", "pyarrow") if backend == "pandas" else (backend,)
        if any(importlib.util.find_spec(name) is None for name in needs):
            print(f"{backend:>8}: not installed, skipped")
            continue
        made["figures"](backend)  # imports the library outside the timing
        timings = []
        for name, make in made.items():
            started = time.perf_counter()
            frame = make(backend)
            elapsed = time.perf_counter() - started
            rows = frame.num_rows if backend == "pyarrow" else len(frame)
            timings.append(f"{name} {elapsed:5.2f} s ({rows} rows)")
        total = sum(float(t.split()[1]) for t in timings)
        print(f"{n:>7} participants, {backend:>8}: {total:5.2f} s in all; " + "; ".join(timings))


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    for size in sizes:
        bench(size)
