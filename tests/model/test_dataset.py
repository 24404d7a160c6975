"""Example tests for Dataset (_dataset.py): the rules across records."""

import pendulum
import pytest

from hankemalli import (
    SCHEMA_VERSION,
    DataError,
    Dataset,
    InformationSource,
    Participant,
    ParticipationPeriod,
    SituationAfterSixMonths,
    SituationKind,
)

D = pendulum.date


def test_dataset_knows_its_schema_version(build):
    assert build.dataset().schema_version == SCHEMA_VERSION == 2


def test_participant_is_found_by_pseudonym(build):
    dataset = build.dataset()
    assert dataset.participant("K-0002") is dataset.participants[1]
    with pytest.raises(KeyError):
        dataset.participant("K-9999")


def test_dataset_without_participants_is_accepted(build):
    assert build.dataset(participants=()).participants == ()


def test_same_participant_id_twice_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.dataset(participants=(build.participation(), build.participation()))
    path, message = build.the_problem(caught.value)
    assert path == "$.participants[1].participant.id"
    assert "participant 'K-0001' appears twice (first at participants[0])" in message
    assert "add a period for a re-entry" in message


def test_every_repeat_of_a_participant_id_is_reported(build):
    one, two = build.participation(), build.participation(participant=Participant(id="K-0002"))
    with pytest.raises(DataError) as caught:
        build.dataset(participants=(one, two, one, two, one))
    assert build.paths(caught.value) == [f"$.participants[{i}].participant.id" for i in (2, 3, 4)]


def test_entry_before_the_programme_started_is_rejected(build):
    record = build.participation(periods=(build.period(entry=D(2015, 7, 31)),))
    with pytest.raises(DataError) as caught:
        build.dataset(participants=(record,))
    path, message = build.the_problem(caught.value)
    assert path == "$.participants[0].periods[0].entry"
    assert "the entry (2015-07-31) is outside the programme period (2015-08-01–2018-12-31)" in (
        message
    )


def test_exit_after_the_programme_ended_is_rejected(build):
    record = build.participation(periods=(build.period(exit=D(2019, 1, 1)),))
    with pytest.raises(DataError) as caught:
        build.dataset(participants=(record,))
    path, message = build.the_problem(caught.value)
    assert path == "$.participants[0].periods[0].exit"
    assert "the exit (2019-01-01) is outside the programme period" in message


def test_episode_outside_the_programme_period_is_rejected(build):
    programme = build.programme(end=D(2016, 9, 29))
    record = build.participation(
        periods=(ParticipationPeriod(entry=D(2016, 3, 1)),),
        episodes=(build.episode(end=D(2016, 9, 30)),),
    )
    with pytest.raises(DataError) as caught:
        build.dataset(programme=programme, participants=(record,))
    path, message = build.the_problem(caught.value)
    assert path == "$.participants[0].episodes[0].end"
    assert "the end of the service episode (2016-09-30) is outside the programme period" in message


def test_episode_starting_before_the_programme_is_rejected(build):
    record = build.participation(episodes=(build.episode(start=D(2016, 3, 1)),))
    with pytest.raises(DataError) as caught:
        build.dataset(programme=build.programme(start=D(2016, 3, 2)), participants=(record,))
    assert build.paths(caught.value) == [
        "$.participants[0].periods[0].entry",
        "$.participants[0].episodes[0].start",
    ]
    assert "the start of the service episode (2016-03-01) is outside" in caught.value.problems[1]


def test_participation_on_the_first_and_last_programme_days_is_accepted(build):
    record = build.participation(
        periods=(build.period(entry=D(2015, 8, 1), exit=D(2018, 12, 31)),),
        episodes=(build.episode(start=D(2015, 8, 1), end=D(2018, 12, 31)),),
    )
    assert build.dataset(participants=(record,)).participants == (record,)


def test_events_after_the_programme_ended_are_accepted(build):
    follow_up = SituationAfterSixMonths(
        date=D(2019, 6, 30), source=InformationSource.REGISTER, situation=SituationKind.EMPLOYED
    )
    record = build.participation(periods=(build.period(exit=D(2018, 12, 31)),), events=(follow_up,))
    assert build.dataset(participants=(record,)).participants[0].events == (follow_up,)


def test_problems_in_several_records_are_reported_at_once(build):
    outside = build.participation(periods=(build.period(entry=D(2015, 1, 1)),))
    also_outside = build.participation(
        participant=Participant(id="K-0002"), periods=(build.period(exit=D(2019, 2, 1)),)
    )
    repeated = build.participation()
    with pytest.raises(DataError) as caught:
        build.dataset(participants=(outside, also_outside, repeated))
    assert sorted(build.paths(caught.value)) == [
        "$.participants[0].periods[0].entry",
        "$.participants[1].periods[0].exit",
        "$.participants[2].participant.id",
    ]


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"programme": None}, "$.programme", "expected Programme, got NoneType"),
        ({"participants": "K-0001"}, "$.participants", "expected a tuple or a list, got str"),
        ({"participants": (None,)}, "$.participants[0]", "expected Participation, got NoneType"),
    ],
    ids=["programme", "participants-text", "participant-none"],
)
def test_dataset_of_wrong_parts_is_rejected(build, fields, path, words):
    with pytest.raises(DataError) as caught:
        Dataset(**({"programme": build.programme()} | fields))
    assert build.the_problem(caught.value) == (path, words)
