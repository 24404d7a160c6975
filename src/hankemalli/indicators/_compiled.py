"""Selectors and statistics compiled into per-record functions (käännetty laskenta).

A selector is data, and :meth:`Selector.matches` interprets it: for every record
and indicator it walks the tree again, and asks the context for the same period
edges, as_of date and rules each time. A :class:`Compiler` turns each selector
once per calculation into a function of the record alone, with the context's
constants bound in, ``AllOf``/``AnyOf`` flattened and ``Everyone`` dropped, and
equal sub-selectors compiled once. A statistic's part (what a record adds,
:meth:`Tally.part`) is compiled the same way.

The compiled function of a selector answers exactly as its ``matches``: it is a
transcription of it. A selector of a class the compiler does not know (a user's
own subclass, even of a class it knows) is asked through its own ``matches``.
Within :func:`interpreted`, every selector and part is asked in the reference way,
by ``matches`` and ``part``, so a test can show both give the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, cast

import pendulum
from attrs import frozen

from ..model import CertificateObtained, LabourMarketStatus, QualificationGained
from ._context import Context, RecordView
from ._instruments import Assessed, Improved
from ._measures import AgeAtEntry, Measure, UnemploymentDaysAtEntry
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
    EventMatch,
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
    in_period,
    reads_period,
)
from ._statistics import (
    AverageHeadcount,
    Count,
    Episodes,
    Events,
    Mean,
    PeakHeadcount,
    Share,
    Tally,
    _HeadcountTally,
    dated_items,
)

__all__ = [
    "Bounds",
    "Compiler",
    "Dated",
    "Inline",
    "Part",
    "Test",
    "inline_form",
    "interpreted",
    "is_interpreted",
]

#: A selector compiled: whether a record (as its view) is selected. ``None`` stands
#: for a selector that selects everyone, so that callers skip it.
Test = Callable[[RecordView], bool]
#: What a record adds to a statistic's tallies (:meth:`Tally.part`), compiled.
Part = Callable[[RecordView], object]
#: An item count's matching items of a record, each dated (:func:`dated_items`), compiled.
Dated = Callable[[RecordView], "list[tuple[pendulum.Date, str | None]]"]
#: A window compiled: its first and last day for a record, or None.
Bounds = Callable[[RecordView], "tuple[pendulum.Date, pendulum.Date] | None"]

#: A compiled test's inline form: given the namer of the code it is written into
#: (``name(prefix, value)`` gives a name bound to ``value`` there), the Python
#: expression that answers as the test does. The expression may read the names
#: ``view`` (the record's view), ``profile`` (the record's entry profile) and ``age``
#: (its age at entry), which the code defines before it (:func:`~._assembled.assemble`).
Inline = Callable[[Callable[[str, object], str]], str]

_INTERPRETED: list[bool] = []
#: The attribute under which a compiled test keeps its inline form.
_INLINE = "_hankemalli_inline"


def _inlined(test: Test, form: Inline) -> Test:
    """``test``, which answers as the expression ``form`` writes (:data:`Inline`)."""
    setattr(test, _INLINE, form)
    return test


def inline_form(test: object) -> Inline | None:
    """The inline form of a compiled test or part (:data:`Inline`); None if it has none.

    Written into the per-record code instead of a call to ``test`` (a call costs
    more than the attribute reads of the simplest selectors). Each form is a
    transcription of its test, and ``tests/indicators/test_compiled.py`` checks
    both answer alike on generated records.
    """
    return getattr(test, _INLINE, None)


def _joined(test: Test, operator: str, tests: Sequence[Test]) -> Test:
    """``test``, which joins ``tests`` by ``and`` or ``or``, with an inline form if they have.

    The form: each test's form in brackets, joined by the operator.
    """
    forms = [inline_form(part) for part in tests]
    if all(form is not None for form in forms):
        found = cast(list[Inline], forms)
        _inlined(test, lambda name: f" {operator} ".join(f"({form(name)})" for form in found))
    return test


@contextmanager
def interpreted() -> Iterator[None]:
    """Within, calculations started ask every selector and statistic by ``matches`` and ``part``.

    The reference interpretation the compiled engine is tested against; slower.
    """
    _INTERPRETED.append(True)
    try:
        yield
    finally:
        _INTERPRETED.pop()


def is_interpreted() -> bool:
    """Whether calculations started now use the reference interpretation."""
    return bool(_INTERPRETED)


def _never(view: RecordView) -> bool:
    return False


_inlined(_never, lambda name: "False")


_complete = RecordView.complete.fget  # type: ignore[attr-defined]
_profile_status = attrgetter("record.profile.labour_market_status")
_profile_education = attrgetter("record.profile.education")
_age = attrgetter("record.participant.age_at_entry")


class Compiler:
    """Compiles selectors, windows and parts for one context (one calculation's constants).

    Equal selectors (frozen values) are compiled once. With ``reference``, nothing is
    compiled: each selector is asked by ``matches`` and each part by ``part``.
    """

    def __init__(self, ctx: Context, *, reference: bool = False) -> None:
        self.ctx = ctx
        self.reference = reference
        self._tests: dict[Selector, Test | None] = {}

    def test(self, selector: Selector) -> Test | None:
        """The selector as a function of a record; None if it selects everyone."""
        if self.reference:
            return self._asked(selector)
        try:
            if selector in self._tests:
                return self._tests[selector]
        except TypeError:  # a selector holding something unhashable: compiled each time
            return self._compile(selector)
        found = self._tests[selector] = self._compile(selector)
        return found

    def _asked(self, selector: Selector) -> Test:
        ctx, matches = self.ctx, selector.matches
        return lambda view: matches(view, ctx)

    def _compile(self, selector: Selector) -> Test | None:
        compile_ = _COMPILERS.get(type(selector))
        if compile_ is None:  # a selector of one's own: asked as it answers
            return self._asked(selector)
        return compile_(self, selector)

    def conjuncts(self, selector: Selector) -> tuple[Selector, ...]:
        """The parts a record must all match: ``AllOf`` flattened, ``Everyone`` left out.

        In the reference interpretation, the selector itself (or nothing, for ``Everyone``).
        """
        if type(selector) is Everyone:
            return ()
        if self.reference or type(selector) is not AllOf:
            return (selector,)
        assert isinstance(selector, AllOf)
        return tuple(c for part in selector.parts for c in self.conjuncts(part))

    def all_of(self, parts: tuple[Selector, ...]) -> Test | None:
        """A record matches every one of ``parts``; None if there are none."""
        tests = tuple(t for t in map(self.test, parts) if t is not None)
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        if len(tests) == 2:
            first, second = tests
            found: Test = lambda view: first(view) and second(view)  # noqa: E731
        else:

            def found(view: RecordView) -> bool:
                for test in tests:  # noqa: SIM110 - a plain loop, on the hot path
                    if not test(view):
                        return False
                return True

        return _joined(found, "and", tests)

    def necessary(self, selector: Selector) -> Test | None:
        """A test that does not read the period and that every record the selector selects passes.

        For a selector that reads the period, asked once for runs over several periods
        before each run asks the selector itself (:func:`~._feed.feed`): the conjuncts
        that do not read the period, and what the instruments' selectors need (an
        assessment at all). None if nothing is known (every record passes).
        """
        if self.reference:
            return None
        needed = []
        for conjunct in self.conjuncts(selector):
            if not reads_period(conjunct):
                needed.append(conjunct)
            elif type(conjunct) in (Assessed, Improved):
                needed.append(_ASSESSED)
        return self.all_of(tuple(needed))

    def bounds(self, window: Window) -> Bounds:
        """The window as a function of a record (:meth:`Window.bounds`)."""
        ctx = self.ctx
        if self.reference:
            return lambda view: window.bounds(view, ctx)
        return _window(window, ctx)

    def part(self, statistic: object, tally: Tally) -> Part | None:
        """What a record adds to ``tally`` of ``statistic``; None for ``True`` (a person counted).

        The same for every tally of the statistic in the calculation (:meth:`Tally.part`).
        """
        ctx = self.ctx
        kind = type(statistic)
        if not self.reference:
            if kind is Count:
                of = statistic.of  # type: ignore[attr-defined]
                return None if of is None else self.test(of)
            if kind is Share:
                return self.test(statistic.of)  # type: ignore[attr-defined]
            if kind is Mean:
                return self.value(statistic.measure)  # type: ignore[attr-defined]
            if kind in (Events, Episodes) and getattr(tally, "key", None) is not None:
                return self._items(statistic, tally)  # type: ignore[arg-type]
            if kind in (AverageHeadcount, PeakHeadcount) and type(tally) is _HeadcountTally:
                return _days_taken_part(tally.start, tally.days)
        part = tally.part
        return lambda view: part(view, ctx)

    def value(self, measure: Measure) -> Part:
        """A measure's value as a function of a record."""
        kind = type(measure)
        if kind is AgeAtEntry:
            return _age
        if kind is UnemploymentDaysAtEntry:
            return _unemployment_days
        ctx, value = self.ctx, measure.value
        return lambda view: value(view, ctx)

    def dated(self, statistic: Events | Episodes, key: tuple[str, int]) -> Dated:
        """The record's matching items in any window, each dated (:func:`dated_items`), compiled.

        Remembered by the view under ``key``, as :func:`dated_items` does, so that the
        runs sharing the view (and the reference) read the same list.
        """
        if self.reference:
            return lambda view: dated_items(statistic, key, view)
        if type(statistic) is Episodes:
            services = statistic.services

            def work_out(view: RecordView) -> list[tuple[pendulum.Date, str | None]]:
                return [(e.start, str(e.service)) for e in view.episodes if e.service in services]

            reads: Callable[[RecordView], tuple[object, ...]] = attrgetter("episodes")
        else:
            assert isinstance(statistic, Events)
            match, by = _event_match(statistic.match), statistic.by
            # Only events of the tag can match an EventMatch (not so a subclass of one's own).
            tag = statistic.match.event if type(statistic.match) is EventMatch else None

            def work_out(view: RecordView) -> list[tuple[pendulum.Date, str | None]]:
                candidates: Sequence[Any] = (
                    view.occurrences if tag is None else _by_tag(view).get(tag, ())
                )
                return [
                    (event.date, None if by is None else str(getattr(event, by)))
                    for event in candidates
                    if match(event, view)
                ]

            reads = attrgetter("occurrences")

        def dated(view: RecordView) -> list[tuple[pendulum.Date, str | None]]:
            memo = view._memo
            found = memo.get(key)
            if found is None:
                found = memo[key] = work_out(view) if reads(view) else []
            return found  # type: ignore[return-value]

        return dated

    def _items(self, statistic: Events | Episodes, tally: Tally) -> Part:
        """The item count's part (``_ItemsTally.part``): the dated items inside the window."""
        key: tuple[str, int] = tally.key  # type: ignore[attr-defined]
        bounds = self.bounds(statistic.window)
        dated_of = self.dated(statistic, key)

        def part(view: RecordView) -> list[str | None]:
            dated = dated_of(view)
            if not dated:
                return []
            found = bounds(view)
            if found is None:
                return []
            low, high = found
            return [group for day, group in dated if low <= day <= high]

        return part


