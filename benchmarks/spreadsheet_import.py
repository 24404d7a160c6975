"""Importing a workbook of N participants: time and peak memory (not a test).

The records are the KAIKU demo's 270, copied under new pseudonyms until there are N,
so each has the demo's periods, episodes, situations, events and assessments. The
dataset is written as an Excel workbook and as a folder of CSV files
(:func:`hankemalli.spreadsheet.write_workbook`), then each is read back with
:func:`hankemalli.spreadsheet.read_workbook`, once plainly and once under tracemalloc.
Times are processor time; the clock's is shown too (longer on a shared machine).

Run:  python benchmarks/spreadsheet_import.py          (5,000 participants)
      python benchmarks/spreadsheet_import.py 20000
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from attrs import evolve

from hankemalli import Dataset
from hankemalli.demo import demo_dataset
from hankemalli.spreadsheet import read_workbook, write_workbook


def dataset_of(n: int) -> Dataset:
    """The demo dataset with its records copied under new pseudonyms up to ``n``."""
    demo = demo_dataset()
    records = []
    for index in range(n):
        record = demo.participants[index % len(demo.participants)]
        participant = evolve(record.participant, id=f"{record.id}-{index // 270}")
        records.append(evolve(record, participant=participant))
    return evolve(demo, participants=tuple(records))


def main(n: int) -> None:
    """Write ``n`` participants as a workbook and CSV files, then time reading each."""
    dataset = dataset_of(n)
    with tempfile.TemporaryDirectory() as folder:
        for name in (f"{n}.xlsx", f"csv-{n}"):
            path = Path(folder) / name
            began = time.process_time()
            write_workbook(dataset, path)
            wrote = time.process_time() - began
            size = (
                path.stat().st_size
                if path.is_file()
                else sum(p.stat().st_size for p in path.glob("*.csv"))
            )
            rows = sum(
                len(getattr(record, key))
                for record in dataset.participants
                for key in ("periods", "episodes", "situations", "events")
            )
            print(
                f"{name}: {n:,} participants ({rows:,} rows besides theirs), "
                f"{size / 1e6:.1f} MB, written in {wrote:.1f} s of processor time"
            )
            for traced in (False, True):
                if traced:
                    tracemalloc.start()
                began, cpu = time.perf_counter(), time.process_time()
                read = read_workbook(path)
                took, used = time.perf_counter() - began, time.process_time() - cpu
                peak = tracemalloc.get_traced_memory()[1] if traced else 0
                tracemalloc.stop()
                assert read == dataset, "the workbook did not read back as written"
                how = f"with tracemalloc, peak {peak / 1e6:.0f} MB" if traced else "plain"
                print(
                    f"  read {how}: {used:.1f} s of processor time ({used / n * 1000:.2f} ms a "
                    f"participant), {took:.1f} s on the clock"
                )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
