"""Example and property tests for the situation queries (_timeline.py).

Each example names the rule it checks. Upon leaving: the window is the last exit
day and the 28 days after it; the status that counts is the one on the window's
last day (or on ``as_of``, if earlier); employment outranks job seeking, neither is
inactive; in education means a spell of education other than the operation's own
on any day of the window; a recorded exit situation overrides the spells. Six
months after: a recorded follow-up in its window wins, else the status on the day
six calendar months after the exit (clamped to the month's end).
"""

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankemalli import (
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    ExitSituation,
    InformationSource,
    JobSeeking,
    LabourMarketStatus,
    LeavingStatus,
    ParticipationPeriod,
    SituationAfterSixMonths,
    SituationKind,
    derived_upon_leaving,
    situation_six_months_after,
    situation_upon_leaving,
    status_on,
)
from hankemalli.testing import strategies as hs

D = pendulum.date
REGISTER = InformationSource.REGISTER
ENTRY, EXIT = D(2016, 3, 1), D(2016, 9, 30)  # build.period()


def job(start, end=None, kind=EmploymentKind.OPEN_LABOUR_MARKET):
    return Employment(start=start, end=end, source=REGISTER, kind=kind)


def seeking(start, end=None):
    return JobSeeking(start=start, end=end, source=REGISTER)


def course(start, end=None, *, own=False):
    return Education(
        start=start,
        end=end,
        source=REGISTER,
        kind=EducationKind.VOCATIONAL,
        degree_oriented=True,
        own_training=own,
    )


def after(days):
    return EXIT.add(days=days)


@pytest.fixture
def left(build):
    """A record that entered on 1.3.2016 and left on 30.9.2016, with the spells given."""

    def make(*spells, **fields):
        return build.participation(situations=spells, **fields)

    return make


# Upon leaving: which spells count ------------------------------------------------------


def test_job_begun_three_days_before_exit_and_still_held_is_employed_upon_leaving(left):
    spell = job(EXIT.subtract(days=3))
    found = situation_upon_leaving(left(spell))
    assert found.status is LeavingStatus.EMPLOYED
    assert found.in_employment
    assert found.status_spell == spell
    assert not found.recorded


def test_job_begun_during_participation_and_ended_before_exit_is_not_employed(left):
    found = situation_upon_leaving(left(job(D(2016, 5, 2), D(2016, 8, 31))))
    assert found.status is LeavingStatus.INACTIVE
    assert not found.in_employment
    assert found.status_spell is None


def test_vocational_course_begun_during_participation_going_on_at_exit_is_in_education(left):
    spell = course(D(2016, 8, 15))
    found = situation_upon_leaving(left(spell))
    assert found.in_education
    assert found.education_spell == spell


def test_own_training_is_not_in_education(left):
    found = situation_upon_leaving(left(course(D(2016, 8, 15), own=True)))
    assert not found.in_education
    assert found.education_spell is None


def test_course_ended_before_exit_is_not_in_education(left):
    assert not situation_upon_leaving(left(course(D(2016, 4, 1), D(2016, 9, 29)))).in_education


def test_inactive_at_entry_then_job_seeker_after_exit_then_job_on_day_20_is_employed_once(
    build, left
):
    record = left(
        seeking(after(5), after(19)),
        job(after(20)),
        profile=build.profile(
            labour_market_status=LabourMarketStatus.INACTIVE, unemployed_since=None
        ),
    )
    found = situation_upon_leaving(record)
    # One status for the window: the last one, employed; not also job searching.
    assert found.status is LeavingStatus.EMPLOYED
    assert found.day == after(28)


def test_job_at_once_after_exit_ended_day_10_then_job_seeking_from_day_11_is_job_searching(left):
    record = left(job(after(1), after(10)), seeking(after(11)))
    found = situation_upon_leaving(record)
    assert found.status is LeavingStatus.JOB_SEARCHING
    assert not found.in_employment


@pytest.mark.parametrize(("days", "employed"), [(0, True), (27, True), (28, True), (29, False)])
def test_day_28_after_exit_counts_and_day_29_does_not(left, days, employed):
    found = situation_upon_leaving(left(job(after(days))))
    assert found.window == (EXIT, after(28))
    assert found.in_employment is employed


