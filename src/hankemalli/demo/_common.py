"""What the demo's strands share: plans in days, placing them in the calendar, follow-ups.

A strand first plans a pathway in days from the first entry (:class:`Plan`), then
places it at an entry date that lets it end inside the programme, so no period or
episode ever needs clipping and the designed counts survive intact.

Situation spells are drawn in two steps. The main random stream decides what the
version-1 events decided (when a job, a study or registered job seeking began, and
its kind), so the designed counts, which count starts, survive. What only spells
have (their ends, the spells that agree them with the six-month follow-up, jobs
held at entry, the operation's own training) comes from a second stream, so it
does not disturb the first (:func:`settle`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

import pendulum
from attrs import evolve

from ..model import (
    ContactKind,
    ContractType,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitReason,
    ImprovementKind,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    OutcomeEvent,
    ParticipationPeriod,
    PostExitContact,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
    SituationSpell,
    status_on,
)

__all__ = [
    "ASSOCIATIONS",
    "END",
    "ORGANISATION",
    "PARALLEL_PROJECT",
    "START",
    "UPON_LEAVING_DAYS",
    "WORKPLACES",
    "Ep",
    "Placed",
    "Plan",
    "Record",
    "day_between",
    "deal",
    "draw_age",
    "follow_up",
    "in_calendar",
    "place",
    "record",
    "settle",
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

#: The ESF's "upon leaving": the exit day and the 28 days after it.
UPON_LEAVING_DAYS = 28

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
    situations: tuple[SituationSpell, ...]
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
    situations: Sequence[SituationSpell] = (),
) -> Record:
    """A record of a placed plan; ``reasons`` gives each period's exit reason."""
    periods = tuple(
        ParticipationPeriod(entry=a, exit=b, exit_reason=r)
        for (a, b), r in zip(placed.periods, reasons, strict=True)
    )
    return Record(
        age=age,
        profile=profile,
        periods=periods,
        episodes=placed.episodes,
        situations=tuple(sorted(situations, key=lambda s: s.start)),
        events=tuple(sorted(events, key=lambda e: e.date)),
    )


def follow_up(
    rng: random.Random,
    exit_: pendulum.Date,
    events: list[OutcomeEvent],
    spells: Sequence[SituationSpell],
    *,
    chance: float,
    employed_at_entry: bool = False,
) -> SituationKind | None:
    """Add, by chance, the situation six months after ``exit_`` and contact kept after it.

    The situation is likely from the spells that began by then (a job, a study); only
    someone employed at entry and employed again can have an improved situation.
    Returns the situation recorded, if one was, for :func:`settle` to agree the
    spells with it.
    """
    recorded = None
    if rng.random() < chance:
        options: tuple[SituationKind, ...]
        if employed_at_entry or any(isinstance(s, Employment) for s in spells):
            options = (SituationKind.EMPLOYED,) * 5 + (SituationKind.JOB_SEARCHING,)
        elif any(isinstance(s, Education) and not s.own_training for s in spells):
            options = (SituationKind.IN_EDUCATION,) * 5 + (SituationKind.JOB_SEARCHING,)
        else:
            options = (
                (SituationKind.JOB_SEARCHING,) * 6
                + (SituationKind.INACTIVE,) * 2
                + (SituationKind.IN_EDUCATION, SituationKind.SELF_EMPLOYED)
            )
        situation = recorded = rng.choice(options)
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
    return recorded


def day_between(rng: random.Random, low: pendulum.Date, high: pendulum.Date) -> pendulum.Date:
    """A day from ``low`` to ``high``, both included."""
    return low.add(days=rng.randint(0, (high - low).days))


def _with_end(rng: random.Random, spell: SituationSpell) -> SituationSpell:
    """The spell with an end, if it is of a kind that has one and has none yet.

    Fixed-term and subsidised jobs end months later, short studies in weeks or
    months; a permanent job, self-employment, registered job seeking and half the
    degree-oriented studies go on as far as the record knows.
    """
    if spell.end is not None:
        return spell
    days: int | None = None
    if isinstance(spell, Employment):
        if spell.kind is EmploymentKind.SUBSIDISED:
            days = rng.randint(150, 365)
        elif spell.contract is ContractType.FIXED_TERM:
            days = rng.randint(90, 540)
    elif isinstance(spell, Education):
        if not spell.degree_oriented:
            days = rng.randint(40, 300)
        elif rng.random() < 0.4:
            days = rng.randint(240, 1100)
    return spell if days is None else evolve(spell, end=spell.start.add(days=days))


def _seeking_until_work(spells: list[SituationSpell]) -> list[SituationSpell]:
    """Each job-seeking spell ends the day before the next job that begins during it."""
    jobs = sorted(s.start for s in spells if isinstance(s, Employment))
    out: list[SituationSpell] = []
    for spell in spells:
        if isinstance(spell, JobSeeking):
            found = next((d for d in jobs if d > spell.start and spell.covers(d)), None)
            if found is not None:
                spell = evolve(spell, end=found.subtract(days=1))
        out.append(spell)
    return out


