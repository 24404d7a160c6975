"""The frames' rules stated for any dataset the project's strategies generate."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import frames
from hankemalli.testing import strategies as hs

pytest.importorskip("polars")
pytest.importorskip("pyarrow")


@st.composite
def datasets_and_days(draw: st.DrawFn) -> tuple[h.Dataset, pendulum.Date]:
    """A dataset and an as-of day from before its programme to well after it."""
    dataset = draw(hs.datasets(max_participants=6))
    programme = dataset.programme
    day = draw(hs.dates_between(programme.start.subtract(days=30), programme.end.add(years=1)))
    return dataset, day


@given(dataset=hs.datasets(max_participants=6))
def test_one_row_per_participant_with_the_records_first_entry(dataset: h.Dataset, rows) -> None:
    as_of = dataset.programme.end  # every period lies inside the programme
    found = rows(frames.participants(dataset, backend="polars", as_of=as_of))
    assert len(found) == len(dataset.participants)
    assert [r["pseudonym"] for r in found] == [r.id for r in dataset.participants]
    assert [r["first_entry"] for r in found] == [r.first_entry for r in dataset.participants]


@given(drawn=datasets_and_days())
def test_the_participants_as_of_a_day_are_those_who_had_entered(
    drawn: tuple[h.Dataset, pendulum.Date], rows
) -> None:
    dataset, as_of = drawn
    found = rows(frames.participants(dataset, backend="pyarrow", as_of=as_of))
    entered = [r for r in dataset.participants if r.first_entry <= as_of]
    assert [r["pseudonym"] for r in found] == [r.id for r in entered]
    assert [r["first_entry"] for r in found] == [r.first_entry for r in entered]
    for row, record in zip(found, entered, strict=True):
        # The last exit as known then: of the stays entered by as_of, an exit by as_of.
        last = [p for p in record.periods if p.entry <= as_of][-1].exit
        assert row["last_exit"] == (last if last is not None and last <= as_of else None)
        upon = h.situation_upon_leaving(record, as_of=as_of)
        assert row["upon_leaving_status"] == (None if upon is None else str(upon.status))
        assert row["upon_leaving_in_education"] == (None if upon is None else upon.in_education)
        later = h.situation_six_months_after(record, as_of=as_of)
        assert row["six_months_status"] == (None if later is None else str(later.status))


@given(dataset=hs.datasets(max_participants=4))
def test_every_period_episode_spell_and_event_is_one_row(dataset: h.Dataset, rows) -> None:
    for name in ("periods", "episodes", "situations", "events"):
        found = rows(getattr(frames, name)(dataset, backend="polars"))
        items = [(r.id, item) for r in dataset.participants for item in getattr(r, name)]
        assert [row["pseudonym"] for row in found] == [pid for pid, _ in items], name
        day = "entry" if name == "periods" else "date" if name == "events" else "start"
        assert [row[day] for row in found] == [getattr(item, day) for _, item in items], name


@given(dataset=hs.datasets(max_participants=4))
def test_polars_and_pyarrow_frames_hold_the_same_rows(dataset: h.Dataset, rows) -> None:
    as_of = dataset.programme.end
    for made in (
        lambda b: frames.participants(dataset, backend=b, as_of=as_of),
        lambda b: frames.situations(dataset, backend=b),
        lambda b: frames.events(dataset, backend=b),
    ):
        assert rows(made("polars")) == rows(made("pyarrow"))
