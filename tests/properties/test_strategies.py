"""The strategies build valid objects, and only those their knobs ask for."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from property_helpers import all_dates, fewer, strategies_by_class

from hankemalli import (
    CertificateObtained,
    Dataset,
    Employment,
    JobSeeking,
    Participation,
    PostExitContact,
    ServiceType,
)
from hankemalli.testing import strategies as hs

CLASSES = strategies_by_class()
PERIOD = (pendulum.date(2016, 2, 1), pendulum.date(2016, 3, 31))


def rebuild(obj: object) -> object:
    """Build ``obj`` again from its fields, which runs every check of its class again."""
    cls = type(obj)
    return cls(**{f.name: getattr(obj, f.name) for f in attrs.fields(cls)})


@pytest.mark.parametrize("cls", list(CLASSES), ids=lambda cls: cls.__name__)
@fewer(4)
@given(data=st.data())
def test_every_generated_object_is_valid(cls: type, data: st.DataObject) -> None:
    obj = data.draw(CLASSES[cls])
    assert type(obj) is cls
    assert rebuild(obj) == obj


@given(hs.datasets(period=PERIOD, min_participants=2, max_participants=3))
def test_a_dataset_keeps_to_its_period_and_size(dataset: Dataset) -> None:
    assert (dataset.programme.start, dataset.programme.end) == PERIOD
    assert 2 <= len(dataset.participants) <= 3
    for record in dataset.participants:
        assert all(PERIOD[0] <= p.entry <= PERIOD[1] for p in record.periods)
        assert all(p.exit is None or p.exit <= PERIOD[1] for p in record.periods)
        assert all(e.end is None or e.end <= PERIOD[1] for e in record.episodes)


@given(
    hs.participations(
        service_types=[ServiceType.TET, ServiceType.OTHER],
        event_kinds=[CertificateObtained, PostExitContact],
        situation_kinds=[Employment, JobSeeking],
    )
)
def test_a_participation_holds_only_the_kinds_asked_for(record: Participation) -> None:
    assert {e.service for e in record.episodes} <= {ServiceType.TET, ServiceType.OTHER}
    assert {type(e) for e in record.events} <= {CertificateObtained, PostExitContact}
    assert {type(s) for s in record.situations} <= {Employment, JobSeeking}
    ids = {e.id for e in record.episodes if e.id is not None}
    for spell in record.situations:
        if isinstance(spell, Employment) and spell.via_episode is not None:
            assert spell.via_episode in ids


@given(hs.datasets(service_types=[], event_kinds=[], situation_kinds=[]))
def test_empty_kinds_leave_pathways_and_outcomes_out(dataset: Dataset) -> None:
    assert dataset.programme.services == ()
    assert all(not r.episodes and not r.events for r in dataset.participants)
    assert all(not r.situations for r in dataset.participants)


@given(hs.dates_between(PERIOD[0], PERIOD[1]))
def test_dates_are_pendulum_dates_inside_their_bounds(day: pendulum.Date) -> None:
    assert type(day) is pendulum.Date
    assert PERIOD[0] <= day <= PERIOD[1]


@given(hs.datasets())
def test_every_date_of_a_dataset_is_a_pendulum_date(dataset: Dataset) -> None:
    assert all(type(day) is pendulum.Date for day in all_dates(dataset))


@pytest.mark.parametrize(
    "make",
    [
        lambda: hs.datasets(min_participants=3, max_participants=2),
        lambda: hs.datasets(period=(pendulum.date(2017, 1, 1), pendulum.date(2016, 1, 1))),
        lambda: hs.participations(event_kinds=[Dataset]),
        lambda: hs.participations(situation_kinds=[CertificateObtained]),
        lambda: hs.outcome_events(kinds=[]),
        lambda: hs.situation_spells(kinds=[]),
        lambda: hs.violations(rules=["no_such_rule"]),
    ],
    ids=["sizes", "period", "event-kind", "situation-kind", "no-kinds", "no-spells", "rule"],
)
def test_knobs_that_make_no_sense_are_refused(make) -> None:
    with pytest.raises(InvalidArgument):
        make()
