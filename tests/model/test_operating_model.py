"""Operating models (_operating_model.py): the description, 4V embedding, transferability."""

from __future__ import annotations

import pendulum
import pytest
from attrs import evolve
from hypothesis import given

import hankemalli as h
from hankemalli.demo import demo_dataset
from hankemalli.serialization import dumps, from_dict, loads, to_dict
from hankemalli.testing._operating_models import operating_models

D = pendulum.date
S = h.ServiceType
NEW_YEAR_2017 = D(2017, 1, 1)


def step(stage=h.EmbeddingStage.MADE_PERMANENT, day=NEW_YEAR_2017, org="Joensuun kaupunki"):
    return h.EmbeddingStep(stage=stage, date=day, organisation=org)


def model(**overrides) -> h.OperatingModel:
    fields = {"id": "malli-1", "name": "Kuntouttava työtoiminta ja työhönvalmennus"}
    return h.OperatingModel(**(fields | overrides))


def kielikylpy() -> h.OperatingModel:
    """PROSESSI's language immersion, described with the same classes as KAIKU's model."""
    return h.OperatingModel(
        id="kielikylpy",
        name="Kielikylpy",
        short_description="Language immersion for immigrants in the association's work.",
        basic_idea="Finnish is learnt at work, with people of every generation.",
        target_groups=("young immigrants", "long-term unemployed adults"),
        place="Oulu",
        author="Kulttuurivoimala ry",
        methods=("intergenerational interaction", "experiential learning", "peer learning"),
        services=(S.LANGUAGE_IMMERSION,),
        started=D(2016, 1, 1),
        embedding=(
            h.EmbeddingStep(
                stage=h.EmbeddingStage.COMMUNICATED,
                date=D(2016, 3, 1),
                organisation="Kulttuurivoimala ry",
                note="shown to partners",
            ),
        ),
        transferability=(
            h.TransferabilityNote(element="learning Finnish at work", role=h.ElementRole.CORE),
            h.TransferabilityNote(
                element="intergenerational groups",
                role=h.ElementRole.LOCAL,
                depends_on="an association with members of every age",
            ),
        ),
    )


def problems(caught: pytest.ExceptionInfo[h.DataError]) -> list[str]:
    return list(caught.value.problems)


def test_prosessi_kielikylpy_can_be_described_and_read_back() -> None:
    described = kielikylpy()
    assert described.furthest_stage() is h.EmbeddingStage.COMMUNICATED
    assert described.permanent_steps == ()
    assert "conditions_for_working" in described.empty_fields()
    assert "methods" not in described.empty_fields()
    assert loads(dumps(described), h.OperatingModel) == described


