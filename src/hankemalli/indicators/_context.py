"""The reporting period, the as-of date and the counting rules a calculation uses.

No clock is read: every calculation is told its period (raportointikausi) and the
date its data is seen as of (tilannepäivä). Events dated after ``as_of`` have not
happened yet, as far as the calculation knows.
"""

from __future__ import annotations

from enum import StrEnum, unique
from typing import TypeVar

import pendulum
from attrs import field, frozen

from ..model import (
    CertificateKind,
    DataError,
    LabourMarketStatus,
    OutcomeEvent,
    Participation,
    Programme,
    ServiceEpisode,
    Situation,
    SituationSpell,
    situation_six_months_after,
    situation_upon_leaving,
)
from ..model._checks import is_pendulum_date
from ..model._errors import problem
from ..model._timeline import days_later, months_later

_Dated = TypeVar("_Dated")

__all__ = [
    "Context",
    "CountingRules",
    "LongTermUnemploymentRule",
    "RecordView",
    "ReportingPeriod",
    "Scope",
]


@frozen(kw_only=True)
class ReportingPeriod:
    """A reporting period (raportointikausi), both ends included."""

    start: pendulum.Date
    end: pendulum.Date

    def __attrs_post_init__(self) -> None:
        problems = [
            problem((name,), "date.pendulum_expected", got=type(getattr(self, name)).__name__)
            for name in ("start", "end")
            if not is_pendulum_date(getattr(self, name))
        ]
        if not problems and self.end < self.start:
            problems.append(
                problem(
                    ("end",),
                    "reporting_period.ends_before_start",
                    start=str(self.start),
                    end=str(self.end),
                )
            )
        if problems:
            raise DataError(problems)

    @classmethod
    def year(cls, year: int) -> ReportingPeriod:
        """The calendar year ``year`` (vuosi)."""
        return cls(start=pendulum.date(year, 1, 1), end=pendulum.date(year, 12, 31))

    def contains(self, day: pendulum.Date) -> bool:
        """True if ``day`` is inside the period."""
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).in_days() + 1

    def __str__(self) -> str:
        return f"{self.start}–{self.end}"


@unique
class LongTermUnemploymentRule(StrEnum):
    """Which definition of long-term unemployment (pitkäaikaistyöttömyys) to count by."""

    #: EU (ESF/ESF+): continuously unemployed more than 6 months if under 25, more
    #: than 12 months if 25 or over (Regulation 1304/2013 Annex I; 2021/1057 Annex I).
    EU = "eu"
    #: Finnish register definition: continuously unemployed at least 12 months,
    #: whatever the age (Tilastokeskus, työnvälitystilasto).
    FINNISH = "finnish"


@unique
class Scope(StrEnum):
    """How a population is anchored to the reporting period (jakson rajaus)."""

    #: Entered during the period (first entry in the period): new participants.
    ENTERED = "entered"
    #: Entered before the period ended: cumulative from the programme start.
    ENTERED_BY_END = "entered_by_end"
    #: Taking part on at least one day of the period.
    ACTIVE = "active"
    #: Left during the period (last exit in the period, on or before as_of): leavers.
    LEFT = "left"
    #: Left before the period ended: cumulative leavers.
    LEFT_BY_END = "left_by_end"
    #: Still taking part at the period's end (or as_of, if earlier): stayers.
    STAYING = "staying"


#: Every set of scopes, by its bits (1 << position in :class:`Scope`).
_SCOPE_SETS = tuple(
    frozenset(s for i, s in enumerate(Scope) if bits & (1 << i)) for bits in range(1 << len(Scope))
)


@frozen(kw_only=True)
class CountingRules:
    """The choices a funder's counting rules leave open (laskentasäännöt).

    ``upon_leaving_days``: "upon leaving" runs from the exit date up to and
    including this many days after it (ESF: four weeks, 28 days; SFC2021 FAQ).
    ``follow_up_days``: the situation "six months after leaving" is the one
    recorded from the date six calendar months after the exit (month arithmetic
    clamped to the month's end) up to and including this many days after it.
    ``qualifying_certificates``: the kinds of work-life certificate that count as
    "gaining a qualification" (EECR03 / CR03) besides qualifications proper; a
    programme setting (:attr:`~hankemalli.Programme.qualifying_certificates`),
    none by default (see :data:`DEFAULT_QUALIFYING_CERTIFICATES`).
    """

    long_term_unemployment: LongTermUnemploymentRule = LongTermUnemploymentRule.EU
    upon_leaving_days: int = 28
    follow_up_days: int = 28
    qualifying_certificates: tuple[CertificateKind, ...] = ()

    @classmethod
    def for_programme(cls, programme: Programme, **changes: object) -> CountingRules:
        """The default rules with the programme's own settings, then ``changes``."""
        return cls(
            qualifying_certificates=programme.qualifying_certificates,
            **changes,  # type: ignore[arg-type]
        )

    def is_long_term_unemployed(self, record: Participation) -> bool | None:
        """Whether the person was long-term unemployed at first entry; None if unknown."""
        profile = record.profile
        if profile.labour_market_status is None:
            return None
        if profile.labour_market_status.esf_group is not LabourMarketStatus.UNEMPLOYED:
            return False
        since = profile.unemployed_since
        if since is None:
            return None
        entry = record.first_entry
        if self.long_term_unemployment is LongTermUnemploymentRule.FINNISH:
            return months_later(since, 12) <= entry
        age = record.participant.age_at_entry
        if age is None:
            return None
        months = 6 if age < 25 else 12
        return months_later(since, months) < entry


