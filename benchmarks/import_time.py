"""Benchmark: how long ``import hankemalli`` takes (not a test).

Starts a fresh interpreter for each sample and times the import statement in it,
so the interpreter's own start-up is left out (``python -X importtime -c "import
hankemalli"`` shows where the time goes); prints the median and the spread, and the same for each
layer that is loaded on first use (rules, indicators, reporting) and for the
serialization edge. Issue 14's goal: ``import hankemalli`` under 150 ms.

Run:  python benchmarks/import_time.py        (21 samples)
      python benchmarks/import_time.py 51     (more samples)
"""

from __future__ import annotations

import statistics
import subprocess
import sys

MODULES = (
    "hankemalli",
    "hankemalli.rules",
    "hankemalli.indicators",
    "hankemalli.reporting",
    "hankemalli.serialization",
)


def sample(module: str) -> float:
    """Milliseconds to import ``module`` (and what it needs) in a new interpreter."""
    code = (
        "import time\n"
        "start = time.perf_counter()\n"
        f"import {module}\n"
        "print(1000 * (time.perf_counter() - start))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout)


def main() -> None:
    """Print the median, lowest and highest import time of each module."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    print(f"{'module (with what it needs)':32} {'median ms':>10} {'min':>8} {'max':>8}")
    for module in MODULES:
        times = [sample(module) for _ in range(runs)]
        print(f"{module:32} {statistics.median(times):10.1f} {min(times):8.1f} {max(times):8.1f}")


if __name__ == "__main__":
    main()
