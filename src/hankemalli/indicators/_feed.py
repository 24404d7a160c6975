"""Several runs fed in one pass over the records (yksi läpikäynti).

:func:`feed` takes every record into account in each of several runs. Runs that
see the records on the same as_of date by the same counting rules share each
record's view, and with it what the view has worked out once (the situation upon
leaving, the windows after the exit, the scopes it is in for a period, the items an
item count may count). Within a run, what a record adds to an indicator is worked
out once for the whole and every breakdown group (:meth:`Tally.part`).

Runs of the same indicators and breakdown that differ only in their period (each
year of a report set and the whole programme) are fed as a family
(:class:`_Family`): a record is asked once per indicator, not once per period. An
indicator anchored to the entry or to the exit (``ENTERED``, ``ENTERED_BY_END``,
``LEFT``, ``LEFT_BY_END``) whose answer and statistic do not read the period (a
count, a share, a mean, a distribution by a key that does not) goes further: each
record is counted once, in the stretch of days between the periods' edges that
holds its entry (or exit), and each period's tally is the merge of the stretches it
covers. Merging tallies of disjoint records gives the figures of one pass in any
order (the law :meth:`Run.merge` keeps; a figure lists a distribution's groups
sorted), so the figures are those of each run fed alone. For the same reason, a
record in one group of a breakdown (by gender, say) is taken into that group's own
tallies only, which are merged into the whole and the group at the end
(:attr:`_Family.alone`), not into both; and the daily headcount of everyone taking
part takes each record's days once, over the days of every run, each run reading
its own days at the end (:meth:`_Family._spans`).

What does not depend on the record beyond its scopes and groups is not taken
record by record (issue 14): a count of everyone in a scope (``participants``,
``stayers``) counts the records by the scopes they are in for each run and their
groups, and adds up at the end; the peak number of participants takes the days the
average takes, so it copies them at the end; and a run a family answers (a
programme target's, over the programme up to a year's end: :func:`_answer`) is not
fed at all, but merged from the family's stretches or counted from its scopes. A
family tells the scopes of a record with one participation by where its entry and
exit fall among the periods' edges (:meth:`_Family.scopes`).
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import cast

import pendulum

from ..model import Participation
from ._assembled import Adder, Namer, assemble, blocks, interpret, kinds, write_take
from ._compiled import Bounds, Compiler, Dated, Part, Test, _days_taken_part
from ._context import Context, RecordView, Scope
from ._engine import Run, _parted
from ._evidence import UsedModel
from ._measures import key_reads_period, measure_reads_period
from ._selectors import Selector, Window, in_period, reads_period
from ._statistics import (
    AverageHeadcount,
    Count,
    Distribution,
    Episodes,
    Events,
    Mean,
    PeakHeadcount,
    Share,
    Tally,
    _CountTally,
    _DistributionTally,
    _HeadcountTally,
    _ItemsTally,
    _MeanTally,
    _ShareTally,
    item_key,
)

__all__ = ["feed"]

#: The scopes a record belongs to by one date: its first entry or its last exit.
_BY_ENTRY = (Scope.ENTERED, Scope.ENTERED_BY_END)
_BY_EXIT = (Scope.LEFT, Scope.LEFT_BY_END)
_ANCHORED = frozenset(_BY_ENTRY + _BY_EXIT)
#: The scopes given to an anchored plan, which has no scopes to check.
_NOWHERE: frozenset[Scope] = frozenset()
_NO_GROUPS: list[list[Tally]] = []


#: An indicator fed run by run: its index; for a count of items, its dated items
#: (:func:`dated_items`); what of the population does not read the period, compiled
#: once for every run (None if everyone passes); the population per run (None if the
#: first answers for all); the part compiled once for every run, or else per run; and
#: for a count of items over each run's period, its window per run (its days, for the
#: period's own window).
_Member = tuple[
    int,
    "Dated | None",
    "Test | None",
    "tuple[Test | None, ...] | None",
    "Part | None",
    "tuple[Part | None, ...] | None",
    "tuple[Bounds | tuple[pendulum.Date, pendulum.Date], ...] | None",
]


def _mergeable(statistic: object) -> bool:
    """Whether what a record adds to a statistic's tallies is the same for every period.

    Then its tallies of disjoint records may be merged in any order and read the
    same: counts, shares and means (their median comes from the sorted values)
    whose trait or measure does not read the period, and distributions by a key
    that does not (a figure lists its groups sorted: :class:`~._figure.Figure`).
    Not item counts, whose items are those in a window.
    """
    kind = type(statistic)
    if kind is Distribution:
        return not key_reads_period(statistic.key)  # type: ignore[attr-defined]
    if kind is Count:
        of = statistic.of  # type: ignore[attr-defined]
        return of is None or not reads_period(of)
    if kind is Share:
        return not reads_period(statistic.of)  # type: ignore[attr-defined]
    if kind is Mean:
        return not measure_reads_period(statistic.measure)  # type: ignore[attr-defined]
    return False


def _part_reads_period(statistic: object) -> bool:
    """Whether what a record adds to a statistic's tallies may depend on the period.

    True unless the statistic is one of the library's whose answer does not: a
    count, share, mean or distribution as :func:`_mergeable`, a count of items in a
    window other than the period's.
    """
    kind = type(statistic)
    if kind in (Count, Share, Mean, Distribution):
        return not _mergeable(statistic)
    if kind in (Events, Episodes):
        return statistic.window is Window.IN_PERIOD  # type: ignore[attr-defined]
    return True


#: The groups of :class:`~._evidence.UsedModel`.
_USED, _NOT_USED = ("used",), ("not_used",)


def _everyone_passes(view: RecordView) -> bool:
    return True


#: The statistics whose tallies count the days each record takes part on.
_HEADCOUNTS = (AverageHeadcount, PeakHeadcount)

#: The library's tallies, whose merge of tallies of disjoint records gives the figures of
#: one pass over them in any order (a distribution's or item count's groups are listed
#: sorted in its figure, :class:`~._figure.Figure`).
_ANY_ORDER = frozenset(
    {_CountTally, _ShareTally, _MeanTally, _DistributionTally, _ItemsTally, _HeadcountTally}
)


def _same_shape(one: Tally, other: Tally) -> bool:
    """Whether two tallies both count days taken part on, the same days of the same period."""
    return (
        type(one) is _HeadcountTally
        and type(other) is _HeadcountTally
        and (one.start, one.days) == (other.start, other.days)
        and not any(one.diff)
        and not any(other.diff)
    )


#: The compiled plans of anchored indicators (:meth:`_Anchored._compile`), and how many
#: are kept (a report set has a few: the indicators by entry, by exit, the evidence).
_PLANS: dict[object, tuple[Adder, Adder | None]] = {}
_PLANS_KEPT = 32


#: The runs that take a record into account for one scope: each run's position, its
#: tallies and its groups' tallies.
_Inside = list[tuple[int, list[Tally], list[list[Tally]]]]
#: How many combinations of groups and scopes a family remembers (a few dozen are usual).
_INSIDES = 4096


class _Anchored:
    """The indicators of one anchored scope, each record counted once, in the stretch of its day.

    The periods' first days and the days after their last days cut the calendar
    into stretches; each period's days (or every day up to its end, for a scope
    counted from the programme's start) are a run of whole stretches. A record
    anchored by its entry (or exit) is counted in the stretch that holds that day,
    and each period's tallies are the merge of the stretches it covers.
    """

    def __init__(self, family: _Family, scope: Scope) -> None:
        #: The family, by a weak reference: it holds this scope, and a cycle between the
        #: two would keep every tally of a report set alive until the collector finds it.
        self.family = cast(_Family, weakref.proxy(family))
        self.scope = scope
        #: The indicators (their index in the calculation, and population).
        self.members: list[tuple[int, Selector]] = []
        cuts = family.cuts
        self.cumulative = cumulative = scope in (Scope.ENTERED_BY_END, Scope.LEFT_BY_END)
        #: Per run, the stretches its period covers.
        self.covers = [
            range(
                0 if cumulative else bisect_right(cuts, c.period.start.toordinal()),
                bisect_right(cuts, c.period.end.toordinal()) + 1,
            )
            for c in (run.calculation.context for run in family.runs)
        ]
        self.counted = {stretch for covered in self.covers for stretch in covered}
        #: The members compiled into one function (built at the first record).
        self.plan: Adder | None = None
        #: Per stretch (and per stretch and group), a tally of each member.
        self.rows: dict[int, list[Tally]] = {}
        self.group_rows: dict[tuple[int, str], list[Tally]] = {}
        #: Per stretch and group, the tallies of the records in that group only: the
        #: whole's tallies are the merge of these and of ``rows`` (the statistics merge in
        #: any order), so such a record is taken into one tally, not two.
        self.alone: dict[tuple[int, str], list[Tally]] = {}
        self.alone_plan: Adder | None = None
        #: Per stretch and set of groups, the groups' rows.
        self.by_groups: dict[tuple[int, Sequence[str]], list[list[Tally]]] = {}
        #: Runs of other indicators answered by the stretches (:meth:`answer`): each
        #: with its (index, position of the member) pairs and the stretches it covers.
        self.answered: list[tuple[Run, tuple[tuple[int, int], ...], range]] = []

    def admit(self, index: int, population: Selector) -> None:
        """Count the indicator at ``index`` (of ``population``) this way too."""
        self.members.append((index, population))

    def position(self, population: Selector, statistic: object) -> int | None:
        """The position of the member of ``population`` and ``statistic``; None if none is."""
        statistics = self.family._statistics
        for position, (index, mine) in enumerate(self.members):
            if mine == population and statistics[index] == statistic:
                return position
        return None

    def covering(self, start: int, after: int) -> range | None:
        """The stretches of the days from ``start`` to before ``after`` (ordinals).

        None if those days are not a run of whole stretches.
        """
        cuts = self.family.cuts
        if after not in cuts or not (self.cumulative or start in cuts):
            return None
        return range(0 if self.cumulative else bisect_right(cuts, start), bisect_right(cuts, after))

    def answer(self, run: Run, pairs: tuple[tuple[int, int], ...], covered: range) -> None:
        """Give ``run`` (no breakdown) the merge of the stretches ``covered`` at the end.

        ``pairs`` are the run's indices and the positions of the members that count
        the same indicators.
        """
        self.answered.append((run, pairs, covered))
        self.counted.update(covered)

    def _compile(self) -> Adder:
        """The members compiled for the family's context, by position in a row.

        Compiled once per context, members and breakdown or not, however many report
        sets ask (:data:`_PLANS`): the members are counts, shares, means and
        distributions of the library's, whose compiled tests and parts are functions of
        the record and the context alone.
        """
        family = self.family
        statistics, tallies = family._statistics, family.tallies[0]
        grouped = family.key is not None
        known: object = None
        if not family.compiler.reference:
            try:
                known = (
                    family.context,
                    grouped,
                    tuple((population, statistics[index]) for index, population in self.members),
                )
                found = _PLANS.get(known)
            except TypeError:  # a selector holding something unhashable: compiled here
                known = found = None
            if found is not None:
                self.plan, self.alone_plan = found
                return self.plan
        compiled = blocks(
            family.compiler,
            (
                (position, population, statistics[index], tallies[index])
                for position, (index, population) in enumerate(self.members)
            ),
        )
        if family.compiler.reference:
            self.plan = interpret([(None, compiled)])
        else:
            written = kinds([statistics[index] for index, _ in self.members])
            self.plan = assemble([(None, compiled)], kinds=written, grouped=grouped)
            if grouped:
                self.alone_plan = assemble([(None, compiled)], kinds=written, grouped=False)
        if known is not None:
            if len(_PLANS) >= _PLANS_KEPT:
                _PLANS.pop(next(iter(_PLANS), None), None)  # the oldest
            _PLANS[known] = (self.plan, self.alone_plan)
        return self.plan

    def _row(self) -> list[Tally]:
        return [self.family.new_tally(index) for index, _ in self.members]

    def add(self, view: RecordView, stretch: int, groups: Sequence[str]) -> None:
        """Count the record in ``stretch`` (the one that holds its day), and in its groups."""
        if stretch not in self.counted:
            return
        plan = self.plan
        if plan is None:
            plan = self._compile()
        alone = self.alone_plan
        if alone is not None and len(groups) == 1:
            # In one group only: counted there, and in the whole when the rows merge.
            at = (stretch, groups[0])
            row = self.alone.get(at)
            if row is None:
                row = self.alone[at] = self._row()
            alone(view, _NOWHERE, row, _NO_GROUPS)
            return
        row = self.rows.get(stretch)
        if row is None:
            row = self.rows[stretch] = self._row()
        group_rows = self.by_groups.get((stretch, groups))
        if group_rows is None:
            group_rows = []
            for group in groups:
                in_group = self.group_rows.get((stretch, group))
                if in_group is None:
                    in_group = self.group_rows[stretch, group] = self._row()
                group_rows.append(in_group)
            self.by_groups[stretch, groups] = group_rows
        plan(view, _NOWHERE, row, group_rows)

    def merge_into(self, runs: Sequence[Run]) -> None:
        """Merge each period's stretches into its run's tallies, in the order of the days."""
        for run, covered in zip(runs, self.covers, strict=True):
            for stretch in covered:
                row = self.rows.get(stretch)
                if row is not None:
                    self._merge(row, run._tallies)
                for group, tallies in run._groups.items():
                    in_group = self.group_rows.get((stretch, group))
                    if in_group is not None:
                        self._merge(in_group, tallies)
                    alone = self.alone.get((stretch, group))
                    if alone is not None:
                        self._merge(alone, tallies)
                        self._merge(alone, run._tallies)

        if not self.answered:
            return
        # Everyone of a stretch: those in several groups or none, and those in one.
        wholes: dict[int, list[list[Tally]]] = {}
        for stretch, row in self.rows.items():
            wholes.setdefault(stretch, []).append(row)
        for (stretch, _), row in self.alone.items():
            wholes.setdefault(stretch, []).append(row)
        for run, pairs, covered in self.answered:
            tallies = run._tallies
            for stretch in covered:
                for row in wholes.get(stretch, ()):
                    for index, position in pairs:
                        tallies[index].merge(row[position])

    def _merge(self, row: list[Tally], tallies: list[Tally]) -> None:
        for tally, (index, _) in zip(row, self.members, strict=True):
            tallies[index].merge(tally)


class _Family:
    """Runs of the same indicators and breakdown that differ only in their period.

    Fed together, a record's answer to a selector that does not read the period
    (:func:`~._selectors.reads_period`) is worked out once for all of them, and
    then each run whose period has the record in scope takes it into account; an
    anchored indicator is counted once per record (:class:`_Anchored`).
    """

    def __init__(self, runs: Sequence[Run]) -> None:
        self.runs = tuple(runs)
        first = runs[0]
        self.context: Context = first.calculation.context
        self.key = first.calculation.breakdown
        self.shared_groups = self.key is None or not key_reads_period(self.key)
        self._statistics = first._statistics
        contexts = [run.calculation.context for run in runs]
        self.contexts = tuple(contexts)
        #: Where a view remembers the scopes it is in for each run's period, in order.
        self.scopes_key = ("scopes of", tuple((c.period.start, c.period.end) for c in contexts))
        #: The days that tell a record's scopes for every run apart (:meth:`scopes`).
        self.edges = sorted(
            {
                day.toordinal() + after
                for c in contexts
                for day in (c.period.start, c.period.end, c.horizon, c.as_of)
                for after in (0, 1)
            }
        )
        #: The scopes for each run of a record with one participation, by where its entry
        #: and exit fall among :attr:`edges`.
        self.by_edges: dict[tuple[int, int], tuple[frozenset[Scope], ...]] = {}
        #: Whether the contexts are the library's own (not a subclass telling scopes its way).
        self.plain = all(type(c) is Context for c in contexts)
        self.tallies = tuple(run._tallies for run in runs)
        #: Per run, the compiler for its context; the first one's is the family's.
        self.compilers = tuple(Compiler(c, reference=first._reference) for c in contexts)
        self.compiler = self.compilers[0]
        #: An operating model's use (:class:`~._evidence.UsedModel`), compiled: who used its
        #: services is in ``used``, the others in ``not_used`` (as its ``groups`` says).
        self.used: Test | None = None
        key = self.key
        if type(key) is UsedModel and self.shared_groups and not self.compiler.reference:
            assert isinstance(key, UsedModel)
            self.used = self.compiler.test(key.selector) or _everyone_passes
        #: Per set of groups (of a key that does not read the period), each run's tallies.
        self.grouped: dict[tuple[str, ...], list[list[list[Tally]]]] = {}
        #: Each run's groups' tallies without a breakdown: none (never added to).
        self.ungrouped: list[list[list[Tally]]] = [[] for _ in runs]
        #: Whether a record in one group only is taken into tallies of that group's own
        #: (:attr:`alone`), not into the whole's and the group's: a breakdown that does not
        #: read the period, compiled, over the library's tallies (:data:`_ANY_ORDER`).
        self.alone_ok = (
            key is not None
            and self.shared_groups
            and not self.compiler.reference
            and all(type(tally) in _ANY_ORDER for run in runs for tally in run._tallies)
        )
        #: Per group, each run's tallies of the records in that group only: merged into
        #: the run's and the group's at the end (:meth:`finish`), so such a record is
        #: taken into one tally, not two.
        self.alone: dict[str, list[list[Tally]]] = {}
        #: Per set of groups and the scopes a record is in for each run, :meth:`_insides`.
        self.insides: dict[
            tuple[tuple[str, ...], tuple[frozenset[Scope], ...]], tuple[_Inside, ...]
        ] = {}
        #: The days on which a stretch begins: each period's first day and the day after its last.
        self.cuts = sorted(
            {c.period.start.toordinal() for c in contexts}
            | {c.period.end.toordinal() + 1 for c in contexts}
        )
        by_scope: list[tuple[Scope, tuple[_Member, ...]]] = []
        anchored: dict[Scope, _Anchored] = {}
        #: Per scope, the counts of everyone in it (:meth:`_counts_everyone`).
        scope_counts: list[tuple[Scope, tuple[int, ...]]] = []
        #: Headcounts taking what another takes (:meth:`_same_days`): (taking, copying).
        self.copies: list[tuple[int, int]] = []
        #: Headcounts of everyone taking part counted over the days of every run at once
        #: (:meth:`_spans`): each with its population's test (None: everyone).
        spanned: list[tuple[int, Test | None]] = []
        for scope, members in first._by_scope:
            rest: list[_Member] = []
            everyone: list[int] = []
            headcounts: list[tuple[int, Selector]] = []
            for index, population in members:
                free = not reads_period(population)
                same = self._same_days(index, population, headcounts) if free else None
                if same is not None:
                    self.copies.append((same, index))
                    continue
                if (
                    free
                    and scope in _ANCHORED
                    and self.shared_groups
                    and self.plain  # a context of one's own may tell the scopes its way
                    and _mergeable(self._statistics[index])
                ):
                    if scope not in anchored:
                        anchored[scope] = _Anchored(self, scope)
                    anchored[scope].admit(index, population)
                    continue
                if free and self._counts_everyone(index, population):
                    everyone.append(index)
                    continue
                if free and type(self._statistics[index]) in _HEADCOUNTS:
                    headcounts.append((index, population))
                    if scope is Scope.ACTIVE and self._spans(index):
                        spanned.append(
                            (index, self.compiler.all_of(self.compiler.conjuncts(population)))
                        )
                        continue
                rest.append(self._member(index, population, free))
            if rest:
                by_scope.append((scope, tuple(rest)))
            if everyone:
                scope_counts.append((scope, tuple(everyone)))
        self.scope_counts = tuple(scope_counts)
        self.spanned = tuple(spanned)
        heads = [run._tallies[index] for run in runs for index, _ in spanned]
        #: The first day (ordinal) and the number of days of the span (:meth:`_spans`).
        self.span_start = min((t.start for t in heads), default=0)  # type: ignore[attr-defined]
        self.span_days = max(
            (t.start + t.days - self.span_start for t in heads),  # type: ignore[attr-defined]
            default=0,
        )
        self.span_days_taken = _days_taken_part(self.span_start, self.span_days)
        #: Per set of groups, the span's counters each such record takes its days into, for
        #: each of :attr:`spanned`; the counters of the whole, each group and each group's
        #: records alone (:attr:`span_counters`).
        self.span_targets: dict[tuple[str, ...], list[list[_HeadcountTally]]] = {}
        self.span_counters: dict[tuple[str, str | None], list[_HeadcountTally]] = {}
        #: How many records were in each set of groups and of scopes per run, for
        #: :attr:`scope_counts` and :attr:`unions` (the keys of :attr:`insides`).
        self.seen: dict[tuple[tuple[str, ...], tuple[frozenset[Scope], ...]], int] = {}
        #: Runs of others counting everyone taking part over a period the periods of some
        #: of this family's runs make up (:func:`_answer`): each with the indices of those
        #: counts and the positions of those runs.
        self.unions: list[tuple[Run, tuple[int, ...], tuple[int, ...]]] = []
        self.by_entry = [anchored[s] for s in _BY_ENTRY if s in anchored]
        self.by_exit = [anchored[s] for s in _BY_EXIT if s in anchored]
        self.by_scope = tuple(by_scope)
        #: The indicators fed record by record (the indices of :attr:`by_scope`'s members).
        self.fed = sorted({member[0] for _, members in self.by_scope for member in members})
        #: The members of ``by_scope`` written out as one function (:func:`_assemble`), at
        #: the first record that needs it (a family a run answers for needs none); None
        #: in the reference interpretation, which walks them as data.
        self.rest: Callable[[RecordView, tuple[_Inside, ...]], None] | None = None

    def _same_days(
        self, index: int, population: Selector, earlier: Sequence[tuple[int, Selector]]
    ) -> int | None:
        """An earlier headcount of the same population over the same days as ``index``'s.

        The average and the peak number of participants (:class:`~._statistics.AverageHeadcount`,
        :class:`~._statistics.PeakHeadcount`) of one population take the same days of
        each record into tallies of the same shape, so that one's tallies end as the
        other's: the second takes nothing and copies the first's at the end
        (:meth:`finish`). None if there is none.
        """
        if type(self._statistics[index]) not in _HEADCOUNTS:
            return None
        for other, among in earlier:
            # Only runs fed from the start (nothing counted yet, no group met).
            if among == population and all(
                not run._groups and _same_shape(run._tallies[other], run._tallies[index])
                for run in self.runs
            ):
                return other
        return None

    def _spans(self, index: int) -> bool:
        """Whether the headcount at ``index`` (of everyone taking part) is counted over the span.

        A record takes part in a run's period (:attr:`Scope.ACTIVE`) exactly when it
        takes part on one of the period's days the headcount counts (up to the horizon),
        and a record outside the scope takes no day of the period. So every run's daily
        counts are those of the days of all the runs, counted once per record, over
        the run's own days: the record's days are taken once, not once per run
        (:meth:`_take_span`). Only the library's headcount tallies, compiled, under a
        breakdown that does not read the period.
        """
        return (
            self.shared_groups
            and self.plain  # the library's own scopes
            and not self.compiler.reference
            and all(type(run._tallies[index]) is _HeadcountTally for run in self.runs)
        )

    def _span_targets(self, groups: tuple[str, ...]) -> list[list[_HeadcountTally]]:
        """The span's counters a record in ``groups`` takes its days into, per spanned headcount."""
        found = self.span_targets.get(groups)
        if found is not None:
            return found
        if self.key is None:
            wheres: list[tuple[str, str | None]] = [("whole", None)]
        elif self.alone_ok and len(groups) == 1:
            wheres = [("alone", groups[0])]
        else:
            wheres = [("whole", None), *(("group", group) for group in groups)]
        start, days = self.span_start, self.span_days
        for where in wheres:
            if where not in self.span_counters:
                self.span_counters[where] = [
                    _HeadcountTally(start, days, [0] * (days + 1), False) for _ in self.spanned
                ]
        found = [
            [self.span_counters[where][at] for where in wheres] for at in range(len(self.spanned))
        ]
        self.span_targets[groups] = found
        return found

    def scopes(self, view: RecordView) -> tuple[frozenset[Scope], ...]:
        """The scopes the record is in for each run (:meth:`Context.scopes`), in order.

        A record's scopes are told by comparing its entries and exits with the
        periods' first and last days, their horizons and as_of. For a record with one
        participation (most), where its entry and its exit fall among those days (and
        the day after each) tells every comparison, and so its scopes for every run:
        worked out once per such place (:attr:`by_edges`).
        """
        periods = view.periods
        if len(periods) != 1 or not self.plain:
            return tuple([c.scopes(view) for c in self.contexts])
        entry, exit_ = periods[0]
        edges = self.edges
        at = (
            bisect_right(edges, entry.toordinal()),
            -1 if exit_ is None else bisect_right(edges, exit_.toordinal()),
        )
        found = self.by_edges.get(at)
        if found is None:
            found = self.by_edges[at] = tuple([c.scopes(view) for c in self.contexts])
        return found

    def making_up(self, start: int, after: int) -> tuple[int, ...] | None:
        """The positions of the runs whose periods make up the days from ``start`` to ``after``.

        The days before ``after`` (ordinals); each period within them. None if the
        periods do not cover them.
        """
        inside = sorted(
            (c.period.start.toordinal(), c.period.end.toordinal() + 1, at)
            for at, c in enumerate(self.contexts)
            if start <= c.period.start.toordinal() and c.period.end.toordinal() + 1 <= after
        )
        reached = start
        for first, beyond, _ in inside:
            if first > reached:
                return None  # a gap
            reached = max(reached, beyond)
        if reached != after:
            return None
        return tuple(at for _, _, at in inside)

    def _counts_everyone(self, index: int, population: Selector) -> bool:
        """Whether the indicator at ``index`` counts everyone in its scope (``participants``).

        Such a count depends on nothing but the scopes a record is in for each run
        and its groups: each record is noted once by those (:attr:`seen`), and the
        counts are added up at the end (:meth:`finish`). Only the library's
        :class:`~._statistics.Count` without a trait, of a population everyone is
        in, under a breakdown that does not read the period.
        """
        return self.shared_groups and _everyone(self, population, index, self.runs)

    def _member(self, index: int, population: Selector, free: bool) -> _Member:
        """The indicator at ``index`` compiled: once for every run where the answer allows."""
        statistic = self._statistics[index]
        compilers = self.compilers
        # A subclass may count its items in its own way (Events.items).
        dated = None
        if type(statistic) in (Events, Episodes):
            assert isinstance(statistic, Events | Episodes)
            dated = self.compiler.dated(statistic, item_key(statistic))
        conjuncts = self.compiler.conjuncts(population)
        # What does not read the period is asked once for every run.
        test = self.compiler.all_of(conjuncts) if free else self.compiler.necessary(population)
        tests = None if free else tuple(c.all_of(conjuncts) for c in compilers)
        windows: tuple[Bounds | tuple[pendulum.Date, pendulum.Date], ...] | None = None
        if _part_reads_period(statistic):
            part, parts = (
                None,
                tuple(
                    c.part(statistic, tallies[index])
                    for c, tallies in zip(compilers, self.tallies, strict=True)
                ),
            )
            if type(statistic) in (Events, Episodes) and not self.compiler.reference:
                assert isinstance(statistic, Events | Episodes)
                window = statistic.window
                if window is Window.IN_PERIOD:  # the same days for every record: written out
                    windows = tuple(in_period(c.ctx) for c in compilers)
                else:
                    windows = tuple(c.bounds(window) for c in compilers)
        else:
            part, parts = self.compiler.part(statistic, self.tallies[0][index]), None
        return (index, dated, test, tests, part, parts, windows)

    def _insides(
        self,
        scopes: tuple[frozenset[Scope], ...],
        grouped: list[list[list[Tally]]],
        rows: Sequence[list[Tally]] | None = None,
    ) -> tuple[_Inside, ...]:
        """For each scope of ``by_scope``, the runs whose period has the record in it.

        Each run as its position, its tallies (or its ``rows``: those of :attr:`alone`)
        and its groups' tallies; the same for every record in the same scopes of every
        run and in the same groups.
        """
        return tuple(
            [
                (at, tallies, in_groups)
                for at, (tallies, in_groups, inside) in enumerate(
                    zip(self.tallies if rows is None else rows, grouped, scopes, strict=True)
                )
                if scope in inside
            ]
            for scope, _ in self.by_scope
        )

    def new_tally(self, index: int) -> Tally:
        """An empty tally of the indicator at ``index``."""
        return _parted(self._statistics[index].tally(self.context))

    def add_view(self, view: RecordView) -> None:
        """Take one record into account in every run of the family."""
        runs, key, ctx = self.runs, self.key, self.context
        groups: tuple[str, ...] = ()
        if key is None:
            grouped: list[list[list[Tally]]] = self.ungrouped
        elif self.shared_groups:
            used = self.used
            if used is not None:
                groups = _USED if used(view) else _NOT_USED
            else:
                groups = tuple(key.groups(view, ctx))  # a key of one's own may give a list
            found = self.grouped.get(groups)
            if found is None:
                found = self.grouped[groups] = [run._group_tallies(groups) for run in runs]
            grouped = found
        else:
            grouped = [
                run._group_tallies(key.groups(view, run.calculation.context)) for run in runs
            ]
        if self.by_entry:
            stretch = bisect_right(self.cuts, view.first_entry.toordinal())
            for anchored in self.by_entry:
                anchored.add(view, stretch, groups)
        last = view.last_exit
        if self.by_exit and last is not None:
            stretch = bisect_right(self.cuts, last.toordinal())
            for anchored in self.by_exit:
                anchored.add(view, stretch, groups)
        if self.spanned:
            days: list[tuple[int, int]] | None = None
            for (_, test), counters in zip(self.spanned, self._span_targets(groups), strict=True):
                if test is not None and not test(view):
                    continue
                if days is None:
                    days = self.span_days_taken(view)  # type: ignore[assignment]
                for counter in counters:
                    counter.take(days)
        if not self.by_scope and not self.scope_counts and not self.unions:
            return
        memo = view._memo
        scopes: tuple[frozenset[Scope], ...] | None = memo.get(self.scopes_key)  # type: ignore[assignment]
        if scopes is None:  # shared by the families over the same periods (evidence, instruments)
            scopes = memo[self.scopes_key] = self.scopes(view)
        if self.shared_groups:
            place = (groups, scopes)
            if self.scope_counts or self.unions:
                seen = self.seen
                seen[place] = seen.get(place, 0) + 1
                if not self.by_scope:
                    return
            insides = self.insides.get(place)
            if insides is None:
                if self.alone_ok and len(groups) == 1:
                    rows = self.alone.get(groups[0])
                    if rows is None:
                        rows = self.alone[groups[0]] = [run._new_tallies() for run in runs]
                    insides = self._insides(scopes, self.ungrouped, rows)
                else:
                    insides = self._insides(scopes, grouped)
                if len(self.insides) < _INSIDES:
                    self.insides[place] = insides
        else:
            insides = self._insides(scopes, grouped)
        rest = self.rest
        if rest is None and not self.compiler.reference:
            written = kinds(self._statistics)
            rest = self.rest = _assemble(self.by_scope, written, grouped=self.key is not None)
        if rest is not None:
            rest(view, insides)
            return
        for (_, members), inside in zip(self.by_scope, insides, strict=True):
            if not inside:
                continue
            for index, dated_of, test, tests, part, parts, windows in members:
                if dated_of is not None:
                    dated = dated_of(view)
                    if not dated:
                        continue  # nothing to count in any window (most records)
                if test is not None and not test(view):
                    continue
                if tests is None and parts is None:
                    # The same answer and the same part for every run.
                    taken = True if part is None else part(view)
                    for _, tallies, group_tallies in inside:
                        tallies[index].take(taken)
                        for in_group in group_tallies:
                            in_group[index].take(taken)
                    continue
                for at, tallies, group_tallies in inside:
                    if tests is not None:
                        in_run = tests[at]
                        if in_run is not None and not in_run(view):
                            continue
                    if windows is not None:  # the items in the run's window (_ItemsTally.part)
                        window = windows[at]
                        bounds = window if isinstance(window, tuple) else window(view)
                        if bounds is None:
                            continue
                        low, high = bounds
                        taken = [group for day, group in dated if low <= day <= high]
                        if not taken:
                            continue
                    else:
                        run_part = part if parts is None else parts[at]
                        taken = True if run_part is None else run_part(view)
                    tallies[index].take(taken)
                    for in_group in group_tallies:
                        in_group[index].take(taken)

    def finish(self) -> None:
        """Merge what was counted once per record into each run; add up what was counted by scopes.

        The counts of everyone in a scope (:attr:`scope_counts`) and those of the runs
        answered (:attr:`unions`) from :attr:`seen`; a headcount copying another's
        days (:attr:`copies`) copies them.
        """
        fed = self.fed
        for group, rows in self.alone.items():
            for run, row in zip(self.runs, rows, strict=True):
                (in_group,) = run._group_tallies((group,))
                for index in fed:
                    run._tallies[index].merge(row[index])
                    in_group[index].merge(row[index])
        self._finish_spans()
        for anchored in (*self.by_entry, *self.by_exit):
            anchored.merge_into(self.runs)
        for taking, copying in self.copies:
            for run in self.runs:
                for tallies in (run._tallies, *run._groups.values()):
                    tallies[copying].diff = list(tallies[taking].diff)  # type: ignore[attr-defined]
        for run, indices, parts in self.unions:
            tallies = run._tallies
            for (_, scopes), n in self.seen.items():
                if any(Scope.ACTIVE in scopes[at] for at in parts):
                    for index in indices:
                        tallies[index].n += n  # type: ignore[attr-defined]
        for (groups, scopes), n in self.seen.items():
            grouped = self.grouped.get(groups, self.ungrouped)
            for tallies, in_groups, inside in zip(self.tallies, grouped, scopes, strict=True):
                for scope, indices in self.scope_counts:
                    if scope not in inside:
                        continue
                    for index in indices:
                        tallies[index].n += n  # type: ignore[attr-defined]
                        for in_group in in_groups:
                            in_group[index].n += n  # type: ignore[attr-defined]

    def _finish_spans(self) -> None:
        """Each run's (and group's) tally of each spanned headcount, from the span's counters."""
        counters = self.span_counters
        alone = [where for where in counters if where[0] == "alone"]
        for at, (index, _) in enumerate(self.spanned):
            for run in self.runs:
                whole = [
                    counters[where][at] for where in (("whole", None), *alone) if where in counters
                ]
                self._take_span(run._tallies[index], whole)
                for group, tallies in run._groups.items():
                    mine = [
                        counters[where][at]
                        for where in (("group", group), ("alone", group))
                        if where in counters
                    ]
                    self._take_span(tallies[index], mine)

    def _take_span(self, tally: Tally, spans: Sequence[_HeadcountTally]) -> None:
        """Take the days of ``tally``'s period from the span's counters ``spans`` into it."""
        assert isinstance(tally, _HeadcountTally)
        for span in spans:
            tally.merge(span.within(tally.start, tally.days))


