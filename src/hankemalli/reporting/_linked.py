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
2. while any withheld count is derivable from what is published (below), withholds
   one more cell that shares a relation with it: the smallest count that frees it,
   or, when no single cell does, the smallest count of those relations, and looks
   again (secondary suppression, smallest counts first and zeros last: the
   information lost is kept low);
3. then tries to show again each secondary cell, largest first, and shows it when no
   withheld count becomes derivable (nothing is withheld that need not be), and
   swaps a secondary cell for a smaller one (a zero too) that protects as well.

Cells already published (a report an association has sent) are *fixed*: shown ones
stay shown and count as known, withheld ones stay withheld.

What "worked out" means is the audit of statistical offices' tools (τ-ARGUS's
"audit", Hundepool et al. 2012, *Statistical Disclosure Control*, §4.2–4.3): the
lowest and the highest value each withheld count can take, given every published
count, every identity and that counts are not negative, found by linear
programming. A count is *derivable* when the two are equal. Subtraction and solving
the equations (linear algebra) are part of it, and so are bounds: participants 10 =
unemployed 10 + inactive • + employed • tells that both withheld counts are 0.

The audit needs no solver over the whole set. A withheld count that is not 0 can
move both ways, so non-negativity binds only at the withheld zeros: the counts can
change together along a direction ``d`` exactly when ``d`` keeps every published
count and every identity (``d`` in the null space of the relations restricted to
the withheld cells) and does not lower a withheld zero. A count is derivable when
every such direction leaves it alone. The zeros that no direction can raise
(implicitly zero) are found by a small linear programme over the zeros only
(:func:`_stuck`); they are as good as published, and the rest is the exact
linear check. Bounds from counts being whole numbers (an interval of [1, 1.5]
holds one whole number) are not modelled, as in those tools' audits.