@pytest.mark.parametrize(("days", "in_education"), [(28, True), (29, False)])
def test_education_begun_on_day_28_counts_and_on_day_29_does_not(left, days, in_education):
    assert situation_upon_leaving(left(course(after(days)))).in_education is in_education


def test_job_ended_on_the_exit_day_does_not_count(left):
    # The status that counts is the one at the end of the window, not on the exit day.
    found = situation_upon_leaving(left(job(D(2016, 5, 2), EXIT), seeking(after(1))))
    assert found.status is LeavingStatus.JOB_SEARCHING


def test_employment_outranks_job_seeking_on_the_same_day(left):
    found = situation_upon_leaving(left(seeking(D(2015, 1, 1)), job(after(2))))
    assert found.status is LeavingStatus.EMPLOYED


def test_self_employment_gives_self_employed(left):
    found = situation_upon_leaving(left(job(after(3), kind=EmploymentKind.SELF_EMPLOYMENT)))
    assert found.status is LeavingStatus.SELF_EMPLOYED
    assert found.in_employment


def test_of_two_jobs_on_the_day_the_later_begun_decides(left):
    first, second = job(D(2015, 1, 1)), job(after(1), kind=EmploymentKind.SELF_EMPLOYMENT)
    status, spell = status_on((second, first), after(28))
    assert (status, spell) == (LeavingStatus.SELF_EMPLOYED, second)


# Upon leaving: what is known on as_of ------------------------------------------------


def test_as_of_before_the_window_end_uses_the_status_on_as_of(left):
    record = left(seeking(D(2016, 1, 1)), job(after(20)))
    found = situation_upon_leaving(record, as_of=after(10))
    assert found.day == after(10)
    assert found.window == (EXIT, after(28))
    assert found.status is LeavingStatus.JOB_SEARCHING
    assert situation_upon_leaving(record, as_of=after(20)).status is LeavingStatus.EMPLOYED


def test_as_of_before_the_exit_or_a_stayer_has_no_situation_upon_leaving(build, left):
    assert situation_upon_leaving(left(job(after(1))), as_of=EXIT.subtract(days=1)) is None
    stayer = build.participation(periods=(ParticipationPeriod(entry=ENTRY),))
    assert situation_upon_leaving(stayer) is None
    assert situation_six_months_after(stayer) is None


def test_education_after_as_of_is_not_known(left):
    record = left(course(after(15)))
    assert not situation_upon_leaving(record, as_of=after(14)).in_education
    assert situation_upon_leaving(record, as_of=after(15)).in_education


def test_the_window_counts_from_the_last_exit_of_a_reentry(build):
    record = build.participation(
        periods=(build.period(exit=D(2016, 3, 31)), build.period(entry=D(2016, 6, 1))),
        situations=(job(D(2016, 4, 2)),),
    )
    found = situation_upon_leaving(record)
    assert found.window == (EXIT, after(28))


# Upon leaving: a recorded exit situation ----------------------------------------------


def test_a_recorded_exit_situation_overrides_the_spells(left):
    recorded = ExitSituation(
        date=EXIT,
        status=LeavingStatus.JOB_SEARCHING,
        in_education=True,
        source=InformationSource.DOCUMENT,
    )
    record = left(job(D(2016, 5, 2)), exit_situation=recorded)
    found = situation_upon_leaving(record)
    assert (found.status, found.in_education, found.recorded) == (
        LeavingStatus.JOB_SEARCHING,
        True,
        True,
    )
    assert found.status_spell is None
    assert "as recorded" in found.describe()
    # The spells still say employed: derived_upon_leaving ignores the snapshot.
    assert derived_upon_leaving(record).status is LeavingStatus.EMPLOYED


def test_describe_names_the_spell_that_decided(left):
    text = situation_upon_leaving(left(job(after(3)))).describe()
    assert text.startswith("employed on 2016-10-28 (window 2016-09-30–2016-10-28)")
    assert f"from the employment spell {after(3)}–open" in text
    assert text.endswith("not in education")


# Six months after leaving --------------------------------------------------------------


def follow_up(day, situation):
    return SituationAfterSixMonths(date=day, source=REGISTER, situation=situation)


