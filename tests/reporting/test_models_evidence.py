"""The evidence table of the models section: shares, intervals and verdicts (reporting/_models.py).

Each criterion shows both groups' figures, each group's share with its 95 % interval,
the difference with its interval and the verdict, in the report's language; a
paragraph says the comparison is observational and how the intervals are computed.
"""

from __future__ import annotations

import pendulum
import pytest

from hankemalli import indicators as ind
from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset

D = pendulum.date


@pytest.fixture(scope="module")
def blocks() -> tuple[rep.Block, ...]:
    dataset = demo_dataset()
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    return rep.model_blocks(dataset, period=period, as_of=D(2019, 12, 31), threshold=5)


def evidence_table(blocks) -> rep.Table:
    (table,) = [
        b
        for b in blocks
        if isinstance(b, rep.Table) and b.title and b.title.en.startswith("Results with")
    ]
    return table


def test_each_criterion_shows_both_shares_their_intervals_the_difference_and_the_verdict(
    blocks,
) -> None:
    table = evidence_table(blocks)
    assert [c.en for c in table.columns] == [
        "Used the model",
        "Others",
        "Used the model, 95% interval",
        "Others, 95% interval",
        "Difference, 95% interval",
        "Comparison",
    ]
    placement = table.rows[0]
    used, others, used_ci, others_ci, difference, verdict = placement.cells
    assert (used, others) == (rep.Ratio(30, 74), rep.Ratio(55, 196))
    # The intervals are the evidence's own, in per cent and percentage points.
    assert isinstance(used_ci, rep.Estimate)
    wilson = ind.wilson(30, 74)
    assert (used_ci.value, used_ci.low, used_ci.high) == pytest.approx(
        (100 * wilson.estimate, 100 * wilson.lower, 100 * wilson.upper)
    )
    assert (used_ci.unit.en, used_ci.signed) == ("%", False)  # type: ignore[union-attr]
    assert isinstance(difference, rep.Estimate)
    newcombe = ind.newcombe_difference((30, 74), (55, 196))
    assert (difference.low, difference.high) == pytest.approx(
        (100 * newcombe.lower, 100 * newcombe.upper)
    )
    assert difference.signed
    assert (difference.unit.fi, difference.unit.en) == ("%-yks.", "pp")  # type: ignore[union-attr]
    assert others_ci is not None
    assert verdict == rep.Text(ind.Labels(fi="näyttö tukee", sv="belägg stöder", en="supported"))


def test_an_inconclusive_difference_is_said_in_every_language(blocks) -> None:
    # In education or training upon leaving: 9 of 71 against 12 of 168, +5.5 points,
    # an interval from below zero (the demo's programme is of 2014-2020: CR02).
    rows = {r.label.en: r for r in evidence_table(blocks).rows}  # type: ignore[union-attr]
    row = rows["Participants in education or training upon leaving"]
    assert row.cells[:2] == (rep.Ratio(9, 71), rep.Ratio(12, 168))
    difference = row.cells[4]
    assert isinstance(difference, rep.Estimate)
    assert difference.low < 0 < difference.high
    assert row.cells[5] == rep.Text(
        ind.Labels(fi="ei selvää eroa", sv="ingen klar skillnad", en="inconclusive")
    )


def test_a_withheld_group_withholds_its_intervals_too(blocks) -> None:
    # 2 of 71 gained a qualification: the share, its interval and the difference would
    # each tell the small count.
    withheld = [r for r in evidence_table(blocks).rows if isinstance(r.cells[0], rep.Withheld)]
    assert withheld
    for row in withheld:
        assert all(isinstance(c, rep.Withheld) for c in row.cells[:5])
        assert row.cells[5] == rep.Text(
            ind.Labels(
                fi="liian vähän vertailuun", sv="för få för jämförelse", en="too few to compare"
            )
        )


