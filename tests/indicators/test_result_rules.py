"""The windows of the ESF results at their edges (indicators/_results.py).

A qualification counts from the first entry to four weeks after the exit, both days
included; the situation six months after leaving is the one recorded up to the
counting rules' follow-up days after the six-month date.
"""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 12, 31)
ENTRY, EXIT = D(2016, 3, 1), D(2016, 6, 1)  # the fixture record's period
REG = h.InformationSource.REGISTER


def matches(selector: ind.Selector, record: h.Participation, **rules) -> bool:
    ctx = ind.Context(period=YEAR, as_of=AS_OF, rules=ind.CountingRules(**rules))
    view = ctx.see(record)
    assert view is not None
    return selector.matches(view, ctx)


def qualification(day: pendulum.Date) -> h.QualificationGained:
    return h.QualificationGained(date=day, source=REG, kind=h.EducationKind.VOCATIONAL)


def test_a_qualification_counts_from_the_first_entry_day_to_four_weeks_after_the_exit(rec):
    gained = ind.GainedQualification()
    counted = [ENTRY, EXIT.add(days=28)]
    not_counted = [EXIT.add(days=29)]  # (an event before the first entry is refused)
    for day in counted:
        assert matches(gained, rec(events=(qualification(day),))), day
    for day in not_counted:
        assert not matches(gained, rec(events=(qualification(day),))), day


def test_the_six_month_situation_is_read_for_the_follow_up_days_the_rules_give(rec):
    six = EXIT.add(months=6)
    employed = h.SituationAfterSixMonths(
        date=six.add(days=10), source=REG, situation=h.SituationKind.EMPLOYED
    )
    record = rec(events=(employed,))
    selector = ind.StatusSixMonthsAfter(statuses=(h.LeavingStatus.EMPLOYED,))
    assert matches(selector, record)  # by the default 28 days
    assert matches(selector, record, follow_up_days=10)
    assert not matches(selector, record, follow_up_days=9)


def test_the_situation_upon_leaving_is_read_for_the_days_the_rules_give(rec, job) -> None:
    record = rec(situations=(job(EXIT.add(days=20)),))
    selector = ind.StatusUponLeaving(statuses=(h.LeavingStatus.EMPLOYED,))
    assert matches(selector, record)  # by the default 28 days
    assert matches(selector, record, upon_leaving_days=20)
    assert not matches(selector, record, upon_leaving_days=19)
