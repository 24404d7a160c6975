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
from collections.abc import Iterable, Sequence

from ..model import Participation
from ._context import Context, RecordView, Scope
from ._engine import Run, _parted
from ._measures import key_reads_period, measure_reads_period
from ._selectors import Selector, reads_period
from ._statistics import Count, Episodes, Events, Mean, Share, Tally, dated_items, item_key

__all__ = ["feed"]

#: The scopes a record belongs to by one date: its first entry or its last exit.
_BY_ENTRY = (Scope.ENTERED, Scope.ENTERED_BY_END)
_BY_EXIT = (Scope.LEFT, Scope.LEFT_BY_END)
_ANCHORED = frozenset(_BY_ENTRY + _BY_EXIT)


#: An indicator fed run by run: its index, population, whether the population reads
#: the period, and for a count of items the statistic and its key.
_Member = tuple[int, Selector, bool, "Events | Episodes | None", "tuple[str, int] | None"]


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
        self.populations: list[Selector] = []
        #: Per stretch (and per stretch and group), a tally of each member.
        self.rows: dict[int, list[Tally]] = {}
        self.group_rows: dict[tuple[int, str], list[Tally]] = {}

    def admit(self, index: int, population: Selector) -> None:
        """Count the indicator at ``index`` (of ``population``) this way too."""
        self.members.append((index, population))
        self.populations.append(population)

    def _row(self) -> list[Tally]:
        return [self.family.new_tally(index) for index, _ in self.members]

    def add(self, view: RecordView, stretch: int, groups: Sequence[str]) -> None:
        """Count the record in ``stretch`` (the one that holds its day), and in its groups."""
        if stretch not in self.counted:
            return
        ctx = self.family.context
        row = self.rows.get(stretch)
        if row is None:
            row = self.rows[stretch] = self._row()
        group_rows = []
        for group in groups:
            in_group = self.group_rows.get((stretch, group))
            if in_group is None:
                in_group = self.group_rows[stretch, group] = self._row()
            group_rows.append(in_group)
        if len(group_rows) == 1:  # a single-valued breakdown (gender): the usual case
            [group_row] = group_rows
            for population, tally, group_tally in zip(
                self.populations, row, group_row, strict=True
            ):
                if population.matches(view, ctx):
                    part = tally.part(view, ctx)
                    tally.take(part)
                    group_tally.take(part)
            return
        for tally_at, (population, tally) in enumerate(zip(self.populations, row, strict=True)):
            if population.matches(view, ctx):
                part = tally.part(view, ctx)
                tally.take(part)
                for in_group in group_rows:
                    in_group[tally_at].take(part)

    def merge_into(self, runs: Sequence[Run]) -> None:
        """Merge each period's stretches into its run's tallies, in the order of the days."""
        for run, covered in zip(runs, self.covers, strict=True):
            for stretch in covered:
                row = self.rows.get(stretch)
                if row is not None:
                    for tally, (index, _) in zip(row, self.members, strict=True):
                        run._tallies[index].merge(tally)
                for group, tallies in run._groups.items():
                    in_group = self.group_rows.get((stretch, group))
                    if in_group is not None:
                        for tally, (index, _) in zip(in_group, self.members, strict=True):
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
        self.tallies = tuple(run._tallies for run in runs)
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
                statistic = self._statistics[index]
                # A subclass may count its items in its own way (Events.items).
                items = statistic if type(statistic) in (Events, Episodes) else None
                if isinstance(items, Events | Episodes):
                    rest.append((index, population, free, items, item_key(items)))
                else:
                    rest.append((index, population, free, None, None))
            if rest:
                by_scope.append((scope, tuple(rest)))
        self.by_entry = [anchored[s] for s in _BY_ENTRY if s in anchored]
        self.by_exit = [anchored[s] for s in _BY_EXIT if s in anchored]
        self.by_scope = tuple(by_scope)

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
            groups = key.groups(view, ctx)
            grouped = [run._group_tallies(groups) for run in runs]
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
        seen = [
            (c, tallies, in_groups, c.scopes(view))
            for c, tallies, in_groups in zip(self.contexts, self.tallies, grouped, strict=True)
        ]
        for scope, members in self.by_scope:
            inside = [(c, tallies, g) for c, tallies, g, scopes in seen if scope in scopes]
            if not inside:
                continue
            for index, population, free, items, item in members:
                if items is not None and item is not None and not dated_items(items, item, view):
                    continue  # nothing to count in any window (most records)
                if free and not population.matches(view, ctx):
                    continue
                for run_ctx, tallies, group_tallies in inside:
                    if not free and not population.matches(view, run_ctx):
                        continue
                    tally = tallies[index]
                    part = tally.part(view, run_ctx)
                    tally.take(part)
                    for in_group in group_tallies:
                        in_group[index].take(part)

    def finish(self) -> None:
        """Merge what was counted once per record into each run."""
        for anchored in (*self.by_entry, *self.by_exit):
            anchored.merge_into(self.runs)


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
