"""Selectors: who an indicator counts, as data (rajaukset).

A selector is a frozen value that says which participant records it matches.
Selectors combine with ``&``, ``|`` and ``~`` (or :class:`AllOf`, :class:`AnyOf`,
:class:`Not`), so a user's own indicator is built from the same blocks as the
ESF catalogues.
"""

from __future__ import annotations

from enum import StrEnum, unique
from typing import Any

import pendulum
from attrs import field, fields, frozen

from ..model import (
    EVENT_TAGS,
    SITUATION_TAGS,
    DataError,
    EntryProfile,
    Gender,
    IscedBand,
    LabourMarketStatus,
    OutcomeEvent,
    ServiceType,
    SituationSpell,
)
from ..model._errors import problem, shown
from ._context import Context, RecordView

__all__ = [
    "AgeBetween",
    "AllOf",
    "AnyOf",
    "Characteristic",
    "Complete",
    "EventMatch",
    "Everyone",
    "HadEvent",
    "HasEducation",
    "HasStatus",
    "LongTermUnemployed",
    "Not",
    "Selector",
    "StartedWith",
    "UsedService",
    "Window",
]

_PROFILE_FIELDS = frozenset(a.name for a in fields(EntryProfile))


class Selector:
    """Base of every selector: ``matches`` says whether a record is in."""

    __slots__ = ()

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the record, as known in ``ctx``, is selected."""
        raise NotImplementedError

    def _reads_period(self) -> bool:
        """Whether the answer may depend on the context's period (not only on its as_of and rules).

        A selector that does not read the period answers the same for a record in
        every period seen on the same as_of date by the same rules, so runs over
        several periods may ask it once per record (:func:`~hankemalli.indicators.feed`).
        True unless a selector says otherwise: a user's own selector may read anything.
        """
        return True

    def __and__(self, other: Selector) -> AllOf:
        return AllOf(parts=(self, other))

    def __or__(self, other: Selector) -> AnyOf:
        return AnyOf(parts=(self, other))

    def __invert__(self) -> Not:
        return Not(part=self)


def reads_period(selector: Selector) -> bool:
    """Whether a selector's answer may depend on the context's period.

    What the selector says of itself (``_reads_period``), trusted only when the
    class that says it also defines ``matches``: a subclass that answers in its own
    way may read the period, whatever its parent said.
    """
    return _says_it_reads_period(selector, "matches")


def _says_it_reads_period(thing: Selector | Any, answer: str) -> bool:
    """``thing._reads_period()``, if the class that defines it also defines ``answer``."""
    mro = type(thing).__mro__
    answers = next(k for k in mro if answer in vars(k))
    says = next(k for k in mro if "_reads_period" in vars(k))
    return answers is not says or bool(thing._reads_period())


@frozen(kw_only=True)
class Everyone(Selector):
    """Every record in the population (kaikki)."""

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """Always true."""
        return True


@frozen(kw_only=True)
class AllOf(Selector):
    """Records that every part selects (ja)."""

    parts: tuple[Selector, ...]

    def _reads_period(self) -> bool:
        return any(reads_period(part) for part in self.parts)

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if every part matches (looked at in order, until one does not)."""
        # A plain loop, not all(<generator>): this runs for every record and indicator,
        # and the generator costs a fifth of a calculation's time (issue 14).
        for part in self.parts:  # noqa: SIM110
            if not part.matches(view, ctx):
                return False
        return True


@frozen(kw_only=True)
class AnyOf(Selector):
    """Records that at least one part selects (tai)."""

    parts: tuple[Selector, ...]

    def _reads_period(self) -> bool:
        return any(reads_period(part) for part in self.parts)

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if any part matches (looked at in order, until one does)."""
        for part in self.parts:  # noqa: SIM110 - a plain loop on the hot path, as in AllOf
            if part.matches(view, ctx):
                return True
        return False


@frozen(kw_only=True)
class Not(Selector):
    """Records that the part does not select (ei)."""

    part: Selector

    def _reads_period(self) -> bool:
        return reads_period(self.part)

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the part does not match."""
        return not self.part.matches(view, ctx)


