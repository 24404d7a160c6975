"""What the demo's strands share: plans in days, placing them in the calendar, follow-ups.

A strand first plans a pathway in days from the first entry (:class:`Plan`), then
places it at an entry date that lets it end inside the programme, so no period or
episode ever needs clipping and the designed counts survive intact.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

import pendulum

from ..model import (
    ContactKind,
    EducationStarted,
    EmploymentStarted,
    EntryProfile,
    ExitReason,
    ImprovementKind,
    InformationSource,
    OutcomeEvent,
    ParticipationPeriod,
    PostExitContact,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
)

__all__ = [
    "ASSOCIATIONS",
    "END",
    "ORGANISATION",
    "PARALLEL_PROJECT",
    "START",
    "WORKPLACES",
    "Ep",
    "Placed",
    "Plan",
    "Record",
    "deal",
    "draw_age",
    "follow_up",
    "in_calendar",
    "place",
    "record",
    "source",
]

START = pendulum.date(2015, 8, 1)
END = pendulum.date(2018, 12, 31)
ORGANISATION = "Pohjois-Karjalan Sosiaaliturvayhdistys ry"
#: Invented member associations of the network that offer rehabilitative work.
ASSOCIATIONS = ("Demoyhdistys Kierto ry", "Demoyhdistys Kohtaamo ry", "Demoyhdistys Verstas ry")
#: The parallel project that ran the piloted services as labour-market training.
PARALLEL_PROJECT = "Rinnakkaishanke (työvoimakoulutus)"
#: Invented workplaces of TET periods and work trials.
WORKPLACES = ("Ravintola-alan yritys", "Siivousalan yritys", "Kauppa", "Hoivakoti", "Varasto")

T = TypeVar("T")


class Ep(NamedTuple):
    """A service episode planned in days from the first entry."""

    service: ServiceType
    start: int
    end: int
    provider: str
    label: str | None = None
    id: str | None = None


class Plan(NamedTuple):
    """A pathway in days from the first entry: periods ``(entry, exit)`` and episodes."""

    periods: list[tuple[int, int]]
    episodes: list[Ep]

    @property
    def length(self) -> int:
        """Days from the first entry to the last exit."""
        return self.periods[-1][1]


class Placed(NamedTuple):
    """A plan placed in the calendar."""

    periods: list[tuple[pendulum.Date, pendulum.Date]]
    episodes: tuple[ServiceEpisode, ...]

    @property
    def last_exit(self) -> pendulum.Date:
        """The date of the last exit."""
        return self.periods[-1][1]


class Record(NamedTuple):
    """A participant record without its pseudonym, which depends on the entry order."""

    age: int
    profile: EntryProfile
    periods: tuple[ParticipationPeriod, ...]
    episodes: tuple[ServiceEpisode, ...]
    events: tuple[OutcomeEvent, ...]


def deal(rng: random.Random, counts: Sequence[tuple[T, int]]) -> list[T]:
    """Exactly ``count`` of each value, in random order."""
    values = [value for value, count in counts for _ in range(count)]
    rng.shuffle(values)
    return values


def draw_age(rng: random.Random, low: int, high: int, mode: int) -> int:
    """An age in completed years, most often near ``mode``."""
    return round(rng.triangular(low, high, mode))


def source(rng: random.Random) -> InformationSource:
    """Any source of information."""
    return rng.choice(list(InformationSource))


def place(
    rng: random.Random, year: int, earliest: pendulum.Date, make: Callable[[], Plan]
) -> tuple[Plan, pendulum.Date]:
    """A plan from ``make`` and an entry in ``year`` that lets it end by the programme's end."""
    first = max(earliest, pendulum.date(year, 1, 1))
    while True:
        plan = make()
        last = min(pendulum.date(year, 12, 31), END.subtract(days=plan.length))
        if last >= first:
            return plan, first.add(days=rng.randint(0, (last - first).days))


def in_calendar(plan: Plan, entry: pendulum.Date) -> Placed:
    """The plan's periods and episodes (in order of start) as dates from ``entry``."""
    return Placed(
        periods=[(entry.add(days=a), entry.add(days=b)) for a, b in plan.periods],
        episodes=tuple(
            ServiceEpisode(
                service=e.service,
                start=entry.add(days=e.start),
                end=entry.add(days=e.end),
                provider=e.provider,
                label=e.label,
                id=e.id,
            )
            for e in sorted(plan.episodes, key=lambda e: e.start)
        ),
    )


def record(
    age: int,
    profile: EntryProfile,
    placed: Placed,
    reasons: Sequence[ExitReason],
    events: list[OutcomeEvent],
) -> Record:
    """A record of a placed plan; ``reasons`` gives each period's exit reason."""
    periods = tuple(
        ParticipationPeriod(entry=a, exit=b, exit_reason=r)
        for (a, b), r in zip(placed.periods, reasons, strict=True)
    )
    ordered = tuple(sorted(events, key=lambda e: e.date))
    return Record(
        age=age, profile=profile, periods=periods, episodes=placed.episodes, events=ordered
    )


def follow_up(
    rng: random.Random,
    exit_: pendulum.Date,
    events: list[OutcomeEvent],
    *,
    chance: float,
    employed_at_entry: bool = False,
) -> None:
    """Add, by chance, the situation six months after ``exit_`` and contact kept after it.

    The situation agrees with the events before it; only someone employed at entry
    and employed again can have an improved situation.
    """
    if rng.random() < chance:
        options: tuple[SituationKind, ...]
        if employed_at_entry or any(isinstance(e, EmploymentStarted) for e in events):
            options = (SituationKind.EMPLOYED,) * 5 + (SituationKind.JOB_SEARCHING,)
        elif any(isinstance(e, EducationStarted) for e in events):
            options = (SituationKind.IN_EDUCATION,) * 5 + (SituationKind.JOB_SEARCHING,)
        else:
            options = (
                (SituationKind.JOB_SEARCHING,) * 6
                + (SituationKind.INACTIVE,) * 2
                + (SituationKind.IN_EDUCATION, SituationKind.SELF_EMPLOYED)
            )
        situation = rng.choice(options)
        improved = employed_at_entry and situation is SituationKind.EMPLOYED
        events.append(
            SituationAfterSixMonths(
                date=exit_.add(months=6),
                source=rng.choice(
                    (InformationSource.REGISTER, InformationSource.PARTICIPANT_REPORTED)
                ),
                situation=situation,
                improvement=ImprovementKind.UNDER_TO_FULL_EMPLOYMENT if improved else None,
            )
        )
    draw = rng.random()
    if draw < 0.08:
        kind = ContactKind.EMPLOYED_BY_ASSOCIATION if draw < 0.015 else ContactKind.VOLUNTEERING
        events.append(
            PostExitContact(
                date=exit_.add(days=rng.randint(30, 240)),
                source=InformationSource.PARTICIPANT_REPORTED,
                kind=kind,
                label=rng.choice(ASSOCIATIONS),
            )
        )