def _by_tag(view: RecordView) -> dict[str, list[object]]:
    """The record's occurrences by their tag, in order, worked out once per view."""
    memo = view._memo
    found = memo.get("occurrences by tag")
    if found is None:
        by_tag: dict[str, list[object]] = {}
        for event in view.occurrences:
            by_tag.setdefault(event.tag, []).append(event)
        found = memo["occurrences by tag"] = by_tag
    return found  # type: ignore[return-value]


def _days_taken_part(start: int, days: int) -> Part:
    """``_HeadcountTally.part``: the days of the period taken part on, as offsets from its start.

    Remembered by the view, so that the average and the peak (and every run over the
    same days) share it.
    """
    last = start + days - 1
    key = ("headcount", start, days)

    def part(view: RecordView) -> list[tuple[int, int]]:
        memo = view._memo
        found = memo.get(key)
        if found is None:
            days_taken: list[tuple[int, int]] = []
            for entry, exit_ in view.periods:
                low = max(entry.toordinal(), start)
                high = min(last, exit_.toordinal()) if exit_ is not None else last
                if low <= high:
                    days_taken.append((low - start, high - start))
            found = memo[key] = days_taken
        return found  # type: ignore[return-value]

    return part


def _unemployment_days(view: RecordView) -> int | None:
    since = view.record.profile.unemployed_since
    if since is None:
        return None
    return view.periods[0][0].toordinal() - since.toordinal()


