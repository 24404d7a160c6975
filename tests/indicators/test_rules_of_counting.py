"""The counting rules, each pinned by a hand-computed example."""

from __future__ import annotations

import pendulum
import pytest

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR_2016 = ind.ReportingPeriod.year(2016)
AS_OF = D(2018, 12, 31)


def figures(records, catalogue=ind.ESF_PLUS_2021, period=YEAR_2016, as_of=AS_OF, **kw):
    return ind.compute(catalogue, records, period=period, as_of=as_of, **kw)


# Long-term unemployment ------------------------------------------------------------


def test_24_year_old_unemployed_7_months_is_long_term_under_eu_rule_only(rec):
    person = rec(age=24, periods=((D(2016, 3, 1), None),), since=D(2015, 8, 1))
    eu = ind.CountingRules(long_term_unemployment=ind.LongTermUnemploymentRule.EU)
    fi = ind.CountingRules(long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH)
    assert eu.is_long_term_unemployed(person) is True
    assert fi.is_long_term_unemployed(person) is False
    assert figures([person], rules=eu)["EECO03"].numerator == 1
    assert figures([person], rules=fi)["EECO03"].numerator == 0


def test_exactly_6_months_is_not_more_than_6_months_under_25(rec):
    person = rec(age=24, periods=((D(2016, 3, 1), None),), since=D(2015, 9, 1))
    assert ind.CountingRules().is_long_term_unemployed(person) is False
    day_more = rec(age=24, periods=((D(2016, 3, 2), None),), since=D(2015, 9, 1))
    assert ind.CountingRules().is_long_term_unemployed(day_more) is True


def test_from_25_the_eu_rule_needs_more_than_12_months(rec):
    exactly = rec(age=25, periods=((D(2016, 3, 1), None),), since=D(2015, 3, 1))
    more = rec(age=25, periods=((D(2016, 3, 2), None),), since=D(2015, 3, 1))
    assert ind.CountingRules().is_long_term_unemployed(exactly) is False
    assert ind.CountingRules().is_long_term_unemployed(more) is True


def test_the_finnish_rule_counts_at_least_12_months_at_any_age(rec):
    rules = ind.CountingRules(long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH)
    exactly = rec(age=19, periods=((D(2016, 3, 1), None),), since=D(2015, 3, 1))
    short = rec(age=19, periods=((D(2016, 2, 29), None),), since=D(2015, 3, 1))
    assert rules.is_long_term_unemployed(exactly) is True
    assert rules.is_long_term_unemployed(short) is False


def test_long_term_unemployment_is_unknown_without_a_start_date(rec):
    person = rec(since=None)
    assert ind.CountingRules().is_long_term_unemployed(person) is None
    assert figures([person])["EECO03"].numerator == 0


# Completeness, re-entry, status ------------------------------------------------------


def test_incomplete_record_counts_in_the_grand_total_only(rec):
    records = [
        rec("P-1"),
        rec("P-2", education=None),
        rec("P-3", age=None),
        rec("P-4", gender=h.Gender.NOT_TOLD),
    ]
    result = figures(records)
    assert result["EEGRANDTOTAL"].numerator == 4
    assert result["EECO01"].numerator == 1
    assert result["EECO02"].numerator == 1


def test_a_re_entering_person_counts_once_by_first_entry(rec):
    person = rec(periods=((D(2016, 2, 1), D(2016, 3, 1)), (D(2016, 9, 1), D(2016, 10, 1))))
    result = figures([person])
    assert result["EECO01"].numerator == 1
    assert result["EELEAVERS"].numerator == 1
    # The exit moved to the last exit: as of the day between the periods, the person had left.
    between = figures([person], as_of=D(2016, 5, 1))
    assert between["EELEAVERS"].numerator == 1
    # A later year sees no new entry although the person came back.
    assert figures([person], period=ind.ReportingPeriod.year(2017))["EECO01"].numerator == 0


def test_self_employed_count_as_employed(rec):
    result = figures([rec(status=h.LabourMarketStatus.SELF_EMPLOYED)])
    assert result["EECO05"].numerator == 1
    assert result["EECO02"].numerator == 0


@pytest.mark.parametrize(
    ("age", "code"),
    [(17, "EECO06"), (18, "EECO07"), (29, "EECO07"), (54, None), (55, "EECO08")],
)
def test_esf_plus_age_bands_by_completed_years_at_entry(rec, age, code):
    result = figures([rec(age=age)])
    counted = {c for c in ("EECO06", "EECO07", "EECO08") if result[c].numerator}
    assert counted == ({code} if code else set())


def test_esf_2014_age_bands_are_below_25_and_above_54(rec):
    result = figures(
        [rec("A", age=24), rec("B", age=25), rec("C", age=54), rec("D", age=55)],
        catalogue=ind.ESF_2014,
    )
    assert result["CO06"].numerator == 1
    assert result["CO07"].numerator == 1


def test_refused_sensitive_answer_is_never_counted_as_yes(rec):
    records = [
        rec("A", disability=h.Answer.YES),
        rec("B", disability=h.Answer.REFUSED),
        rec("C", disability=h.Answer.NOT_ASKED),
    ]
    assert figures(records)["EECO12"].numerator == 1


