"""Disclosure control over everything published together (linkitettyjen taulujen suojaus).

A count withheld in one table can often be worked out from others published beside
it: participants 22, unemployed 20, inactive 0, so the employed are 2; or the final
report's total minus the annual reports of the other years. Protection must
therefore hold over the whole *published set*: every cell of every table published
together, and every linear identity that holds between them (a status partition, a
subgroup within its total, the years that add up to the whole programme).

The published set is given as cells (each a count, under a key) and relations
(each a list of (cell, coefficient) pairs that sum to zero). :func:`protect_linked`

1. withholds every count from 1 to ``threshold - 1`` (primary suppression; zeros
   identify no one and are shown, as in the usual practice of statistical offices:
   Statistics Finland's and Eurostat's rules for frequency tables);
2. while any withheld count is fixed by what is published (its unit vector lies in
   the row space of the relations restricted to the withheld cells), withholds one
   more cell that shares a relation with it: the smallest count that frees it, or,
   when no single cell does, the smallest count of those relations, and looks again
   (secondary suppression, smallest counts first: the information lost is kept low);
3. then tries to show again each secondary cell, largest first, and shows it when no
   withheld count becomes fixed (nothing is withheld that need not be).

Cells already published (a report an association has sent) are *fixed*: shown ones
stay shown and count as known, withheld ones stay withheld. The check is exact
linear algebra over the rationals (the attack of subtraction and of solving the
published equations); bounds from non-negativity are not part of it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Generic, TypeVar

from attrs import frozen

__all__ = ["LinkedProtection", "determined", "protect_linked"]

K = TypeVar("K", bound=Hashable)


@frozen(kw_only=True)
class LinkedProtection:
    """The outcome of protecting a published set (suojauksen tulos).

    ``withheld`` are the keys not to publish; ``primary`` those withheld for being
    small, ``secondary`` those withheld so that no withheld count can be worked out.
    ``cells`` and ``total`` are the number of cells and the sum of their counts;
    ``withheld_total`` the sum of the withheld counts (the information given up).
    ``exposed`` are withheld counts that cells already published let anyone work out:
    nothing withheld now can protect them (empty unless ``fixed`` is given, or an
    identity forces a count).
    """

    withheld: frozenset[Hashable]
    primary: frozenset[Hashable]
    secondary: frozenset[Hashable]
    cells: int
    total: int
    withheld_total: int
    exposed: frozenset[Hashable] = frozenset()

    @property
    def withheld_count(self) -> int:
        """How many cells are withheld."""
        return len(self.withheld)


#: A prime above 2**61: the elimination runs modulo it, with whole numbers only. A
#: relation's coefficients are small whole numbers, so a cell the rationals say is
#: fixed is fixed modulo the prime too; the converse fails only if the prime divides
#: a minor of the relations, which for coefficients this small cannot happen below
#: some 40 cells per relation chain (Hadamard's bound) and is checked, in the tests,
#: against exact rational elimination.
_PRIME = 2**61 - 1

#: At most this many rounds of swapping a withheld count for a smaller one.
_SWAP_ROUNDS = 10


def _reduced(
    secret: set[K], relations: Iterable[Iterable[tuple[K, int]]]
) -> tuple[list[K], dict[int, dict[int, int]]]:
    """The relations restricted to ``secret``, in reduced row echelon form modulo the prime.

    Returns the cells in column order and the rows by their pivot column.
    """
    cells = sorted(secret, key=repr)
    order = {cell: n for n, cell in enumerate(cells)}
    pivots: dict[int, dict[int, int]] = {}
    for relation in relations:
        row: dict[int, int] = {}
        for cell, coefficient in relation:
            n = order.get(cell)
            if n is not None:
                row[n] = (row.get(n, 0) + coefficient) % _PRIME
        row = {k: v for k, v in row.items() if v}
        for pivot in sorted(k for k in row if k in pivots):
            factor = row.get(pivot)
            if factor:
                for k, v in pivots[pivot].items():
                    row[k] = (row.get(k, 0) - factor * v) % _PRIME
                row = {k: v for k, v in row.items() if v}
        if not row:
            continue
        pivot = min(row)
        inverse = pow(row[pivot], -1, _PRIME)
        row = {k: v * inverse % _PRIME for k, v in row.items()}
        for other, other_row in pivots.items():
            factor = other_row.get(pivot)
            if factor:
                for k, v in row.items():
                    other_row[k] = (other_row.get(k, 0) - factor * v) % _PRIME
                pivots[other] = {k: v for k, v in other_row.items() if v}
        pivots[pivot] = row
    return cells, pivots


def determined(hidden: Iterable[K], relations: Iterable[Iterable[tuple[K, int]]]) -> set[K]:
    """The hidden cells whose value the relations and the shown cells fix exactly.

    Each relation says that the sum of its cells times their coefficients is zero;
    shown cells are known numbers. A hidden cell is fixed when its unit vector lies
    in the row space of the relations restricted to the hidden cells: in the
    reduced row echelon form, a row with that cell as its only entry.
    """
    cells, pivots = _reduced(set(hidden), relations)
    return {cells[pivot] for pivot, row in pivots.items() if len(row) == 1}


class _Freedom(Generic[K]):
    """The ways the withheld cells can change together without changing what is shown.

    A basis of the null space of the relations restricted to the withheld cells: one
    vector per free column of the reduced form. A cell is fixed when every vector is
    zero at it; showing a cell ``c`` keeps the vectors zero at ``c``, which fixes
    every other cell whose column of the basis is a multiple of ``c``'s. Columns are
    kept scaled (first entry 1) and grouped, so that check is a look-up.
    """

    def __init__(self, cells: list[K], pivots: dict[int, dict[int, int]]) -> None:
        self.index = {cell: n for n, cell in enumerate(cells)}
        # vectors[v][n]: basis vector v at cell n; columns[n][v]: the same, by cell.
        self.vectors: dict[int, dict[int, int]] = {}
        self.columns: dict[int, dict[int, int]] = {n: {} for n in range(len(cells))}
        for f in range(len(cells)):
            if f in pivots:
                continue
            vector = {f: 1}
            for pivot, row in pivots.items():
                if f in row:
                    vector[pivot] = -row[f] % _PRIME
            self.vectors[f] = vector
            for n, value in vector.items():
                self.columns[n][f] = value
        self.direction: dict[int, tuple[tuple[int, int], ...]] = {}
        self.sharing: dict[tuple[tuple[int, int], ...], set[int]] = {}
        for n in self.columns:
            self._place(n)

    def _place(self, n: int) -> None:
        column = sorted(self.columns[n].items())
        if column:
            inverse = pow(column[0][1], -1, _PRIME)
            key = tuple((v, value * inverse % _PRIME) for v, value in column)
        else:
            key = ()
        self.direction[n] = key
        self.sharing.setdefault(key, set()).add(n)

    def _unplace(self, n: int) -> None:
        group = self.sharing[self.direction.pop(n)]
        group.discard(n)

    def can_show(self, cell: K) -> bool:
        """True if showing ``cell`` fixes no other withheld cell."""
        n = self.index[cell]
        return len(self.sharing[self.direction[n]]) == 1

    def show(self, cell: K) -> None:
        """Show ``cell``: keep only the ways of changing that leave it as it is."""
        n = self.index[cell]
        holders = sorted(self.columns[n])
        touched = {k for v in holders for k in self.vectors[v]}
        for k in touched:
            self._unplace(k)
        if n in self.direction:
            self._unplace(n)
        if holders:
            base_id = holders[0]
            base = self.vectors.pop(base_id)
            inverse = pow(base[n], -1, _PRIME)
            for v in holders[1:]:
                vector = self.vectors[v]
                factor = vector[n] * inverse % _PRIME
                for k, value in base.items():
                    vector[k] = (vector.get(k, 0) - factor * value) % _PRIME
                self.vectors[v] = {k: x for k, x in vector.items() if x}
            for k in touched:
                column = {v: x for v, x in self.columns[k].items() if v not in holders}
                for v in holders[1:]:
                    if k in self.vectors[v]:
                        column[v] = self.vectors[v][k]
                self.columns[k] = column
        del self.columns[n]
        for k in touched - {n}:
            self._place(k)


def protect_linked(
    values: Mapping[K, int],
    relations: Iterable[Iterable[tuple[K, int]]],
    threshold: int,
    *,
    fixed: Mapping[K, bool] | None = None,
) -> LinkedProtection:
    """Withhold what must be withheld in a published set, and no more.

    ``values`` are the counts by key; ``relations`` the identities between them (each
    sums to zero); ``fixed`` the cells already published: True if shown, False if
    withheld. Counts must be whole and not negative; ``threshold`` at least 1.
    """
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1, got {threshold}")
    negative = [k for k, v in values.items() if v < 0]
    if negative:
        raise ValueError(f"counts cannot be negative: {negative[:5]!r}")
    fixed = dict(fixed or {})
    links = [tuple((cell, c) for cell, c in relation if c) for relation in relations]
    unknown = {cell for relation in links for cell, _ in relation} - set(values)
    if unknown:
        raise ValueError(f"relations name cells with no value: {sorted(map(repr, unknown))[:5]}")
    by_cell: dict[K, list[int]] = {}
    for index, relation in enumerate(links):
        for cell, _ in relation:
            by_cell.setdefault(cell, []).append(index)

    primary = {k for k, v in values.items() if 0 < v < threshold and fixed.get(k) is not True} | {
        k for k, shown in fixed.items() if shown is False
    }
    hidden = set(primary)

    def touched(cells: set[K]) -> list[tuple[tuple[K, int], ...]]:
        return [links[i] for i in sorted({i for cell in cells for i in by_cell.get(cell, ())})]

    def cost(cell: K) -> tuple[int, str]:
        return (values[cell], repr(cell))

    seen: set[frozenset[K]] = set()
    exposed: set[K] = set()
    while True:
        open_now = determined(hidden, touched(hidden))
        # A secondary cell that can be worked out protects nothing: it is shown
        # again (what can be worked out stays the same), unless that would bring
        # back a choice already made (the round below would withhold it again).
        state = frozenset(hidden)
        if state not in seen:
            seen.add(state)
            hidden -= open_now - primary
        open_now &= primary
        open_now -= exposed
        if not open_now:
            break
        # One round frees every fixed cell it can: beside each, cheapest first, the
        # smallest count not yet withheld; if that alone does not free it, the next
        # round adds the next smallest, and the pass below shows again what was not
        # needed.
        chosen: set[K] = set()
        for target in sorted(open_now, key=cost):
            if target in chosen:
                continue
            cycle = _cycle(target, hidden | chosen, fixed, links, by_cell, values)
            if cycle:
                chosen |= cycle
                continue
            near = _beside(target, hidden | chosen, fixed, links, by_cell, cost)
            if near:
                chosen.add(near[0])
            elif not chosen:
                # Every cell linked to it is withheld or already published: nothing
                # this report could withhold would protect it. It stays withheld
                # and is reported as exposed.
                exposed.add(target)
        if not chosen:
            break  # every target left is exposed
        hidden |= chosen

    def show_again() -> None:
        # Show again what need not be withheld, the largest first.
        freedom: _Freedom[K] = _Freedom(*_reduced(hidden, touched(hidden)))
        for cell in sorted(hidden - primary, key=cost, reverse=True):
            if freedom.can_show(cell):
                freedom.show(cell)
                hidden.discard(cell)

    show_again()

    def _swap_round() -> bool:
        nonlocal hidden
        swapped = False
        for cell in sorted(hidden - primary, key=cost, reverse=True):
            if cell not in hidden:
                continue
            near = sorted(
                {
                    other
                    for i in by_cell.get(cell, ())
                    for other, _ in links[i]
                    if other not in hidden and fixed.get(other) is None and cost(other) < cost(cell)
                },
                key=cost,
            )
            for other in near:
                trial = (hidden - {cell}) | {other}
                # what showing ``cell`` could fix is linked to it; what withholding
                # ``other`` changes is linked to ``other``
                start = {other} | {
                    c for i in by_cell.get(cell, ()) for c, _ in links[i] if c in trial
                }
                area = _component(start, trial, links, by_cell)
                if not determined(area, touched(area)):
                    hidden = trial
                    swapped = True
                    break
        return swapped

    # Then give up a smaller count instead of a larger one where that protects as
    # well: each secondary cell, the largest first, is swapped for the smallest
    # count beside it whose withholding leaves nothing derivable. The check looks
    # only at the withheld cells linked to the two (the component they share).
    for _ in range(_SWAP_ROUNDS):
        if not _swap_round():
            break
        show_again()

    return LinkedProtection(
        withheld=frozenset(hidden),
        primary=frozenset(primary),
        secondary=frozenset(hidden - primary),
        cells=len(values),
        total=sum(values.values()),
        withheld_total=sum(values[k] for k in hidden),
        exposed=frozenset(exposed),
    )


def _component(
    start: set[K],
    hidden: set[K],
    links: list[tuple[tuple[K, int], ...]],
    by_cell: Mapping[K, list[int]],
) -> set[K]:
    """The withheld cells linked to ``start`` through relations holding withheld cells."""
    found = set(start)
    waiting = list(start)
    while waiting:
        cell = waiting.pop()
        for i in by_cell.get(cell, ()):
            for other, _ in links[i]:
                if other in hidden and other not in found:
                    found.add(other)
                    waiting.append(other)
    return found


def _cycle(
    target: K,
    hidden: set[K],
    fixed: Mapping[K, bool],
    links: list[tuple[tuple[K, int], ...]],
    by_cell: Mapping[K, list[int]],
    values: Mapping[K, int],
) -> set[K]:
    """Cheap cells to withhold so that ``target`` lies on a cycle of withheld cells.

    A withheld cell can be worked out when some relation holds it as its only
    withheld cell. So, from ``target``, every relation the withheld cells touch is
    given a second withheld cell: one already withheld if there is one (it costs
    nothing), else the smallest count; in a two-way table that closes a rectangle.
    Returns the new cells to withhold, or an empty set when no cycle is found (the
    relations are fixed by cells already published).
    """
    support = {target}
    waiting = list(by_cell.get(target, ()))
    while waiting:
        index = waiting.pop(0)
        members = [cell for cell, _ in links[index]]
        if sum(cell in support for cell in members) >= 2:
            continue
        options = [cell for cell in members if cell not in support and fixed.get(cell) is not True]
        if not options:
            return set()
        pick = min(options, key=lambda c: (c not in hidden, values[c], repr(c)))
        support.add(pick)
        waiting.extend(by_cell.get(pick, ()))
    return support - hidden - {target}


def _beside(
    target: K,
    hidden: set[K],
    fixed: Mapping[K, bool],
    links: list[tuple[tuple[K, int], ...]],
    by_cell: Mapping[K, list[int]],
    cost: Callable[[K], tuple[int, str]],
) -> list[K]:
    """The cells that could be withheld to free ``target``, cheapest first.

    Those sharing a relation with it; if all of those are withheld or fixed, those
    sharing a relation with the withheld cells reached so far, and so on outwards.
    """
    reached: set[K] = {target}
    seen_links: set[int] = set()
    while True:
        new_links = {i for cell in reached for i in by_cell.get(cell, ())} - seen_links
        if not new_links:
            return []
        seen_links |= new_links
        linked = {cell for i in new_links for cell, _ in links[i]}
        free = [cell for cell in linked if cell not in hidden and cell not in fixed]
        if free:
            return sorted(free, key=cost)
        reached |= linked & hidden
