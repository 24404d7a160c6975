"""The reporting period, the as-of date and the counting rules a calculation uses.

No clock is read: every calculation is told its period (raportointikausi) and the
date its data is seen as of (tilannepäivä). Events dated after ``as_of`` have not
happened yet, as far as the calculation knows.
"""

from __future__ import annotations

from enum import StrEnum, unique

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
            return since.add(months=12) <= entry
        age = record.participant.age_at_entry
        if age is None:
            return None
        months = 6 if age < 25 else 12
        return since.add(months=months) < entry


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
    _answers: dict[str, Situation | None] = field(factory=dict, eq=False, repr=False)
    _complete: list[bool] = field(factory=list, eq=False, repr=False)
    _after_exit: dict[tuple[int, int], pendulum.Date] = field(factory=dict, eq=False, repr=False)
    #: What is worked out once per record for every run that shares the view, by a key
    #: of its own: the scopes it is in for a period, the items an item count may count,
    #: the stages of an instrument known at a horizon.
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
        if not self._complete:
            record = self.record
            self._complete.append(
                record.profile.is_complete and record.participant.age_at_entry is not None
            )
        return self._complete[0]

    def after_exit(self, *, months: int = 0, days: int = 0) -> pendulum.Date:
        """The last exit plus ``months`` calendar months and then ``days`` days.

        Worked out once per record and pair, however many indicators' windows ask
        (pendulum's date arithmetic is a large part of a calculation's time). Only
        for a leaver: a stayer has no exit (``ValueError``).
        """
        last = self.last_exit
        if last is None:
            raise ValueError("a stayer has no exit")
        key = (months, days)
        found = self._after_exit.get(key)
        if found is None:
            found = last.add(months=months) if months else last
            # Days by their ordinal: what pendulum's add(days=...) gives, at a tenth of its cost.
            found = type(found).fromordinal(found.toordinal() + days) if days else found
            self._after_exit[key] = found
        return found

    def upon_leaving(self, ctx: Context) -> Situation | None:
        """The situation upon leaving as known in ``ctx``; None for a stayer (worked out once)."""
        if "upon_leaving" not in self._answers:
            self._answers["upon_leaving"] = situation_upon_leaving(
                self.record, as_of=ctx.as_of, days=ctx.rules.upon_leaving_days
            )
        return self._answers["upon_leaving"]

    def six_months_after(self, ctx: Context) -> Situation | None:
        """The situation six months after leaving as known in ``ctx`` (worked out once)."""
        if "six_months_after" not in self._answers:
            self._answers["six_months_after"] = situation_six_months_after(
                self.record, as_of=ctx.as_of, follow_up_days=ctx.rules.follow_up_days
            )
        return self._answers["six_months_after"]

    def episode_end(self, episode: ServiceEpisode, as_of: pendulum.Date) -> pendulum.Date:
        """The episode's last day as known on ``as_of`` (an open one runs to as_of)."""
        return as_of if episode.end is None or episode.end > as_of else episode.end


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
        periods = tuple(
            (p.entry, p.exit if p.exit is not None and p.exit <= as_of else None)
            for p in record.periods
            if p.entry <= as_of
        )
        if not periods:
            return None
        events = tuple(e for e in record.events if e.date <= as_of)
        situations = tuple(s for s in record.situations if s.start <= as_of)
        first = periods[0][0]
        return RecordView(
            record,
            periods,
            tuple(e for e in record.episodes if e.start <= as_of),
            events,
            situations,
            events + tuple(s for s in situations if s.start >= first),
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
        horizon = min(end, self.as_of)
        first, last = view.first_entry, view.last_exit
        found = []
        if start <= first <= end:
            found.append(Scope.ENTERED)
        if first <= end:
            found.append(Scope.ENTERED_BY_END)
        for entry, exit_ in view.periods:
            if entry <= horizon and (exit_ is None or exit_ >= start):
                found.append(Scope.ACTIVE)
                break
        if last is not None:
            if start <= last <= end:
                found.append(Scope.LEFT)
            if last <= end:
                found.append(Scope.LEFT_BY_END)
        if first <= horizon and (last is None or last > horizon):
            found.append(Scope.STAYING)
        return frozenset(found)

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
