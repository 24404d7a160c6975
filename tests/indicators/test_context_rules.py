"""The rules of what a calculation knows, at their edges (indicators/_context.py, _engine.py).

What happened on ``as_of`` is known; a period includes its first day; a person who
left on a period's first day took part in it, and one who left on its last day is
not still taking part; results say what they were computed for.
"""

from __future__ import annotations

import pendulum
import pytest

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
REG = h.InformationSource.REGISTER


def counted(scope: ind.Scope, record: h.Participation, as_of: pendulum.Date = AS_OF) -> bool:
    indicator = ind.Indicator(code="X", labels=LABELS, statistic=ind.Count(), scope=scope)
    return ind.compute([indicator], [record], period=YEAR, as_of=as_of)["X"].numerator == 1


def test_a_period_includes_its_first_and_last_day() -> None:
    assert [YEAR.contains(day) for day in (D(2015, 12, 31), D(2016, 1, 1))] == [False, True]
    assert [YEAR.contains(day) for day in (D(2016, 12, 31), D(2017, 1, 1))] == [True, False]


def test_a_person_who_entered_on_the_periods_first_day_entered_in_it(rec) -> None:
    assert counted(ind.Scope.ENTERED, rec(periods=((D(2016, 1, 1), D(2016, 3, 1)),)))
    assert not counted(ind.Scope.ENTERED, rec(periods=((D(2015, 12, 31), D(2016, 3, 1)),)))


def test_a_person_who_left_on_the_periods_first_day_took_part_in_it(rec) -> None:
    assert counted(ind.Scope.ACTIVE, rec(periods=((D(2015, 11, 1), D(2016, 1, 1)),)))
    assert not counted(ind.Scope.ACTIVE, rec(periods=((D(2015, 11, 1), D(2015, 12, 31)),)))


def test_a_person_who_left_on_the_horizon_is_not_still_taking_part(rec) -> None:
    left_at_year_end = rec(periods=((D(2016, 3, 1), D(2016, 12, 31)),))
    assert not counted(ind.Scope.STAYING, left_at_year_end)
    assert counted(ind.Scope.STAYING, rec(periods=((D(2016, 3, 1), D(2017, 1, 1)),)))
    # Seen on 30 June, a person leaving on 30 June has left; one leaving on 1 July stays.
    as_of = D(2016, 6, 30)
    assert not counted(ind.Scope.STAYING, rec(periods=((D(2016, 3, 1), as_of),)), as_of=as_of)
    assert counted(ind.Scope.STAYING, rec(periods=((D(2016, 3, 1), D(2016, 7, 1)),)), as_of=as_of)


def test_what_happened_on_as_of_is_known(rec, job) -> None:
    as_of = D(2016, 6, 1)
    contact = h.PostExitContact(date=D(2016, 6, 1), source=REG, kind=h.ContactKind.VOLUNTEERING)
    on_the_day = job(as_of)
    record = rec(periods=((D(2016, 3, 1), as_of),), situations=(on_the_day,), events=(contact,))
    view = ind.Context(period=YEAR, as_of=as_of).see(record)
    assert view is not None
    assert view.last_exit == as_of
    assert view.situations == (on_the_day,)
    assert view.events == (contact,)
    assert set(view.occurrences) == {contact, on_the_day}
    later = ind.Context(period=YEAR, as_of=as_of.subtract(days=1)).see(record)
    assert later is not None
    assert (later.last_exit, later.situations, later.events) == (None, (), ())


def test_a_spell_begun_on_the_first_entry_day_is_an_outcome(rec, job) -> None:
    # A job held before entry is the person's situation; one begun on entry counts.
    held = job(D(2016, 2, 29))
    begun = job(D(2016, 3, 1))
    view = ind.Context(period=YEAR, as_of=D(2017, 6, 30)).see(rec(situations=(held, begun)))
    assert view is not None
    assert view.occurrences == (begun,)


def test_results_say_what_they_were_computed_for(rec) -> None:
    rules = ind.CountingRules(upon_leaving_days=14)
    indicator = ind.Indicator(code="X", labels=LABELS, statistic=ind.Count())
    results = ind.compute([indicator], [rec()], period=YEAR, as_of=D(2017, 1, 31), rules=rules)
    assert (results.period, results.as_of, results.rules) == (YEAR, D(2017, 1, 31), rules)


