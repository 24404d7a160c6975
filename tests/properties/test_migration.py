"""Reading a version-1 document is reading its migration, and gives the version-2 records.

A version-1 document is made from a generated dataset: each spell that version 1
could express (an open spell, not the operation's own training) becomes the point
event it was, mixed in among the other events; the spells it could not, the exit
situation and the programme's qualifying certificates are left out of both.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st
from property_helpers import assert_same

from hankemalli import Dataset, Education, Participation
from hankemalli.serialization import TAG_KEY, from_dict, loads, migrate, to_dict
from hankemalli.testing import strategies as hs

OLD_TAGS = {"employment": "employment_started", "education": "education_started"}
OLD_TAGS["job_seeking"] = "job_search_started"


def expressible_in_version_1(record: Participation) -> Participation:
    spells = tuple(
        s
        for s in record.situations
        if s.is_open and not (isinstance(s, Education) and s.own_training)
    )
    return attrs.evolve(record, situations=spells, exit_situation=None)


def as_version_1(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """The version-1 form of a version-2 document whose spells version 1 can express."""
    old = dict(document, schema_version=1)
    records = []
    for record in document["participants"]:
        record = dict(record)
        events = list(record.pop("events", []))
        after = 0
        for spell in record.pop("situations", []):
            event = {("date" if key == "start" else key): value for key, value in spell.items()}
            event[TAG_KEY] = OLD_TAGS[spell[TAG_KEY]]
            event.pop("own_training", None)
            # Anywhere after the spell before it, so that the spells keep their order.
            after = draw(st.integers(after, len(events)))
            events.insert(after, event)
            after += 1
        if events:
            record["events"] = events
        records.append(record)
    old["participants"] = records
    return old


@st.composite
def version_1_documents(draw: st.DrawFn) -> tuple[Dataset, dict[str, Any]]:
    dataset = draw(hs.datasets(max_participants=3))
    dataset = attrs.evolve(
        dataset,
        programme=attrs.evolve(dataset.programme, qualifying_certificates=()),
        participants=tuple(expressible_in_version_1(r) for r in dataset.participants),
    )
    return dataset, as_version_1(draw, to_dict(dataset))


@given(version_1_documents())
def test_reading_a_version_1_document_is_reading_its_migration(
    case: tuple[Dataset, dict[str, Any]],
) -> None:
    dataset, document = case
    read = from_dict(document, Dataset)
    assert_same(dataset, read)
    assert_same(read, from_dict(migrate(document), Dataset))
    assert_same(read, loads(json.dumps(document)))


@given(version_1_documents())
def test_migrating_writes_what_the_version_2_writer_writes(
    case: tuple[Dataset, dict[str, Any]],
) -> None:
    dataset, document = case
    assert migrate(document)["schema_version"] == 2
    assert from_dict(migrate(document), Dataset) == dataset
    assert migrate(to_dict(dataset)) == to_dict(dataset)