def _all_of(compiler: Compiler, selector: AllOf) -> Test | None:
    return compiler.all_of(compiler.conjuncts(selector))


def _disjuncts(selector: Selector) -> tuple[Selector, ...]:
    if type(selector) is AnyOf:
        assert isinstance(selector, AnyOf)
        return tuple(d for part in selector.parts for d in _disjuncts(part))
    return (selector,)


def _any_of(compiler: Compiler, selector: AnyOf) -> Test | None:
    parts = _disjuncts(selector)
    if parts and all(type(p) is HasEducation for p in parts):
        bands = tuple(p.band for p in parts)  # type: ignore[attr-defined]
        return _inlined(
            lambda view: _profile_education(view) in bands,
            lambda name: f"profile.education in {name('C', bands)}",
        )
    tests = [compiler.test(p) for p in parts]
    if any(t is None for t in tests):
        return None
    if not tests:
        return _never
    found = tuple(t for t in tests if t is not None)
    if len(found) == 1:
        return found[0]
    if len(found) == 2:
        first, second = found
        some: Test = lambda view: first(view) or second(view)  # noqa: E731
    else:

        def some(view: RecordView) -> bool:
            for test in found:  # noqa: SIM110 - a plain loop, on the hot path
                if test(view):
                    return True
            return False

    return _joined(some, "or", found)