def _assemble(
    by_scope: Sequence[tuple[Scope, tuple[_Member, ...]]],
    written: Mapping[int, str],
    *,
    grouped: bool,
) -> Callable[[RecordView, tuple[_Inside, ...]], None]:
    """What :meth:`_Family.add_view` does with ``by_scope``, written out as straight code.

    The compiled tests, parts and windows are the code's constants; a member whose
    index has a kind in ``written`` (:func:`~._assembled.kinds`) takes the record into
    its tallies by code written out (:func:`~._assembled.write_take`). Without
    ``grouped``, there are no groups' tallies.
    """
    name = Namer()
    lines = ["def rest(view, insides):"]
    for position, (_, members) in enumerate(by_scope):
        lines.append(f"    inside = insides[{position}]")
        lines.append("    if inside:")
        # Members asking the same test (an instrument's: assessed at all) ask it once.
        asking: Test | None = None
        for index, dated_of, test, tests, part, parts, windows in sorted(
            members, key=lambda member: (member[1] is not None, id(member[2]))
        ):
            at = "        "
            if dated_of is None and test is not None:
                if test is not asking:
                    lines.append(f"{at}if {name('T', test)}(view):")
                    asking = test
                at += "    "
                test = None
            else:
                asking = None
            if dated_of is not None:
                lines.append(f"{at}dated = {name('D', dated_of)}(view)")
                lines.append(f"{at}if dated:")
                at += "    "
            if test is not None:
                lines.append(f"{at}if {name('T', test)}(view):")
                at += "    "
            kind = written.get(index)
            if tests is None and parts is None:  # the same answer and part for every run
                value = "True"
                if part is not None:
                    lines.append(f"{at}p = {name('P', part)}(view)")
                    value = "p"
                lines.append(f"{at}for _, row, groups in inside:")
                write_take(lines, at + "    ", kind, index, value, grouped=grouped)
                continue
            lines.append(f"{at}for run, row, groups in inside:")
            at += "    "
            if tests is not None:
                lines.append(f"{at}t = {name('TS', tests)}[run]")
                lines.append(f"{at}if t is None or t(view):")
                at += "    "
            if windows is not None:  # the items in the run's window (_ItemsTally.part)
                if all(type(w) is tuple for w in windows):  # the same days for every record
                    lines.append(f"{at}low, high = {name('W', windows)}[run]")
                else:
                    lines.append(f"{at}b = {name('W', windows)}[run](view)")
                    lines.append(f"{at}if b is not None:")
                    at += "    "
                    lines.append(f"{at}low, high = b")
                lines.append(f"{at}p = [g for d, g in dated if low <= d <= high]")
                lines.append(f"{at}if p:")
                write_take(lines, at + "    ", kind, index, "p", grouped=grouped)
                continue
            if parts is None:
                shared = "True" if part is None else f"{name('P', part)}(view)"
                lines.append(f"{at}p = {shared}")
            else:
                lines.append(f"{at}q = {name('PS', parts)}[run]")
                lines.append(f"{at}p = True if q is None else q(view)")
            write_take(lines, at, kind, index, "p", grouped=grouped)
    lines.append("    return None")
    # The same families are written out alike for every report set: compiled once.
    return name.define(lines, "rest", "<hankemalli fed indicators>")