def test_six_months_is_the_status_on_exit_plus_six_calendar_months_clamped(build):
    record = build.participation(
        periods=(build.period(exit=D(2016, 8, 31)),),
        situations=(job(D(2016, 10, 1), D(2017, 2, 28)), seeking(D(2017, 3, 1))),
    )
    found = situation_six_months_after(record)
    assert found.day == D(2017, 2, 28)
    assert found.status is LeavingStatus.EMPLOYED
    assert not found.recorded


def test_a_recorded_follow_up_in_its_window_wins_over_the_spells(left):
    six = EXIT.add(months=6)  # 2017-03-30
    record = left(
        job(after(1)),
        events=(
            follow_up(six.add(days=3), SituationKind.JOB_SEARCHING),
            follow_up(six.add(days=10), SituationKind.IN_EDUCATION),
        ),
    )
    found = situation_six_months_after(record)
    # The last one in the window decides; in education is outside the labour force.
    assert found.recorded
    assert found.day == six.add(days=10)
    assert (found.status, found.in_education) == (LeavingStatus.INACTIVE, True)


def test_a_follow_up_outside_its_window_is_ignored(left):
    six = EXIT.add(months=6)
    record = left(
        job(after(1), six),
        events=(
            follow_up(six.subtract(days=1), SituationKind.INACTIVE),
            follow_up(six.add(days=29), SituationKind.INACTIVE),
        ),
    )
    found = situation_six_months_after(record)
    assert not found.recorded
    assert found.status is LeavingStatus.EMPLOYED


def test_an_open_spell_does_not_show_the_situation_six_months_on(left):
    # Only a spell whose end is recorded on or after the date is evidence then.
    record = left(job(after(1)), seeking(D(2016, 1, 1), EXIT.add(months=7)))
    found = situation_six_months_after(record)
    assert found.status is LeavingStatus.JOB_SEARCHING
    assert situation_upon_leaving(record).status is LeavingStatus.EMPLOYED


def test_six_months_is_not_known_before_it_comes(left):
    record = left(job(after(1), EXIT.add(months=6)))
    six = EXIT.add(months=6)
    assert situation_six_months_after(record, as_of=six.subtract(days=1)) is None
    assert situation_six_months_after(record, as_of=six).status is LeavingStatus.EMPLOYED


# Properties ------------------------------------------------------------------------


DAYS = hs.dates_between(D(2012, 1, 1), D(2030, 12, 31))


@given(st.lists(hs.situation_spells(), max_size=6), DAYS)
def test_status_on_gives_exactly_one_status_and_the_spell_behind_it(spells, day):
    status, spell = status_on(spells, day)
    assert status in LeavingStatus
    jobs = [s for s in spells if isinstance(s, Employment) and s.covers(day)]
    searching = [s for s in spells if isinstance(s, JobSeeking) and s.covers(day)]
    if jobs:
        assert spell in jobs
        assert status is spell.status
    elif searching:
        assert (status, type(spell)) == (LeavingStatus.JOB_SEARCHING, JobSeeking)
    else:
        assert (status, spell) == (LeavingStatus.INACTIVE, None)


@given(st.lists(hs.situation_spells(), max_size=6), DAYS)
def test_a_spell_never_makes_a_person_both_employed_and_job_searching(spells, day):
    status, _ = status_on(spells, day)
    employed = any(isinstance(s, Employment) and s.covers(day) for s in spells)
    assert status.in_employment is employed
    assert (status is LeavingStatus.JOB_SEARCHING) is (
        not employed and any(isinstance(s, JobSeeking) and s.covers(day) for s in spells)
    )


@given(hs.participations(), st.integers(0, 60))
def test_the_situation_upon_leaving_is_there_exactly_for_leavers(record, days):
    found = situation_upon_leaving(record)
    assert (found is None) is (record.last_exit is None)
    if found is None:
        return
    assert found.window == (record.last_exit, record.last_exit.add(days=28))
    assert found.recorded is (record.exit_situation is not None)
    derived = derived_upon_leaving(record)
    # The strategies record an exit situation that agrees with the spells.
    assert (found.status, found.in_education) == (derived.status, derived.in_education)
    as_of = record.last_exit.add(days=days)
    assert derived_upon_leaving(record, as_of=as_of).day == min(as_of, found.window[1])
