"""Annual snapshots, corrections, and the final report derived from them."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import reporting as rep
from hankemalli.testing import strategies as hst

D = pendulum.date


def programme():
    return h.Programme(id="P", name="P", organisation="O", start=D(2015, 8, 1), end=D(2017, 12, 31))


def records(rec, job):
    return [
        rec("A", periods=((D(2015, 9, 1), D(2016, 2, 1)),), situations=(job(D(2016, 2, 10)),)),
        rec("B", periods=((D(2016, 3, 1), D(2016, 5, 1)), (D(2017, 3, 1), D(2017, 6, 1)))),
        rec("C", periods=((D(2017, 1, 1), D(2017, 12, 31)),), since=D(2015, 1, 1)),
    ]


def test_an_issued_annual_report_is_an_immutable_snapshot(rec, job):
    report = rep.issue_annual_report(
        programme(), records(rec, job), year=2016, as_of=D(2017, 1, 31), issued=D(2017, 2, 15)
    )
    assert report.period == h.indicators.ReportingPeriod.year(2016)
    assert report.results["COTOTAL"].numerator == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2017  # type: ignore[misc]


def test_the_first_year_is_clipped_to_the_programme_start(rec, job):
    years = rep.programme_years(programme(), D(2019, 1, 1))
    assert [(p.start, p.end) for p in years] == [
        (D(2015, 8, 1), D(2015, 12, 31)),
        (D(2016, 1, 1), D(2016, 12, 31)),
        (D(2017, 1, 1), D(2017, 12, 31)),
    ]


def test_final_figures_add_up_additive_figures_and_take_the_latest_cumulative(rec, job):
    people = records(rec, job)
    reports = rep.issue_annual_reports(
        programme(), people, as_of=D(2018, 6, 30), issued=D(2018, 7, 1)
    )
    final = rep.derive_final(reports, programme=programme(), records=people, as_of=D(2018, 6, 30))
    yearly = [r.results["COTOTAL"].numerator for r in reports]
    assert final["COTOTAL"].numerator == sum(yearly) == 3
    assert final["post_exit_contact"] == reports[-1].results["post_exit_contact"]
    assert final.differences == ()


def test_a_re_entry_after_an_issued_year_shows_as_a_difference_until_corrected(rec, job):
    people = records(rec, job)
    # B left in 2016 and came back in 2017: the 2016 report (early 2017) counted B as a leaver.
    reports = [
        rep.issue_annual_report(
            programme(), people, year=y, as_of=D(y + 1, 1, 31), issued=D(y + 1, 2, 1)
        )
        for y in (2015, 2016, 2017)
    ]
    final = rep.derive_final(reports, programme=programme(), records=people, as_of=D(2018, 6, 30))
    assert {"CRLEAVERS", "leavers"} <= {c.code for c in final.differences}
    leavers = next(c for c in final.differences if c.code == "CRLEAVERS")
    assert (leavers.derived.numerator, leavers.recomputed.numerator) == (4, 3)

    correction = rep.Correction(
        year=2016, code="CRLEAVERS", numerator=-1, reason="B came back in 2017", dated=D(2018, 3, 1)
    )
    fixed = rep.derive_final(
        reports, [correction], programme=programme(), records=people, as_of=D(2018, 6, 30)
    )
    assert "CRLEAVERS" not in [c.code for c in fixed.differences]
    assert fixed.corrections == (correction,)


def test_proposed_corrections_reconcile_the_reports_with_the_records(rec, job):
    people = records(rec, job)
    reports = [
        rep.issue_annual_report(
            programme(), people, year=y, as_of=D(y + 1, 1, 31), issued=D(y + 1, 2, 1)
        )
        for y in (2015, 2016, 2017)
    ]
    corrections = rep.propose_corrections(
        reports,
        people,
        programme=programme(),
        as_of=D(2018, 6, 30),
        dated=D(2018, 7, 1),
        reason="late data",
    )
    assert {(c.year, c.code, c.group) for c in corrections} >= {
        (2016, "CRLEAVERS", None),
        (2016, "CRLEAVERS", "woman"),
    }
    final = rep.derive_final(
        reports, corrections, programme=programme(), records=people, as_of=D(2018, 6, 30)
    )
    assert final.differences == ()
    # The snapshots themselves never changed.
    assert reports[1].results["CRLEAVERS"].numerator == 2


def test_a_correction_needs_a_reason_and_a_change():
    with pytest.raises(h.DataError) as caught:
        rep.Correction(year=2016, code="COTOTAL", numerator=0, reason=" ", dated=D(2017, 1, 1))
    assert len(caught.value.problems) == 2


def test_corrections_must_name_an_issued_year_and_a_known_code(rec, job):
    reports = rep.issue_annual_reports(
        programme(), records(rec, job), as_of=D(2018, 1, 1), issued=D(2018, 1, 1)
    )
    wrong = [
        rep.Correction(year=2014, code="COTOTAL", numerator=1, reason="x", dated=D(2018, 1, 1)),
        rep.Correction(year=2016, code="NOPE", numerator=1, reason="x", dated=D(2018, 1, 1)),
    ]
    with pytest.raises(h.DataError) as caught:
        rep.derive_final(reports, wrong, programme=programme())
    assert [str(p) for p in caught.value.problems] == [
        "$.corrections[0]: no annual report for 2014 was issued",
        "$.corrections[1].code: 'NOPE' is not in the catalogue",
    ]


# Properties ---------------------------------------------------------------------------------

PERIOD = (D(2015, 3, 1), D(2018, 10, 31))
as_ofs = st.dates(D(2015, 6, 1), D(2020, 6, 1)).map(lambda d: D(d.year, d.month, d.day))
# A final report comes after the programme: every year has its annual report.
after_the_end = st.dates(D(2018, 10, 31), D(2020, 6, 1)).map(lambda d: D(d.year, d.month, d.day))


@settings(max_examples=30)
@given(hst.datasets(period=PERIOD, max_participants=6), as_ofs)
def test_final_equals_the_recomputation_when_the_records_agree_with_the_reports(dataset, as_of):
    reports = rep.issue_annual_reports(
        dataset.programme, dataset.participants, as_of=as_of, issued=as_of
    )
    final = rep.derive_final(
        reports, programme=dataset.programme, records=dataset.participants, as_of=as_of
    )
    assert final.differences == ()


@settings(max_examples=30)
@given(hst.datasets(period=PERIOD, max_participants=6), after_the_end, st.integers(0, 400))
def test_proposed_corrections_always_reconcile(dataset, as_of, later):
    reports = rep.issue_annual_reports(
        dataset.programme, dataset.participants, as_of=as_of, issued=as_of
    )
    final_as_of = as_of.add(days=later)
    corrections = rep.propose_corrections(
        reports,
        dataset.participants,
        programme=dataset.programme,
        as_of=final_as_of,
        dated=final_as_of,
        reason="r",
    )
    final = rep.derive_final(
        reports,
        corrections,
        programme=dataset.programme,
        records=dataset.participants,
        as_of=final_as_of,
    )
    assert final.differences == ()


# The datasets here run 2015–2018: 2014–2020 programmes, with that period's set.
ADDITIVE_COUNTS = [
    i.code
    for i in (h.indicators.ESF_2014 + h.indicators.SEED_FIGURES).values()
    if i.additive and i.statistic.__class__.__name__ == "Count"
]


@settings(max_examples=30)
@given(
    hst.datasets(period=PERIOD, max_participants=6),
    after_the_end,
    st.sampled_from(ADDITIVE_COUNTS),
    st.integers(2015, 2018),
    st.sampled_from([-3, -2, -1, 1, 2, 3]),
)
def test_where_reports_and_records_disagree_the_final_report_names_the_figure(
    dataset, as_of, code, year, delta
):
    reports = rep.issue_annual_reports(
        dataset.programme, dataset.participants, as_of=as_of, issued=as_of
    )
    wrong = rep.Correction(year=year, code=code, numerator=delta, reason="a typo", dated=as_of)
    final = rep.derive_final(
        reports, [wrong], programme=dataset.programme, records=dataset.participants, as_of=as_of
    )
    [difference] = final.differences
    assert difference.code == code
    assert difference.derived.numerator - difference.recomputed.numerator == delta


def test_an_annual_report_counts_its_programme_targets_up_to_the_end_of_its_year():
    # The 2016 report given on 31 January 2017 counts up to 31 December 2016: the 11
    # people who joined in January 2017 are known on as_of but not in the year's figures.
    from hankemalli.demo import demo_dataset

    dataset = demo_dataset()
    report = rep.issue_annual_report(
        dataset.programme,
        dataset.participants,
        year=2016,
        as_of=D(2017, 1, 31),
        issued=D(2017, 2, 15),
    )
    [participants] = [
        a for a in report.attainments if a.target.metric is h.TargetMetric.PARTICIPANTS
    ]
    assert participants.period.end == D(2016, 12, 31)
    assert participants.value == 132
