"""Example tests for Participant, ParticipationPeriod and Participation (_participation.py)."""

import pendulum
import pytest

from hankemalli import (
    CertificateKind,
    CertificateObtained,
    DataError,
    Employment,
    EmploymentKind,
    ExitReason,
    ExitSituation,
    InformationSource,
    JobSeeking,
    LabourMarketStatus,
    LeavingStatus,
    Participant,
    Participation,
    ParticipationPeriod,
    ServiceType,
)

D = pendulum.date
REGISTER = InformationSource.REGISTER


def certificate(day):
    return CertificateObtained(
        date=day, source=REGISTER, certificate=CertificateKind.HYGIENE_PASSPORT
    )


# Participant -------------------------------------------------------------------------


@pytest.mark.parametrize("age", [0, 17, 18, 120])
def test_age_in_completed_years_from_0_to_120_is_accepted(age):
    assert Participant(id="K-0001", age_at_entry=age).age_at_entry == age


def test_unknown_age_is_accepted():
    assert Participant(id="K-0001").age_at_entry is None


@pytest.mark.parametrize("age", [-1, 121, 34.0, True, "34"])
def test_age_outside_0_to_120_or_not_whole_years_is_rejected(build, age):
    with pytest.raises(DataError) as caught:
        Participant(id="K-0001", age_at_entry=age)
    path, message = build.the_problem(caught.value)
    assert path == "$.age_at_entry"
    assert "from 0 to 120" in message
    assert repr(age) in message


# ParticipationPeriod -----------------------------------------------------------------


def test_exit_before_entry_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=D(2016, 3, 2), exit=D(2016, 3, 1))
    path, message = build.the_problem(caught.value)
    assert path == "$.exit"
    assert "cannot come before its entry" in message
    assert "2016-03-01" in message
    assert "2016-03-02" in message


def test_same_day_entry_and_exit_is_accepted():
    day = D(2016, 3, 1)
    assert ParticipationPeriod(entry=day, exit=day).exit == day


def test_exit_reason_of_an_open_period_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=D(2016, 3, 1), exit_reason=ExitReason.EMPLOYMENT)
    path, message = build.the_problem(caught.value)
    assert path == "$.exit_reason"
    assert "needs an exit date" in message


def test_unknown_exit_reason_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=D(2016, 3, 1), exit=D(2016, 4, 1), exit_reason="got_job")
    path, message = build.the_problem(caught.value)
    assert path == "$.exit_reason"
    assert "unknown ExitReason 'got_job'" in message
    assert "employment" in message  # the allowed codes are listed


@pytest.mark.parametrize(
    "entry", [pendulum.datetime(2016, 3, 1), "2016-03-01", None], ids=["datetime", "str", "none"]
)
def test_entry_that_is_not_a_pendulum_date_is_rejected(build, entry):
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=entry)
    path, message = build.the_problem(caught.value)
    assert path == "$.entry"
    assert "expected a date such as pendulum.date(2016, 1, 31)" in message


# Participation: periods -------------------------------------------------------------


def test_participation_without_periods_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(periods=())
    path, message = build.the_problem(caught.value)
    assert path == "$.periods"
    assert "at least one period" in message


def test_reentry_the_day_after_exit_is_accepted(build):
    first = build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31))
    record = build.participation(periods=(first, ParticipationPeriod(entry=D(2016, 4, 1))))
    assert record.is_reentry


def test_reentry_on_the_exit_day_is_rejected(build):
    first = build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31))
    with pytest.raises(DataError) as caught:
        build.participation(periods=(first, ParticipationPeriod(entry=D(2016, 3, 31))))
    path, message = build.the_problem(caught.value)
    assert path == "$.periods[1].entry"
    assert "must come after the previous exit (2016-03-31)" in message


def test_periods_out_of_order_are_rejected(build):
    later = build.period(entry=D(2016, 6, 1), exit=D(2016, 6, 30))
    earlier = build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31))
    with pytest.raises(DataError) as caught:
        build.participation(periods=(later, earlier))
    path, message = build.the_problem(caught.value)
    assert path == "$.periods[1].entry"
    assert "in order and do not overlap" in message


def test_open_period_followed_by_a_reentry_is_rejected(build):
    periods = (ParticipationPeriod(entry=D(2016, 3, 1)), ParticipationPeriod(entry=D(2016, 6, 1)))
    with pytest.raises(DataError) as caught:
        build.participation(periods=periods)
    path, message = build.the_problem(caught.value)
    assert path == "$.periods[0].exit"
    assert "only the last period may be open" in message
    assert "2016-06-01" in message


def test_open_last_period_is_accepted(build):
    periods = (build.period(), ParticipationPeriod(entry=D(2016, 11, 1)))
    assert build.participation(periods=periods).last_exit is None


# Participation: episodes ------------------------------------------------------------


def test_episode_starting_before_first_entry_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(episodes=(build.episode(start=D(2016, 2, 29)),))
    path, message = build.the_problem(caught.value)
    assert path == "$.episodes[0].start"
    assert "before the first entry (2016-03-01)" in message


