"""The words of the transferability assessment, point by point (indicators/_transferability.py).

Each point lists everything it is about (every permanent step, element and trial),
says what is missing in full, and is MISSING until the description is whole.
"""

from __future__ import annotations

import pendulum
import pytest
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
P = ind.PointStatus
BARE = h.OperatingModel(id="m", name="Model")
CORE, LOCAL = h.ElementRole.CORE, h.ElementRole.LOCAL


def point(model: h.OperatingModel, topic: str) -> tuple[ind.PointStatus, str]:
    found = ind.assess_transferability(model)[topic]
    return found.status, found.message


def permanent(organisation: str, day: pendulum.Date) -> h.EmbeddingStep:
    return h.EmbeddingStep(
        stage=h.EmbeddingStage.MADE_PERMANENT, date=day, organisation=organisation
    )


def note(element: str, role: h.ElementRole, depends_on: str | None = None):
    return h.TransferabilityNote(element=element, role=role, depends_on=depends_on)


def test_an_assessment_is_of_the_model_it_was_asked_for() -> None:
    assert ind.assess_transferability(evolve(BARE, id="kaiku-malli")).model == "kaiku-malli"


def test_asking_for_a_topic_the_assessment_has_not_is_a_key_error() -> None:
    with pytest.raises(KeyError) as caught:
        ind.assess_transferability(BARE)["evidence.EECR04"]
    assert caught.value.args == ("evidence.EECR04",)


def test_a_filled_field_is_said_to_be_described() -> None:
    model = evolve(BARE, basic_idea="Coaching alongside rehabilitative work.")
    assert point(model, "field.basic_idea") == (
        P.DOCUMENTED, "basic idea (ratkaisun perusidea) is described",
    )  # fmt: skip


def test_a_model_with_no_embedding_step_is_told_the_four_steps() -> None:
    assert point(BARE, "embedding") == (
        P.MISSING,
        "no embedding step is recorded (4V: communicated, varied, mainstreamed, made permanent)",
    )


def test_every_place_the_model_was_made_permanent_is_named() -> None:
    steps = (
        permanent("Joensuun kaupunki", D(2017, 1, 1)),
        permanent("Lieksan kaupunki", D(2018, 3, 1)),
    )
    assert point(evolve(BARE, embedding=steps), "embedding") == (
        P.DOCUMENTED,
        "made permanent in Joensuun kaupunki from 2017-01-01; in Lieksan kaupunki from 2018-03-01",
    )


def test_every_core_element_is_named() -> None:
    model = evolve(BARE, transferability=(note("job coaching", CORE), note("peer groups", CORE)))
    assert point(model, "elements.core") == (
        P.DOCUMENTED, "core elements: job coaching, peer groups",
    )  # fmt: skip


def test_a_model_without_core_elements_is_told_what_to_name() -> None:
    assert point(BARE, "elements.core") == (
        P.MISSING,
        "no core element is named: say what must be kept wherever the model is used",
    )


def test_a_model_without_local_elements_is_told_what_to_name() -> None:
    model = evolve(BARE, transferability=(note("job coaching", CORE),))
    assert point(model, "elements.local") == (
        P.MISSING,
        "no local element is named: say what a new site must adapt",
    )


def test_local_elements_are_missing_until_each_names_its_context() -> None:
    explained = note("premises", LOCAL, "a workshop of the association")
    model = evolve(
        BARE, transferability=(note("associations", LOCAL), explained, note("employers", LOCAL))
    )
    assert point(model, "elements.local") == (
        P.MISSING,
        "local elements without the context they depend on: associations, employers",
    )
    both = (explained, note("employers", LOCAL, "local firms"))
    assert point(evolve(BARE, transferability=both), "elements.local") == (
        P.DOCUMENTED,
        "local elements: premises (depends on a workshop of the association), employers "
        "(depends on local firms)",
    )


def test_a_model_not_tried_elsewhere_is_missing_its_trials() -> None:
    assert point(BARE, "trials") == (P.MISSING, "not tried outside the project yet")


def test_every_trial_without_a_result_is_named() -> None:
    trials = (
        h.TrialElsewhere(place="Lieksa", start=D(2018, 1, 1)),
        h.TrialElsewhere(place="Outokumpu", start=D(2018, 5, 1), result="in use"),
        h.TrialElsewhere(place="Nurmes", start=D(2019, 2, 1)),
    )
    assert point(evolve(BARE, trials=trials), "trials") == (
        P.MISSING,
        "no result recorded for the trial in Lieksa (from 2018-01-01), Nurmes (from 2019-02-01)",
    )


def test_every_trial_and_its_result_is_told() -> None:
    trials = (
        h.TrialElsewhere(place="Lieksa", start=D(2018, 1, 1), result="in use"),
        h.TrialElsewhere(place="Nurmes", start=D(2019, 2, 1), result="ended"),
    )
    assert point(evolve(BARE, trials=trials), "trials") == (
        P.DOCUMENTED,
        "tried elsewhere: Lieksa from 2018-01-01: in use; Nurmes from 2019-02-01: ended",
    )


def test_the_furthest_step_is_the_highest_stage_and_then_the_latest() -> None:
    def step(stage, day, organisation="Joensuun kaupunki"):
        return h.EmbeddingStep(stage=stage, date=day, organisation=organisation)

    stage = h.EmbeddingStage
    steps = (
        step(stage.COMMUNICATED, D(2016, 1, 1)),
        step(stage.MAINSTREAMED, D(2016, 6, 1), "Kontiolahden kunta"),
        step(stage.VARIED, D(2017, 1, 1)),
        step(stage.MAINSTREAMED, D(2017, 3, 1), "Liperin kunta"),
        step(stage.COMMUNICATED, D(2018, 1, 1), "Outokummun kaupunki"),
    )
    assert point(evolve(BARE, embedding=steps), "embedding") == (
        P.MISSING,
        "not made permanent anywhere yet; the furthest step is mainstreamed in Liperin kunta "
        "from 2017-03-01",
    )