@frozen(kw_only=True)
class Complete(Selector):
    """Records with every non-sensitive characteristic the ESF needs (täydellinen tietue).

    Gender, labour-market status, age and education must be known; a record
    lacking any of them counts in the grand total only, not in the indicators.
    """

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the record is complete (:attr:`RecordView.complete`)."""
        return view.complete


@frozen(kw_only=True)
class HasStatus(Selector):
    """Labour-market status at entry (työmarkkina-asema); employed includes self-employed."""

    status: LabourMarketStatus

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the status at entry is in the ESF group of ``status``."""
        status = view.record.profile.labour_market_status
        return status is not None and status.esf_group is self.status.esf_group


@frozen(kw_only=True)
class LongTermUnemployed(Selector):
    """Long-term unemployed at entry (pitkäaikaistyötön), by the context's rule."""

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if long-term unemployed at first entry; unknown counts as not."""
        return ctx.rules.is_long_term_unemployed(view.record) is True


@frozen(kw_only=True)
class AgeBetween(Selector):
    """Age in completed years at first entry within a range, both ends included (ikä)."""

    minimum: int | None = None
    maximum: int | None = None

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the age is known and inside the range."""
        age = view.record.participant.age_at_entry
        if age is None:
            return False
        return (self.minimum is None or age >= self.minimum) and (
            self.maximum is None or age <= self.maximum
        )


@frozen(kw_only=True)
class HasEducation(Selector):
    """Highest education at entry in an ISCED band (koulutustaso)."""

    band: IscedBand

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the education band at entry is ``band``."""
        return view.record.profile.education is self.band


def _check_profile_field(instance: Any, attribute: Any, value: str) -> None:
    if value not in _PROFILE_FIELDS:
        allowed = ", ".join(sorted(_PROFILE_FIELDS))
        raise DataError(
            [
                problem(
                    ("name",),
                    "selector.unknown_characteristic",
                    name=shown(value),
                    allowed=allowed,
                )
            ]
        )


@frozen(kw_only=True)
class Characteristic(Selector):
    """An entry characteristic with one of the given values (lähtötilanteen tieto).

    ``Characteristic(name="disability", values=(Answer.YES,))`` selects the people
    who said yes; a refusal or a question not asked never matches a yes.
    """

    name: str = field(validator=_check_profile_field)
    values: tuple[object, ...]

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the characteristic's value at entry is one of ``values``."""
        return getattr(view.record.profile, self.name) in self.values


@frozen(kw_only=True)
class UsedService(Selector):
    """Had at least one episode in any of the services (käytti palvelua)."""

    services: tuple[ServiceType, ...]

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if some known episode is in one of the services."""
        return any(e.service in self.services for e in view.episodes)


@frozen(kw_only=True)
class StartedWith(Selector):
    """The pathway's first episode is in the service (aloitti palvelusta).

    KAIKU: 74 job-coaching participants started from rehabilitative work activity.
    """

    service: ServiceType

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the first episode is in ``service``."""
        return bool(view.episodes) and view.episodes[0].service is self.service


