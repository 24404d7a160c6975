"""The rules of target attainment, one test each (indicators/_targets.py).

A target's range includes its ends; a yearly target is assessed for each year and a
programme target once, up to ``until`` (or ``as_of``); placements are counted as
persons placed; the counting rules given are the ones used.
"""

from __future__ import annotations

from fractions import Fraction

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
START, END = D(2015, 11, 1), D(2017, 12, 31)
LEVEL = ind.AttainmentLevel


def programme(*targets: h.Target) -> h.Programme:
    return h.Programme(
        id="PROSESSI", name="PROSESSI", organisation="Kulttuurivoimala ry", start=START, end=END,
        targets=targets,
    )  # fmt: skip


def yearly(minimum: int | None = None, maximum: int | None = None) -> h.Target:
    return h.Target(
        metric=h.TargetMetric.PARTICIPANTS, per=h.TargetPeriod.YEAR, minimum=minimum,
        maximum=maximum,
    )  # fmt: skip


def whole(metric: h.TargetMetric = h.TargetMetric.PARTICIPANTS, minimum: int = 1) -> h.Target:
    return h.Target(metric=metric, per=h.TargetPeriod.PROGRAMME, minimum=minimum)


def in_2016(rec, n: int) -> list[h.Participation]:
    return [rec(f"P{i}", periods=((D(2016, 2, 1), D(2016, 5, 31)),)) for i in range(n)]


def attainment_2016(target: h.Target, records) -> ind.Attainment:
    found = ind.assess_targets(programme(target), records, as_of=D(2018, 1, 1))
    (attained,) = [a for a in found if a.period.start.year == 2016]
    return attained


def test_a_figure_equal_to_the_targets_maximum_is_within_the_target(rec) -> None:
    attained = attainment_2016(yearly(minimum=2, maximum=3), in_2016(rec, 3))
    assert (attained.value, attained.level) == (3, LEVEL.WITHIN)


def test_a_figure_equal_to_the_targets_minimum_is_within_the_target(rec) -> None:
    attained = attainment_2016(yearly(minimum=2, maximum=3), in_2016(rec, 2))
    assert (attained.value, attained.level) == (2, LEVEL.WITHIN)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # rec is stateless
@given(
    value=st.integers(min_value=0, max_value=6),
    minimum=st.none() | st.integers(min_value=0, max_value=6),
    maximum=st.none() | st.integers(min_value=0, max_value=6),
)
def test_a_figure_is_below_within_or_above_its_closed_range(rec, value, minimum, maximum) -> None:
    if minimum is None and maximum is None:
        minimum = 0
    if minimum is not None and maximum is not None and minimum > maximum:
        minimum, maximum = maximum, minimum
    attained = attainment_2016(yearly(minimum, maximum), in_2016(rec, value))
    expected = (
        LEVEL.BELOW
        if minimum is not None and value < minimum
        else LEVEL.ABOVE
        if maximum is not None and value > maximum
        else LEVEL.WITHIN
    )
    assert attained.level is expected


def test_an_attainment_names_its_target_and_the_figure_it_was_measured_by(rec) -> None:
    target = yearly(minimum=1)
    attained = attainment_2016(target, in_2016(rec, 2))
    assert attained.target == target
    assert (attained.figure.code, attained.figure.numerator) == ("participants", 2)


def test_a_programme_target_is_assessed_once_over_the_programme_so_far(rec) -> None:
    records = in_2016(rec, 2)
    (attained,) = ind.assess_targets(programme(whole(minimum=3)), records, as_of=D(2016, 6, 30))
    assert (attained.period.start, attained.period.end) == (START, D(2016, 6, 30))
    assert attained.partial is True
    assert (attained.value, attained.level) == (2, LEVEL.BELOW)


def test_a_programme_target_known_to_its_last_day_is_not_partial(rec) -> None:
    for as_of in (END, D(2019, 1, 1)):
        (attained,) = ind.assess_targets(programme(whole()), in_2016(rec, 1), as_of=as_of)
        assert (attained.period.start, attained.period.end, attained.partial) == (
            START, END, False,
        )  # fmt: skip


def test_on_the_programmes_first_day_its_targets_cover_that_one_day() -> None:
    found = ind.assess_targets(programme(yearly(minimum=1), whole()), [], as_of=START)
    assert [(a.target.per, a.period.start, a.period.end, a.partial) for a in found] == [
        (h.TargetPeriod.YEAR, START, START, True),
        (h.TargetPeriod.PROGRAMME, START, START, True),
    ]


def test_before_the_programme_starts_no_target_is_assessed() -> None:
    found = ind.assess_targets(programme(yearly(minimum=1), whole()), [], as_of=D(2015, 10, 31))
    assert found == ()


def test_until_stops_the_assessment_at_a_reports_last_day(rec) -> None:
    # An annual report for 2016 given in January 2018: 2017 is known but not counted.
    records = in_2016(rec, 2)
    found = ind.assess_targets(
        programme(yearly(minimum=1), whole()), records, as_of=D(2018, 1, 31), until=D(2016, 12, 31)
    )
    assert [(a.target.per, a.period.start, a.period.end, a.partial) for a in found] == [
        (h.TargetPeriod.YEAR, START, D(2015, 12, 31), True),
        (h.TargetPeriod.YEAR, D(2016, 1, 1), D(2016, 12, 31), False),
        (h.TargetPeriod.PROGRAMME, START, D(2016, 12, 31), True),
    ]
    assert [a.value for a in found] == [0, 2, 2]


def test_an_until_after_as_of_stops_at_as_of() -> None:
    found = ind.assess_targets(programme(whole()), [], as_of=D(2016, 6, 30), until=D(2016, 12, 31))
    assert [(a.period.end, a.partial) for a in found] == [(D(2016, 6, 30), True)]


def test_a_placements_target_counts_the_persons_placed(rec, job) -> None:
    placed = rec("A", periods=((D(2016, 2, 1), D(2016, 6, 1)),), situations=(job(D(2016, 6, 20)),))
    not_placed = rec("B", periods=((D(2016, 2, 1), D(2016, 6, 1)),))
    attained = attainment_2016(
        h.Target(metric=h.TargetMetric.PLACEMENTS, per=h.TargetPeriod.YEAR, minimum=1),
        [placed, not_placed],
    )
    # The target counts people, not the share: one person placed of two leavers.
    assert (attained.figure.numerator, attained.figure.denominator) == (1, 2)
    assert attained.value == 1
    assert isinstance(attained.value, Fraction)
    assert attained.level is LEVEL.WITHIN


def test_the_counting_rules_given_are_the_ones_used(rec, job) -> None:
    # A job 19 days after leaving is "upon leaving" by the default 28 days, not by 10.
    placed = rec("A", periods=((D(2016, 2, 1), D(2016, 6, 1)),), situations=(job(D(2016, 6, 20)),))
    target = whole(h.TargetMetric.PLACEMENTS)
    by_default = ind.assess_targets(programme(target), [placed], as_of=D(2018, 1, 1))
    strict = ind.assess_targets(
        programme(target),
        [placed],
        as_of=D(2018, 1, 1),
        rules=ind.CountingRules(upon_leaving_days=10),
    )
    assert [a.value for a in by_default] == [1]
    assert [a.value for a in strict] == [0]
    assert strict[0].level is LEVEL.BELOW