@frozen
class RecordView:
    """A participant record as known on the as-of date (tilanne tilannepäivänä).

    Periods entered after ``as_of`` are not known yet, an exit after it has not
    happened, and episodes and events dated after it are left out. Built once per
    record and calculation, and shared by every indicator.
    """

    record: Participation
    periods: tuple[tuple[pendulum.Date, pendulum.Date | None], ...]
    episodes: tuple[ServiceEpisode, ...]
    events: tuple[OutcomeEvent, ...]
    situations: tuple[SituationSpell, ...] = ()
    #: The known events and the spells begun since the first entry, each dated (a spell
    #: by its start). A spell begun before the first entry (a job held at entry) is part
    #: of the person's situation, not an outcome of the participation.
    occurrences: tuple[OutcomeEvent | SituationSpell, ...] = ()
    #: What is worked out once per record for every run that shares the view, by a key
    #: of its own: whether it is complete, the situations after leaving, the dates after
    #: the exit, the scopes it is in for a period, the items an item count may count, the
    #: stages of an instrument known at a horizon.
    _memo: dict[object, object] = field(factory=dict, eq=False, repr=False)

    @property
    def first_entry(self) -> pendulum.Date:
        """The first entry date."""
        return self.periods[0][0]

    @property
    def last_exit(self) -> pendulum.Date | None:
        """The last exit known on the as-of date; None for a stayer."""
        return self.periods[-1][1]

    @property
    def complete(self) -> bool:
        """True if the record has every non-sensitive characteristic the ESF needs.

        Gender, labour-market status and education (:attr:`EntryProfile.is_complete`)
        and age at entry; worked out once per record, however many indicators ask.
        """
        found = self._memo.get("complete")
        if found is None:
            record = self.record
            found = self._memo["complete"] = (
                record.profile.is_complete and record.participant.age_at_entry is not None
            )
        return found  # type: ignore[return-value]

    def after_exit(self, *, months: int = 0, days: int = 0) -> pendulum.Date:
        """The last exit plus ``months`` calendar months and then ``days`` days.

        Worked out once per record and pair, however many indicators' windows ask
        (pendulum's date arithmetic is a large part of a calculation's time). Only
        for a leaver: a stayer has no exit (``ValueError``).
        """
        last = self.last_exit
        if last is None:
            raise ValueError("a stayer has no exit")
        key = ("after_exit", months, days)
        found = self._memo.get(key)
        if found is None:
            found = months_later(last, months) if months else last
            found = days_later(found, days) if days else found
            self._memo[key] = found
        return found  # type: ignore[return-value]

    def upon_leaving(self, ctx: Context) -> Situation | None:
        """The situation upon leaving as known in ``ctx``; None for a stayer (worked out once)."""
        memo = self._memo
        if "upon_leaving" not in memo:
            memo["upon_leaving"] = situation_upon_leaving(
                self.record, as_of=ctx.as_of, days=ctx.rules.upon_leaving_days
            )
        return memo["upon_leaving"]  # type: ignore[return-value]

    def six_months_after(self, ctx: Context) -> Situation | None:
        """The situation six months after leaving as known in ``ctx`` (worked out once)."""
        memo = self._memo
        if "six_months_after" not in memo:
            memo["six_months_after"] = situation_six_months_after(
                self.record, as_of=ctx.as_of, follow_up_days=ctx.rules.follow_up_days
            )
        return memo["six_months_after"]  # type: ignore[return-value]

    def episode_end(self, episode: ServiceEpisode, as_of: pendulum.Date) -> pendulum.Date:
        """The episode's last day as known on ``as_of`` (an open one runs to as_of)."""
        return as_of if episode.end is None or episode.end > as_of else episode.end


