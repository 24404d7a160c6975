"""Why is this person counted? Explanations and members for an auditor (perustelut).

An auditor checks figures person by person. :func:`explain` tells, for one record
and one indicator, whether the person is known on ``as_of``, in the indicator's
scope for the period, in its population, and counted in its numerator, with the
dates, window, spell or event that decided each step. :func:`members` lists the
pseudonyms behind a figure. Both run the record through the very tallies
:func:`compute` uses, so they agree with it by construction.

Pseudonyms are for the association's own audit: never put a list of members in a
published report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pendulum
from attrs import frozen

from ..model import Participation
from ._context import Context, CountingRules, RecordView, ReportingPeriod, Scope
from ._definition import Indicator
from ._figure import Figure, Statistic
from ._instruments import Assessed, Improved
from ._results import (
    GainedQualification,
    InEducationUponLeaving,
    StatusSixMonthsAfter,
    StatusUponLeaving,
)
from ._selectors import (
    AgeBetween,
    AllOf,
    AnyOf,
    Characteristic,
    Complete,
    Everyone,
    HadEvent,
    HasEducation,
    HasStatus,
    LongTermUnemployed,
    Not,
    Selector,
    StartedWith,
    UsedService,
    Window,
)

__all__ = ["Explanation", "Members", "explain", "members"]

_SCOPES = {
    Scope.ENTERED: "first entry inside the period",
    Scope.ENTERED_BY_END: "first entry by the period's end",
    Scope.ACTIVE: "taking part on at least one day of the period",
    Scope.LEFT: "last exit inside the period",
    Scope.LEFT_BY_END: "last exit by the period's end",
    Scope.STAYING: "still taking part at the period's end (or as_of)",
}


@frozen(kw_only=True)
class Explanation:
    """Whether and why one person is counted in one figure (perustelu).

    ``known``: the person had entered by ``as_of``. ``in_scope``: the record is
    anchored to the period as the indicator's scope asks. ``in_population``: it is
    in the population the figure is taken of (for a share, the denominator).
    ``counted``: it adds to the numerator. ``reasons`` are the steps, one a line,
    with the dates, window, spell or event that decided each.
    """

    code: str
    participant: str
    period: ReportingPeriod
    as_of: pendulum.Date
    known: bool
    in_scope: bool
    in_population: bool
    counted: bool
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        verdict = "counted" if self.counted else "not counted"
        head = f"{self.participant} in {self.code} ({self.period}, as of {self.as_of}): {verdict}"
        return "\n".join((head, *(f"  - {line}" for line in self.reasons)))


@frozen(kw_only=True)
class Members:
    """The pseudonyms behind a figure (jäsenet): its population and its numerator.

    For the association's own audit only, never for a published report.
    """

    code: str
    population: tuple[str, ...]
    numerator: tuple[str, ...]


def _counted(figure: Figure) -> bool:
    if figure.statistic is Statistic.MEAN:
        return bool(figure.denominator)
    return figure.numerator > 0


def _decide(indicator: Indicator, view: RecordView, ctx: Context) -> tuple[bool, Figure | None]:
    """Whether the record is in scope, and its own figure if it is in the population too.

    The steps of :class:`~hankemalli.indicators.Run` for one record: its scope, its
    population, then the very tally :func:`compute` uses.
    """
    if not ctx.in_scope(view, indicator.scope):
        return False, None
    if not indicator.population.matches(view, ctx):
        return True, None
    tally = indicator.statistic.tally(ctx)
    tally.add(view, ctx)
    return True, tally.figure(indicator.code, indicator.cumulative)


def explain(
    record: Participation,
    indicator: Indicator,
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    rules: CountingRules | None = None,
) -> Explanation:
    """Explain whether ``record`` counts in ``indicator`` for ``period`` as of ``as_of``."""
    ctx = Context(period=period, as_of=as_of, rules=rules or CountingRules())
    view = ctx.see(record)
    reasons: list[str] = []

    def done(*, known: bool, scope: bool, population: bool, counted: bool) -> Explanation:
        return Explanation(
            code=indicator.code,
            participant=record.id,
            period=period,
            as_of=as_of,
            known=known,
            in_scope=scope,
            in_population=population,
            counted=counted,
            reasons=tuple(reasons),
        )

    if view is None:
        reasons.append(f"not known: the first entry ({record.first_entry}) is after {as_of}")
        return done(known=False, scope=False, population=False, counted=False)
    exit_text = "none (a stayer)" if view.last_exit is None else str(view.last_exit)
    reasons.append(f"first entry {view.first_entry}, last exit known on {as_of}: {exit_text}")
    in_scope, figure = _decide(indicator, view, ctx)
    reasons.append(
        f"scope {indicator.scope} ({_SCOPES[indicator.scope]}, period {period}): "
        + ("yes" if in_scope else "no")
    )
    if not in_scope:
        return done(known=True, scope=False, population=False, counted=False)
    reasons.extend(_describe(indicator.population, view, ctx, "population"))
    if figure is None:
        return done(known=True, scope=True, population=False, counted=False)
    counted = _counted(figure)
    of = getattr(indicator.statistic, "of", None)
    if isinstance(of, Selector):
        reasons.extend(_describe(of, view, ctx, "numerator"))
    reasons.append(f"{figure.statistic}: " + ("counted" if counted else "not counted"))
    return done(known=True, scope=True, population=True, counted=counted)


def members(
    indicator: Indicator,
    records: Iterable[Participation],
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    rules: CountingRules | None = None,
) -> Members:
    """The pseudonyms in ``indicator``'s population and numerator, in record order.

    One pass over ``records``, as :func:`compute`; the numerator has as many
    pseudonyms as the figure counts persons.
    """
    ctx = Context(period=period, as_of=as_of, rules=rules or CountingRules())
    population: list[str] = []
    numerator: list[str] = []
    for record in records:
        view = ctx.see(record)
        figure = None if view is None else _decide(indicator, view, ctx)[1]
        if figure is None:
            continue
        population.append(record.id)
        if _counted(figure):
            numerator.append(record.id)
    return Members(code=indicator.code, population=tuple(population), numerator=tuple(numerator))


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _describe(selector: Selector, view: RecordView, ctx: Context, role: str) -> Iterator[str]:
    """One line per deciding part of a selector, with the facts behind it."""
    if isinstance(selector, AllOf | AnyOf):
        for part in selector.parts:
            yield from _describe(part, view, ctx, role)
        return
    if isinstance(selector, Not):
        yield f"{role}: not ({_yes(not selector.part.matches(view, ctx))}):"
        yield from (f"  {line}" for line in _describe(selector.part, view, ctx, role))
        return
    matched = _yes(selector.matches(view, ctx))
    if isinstance(selector, StatusUponLeaving | InEducationUponLeaving):
        situation = view.upon_leaving(ctx)
        facts = "no exit known" if situation is None else situation.describe()
        yield f"{role}: {_name(selector)}: {matched} ({facts})"
    elif isinstance(selector, StatusSixMonthsAfter):
        situation = view.six_months_after(ctx)
        facts = (
            "six-month date not reached or no exit" if situation is None else situation.describe()
        )
        yield f"{role}: {_name(selector)}: {matched} ({facts})"
    elif isinstance(selector, HadEvent | GainedQualification):
        # A qualification counts from the first entry to four weeks after the exit.
        window = (
            Window.DURING_OR_UPON_LEAVING
            if isinstance(selector, GainedQualification)
            else selector.window
        )
        bounds = window.bounds(view, ctx) or (
            view.first_entry,
            ctx.as_of,
        )
        # Only what the selector asks about: a job is no evidence of a qualification.
        wanted = (
            _QUALIFICATION_TAGS
            if isinstance(selector, GainedQualification)
            else {m.event for m in selector.events}
        )
        found = [
            f"{event.tag} {event.date}"
            for event in view.occurrences
            if event.tag in wanted and bounds[0] <= event.date <= bounds[1]
        ]
        listed = ", ".join(found) or "none"
        yield f"{role}: {_name(selector)}: {matched} (dated {bounds[0]}–{bounds[1]}: {listed})"
    elif isinstance(selector, HasStatus):
        status = view.record.profile.labour_market_status
        yield f"{role}: status at entry {selector.status}: {matched} (recorded: {status})"
    elif isinstance(selector, Complete):
        yield f"{role}: complete record (gender, status, age, education known): {matched}"
    else:
        yield f"{role}: {_name(selector)}: {matched}"


#: The occurrences that can show a qualification gained.
_QUALIFICATION_TAGS = frozenset({"qualification_gained", "certificate_obtained"})


def _name(selector: Selector) -> str:
    """A short account of what a selector asks, in words rather than Python."""
    if isinstance(selector, StatusUponLeaving):
        return f"last status upon leaving is {' or '.join(selector.statuses)}"
    if isinstance(selector, StatusSixMonthsAfter):
        return f"status six months after leaving is {' or '.join(selector.statuses)}"
    if isinstance(selector, InEducationUponLeaving):
        return "in education or training upon leaving (not the operation's own)"
    if isinstance(selector, GainedQualification):
        return "gained a qualification during participation or upon leaving"
    if isinstance(selector, HadEvent):
        kinds = ", ".join(sorted({m.event for m in selector.events}))
        return f"had {kinds} dated {selector.window}"
    if isinstance(selector, Characteristic):
        return f"{selector.name} at entry is {' or '.join(_plain(v) for v in selector.values)}"
    if isinstance(selector, LongTermUnemployed):
        return "long-term unemployed at entry (by the counting rules' limit)"
    if isinstance(selector, AgeBetween):
        low, high = selector.minimum, selector.maximum
        if low is not None and high is not None:
            return f"aged {low}–{high} at entry"
        return (
            f"aged {low} or over at entry" if low is not None else f"aged {high} or under at entry"
        )
    if isinstance(selector, HasEducation):
        return f"education at entry {selector.band}"
    if isinstance(selector, UsedService):
        return f"used {' or '.join(selector.services)}"
    if isinstance(selector, StartedWith):
        return f"the first service was {selector.service}"
    if isinstance(selector, Assessed | Improved):
        on = selector.instrument + (f" ({selector.dimension})" if selector.dimension else "")
        if isinstance(selector, Improved):
            return f"a higher stage in the latest review than at entry on {on}"
        return f"assessed at entry and in review on {on}"
    if isinstance(selector, Everyone):
        return "everyone"
    fields = getattr(selector, "__attrs_attrs__", ())
    values = ", ".join(f"{a.name}={_plain(getattr(selector, a.name))}" for a in fields)
    return f"{type(selector).__name__}({values})"


def _plain(value: object) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_plain(v) for v in value) + ")"
    return str(value)
