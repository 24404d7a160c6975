"""Every figure of an annual report is anchored to its year, not to the date it is given.

``as_of`` says what is known; the period says what is counted. So when nothing in the
records is dated after the year, giving the report later changes none of its figures.
"""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import reporting as rep
from hankemalli.testing import strategies as hst

D = pendulum.date
PERIOD = (D(2015, 3, 1), D(2018, 10, 31))


def known_on(record: h.Participation, day: pendulum.Date) -> h.Participation | None:
    """The record as it stood on ``day``: nothing dated after it; None if not entered yet."""
    periods = []
    for p in record.periods:
        if p.entry > day:
            break
        ended = p.exit is not None and p.exit <= day
        periods.append(
            p if ended else h.ParticipationPeriod(entry=p.entry, exit=None, exit_reason=None)
        )
    if not periods:
        return None
    last = periods[-1].exit
    # Without the stays entered after the day, the participation may end earlier: an
    # episode is then cut at the last exit known (the model keeps episodes inside it).
    limit = day if last is None else last
    episodes = tuple(
        e if e.end is not None and e.end <= limit else attrs.evolve(e, end=last)
        for e in record.episodes
        if e.start <= limit
    )
    ids = {e.id for e in episodes if e.id is not None}
    situations = []
    for s in record.situations:
        if s.start > day:
            continue
        if s.end is not None and s.end > day:
            s = attrs.evolve(s, end=None)
        if isinstance(s, h.Employment) and s.via_episode not in (None, *ids):
            s = attrs.evolve(s, via_episode=None)
        situations.append(s)
    left = periods[-1].exit is not None and periods[-1].exit == record.last_exit
    return attrs.evolve(
        record,
        periods=tuple(periods),
        episodes=episodes,
        situations=tuple(situations),
        exit_situation=record.exit_situation if left else None,
        events=tuple(e for e in record.events if e.date <= day),
        assessments=tuple(a for a in record.assessments if a.date <= day),
    )


@settings(max_examples=25)
@given(
    hst.datasets(period=PERIOD, max_participants=6),
    st.integers(2015, 2018),
    st.integers(0, 400),
    st.integers(1, 400),
)
def test_an_annual_report_does_not_change_when_given_later_if_nothing_after_the_year_changed(
    dataset, year, first, later
):
    # The report's period ends with the year, or with the programme if that is earlier;
    # the records are cut there, so that nothing in them is dated after the earliest
    # as_of (a contact in November after a programme that ended in October would
    # rightly change the figures once it is known).
    end = min(D(year, 12, 31), dataset.programme.end)
    records = [r for r in (known_on(r, end) for r in dataset.participants) if r is not None]

    def report(as_of):
        found = rep.issue_annual_report(
            dataset.programme, records, year=year, as_of=as_of, issued=as_of
        )
        return found.results.figures, found.results.groups, found.attainments

    early, late = end.add(days=first), end.add(days=first + later)
    assert report(early) == report(late)