def _known(items: tuple[_Dated, ...], name: str, as_of: pendulum.Date) -> tuple[_Dated, ...]:
    """The items dated (by their attribute ``name``) on or before ``as_of``, in order."""
    for item in items:  # most often all of them are known: nothing to build then
        if getattr(item, name) > as_of:
            break
    else:
        return items if type(items) is tuple else tuple(items)
    return tuple([item for item in items if getattr(item, name) <= as_of])


@frozen(kw_only=True)
class Context:
    """What a calculation knows besides the records: period, as-of date and rules."""

    period: ReportingPeriod
    as_of: pendulum.Date
    rules: CountingRules = CountingRules()
    #: Where a view remembers the scopes it is in for this period (:meth:`scopes`).
    _scopes_key: tuple[str, pendulum.Date, pendulum.Date] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not is_pendulum_date(self.as_of):
            got = type(self.as_of).__name__
            raise DataError([problem(("as_of",), "date.pendulum_expected", got=got)])
        # By value, so that a context pickled (a run's state sent to another process)
        # still names its own period there.
        scopes_key = ("scopes", self.period.start, self.period.end)
        object.__setattr__(self, "_scopes_key", scopes_key)

    @property
    def horizon(self) -> pendulum.Date:
        """The last day the calculation looks at: the period's end or as_of, if earlier."""
        return min(self.period.end, self.as_of)

    def see(self, record: Participation) -> RecordView | None:
        """The record as known on ``as_of``; None if the person had not entered yet."""
        as_of = self.as_of
        listed = record.periods
        if len(listed) == 1:  # most records: one period, and no list to build
            only = listed[0]
            if only.entry > as_of:
                return None
            exit_ = only.exit
            periods: tuple[tuple[pendulum.Date, pendulum.Date | None], ...] = (
                (only.entry, exit_ if exit_ is not None and exit_ <= as_of else None),
            )
        else:
            periods = tuple(
                [
                    (p.entry, p.exit if p.exit is not None and p.exit <= as_of else None)
                    for p in listed
                    if p.entry <= as_of
                ]
            )
            if not periods:
                return None
        # Lists, not generators, and the record's own tuple when nothing is left out:
        # this runs once per record and as_of (issue 14).
        events = _known(record.events, "date", as_of)
        situations = _known(record.situations, "start", as_of)
        first = periods[0][0]
        return RecordView(
            record,
            periods,
            _known(record.episodes, "start", as_of),
            events,
            situations,
            events + tuple([s for s in situations if s.start >= first]) if situations else events,
        )

    def scopes(self, view: RecordView) -> frozenset[Scope]:
        """Every scope the record is in (as :meth:`in_scope`), worked out once per view and period.

        A view belongs to one as_of date, so the period alone tells the answer
        apart: every run over the same period (a year's figures, its targets, its
        evidence) reads the same set.
        """
        memo = view._memo
        found = memo.get(self._scopes_key)
        if found is None:
            found = memo[self._scopes_key] = self._work_out_scopes(view)
        return found  # type: ignore[return-value]

    def _work_out_scopes(self, view: RecordView) -> frozenset[Scope]:
        start, end = self.period.start, self.period.end
        horizon = end if end <= self.as_of else self.as_of
        periods = view.periods
        first, last = periods[0][0], periods[-1][1]
        # The scopes as bits of _SCOPE_SETS (one set per combination, built once).
        found = 0
        if first <= end:
            found = 2 if first < start else 3  # ENTERED_BY_END, and ENTERED if on or after start
        for entry, exit_ in periods:
            if entry <= horizon and (exit_ is None or exit_ >= start):
                found |= 4  # ACTIVE
                break
        if last is not None:
            if last <= end:
                found |= 16 if last < start else 24  # LEFT_BY_END, and LEFT if on or after start
            if first <= horizon < last:
                found |= 32  # STAYING
        elif first <= horizon:
            found |= 32
        return _SCOPE_SETS[found]

    def in_scope(self, view: RecordView, scope: Scope) -> bool:
        """True if the record belongs to the population anchored by ``scope``."""
        period, horizon = self.period, self.horizon
        first, last = view.first_entry, view.last_exit
        if scope is Scope.ENTERED:
            return period.contains(first)
        if scope is Scope.ENTERED_BY_END:
            return first <= period.end
        if scope is Scope.ACTIVE:
            return any(
                entry <= horizon and (exit_ is None or exit_ >= period.start)
                for entry, exit_ in view.periods
            )
        if scope is Scope.LEFT:
            return last is not None and period.contains(last)
        if scope is Scope.LEFT_BY_END:
            return last is not None and last <= period.end
        # STAYING: entered by the horizon and not left by it.
        return first <= horizon and (last is None or last > horizon)
