"""How many counts the demo's published set withholds, protected table by table or together.

Run: ``.venv/bin/python benchmarks/disclosure.py``. The demo's reports (every annual
report as of the January after its year, and the final report with its corrections,
as ``hankemalli demo`` builds them) are protected two ways:

- *before*: each table alone (:func:`hankemalli.reporting.protect`), as the
  builders did until issue 13;
- *after*: the whole set together (:func:`hankemalli.reporting.published_set`).

For each, the cells that show a count of people, a share or an estimate, how many
are withheld (•); the different counts of people, how many are withheld, and how many
withheld counts an attacker can still work out exactly from the whole set: by linear
algebra alone, and with counts known not to be negative (the audit of
:func:`hankemalli.reporting._linked.determined` with the true values: the lowest and the
highest value of each withheld count are equal), over the identities of
:mod:`hankemalli.reporting._published`, the corrections of the final report included.
Those of them that are small (1 to 4) are the disclosures that matter.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from hankemalli.cli import demo_set_up
from hankemalli.reporting import (
    Report,
    annual_document,
    final_document,
    model_blocks,
)
from hankemalli.reporting._api import published_set
from hankemalli.reporting._cumulation import catalogue_for, derive_final
from hankemalli.reporting._linked import determined
from hankemalli.reporting._published import (
    _bases,
    _cumulation,
    _known,
    _model_groups,
    _partitions,
    _subsets,
    counts_of,
    exact,
)


def main() -> None:
    """Print the counts withheld before and after, and the time protection took."""
    # The demo's published history, as `hankemalli demo` builds it.
    dataset, snapshots, corrections, as_of = demo_set_up("en")
    programme = dataset.programme
    catalogue = catalogue_for(programme)
    final = derive_final(
        snapshots, corrections, programme=programme, records=dataset.participants, as_of=as_of
    )

    def annual(s, threshold: int = 5) -> Report:  # type: ignore[no-untyped-def]
        models = model_blocks(dataset, period=s.period, as_of=s.as_of, threshold=threshold)
        return annual_document(s, programme, threshold=threshold, models=models)

    def whole(threshold: int = 5) -> Report:
        models = model_blocks(dataset, period=final.period, as_of=as_of, threshold=threshold)
        return final_document(final, snapshots, programme, threshold=threshold, models=models)

    before = [*(annual(s) for s in snapshots), whole()]
    rebuilt = [*(exact(("annual", s.year), lambda s=s: annual(s)) for s in snapshots)]
    rebuilt.append(exact(("final",), whole))
    start = time.perf_counter()
    after = published_set(
        dataset, as_of=as_of, reports=snapshots, corrections=corrections, threshold=5
    )
    seconds = time.perf_counter() - start

    ledgers = [ledger for _, ledger in rebuilt]
    for ledger in ledgers:  # every identity protect_set uses, inequalities included
        _partitions(ledger)
        _bases(ledger)
        _model_groups(ledger)
        _subsets(ledger, catalogue)
    relations = [r for ledger in ledgers for r in ledger.relations]
    relations += _cumulation(ledgers[-1], ledgers[:-1], catalogue)
    values = {v: n for ledger in ledgers for v, n in ledger.values.items()}
    signed = {v for ledger in ledgers for v in ledger.signed}
    unshown = {v for ledger in ledgers for v in ledger.unshown | ledger.auxiliary}

    def line(name: str, reports: Sequence[Report]) -> None:
        shown = hidden = 0
        known: dict[object, bool] = {}
        for report, exact_report in zip(reports, rebuilt, strict=True):
            c = counts_of(report)
            shown, hidden = shown + c["shown"], hidden + c["withheld"]
            known |= _known(report, exact_report)
        # never shown: a change to a gender group, the rest of a count within another
        secret = {v for v, seen in known.items() if not seen} | unshown
        linear = determined(secret, relations) - unshown
        bounded = determined(secret, relations, values, signed=signed) - unshown
        small = {v for v in bounded if 0 < abs(values[v]) < 5}
        secret -= unshown
        print(
            f"{name:7} {shown + hidden:5} cells, {hidden:4} withheld "
            f"({100 * hidden / (shown + hidden):.1f} %); {len(secret)} of {len(known)} counts"
            f" withheld ({100 * len(secret) / len(known):.1f} %); derivable from the set:"
            f" {len(linear)} by linear algebra, {len(bounded)} with bounds,"
            f" {len(small)} of them small"
        )

    line("before", before)
    line("after", after)
    for report in after:
        d = report.disclosure
        assert d is not None
        print(
            f"  {report.kind.value:6} {report.period.end.year}: {d.withheld}/{d.counts} counts"
            f" withheld ({float(100 * d.share):.1f} %;"
            f" primary {d.primary}, secondary {d.secondary})"
        )
    print(f"published set built and protected in {seconds:.1f} s")


if __name__ == "__main__":
    main()