def test_episode_ending_after_last_exit_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(episodes=(build.episode(end=D(2016, 10, 1)),))
    path, message = build.the_problem(caught.value)
    assert path == "$.episodes[0].end"
    assert "after the last exit (2016-09-30)" in message


def test_episode_on_first_entry_and_last_exit_days_is_accepted(build):
    edge = build.episode(start=D(2016, 3, 1), end=D(2016, 9, 30))
    assert build.participation(episodes=(edge,)).episodes == (edge,)


def test_open_episode_after_participation_ended_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(episodes=(build.episode(end=None),))
    path, message = build.the_problem(caught.value)
    assert path == "$.episodes[0].end"
    assert "cannot be open after the participation ended (2016-09-30)" in message


def test_open_episode_while_participation_goes_on_is_accepted(build):
    record = build.participation(
        periods=(ParticipationPeriod(entry=D(2016, 3, 1)),),
        episodes=(build.episode(end=None),),
    )
    assert record.episodes[0].is_open


def test_episodes_out_of_order_of_start_are_rejected(build):
    later = build.episode(start=D(2016, 5, 1))
    earlier = build.episode(service=ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 30))
    with pytest.raises(DataError) as caught:
        build.participation(episodes=(later, earlier))
    path, message = build.the_problem(caught.value)
    assert path == "$.episodes[1].start"
    assert "in order of start" in message


def test_episodes_starting_on_the_same_day_are_accepted(build):
    both = (build.episode(), build.episode(service=ServiceType.TET))
    assert build.participation(episodes=both).pathway == both


def test_episode_in_a_gap_between_periods_is_accepted(build):
    periods = (
        build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31)),
        build.period(entry=D(2016, 6, 1), exit=D(2016, 9, 30)),
    )
    gap = build.episode(start=D(2016, 4, 1), end=D(2016, 4, 30))
    assert build.participation(periods=periods, episodes=(gap,)).episodes == (gap,)


def test_duplicate_episode_id_is_rejected(build):
    first = build.episode(id="tet-1", end=D(2016, 4, 30))
    second = build.episode(service=ServiceType.TET, start=D(2016, 5, 1), id="tet-1")
    with pytest.raises(DataError) as caught:
        build.participation(episodes=(first, second))
    path, message = build.the_problem(caught.value)
    assert path == "$.episodes[1].id"
    assert "'tet-1' is used twice (first at episodes[0])" in message


# Participation: events ---------------------------------------------------------------


def test_event_before_first_entry_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(events=(certificate(D(2016, 2, 29)),))
    path, message = build.the_problem(caught.value)
    assert path == "$.events[0].date"
    assert "before the first entry (2016-03-01)" in message


def test_event_on_first_entry_day_and_after_exit_is_accepted(build):
    events = (certificate(D(2016, 3, 1)), certificate(D(2017, 3, 30)))
    assert build.participation(events=events).events == events


# Participation: situation spells and the exit situation -------------------------------


def job(start, end=None, **fields):
    return Employment(
        start=start, end=end, source=REGISTER, kind=EmploymentKind.SUBSIDISED, **fields
    )


def test_via_episode_naming_an_unknown_episode_is_rejected(build):
    seeking = JobSeeking(start=D(2016, 1, 1), source=REGISTER)
    with pytest.raises(DataError) as caught:
        build.participation(
            episodes=(build.episode(id="tet-1"),),
            situations=(seeking, job(D(2016, 10, 1), via_episode="tet-9")),
        )
    path, message = build.the_problem(caught.value)
    assert path == "$.situations[1].via_episode"
    assert "no service episode has the id 'tet-9'" in message
    assert "known episode ids: 'tet-1'" in message


def test_via_episode_when_no_episode_has_an_id_says_so(build):
    with pytest.raises(DataError) as caught:
        build.participation(
            episodes=(build.episode(),), situations=(job(D(2016, 10, 1), via_episode="tet-1"),)
        )
    assert "known episode ids: none: no episode has an id" in build.the_problem(caught.value)[1]


def test_via_episode_naming_a_known_episode_is_accepted(build):
    spell = job(D(2016, 10, 1), via_episode="tet-1")
    record = build.participation(episodes=(build.episode(id="tet-1"),), situations=(spell,))
    assert record.situations == (spell,)


def test_spells_may_start_before_first_entry_and_go_on_after_exit(build):
    spells = (JobSeeking(start=D(2010, 1, 1), source=REGISTER), job(D(2016, 9, 30)))
    assert build.participation(situations=spells).situations == spells


def exit_situation(day, status=LeavingStatus.EMPLOYED):
    return ExitSituation(date=day, status=status, source=InformationSource.DOCUMENT)


def test_exit_situation_on_the_last_exit_is_accepted(build):
    recorded = exit_situation(D(2016, 9, 30))
    assert build.participation(exit_situation=recorded).exit_situation == recorded


def test_exit_situation_on_an_open_participation_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(
            periods=(ParticipationPeriod(entry=D(2016, 3, 1)),),
            exit_situation=exit_situation(D(2016, 9, 30)),
        )
    path, message = build.the_problem(caught.value)
    assert path == "$.exit_situation"
    assert "needs an exit; the participation is still open" in message


