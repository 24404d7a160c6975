"""The transferability assessment, point by point (indicators/_transferability.py)."""

from __future__ import annotations

import pendulum
import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.testing import strategies as hst
from hankemalli.testing._operating_models import operating_models

D = pendulum.date
P = ind.PointStatus
BARE = h.OperatingModel(id="m", name="Model")
PERMANENT = h.EmbeddingStep(
    stage=h.EmbeddingStage.MADE_PERMANENT, date=D(2017, 1, 1), organisation="Joensuun kaupunki"
)


def statuses(assessment: ind.TransferabilityAssessment) -> dict[str, ind.PointStatus]:
    return {p.topic: p.status for p in assessment.points}


def kaiku_evidence(**options) -> tuple[h.OperatingModel, ind.Evidence]:
    dataset = demo_dataset()
    model = dataset.operating_model("kaiku-malli")
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    found = ind.evidence(
        model, dataset.participants, period=period, as_of=D(2019, 12, 31), **options
    )
    return model, found


def test_a_bare_model_misses_every_field_and_everything_else() -> None:
    assessment = ind.assess_transferability(BARE)
    assert assessment.documented == ()
    assert [p.topic for p in assessment.missing] == [
        *(f"field.{name}" for name, _ in h.INNOKYLA_FIELDS),
        "embedding",
        "elements.core",
        "elements.local",
        "trials",
        "evidence",
    ]
    assert assessment["field.basic_idea"].message == (
        "basic idea (ratkaisun perusidea) is not described"
    )
    assert assessment["embedding"].message.startswith("no embedding step is recorded")
    assert assessment["evidence"].message == "no evidence computed from the records"


def test_embedding_is_documented_only_once_made_permanent() -> None:
    mainstreamed = evolve(
        PERMANENT, stage=h.EmbeddingStage.MAINSTREAMED, organisation="Kontiolahden kunta"
    )
    point = ind.assess_transferability(evolve(BARE, embedding=(mainstreamed,)))["embedding"]
    assert (point.status, point.message) == (
        P.MISSING,
        "not made permanent anywhere yet; the furthest step is mainstreamed in Kontiolahden "
        "kunta from 2017-01-01",
    )
    point = ind.assess_transferability(evolve(BARE, embedding=(PERMANENT,)))["embedding"]
    assert (point.status, point.message) == (
        P.DOCUMENTED,
        "made permanent in Joensuun kaupunki from 2017-01-01",
    )


def test_elements_need_a_core_and_local_ones_their_context() -> None:
    core = h.TransferabilityNote(element="job coaching", role=h.ElementRole.CORE)
    local = h.TransferabilityNote(element="associations", role=h.ElementRole.LOCAL)
    found = ind.assess_transferability(evolve(BARE, transferability=(core, local)))
    assert found["elements.core"].status is P.DOCUMENTED
    assert found["elements.local"].message == (
        "local elements without the context they depend on: associations"
    )
    explained = evolve(local, depends_on="a network of associations")
    found = ind.assess_transferability(evolve(BARE, transferability=(explained,)))
    assert statuses(found)["elements.core"] is P.MISSING
    assert found["elements.local"].message == (
        "local elements: associations (depends on a network of associations)"
    )


def test_a_trial_elsewhere_needs_its_result() -> None:
    trial = h.TrialElsewhere(place="Lieksa", start=D(2018, 1, 1))
    point = ind.assess_transferability(evolve(BARE, trials=(trial,)))["trials"]
    assert (point.status, point.message) == (
        P.MISSING,
        "no result recorded for the trial in Lieksa (from 2018-01-01)",
    )
    done = evolve(trial, result="in use")
    point = ind.assess_transferability(evolve(BARE, trials=(done,)))["trials"]
    assert (point.status, point.message) == (
        P.DOCUMENTED,
        "tried elsewhere: Lieksa from 2018-01-01: in use",
    )


def test_evidence_points_say_supported_not_supported_against_or_too_few() -> None:
    model, found = kaiku_evidence()
    assessment = ind.assess_transferability(model, found)
    expected = {
        ind.Verdict.SUPPORTED: P.SUPPORTED,
        ind.Verdict.INCONCLUSIVE: P.NOT_SUPPORTED,
        ind.Verdict.AGAINST: P.AGAINST,
        ind.Verdict.TOO_FEW: P.TOO_FEW,
    }
    for comparison in found:
        point = assessment[f"evidence.{comparison.code}"]
        assert point.status is expected[comparison.verdict]
        assert point.comparison is comparison
        assert point.message == comparison.message
    # Placement and EECR04 are supported, nothing is against: the evidence as a whole.
    assert (assessment["evidence"].status, assessment["evidence"].message) == (
        P.SUPPORTED,
        "supported on placement, EECR04, against on none",
    )


def test_kaiku_is_documented_permanent_and_untried_elsewhere() -> None:
    model, found = kaiku_evidence()
    assessment = ind.assess_transferability(model, found)
    seen = statuses(assessment)
    assert seen["embedding"] is P.DOCUMENTED
    assert seen["elements.core"] is seen["elements.local"] is P.DOCUMENTED
    assert seen["trials"] is P.MISSING
    assert {p.topic for p in assessment.missing} == {
        "field.conditions_for_working",
        "field.conditions_for_adoption",
        "field.resources",
        "trials",
    }
    assert seen["evidence.placement"] is P.SUPPORTED
    assert seen["evidence.EECR06"] is P.TOO_FEW


def test_evidence_for_another_model_is_refused() -> None:
    model, found = kaiku_evidence()
    with pytest.raises(h.DataError) as caught:
        ind.assess_transferability(evolve(model, id="toinen"), found)
    assert caught.value.problems == (
        "$.evidence.model: the evidence is for model 'kaiku-malli', not 'toinen'",
    )


datasets = hst.datasets(period=(D(2015, 1, 1), D(2018, 12, 31)), max_participants=8)


@given(operating_models(complete=True), datasets)
def test_a_complete_permanent_model_with_evidence_misses_nothing(model, dataset) -> None:
    found = ind.evidence(
        model,
        dataset.participants,
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2019, 1, 1),
    )
    assessment = ind.assess_transferability(model, found)
    assert assessment.missing == ()
    assert len(assessment.documented) == len(h.INNOKYLA_FIELDS) + 4


@given(operating_models())
def test_each_empty_field_and_only_those_is_missing(model) -> None:
    missing = {p.topic for p in ind.assess_transferability(model).missing}
    assert {t for t in missing if t.startswith("field.")} == {
        f"field.{name}" for name in model.empty_fields()
    }
    assert ("embedding" in missing) == (model.permanent_steps == ())
    assert ("trials" in missing) == (
        not model.trials or any(t.result is None for t in model.trials)
    )
    assert "evidence" in missing


@given(operating_models(), st.sampled_from(list(P)))
def test_every_point_has_one_status_and_a_message(model, status) -> None:
    assessment = ind.assess_transferability(model)
    assert all(p.message for p in assessment.points)
    assert len({p.topic for p in assessment.points}) == len(assessment.points)
    assert assessment.with_status(status) == tuple(
        p for p in assessment.points if p.status is status
    )
