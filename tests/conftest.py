"""Hypothesis settings profiles for the whole suite (see docs/testing.md).

- ``dev`` (the default): few examples, for a fast edit-test loop.
- ``ci``: derandomized, so every run tries the same examples, with more of them and
  no deadline; chosen when the ``CI`` environment variable is set (CI runs with
  ``CI=true``) or by ``HYPOTHESIS_PROFILE=ci``.
- ``long``: many examples, for a search before a release: ``HYPOTHESIS_PROFILE=long``.
- ``mutation``: derandomized and brief, for the mutation-testing run
  (``tools/mutation.sh``), which runs the suite once per mutant.

``HYPOTHESIS_PROFILE`` wins over ``CI``; pytest's ``--hypothesis-profile NAME`` wins
over both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, settings

import hankemalli as h

settings.register_profile("dev", max_examples=25, deadline=1000)
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation", max_examples=10, derandomize=True, deadline=None, database=None
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "dev"


settings.load_profile(_profile())


# A compact factory of participant records, shared by the indicator, rules and
# reporting tests (fixtures ``rec`` and ``job``).


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
    situations: Sequence[h.SituationSpell] = (),
    exit_situation: h.ExitSituation | None = None,
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
        situations=tuple(situations),
        exit_situation=exit_situation,
        events=tuple(events),
    )


@pytest.fixture
def rec() -> Record:
    """Build a participant record: ``rec("P-1", age=24, periods=((entry, exit),), ...)``."""
    return _record


def employment(day: pendulum.Date, end: pendulum.Date | None = None, **kw: Any) -> h.Employment:
    """An open-labour-market job from ``day`` to ``end`` (open if None)."""
    return h.Employment(
        start=day,
        end=end,
        source=h.InformationSource.REGISTER,
        kind=kw.pop("kind", h.EmploymentKind.OPEN_LABOUR_MARKET),
        **kw,
    )


@pytest.fixture
def job() -> Callable[..., h.Employment]:
    """Build an employment spell: ``job(start, end, kind=..., via_episode=...)``."""
    return employment


@pytest.fixture
def fresh_converter(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Read and write through a converter built for this test, not the one built at import.

    The reader's hooks are made by factories when a converter is built and first
    used. The converter made at import is shared by the whole run, so a test using
    it checks the hooks as they were built before any test ran; with this fixture
    each test checks hooks built while it runs (which is also what lets a mutation
    run see a change to how hooks are built), and that building a converter again
    gives one that behaves the same.
    """
    from hankemalli.serialization import _api, _converter

    fresh = _converter._make_converter()
    monkeypatch.setattr(_converter, "converter", fresh)
    monkeypatch.setattr(_api, "converter", fresh)
    return fresh