def test_the_table_is_followed_by_the_observational_caveat_in_each_language(blocks) -> None:
    at = blocks.index(evidence_table(blocks))
    paragraph = blocks[at + 1]
    assert isinstance(paragraph, rep.Paragraph)
    said = paragraph.text
    assert said.en.startswith("The comparison is observational: people chose, or were chosen")
    assert "not proof that the model caused it" in said.en
    assert "Wilson's (1927)" in said.en
    assert "Newcombe's method 10 (1998)" in said.en
    assert said.fi.startswith("Vertailu perustuu havaintoihin")
    assert "eikä ero todista, että malli aiheutti sen" in said.fi
    assert "Newcomben menetelmällä 10 (1998)" in said.fi
    assert said.sv.startswith("Jämförelsen bygger på observationer")
    assert "bevisar inte att modellen orsakade den" in said.sv
    assert "färre än 5 personer" in said.sv


def test_the_assessment_shows_the_evidence_as_a_whole(blocks) -> None:
    (assessment,) = [
        b
        for b in blocks
        if isinstance(b, rep.Table) and b.title and b.title.en == "Transferability"
    ]
    row = {r.label.en: r for r in assessment.rows}["Evidence from the records"]  # type: ignore[union-attr]
    assert row.cells == (
        rep.Text(ind.Labels(fi="näyttö tukee", sv="belägg stöder", en="supported")),
    )


def test_a_mean_shows_its_intervals_in_its_unit_and_the_difference_signed() -> None:
    from hankemalli.reporting._models import _evidence_row

    dataset = demo_dataset()
    service = dataset.operating_model("kaiku-malli").services[0]  # rehabilitative work
    days = ind.Criterion(
        indicator=ind.Indicator(
            code="days",
            labels=ind.Labels(fi="päivät", sv="dagar", en="days"),
            statistic=ind.Mean(measure=ind.DaysInService(services=(service,))),
            scope=ind.Scope.LEFT_BY_END,
        ),
        better=ind.Direction.LOWER,
    )
    found = ind.evidence(
        dataset.operating_model("kaiku-malli"),
        dataset.participants,
        period=ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end),
        as_of=D(2019, 12, 31),
        among=ind.UsedService(services=(service,)),
        criteria=(days,),
    )
    row = _evidence_row(found["days"], 5)
    used_ci, difference = row.cells[2], row.cells[4]
    assert isinstance(used_ci, rep.Estimate)
    assert isinstance(difference, rep.Estimate)
    assert (used_ci.places, used_ci.unit.en, used_ci.signed) == (0, "days", False)  # type: ignore[union-attr]
    assert difference.signed
    assert difference.high < 0  # fewer days with job coaching, beyond chance
    assert row.cells[5] == rep.Text(
        ind.Labels(fi="näyttö tukee", sv="belägg stöder", en="supported")
    )


def test_under_linked_protection_the_intervals_and_verdict_go_with_the_counts() -> None:
    # While a report set is protected as a whole, the cells are built exact and noted;
    # an interval, the difference and the verdict tell the counts they are worked out
    # from, so they are noted as showing them, and the two groups add up to everyone.
    from hankemalli.reporting._build import Ledger, recording, stop_recording
    from hankemalli.reporting._models import _evidence_row

    dataset = demo_dataset()
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    found = ind.evidence(
        dataset.operating_model("kaiku-malli"),
        dataset.participants,
        period=period,
        as_of=D(2019, 12, 31),
    )
    placement = found["placement"]
    ledger = Ledger(report="final")
    everyone = ("final", "placement", None, "share_n")
    ledger.values[everyone] = placement.overall.numerator  # as the results section shows it
    token = recording(ledger)
    try:
        row = _evidence_row(placement, 5, "kaiku-malli")
    finally:
        stop_recording(token)
    used = ("final", "placement", "kaiku-malli:used", "share_n")
    others = ("final", "placement", "kaiku-malli:not_used", "share_n")
    assert (ledger.values[used], ledger.values[others]) == (30, 55)
    assert ((everyone, 1), (used, -1), (others, -1)) in ledger.relations
    noted = {id(c): v for c, v in ledger.cells.values()}
    used_ci, others_ci, difference, verdict = row.cells[2:]
    assert used in noted[id(used_ci)]
    assert others not in noted[id(used_ci)]
    assert others in noted[id(others_ci)]
    assert used not in noted[id(others_ci)]
    assert {used, others} <= set(noted[id(difference)])
    assert {used, others} <= set(noted[id(verdict)])