def test_the_demo_carries_kaiku_model_made_permanent_in_joensuu() -> None:
    kaiku = demo_dataset().operating_model("kaiku-malli")
    assert kaiku.services == (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    assert [(s.organisation, s.date) for s in kaiku.permanent_steps] == [
        ("Joensuun kaupunki", D(2017, 1, 1))
    ]
    assert kaiku.furthest_stage("Joensuun kaupunki") is h.EmbeddingStage.MADE_PERMANENT
    assert kaiku.furthest_stage("Kontiolahden kunta") is None
    partners = {p.name for p in kaiku.partners}
    assert {"Joensuun kaupunki", "Pohjois-Karjalan TE-toimisto", "Siun sote"} <= partners
    assert any(p.kind is h.OrganisationKind.ASSOCIATION for p in kaiku.partners)
    assert any("goal ladder" in m for m in kaiku.methods)
    assert any("solution-focused" in m for m in kaiku.methods)


def test_4v_stages_are_ranked_in_their_order() -> None:
    assert [s.rank for s in h.EmbeddingStage] == [0, 1, 2, 3]
    assert list(h.EmbeddingStage)[-1] is h.EmbeddingStage.MADE_PERMANENT


def test_a_model_needs_an_identifier_and_a_name() -> None:
    with pytest.raises(h.DataError) as caught:
        model(id="malli 1", name=" ")
    assert [p.split(":")[0] for p in problems(caught)] == ["$.id", "$.name"]
    assert "not a valid operating model identifier" in problems(caught)[0]


def test_descriptions_are_non_blank_text() -> None:
    with pytest.raises(h.DataError) as caught:
        model(basic_idea="", methods=("ok", " "), funders="ESR")
    assert problems(caught) == [
        "$.basic_idea: must not be blank",
        "$.funders: expected a tuple or a list, got str",
        "$.methods[1]: must not be blank",
    ]


def test_services_are_known_codes_listed_once() -> None:
    with pytest.raises(h.DataError) as caught:
        model(services=(S.JOB_COACHING, "tet", S.JOB_COACHING))
    assert problems(caught) == [
        "$.services[1]: expected ServiceType, got str",
        "$.services[2]: service job_coaching is listed twice (first at index 0)",
    ]


def test_embedding_steps_are_listed_in_date_order() -> None:
    late, early = step(day=D(2017, 1, 1)), step(h.EmbeddingStage.COMMUNICATED, D(2016, 1, 1))
    with pytest.raises(h.DataError) as caught:
        model(embedding=(late, early))
    assert problems(caught) == [
        "$.embedding[1].date: embedding steps are listed in date order; this one (2016-01-01) "
        "comes before the one above it (2017-01-01)"
    ]


def test_an_organisation_reaches_each_step_once() -> None:
    with pytest.raises(h.DataError) as caught:
        model(embedding=(step(), step(day=D(2018, 1, 1))))
    assert problems(caught) == [
        "$.embedding[1]: 'Joensuun kaupunki' reached the step made_permanent twice "
        "(first at embedding[0]); keep the date it was first reached"
    ]
    # Another organisation may reach the same step.
    assert len(model(embedding=(step(), step(org="Kontiolahden kunta"))).permanent_steps) == 2


def test_an_embedding_step_is_dated_attributed_and_coded() -> None:
    with pytest.raises(h.DataError) as caught:
        h.EmbeddingStep(stage="made_permanent", date="2017-01-01", organisation="")
    assert [p.split(":")[0] for p in problems(caught)] == ["$.stage", "$.date", "$.organisation"]
    assert "EmbeddingStage.MADE_PERMANENT" in problems(caught)[0]


def test_an_element_is_described_once() -> None:
    note = h.TransferabilityNote(element="job coaching", role=h.ElementRole.CORE)
    with pytest.raises(h.DataError) as caught:
        model(transferability=(note, evolve(note, role=h.ElementRole.LOCAL)))
    assert problems(caught) == [
        "$.transferability[1].element: element 'job coaching' is described twice "
        "(first at transferability[0])"
    ]


def test_a_trial_elsewhere_says_where_and_when() -> None:
    with pytest.raises(h.DataError) as caught:
        h.TrialElsewhere(place="", start=None, result=" ")
    assert [p.split(":")[0] for p in problems(caught)] == ["$.place", "$.start", "$.result"]
    assert h.TrialElsewhere(place="Oulu", start=D(2019, 1, 1)).result is None


def test_model_ids_are_unique_in_a_dataset(build) -> None:
    with pytest.raises(h.DataError) as caught:
        build.dataset(operating_models=(model(), model(name="toinen")))
    assert problems(caught) == [
        "$.operating_models[1].id: operating model identifier 'malli-1' is used twice "
        "(first at operating_models[0])"
    ]


def test_a_dataset_finds_its_model_by_id(build) -> None:
    dataset = build.dataset(operating_models=(kielikylpy(),))
    assert dataset.operating_model("kielikylpy") is dataset.operating_models[0]
    with pytest.raises(KeyError):
        dataset.operating_model("kaiku")


def test_a_document_without_models_is_read_and_written_as_before(build) -> None:
    dataset = build.dataset()
    assert "operating_models" not in to_dict(dataset)
    assert "instruments" not in to_dict(dataset)
    assert loads(dumps(dataset)).operating_models == ()


def test_every_problem_in_the_models_of_a_document_is_reported(build) -> None:
    document = to_dict(build.dataset(operating_models=(kielikylpy(), model())))
    document["operating_models"][0]["embedding"][0]["stage"] = "rooted"
    document["operating_models"][1]["id"] = "kielikylpy"
    document["operating_models"][1]["colour"] = "red"
    with pytest.raises(h.DataError) as caught:
        from_dict(document, h.Dataset)
    found = problems(caught)
    assert found[0].startswith("$.operating_models[0].embedding[0].stage: unknown EmbeddingStage")
    assert "$.operating_models[1].colour: unknown key" in found[1]
    assert found[2] == (
        "$.operating_models[1].id: operating model identifier 'kielikylpy' is used twice "
        "(first at operating_models[0])"
    )
    assert len(found) == 3


def test_models_must_be_an_array(build) -> None:
    document = to_dict(build.dataset())
    document["operating_models"] = {"id": "x"}
    with pytest.raises(h.DataError) as caught:
        from_dict(document, h.Dataset)
    assert problems(caught) == ["$.operating_models: expected an array, got an object"]


@given(operating_models())
def test_any_model_round_trips_through_json(described: h.OperatingModel) -> None:
    assert loads(dumps(described), h.OperatingModel) == described


@given(operating_models(complete=True))
def test_a_complete_model_has_no_empty_field_and_is_permanent(described: h.OperatingModel) -> None:
    assert described.empty_fields() == ()
    assert described.furthest_stage() is h.EmbeddingStage.MADE_PERMANENT
