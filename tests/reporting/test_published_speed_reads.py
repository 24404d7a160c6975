"""What a report set reads once (issue 14), and that it stays what each gives by itself.

The targets and each annual report both read a year's figures: they are worked out
once while the reports are issued, and afresh after (a run fed more records gives
its new figures). A published report's cells that show no withheld count are kept
as they are; only those that do are replaced.
"""

from __future__ import annotations

from collections import Counter

import pendulum
import pytest

from hankemalli import indicators as ind
from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.indicators import _engine
from hankemalli.reporting import _api
from hankemalli.reporting._cumulation import AnnualIssue
from hankemalli.reporting._published import ExactReport, _cells, protect_set

D = pendulum.date


def _issue(as_of: pendulum.Date) -> tuple[AnnualIssue, list[object]]:
    dataset = demo_dataset()
    issue = AnnualIssue(dataset.programme, as_of=as_of, issued=as_of)
    return issue, list(dataset.participants)


def test_each_years_figures_are_worked_out_once_for_the_targets_and_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_of = D(2019, 12, 31)
    issue, records = _issue(as_of)
    ind.feed(issue.runs, records)  # type: ignore[arg-type]
    worked_out: Counter[int] = Counter()
    results = _engine.Run.results

    def counted(run: _engine.Run) -> ind.Results:
        worked_out[id(run)] += 1
        return results(run)

    monkeypatch.setattr(_engine.Run, "results", counted)
    reports = issue.reports()
    years = issue.runs[: len(issue.periods)]
    assert years
    assert all(worked_out[id(run)] == 1 for run in years)
    # The same reports as issuing them anew gives.
    monkeypatch.setattr(_engine.Run, "results", results)
    dataset = demo_dataset()
    again = rep.issue_annual_reports(dataset.programme, records, as_of=as_of, issued=as_of)  # type: ignore[arg-type]
    assert reports == again


def test_a_years_figures_read_after_the_reports_are_those_of_the_records_fed_since() -> None:
    as_of = D(2019, 12, 31)
    issue, records = _issue(as_of)
    half = len(records) // 2
    ind.feed(issue.runs, records[:half])  # type: ignore[arg-type]
    first = issue.reports()
    ind.feed(issue.runs, records[half:])  # type: ignore[arg-type]
    second = issue.reports()
    whole = rep.issue_annual_reports(
        demo_dataset().programme,
        records,  # type: ignore[arg-type]
        as_of=as_of,
        issued=as_of,
    )
    assert second == whole
    assert first != second  # the first half alone gave other figures: nothing was kept
    year = issue.runs[0]
    assert year.results() == whole[0].results  # read again outside the reports: afresh


def test_a_public_report_replaces_the_cells_of_withheld_counts_and_keeps_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dataset = demo_dataset()
    as_of = D(dataset.programme.end.year + 1, 12, 31)
    given: list[tuple[list[ExactReport], tuple[rep.Report, ...]]] = []
    protect = protect_set

    def kept(reports: list[ExactReport], **options: object) -> tuple[rep.Report, ...]:
        found = protect(reports, **options)  # type: ignore[arg-type]
        given.append((reports, found))
        return found

    monkeypatch.setattr(_api, "protect_set", kept)
    rep.published_set(dataset, as_of=as_of, edition=rep.Edition.PUBLIC)
    [(built, protected)] = given
    replaced = same = rows_kept = 0
    for (exact_report, ledger), public in zip(built, protected, strict=True):
        shown = dict(_cells(public))
        withheld = {
            place
            for place, cell in _cells(exact_report)
            if isinstance(shown[place], rep.Withheld) and not isinstance(cell, rep.Withheld)
        }
        for place, cell in _cells(exact_report):
            if place in withheld:
                replaced += 1
                assert ledger.cells[id(cell)][1]  # a count noted, and withheld
            else:
                same += 1
                assert shown[place] is cell  # the very cell of the exact build
        # A row showing no withheld count is the exact build's own row.
        for s, section in enumerate(exact_report.sections):
            for b, block in enumerate(section.blocks):
                for r, row in enumerate(getattr(block, "rows", ())):
                    places = [p for p in withheld if p[:3] == (s, b, r)]
                    public_row = public.sections[s].blocks[b].rows[r]  # type: ignore[union-attr]
                    if not places:
                        assert public_row is row
                        rows_kept += 1
                    else:
                        assert public_row is not row
    assert replaced
    assert same
    assert rows_kept