Cells that may be negative (a correction's change) are ``signed``: they have no
bound, and a small one is withheld by its absolute value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from fractions import Fraction
from typing import Generic, TypeVar

from attrs import frozen

__all__ = ["LinkedProtection", "derivable_counts", "determined", "protect_linked"]

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


def _echelon(
    index: Mapping[K, int], relations: Iterable[Iterable[tuple[K, int]]]
) -> dict[int, dict[int, int]]:
    """The relations restricted to the cells of ``index``, reduced modulo the prime.

    The reduced row echelon form. Columns are the cells' numbers in ``index``; a
    row's pivot is its least column. Returns the rows by their pivot column.
    """
    pivots: dict[int, dict[int, int]] = {}
    for relation in relations:
        row: dict[int, int] = {}
        for cell, coefficient in relation:
            n = index.get(cell)
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
    return pivots


def _integer_echelon(
    index: Mapping[K, int], relations: Iterable[Iterable[tuple[K, int]]]
) -> dict[int, dict[int, int]]:
    """The reduced row echelon form over the rationals, kept in whole numbers.

    As :func:`_echelon`, over the rationals: each row is kept in whole numbers
    instead of with a leading 1, divided by the greatest common divisor of its values
    whenever it is combined with another (fraction-free elimination: many times faster
    than :class:`~fractions.Fraction` arithmetic, and exact). A row's values divided by
    its pivot's are those of the rational form.
    """
    pivots: dict[int, dict[int, int]] = {}
    for relation in relations:
        row: dict[int, int] = {}
        for cell, coefficient in relation:
            n = index.get(cell)
            if n is not None:
                row[n] = row.get(n, 0) + coefficient
        _insert({k: v for k, v in row.items() if v}, pivots)
    return pivots


def _insert(row: dict[int, int], pivots: dict[int, dict[int, int]]) -> None:
    """Add ``row`` to the reduced form ``pivots`` (:func:`_integer_echelon`), keeping it reduced."""
    for pivot in sorted(k for k in row if k in pivots):
        factor = row.get(pivot)
        if factor:
            base = pivots[pivot]
            row = _combined(row, base[pivot], base, factor)
    if not row:
        return
    pivot = min(row)
    for other, other_row in pivots.items():
        factor = other_row.get(pivot)
        if factor:
            pivots[other] = _combined(other_row, row[pivot], row, factor)
    pivots[pivot] = row


def _combined(row: dict[int, int], a: int, other: dict[int, int], b: int) -> dict[int, int]:
    """``a * row - b * other``, divided by the greatest common divisor of its values."""
    out = dict(row) if a == 1 else {k: a * v for k, v in row.items()}
    get = out.get
    for k, v in other.items():
        out[k] = get(k, 0) - b * v
    divisor = math.gcd(*out.values())  # 0 only if every value is
    if divisor > 1:
        return {k: v // divisor for k, v in out.items() if v}
    return {k: v for k, v in out.items() if v}


def _reduced(
    secret: set[K], relations: Iterable[Iterable[tuple[K, int]]]
) -> tuple[list[K], dict[int, dict[int, int]]]:
    """The relations restricted to ``secret``, in reduced row echelon form modulo the prime.

    Returns the cells in column order and the rows by their pivot column.
    """
    cells = sorted(secret, key=repr)
    order = {cell: n for n, cell in enumerate(cells)}
    return cells, _echelon(order, relations)


def _linear(hidden: set[K], relations: Iterable[Iterable[tuple[K, int]]]) -> set[K]:
    """The hidden cells that linear algebra alone fixes (see :func:`determined`).

    Cells left alone in a relation first, then each group of linked cells apart.
    """
    links = [tuple(relation) for relation in relations]
    found = _alone(hidden, links)
    for part, rows in _parts(hidden - found, links):
        found |= _linear_part(part, rows)
    return found


def _linear_part(part: set[K], rows: Iterable[Iterable[tuple[K, int]]]) -> set[K]:
    """The cells of ``part`` that ``rows`` fix by linear algebra alone (one elimination)."""
    cells, pivots = _reduced(part, rows)
    return {cells[pivot] for pivot, row in pivots.items() if len(row) == 1}


def determined(
    hidden: Iterable[K],
    relations: Iterable[Iterable[tuple[K, int]]],
    values: Mapping[K, int] | None = None,
    *,
    signed: Collection[K] = (),
) -> set[K]:
    """The hidden cells whose value the relations and the shown cells fix exactly.

    Each relation says that the sum of its cells times their coefficients is zero;
    shown cells are known numbers. Without ``values``, this is linear algebra: a
    hidden cell is fixed when its unit vector lies in the row space of the relations
    restricted to the hidden cells (in the reduced row echelon form, a row with that
    cell as its only entry). With the true ``values``, counts are also known not to
    be negative (except the ``signed`` cells): the cells fixed are those whose lowest
    and highest possible values, by linear programming, are equal (the module's
    notes say how this is found exactly).
    """
    secret = set(hidden)
    links = [_net(relation) for relation in relations]
    if values is None:
        return _linear(secret, links)
    return _determined(secret, links, values, frozenset(signed), {})


def _net(relation: Iterable[tuple[K, int]]) -> tuple[tuple[K, int], ...]:
    """A relation with each cell once, its coefficients added up, and none of 0.

    ``a - a + z = 0`` says that ``z`` is 0 and nothing about ``a``: a cell whose
    coefficients cancel is not in the relation (the steps that look for a cell left
    alone in a relation, or link cells into groups, read which cells it holds).
    """
    net: dict[K, int] = {}
    for cell, coefficient in relation:
        net[cell] = net.get(cell, 0) + coefficient
    return tuple((cell, c) for cell, c in net.items() if c)


def _determined(
    secret: set[K],
    links: list[tuple[tuple[K, int], ...]],
    values: Mapping[K, int],
    signed: frozenset[K],
    memo: dict[frozenset[K], frozenset[K]],
) -> set[K]:
    """:func:`determined` with ``values``, each group's answer kept in ``memo``.

    ``links`` must hold every relation that touches a cell of ``secret``. The cells
    left alone in a relation are found first (:func:`_alone`); the rest fall into
    groups that no relation links (:func:`_parts`), and each group is solved with
    every relation on it. What a group fixes therefore depends on the group alone
    (given ``values``, ``signed`` and the relations, which a memo must not outlive),
    so a group met again, in this call or a later one, is answered from ``memo``:
    :func:`protect_linked` audits sets that differ by a cell or two, over and over.
    """
    found = _alone(secret, links)
    for part, rows in _parts(secret - found, links):
        key = frozenset(part)
        fixed = memo.get(key)
        if fixed is None:
            zeros = {cell for cell in part if values[cell] == 0 and cell not in signed}
            # No cell of a group is alone in a relation (the first step found those),
            # so the linear check needs no first step of its own.
            got = _bounded(zeros, part, rows) if zeros else _linear_part(part, rows)
            fixed = memo[key] = frozenset(got)
        found |= fixed
    return found


def _alone(hidden: set[K], relations: list[tuple[tuple[K, int], ...]]) -> set[K]:
    """The hidden cells that are alone, or left alone, in a relation: each is known.

    A relation whose other cells are shown, or known this way, gives its last
    hidden cell by subtraction; repeated until none is left alone (a quick first
    pass of the elimination, which leaves the rest smaller).
    """
    left: list[set[K]] = []
    by_cell: dict[K, list[int]] = {}
    for relation in relations:
        cells = {cell for cell, c in relation if c and cell in hidden}
        for cell in cells:
            by_cell.setdefault(cell, []).append(len(left))
        left.append(cells)
    waiting = [i for i, cells in enumerate(left) if len(cells) == 1]
    known: set[K] = set()
    while waiting:
        cells = left[waiting.pop()]
        if len(cells) != 1:
            continue
        cell = cells.pop()
        known.add(cell)
        for i in by_cell[cell]:
            left[i].discard(cell)
            if len(left[i]) == 1:
                waiting.append(i)
    return known


def _parts(
    hidden: set[K], relations: list[tuple[tuple[K, int], ...]]
) -> list[tuple[set[K], list[tuple[tuple[K, int], ...]]]]:
    """The hidden cells in groups no relation links, each with its relations.

    The equations of different groups share no unknown, so each is solved apart.
    """
    parent: dict[K, K] = {cell: cell for cell in hidden}

    def root(cell: K) -> K:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    touching: list[tuple[tuple[tuple[K, int], ...], list[K]]] = []
    for relation in relations:
        cells = [cell for cell, c in relation if c and cell in hidden]
        if not cells:
            continue
        touching.append((relation, cells))
        first = root(cells[0])
        for cell in cells[1:]:
            parent[root(cell)] = first
    groups: dict[K, tuple[set[K], list[tuple[tuple[K, int], ...]]]] = {}
    for cell in hidden:
        groups.setdefault(root(cell), (set(), []))[0].add(cell)
    for relation, cells in touching:
        groups[root(cells[0])][1].append(relation)
    return list(groups.values())


def derivable_counts(
    withheld: Iterable[K],
    relations: Iterable[Iterable[tuple[K, int]]],
    values: Mapping[K, int],
    *,
    signed: Collection[K] = (),
) -> set[K]:
    """The withheld counts a reader can work out exactly (paljastuvat luvut): the audit.

    ``relations`` are the identities between the counts (each sums to zero);
    ``values`` the true counts, shown or withheld; ``signed`` the counts that may
    be negative. A withheld count is derivable when its lowest and highest possible
    values, given every shown count, every identity and that counts are not
    negative, are equal: the audit of statistical offices' tools (τ-ARGUS), by
    subtraction, linear algebra and bounds alike. Use it to check tables an
    association protects by hand before publishing them.
    """
    return determined(withheld, relations, values, signed=signed)


def _bounded(zeros: set[K], hidden: set[K], relations: list[tuple[tuple[K, int], ...]]) -> set[K]:
    """The cells of one group of withheld cells that are fixed, some of them zeros.

    The relations restricted to the group are reduced once (:func:`_integer_echelon`,
    the zeros' columns last), and :func:`_fixed_columns` reads the fixed cells
    from that form.
    """
    order = {cell: (cell in zeros, repr(cell)) for cell in hidden}
    columns = sorted(hidden, key=order.__getitem__)
    index = {cell: n for n, cell in enumerate(columns)}
    pivots = _integer_echelon(index, relations)
    return {columns[n] for n in _fixed_columns(pivots, first_zero=len(hidden) - len(zeros))}


def _fixed_columns(pivots: dict[int, dict[int, int]], *, first_zero: int) -> set[int]:
    """The columns fixed by the reduced form ``pivots`` and by the zeros' bounds.

    ``pivots`` is the reduced form of the relations restricted to the withheld cells
    (:func:`_integer_echelon`) with the zeros' columns last, from ``first_zero``. The
    withheld zeros that cannot rise are found from it (:func:`_stuck`), and are as
    good as published. Their columns taken out (:func:`_deleted`), a row left
    holding one cell fixes that cell: exactly what the linear check over the cells
    less those zeros finds, since deleting columns keeps the row space of the rest.
    """
    stuck = _stuck(pivots, first_zero=first_zero)
    if stuck:
        pivots = _deleted(pivots, stuck)
    return stuck | {pivot for pivot, row in pivots.items() if len(row) == 1}


def _deleted(pivots: dict[int, dict[int, int]], gone: set[int]) -> dict[int, dict[int, int]]:
    """The reduced form ``pivots`` with the columns ``gone`` deleted, reduced again.

    Deleting a column is showing its cell: the rest is the reduced form of the
    relations restricted to the cells left, found without eliminating them all
    again. A row that led at a deleted column, if anything is left of it, holds only
    columns that led no row (the form is reduced), and is added again
    (:func:`_insert`); every other row still leads at its pivot. ``pivots`` is left
    as it was (its rows are shared where nothing is deleted from them).
    """
    kept: dict[int, dict[int, int]] = {}
    led: list[dict[int, int]] = []
    for pivot, row in pivots.items():
        if pivot in gone:
            rest = {k: v for k, v in row.items() if k not in gone}
            if rest:
                led.append(rest)
        elif gone.isdisjoint(row):
            kept[pivot] = row
        else:
            kept[pivot] = {k: v for k, v in row.items() if k not in gone}
    for row in led:
        _insert(row, kept)
    return kept


def _stuck(pivots: Mapping[int, Mapping[int, int]], *, first_zero: int) -> set[int]:
    """The columns of the withheld zeros that no change keeping what is published can raise.

    ``pivots`` is the reduced form of the relations restricted to the withheld cells
    with the zeros' columns last, from ``first_zero``, so a row whose leading cell is
    a zero holds zeros only; the other rows lead with a cell that has no bound and so
    bind nothing. Those rows ``B`` leave ``B w = 0``, ``w ≥ 0`` over the zeros; a
    zero is stuck when no such ``w`` is positive at it. Found by one linear
    programme (:func:`_simplex_max`).
    """
    # Each such row, times the sign of its pivot: w_p = -(sum of row[j] w_j) / row[p]
    # is at least 0 when the sum times that sign is at most 0.
    bound = {
        p: {k: v if row[p] > 0 else -v for k, v in row.items()}
        for p, row in pivots.items()
        if p >= first_zero
    }
    free = sorted({k for row in bound.values() for k in row} - set(bound))
    # One linear programme over the zeros in those rows: the free zeros w_j (no
    # upper bound: the changes form a cone) and, for each zero z, t_z ≤ w_z and
    # t_z ≤ 1. The bound zeros are w_p = -(sum over j of row[j] * w_j) / row[p] ≥ 0.
    # Every zero that can rise can rise together with the others, so the maximum of
    # the sum of the t's has t_z = 1 exactly where z can rise, and 0 where it is
    # stuck. (t_p ≤ w_p is written times |row[p]|.)
    position = {j: n for n, j in enumerate(free)}
    rising = [*free, *bound]
    t_of = {z: len(free) + n for n, z in enumerate(rising)}
    rows: list[dict[int, int]] = []
    for p, row in bound.items():
        rest = {position[j]: v for j, v in row.items() if j != p}
        rows.append(rest)  # w_p ≥ 0
        rows.append({t_of[p]: row[p], **rest})  # |row[p]| t_p ≤ |row[p]| w_p
    for j in free:
        rows.append({t_of[j]: 1, position[j]: -1})
    size = len(free) + len(rising)
    objective = [0] * len(free) + [1] * len(rising)
    _, point = _simplex_max(objective, rows, upper=range(len(free), size))
    # A zero in no row that leads with a zero can rise: a cell with no bound, or
    # nothing at all, makes up for it.
    return {z for z in rising if point[t_of[z]] == 0}


def _simplex_max(
    objective: list[int], limits: list[dict[int, int]], *, upper: Iterable[int]
) -> tuple[Fraction, list[Fraction]]:
    """Maximise ``objective · x`` over ``x ≥ 0``, ``row · x ≤ 0`` and some ``x_j ≤ 1``.

    Each row of ``limits`` is a constraint (whole coefficients), and ``upper`` names
    the capped ``j``. The simplex method from the slack basis (``x = 0`` is feasible),
    with Bland's rule (the entering and leaving variables of least index), which
    cannot cycle. The maximum must be finite. Returns it and a point where it is
    reached, exactly.

    The tableau is kept in whole numbers, a row at a time: each row's values are its
    rational ones times its basic variable's entry (the row's denominator), divided
    by their greatest common divisor after each pivot (:func:`_combined`). That is
    exact, as the rationals are, and some times faster than
    :class:`~fractions.Fraction` arithmetic, which divides out a common divisor at
    every single step.
    """
    n = len(objective)
    capped = sorted(set(upper))
    count = len(limits) + len(capped)
    rhs = n + count  # the key of a row's right-hand side, beyond every variable
    rows: list[dict[int, int]] = [{k: v for k, v in limit.items() if v} for limit in limits]
    rows += [{j: 1, rhs: 1} for j in capped]
    for i, row in enumerate(rows):
        row[n + i] = 1
    basis = [n + i for i in range(count)]
    # The reduced costs, times the positive denominator kept under the key -1.
    cost = {j: c for j, c in enumerate(objective) if c}
    cost[-1] = 1
    while True:
        entering = min((j for j, c in cost.items() if c > 0 and j >= 0), default=None)
        if entering is None:
            break
        leaving: int | None = None
        for i, row in enumerate(rows):
            a = row.get(entering, 0)
            if a > 0:
                if leaving is None:
                    leaving = i
                    continue
                # rhs_i / a against the best's, both over positive entries
                here = row.get(rhs, 0) * rows[leaving][entering]
                there = rows[leaving].get(rhs, 0) * a
                if here < there or (here == there and basis[i] < basis[leaving]):
                    leaving = i
        if leaving is None:  # pragma: no cover - the maximum is finite
            raise ArithmeticError("the linear programme is unbounded")
        pivot_row = rows[leaving]
        a = pivot_row[entering]
        for i, row in enumerate(rows):
            factor = row.get(entering)
            if i != leaving and factor:
                rows[i] = _combined(row, a, pivot_row, factor)
        factor = cost.get(entering, 0)
        cost = _combined(cost, a, pivot_row, factor)
        basis[leaving] = entering
    point = [Fraction(0)] * n
    for i, variable in enumerate(basis):
        if variable < n:
            point[variable] = Fraction(rows[i].get(rhs, 0), rows[i][variable])
    return sum((c * x for c, x in zip(objective, point, strict=True)), Fraction(0)), point


class _Audit(Generic[K]):
    """The audit of withheld sets that differ from one another by a cell or two.

    Every cell of ``values`` has one column number for good, the zeros that
    ``bound`` names last, so the reduced form of one withheld set
    (:func:`_integer_echelon`) gives that of any set within it by deleting columns
    (:func:`_deleted`), which costs a row or two instead of a whole elimination.
    ``touched`` gives the relations that touch a set of cells. The forms and the
    answers (this audit's, and those worked out group by group, :meth:`keep`) are
    kept for sets asked again; each is given up, all at once, when too many are kept.
    """

    #: The most forms kept (a form holds a row per pivot of a withheld set).
    KEPT = 64

    def __init__(
        self,
        values: Mapping[K, int],
        bound: Callable[[K], bool],
        touched: Callable[[set[K]], list[tuple[tuple[K, int], ...]]],
    ) -> None:
        self.values = values
        self.bound = bound
        self.touched = touched
        self.cells: list[K] = []
        self.number: dict[K, int] = {}
        self.first_zero = 0
        self.forms: dict[frozenset[K], dict[int, dict[int, int]]] = {}
        self.answers: dict[frozenset[K], frozenset[K]] = {}

    def fixed(self, withheld: frozenset[K], *, within: frozenset[K] | None = None) -> frozenset[K]:
        """The cells of ``withheld`` that can be worked out (:func:`determined`'s).

        Given ``within`` (a set holding ``withheld``), the form of ``withheld`` is
        made from the form of ``within``.
        """
        found = self.answers.get(withheld)
        if found is None:
            form = self.form(withheld, within)  # numbers the cells, if not yet done
            columns = _fixed_columns(form, first_zero=self.first_zero)
            found = self.keep(withheld, frozenset(self.cells[n] for n in columns))
        return found

    def keep(self, withheld: frozenset[K], found: frozenset[K]) -> frozenset[K]:
        """Keep ``found`` as the answer for ``withheld``, however it was worked out."""
        if len(self.answers) > 4096:
            self.answers.clear()
        self.answers[withheld] = found
        return found

    def form(
        self, withheld: frozenset[K], within: frozenset[K] | None = None
    ) -> dict[int, dict[int, int]]:
        """The reduced form of the relations restricted to ``withheld``, kept.

        Made from the form of ``within`` (a set holding ``withheld``), which is made
        first if it is not kept.
        """
        form = self.forms.get(withheld)
        if form is None:
            if not self.number:  # numbered when first needed: many sets need no audit
                self.cells = sorted(self.values, key=lambda cell: (self.bound(cell), repr(cell)))
                self.number = {cell: n for n, cell in enumerate(self.cells)}
                self.first_zero = sum(not self.bound(cell) for cell in self.values)
            if within is not None:
                base = self.form(within)
                form = _deleted(base, {self.number[cell] for cell in within - withheld})
            else:
                numbers = {cell: self.number[cell] for cell in withheld}
                form = _integer_echelon(numbers, self.touched(set(withheld)))
            if len(self.forms) >= self.KEPT:
                self.forms.clear()
            self.forms[withheld] = form
        return form


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
    signed: Collection[K] = (),
    unshown: Collection[K] = (),
    auxiliary: Collection[K] = (),
) -> LinkedProtection:
    """Withhold what must be withheld in a published set, and no more.

    ``values`` are the counts by key; ``relations`` the identities between them (each
    sums to zero); ``fixed`` the cells already published: True if shown, False if
    withheld. Counts must be whole and not negative, except the ``signed`` cells (a
    correction's change), which are withheld when their size is small. ``unshown``
    cells are never published (a change applied but not listed): they are always
    withheld, protected when small, and not counted as cells of the set.
    ``auxiliary`` cells are unknowns that are never published and need no protection
    (the rest of a count within another: ``larger = smaller + rest``, ``rest ≥ 0``):
    they carry what a reader knows, and nothing about them is withheld or shown.
    ``threshold`` is at least 1.
    """
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1, got {threshold}")
    signed = frozenset(signed)
    negative = [k for k, v in values.items() if v < 0 and k not in signed]
    if negative:
        raise ValueError(f"counts cannot be negative: {negative[:5]!r}")
    fixed = dict(fixed or {})
    aid = frozenset(auxiliary)
    never = frozenset(unshown) | aid
    given = [tuple(relation) for relation in relations]
    unknown = ({cell for relation in given for cell, _ in relation} | never) - set(values)
    if unknown:
        raise ValueError(f"relations name cells with no value: {sorted(map(repr, unknown))[:5]}")
    links = [_net(relation) for relation in given]
    by_cell: dict[K, list[int]] = {}
    for index, relation in enumerate(links):
        for cell, _ in relation:
            by_cell.setdefault(cell, []).append(index)
    size = {k: abs(v) for k, v in values.items()}
    beside = _Beside(links, by_cell)

    small = {k for k, v in size.items() if 0 < v < threshold and fixed.get(k) is not True}
    primary = (small - aid) | {k for k, shown in fixed.items() if shown is False}
    hidden = primary | never

    def touched(cells: set[K]) -> list[tuple[tuple[K, int], ...]]:
        return [links[i] for i in sorted({i for cell in cells for i in by_cell.get(cell, ())})]

    def bound(cell: K) -> bool:
        return values[cell] == 0 and cell not in signed

    def cost(cell: K) -> tuple[bool, int, str]:
        # Zeros last when choosing: a withheld zero can only be raised, so zeros
        # withheld together with a known sum of 0 give each other away. The swaps
        # below then give a count up for a zero wherever the zero protects as well.
        return (bound(cell), size[cell], repr(cell))

    def loss(cell: K) -> tuple[int, str]:
        return (size[cell], repr(cell))

    groups: dict[frozenset[K], frozenset[K]] = {}
    audit = _Audit(values, bound, touched)

    def open_cells(cells: set[K]) -> set[K]:
        # the same withheld set is often audited again (before and after a trial)
        key = frozenset(cells)
        found = audit.answers.get(key)
        if found is None:
            if len(groups) > 16384:  # the groups' answers, kept in bounds as the rest
                groups.clear()
            found = audit.keep(
                key, frozenset(_determined(cells, touched(cells), values, signed, groups))
            )
        return set(found)

    seen: set[frozenset[K]] = set()
    exposed: set[K] = set()

    def grow() -> None:
        nonlocal hidden
        while True:
            open_now = open_cells(hidden)
            # A secondary cell that can be worked out protects nothing: it is shown
            # again (what can be worked out stays the same), unless that would bring
            # back a choice already made (the round below would withhold it again).
            state = frozenset(hidden)
            if state not in seen:
                seen.add(state)
                hidden -= open_now - primary - never
            open_now &= primary
            open_now -= exposed
            if not open_now:
                return
            # One round frees every fixed cell it can: beside each, cheapest first,
            # the smallest count not yet withheld; if that alone does not free it, the
            # next round adds the next smallest, and the pass below shows again what
            # was not needed.
            chosen: set[K] = set()
            for target in sorted(open_now, key=cost):
                if target in chosen:
                    continue
                cycle = _cycle(target, hidden | chosen, fixed, links, by_cell, size)
                if cycle:
                    chosen |= cycle
                    continue
                near = _beside(target, hidden | chosen, fixed, links, by_cell, cost)
                if near:
                    chosen.add(near[0])
                elif not chosen:
                    # Every cell linked to it is withheld or already published:
                    # nothing this report could withhold would protect it. It stays
                    # withheld and is reported as exposed.
                    exposed.add(target)
            if not chosen:
                return  # every target left is exposed
            hidden |= chosen

    def fixes_more(cell: K, area: set[K]) -> bool:
        # would showing ``cell`` make a withheld count of ``area`` derivable? (The
        # area less the cell is audited from the area's form: the next cell's area
        # is often that one, when this cell is shown.)
        whole = frozenset(area)
        return bool(audit.fixed(whole - {cell}, within=whole) - open_cells(area) - aid)

    def show_again() -> None:
        # Show again what need not be withheld, the largest first: a cell whose
        # showing fixes no other withheld cell. The linear check decides, except
        # where withheld zeros are linked to the cell (bounds may then fix more),
        # or where what it fixes may be auxiliary only (those need no protection).
        freedom: _Freedom[K] = _Freedom(*_reduced(hidden, touched(hidden)))
        for cell in sorted(hidden - primary - never, key=cost, reverse=True):
            area = _component({cell}, hidden, beside)
            if freedom.can_show(cell):
                if any(bound(other) for other in area - {cell}) and fixes_more(cell, area):
                    continue
            elif not area & aid or fixes_more(cell, area):
                continue
            freedom.show(cell)
            hidden.discard(cell)

    def swap_round() -> bool:
        nonlocal hidden
        swapped = False
        for cell in sorted(hidden - primary - never, key=loss, reverse=True):
            if cell not in hidden:
                continue
            near = sorted(
                {
                    other
                    for i in by_cell.get(cell, ())
                    for other, _ in links[i]
                    if other not in hidden and fixed.get(other) is None and loss(other) < loss(cell)
                },
                key=loss,
            )
            for other in near:
                trial = (hidden - {cell}) | {other}
                # what showing ``cell`` could fix is linked to it; what withholding
                # ``other`` changes is linked to ``other``
                start = {other} | {
                    c for i in by_cell.get(cell, ()) for c, _ in links[i] if c in trial
                }
                area = _component(start, trial, beside)
                if not open_cells(area) - aid:
                    hidden = trial
                    swapped = True
                    break
        return swapped

    grow()
    show_again()
    # Then give up a smaller count instead of a larger one where that protects as
    # well: each secondary cell, the largest first, is swapped for the smallest
    # count beside it whose withholding leaves nothing derivable. The check looks
    # only at the withheld cells linked to the two (the component they share).
    for _ in range(_SWAP_ROUNDS):
        if not swap_round():
            break
        show_again()
    # The audit of the whole set: nothing withheld to protect may be derivable. A
    # withheld cell that is derivable protects nothing and is shown.
    for _ in range(_SWAP_ROUNDS):
        if not (open_cells(hidden) & primary) - exposed:
            break
        grow()  # pragma: no cover - each step above keeps the set protected
    hidden -= open_cells(hidden) - primary - never
    published = hidden - never
    return LinkedProtection(
        withheld=frozenset(published),
        primary=frozenset(primary - never),
        secondary=frozenset(published - primary),
        cells=len(values) - len(never),
        total=sum(v for k, v in size.items() if k not in never),
        withheld_total=sum(size[k] for k in published),
        exposed=frozenset(exposed),
    )


class _Beside(dict[K, frozenset[K]]):
    """The cells that share a relation with each cell, found when first asked for."""

    def __init__(
        self, links: list[tuple[tuple[K, int], ...]], by_cell: Mapping[K, list[int]]
    ) -> None:
        super().__init__()
        self.links = links
        self.by_cell = by_cell

    def __missing__(self, cell: K) -> frozenset[K]:
        found = self[cell] = frozenset(
            other for i in self.by_cell.get(cell, ()) for other, _ in self.links[i]
        )
        return found


def _component(start: set[K], hidden: set[K], beside: Mapping[K, frozenset[K]]) -> set[K]:
    """The withheld cells linked to ``start`` through relations holding withheld cells.

    ``beside`` gives each cell the cells that share a relation with it.
    """
    found = set(start)
    waiting = list(start)
    while waiting:
        cell = waiting.pop()
        for other in beside[cell]:
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
        pick = min(options, key=lambda c: (c not in hidden, values[c] == 0, values[c], repr(c)))
        support.add(pick)
        waiting.extend(by_cell.get(pick, ()))
    return support - hidden - {target}


def _beside(
    target: K,
    hidden: set[K],
    fixed: Mapping[K, bool],
    links: list[tuple[tuple[K, int], ...]],
    by_cell: Mapping[K, list[int]],
    cost: Callable[[K], tuple[bool, int, str]],
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
