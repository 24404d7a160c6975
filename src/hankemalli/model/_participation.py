"""The participant and their one participation in a programme (osallistuminen)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pendulum
from attrs import field, frozen

from ._checks import (
    all_different,
    check_date,
    check_enum,
    check_optional_date,
    check_tuple_of,
    duplicates,
    in_date_range,
    is_pendulum_date,
    listed,
)
from ._codes import ExitReason
from ._construction import PASSES_MODEL_VALUES, as_date, as_optional_date, as_tuple
from ._errors import Problem, problem, raise_if_any
from ._events import EVENT_TAGS, OutcomeEvent
from ._instruments import Assessment, record_assessment_problems
from ._pathway import ServiceEpisode
from ._profile import EntryProfile
from ._pseudonym import pseudonym_problems, shown_safely
from ._situations import SITUATION_TAGS, Employment, ExitSituation, SituationSpell

__all__ = ["Participant", "Participation", "ParticipationPeriod"]

#: The classes of the tagged unions, for checking the items of a record's tuples.
_SPELL_CLASSES = tuple(SITUATION_TAGS.values())
_EVENT_CLASSES = tuple(EVENT_TAGS.values())

#: The ages the model accepts, in completed years.
AGE_RANGE = range(0, 121)


@frozen(kw_only=True)
class Participant:
    """A person taking part, known only by a pseudonym (osallistuja).

    ``id`` is a pseudonym that the association's own system maps to the person;
    identifiers that look like a personal identity code, an e-mail address or a
    phone number are refused. ``age_at_entry`` is the age in completed years on the
    first entry date, which is what the ESF counts by: the birth date is not
    needed, so it is not stored. ``None`` means unknown (the record then counts in
    the grand total only).
    """

    id: str
    age_at_entry: int | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type: none here, since the id's and the age's checks
        # judge their values (see ParticipationPeriod._field_problems).
        yield from ()

    def _rule_problems(self) -> Iterable[Problem]:
        # Returned rather than yielded: a list costs less than a generator, and the
        # reader's fast path asks it of every record.
        found = pseudonym_problems("id", self.id)
        age = self.age_at_entry
        if age is None or (type(age) is int and age in AGE_RANGE):
            return found
        return [
            *found,
            problem(
                ("age_at_entry",),
                "age.invalid",
                low=AGE_RANGE.start,
                high=AGE_RANGE.stop - 1,
                value=shown_safely(age),
            ),
        ]


@frozen(kw_only=True)
class ParticipationPeriod:
    """One stay in the programme, from an entry to an exit (osallistumisjakso).

    ``exit`` is ``None`` while the stay goes on; ``exit_reason`` is only for a stay
    that has ended.
    """

    entry: pendulum.Date = field(converter=as_date)
    exit: pendulum.Date | None = field(default=None, converter=as_optional_date)
    exit_reason: ExitReason | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def covers(self, day: pendulum.Date) -> bool:
        """True if the person was taking part on ``day``."""
        return self.entry <= day and (self.exit is None or day <= self.exit)

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        yield from check_date("entry", self.entry)
        yield from check_optional_date("exit", self.exit)
        yield from check_enum("exit_reason", self.exit_reason, ExitReason, optional=True)

    def _rule_problems(self) -> list[Problem]:
        # The rules across the fields (a list: cheaper than a generator).
        problems: list[Problem] = []
        entry, exit_ = self.entry, self.exit
        if exit_ is None:
            if self.exit_reason is not None:
                problems.append(problem(("exit_reason",), "period.exit_reason_without_exit"))
        elif in_date_range(entry) and in_date_range(exit_) and exit_ < entry:
            problems.append(
                problem(("exit",), "period.exit_before_entry", exit=str(exit_), entry=str(entry))
            )
        return problems


def _periods(
    value: list[ParticipationPeriod] | tuple[ParticipationPeriod, ...],
) -> tuple[ParticipationPeriod, ...]:
    return as_tuple(value)


def _episodes(
    value: list[ServiceEpisode] | tuple[ServiceEpisode, ...],
) -> tuple[ServiceEpisode, ...]:
    return as_tuple(value)


def _spells(value: list[SituationSpell] | tuple[SituationSpell, ...]) -> tuple[SituationSpell, ...]:
    return as_tuple(value)


def _events(value: list[OutcomeEvent] | tuple[OutcomeEvent, ...]) -> tuple[OutcomeEvent, ...]:
    return as_tuple(value)


def _assessments(value: list[Assessment] | tuple[Assessment, ...]) -> tuple[Assessment, ...]:
    return as_tuple(value)


PASSES_MODEL_VALUES.update((_periods, _episodes, _spells, _events, _assessments))


@frozen(kw_only=True)
class Participation:
    """One person's participation in one programme: the ESF participant record.

    The ESF keeps one record per person per operation. A person who leaves and
    comes back has more ``periods``: the first entry's date and ``profile`` stay,
    the exit and its reason move to the last exit. ``episodes`` are the pathway of
    services in order of start; ``situations`` are the spells of employment,
    education and job seeking (before, during and after participation) that the
    results are counted from; ``exit_situation`` is the situation recorded at the
    last exit, if it was; ``events`` are the point outcomes (qualifications,
    certificates, the situation six months after leaving, contact kept);
    ``assessments`` are the scorings on staged-scale instruments (goal ladders), at
    entry and in review.

    Invariants: periods are in order and do not overlap, and only the last may be
    open; episodes lie inside the participation (from the first entry to the last
    exit) and may be open only while it is; events are not dated before the first
    entry; episode ids are unique, and an employment's ``via_episode`` names one of
    them; the exit situation describes the last exit, so it needs one; assessments
    are not dated before the first entry, each instrument has at most one entry
    assessment and no review before it.
    """

    participant: Participant
    profile: EntryProfile
    periods: tuple[ParticipationPeriod, ...] = field(converter=_periods)
    episodes: tuple[ServiceEpisode, ...] = field(default=(), converter=_episodes)
    situations: tuple[SituationSpell, ...] = field(default=(), converter=_spells)
    exit_situation: ExitSituation | None = None
    events: tuple[OutcomeEvent, ...] = field(default=(), converter=_events)
    assessments: tuple[Assessment, ...] = field(default=(), converter=_assessments)

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    @property
    def id(self) -> str:
        """The participant's pseudonym."""
        return self.participant.id

    @property
    def first_entry(self) -> pendulum.Date:
        """The date of first entry: the start that counts (ensimmäinen aloituspäivä)."""
        return self.periods[0].entry

    @property
    def last_exit(self) -> pendulum.Date | None:
        """The date of the last exit, or ``None`` while the participation goes on."""
        return self.periods[-1].exit

    @property
    def exit_reason(self) -> ExitReason | None:
        """Why the participation ended: the reason of the last exit."""
        return self.periods[-1].exit_reason

    @property
    def is_reentry(self) -> bool:
        """True if the person left and came back at least once."""
        return len(self.periods) > 1

    def is_active_on(self, day: pendulum.Date) -> bool:
        """True if the person was taking part on ``day`` (not in a gap between periods)."""
        return any(period.covers(day) for period in self.periods)

    def has_left_by(self, as_of: pendulum.Date) -> bool:
        """True if the person is a leaver as seen on ``as_of`` (and not a stayer)."""
        last = self.last_exit
        return last is not None and last <= as_of

    @property
    def pathway(self) -> tuple[ServiceEpisode, ...]:
        """The service episodes in order of start (palvelupolku)."""
        return self.episodes

    def _problems(self) -> Iterator[Problem]:
        # The fields' types first (each collection checked once: it is "ok", of the
        # right type and each item too, exactly when its check finds nothing), then
        # the rules across them, each where the fields it reads are of the right type.
        wrong: dict[str, list[Problem]] = {}
        yield from self._field_problems(wrong)
        yield from self._rule_problems(
            periods_ok=not wrong["periods"],
            episodes_ok=not wrong["episodes"],
            situations_ok=not wrong["situations"],
            events_ok=not wrong["events"],
            exit_ok=not wrong["exit_situation"],
            assessments_ok=not wrong["assessments"],
        )

    def _field_problems(self, wrong: dict[str, list[Problem]] | None = None) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        # ``wrong`` gets the problems of each collection and of the exit situation.
        wrong = {} if wrong is None else wrong
        if not isinstance(self.participant, Participant):
            got = type(self.participant).__name__
            yield problem(("participant",), "value.type", expected="Participant", got=got)
        if not isinstance(self.profile, EntryProfile):
            got = type(self.profile).__name__
            yield problem(("profile",), "value.type", expected="EntryProfile", got=got)
        wrong["periods"] = list(check_tuple_of("periods", self.periods, ParticipationPeriod))
        wrong["episodes"] = list(check_tuple_of("episodes", self.episodes, ServiceEpisode))
        wrong["situations"] = list(check_tuple_of("situations", self.situations, _SPELL_CLASSES))
        wrong["events"] = list(check_tuple_of("events", self.events, _EVENT_CLASSES))
        yield from wrong["periods"]
        yield from wrong["episodes"]
        yield from wrong["situations"]
        yield from wrong["events"]
        wrong["exit_situation"] = []
        if not (self.exit_situation is None or isinstance(self.exit_situation, ExitSituation)):
            got = type(self.exit_situation).__name__
            wrong["exit_situation"].append(
                problem(("exit_situation",), "value.type", expected="ExitSituation | None", got=got)
            )
        yield from wrong["exit_situation"]
        wrong["assessments"] = list(check_tuple_of("assessments", self.assessments, Assessment))
        yield from wrong["assessments"]

    def _rule_problems(
        self,
        *,
        periods_ok: bool = True,
        episodes_ok: bool = True,
        situations_ok: bool = True,
        events_ok: bool = True,
        exit_ok: bool = True,
        assessments_ok: bool = True,
    ) -> list[Problem]:
        # The rules across the fields; a flag says a field's type is wrong (already
        # reported), so that the rules reading it are left out. A list, not a
        # generator: the reader's fast path asks it of every record.
        periods = self.periods
        if not periods_ok:
            return []
        if not periods:
            return [problem(("periods",), "participation.no_periods")]
        problems: list[Problem] = []
        # Each rule below is looked at only where it has something to look at: a
        # record with one period, no spells or no events (most of them) skips it.
        if len(periods) > 1:
            problems += self._period_problems()
        profile = self.profile
        if isinstance(profile, EntryProfile):
            since, first = profile.unemployed_since, periods[0].entry
            if since is not None and since > first:
                problems.append(
                    problem(
                        ("profile", "unemployed_since"),
                        "profile.unemployed_since_after_entry",
                        since=str(since),
                        entry=str(first),
                    )
                )
        if episodes_ok and self.episodes:
            problems += self._episode_problems()
        if situations_ok and self.situations:
            problems += self._situation_problems(episodes_ok)
        if exit_ok and self.exit_situation is not None:
            problems += self._exit_situation_problems()
        if events_ok and self.events:
            problems += self._event_problems()
        if assessments_ok and self.assessments:
            problems += record_assessment_problems(self.first_entry, self.assessments)
        return problems

    def _period_problems(self) -> Iterator[Problem]:
        for index in range(1, len(self.periods)):
            before, after = self.periods[index - 1], self.periods[index]
            if before.exit is None:
                yield problem(
                    ("periods", index - 1, "exit"),
                    "period.open_before_reentry",
                    entry=str(after.entry),
                )
            elif after.entry <= before.exit:
                yield problem(
                    ("periods", index, "entry"),
                    "period.overlap",
                    entry=str(after.entry),
                    exit=str(before.exit),
                )

    def _episode_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        episodes = self.episodes
        first, last = self.periods[0].entry, self.periods[-1].exit
        previous: pendulum.Date | None = None
        for index, episode in enumerate(episodes):
            start, end = episode.start, episode.end
            if start < first:
                problems.append(
                    problem(
                        ("episodes", index, "start"),
                        "episode.before_first_entry",
                        start=str(start),
                        entry=str(first),
                    )
                )
            if last is not None:
                if end is None:
                    problems.append(
                        problem(
                            ("episodes", index, "end"), "episode.open_after_exit", exit=str(last)
                        )
                    )
                elif end > last:
                    problems.append(
                        problem(
                            ("episodes", index, "end"),
                            "episode.after_last_exit",
                            end=str(end),
                            exit=str(last),
                        )
                    )
            if previous is not None and start < previous:
                problems.append(
                    problem(
                        ("episodes", index, "start"),
                        "episode.order",
                        start=str(start),
                        previous=str(previous),
                    )
                )
            previous = start
        ids = [e.id for e in episodes if e.id is not None]
        if len(ids) < 2 or all_different(ids):  # nearly always
            return problems
        positions = ((i, e.id) for i, e in enumerate(episodes) if e.id is not None)
        for position, value, first_at in duplicates(positions):
            problems.append(
                problem(
                    ("episodes", position, "id"),
                    "id.duplicate",
                    what="id.episode",
                    value=shown_safely(value),
                    list="episodes",
                    first=first_at,
                )
            )
        return problems

    def _event_problems(self) -> list[Problem]:
        first = self.first_entry
        return [
            problem(
                ("events", index, "date"),
                "event.before_first_entry",
                date=str(event.date),
                entry=str(first),
            )
            for index, event in enumerate(self.events)
            if event.date < first
        ]

    def _situation_problems(self, episodes_ok: bool) -> list[Problem]:
        problems: list[Problem] = []
        if not episodes_ok:
            return problems
        known: set[str] | None = None  # the episodes' ids, once a spell names one
        for index, spell in enumerate(self.situations):
            via = spell.via_episode if isinstance(spell, Employment) else None
            if via is None:
                continue
            if known is None:
                known = {e.id for e in self.episodes if e.id is not None}
            if via not in known:
                # Quoted, as values are: an id never passes for the term of "none".
                allowed = listed(shown_safely(i) for i in sorted(known)) or "episode.none"
                problems.append(
                    problem(
                        ("situations", index, "via_episode"),
                        "situation.unknown_episode",
                        value=shown_safely(via),
                        allowed=allowed,
                    )
                )
        return problems

    def _exit_situation_problems(self) -> Iterator[Problem]:
        snapshot = self.exit_situation
        if snapshot is None or not is_pendulum_date(snapshot.date):
            return
        last = self.last_exit
        if last is None:
            yield problem(("exit_situation",), "exit_situation.no_exit")
        elif snapshot.date != last:
            yield problem(
                ("exit_situation", "date"),
                "exit_situation.not_last_exit",
                exit=str(last),
                date=str(snapshot.date),
            )
