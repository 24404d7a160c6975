"""Reading a schema-version-1 document: it is migrated to version 2 on the way in.

Version 1 recorded employment, education and job seeking as the point events
``employment_started``, ``education_started`` and ``job_search_started``; version 2
records them as situation spells. A version-1 event becomes an open spell starting
on its date (version 1 could not say when it ended); everything else is kept.
Problems in a version-1 document are reported at their paths in it as written.
"""

import copy
import json

import pendulum
import pytest

from hankemalli import (
    SCHEMA_VERSION,
    ContractType,
    DataError,
    Dataset,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    situation_upon_leaving,
)
from hankemalli.serialization import from_dict, loads, migrate, to_dict

D = pendulum.date


def version_1() -> dict:
    """A small version-1 document, as written by hankemalli 0.1."""
    return {
        "schema_version": 1,
        "programme": {
            "id": "KAIKU",
            "name": "KAIKU",
            "organisation": "PKSTY ry",
            "start": "2015-08-01",
            "end": "2018-12-31",
        },
        "participants": [
            {
                "participant": {"id": "K-0001", "age_at_entry": 24},
                "profile": {"labour_market_status": "unemployed"},
                "periods": [{"entry": "2016-03-01", "exit": "2016-09-30"}],
                "episodes": [
                    {"service": "tet", "start": "2016-04-01", "end": "2016-05-31", "id": "tet-1"}
                ],
                "events": [
                    {"type": "job_search_started", "date": "2016-03-01", "source": "register"},
                    {
                        "type": "certificate_obtained",
                        "date": "2016-04-15",
                        "source": "document",
                        "certificate": "hygiene_passport",
                    },
                    {
                        "type": "employment_started",
                        "date": "2016-09-27",
                        "source": "document",
                        "kind": "subsidised",
                        "contract": "fixed_term",
                        "via_episode": "tet-1",
                    },
                    {
                        "type": "education_started",
                        "date": "2016-10-15",
                        "source": "participant_reported",
                        "kind": "vocational",
                        "degree_oriented": True,
                    },
                ],
            },
            {
                "participant": {"id": "K-0002"},
                "profile": {},
                "periods": [{"entry": "2017-01-09"}],
            },
        ],
    }


def test_a_version_1_document_reads_as_version_2():
    dataset = from_dict(version_1(), Dataset)
    assert dataset.schema_version == SCHEMA_VERSION == 2
    record = dataset.participant("K-0001")
    # The point events became open spells starting on their dates, in the same order.
    assert record.situations == (
        JobSeeking(start=D(2016, 3, 1), source=InformationSource.REGISTER),
        Employment(
            start=D(2016, 9, 27),
            source=InformationSource.DOCUMENT,
            kind=EmploymentKind.SUBSIDISED,
            contract=ContractType.FIXED_TERM,
            via_episode="tet-1",
        ),
        Education(
            start=D(2016, 10, 15),
            source=InformationSource.PARTICIPANT_REPORTED,
            kind=EducationKind.VOCATIONAL,
            degree_oriented=True,
        ),
    )
    assert [event.tag for event in record.events] == ["certificate_obtained"]
    assert record.exit_situation is None
    assert dataset.participant("K-0002").situations == ()


def test_employment_started_without_an_end_becomes_an_open_employment_spell():
    migrated = migrate(version_1())
    spell = migrated["participants"][0]["situations"][1]
    assert spell == {
        "type": "employment",
        "start": "2016-09-27",
        "source": "document",
        "kind": "subsidised",
        "contract": "fixed_term",
        "via_episode": "tet-1",
    }
    assert "end" not in spell
    employment = from_dict(version_1(), Dataset).participants[0].situations[1]
    assert employment.is_open
    # Taken as still held: the job begun three days before the exit counts upon leaving.
    found = situation_upon_leaving(from_dict(version_1(), Dataset).participants[0])
    assert found.status is LeavingStatus.EMPLOYED
    assert found.in_education


def test_migrate_gives_a_version_2_document_and_leaves_its_input_alone():
    original = version_1()
    kept = copy.deepcopy(original)
    migrated = migrate(original)
    assert original == kept
    assert migrated["schema_version"] == 2
    assert "events" not in migrated["participants"][1]
    assert migrated["participants"][1] == kept["participants"][1]
    # The migrated document reads on its own, to the same dataset, and writes back as is.
    dataset = from_dict(migrated, Dataset)
    assert dataset == from_dict(original, Dataset)
    assert to_dict(dataset) == migrated


def test_a_version_2_document_is_not_changed_by_migrate():
    document = to_dict(from_dict(version_1(), Dataset))
    assert migrate(document) == document


def test_a_version_1_document_reads_from_json_text():
    assert loads(json.dumps(version_1())) == from_dict(version_1(), Dataset)


def problems(document: dict) -> tuple[str, ...]:
    with pytest.raises(DataError) as caught:
        from_dict(document, Dataset)
    return caught.value.problems


def test_problems_in_a_version_1_document_are_reported_at_its_own_paths():
    document = version_1()
    events = document["participants"][0]["events"]
    events[2]["kind"] = "gig"  # a bad code in an event that becomes a spell
    del events[3]["date"]  # a missing date in another
    events.append("employment")  # not an object: left for the reader
    events.append({"type": "job_found", "date": "2016-11-01", "source": "register"})
    assert problems(document) == (
        "$.participants[0].events[2].kind: unknown EmploymentKind 'gig'; allowed: "
        "open_labour_market, subsidised, self_employment",
        "$.participants[0].events[3].date: required key is missing",
        "$.participants[0].events[4]: expected an event object, got a string",
        "$.participants[0].events[5].type: unknown event type 'job_found'; allowed: "
        "qualification_gained, certificate_obtained, situation_after_six_months, "
        "post_exit_contact",
    )


def test_record_level_problems_of_a_version_1_document_keep_their_paths():
    document = version_1()
    events = document["participants"][0]["events"]
    events[2]["via_episode"] = "tet-9"
    events[1]["date"] = "2016-02-01"
    assert problems(document) == (
        "$.participants[0].events[2].via_episode: no service episode has the id 'tet-9'; "
        "known episode ids: 'tet-1'",
        "$.participants[0].events[1].date: an outcome event cannot be dated (2016-02-01) "
        "before the first entry (2016-03-01)",
    )


def test_a_version_1_record_that_is_not_an_object_is_reported():
    document = version_1()
    document["participants"].append(["K-0003"])
    assert problems(document) == ("$.participants[2]: expected an object with keys, got an array",)


@pytest.mark.parametrize("version", [3, 0, True, 1.0, "1"])
def test_an_unsupported_schema_version_is_reported_and_not_migrated(version):
    document = version_1()
    document["schema_version"] = version
    assert migrate(document) == document
    found = problems(document)
    assert found[0] == (
        f"$.schema_version: unsupported schema version {version!r}; "
        "this hankemalli reads schema versions 1 and 2"
    )
    # Not migrated: the version-1 events are reported as unknown, where they are.
    assert "$.participants[0].events[0].type: unknown event type 'job_search_started'" in (found[1])