def _families(runs: Sequence[Run]) -> list[Run | _Family]:
    """The runs, those that differ only in their period gathered into families."""
    found: dict[object, list[Run]] = {}
    # Runs of a report set share their indicators' tuple: each tuple is hashed once
    # (an indicator's hash goes through every field of it).
    same: dict[tuple[int, int], list[Run]] = {}
    for run in runs:
        calc = run.calculation
        ident = (id(calc.indicators), id(calc.breakdown))
        kin_runs = same.get(ident)
        if kin_runs is None:
            try:
                kin: object = (calc.indicators, calc.breakdown)
                hash(kin)
            except TypeError:  # a user's own indicator that cannot be hashed: a family of one
                found[run] = [run]
                continue
            kin_runs = same[ident] = found.setdefault(kin, [])
        kin_runs.append(run)
    return [group[0] if len(group) == 1 else _Family(group) for group in found.values()]


def _answered(members: list[Run | _Family]) -> list[Run | _Family]:
    """The members, less those whose runs a family's stretches answer (:func:`_answer`)."""
    families = [member for member in members if isinstance(member, _Family)]
    return [
        member
        for member in members
        if not any(
            _answer(family, member.runs if isinstance(member, _Family) else (member,))
            for family in families
            if family is not member
        )
    ]


