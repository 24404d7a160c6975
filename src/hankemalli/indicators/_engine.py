"""The engine: any set of indicators over any iterable of records, in one pass.

:func:`compute` is the one entry point. For work split across processes or
chunks, :meth:`Calculation.start` gives a :class:`Run` whose state merges with
another run's: computing chunks apart and merging gives the same figures as
computing the whole.
"""

from __future__ import annotations

import warnings
from collections.abc import (
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)

import pendulum
from attrs import field, frozen

from ..model import Participation
from ..model._errors import shown
from ._assembled import Adder, Block, assemble, blocks, interpret, kinds
from ._compiled import Compiler, is_interpreted
from ._context import Context, CountingRules, RecordView, ReportingPeriod, Scope
from ._definition import Catalogue, Indicator
from ._figure import Figure
from ._measures import Key
from ._selectors import Selector
from ._statistics import Tally

__all__ = ["Calculation", "Results", "Run", "compute"]


@frozen(kw_only=True)
class Results(Mapping[str, Figure]):
    """The figures of one calculation (tulokset), by indicator code.

    ``figures`` are the figures in the order of the indicators computed. ``groups``
    holds the same figures per group of the breakdown key, if one was asked for
    (e.g. by gender), each group with its figures, in the order the key gives its
    groups (then any others alphabetically); :attr:`by_group` gives them by group
    and code.

    Results are a read-only mapping from code to :class:`Figure`:
    ``results["EECR04"]``, ``"EECR04" in results``, ``len(results)``,
    ``results.get(code)``, ``keys()``, ``values()`` and ``items()``. Iterating the
    results themselves still gives the figures, as in 0.1, with a
    :class:`DeprecationWarning`: from 0.3.0 it will give the codes, as any mapping
    does. Iterate ``values()`` (or :attr:`figures`) for the figures and ``keys()`` for
    the codes. Two results are equal when their fields are.
    """

    period: ReportingPeriod
    as_of: pendulum.Date
    rules: CountingRules
    figures: tuple[Figure, ...]
    groups: tuple[tuple[str, tuple[Figure, ...]], ...] = ()
    _index: dict[str, Figure] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Figure] = {}
        for figure in self.figures:
            index.setdefault(figure.code, figure)  # the first, should a code repeat
        object.__setattr__(self, "_index", index)

    def __getitem__(self, code: str) -> Figure:
        """The figure of the indicator ``code``; :class:`KeyError` if it was not computed."""
        return self._index[code]

    def __iter__(self) -> Iterator[Figure]:  # type: ignore[override]
        """The figures, in the order computed (deprecated: iterate ``values()``)."""
        warnings.warn(
            "iterating Results gives the figures until 0.3.0 and then their codes, as any "
            "mapping does: iterate results.values() for the figures, results.keys() for "
            "the codes",
            DeprecationWarning,
            stacklevel=2,
        )
        return iter(self.figures)

    def keys(self) -> KeysView[str]:
        """The codes of the figures, in the order of the indicators computed."""
        return self._index.keys()

    def values(self) -> ValuesView[Figure]:
        """The figures, in the order of the indicators computed (the first of a code)."""
        return self._index.values()

    def items(self) -> ItemsView[str, Figure]:
        """(code, figure) pairs, in the order of the indicators computed."""
        return self._index.items()

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, code: object) -> bool:
        return code in self._index

    @property
    def by_group(self) -> Mapping[str, Mapping[str, Figure]]:
        """Figures per group, then per code."""
        return {group: {f.code: f for f in figures} for group, figures in self.groups}


