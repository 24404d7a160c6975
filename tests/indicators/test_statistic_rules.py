"""The rules of the statistics at their edges, one test each (indicators/_statistics.py,
_measures.DaysInService).

A window includes its first and last day; items are grouped by what they are; a
figure anchored to the programme's start says it is cumulative; headcounts of a
period nobody was in, or that has not begun, are zero or unknown, not made up.
"""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
S = h.ServiceType


def own(statistic, scope=ind.Scope.ENTERED_BY_END, code="X") -> ind.Indicator:
    return ind.Indicator(code=code, labels=LABELS, statistic=statistic, scope=scope)


def figure(statistic, records, scope=ind.Scope.ENTERED_BY_END, period=YEAR, as_of=AS_OF):
    return ind.compute([own(statistic, scope)], records, period=period, as_of=as_of)["X"]


def episode(service, start, end=None) -> h.ServiceEpisode:
    return h.ServiceEpisode(service=service, start=start, end=end)


def test_episodes_started_on_the_periods_first_and_last_day_count(rec) -> None:
    record = rec(
        periods=((D(2015, 12, 1), None),),
        episodes=(
            episode(S.TET, D(2015, 12, 31), D(2016, 1, 5)),
            episode(S.TET, D(2016, 1, 1), D(2016, 1, 5)),
            episode(S.JOB_COACHING, D(2016, 12, 31), D(2017, 1, 5)),
            episode(S.TET, D(2017, 1, 1), D(2017, 1, 5)),
        ),
    )
    found = figure(ind.Episodes(services=tuple(S), window=ind.Window.IN_PERIOD), [record])
    assert (found.numerator, found.counts) == (2, (("job_coaching", 1), ("tet", 1)))


def test_events_dated_on_the_periods_first_and_last_day_count(rec, job) -> None:
    jobs = tuple(job(day, day) for day in (D(2015, 12, 31), D(2016, 1, 1), D(2016, 12, 31)))
    record = rec(periods=((D(2015, 12, 1), None),), situations=(*jobs, job(D(2017, 1, 1))))
    events = ind.Events(match=ind.EventMatch(event="employment"), window=ind.Window.IN_PERIOD)
    assert figure(events, [record]).numerator == 2


def test_a_figure_anchored_to_the_programme_start_is_cumulative(rec, job) -> None:
    record = rec(situations=(job(D(2016, 5, 1)),))
    by_gender = ind.Distribution(key=ind.ByCharacteristic(name="gender"))
    jobs = ind.Events(match=ind.EventMatch(event="employment"))
    employed = ind.Share(of=ind.HadEvent(events=(ind.EventMatch(event="employment"),)))
    age = ind.Mean(measure=ind.AgeAtEntry())
    for statistic in (by_gender, jobs, employed, age):
        assert figure(statistic, [record]).cumulative is True
        assert figure(statistic, [record], scope=ind.Scope.ENTERED).cumulative is False


def test_a_distributions_key_is_asked_in_the_calculations_context(rec, job) -> None:
    employed_in_period = ind.HadEvent(
        events=(ind.EventMatch(event="employment"),), window=ind.Window.IN_PERIOD
    )
    records = [rec("A", situations=(job(D(2016, 5, 1)),)), rec("B")]
    found = figure(ind.Distribution(key=ind.UsedModel(selector=employed_in_period)), records)
    assert found.counts == (("not_used", 1), ("used", 1))


def test_the_peak_headcount_of_a_period_nobody_was_in_is_zero(rec) -> None:
    before = rec(periods=((D(2015, 3, 1), D(2015, 6, 1)),))
    found = figure(ind.PeakHeadcount(), [before], scope=ind.Scope.ENTERED_BY_END)
    assert found.numerator == 0
    assert figure(ind.PeakHeadcount(), []).value == 0


def test_a_period_not_begun_on_as_of_has_no_average_headcount() -> None:
    found = figure(ind.AverageHeadcount(), [], as_of=D(2015, 12, 31))
    assert (found.numerator, found.denominator, found.value) == (0, 0, None)
    one_day = figure(ind.AverageHeadcount(), [], as_of=D(2016, 1, 1))
    assert (one_day.denominator, one_day.value) == (1, 0)


def test_days_in_an_open_episode_run_to_as_of(rec) -> None:
    days = ind.DaysInService(services=(S.REHABILITATIVE_WORK,))
    open_ = rec(
        periods=((D(2016, 3, 1), None),), episodes=(episode(S.REHABILITATIVE_WORK, D(2016, 3, 1)),)
    )
    late = rec(
        periods=((D(2016, 3, 1), None),),
        episodes=(episode(S.REHABILITATIVE_WORK, D(2016, 3, 1), D(2016, 12, 31)),),
    )
    as_of = D(2016, 3, 10)
    for record in (open_, late):
        assert figure(ind.Mean(measure=days), [record], as_of=as_of).numerator == 10
    assert figure(ind.Mean(measure=days), [late]).numerator == 306
