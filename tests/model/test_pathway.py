"""Example tests for ServiceEpisode (_pathway.py)."""

import pendulum
import pytest

from hankemalli import DataError, ServiceEpisode, ServiceType

D = pendulum.date


def test_episode_ending_before_it_starts_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(service=ServiceType.TET, start=D(2016, 5, 2), end=D(2016, 5, 1))
    path, message = build.the_problem(caught.value)
    assert path == "$.end"
    assert "cannot end (2016-05-01) before it starts (2016-05-02)" in message


def test_one_day_episode_is_accepted():
    day = D(2016, 5, 2)
    episode = ServiceEpisode(service=ServiceType.TET, start=day, end=day)
    assert episode.covers(day)
    assert not episode.is_open


def test_open_episode_covers_every_day_from_its_start():
    episode = ServiceEpisode(service=ServiceType.JOB_COACHING, start=D(2016, 5, 2))
    assert episode.is_open
    assert not episode.covers(D(2016, 5, 1))
    assert episode.covers(D(2016, 5, 2))
    assert episode.covers(D(2030, 1, 1))


def test_closed_episode_does_not_cover_the_day_after_its_end():
    episode = ServiceEpisode(service=ServiceType.TET, start=D(2016, 5, 2), end=D(2016, 5, 20))
    assert episode.covers(D(2016, 5, 20))
    assert not episode.covers(D(2016, 5, 21))


def test_other_service_without_label_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(service=ServiceType.OTHER, start=D(2016, 5, 2))
    assert build.the_problem(caught.value) == (
        "$.label",
        "a service of type 'other' needs a label",
    )


def test_other_service_with_label_is_accepted():
    episode = ServiceEpisode(service=ServiceType.OTHER, start=D(2016, 5, 2), label="kahvila")
    assert episode.label == "kahvila"


def test_blank_label_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(service=ServiceType.OTHER, start=D(2016, 5, 2), label=" ")
    assert build.the_problem(caught.value) == ("$.label", "must not be blank")


def test_unknown_service_type_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(service="coffee", start=D(2016, 5, 2))
    path, message = build.the_problem(caught.value)
    assert path == "$.service"
    assert "unknown ServiceType 'coffee'; allowed: rehabilitative_work, work_trial" in message


def test_episode_id_that_is_not_an_identifier_is_rejected(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(service=ServiceType.TET, start=D(2016, 5, 2), id="tet 1")
    path, message = build.the_problem(caught.value)
    assert path == "$.id"
    assert "not a valid episode identifier 'tet 1'" in message


def test_several_problems_in_one_episode_are_reported_at_once(build):
    with pytest.raises(DataError) as caught:
        ServiceEpisode(
            service=ServiceType.OTHER,
            start=D(2016, 5, 2),
            end=D(2016, 5, 1),
            provider="",
            id="#1",
        )
    assert build.paths(caught.value) == ["$.end", "$.provider", "$.label", "$.id"]
