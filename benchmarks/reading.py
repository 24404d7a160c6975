"""Benchmark: reading and checking a register against the bare JSON parse (not a test).

Writes ``n`` generated participant records (those of ``benchmarks/indicators.py``)
under the demo programme, as a JSON document and as JSON Lines, then prints the
processor time (``time.process_time``, the best of several runs) of:

- ``orjson.loads`` of the document's bytes (if orjson is installed, else
  ``json.loads``) with the cyclic garbage collector paused, as hankemalli's
  reader pauses it: the floor; then the same as a plain call, and ``json.loads``;
- ``hankemalli.serialization.loads`` of the same bytes (parse, check, build);
- ``hankemalli.serialization.read_lines`` of the JSON Lines file, every record
  read and let go (as a program streaming a register does);

and each one's ratio to the floor (issue 14: reading + validation within 5x of
``orjson``). Both hankemalli readers are checked to give the same records (up to
20,000 participants; above that, only as many).

An A/B of two versions of the library: run the script under each, on the same
documents, e.g. with the committed version unpacked beside the work tree::

    git archive HEAD src | tar -x -C /tmp/base
    python benchmarks/reading.py --keep /tmp/reading 10000          # this version
    PYTHONPATH=/tmp/base/src python benchmarks/reading.py --keep /tmp/reading 10000

Run:  python benchmarks/reading.py                 (10 000 participants, best of 5)
      python benchmarks/reading.py 1000 100000 --runs 3
      python benchmarks/reading.py --keep /tmp/reading 10000   (write once, reuse)
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hankemalli
from hankemalli import Dataset
from hankemalli.demo import demo_dataset
from hankemalli.serialization import loads, read_lines, write, write_lines

sys.path.insert(0, str(Path(__file__).resolve().parent))
from indicators import records


def documents(n: int, folder: Path) -> tuple[Path, Path]:
    """The document and the JSON Lines file of ``n`` records in ``folder`` (written if missing)."""
    whole, lines = folder / f"{n}.json", folder / f"{n}.jsonl"
    if not (whole.exists() and lines.exists()):
        programme = demo_dataset().programme
        write(Dataset(programme=programme, participants=tuple(records(n))), whole)
        write_lines(Dataset(programme=programme), lines, records=records(n))
    return whole, lines


def best(task: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The least processor time of ``runs`` runs of ``task``, and its last result.

    Each run starts with a collection, so that the garbage of the run before is not
    counted in this one.
    """
    times = []
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        started = time.process_time()
        result = task()
        times.append(time.process_time() - started)
    return min(times), result


def paused(task: Callable[[], Any]) -> Callable[[], Any]:
    """``task`` run with the cyclic garbage collector paused, as ``loads`` runs."""

    def run() -> Any:
        gc.disable()
        try:
            return task()
        finally:
            gc.enable()

    return run


def bench(n: int, folder: Path, runs: int) -> None:
    """Time every reader on ``n`` records and print one table."""
    whole, lines = documents(n, folder)
    data = whole.read_bytes()
    rows: list[tuple[str, float]] = []
    try:
        import orjson

        parse: Callable[[bytes], Any] = orjson.loads
        name = "orjson.loads"
    except ImportError:
        parse, name = json.loads, "json.loads"
    # The floor: the parse alone, the collector paused as hankemalli pauses it (at
    # 100,000 participants a plain parse spends half its time in the collector).
    rows.append((f"{name}, collector paused", best(paused(lambda: parse(data)), runs)[0]))
    rows.append((name, best(lambda: parse(data), runs)[0]))
    if name != "json.loads":
        rows.append(("json.loads", best(lambda: json.loads(data), runs)[0]))
    seconds, dataset = best(lambda: loads(data), runs)
    rows.append(("hankemalli loads", seconds))
    # Streamed as a program streams it: each record let go once it is counted.
    seconds, count = best(lambda: sum(1 for _ in read_lines(lines)), runs)
    rows.append(("hankemalli read_lines", seconds))
    if count != n or len(dataset.participants) != n:
        raise SystemExit("a reader lost records")
    if n <= 20_000 and tuple(read_lines(lines)) != dataset.participants:
        raise SystemExit("read_lines and loads gave different records")
    floor = rows[0][1]
    print(f"\n{n:,} participants ({len(data) / 1e6:.1f} MB), best of {runs}, processor time")
    print(f"{'':34} {'seconds':>9} {'µs each':>9} {'× floor':>8}")
    for label, seconds in rows:
        print(f"{label:34} {seconds:9.3f} {1e6 * seconds / n:9.1f} {seconds / floor:8.2f}")


def main() -> None:
    """Write the documents and print a table for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--runs", type=int, default=5, help="runs per reader (the best counts)")
    parser.add_argument("--keep", type=Path, help="folder for the documents (kept, reused)")
    args = parser.parse_args()
    print(f"hankemalli from {Path(hankemalli.__file__).parent}")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            bench(n, args.keep, args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            bench(n, Path(folder), args.runs)


if __name__ == "__main__":
    main()
