"""A person who left and comes back after ``as_of`` had, as known on ``as_of``, left.

Their situation upon leaving (and six months after) is the one after the exit known
on ``as_of``, as every result indicator sees it; it is not unknown until the later
exit, and a snapshot recorded at the later exit does not describe the earlier one.
Found by a property of the frames (hankemalli.frames): the engine counted such a
person among the leavers but never in EECR04.
"""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.model._timeline import (
    last_exit_known,
    situation_six_months_after,
    situation_upon_leaving,
)
from hankemalli.testing import strategies as hs

D = pendulum.date
PERIODS = ((D(2016, 3, 1), D(2016, 6, 1)), (D(2017, 2, 1), D(2017, 5, 31)))
YEAR = ind.ReportingPeriod.year(2016)


def test_the_exit_known_on_as_of_is_the_last_one_before_a_later_return(rec):
    record = rec(periods=PERIODS)
    assert last_exit_known(record, D(2016, 12, 31)) == D(2016, 6, 1)
    assert last_exit_known(record, D(2017, 3, 1)) is None  # back again: a stayer then
    assert last_exit_known(record, D(2017, 6, 30)) == D(2017, 5, 31)
    assert last_exit_known(record, None) == D(2017, 5, 31)
    assert last_exit_known(record, D(2016, 1, 1)) is None  # not entered yet


def test_a_job_after_the_first_exit_counts_in_eecr04_before_the_person_returns(rec, job):
    record = rec(periods=PERIODS, situations=(job(D(2016, 6, 10), D(2016, 12, 31)),))
    as_of = D(2017, 1, 31)
    situation = situation_upon_leaving(record, as_of=as_of)
    assert situation is not None
    assert situation.status is h.LeavingStatus.EMPLOYED
    results = ind.compute(ind.ESF_PLUS_2021, [record], period=YEAR, as_of=as_of)
    assert results["EELEAVERS"].numerator == 1
    assert results["EECR04"].numerator == 1


def test_a_snapshot_recorded_at_the_later_exit_does_not_describe_the_earlier_one(rec, job):
    record = rec(
        periods=PERIODS,
        situations=(job(D(2016, 6, 10), D(2016, 12, 31)),),
        exit_situation=h.ExitSituation(
            date=D(2017, 5, 31),
            source=h.InformationSource.PARTICIPANT_REPORTED,
            status=h.LeavingStatus.INACTIVE,
            in_education=False,
        ),
    )
    early = situation_upon_leaving(record, as_of=D(2017, 1, 31))
    assert early is not None
    assert not early.recorded
    assert early.status is h.LeavingStatus.EMPLOYED
    late = situation_upon_leaving(record, as_of=D(2017, 12, 31))
    assert late is not None
    assert late.recorded
    assert late.status is h.LeavingStatus.INACTIVE


def test_six_months_after_counts_from_the_exit_known_on_as_of(rec, job):
    record = rec(periods=PERIODS, situations=(job(D(2016, 11, 1), D(2017, 1, 15)),))
    found = situation_six_months_after(record, as_of=D(2017, 1, 31))
    assert found is not None
    assert found.window[0] == D(2016, 12, 1)
    assert found.status is h.LeavingStatus.EMPLOYED


@given(hs.participations(), st.dates(D(2014, 1, 1), D(2024, 12, 31)))
def test_a_leaver_as_known_on_as_of_always_has_a_situation_upon_leaving(record, day):
    as_of = pendulum.Date(day.year, day.month, day.day)
    view = ind.Context(period=YEAR, as_of=as_of).see(record)
    if view is None or view.last_exit is None:
        return
    assert last_exit_known(record, as_of) == view.last_exit
    assert situation_upon_leaving(record, as_of=as_of) is not None