def _answer(family: _Family, runs: Sequence[Run]) -> bool:
    """Whether ``family`` answers ``runs`` (without a breakdown), which are then not fed.

    A programme target's runs, over the programme up to each year's end, count what
    the family counts over each year. Each indicator of the runs must be either

    - one the family counts once per record in the stretch of its day (the same
      scope, population and statistic: :class:`_Anchored`), over a period that is a
      run of the family's whole stretches: its figure is the merge of those
      stretches, as it is for the family's own runs; or
    - the count of everyone taking part (``ACTIVE``: :meth:`_Family._counts_everyone`),
      over a period that the periods of some of the family's runs make up: a record
      takes part in a period made up of others if and only if it takes part in one
      of them (a participation that meets the whole meets the part that holds its
      first day in it, since no exit comes before its entry), so the count is that
      of the records in the scope of any of those runs (:attr:`_Family.seen`).
    """
    first = runs[0].calculation
    if first.breakdown is not None or not first.indicators or not family.shared_groups:
        return False
    if not family.plain or any(type(run.calculation.context) is not Context for run in runs):
        return False  # the reasoning above is the library's own scopes
    if any(run._reference is not family.runs[0]._reference for run in runs):
        return False
    anchored = {a.scope: a for a in (*family.by_entry, *family.by_exit)}
    found: dict[Scope, list[tuple[int, int]]] = {}
    everyone: list[int] = []
    for index, indicator in enumerate(first.indicators):
        if indicator.scope is Scope.ACTIVE and _everyone(family, indicator.population, index, runs):
            everyone.append(index)
            continue
        among = anchored.get(indicator.scope)
        position = (
            None if among is None else among.position(indicator.population, indicator.statistic)
        )
        if position is None:
            return False
        found.setdefault(indicator.scope, []).append((index, position))
    answers: list[tuple[_Anchored, Run, tuple[tuple[int, int], ...], range]] = []
    unions: list[tuple[Run, tuple[int, ...], tuple[int, ...]]] = []
    for run in runs:
        period = run.calculation.context.period
        start, after = period.start.toordinal(), period.end.toordinal() + 1
        for scope, pairs in found.items():
            covered = anchored[scope].covering(start, after)
            if covered is None:
                return False
            answers.append((anchored[scope], run, tuple(pairs), covered))
        if everyone:
            parts = family.making_up(start, after)
            if parts is None:
                return False
            unions.append((run, tuple(everyone), parts))
    for among, run, taken, covered in answers:
        among.answer(run, taken, covered)
    family.unions += unions
    return True


