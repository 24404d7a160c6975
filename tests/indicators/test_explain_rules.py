"""The rules of ``explain`` and ``members`` at their edges (indicators/_explain.py).

An explanation lists every occurrence that decided a step, up to and including the
window's last day; it asks each selector in the calculation's context and with the
counting rules given; a selector the library has no words for is named by its class.
"""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="oma", sv="egen", en="own")
EXIT = D(2016, 6, 1)  # the fixture record's exit


def own(population: ind.Selector, statistic=None, scope=ind.Scope.ACTIVE) -> ind.Indicator:
    return ind.Indicator(
        code="OWN",
        labels=LABELS,
        statistic=statistic or ind.Count(),
        scope=scope,
        population=population,
    )


def reasons(record, indicator, **options) -> tuple[str, ...]:
    return ind.explain(record, indicator, period=YEAR, as_of=AS_OF, **options).reasons


def population(found: tuple[str, ...]) -> list[str]:
    """The lines of the population step (the scope's and the count's left out)."""
    return [line for line in found if line.startswith(("population", "  population"))]


def employed(window: ind.Window) -> ind.HadEvent:
    return ind.HadEvent(events=(ind.EventMatch(event="employment"),), window=window)


def test_an_event_on_the_windows_last_day_is_listed(rec, job) -> None:
    # Upon leaving runs to 28 days after the exit, that day included.
    record = rec(situations=(job(EXIT.add(days=28)),))
    found = reasons(record, own(employed(ind.Window.UPON_LEAVING)))
    assert population(found) == [
        "population: had employment dated upon_leaving: yes "
        "(dated 2016-06-01–2016-06-29: employment 2016-06-29)"
    ]


def test_every_occurrence_in_the_window_is_listed(rec, job) -> None:
    record = rec(situations=(job(D(2016, 4, 1), D(2016, 4, 30)), job(D(2016, 5, 2))))
    found = reasons(record, own(employed(ind.Window.DURING)))
    assert population(found) == [
        "population: had employment dated during: yes "
        "(dated 2016-03-01–2016-06-01: employment 2016-04-01, employment 2016-05-02)"
    ]


def test_a_not_is_explained_in_the_calculations_context(rec, job) -> None:
    # Whether the job is "in the period" depends on the period the context holds.
    record = rec(situations=(job(D(2016, 5, 1)),))
    found = reasons(record, own(~employed(ind.Window.IN_PERIOD)))
    assert population(found) == [
        "population: not (no):",
        "  population: had employment dated in_period: yes "
        "(dated 2016-01-01–2016-12-31: employment 2016-05-01)",
    ]


def test_a_stayers_status_upon_leaving_says_no_exit_is_known(rec) -> None:
    stayer = rec(periods=((D(2016, 3, 1), None),))
    upon_leaving = ind.StatusUponLeaving(statuses=(h.LeavingStatus.EMPLOYED,))
    assert population(reasons(stayer, own(upon_leaving))) == [
        "population: last status upon leaving is employed: no (no exit known)"
    ]
    assert population(reasons(stayer, own(ind.InEducationUponLeaving()))) == [
        "population: in education or training upon leaving (not the operation's own): no "
        "(no exit known)"
    ]


def test_every_service_a_selector_asks_about_is_named(rec) -> None:
    used = ind.UsedService(services=(h.ServiceType.TET, h.ServiceType.JOB_COACHING))
    assert population(reasons(rec(), own(used))) == ["population: used tet or job_coaching: no"]


def test_a_plain_class_selector_is_named_by_its_class(rec) -> None:
    class Adults(ind.Selector):
        __slots__ = ()

        def matches(self, view, ctx) -> bool:
            return (view.record.participant.age_at_entry or 0) >= 18

    assert population(reasons(rec(), own(Adults()))) == ["population: Adults(): yes"]


def test_an_explanation_counts_by_the_rules_given(rec, job) -> None:
    # Employed 19 days after leaving: upon leaving by the default 28 days, not by 10.
    record = rec(situations=(job(EXIT.add(days=19)),))
    indicator = own(employed(ind.Window.UPON_LEAVING))
    assert ind.explain(record, indicator, period=YEAR, as_of=AS_OF).counted
    strict = ind.explain(
        record,
        indicator,
        period=YEAR,
        as_of=AS_OF,
        rules=ind.CountingRules(upon_leaving_days=10),
    )
    assert (strict.in_population, strict.counted) == (False, False)
    assert strict.reasons[-1].endswith("(dated 2016-06-01–2016-06-11: none)")


def test_members_are_those_of_the_indicator_asked_by_the_rules_given(rec, job) -> None:
    records = [rec("A", situations=(job(EXIT.add(days=19)),)), rec("B")]
    indicator = own(ind.Everyone(), statistic=ind.Share(of=employed(ind.Window.UPON_LEAVING)))
    found = ind.members(indicator, records, period=YEAR, as_of=AS_OF)
    assert (found.code, found.population, found.numerator) == ("OWN", ("A", "B"), ("A",))
    strict = ind.members(
        indicator, records, period=YEAR, as_of=AS_OF, rules=ind.CountingRules(upon_leaving_days=10)
    )
    assert strict.numerator == ()