def _indicators(given: Catalogue | Iterable[Indicator]) -> tuple[Indicator, ...]:
    """The indicators of a catalogue or an iterable, or a TypeError that says what to pass.

    A tuple of codes (``tuple(catalogue.keys())``, or a catalogue iterated after
    0.3.0) is refused with a message that says to pass the catalogue or
    ``catalogue.values()``.
    """
    listed = given.indicators if isinstance(given, Catalogue) else tuple(given)
    for item in listed:
        if not isinstance(item, Indicator):
            hint = (
                "; those are codes: pass the catalogue itself, or catalogue.values()"
                if isinstance(item, str)
                else ""
            )
            raise TypeError(
                f"expected Indicator objects, got {type(item).__name__} {shown(item)}{hint}"
            )
    return listed


@frozen(kw_only=True)
class Calculation:
    """What to compute: indicators, period, as_of, counting rules and an optional breakdown.

    ``indicators`` may be given as a :class:`Catalogue` or any iterable of indicators.
    """

    indicators: tuple[Indicator, ...] = field(converter=_indicators)
    context: Context
    breakdown: Key | None = None

    def start(self) -> Run:
        """A new, empty run of this calculation."""
        return Run(self)

    def run(self, records: Iterable[Participation]) -> Results:
        """Compute the figures over ``records`` in one pass."""
        run = self.start()
        run.add_all(records)
        return run.results()


class Run:
    """The mergeable running state of a :class:`Calculation` (laskennan välitila)."""

    def __init__(self, calculation: Calculation) -> None:
        self.calculation = calculation
        self._statistics = tuple(ind.statistic for ind in calculation.indicators)
        self._tallies = self._new_tallies()
        self._groups: dict[str, list[Tally]] = {}
        # The indicators by scope, so that a record outside a scope skips all of its
        # indicators at once (most records are outside most scopes of a year).
        by_scope: dict[Scope, list[tuple[int, Selector]]] = {}
        for index, indicator in enumerate(calculation.indicators):
            by_scope.setdefault(indicator.scope, []).append((index, indicator.population))
        self._by_scope = tuple((scope, tuple(members)) for scope, members in by_scope.items())
        #: Whether the run asks its selectors by ``matches`` (the reference, :func:`interpreted`).
        self._reference = is_interpreted()
        #: The indicators compiled for this run's context into one function (:meth:`_compile`);
        #: built at the first record, and again after unpickling (functions do not pickle).
        self._plan: Adder | None = None

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if k != "_plan"}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        vars(self).setdefault("_reference", False)  # a run pickled by an earlier version
        self._plan = None

    def _compile(self) -> Adder:
        """Each scope's indicators compiled (:func:`~._compiled.blocks`) into one function.

        Written out as code (:func:`~._compiled.assemble`), or, in the reference
        interpretation, walked as data (:func:`~._compiled.interpret`).
        """
        compiler = Compiler(self.calculation.context, reference=self._reference)
        statistics, tallies = self._statistics, self._tallies
        scoped: list[tuple[Scope | None, tuple[Block, ...]]] = [
            (
                scope,
                blocks(
                    compiler,
                    ((i, population, statistics[i], tallies[i]) for i, population in members),
                ),
            )
            for scope, members in self._by_scope
        ]
        if self._reference:
            self._plan = interpret(scoped)
        else:
            grouped = self.calculation.breakdown is not None
            self._plan = assemble(scoped, kinds=kinds(statistics), grouped=grouped)
        return self._plan

    def _new_tallies(self) -> list[Tally]:
        ctx = self.calculation.context
        return [_parted(statistic.tally(ctx)) for statistic in self._statistics]

    def add(self, record: Participation) -> None:
        """Take one participant record into account."""
        self.add_view(self.calculation.context.see(record))

    def add_view(self, view: RecordView | None) -> None:
        """Take one record into account, as seen on this calculation's as_of date.

        ``view`` must be what ``calculation.context.see(record)`` gives (None for a
        record not known yet); :func:`feed` shares one view among the runs that see
        records on the same date by the same rules.
        """
        if view is None:
            return
        plan = self._plan
        if plan is None:
            plan = self._compile()
        ctx = self.calculation.context
        key = self.calculation.breakdown
        group_tallies = self._group_tallies(key.groups(view, ctx)) if key is not None else []
        plan(view, ctx.scopes(view), self._tallies, group_tallies)

    def _group_tallies(self, groups: Iterable[str]) -> list[list[Tally]]:
        """The tallies of each of ``groups``, new ones for a group not seen before."""
        found = []
        for group in groups:
            tallies = self._groups.get(group)
            if tallies is None:
                tallies = self._groups[group] = self._new_tallies()
            found.append(tallies)
        return found

    def add_all(self, records: Iterable[Participation]) -> None:
        """Take every record of an iterable into account, one at a time."""
        ctx = self.calculation.context
        kind = type(self)
        own = kind.add is not Run.add or kind.add_view is not Run.add_view
        if own or type(ctx) is not Context or self.calculation.breakdown is not None:
            for record in records:  # a subclass's own add or scopes, or groups to find
                self.add(record)
            return
        # What add and add_view do, in one loop (no group to take a record into). A
        # view just seen has no scopes remembered: they are worked out at once.
        see, scopes, tallies = ctx.see, ctx._work_out_scopes, self._tallies
        plan, no_groups = self._plan, list[list[Tally]]()
        for record in records:
            view = see(record)
            if view is not None:
                if plan is None:
                    plan = self._compile()
                plan(view, scopes(view), tallies, no_groups)

    def merge(self, other: Run) -> None:
        """Take another run of the same calculation into account (other records)."""
        if other.calculation != self.calculation:
            raise ValueError("only runs of the same calculation can be merged")
        for mine, theirs in zip(self._tallies, other._tallies, strict=True):
            mine.merge(theirs)
        for group, tallies in other._groups.items():
            if group not in self._groups:
                self._groups[group] = self._new_tallies()
            for mine, theirs in zip(self._groups[group], tallies, strict=True):
                mine.merge(theirs)

    def results(self) -> Results:
        """The figures so far."""
        calc = self.calculation
        key = calc.breakdown
        order = list(key.order()) if key is not None else []
        names = [g for g in order if g in self._groups] + sorted(
            g for g in self._groups if g not in order
        )
        return Results(
            period=calc.context.period,
            as_of=calc.context.as_of,
            rules=calc.context.rules,
            figures=self._figures(self._tallies),
            groups=tuple((g, self._figures(self._groups[g])) for g in names),
        )

    def _figures(self, tallies: list[Tally]) -> tuple[Figure, ...]:
        return tuple(
            tally.figure(ind.code, ind.cumulative)
            for ind, tally in zip(self.calculation.indicators, tallies, strict=True)
        )