def test_a_context_needs_an_as_of_date_and_says_so() -> None:
    with pytest.raises(h.DataError) as caught:
        ind.Context(period=YEAR, as_of="2017-06-30")  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.startswith("$.as_of: expected a pendulum Date")
    assert problem.endswith("got str")


def test_a_share_of_a_base_can_be_made_of_any_indicator() -> None:
    # Any indicator: a count with a trait keeps it; any other is its population's share.
    by_service = ind.SEED_FIGURES["participants_by_service"]
    base = ind.ESF_PLUS_2021["EELEAVERS"]
    share = ind.share_within(by_service, base)
    assert share.statistic == ind.Share(of=by_service.population)
    assert (share.scope, share.population, share.within) == (base.scope, base.population, None)


# Completeness, worked out once per record ------------------------------------------------


def test_a_view_is_complete_only_with_gender_status_education_and_age(rec) -> None:
    from hypothesis import given, settings

    from hankemalli.testing import strategies as hs

    ctx = ind.Context(period=YEAR, as_of=AS_OF)

    @settings(max_examples=50)
    @given(hs.participations())
    def each(record: h.Participation) -> None:
        view = ctx.see(record)
        if view is None:
            return
        expected = record.profile.is_complete and record.participant.age_at_entry is not None
        assert view.complete is expected
        assert ind.Complete().matches(view, ctx) is expected
        assert view.complete is expected  # asked again: the same answer

    each()


def test_completeness_is_worked_out_once_however_many_indicators_ask(rec, monkeypatch) -> None:
    asked: list[int] = []
    real = h.EntryProfile.is_complete

    def counting(profile: h.EntryProfile) -> bool:
        asked.append(1)
        return real.fget(profile)  # type: ignore[no-any-return, attr-defined]

    monkeypatch.setattr(h.EntryProfile, "is_complete", property(counting))
    record = rec(periods=((D(2016, 2, 1), D(2016, 3, 1)),))
    indicators = [
        ind.Indicator(
            code=f"X{n}",
            labels=LABELS,
            statistic=ind.Count(),
            scope=ind.Scope.ENTERED,
            population=ind.Complete(),
        )
        for n in range(5)
    ]
    results = ind.compute(indicators, [record], period=YEAR, as_of=AS_OF)
    assert [results[f"X{n}"].numerator for n in range(5)] == [1] * 5
    assert len(asked) == 1


# One pass for several runs ----------------------------------------------------------------


def test_runs_fed_together_give_what_each_gives_alone() -> None:
    from hypothesis import given, settings

    from hankemalli.testing import strategies as hs

    @settings(max_examples=30)
    @given(hs.datasets(max_participants=8))
    def each(dataset: h.Dataset) -> None:
        programme = dataset.programme
        as_of = programme.end.add(months=8)
        rules = ind.CountingRules.for_programme(programme)
        contexts = [
            ind.Context(period=ind.ReportingPeriod.year(year), as_of=as_of, rules=rules)
            for year in range(programme.start.year, programme.end.year + 1)
        ]
        # A second as_of: its runs must not share the first one's views.
        contexts.append(ind.Context(period=contexts[0].period, as_of=programme.end))
        calculations = [
            ind.Calculation(indicators=ind.ESF_PLUS_2021 + ind.SEED_FIGURES, context=c)
            for c in contexts
        ]
        runs = [c.start() for c in calculations]
        ind.feed(runs, iter(dataset.participants))
        assert [r.results() for r in runs] == [c.run(dataset.participants) for c in calculations]

    each()


def test_a_date_after_the_exit_is_worked_out_once_per_record(rec) -> None:
    ctx = ind.Context(period=YEAR, as_of=AS_OF)
    view = ctx.see(rec(periods=((D(2016, 2, 1), D(2016, 8, 31)),)))
    assert view is not None
    assert view.after_exit(months=6, days=28) == D(2017, 3, 28)
    assert view.after_exit(months=6) == D(2017, 2, 28)  # the end of February, not 31.2.
    assert view.after_exit(months=6, days=28) is view.after_exit(months=6, days=28)
    stayer = ctx.see(rec(periods=((D(2016, 2, 1), None),)))
    assert stayer is not None
    with pytest.raises(ValueError, match="stayer"):
        stayer.after_exit(days=1)