_STATUS = {
    SituationKind.EMPLOYED: LeavingStatus.EMPLOYED,
    SituationKind.SELF_EMPLOYED: LeavingStatus.SELF_EMPLOYED,
    SituationKind.JOB_SEARCHING: LeavingStatus.JOB_SEARCHING,
    SituationKind.INACTIVE: LeavingStatus.INACTIVE,
    SituationKind.IN_EDUCATION: LeavingStatus.INACTIVE,
}


def _agree(
    rng: random.Random,
    spells: list[SituationSpell],
    exit_: pendulum.Date,
    recorded: SituationKind,
) -> list[SituationSpell]:
    """The spells changed to give ``recorded`` six months after ``exit_``.

    Only what follows the upon-leaving window changes: a spell is cut to end no
    earlier than the window's last day, and spells added begin after that day, so
    the situation upon leaving, and every count of starts in it, stays as it was. A
    job lost ends before the six-month date (job seeking follows it if that is what
    was recorded); a fixed-term or subsidised job held then was extended; work,
    self-employment or a study that nothing else explains begins after the window.
    """
    six = exit_.add(months=6)
    kept = exit_.add(days=UPON_LEAVING_DAYS)
    wanted = _STATUS[recorded]
    cut_ends: list[pendulum.Date] = []

    def cut(kinds: tuple[type, ...]) -> None:
        for index, spell in enumerate(spells):
            if (
                isinstance(spell, kinds)
                and spell.covers(six)
                and not (isinstance(spell, Education) and spell.own_training)
            ):
                low = max(spell.start, kept)
                assert low < six, "a spell to cut begins after the upon-leaving window"
                end = day_between(rng, low, six.subtract(days=1))
                spells[index] = evolve(spell, end=end)
                cut_ends.append(end)

    if wanted.in_employment:
        status, _ = status_on(spells, six)
        if status is not wanted and wanted is LeavingStatus.EMPLOYED:
            # A job that was still going on upon leaving or began later was extended.
            later = [
                (i, s)
                for i, s in enumerate(spells)
                if isinstance(s, Employment)
                and s.kind is not EmploymentKind.SELF_EMPLOYMENT
                and s.start <= six
                and (s.end is None or s.end >= kept)
            ]
            if later:
                index, job = max(later, key=lambda pair: pair[1].start)
                # A fixed-term or subsidised contract was extended past the follow-up.
                extended = six.add(days=rng.randint(UPON_LEAVING_DAYS, 365))
                spells[index] = evolve(job, end=None if job.end is None else extended)
            status, _ = status_on(spells, six)
        if status is not wanted:
            spells.append(
                Employment(
                    start=day_between(rng, kept.add(days=1), six),
                    source=InformationSource.PARTICIPANT_REPORTED,
                    kind=EmploymentKind.SELF_EMPLOYMENT
                    if wanted is LeavingStatus.SELF_EMPLOYED
                    else EmploymentKind.SUBSIDISED,
                )
            )
        return _seeking_until_work(spells)
    cut((Employment,) if wanted is LeavingStatus.JOB_SEARCHING else (Employment, JobSeeking))
    if recorded is SituationKind.IN_EDUCATION:
        if not any(
            isinstance(s, Education) and not s.own_training and s.covers(six) for s in spells
        ):
            spells.append(
                Education(
                    start=day_between(rng, kept.add(days=1), six),
                    source=InformationSource.PARTICIPANT_REPORTED,
                    kind=rng.choice((EducationKind.VOCATIONAL, EducationKind.GENERAL)),
                    degree_oriented=False,
                )
            )
    else:
        cut((Education,))
    if wanted is LeavingStatus.JOB_SEARCHING and status_on(spells, six)[0] is not wanted:
        start = max(cut_ends).add(days=1) if cut_ends else day_between(rng, kept.add(days=1), six)
        spells.append(JobSeeking(start=start, source=InformationSource.REGISTER))
    return spells


def settle(
    rng: random.Random,
    spells: Sequence[SituationSpell],
    exit_: pendulum.Date,
    recorded: SituationKind | None,
) -> list[SituationSpell]:
    """The spells of a record, finished from the second random stream ``rng``.

    Gives the spells their ends (:func:`_with_end`), ends job seeking when a job
    begins, and, when a situation six months after ``exit_`` was recorded, agrees
    the spells with it (:func:`_agree`).
    """
    settled = _seeking_until_work([_with_end(rng, s) for s in spells])
    if recorded is not None:
        settled = _agree(rng, settled, exit_, recorded)
    return settled