def _not(compiler: Compiler, selector: Not) -> Test | None:
    test = compiler.test(selector.part)
    if test is None:
        return _never
    negated: Test = lambda view: not test(view)  # noqa: E731
    form = inline_form(test)
    if form is not None:
        _inlined(negated, lambda name: f"not ({form(name)})")
    return negated


def _has_status(compiler: Compiler, selector: HasStatus) -> Test | None:
    group = selector.status.esf_group
    statuses = frozenset(s for s in LabourMarketStatus if s.esf_group is group)
    return _inlined(
        lambda view: _profile_status(view) in statuses,
        lambda name: f"profile.labour_market_status in {name('C', statuses)}",
    )


def _long_term_unemployed(compiler: Compiler, selector: LongTermUnemployed) -> Test | None:
    rule = compiler.ctx.rules.is_long_term_unemployed
    return lambda view: rule(view.record) is True


def _age_between(compiler: Compiler, selector: AgeBetween) -> Test | None:
    low, high = selector.minimum, selector.maximum
    if low is None and high is None:
        return _inlined(lambda view: _age(view) is not None, lambda name: "age is not None")
    if low is None:
        return _inlined(
            lambda view: (age := _age(view)) is not None and age <= high,
            lambda name: f"age is not None and age <= {name('C', high)}",
        )
    if high is None:
        return _inlined(
            lambda view: (age := _age(view)) is not None and age >= low,
            lambda name: f"age is not None and age >= {name('C', low)}",
        )
    return _inlined(
        lambda view: (age := _age(view)) is not None and low <= age <= high,
        lambda name: f"age is not None and {name('C', low)} <= age <= {name('C', high)}",
    )


def _has_education(compiler: Compiler, selector: HasEducation) -> Test | None:
    band = selector.band
    return _inlined(
        lambda view: _profile_education(view) is band,
        lambda name: f"profile.education is {name('C', band)}",
    )


def _characteristic(compiler: Compiler, selector: Characteristic) -> Test | None:
    field, values = selector.name, selector.values
    read = attrgetter(f"record.profile.{field}")
    test: Test = lambda view: read(view) in values  # noqa: E731
    if not field.isidentifier():  # a field of the profile (checked): always a name
        return test
    return _inlined(test, lambda name: f"profile.{field} in {name('C', values)}")


def _used_service(compiler: Compiler, selector: UsedService) -> Test | None:
    services = selector.services

    def used(view: RecordView) -> bool:
        for episode in view.episodes:  # noqa: SIM110 - a plain loop, on the hot path
            if episode.service in services:
                return True
        return False

    return used


def _started_with(compiler: Compiler, selector: StartedWith) -> Test | None:
    service = selector.service
    return lambda view: bool(view.episodes) and view.episodes[0].service is service


def _window(window: Window, ctx: Context) -> Bounds:
    """:meth:`Window.bounds` with the context's dates and rules bound in."""
    as_of, rules = ctx.as_of, ctx.rules
    if window is Window.ANY_TIME:
        return lambda view: (view.periods[0][0], as_of)
    if window is Window.IN_PERIOD:
        fixed = in_period(ctx)
        return lambda view: fixed
    if window is Window.DURING:

        def during(view: RecordView) -> tuple[pendulum.Date, pendulum.Date]:
            last = view.periods[-1][1]
            return view.periods[0][0], last if last is not None else as_of

        return during
    upon, follow_up = rules.upon_leaving_days, rules.follow_up_days

    def after(view: RecordView) -> tuple[pendulum.Date, pendulum.Date] | None:
        last = view.periods[-1][1]
        if last is None:
            return None
        if window is Window.UPON_LEAVING:
            return last, view.after_exit(days=upon)
        if window is Window.DURING_OR_UPON_LEAVING:
            return view.periods[0][0], view.after_exit(days=upon)
        if window is Window.SIX_MONTHS_AFTER:
            return view.after_exit(months=6), view.after_exit(months=6, days=follow_up)
        return view.after_exit(days=1), as_of

    return after


