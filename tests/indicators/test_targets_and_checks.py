"""Target attainment and the aggregate (Annex D) checks."""

from __future__ import annotations

import pendulum
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date


def prosessi(targets):
    return h.Programme(
        id="PROSESSI",
        name="PROSESSI",
        organisation="Kulttuurivoimala ry",
        start=D(2015, 11, 1),
        end=D(2017, 12, 31),
        targets=targets,
    )


YEARLY = h.Target(metric=h.TargetMetric.PARTICIPANTS, per=h.TargetPeriod.YEAR, minimum=2, maximum=3)
AT_A_TIME = h.Target(
    metric=h.TargetMetric.AVERAGE_CONCURRENT, per=h.TargetPeriod.YEAR, minimum=1, maximum=2
)


def test_attainment_per_year_below_within_above(rec):
    records = [
        rec("A", periods=((D(2015, 11, 2), D(2016, 12, 31)),)),
        rec("B", periods=((D(2016, 1, 1), D(2016, 12, 31)),)),
        rec("C", periods=((D(2016, 1, 1), D(2016, 12, 31)),)),
        rec("D", periods=((D(2016, 1, 1), D(2016, 12, 31)),)),
        rec("E", periods=((D(2017, 1, 1), D(2017, 2, 1)),)),
        rec("F", periods=((D(2017, 1, 1), D(2017, 2, 1)),)),
    ]
    found = ind.assess_targets(prosessi((YEARLY,)), records, as_of=D(2018, 1, 1))
    assert [(a.period.start.year, a.value, a.level, a.partial) for a in found] == [
        (2015, 1, ind.AttainmentLevel.BELOW, True),
        (2016, 4, ind.AttainmentLevel.ABOVE, False),
        (2017, 2, ind.AttainmentLevel.WITHIN, False),
    ]


def test_average_at_a_time_target(rec):
    records = [rec(f"P{i}", periods=((D(2016, 1, 1), D(2016, 12, 31)),)) for i in range(3)]
    by_year = {
        a.period.start.year: a
        for a in ind.assess_targets(prosessi((AT_A_TIME,)), records, as_of=D(2018, 1, 1))
    }
    assert by_year[2016].value == 3
    assert by_year[2016].level is ind.AttainmentLevel.ABOVE
    assert by_year[2017].level is ind.AttainmentLevel.BELOW


def test_targets_stop_at_as_of(rec):
    found = ind.assess_targets(prosessi((YEARLY,)), [], as_of=D(2016, 6, 30))
    assert [(a.period.start, a.period.end, a.partial) for a in found] == [
        (D(2015, 11, 1), D(2015, 12, 31), True),
        (D(2016, 1, 1), D(2016, 6, 30), True),
    ]


def test_aggregate_check_finds_a_subgroup_larger_than_its_total(rec):
    # A badly defined catalogue: "unemployed" said to be within "inactive".
    broken = ind.Catalogue(
        name="broken",
        version="1",
        indicators=(
            evolve(ind.ESF_PLUS_2021["EECO04"], within=None),
            evolve(ind.ESF_PLUS_2021["EECO02"], within="EECO04"),
        ),
    )
    result = ind.compute(
        broken, [rec("A"), rec("B")], period=ind.ReportingPeriod.year(2016), as_of=D(2018, 1, 1)
    )
    findings = ind.check_results(result, broken)
    assert [(f.rule, f.path) for f in findings] == [
        ("aggregate.subgroup_within_total", ("EECO02",))
    ]


def test_aggregate_checks_pass_on_consistent_figures(rec, job):
    records = [
        rec("A", situations=(job(D(2016, 6, 2)),)),
        rec("B", status=h.LabourMarketStatus.EMPLOYED),
    ]
    catalogue = ind.ESF_PLUS_2021
    result = ind.compute(
        catalogue,
        records,
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2018, 1, 1),
        breakdown=ind.ByAgeBand(),
    )
    assert ind.check_results(result, catalogue) == ()


def test_a_share_above_its_base_is_flagged():
    figure = ind.Figure(code="placement", statistic=ind.Statistic.SHARE, numerator=5, denominator=4)
    results = ind.Results(
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2017, 1, 1),
        rules=ind.CountingRules(),
        figures=(figure,),
    )
    assert [f.rule for f in ind.check_results(results, ind.SEED_FIGURES)] == [
        "aggregate.numerator_within_denominator"
    ]
