"""The aggregate checks' findings: where they point and what they say (indicators/_checks.py).

A broken check in a breakdown group points into that group; every finding is an
error that names the figures and their numbers.
"""

from __future__ import annotations

import pendulum

from hankemalli import indicators as ind
from hankemalli.rules import Severity

D = pendulum.date
S = ind.Statistic
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
TOTAL = ind.Indicator(code="total", labels=LABELS, statistic=ind.Count())
PART = ind.Indicator(code="part", labels=LABELS, statistic=ind.Count(), within="total")
RATE = ind.Indicator(
    code="rate", labels=LABELS, statistic=ind.Share(of=ind.Everyone()), within="total"
)


def results(overall, **groups) -> ind.Results:
    return ind.Results(
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2017, 1, 1),
        rules=ind.CountingRules(),
        figures=tuple(overall),
        groups=tuple((name, tuple(figures)) for name, figures in groups.items()),
    )


def count(code: str, n: int) -> ind.Figure:
    return ind.Figure(code=code, statistic=S.COUNT, numerator=n)


def share(code: str, numerator: int, denominator: int) -> ind.Figure:
    return ind.Figure(code=code, statistic=S.SHARE, numerator=numerator, denominator=denominator)


def said(findings):
    return [(f.rule, f.severity, f.path, f.message) for f in findings]


def test_a_share_above_its_base_is_an_error_that_gives_both_numbers() -> None:
    found = ind.check_results(results([share("rate", 5, 4), count("total", 9)]), [TOTAL, RATE])
    assert said(found) == [
        (
            "aggregate.numerator_within_denominator",
            Severity.ERROR,
            ("rate",),
            "rate: 5 is more than its base 4",
        )
    ]


def test_a_subgroup_above_its_total_is_an_error_that_names_both() -> None:
    found = ind.check_results(results([count("total", 2), count("part", 3)]), [TOTAL, PART])
    assert said(found) == [
        (
            "aggregate.subgroup_within_total",
            Severity.ERROR,
            ("part",),
            "part (3) is more than total (2), which contains it",
        )
    ]


def test_a_figure_equal_to_its_total_or_base_is_consistent() -> None:
    figures = [count("total", 3), count("part", 3), share("rate", 3, 3)]
    assert ind.check_results(results(figures), [TOTAL, PART, RATE]) == ()


def test_a_broken_check_in_a_group_points_into_that_group() -> None:
    consistent = [count("total", 4), count("part", 2)]
    found = ind.check_results(
        results(
            consistent,
            man=[count("total", 1), count("part", 1)],
            woman=[count("total", 1), count("part", 2)],
        ),
        [TOTAL, PART],
    )
    assert [(f.rule, f.path) for f in found] == [
        ("aggregate.subgroup_within_total", ("groups", "woman", "part"))
    ]


def test_figures_the_indicators_do_not_define_are_not_checked() -> None:
    assert ind.check_results(results([share("rate", 5, 4)]), [TOTAL]) == ()
