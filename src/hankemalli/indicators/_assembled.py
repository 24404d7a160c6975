"""A calculation's compiled indicators put together into one function of a record.

The selectors and parts compiled (:mod:`._compiled`) are grouped by scope and by
the first selector their populations share (:func:`blocks`), and then written out
as straight code (:func:`assemble`), or walked as data in the reference
interpretation (:func:`interpret`). :class:`~._engine.Run` and
:func:`~._feed.feed` take each record into account with the function.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import CodeType

from ._compiled import Compiler, Part, Test, inline_form
from ._context import RecordView, Scope
from ._selectors import Selector
from ._statistics import (
    AverageHeadcount,
    Count,
    Distribution,
    Episodes,
    Events,
    PeakHeadcount,
    Share,
    Tally,
)

__all__ = [
    "Adder",
    "Block",
    "Member",
    "Namer",
    "assemble",
    "blocks",
    "interpret",
    "kinds",
    "write_take",
]

#: An indicator compiled: its index in the calculation, the rest of its population
#: (after its block's guard) and its part (None: the person counts).
Member = tuple[int, "Test | None", "Part | None"]
#: Indicators of one scope whose populations begin with the same selector (the guard,
#: asked once per record for all of them: ``Complete`` for most ESF indicators).
Block = tuple["Test | None", tuple[Member, ...]]


def blocks(
    compiler: Compiler, members: Iterable[tuple[int, Selector, object, Tally]]
) -> tuple[Block, ...]:
    """The indicators (index, population, statistic, tally) compiled, by their first conjunct.

    In the reference interpretation, one block per indicator with no guard.
    """
    found: dict[object, tuple[Test | None, list[Member]]] = {}
    for index, population, statistic, tally in members:
        conjuncts = compiler.conjuncts(population)
        part = compiler.part(statistic, tally)
        if conjuncts and not compiler.reference:
            part = _within(compiler, statistic, conjuncts, part)
        key: object = None
        if conjuncts and not compiler.reference:
            try:
                key = ("guard", conjuncts[0], hash(conjuncts[0]))
            except TypeError:  # unhashable: a block of its own
                key = None
        if key is None:
            found[("alone", index)] = (None, [(index, compiler.all_of(conjuncts), part)])
            continue
        if key not in found:
            found[key] = (compiler.test(conjuncts[0]), [])
        found[key][1].append((index, compiler.all_of(conjuncts[1:]), part))
    return tuple((guard, tuple(listed)) for guard, listed in found.values())


def _within(
    compiler: Compiler, statistic: object, conjuncts: tuple[Selector, ...], part: Part | None
) -> Part | None:
    """A count's or share's trait, less what its population already asks (``conjuncts``).

    The part is asked only of a record of the population, which matches each of its
    conjuncts: a conjunct of the trait that is one of them is matched too (the
    operating models' shares ask ``Complete`` and the reference group again). None if
    nothing is left (everyone of the population has the trait).
    """
    if type(statistic) not in (Count, Share):
        return part
    of: Selector | None = statistic.of  # type: ignore[attr-defined]
    if of is None:
        return part
    asked = compiler.conjuncts(of)
    left = tuple(c for c in asked if c not in conjuncts)
    return part if len(left) == len(asked) else compiler.all_of(left)


#: A calculation's indicators compiled into one function of a record: it takes the
#: record (its view) into account in a row of tallies and in each group's row, for
#: the scopes the record is in (``inside``; ignored where the scopes were settled).
Adder = Callable[[RecordView, "frozenset[Scope]", "list[Tally]", "list[list[Tally]]"], None]


def kinds(statistics: Sequence[object]) -> dict[int, str]:
    """Which of the library's tallies each statistic (by index) has, for :func:`write_take`.

    Only the exact classes: a statistic of one's own (even a subclass) takes by its
    tally's ``take``.
    """
    found = {}
    for index, statistic in enumerate(statistics):
        kind = _KINDS.get(type(statistic))
        if kind is not None:
            found[index] = kind
    return found


_KINDS: dict[type, str] = {
    Count: "count",
    Share: "share",
    AverageHeadcount: "headcount",
    PeakHeadcount: "headcount",
    Distribution: "distribution",
    Events: "items",
    Episodes: "items",
}


def _taking(kind: str | None, tally: str, value: str) -> list[str]:
    """How ``tally`` takes a part ``value``: its tally class's ``take``, written out."""
    if kind == "count":  # _CountTally
        return [f"{tally}.n += 1"] if value == "True" else [f"if {value}: {tally}.n += 1"]
    if kind == "share":  # _ShareTally
        return [f"t = {tally}", "t.denominator += 1", f"if {value}: t.numerator += 1"]
    if kind == "headcount":  # _HeadcountTally
        return [
            f"d = {tally}.diff",
            f"for lo, hi in {value}:",
            "    d[lo] += 1",
            "    d[hi + 1] -= 1",
        ]
    if kind == "distribution":  # _DistributionTally
        return [f"t = {tally}", "t.persons += 1", "c = t.counts", f"for x in {value}: c[x] += 1"]
    if kind == "items":  # _ItemsTally (nothing changes for an empty list)
        return [
            f"t = {tally}",
            f"t.items += len({value})",
            "c = t.counts",
            f"for x in {value}:",
            "    if x is not None: c[x] += 1",
        ]
    return [f"{tally}.take({value})"]


def write_take(
    lines: list[str], at: str, kind: str | None, index: int, value: str, *, grouped: bool
) -> None:
    """Lines (indented ``at``) in which ``row[index]`` and each group's take ``value``."""
    lines.extend(at + line for line in _taking(kind, f"row[{index}]", value))
    if grouped:
        lines.append(f"{at}for g in groups:")
        lines.extend(f"{at}    {line}" for line in _taking(kind, f"g[{index}]", value))


class Namer:
    """Names for the constants of code written out, and the namespace that holds them."""

    def __init__(self) -> None:
        self.names: dict[str, object] = {}

    def __call__(self, prefix: str, value: object) -> str:
        found = f"{prefix}{len(self.names)}"
        self.names[found] = value
        return found

    def define(self, lines: list[str], function: str, where: str) -> Callable[..., None]:
        """The function ``function`` of ``lines``, with the constants named so far.

        The same code is written for every run of the same indicators (each report
        set's years, families and engines): it is compiled once (:func:`_code`).
        """
        exec(_code("\n".join(lines), where), self.names)
        # Taken out of the namespace it reads its constants from (its globals): left in,
        # the two would make a cycle, freed only by the collector, with all they hold.
        return self.names.pop(function)  # type: ignore[return-value]


@functools.lru_cache(maxsize=32)
def _code(source: str, where: str) -> CodeType:
    """``source`` compiled (the constants it names are bound where it is run)."""
    return compile(source, where, "exec")


def assemble(
    scoped: Sequence[tuple[Scope | None, tuple[Block, ...]]],
    *,
    kinds: Mapping[int, str],
    grouped: bool,
) -> Adder:
    """The blocks of each scope (None: no scope to check) as one function, written out.

    The loop over scopes, blocks and members unrolled into straight code with the
    compiled tests and parts as its constants: what an interpreter of the plan does,
    without its bookkeeping. A member whose index has a kind (:func:`kinds`) takes
    the record into its tallies by code written out (:func:`write_take`). Without
    ``grouped``, there are no group rows to take the record into.
    """
    name = Namer()
    lines: list[str] = []
    inline: list[str] = []

    def asked(test: Callable[..., object], prefix: str) -> str:
        """The test's (or part's) inline form, or a call of it, as an expression."""
        form = inline_form(test)
        if form is None:
            return f"{name(prefix, test)}(view)"
        inline.append(form(name))
        return f"({inline[-1]})"

    for scope, scope_blocks in scoped:
        indent = "    "
        if scope is not None:
            lines.append(f"{indent}if {name('S', scope)} in inside:")
            indent += "    "
        for guard, members in scope_blocks:
            inner = indent
            if guard is not None:
                lines.append(f"{inner}if {asked(guard, 'G')}:")
                inner += "    "
            for index, test, part in members:
                at = inner
                if test is not None:
                    lines.append(f"{at}if {asked(test, 'T')}:")
                    at += "    "
                value = "True"
                if part is not None:
                    lines.append(f"{at}p = {asked(part, 'P')}")
                    value = "p"
                write_take(lines, at, kinds.get(index), index, value, grouped=grouped)
    lines.append("    return None")
    # The names the inline forms read (:data:`~._compiled.Inline`), before anything asks.
    reads = set(re.findall(r"\b(?:profile|age)\b", " ".join(inline)))
    first = ["def add(view, inside, row, groups):"]
    if "profile" in reads:
        first.append("    profile = view.record.profile")
    if "age" in reads:
        first.append("    age = view.record.participant.age_at_entry")
    return name.define(first + lines, "add", "<hankemalli compiled indicators>")


def interpret(scoped: Sequence[tuple[Scope | None, tuple[Block, ...]]]) -> Adder:
    """The blocks of each scope walked as data, member by member (:func:`assemble`'s reference)."""

    def add(
        view: RecordView, inside: frozenset[Scope], row: list[Tally], groups: list[list[Tally]]
    ) -> None:
        for scope, scope_blocks in scoped:
            if scope is not None and scope not in inside:
                continue
            for guard, members in scope_blocks:
                if guard is not None and not guard(view):
                    continue
                for index, test, part in members:
                    if test is not None and not test(view):
                        continue
                    # What the record adds is worked out once, for the whole and each group.
                    taken = True if part is None else part(view)
                    row[index].take(taken)
                    for in_group in groups:
                        in_group[index].take(taken)

    return add