# Result windows ------------------------------------------------------------------------


def test_a_job_held_28_days_after_exit_is_upon_leaving_and_one_begun_on_day_29_is_not(rec, job):
    exit_ = D(2016, 6, 1)
    on_day_28 = rec("A", periods=((D(2016, 3, 1), exit_),), situations=(job(D(2016, 6, 29)),))
    on_day_29 = rec("B", periods=((D(2016, 3, 1), exit_),), situations=(job(D(2016, 6, 30)),))
    on_exit = rec("C", periods=((D(2016, 3, 1), exit_),), situations=(job(exit_),))
    ended = rec(
        "D", periods=((D(2016, 3, 1), exit_),), situations=(job(D(2016, 5, 1), D(2016, 5, 31)),)
    )
    result = figures([on_day_28, on_day_29, on_exit, ended])
    assert result["EECR04"].numerator == 2
    assert result["EELEAVERS"].numerator == 4


def test_upon_leaving_sees_nothing_after_as_of(rec, job):
    person = rec(periods=((D(2016, 3, 1), D(2016, 6, 1)),), situations=(job(D(2016, 6, 20)),))
    assert figures([person], as_of=D(2016, 6, 10))["EECR04"].numerator == 0
    assert figures([person], as_of=D(2016, 6, 20))["EECR04"].numerator == 1


def _six_months(day, situation=h.SituationKind.EMPLOYED, improvement=None):
    return h.SituationAfterSixMonths(
        date=day, source=h.InformationSource.REGISTER, situation=situation, improvement=improvement
    )


def test_six_months_after_leaving_is_clamped_to_the_months_end(rec):
    # Left on 31 August 2016: six calendar months later is 28 February 2017.
    period = ((D(2016, 3, 1), D(2016, 8, 31)),)
    at = rec("A", periods=period, events=(_six_months(D(2017, 2, 28)),))
    day_before = rec("B", periods=period, events=(_six_months(D(2017, 2, 27)),))
    last_day = rec("C", periods=period, events=(_six_months(D(2017, 3, 28)),))
    past = rec("D", periods=period, events=(_six_months(D(2017, 3, 29)),))
    assert figures([at, day_before, last_day, past])["EECR05"].numerator == 2


def test_improved_situation_counts_only_people_employed_at_entry(rec):
    period = ((D(2016, 3, 1), D(2016, 8, 31)),)
    better = _six_months(D(2017, 3, 1), improvement=h.ImprovementKind.PRECARIOUS_TO_STABLE)
    employed = rec("A", periods=period, status=h.LabourMarketStatus.EMPLOYED, events=(better,))
    unemployed = rec("B", periods=period, events=(better,))
    assert figures([employed, unemployed])["EECR06"].numerator == 1


def test_results_count_leavers_of_the_period_only(rec, job):
    stayer = rec("A", periods=((D(2016, 3, 1), None),), situations=(job(D(2016, 5, 1)),))
    left_next_year = rec(
        "B", periods=((D(2016, 3, 1), D(2017, 1, 10)),), situations=(job(D(2017, 1, 11)),)
    )
    result = figures([stayer, left_next_year])
    assert result["EELEAVERS"].numerator == 0
    assert result["EECR04"].numerator == 0
    assert (
        figures([stayer, left_next_year], period=ind.ReportingPeriod.year(2017))["EECR04"].numerator
        == 1
    )


# Period membership -----------------------------------------------------------------------


def test_scopes_anchor_membership_to_the_period(rec):
    ctx = ind.Context(period=YEAR_2016, as_of=AS_OF)
    before = ctx.see(rec(periods=((D(2015, 9, 1), D(2016, 2, 1)),)))
    spanning = ctx.see(rec(periods=((D(2015, 9, 1), None),)))
    after = ctx.see(rec(periods=((D(2017, 1, 1), D(2017, 2, 1)),)))
    assert before is not None
    assert spanning is not None
    assert after is not None
    assert [ctx.in_scope(before, s) for s in ind.Scope] == [False, True, True, True, True, False]
    assert [ctx.in_scope(spanning, s) for s in ind.Scope] == [False, True, True, False, False, True]
    assert [ctx.in_scope(after, s) for s in ind.Scope] == [False] * 6


def test_as_of_hides_the_future(rec):
    ctx = ind.Context(period=YEAR_2016, as_of=D(2016, 4, 1))
    assert ctx.see(rec(periods=((D(2016, 5, 1), None),))) is None
    view = ctx.see(rec(periods=((D(2016, 3, 1), D(2016, 6, 1)),)))
    assert view is not None
    assert view.last_exit is None


def test_cumulative_catalogue_counts_from_the_programme_start(rec):
    records = [
        rec("A", periods=((D(2015, 9, 1), None),)),
        rec("B", periods=((D(2016, 3, 1), None),)),
    ]
    assert figures(records)["EECO01"].numerator == 1
    total = figures(records, catalogue=ind.cumulative(ind.ESF_PLUS_2021))["EECO01"]
    assert total.numerator == 2
    assert total.cumulative
