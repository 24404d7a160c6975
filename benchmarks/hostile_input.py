"""Reading a document with N invalid participant entries: time, peak memory, message.

    python benchmarks/hostile_input.py 200000

Each entry has three problems (a text age, an unknown gender, a bad entry date), so
200,000 entries make 600,000 problems. The reader keeps the first 100 of them and
counts the rest (issue 11: before, 35 MB of message and over 600 MB at the peak).
A benchmark, not a test: run it by hand and compare.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc

from hankemalli import DataError
from hankemalli.serialization import loads


def _entry(i: int) -> dict[str, object]:
    return {
        "participant": {"id": f"K-{i}", "age_at_entry": "x"},
        "profile": {"gender": "x"},
        "periods": [{"entry": "bad"}],
    }


def main(n: int) -> None:
    """Read a document of ``n`` invalid entries twice, plainly and under tracemalloc."""
    programme = {
        "id": "p",
        "name": "P",
        "organisation": "O",
        "start": "2015-01-01",
        "end": "2018-12-31",
    }
    document = {
        "schema_version": 2,
        "programme": programme,
        "participants": [_entry(i) for i in range(n)],
    }
    text = json.dumps(document).encode()
    print(f"document: {len(text):,} bytes, {n:,} invalid entries")
    for traced in (False, True):
        if traced:
            tracemalloc.start()
        began = time.perf_counter()
        try:
            loads(text)
        except DataError as error:
            caught = error
        else:
            raise SystemExit("the document was read: it should not have been")
        took = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
        how = "with tracemalloc" if traced else "plain"
        print(
            f"{how}: {took:.2f} s, peak {peak / 1e6:.0f} MB (traced runs only), message "
            f"{len(str(caught)):,} characters, {len(caught.problems):,} problems shown "
            f"of {caught.count:,}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