def _event_match(match: EventMatch) -> Callable[[object, RecordView], bool]:
    """:meth:`EventMatch.matches`, compiled (the tag first: most events are of other kinds)."""
    tag, where, via = match.event, match.where, match.via
    if type(match) is not EventMatch:
        return match.matches  # type: ignore[return-value]
    if not where and via is None:
        return lambda event, view: event.tag == tag  # type: ignore[attr-defined]

    def matches(event: object, view: RecordView) -> bool:
        if event.tag != tag:  # type: ignore[attr-defined]
            return False
        for name, value in where:
            if getattr(event, name) != value:
                return False
        if via is not None:
            at = getattr(event, "via_episode", None)
            return any(e.id == at and e.service is via for e in view.episodes)
        return True

    return matches


def _had_event(compiler: Compiler, selector: HadEvent) -> Test | None:
    bounds = compiler.bounds(selector.window)
    matchers = tuple(_event_match(m) for m in selector.events)

    def had(view: RecordView) -> bool:
        # The matching events first, the window only if there are any: most records
        # have none, and a window after the exit costs date arithmetic.
        found = None
        for event in view.occurrences:
            for match in matchers:
                if match(event, view):
                    if found is None:
                        found = bounds(view)
                        if found is None:
                            return False
                    if found[0] <= event.date <= found[1]:
                        return True
                    break
        return False

    return had


def _status_upon_leaving(compiler: Compiler, selector: StatusUponLeaving) -> Test | None:
    ctx, statuses = compiler.ctx, selector.statuses

    def status(view: RecordView) -> bool:
        situation = view.upon_leaving(ctx)
        return situation is not None and situation.status in statuses

    return status


def _in_education(compiler: Compiler, selector: InEducationUponLeaving) -> Test | None:
    ctx = compiler.ctx

    def in_education(view: RecordView) -> bool:
        situation = view.upon_leaving(ctx)
        return situation is not None and situation.in_education

    return in_education


def _gained_qualification(compiler: Compiler, selector: GainedQualification) -> Test | None:
    bounds = compiler.bounds(Window.DURING_OR_UPON_LEAVING)
    accepted = compiler.ctx.rules.qualifying_certificates

    def gained(view: RecordView) -> bool:
        if not view.events:
            return False
        found = bounds(view)
        if found is None:
            return False
        low, high = found
        for event in view.events:
            if low <= event.date <= high and (
                isinstance(event, QualificationGained)
                or (isinstance(event, CertificateObtained) and event.certificate in accepted)
            ):
                return True
        return False

    return gained


def _six_months_after(compiler: Compiler, selector: StatusSixMonthsAfter) -> Test | None:
    ctx, statuses = compiler.ctx, selector.statuses

    def status(view: RecordView) -> bool:
        if view.periods[-1][1] is None:  # a stayer: no situation after leaving
            return False
        situation = view.six_months_after(ctx)
        return situation is not None and situation.status in statuses

    return status


@frozen
class _WasAssessed(Selector):
    """Has any assessment on any instrument: what :class:`Assessed` and :class:`Improved` need."""

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        return bool(view.record.assessments)


_ASSESSED = _WasAssessed()


def _was_assessed(view: RecordView) -> bool:
    return bool(view.record.assessments)


def _everyone(compiler: Compiler, selector: Everyone) -> Test | None:
    return None


def _complete_test(compiler: Compiler, selector: Complete) -> Test | None:
    return _complete  # type: ignore[no-any-return]


# As RecordView.complete works it out (asked once per block, so nothing to remember).
_inlined(_complete, lambda name: "profile.is_complete and age is not None")


#: How each selector class of the library compiles (the exact class: a subclass may
#: answer in its own way, and is asked by its ``matches``).
_COMPILERS: dict[type, Callable[..., Test | None]] = {
    Everyone: _everyone,
    AllOf: _all_of,
    AnyOf: _any_of,
    Not: _not,
    Complete: _complete_test,
    HasStatus: _has_status,
    LongTermUnemployed: _long_term_unemployed,
    AgeBetween: _age_between,
    HasEducation: _has_education,
    Characteristic: _characteristic,
    UsedService: _used_service,
    StartedWith: _started_with,
    HadEvent: _had_event,
    StatusUponLeaving: _status_upon_leaving,
    InEducationUponLeaving: _in_education,
    GainedQualification: _gained_qualification,
    StatusSixMonthsAfter: _six_months_after,
    _WasAssessed: lambda compiler, selector: _was_assessed,
}
