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
``LEFT``, ``LEFT_BY_END``) whose answer and statistic do not read the period, and
whose figure does not depend on the order of the records (a count, a share, a
mean), goes further: each record is counted once, in the stretch of days between
the periods' edges that holds its entry (or exit), and each period's tally is the
merge of the stretches it covers. Merging tallies of disjoint records gives the
figures of one pass (the law :meth:`Run.merge` keeps), so the figures are those of
each run fed alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..model import Participation
from ._assembled import Adder, Namer, assemble, blocks, interpret, kinds, write_take
from ._compiled import Bounds, Compiler, Dated, Part, Test
from ._context import Context, RecordView, Scope
from ._engine import Run, _parted
from ._measures import key_reads_period, measure_reads_period
from ._selectors import Selector, Window, reads_period
from ._statistics import (
    Count,
    Distribution,
    Episodes,
    Events,
    Mean,
    Share,
    Tally,
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
#: for a count of items over each run's period, its window per run.
_Member = tuple[
    int,
    "Dated | None",
    "Test | None",
    "tuple[Test | None, ...] | None",
    "Part | None",
    "tuple[Part | None, ...] | None",
    "tuple[Bounds, ...] | None",
]


def _mergeable(statistic: object) -> bool:
    """Whether a statistic's tallies may be merged in any order and read the same.

    Counts, shares and means (their median comes from the sorted values) whose
    trait or measure does not read the period; not distributions or item counts,
    whose figures list their groups in the order first met.
    """
    kind = type(statistic)
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
    count, share or mean as :func:`_mergeable`, a distribution by a key that does not
    read the period, a count of items in a window other than the period's.
    """
    kind = type(statistic)
    if kind in (Count, Share, Mean):
        return not _mergeable(statistic)
    if kind is Distribution:
        return key_reads_period(statistic.key)  # type: ignore[attr-defined]
    if kind in (Events, Episodes):
        return statistic.window is Window.IN_PERIOD  # type: ignore[attr-defined]
    return True


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
        self.family = family
        #: The indicators (their index in the calculation, and population).
        self.members: list[tuple[int, Selector]] = []
        cuts = family.cuts
        cumulative = scope in (Scope.ENTERED_BY_END, Scope.LEFT_BY_END)
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

    def admit(self, index: int, population: Selector) -> None:
        """Count the indicator at ``index`` (of ``population``) this way too."""
        self.members.append((index, population))

    def _compile(self) -> Adder:
        """The members compiled for the family's context, by position in a row."""
        family = self.family
        statistics, tallies = family._statistics, family.tallies[0]
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
            grouped = family.key is not None
            self.plan = assemble([(None, compiled)], kinds=written, grouped=grouped)
            if grouped:
                self.alone_plan = assemble([(None, compiled)], kinds=written, grouped=False)
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
        self.tallies = tuple(run._tallies for run in runs)
        #: Per run, the compiler for its context; the first one's is the family's.
        self.compilers = tuple(Compiler(c, reference=first._reference) for c in contexts)
        self.compiler = self.compilers[0]
        #: Per set of groups (of a key that does not read the period), each run's tallies.
        self.grouped: dict[tuple[str, ...], list[list[list[Tally]]]] = {}
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
        for scope, members in first._by_scope:
            rest: list[_Member] = []
            for index, population in members:
                free = not reads_period(population)
                if (
                    free
                    and scope in _ANCHORED
                    and self.shared_groups
                    and _mergeable(self._statistics[index])
                ):
                    if scope not in anchored:
                        anchored[scope] = _Anchored(self, scope)
                    anchored[scope].admit(index, population)
                    continue
                rest.append(self._member(index, population, free))
            if rest:
                by_scope.append((scope, tuple(rest)))
        self.by_entry = [anchored[s] for s in _BY_ENTRY if s in anchored]
        self.by_exit = [anchored[s] for s in _BY_EXIT if s in anchored]
        self.by_scope = tuple(by_scope)
        #: The members of ``by_scope`` written out as one function (:func:`_assemble`); None
        #: in the reference interpretation, which walks them as data.
        self.rest: Callable[[RecordView, tuple[_Inside, ...]], None] | None = None
        if not self.compiler.reference:
            written = kinds(self._statistics)
            self.rest = _assemble(self.by_scope, written, grouped=self.key is not None)

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
        windows = None
        if _part_reads_period(statistic):
            part, parts = (
                None,
                tuple(
                    c.part(statistic, tallies[index])
                    for c, tallies in zip(compilers, self.tallies, strict=True)
                ),
            )
            if isinstance(statistic, Events | Episodes) and not self.compiler.reference:
                window = statistic.window
                windows = tuple(c.bounds(window) for c in compilers)
        else:
            part, parts = self.compiler.part(statistic, self.tallies[0][index]), None
        return (index, dated, test, tests, part, parts, windows)

    def _insides(
        self, scopes: tuple[frozenset[Scope], ...], grouped: list[list[list[Tally]]]
    ) -> tuple[_Inside, ...]:
        """For each scope of ``by_scope``, the runs whose period has the record in it.

        Each run as its position, its tallies and its groups' tallies; the same for
        every record in the same scopes of every run and in the same groups.
        """
        return tuple(
            [
                (at, tallies, in_groups)
                for at, (tallies, in_groups, inside) in enumerate(
                    zip(self.tallies, grouped, scopes, strict=True)
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
            grouped: list[list[list[Tally]]] = [[] for _ in runs]
        elif self.shared_groups:
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
        if not self.by_scope:
            return
        memo = view._memo
        scopes: tuple[frozenset[Scope], ...] | None = memo.get(self.scopes_key)  # type: ignore[assignment]
        if scopes is None:  # shared by the families over the same periods (evidence, instruments)
            scopes = tuple([c.scopes(view) for c in self.contexts])
            memo[self.scopes_key] = scopes
        if self.shared_groups:
            insides = self.insides.get((groups, scopes))
            if insides is None:
                insides = self._insides(scopes, grouped)
                if len(self.insides) < _INSIDES:
                    self.insides[groups, scopes] = insides
        else:
            insides = self._insides(scopes, grouped)
        rest = self.rest
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
                        bounds = windows[at](view)
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
        """Merge what was counted once per record into each run."""
        for anchored in (*self.by_entry, *self.by_exit):
            anchored.merge_into(self.runs)


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
                lines.append(f"{at}b = {name('W', windows)}[run](view)")
                lines.append(f"{at}if b is not None:")
                at += "    "
                lines.append(f"{at}p = [g for d, g in dated if b[0] <= d <= b[1]]")
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
    return name.define(lines, "rest", "<hankemalli fed indicators>")


def _families(runs: Sequence[Run]) -> list[Run | _Family]:
    """The runs, those that differ only in their period gathered into families."""
    found: dict[object, list[Run]] = {}
    for run in runs:
        calc = run.calculation
        try:
            kin: object = (calc.indicators, calc.breakdown)
            hash(kin)
        except TypeError:  # a user's own indicator that cannot be hashed: a family of one
            kin = run
        found.setdefault(kin, []).append(run)
    return [group[0] if len(group) == 1 else _Family(group) for group in found.values()]


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
    seers = [(group[0].calculation.context, _families(group)) for group in groups.values()]
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