@unique
class Window(StrEnum):
    """When an event must be dated to count (aikaikkuna); never after as_of."""

    #: Any time from the first entry on.
    ANY_TIME = "any_time"
    #: From the first entry to the last exit (or as_of for a stayer).
    DURING = "during"
    #: From the exit to the rules' ``upon_leaving_days`` after it (ESF: 28 days).
    UPON_LEAVING = "upon_leaving"
    #: During participation or upon leaving.
    DURING_OR_UPON_LEAVING = "during_or_upon_leaving"
    #: From six calendar months after the exit to ``follow_up_days`` after that.
    SIX_MONTHS_AFTER = "six_months_after"
    #: After the last exit.
    AFTER_LEAVING = "after_leaving"
    #: Inside the reporting period.
    IN_PERIOD = "in_period"

    def bounds(self, view: RecordView, ctx: Context) -> tuple[pendulum.Date, pendulum.Date] | None:
        """The first and last day of the window for a record, or None if there is none."""
        first, last = view.first_entry, view.last_exit
        rules = ctx.rules
        if self is Window.ANY_TIME:
            return first, ctx.as_of
        if self is Window.IN_PERIOD:
            return in_period(ctx)
        if self is Window.DURING:
            return first, last if last is not None else ctx.as_of
        if last is None:
            return None
        # Dates after the exit are worked out once per record (RecordView.after_exit).
        if self is Window.UPON_LEAVING:
            return last, view.after_exit(days=rules.upon_leaving_days)
        if self is Window.DURING_OR_UPON_LEAVING:
            return first, view.after_exit(days=rules.upon_leaving_days)
        if self is Window.SIX_MONTHS_AFTER:
            six = view.after_exit(months=6)
            return six, view.after_exit(months=6, days=rules.follow_up_days)
        return view.after_exit(days=1), ctx.as_of


def in_period(ctx: Context) -> tuple[pendulum.Date, pendulum.Date]:
    """The days of :attr:`Window.IN_PERIOD`: the period's first day to its last or as_of.

    The same for every record, so compiled code fixes them once per context.
    """
    return ctx.period.start, min(ctx.period.end, ctx.as_of)


#: What an :class:`EventMatch` can match: outcome events, and the starts of spells.
_MATCHABLE: dict[str, type] = {**EVENT_TAGS, **SITUATION_TAGS}


@frozen(kw_only=True)
class EventMatch:
    """Which outcome events, or starts of situation spells, count (tapahtuma).

    ``event`` is an event tag or a situation tag; a spell is dated by its start, so
    ``EventMatch(event="employment", where=(("kind", EmploymentKind.OPEN_LABOUR_MARKET),))``
    matches jobs on the open labour market that began in the window. ``via``
    requires the employment to have come from an episode of that service (an
    employment that came from a TET period).
    """

    event: str
    where: tuple[tuple[str, object], ...] = ()
    via: ServiceType | None = None

    def __attrs_post_init__(self) -> None:
        cls = _MATCHABLE.get(self.event)
        if cls is None:
            raise DataError(
                [
                    problem(
                        ("event",),
                        "selector.unknown_event",
                        event=shown(self.event),
                        allowed=", ".join(_MATCHABLE),
                    )
                ]
            )
        names = {a.name for a in fields(cls)}
        bad = [
            problem(("where", i), "selector.unknown_attribute", event=self.event, name=shown(name))
            for i, (name, _) in enumerate(self.where)
            if name not in names
        ]
        if bad:
            raise DataError(bad)

    def matches(self, event: OutcomeEvent | SituationSpell, view: RecordView) -> bool:
        """True if ``event`` (or spell) is of this kind and has the attribute values."""
        if event.tag != self.event:
            return False
        if any(getattr(event, name) != value for name, value in self.where):
            return False
        if self.via is not None:
            via = getattr(event, "via_episode", None)
            return any(e.id == via and e.service is self.via for e in view.episodes)
        return True


@frozen(kw_only=True)
class HadEvent(Selector):
    """Had an event that matches any of ``events`` inside ``window`` (tulos)."""

    events: tuple[EventMatch, ...]
    window: Window = Window.ANY_TIME

    def _reads_period(self) -> bool:
        return self.window is Window.IN_PERIOD

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if a matching event (or spell start) is dated inside the window."""
        bounds = self.window.bounds(view, ctx)
        if bounds is None:
            return False
        low, high = bounds
        return any(
            low <= event.date <= high and any(m.matches(event, view) for m in self.events)
            for event in view.occurrences
        )


#: Genders the ESF breaks figures down by; "not told" is missing data.
ESF_GENDERS = (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY)
