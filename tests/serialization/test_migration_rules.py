"""The rules of migrating a version-1 document, record by record (see ``._migrate``).

Each test states one rule of ``docs/serialization.md`` / the migration's docstring:
what becomes a spell, what is kept as it was, and where a problem of a migrated
document is reported (at its path in the document as written).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from hankemalli import DataError, Dataset, Employment, JobSeeking, format_path
from hankemalli.serialization import from_dict, migrate


def _v1_record(pid: str = "K-0001", **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "participant": {"id": pid, "age_at_entry": 30},
        "profile": {"labour_market_status": "unemployed"},
        "periods": [{"entry": "2016-03-01", "exit": "2016-09-30"}],
    }
    record.update(extra)
    return record


def _v1(*records: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "programme": {
            "id": "KAIKU",
            "name": "KAIKU",
            "organisation": "PKSTY ry",
            "start": "2015-08-01",
            "end": "2018-12-31",
        },
        "participants": list(records),
    }


JOB_STARTED = {
    "type": "employment_started",
    "date": "2016-06-01",
    "source": "register",
    "kind": "open_labour_market",
}
CERTIFICATE = {
    "type": "certificate_obtained",
    "date": "2016-04-15",
    "source": "document",
    "certificate": "hygiene_passport",
}
SEEKING = {"type": "job_seeking", "start": "2016-03-01", "source": "register"}


def _paths(document: dict[str, Any]) -> list[str]:
    with pytest.raises(DataError) as caught:
        from_dict(document, Dataset)
    return [format_path(p.path) for p in caught.value.details]


def test_a_single_employment_started_event_becomes_a_single_spell():
    migrated = migrate(_v1(_v1_record(events=[JOB_STARTED])))
    record = migrated["participants"][0]
    assert record["situations"] == [
        {
            "type": "employment",
            "start": "2016-06-01",
            "source": "register",
            "kind": "open_labour_market",
        }
    ]
    dataset = from_dict(_v1(_v1_record(events=[JOB_STARTED])), Dataset)
    (spell,) = dataset.participants[0].situations
    assert isinstance(spell, Employment)
    assert spell.is_open


def test_a_record_whose_events_all_become_spells_has_no_events_left():
    record = migrate(_v1(_v1_record(events=[JOB_STARTED])))["participants"][0]
    assert "events" not in record
    assert from_dict(_v1(_v1_record(events=[JOB_STARTED])), Dataset).participants[0].events == ()


def test_a_record_with_none_of_the_three_events_is_left_as_it_was():
    original = _v1_record(events=[CERTIFICATE])
    record = migrate(_v1(copy.deepcopy(original)))["participants"][0]
    assert record == original  # no empty "situations" added, the event kept


def test_spells_a_version_1_record_already_has_are_kept_and_migrated_ones_follow():
    document = _v1(_v1_record(situations=[SEEKING], events=[JOB_STARTED, CERTIFICATE]))
    record = migrate(document)["participants"][0]
    assert record["situations"][0] == SEEKING
    assert [s["type"] for s in record["situations"]] == ["job_seeking", "employment"]
    assert record["events"] == [CERTIFICATE]
    spells = from_dict(document, Dataset).participants[0].situations
    assert [type(s) for s in spells] == [JobSeeking, Employment]


def test_a_problem_in_a_spell_the_record_already_had_stays_at_its_own_path():
    bad_spell = {**SEEKING, "source": "rumour"}
    bad_event = {**JOB_STARTED, "kind": "gig"}
    document = _v1(_v1_record(situations=[bad_spell], events=[bad_event]))
    # The spell written as a spell stays there; the one made from events[0] is
    # reported at the event, as written.
    assert _paths(document) == [
        "$.participants[0].situations[0].source",
        "$.participants[0].events[0].kind",
    ]


def test_a_record_with_no_events_keeps_its_problems_paths_beside_migrated_records():
    without_events = _v1_record("K-0001")
    without_events["periods"][0]["entry"] = "2016-02-30"
    document = _v1(without_events, _v1_record("K-0002", events=[JOB_STARTED]))
    assert _paths(document) == ["$.participants[0].periods[0].entry"]
