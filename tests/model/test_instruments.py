"""Staged-scale instruments and assessments (_instruments.py), and their rules in a dataset."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given

import hankemalli as h
from hankemalli.demo import demo_dataset
from hankemalli.serialization import dumps, from_dict, loads, to_dict
from hankemalli.testing._operating_models import assessed_datasets, instruments

D = pendulum.date
ENTRY, REVIEW = h.AssessmentKind.ENTRY, h.AssessmentKind.REVIEW
MARCH = D(2016, 3, 1)
STAGES = ("stuck", "started", "trying", "nearly", "self-reliant")


def ladder() -> h.Instrument:
    return h.Instrument(
        id="ladder",
        name="Work-life readiness",
        dimensions=(
            h.Dimension(id="job_search", name="Job search", stages=STAGES),
            h.Dimension(id="wellbeing", name="Well-being", stages=STAGES[:3]),
        ),
    )


def assessment(day=MARCH, kind=ENTRY, instrument="ladder", **scores) -> h.Assessment:
    scores = scores or {"job_search": 1}
    return h.Assessment(
        instrument=instrument,
        date=day,
        kind=kind,
        scores=tuple(h.Score(dimension=d, stage=s) for d, s in scores.items()),
    )


def problems(caught: pytest.ExceptionInfo[h.DataError]) -> list[str]:
    return list(caught.value.problems)


def test_a_dimension_needs_two_stages_each_once() -> None:
    with pytest.raises(h.DataError) as caught:
        h.Dimension(id="a", name="A", stages=("only",))
    assert problems(caught) == ["$.stages: a staged scale needs at least two stages, got 1"]
    with pytest.raises(h.DataError) as caught:
        h.Dimension(id="a", name="A", stages=("low", "high", "low"))
    assert problems(caught) == ["$.stages[2]: stage 'low' is listed twice (first at index 0)"]


def test_an_instrument_needs_dimensions_with_unique_ids() -> None:
    with pytest.raises(h.DataError) as caught:
        h.Instrument(id="x", name="X", dimensions=())
    assert problems(caught) == ["$.dimensions: an instrument needs a dimension"]
    one = ladder().dimensions[0]
    with pytest.raises(h.DataError) as caught:
        h.Instrument(id="x", name="X", dimensions=(one, one))
    assert problems(caught) == [
        "$.dimensions[1].id: dimension identifier 'job_search' is used twice "
        "(first at dimensions[0])"
    ]
    assert ladder().dimension("wellbeing").stages == STAGES[:3]
    with pytest.raises(KeyError):
        ladder().dimension("motivation")


def test_a_score_is_a_stage_index_from_zero() -> None:
    for bad in (-1, True, 1.0):
        with pytest.raises(h.DataError) as caught:
            h.Score(dimension="job_search", stage=bad)
        assert problems(caught) == [
            f"$.stage: expected a stage index from 0 (the lowest stage), got {bad!r}"
        ]


def test_an_assessment_scores_each_dimension_at_most_once() -> None:
    score = h.Score(dimension="job_search", stage=1)
    with pytest.raises(h.DataError) as caught:
        h.Assessment(instrument="ladder", date=D(2016, 1, 1), kind=ENTRY, scores=(score, score))
    assert problems(caught) == [
        "$.scores[1].dimension: dimension 'job_search' is scored twice (first at scores[0])"
    ]
    with pytest.raises(h.DataError) as caught:
        h.Assessment(instrument="ladder", date=D(2016, 1, 1), kind="entry", scores=())
    assert [p.split(":")[0] for p in problems(caught)] == ["$.kind", "$.scores"]
    assert assessment(job_search=3).stage("job_search") == 3
    assert assessment().stage("wellbeing") is None


def test_an_assessment_is_not_dated_before_the_first_entry(build) -> None:
    with pytest.raises(h.DataError) as caught:
        build.participation(assessments=(assessment(D(2016, 2, 29)),))
    assert problems(caught) == [
        "$.assessments[0].date: an assessment cannot be dated (2016-02-29) before the "
        "first entry (2016-03-01)"
    ]


def test_an_instrument_has_one_entry_assessment_per_person(build) -> None:
    with pytest.raises(h.DataError) as caught:
        build.participation(assessments=(assessment(), assessment(D(2016, 6, 1))))
    assert problems(caught) == [
        "$.assessments[1].kind: instrument 'ladder' has a second entry assessment "
        "(first at assessments[0]); later ones are reviews"
    ]


def test_a_review_does_not_come_before_the_entry_assessment(build) -> None:
    review = assessment(D(2016, 4, 1), REVIEW)
    with pytest.raises(h.DataError) as caught:
        build.participation(assessments=(review, assessment(D(2016, 5, 1))))
    assert problems(caught) == [
        "$.assessments[0].date: a review (2016-04-01) cannot come before the entry "
        "assessment of the same instrument (2016-05-01)"
    ]
    # Reviews of another instrument, and reviews without an entry, are allowed.
    other = assessment(D(2016, 4, 1), REVIEW, instrument="other")
    assert build.participation(assessments=(other, assessment(D(2016, 5, 1))))


def test_assessments_must_fit_the_dataset_instruments(build) -> None:
    record = build.participation(
        assessments=(
            assessment(job_search=4, wellbeing=3),
            assessment(D(2016, 5, 1), REVIEW, motivation=1),
            assessment(D(2016, 6, 1), REVIEW, instrument="star"),
        )
    )
    with pytest.raises(h.DataError) as caught:
        build.dataset(participants=(record,), instruments=(ladder(),))
    assert problems(caught) == [
        "$.participants[0].assessments[0].scores[1].stage: stage 3 is beyond the 3 stages of "
        "'wellbeing' (0 to 2)",
        "$.participants[0].assessments[1].scores[0].dimension: instrument 'ladder' has no "
        "dimension 'motivation'; its dimensions: 'job_search', 'wellbeing'",
        "$.participants[0].assessments[2].instrument: no instrument has the id 'star'; "
        "known instruments: 'ladder'",
    ]


def test_instrument_ids_are_unique_in_a_dataset(build) -> None:
    with pytest.raises(h.DataError) as caught:
        build.dataset(instruments=(ladder(), ladder()))
    assert problems(caught) == [
        "$.instruments[1].id: instrument identifier 'ladder' is used twice "
        "(first at instruments[0])"
    ]
    assert build.dataset(instruments=(ladder(),)).instrument("ladder") == ladder()


def test_reading_reports_every_problem_of_instruments_and_assessments(build) -> None:
    record = build.participation(assessments=(assessment(job_search=2),))
    document = to_dict(build.dataset(participants=(record,), instruments=(ladder(),)))
    document["participants"][0]["assessments"][0]["scores"][0]["stage"] = 9
    document["participants"][0]["assessments"][0]["kind"] = "baseline"
    with pytest.raises(h.DataError) as caught:
        from_dict(document, h.Dataset)
    assert problems(caught) == [
        "$.participants[0].assessments[0].kind: unknown AssessmentKind 'baseline'; "
        "allowed: entry, review"
    ]
    document["participants"][0]["assessments"][0]["kind"] = "entry"
    with pytest.raises(h.DataError) as caught:
        from_dict(document, h.Dataset)
    assert problems(caught) == [
        "$.participants[0].assessments[0].scores[0].stage: stage 9 is beyond the 5 stages of "
        "'job_search' (0 to 4)"
    ]


def test_a_broken_instrument_does_not_make_its_assessments_look_unknown(build) -> None:
    record = build.participation(assessments=(assessment(),))
    document = to_dict(build.dataset(participants=(record,), instruments=(ladder(),)))
    document["instruments"][0]["dimensions"][0]["stages"] = ["only"]
    with pytest.raises(h.DataError) as caught:
        from_dict(document, h.Dataset)
    assert problems(caught) == [
        "$.instruments[0].dimensions[0].stages: a staged scale needs at least two stages, got 1"
    ]


def test_the_demo_assesses_job_coaching_participants_on_a_generic_ladder() -> None:
    dataset = demo_dataset()
    (ladder_,) = dataset.instruments
    assert ladder_.id == "tyoelamavalmiudet"
    assert {len(d.stages) for d in ladder_.dimensions} == {5}
    coached = {
        r.id
        for r in dataset.participants
        if any(e.service is h.ServiceType.JOB_COACHING for e in r.episodes)
    }
    assessed = {r.id for r in dataset.participants if r.assessments}
    assert assessed == coached
    reviewed = [r for r in dataset.participants if any(a.kind is REVIEW for a in r.assessments)]
    assert 0 < len(reviewed) < len(coached)
    assert all(r.exit_reason is not h.ExitReason.HEALTH for r in reviewed)


@given(instruments())
def test_any_instrument_round_trips(instrument: h.Instrument) -> None:
    assert loads(dumps(instrument), h.Instrument) == instrument


@given(assessed_datasets(max_participants=4))
def test_any_assessed_dataset_round_trips(dataset: h.Dataset) -> None:
    assert loads(dumps(dataset)) == dataset