class _Parted:
    """A tally of a statistic of one's own that only adds records, given parts and takes."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally

    def add(self, view: RecordView, ctx: Context) -> None:
        self.tally.add(view, ctx)

    def part(self, view: RecordView, ctx: Context) -> object:
        return (view, ctx)

    def take(self, part: object) -> None:
        self.tally.add(*part)  # type: ignore[misc]

    def merge(self, other: Tally) -> None:
        self.tally.merge(other.tally if isinstance(other, _Parted) else other)

    def figure(self, code: str, cumulative: bool) -> Figure:
        return self.tally.figure(code, cumulative)


def _parted(tally: Tally) -> Tally:
    """The tally, able to give what a record adds once for the whole and every group."""
    return tally if hasattr(tally, "take") else _Parted(tally)


def compute(
    indicators: Catalogue | Iterable[Indicator],
    records: Iterable[Participation],
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    rules: CountingRules | None = None,
    breakdown: Key | None = None,
) -> Results:
    """Compute indicators over participant records for a period, as known on ``as_of``.

    One pass over ``records`` (any iterable: a dataset's participants, a generator
    reading a database), with memory proportional to the report. No clock is read:
    the period and ``as_of`` are always given.
    """
    context = Context(period=period, as_of=as_of, rules=rules or CountingRules())
    calculation = Calculation(indicators=indicators, context=context, breakdown=breakdown)
    return calculation.run(records)