@pytest.mark.parametrize("day", [D(2016, 3, 31), D(2016, 9, 29), D(2016, 10, 1)])
def test_exit_situation_dated_off_the_last_exit_is_rejected(build, day):
    # 31.3.2016 is an earlier exit: the snapshot describes the last one only.
    with pytest.raises(DataError) as caught:
        build.participation(
            periods=(
                build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31)),
                build.period(entry=D(2016, 6, 1), exit=D(2016, 9, 30)),
            ),
            exit_situation=exit_situation(day),
        )
    path, message = build.the_problem(caught.value)
    assert path == "$.exit_situation.date"
    assert f"describes the last exit (2016-09-30), not {day}" in message


def test_exit_situation_of_the_wrong_kind_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(exit_situation=LeavingStatus.EMPLOYED)
    assert build.the_problem(caught.value) == (
        "$.exit_situation",
        "expected ExitSituation | None, got LeavingStatus",
    )


# Participation: profile against periods ----------------------------------------------


def test_unemployment_starting_after_first_entry_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.participation(profile=build.profile(unemployed_since=D(2016, 3, 2)))
    path, message = build.the_problem(caught.value)
    assert path == "$.profile.unemployed_since"
    assert "cannot have been going on at the first entry (2016-03-01)" in message


def test_unemployment_starting_on_first_entry_day_is_accepted(build):
    record = build.participation(profile=build.profile(unemployed_since=D(2016, 3, 1)))
    assert record.profile.labour_market_status is LabourMarketStatus.UNEMPLOYED


# Participation: wrong kinds and several problems at once -----------------------------


def test_wrong_kinds_of_parts_are_rejected(build):
    with pytest.raises(DataError) as caught:
        Participation(
            participant="K-0001",
            profile=None,
            periods={build.period()},
            episodes=(build.period(),),
        )
    assert build.paths(caught.value) == [
        "$.participant",
        "$.profile",
        "$.periods",
        "$.episodes[0]",
    ]
    assert "expected a tuple or a list, got set" in caught.value.problems[2]
    assert "expected ServiceEpisode, got ParticipationPeriod" in caught.value.problems[3]


def test_several_problems_in_one_participation_are_reported_at_once(build):
    with pytest.raises(DataError) as caught:
        build.participation(
            profile=build.profile(unemployed_since=D(2016, 4, 1)),
            periods=(ParticipationPeriod(entry=D(2016, 3, 1)), build.period(entry=D(2016, 5, 1))),
            episodes=(build.episode(start=D(2016, 1, 1)),),
            events=(certificate(D(2015, 12, 1)),),
        )
    assert build.paths(caught.value) == [
        "$.periods[0].exit",
        "$.profile.unemployed_since",
        "$.episodes[0].start",
        "$.events[0].date",
    ]


# Derived properties ------------------------------------------------------------------


@pytest.fixture
def reentered(build):
    """Left on 31.3.2016 for health reasons, back 1.6.2016, left for work 30.9.2016."""
    return build.participation(
        periods=(
            build.period(entry=D(2016, 3, 1), exit=D(2016, 3, 31), exit_reason=ExitReason.HEALTH),
            build.period(
                entry=D(2016, 6, 1), exit=D(2016, 9, 30), exit_reason=ExitReason.EMPLOYMENT
            ),
        )
    )


def test_reentry_keeps_first_entry_and_moves_exit_to_last(reentered):
    assert reentered.id == "K-0001"
    assert reentered.is_reentry
    assert reentered.first_entry == D(2016, 3, 1)
    assert reentered.last_exit == D(2016, 9, 30)
    assert reentered.exit_reason is ExitReason.EMPLOYMENT


def test_single_open_period_has_no_exit(build):
    record = build.participation(periods=(ParticipationPeriod(entry=D(2016, 3, 1)),))
    assert not record.is_reentry
    assert record.last_exit is None
    assert record.exit_reason is None


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (D(2016, 2, 29), False),
        (D(2016, 3, 1), True),
        (D(2016, 3, 31), True),
        (D(2016, 4, 1), False),  # the gap between the periods
        (D(2016, 5, 31), False),
        (D(2016, 6, 1), True),
        (D(2016, 9, 30), True),
        (D(2016, 10, 1), False),
    ],
)
def test_is_active_on_excludes_the_gap_between_periods(reentered, day, active):
    assert reentered.is_active_on(day) is active


def test_open_participation_is_active_long_after_entry(build):
    record = build.participation(periods=(ParticipationPeriod(entry=D(2016, 3, 1)),))
    assert record.is_active_on(D(2030, 1, 1))


@pytest.mark.parametrize(
    ("as_of", "left"),
    [
        (D(2016, 5, 1), False),
        (D(2016, 9, 29), False),
        (D(2016, 9, 30), True),
        (D(2017, 1, 1), True),
    ],
)
def test_has_left_by_counts_from_the_last_exit_day(reentered, as_of, left):
    assert reentered.has_left_by(as_of) is left


def test_stayer_has_not_left(build):
    record = build.participation(periods=(ParticipationPeriod(entry=D(2016, 3, 1)),))
    assert not record.has_left_by(D(2030, 1, 1))
