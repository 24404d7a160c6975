"""A compact factory of participant records for the indicator tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pendulum
import pytest

import hankemalli as h

D = pendulum.date

Record = Callable[..., h.Participation]


def _record(
    pid: str = "P-1",
    *,
    age: int | None = 30,
    periods: Sequence[tuple[pendulum.Date, pendulum.Date | None]] = (
        (D(2016, 3, 1), D(2016, 6, 1)),
    ),
    status: h.LabourMarketStatus | None = h.LabourMarketStatus.UNEMPLOYED,
    since: pendulum.Date | None = None,
    gender: h.Gender | None = h.Gender.WOMAN,
    education: h.IscedBand | None = h.IscedBand.ISCED_0_2,
    episodes: Sequence[h.ServiceEpisode] = (),
    events: Sequence[h.OutcomeEvent] = (),
    **profile: Any,
) -> h.Participation:
    return h.Participation(
        participant=h.Participant(id=pid, age_at_entry=age),
        profile=h.EntryProfile(
            gender=gender,
            labour_market_status=status,
            unemployed_since=since,
            education=education,
            **profile,
        ),
        periods=tuple(h.ParticipationPeriod(entry=a, exit=b) for a, b in periods),
        episodes=tuple(episodes),
        events=tuple(events),
    )


@pytest.fixture
def rec() -> Record:
    """Build a participant record: ``rec("P-1", age=24, periods=((entry, exit),), ...)``."""
    return _record


def employment(day: pendulum.Date, **kw: Any) -> h.EmploymentStarted:
    """An open-labour-market job started on ``day``."""
    return h.EmploymentStarted(
        date=day,
        source=h.InformationSource.REGISTER,
        kind=kw.pop("kind", h.EmploymentKind.OPEN_LABOUR_MARKET),
        **kw,
    )


@pytest.fixture
def job() -> Callable[..., h.EmploymentStarted]:
    """Build an employment-started event: ``job(day, kind=..., via_episode=...)``."""
    return employment