def _everyone(family: _Family, population: Selector, index: int, runs: Sequence[Run]) -> bool:
    """Whether the indicator at ``index`` of ``runs`` counts everyone in its scope."""
    statistic = runs[0]._statistics[index]
    return (
        type(statistic) is Count
        and statistic.of is None
        and not family.compiler.conjuncts(population)
        and all(type(run._tallies[index]) is _CountTally for run in runs)
    )


def feed(runs: Sequence[Run], records: Iterable[Participation]) -> None:
    """Take every record into account in each of ``runs``, in one pass over the records.

    Runs whose calculations see the records on the same as_of date by the same
    counting rules share each record's view (:meth:`Context.see`) and what it has
    worked out (the situation upon leaving, the windows after the exit, the scopes
    it is in for a period), so several periods or breakdowns cost little more than
    one. Runs of the same indicators and breakdown over
    different periods (each year of a report set and the whole programme) ask each
    record once per indicator. The figures are those of each run fed alone.
    """
    groups: dict[tuple[object, ...], list[Run]] = {}
    for run in runs:
        ctx = run.calculation.context
        groups.setdefault((ctx.as_of, ctx.rules), []).append(run)
    seers = [
        (group[0].calculation.context, _answered(_families(group))) for group in groups.values()
    ]
    for record in records:
        for ctx, members in seers:
            view = ctx.see(record)
            if view is None:
                continue
            for member in members:
                member.add_view(view)
    for _, members in seers:
        for member in members:
            if isinstance(member, _Family):
                member.finish()
