"""Disclosure control over a published set of linked tables (reporting/_linked.py).

The proof the issue asks for: over generated tables with their margins, and sets of
"annual" tables that add up to a "final" one, no withheld count can be derived
exactly from what is published, and nothing is withheld that need not be (each
secondary cell, shown again, would make a withheld count derivable). Derivable is
checked two ways written apart from the library: by exact rational rank (linear
algebra, ``derivable``) and by the attacker's linear programmes with counts not
negative (``attacked``: the lowest and highest value of each withheld count, solved
by HiGHS through SciPy, the audit of statistical offices' tools).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from hankemalli.reporting import derivable_counts
from hankemalli.reporting._linked import (
    _Audit,
    _deleted,
    _determined,
    _integer_echelon,
    _simplex_max,
    determined,
    protect_linked,
)


def derivable(hidden, relations):
    """The hidden cells an attacker solves for exactly: exact rationals, reduced row echelon form.

    Written apart from the library's modular elimination: each relation, restricted to
    the hidden cells (the shown ones are known numbers), is reduced against the rows
    found so far over :class:`~fractions.Fraction`; a cell is derivable when the fully
    reduced form has a row holding that cell alone.
    """
    hidden = set(hidden)
    rows = {}  # pivot cell -> row (cell -> Fraction), pivot coefficient 1
    for relation in relations:
        row = {}
        for cell, c in relation:
            if cell in hidden:
                row[cell] = row.get(cell, Fraction(0)) + Fraction(c)
        row = {k: v for k, v in row.items() if v}
        for pivot, base in rows.items():
            if pivot in row:
                factor = row[pivot]
                for k, v in base.items():
                    row[k] = row.get(k, Fraction(0)) - factor * v
                row = {k: v for k, v in row.items() if v}
        if not row:
            continue
        pivot = min(row, key=repr)
        row = {k: v / row[pivot] for k, v in row.items()}
        for other, base in rows.items():
            if pivot in base:
                factor = base[pivot]
                for k, v in row.items():
                    base[k] = base.get(k, Fraction(0)) - factor * v
                rows[other] = {k: v for k, v in base.items() if v}
        rows[pivot] = row
    return {pivot for pivot, row in rows.items() if set(row) == {pivot}}


def attacked(hidden, relations, values, *, signed=(), first=False, skip=()):
    """The withheld counts whose lowest and highest possible values are equal.

    The attacker knows every shown count, every relation, and that counts are not
    negative (``signed`` cells excepted); for each withheld count two linear
    programmes (minimise it, maximise it) are solved by HiGHS. With ``first``, stops
    at the first derivable count found; the ``skip`` counts are unknowns but not
    solved for (counts never published).
    """
    hidden = sorted(set(hidden), key=repr)
    index = {cell: n for n, cell in enumerate(hidden)}
    rows, rhs = [], []
    for relation in relations:
        row = np.zeros(len(hidden))
        known = 0.0
        for cell, c in relation:
            if cell in index:
                row[index[cell]] += c
            else:
                known += c * values[cell]
        if row.any():
            rows.append(row)
            rhs.append(-known)
    bounds = [(None, None) if cell in signed else (0, None) for cell in hidden]
    found = set()
    for cell, n in index.items():
        if not rows:
            break
        if cell in skip:
            continue
        objective = np.zeros(len(hidden))
        objective[n] = 1
        low = linprog(objective, A_eq=np.array(rows), b_eq=rhs, bounds=bounds, method="highs")
        high = linprog(-objective, A_eq=np.array(rows), b_eq=rhs, bounds=bounds, method="highs")
        assert low.status in (0, 3), low.message
        assert high.status in (0, 3), high.message
        if low.status == 0 and high.status == 0 and -high.fun - low.fun < 1e-7:
            assert abs(low.fun - values[cell]) < 1e-6  # the attack finds the true count
            found.add(cell)
            if first:
                break
    return found


def table(cells):
    """A two-way table with row, column and grand totals: values and relations."""
    values, relations = {}, []
    rows, cols = len(cells), len(cells[0])
    for i, j in itertools.product(range(rows), range(cols)):
        values[(i, j)] = cells[i][j]
    for i in range(rows):
        values[(i, "*")] = sum(cells[i])
        relations.append([((i, "*"), 1), *(((i, j), -1) for j in range(cols))])
    for j in range(cols):
        values[("*", j)] = sum(cells[i][j] for i in range(rows))
        relations.append([(("*", j), 1), *(((i, j), -1) for i in range(rows))])
    values[("*", "*")] = sum(map(sum, cells))
    relations.append([(("*", "*"), 1), *((("*", j), -1) for j in range(cols))])
    relations.append([(("*", "*"), 1), *(((i, "*"), -1) for i in range(rows))])
    return values, relations


def linked_years(years):
    """Annual two-way tables and their final table, each final cell the sum of the years'."""
    values, relations = {}, []
    for y, cells in enumerate(years):
        v, r = table(cells)
        values |= {(y, *k): x for k, x in v.items()}
        relations += [[((y, *k), c) for k, c in rel] for rel in r]
    final_keys = [k for k in values if k[0] == 0]
    for key in final_keys:
        rest = key[1:]
        values[("final", *rest)] = sum(values[(y, *rest)] for y in range(len(years)))
        relations.append([(("final", *rest), 1), *(((y, *rest), -1) for y in range(len(years)))])
    return values, relations


counts = st.one_of(st.integers(0, 4), st.integers(5, 60))
#: Two or three years of 2 × 2 tables (with their margins and final table: linked_years).
two_by_two_years = st.lists(
    st.lists(st.lists(counts, min_size=2, max_size=2), min_size=2, max_size=2),
    min_size=2,
    max_size=3,
)
grids = st.integers(1, 4).flatmap(
    lambda rows: st.integers(2, 4).flatmap(
        lambda cols: st.lists(
            st.lists(counts, min_size=cols, max_size=cols), min_size=rows, max_size=rows
        )
    )
)


def test_the_issue_example_withholds_a_second_status():
    """Participants 22, unemployed 20, inactive 0, employed 2: employed alone is 22 − 20 − 0."""
    values = {"total": 22, "unemployed": 20, "inactive": 0, "employed": 2}
    relations = [[("total", 1), ("unemployed", -1), ("inactive", -1), ("employed", -1)]]
    found = protect_linked(values, relations, 5)
    assert found.primary == {"employed"}
    assert found.secondary == {"inactive"}  # the smallest count that protects it
    assert derivable(found.withheld, relations) == set()
    assert (found.cells, found.total, found.withheld_total) == (4, 44, 2)


def test_withheld_zeros_whose_sum_is_known_to_be_zero_are_derivable():
    """The reviewer's attack: men 10 = unemployed 10 + inactive • + employed •.

    Linear algebra cannot solve for either withheld count, but counts are not
    negative, so both are 0. The library's audit says so, as the attacker's linear
    programmes do.
    """
    values = {"men": 10, "unemployed": 10, "inactive": 0, "employed": 0}
    relations = [[("men", 1), ("unemployed", -1), ("inactive", -1), ("employed", -1)]]
    hidden = {"inactive", "employed"}
    assert determined(hidden, relations) == set()
    assert determined(hidden, relations, values) == hidden == attacked(hidden, relations, values)


def test_a_withheld_zero_beside_a_count_protects_it_one_way():
    """Total 2 = a 2 + b 0, both withheld: a lies anywhere from 0 to 2, so neither is derivable."""
    values = {"total": 2, "a": 2, "b": 0}
    relations = [[("total", 1), ("a", -1), ("b", -1)]]
    assert (
        determined({"a", "b"}, relations, values)
        == set()
        == attacked({"a", "b"}, relations, values)
    )


def test_zeros_that_only_sum_to_zero_through_other_identities_are_derivable():
    """x − y = 0 and y + z = 0 (the shown cells cancel): all three withheld zeros are 0."""
    values = {"x": 0, "y": 0, "z": 0, "s": 4, "t": 4}
    relations = [[("x", 1), ("y", -1)], [("y", 1), ("z", 1), ("s", 1), ("t", -1)]]
    hidden = {"x", "y", "z"}
    assert determined(hidden, relations) == set()
    assert determined(hidden, relations, values) == hidden == attacked(hidden, relations, values)


def test_a_cell_named_twice_in_a_relation_counts_by_its_coefficients_added_up():
    """a − a + z = 0 says that z is 0 and nothing about a: a is not derivable from it.

    Withheld a and z, shown s = 3: the first relation gives z alone (0), and a can be
    anything the second allows (a + b = 13 with b withheld too).
    """
    values = {"a": 3, "b": 10, "z": 0, "t": 13}
    relations = [[("a", 1), ("a", -1), ("z", 1)], [("t", 1), ("a", -1), ("b", -1)]]
    hidden = {"a", "b", "z"}
    assert determined(hidden, relations) == {"z"} == derivable(hidden, relations)
    assert determined(hidden, relations, values) == {"z"} == attacked(hidden, relations, values)
    assert determined({"a", "b"}, relations, values) == set()
    found = protect_linked(values, relations, 5)
    assert found.primary == {"a"}
    assert attacked(found.withheld, relations, values) == set()


cells_named = st.sampled_from("abcdef")
#: Relations over the cells a..f, some naming a cell again with coefficients that cancel.
relations_naming_twice = st.lists(
    st.tuples(
        st.lists(st.tuples(cells_named, st.integers(-2, 2)), min_size=1, max_size=4),
        st.lists(st.tuples(cells_named, st.integers(1, 2)), max_size=2),
    ).map(lambda r: [*r[0], *r[1], *((cell, -c) for cell, c in r[1])]),
    max_size=5,
)


@settings(max_examples=150, deadline=None)
@given(relations_naming_twice, st.sets(cells_named), grids, st.data())
def test_the_audit_adds_up_the_coefficients_of_a_cell_named_twice(relations, hidden, cells, data):
    """Any relations, some cell named again: the audit reads each cell's coefficients added up.

    By linear algebra over any such relations; with the bounds too over a table's
    relations with cells named again whose coefficients cancel (the counts still add up).
    """
    assert determined(hidden, relations) == derivable(hidden, relations)
    values, linked = table(cells)
    keys = sorted(values, key=repr)
    for relation in linked:
        for cell in data.draw(st.lists(st.sampled_from(keys), max_size=2), label="named again"):
            relation += [(cell, 1), (cell, -1)]
    withheld = data.draw(st.sets(st.sampled_from(keys)), label="withheld")
    assert derivable_counts(withheld, linked, values) == attacked(withheld, linked, values)


def test_a_signed_cell_has_no_bound():
    """A correction of 0 beside a withheld zero does not pin it: a change can be negative."""
    values = {"final": 5, "year": 5, "other": 0, "change": 0}
    relations = [[("final", 1), ("year", -1), ("other", -1), ("change", -1)]]
    hidden = {"other", "change"}
    assert determined(hidden, relations, values) == hidden
    assert determined(hidden, relations, values, signed={"change"}) == set()
    assert attacked(hidden, relations, values, signed={"change"}) == set()


def test_a_zero_is_given_up_instead_of_a_count_where_it_protects_as_well():
    """Total 9 = a 2 + b 0 + c 0 + d 7: withholding a zero leaves a anywhere in 0..2."""
    values = {"total": 9, "a": 2, "b": 0, "c": 0, "d": 7}
    relations = [[("total", 1), ("a", -1), ("b", -1), ("c", -1), ("d", -1)]]
    found = protect_linked(values, relations, 5)
    assert len(found.secondary) == 1
    assert values[next(iter(found.secondary))] == 0
    assert attacked(found.withheld, relations, values) == set()


def test_zeros_that_would_give_each_other_away_are_not_withheld():
    """Two years of zeros and one with 1 and 5: the final equals that year, so its cells
    and their margins are withheld; a cycle of zeros would protect nothing (their sums
    are known to be 0), so none is withheld."""
    values, relations = linked_years([[[0, 0], [0, 0]], [[0, 0], [0, 0]], [[0, 0], [1, 5]]])
    found = protect_linked(values, relations, 5)
    assert all(values[c] > 0 for c in found.withheld)
    assert found.withheld == {
        (y, *cell) for y in (2, "final") for cell in ((1, 0), (1, 1), ("*", 0), ("*", 1))
    }
    assert attacked(found.withheld, relations, values) == set()


def test_a_change_that_may_be_negative_is_withheld_by_its_size():
    """Leavers 270 in the final report, 0 + 84 + 106 + 81 in the years: the change −1 is small."""
    values = {"final": 270, "y1": 0, "y2": 84, "y3": 106, "y4": 81, "change": -1}
    relations = [[("final", 1), *((y, -1) for y in ("y1", "y2", "y3", "y4")), ("change", -1)]]
    with pytest.raises(ValueError, match="negative"):
        protect_linked(values, relations, 5)
    found = protect_linked(values, relations, 5, signed={"change"})
    assert found.primary == {"change"}
    assert found.secondary == {"y3"} or len(found.secondary) == 1
    assert attacked(found.withheld, relations, values, signed={"change"}) == set()


def test_a_cell_never_shown_is_protected_when_small_but_not_counted():
    """A change applied but not listed: withheld always; a small one must not be derivable."""
    values = {"final": 30, "year": 31, "change": -1}
    relations = [[("final", 1), ("year", -1), ("change", -1)]]
    found = protect_linked(values, relations, 5, signed={"change"}, unshown={"change"})
    assert "change" not in found.withheld
    assert found.cells == 2
    assert len(found.withheld) == 1
    hidden = set(found.withheld) | {"change"}
    assert attacked(hidden, relations, values, signed={"change"}) == set()


def test_a_count_withheld_in_one_year_does_not_fall_out_of_the_final_total():
    """Final minus the other years would give it: a second year's cell is withheld too."""
    years = [[[3, 10], [12, 20]], [[8, 9], [15, 30]], [[6, 7], [11, 40]]]
    values, relations = linked_years(years)
    found = protect_linked(values, relations, 5)
    assert (0, 0, 0) in found.primary
    assert derivable(found.withheld, relations) == set()


def test_the_smallest_cell_that_protects_is_chosen_not_a_large_one():
    """A gender table: a small "other" cell is protected by a small cell, not by women's 80."""
    values, relations = table([[80, 60, 2], [90, 70, 6]])
    found = protect_linked(values, relations, 5)
    assert found.primary == {(0, 2)}
    assert (0, 0) not in found.withheld
    assert (1, 0) not in found.withheld
    assert found.secondary == {(1, 2), (0, 1), (1, 1)}  # a rectangle of the smallest counts
    assert derivable(found.withheld, relations) == set()


def test_cells_already_published_stay_as_they_were():
    """The 2016 report is out: its shown cells stay shown, and 2017 is protected against it."""
    years = [[[3, 10], [12, 20]], [[8, 9], [15, 30]]]
    values, relations = linked_years(years)
    first = protect_linked(
        {k: v for k, v in values.items() if k[0] == 0},
        [r for r in relations if all(k[0] == 0 for k, _ in r)],
        5,
    )
    fixed = {k: k not in first.withheld for k in values if k[0] == 0}
    found = protect_linked(values, relations, 5, fixed=fixed)
    assert {k for k in found.withheld if k[0] == 0} == set(first.withheld)
    assert derivable(found.withheld, relations) == set()


def test_zeros_are_shown_and_nothing_is_withheld_without_small_counts():
    values, relations = table([[0, 10], [12, 0]])
    assert protect_linked(values, relations, 5).withheld == set()


@pytest.mark.parametrize("threshold", [0, -1])
def test_a_threshold_below_one_is_refused(threshold):
    with pytest.raises(ValueError, match="threshold"):
        protect_linked({"a": 1}, [], threshold)


def test_negative_counts_and_unknown_cells_are_refused():
    with pytest.raises(ValueError, match="negative"):
        protect_linked({"a": -1}, [], 5)
    with pytest.raises(ValueError, match="no value"):
        protect_linked({"a": 1}, [[("a", 1), ("b", -1)]], 5)


@settings(max_examples=60, deadline=None)
@given(grids, st.integers(2, 6))
def test_no_withheld_count_of_a_table_can_be_derived_and_none_is_withheld_needlessly(
    cells, threshold
):
    values, relations = table(cells)
    found = protect_linked(values, relations, threshold)
    assert found.primary == {k for k, v in values.items() if 0 < v < threshold}
    assert derivable(found.withheld, relations) == set()
    assert attacked(found.withheld, relations, values) == set()
    for cell in found.secondary:
        assert attacked(found.withheld - {cell}, relations, values, first=True), cell


@settings(max_examples=30, deadline=None)
@given(
    st.tuples(st.integers(1, 3), st.integers(2, 3), st.integers(2, 3)).flatmap(
        lambda shape: st.lists(
            st.lists(
                st.lists(counts, min_size=shape[2], max_size=shape[2]),
                min_size=shape[1],
                max_size=shape[1],
            ),
            min_size=shape[0] + 1,
            max_size=shape[0] + 1,
        )
    )
)
def test_no_withheld_count_of_linked_annual_and_final_tables_can_be_derived(years):
    values, relations = linked_years(years)
    found = protect_linked(values, relations, 5)
    assert derivable(found.withheld, relations) == set()
    assert attacked(found.withheld, relations, values) == set()
    for cell in found.secondary:
        assert attacked(found.withheld - {cell}, relations, values, first=True), cell


@given(grids)
def test_modular_and_exact_elimination_agree(cells):
    values, relations = table(cells)
    hidden = {k for k, v in values.items() if 0 < v < 5}
    assert determined(hidden, relations) == derivable(hidden, relations)


@settings(max_examples=80, deadline=None)
@given(grids, st.data())
def test_the_audit_finds_what_the_attackers_linear_programmes_find(cells, data):
    """Any withheld set, zeros included: the library's audit equals the LP attack."""
    values, relations = table(cells)
    hidden = data.draw(st.sets(st.sampled_from(sorted(values, key=repr))), label="hidden")
    assert derivable_counts(hidden, relations, values) == attacked(hidden, relations, values)


@settings(max_examples=40, deadline=None)
@given(two_by_two_years, st.data())
def test_the_audit_finds_what_the_attackers_linear_programmes_find_in_linked_tables(years, data):
    """Annual tables and their final table, any withheld set, a signed cell or two."""
    values, relations = linked_years(years)
    keys = sorted(values, key=repr)
    hidden = data.draw(st.sets(st.sampled_from(keys), min_size=1), label="hidden")
    signed = data.draw(st.sets(st.sampled_from(keys), max_size=2), label="signed")
    assert derivable_counts(hidden, relations, values, signed=signed) == attacked(
        hidden, relations, values, signed=signed
    )


def test_a_count_already_published_elsewhere_is_reported_exposed_not_refused():
    """2016 showed a total and all but one of its parts: nothing now can protect the last."""
    values = {"total": 20, "a": 17, "b": 3}
    relations = [[("total", 1), ("a", -1), ("b", -1)]]
    found = protect_linked(values, relations, 5, fixed={"total": True, "a": True})
    assert found.exposed == {"b"}
    assert "b" in found.withheld


def test_zeros_already_published_as_withheld_that_bounds_give_away_are_reported_exposed():
    """Men 10 = unemployed 10 + inactive • + employed •, all already out: both are 0."""
    values = {"men": 10, "unemployed": 10, "inactive": 0, "employed": 0}
    relations = [[("men", 1), ("unemployed", -1), ("inactive", -1), ("employed", -1)]]
    fixed = {"men": True, "unemployed": True, "inactive": False, "employed": False}
    found = protect_linked(values, relations, 5, fixed=fixed)
    assert found.exposed == {"inactive", "employed"}
    assert found.withheld == {"inactive", "employed"}


# ------------------------------------------------ the audit's parts, checked apart
#
# The audit is exact, so its faster parts must give what a slower, independent
# computation gives: the simplex in whole numbers the maximum HiGHS finds, a form
# made by deleting columns the form made afresh, and an audit made from a wider
# set's form (or from answers kept for groups met before) what the attacker's
# linear programmes find.


def _rational_form(pivots):
    """A reduced form with each row divided by its pivot's value: unique for its row space."""
    return {p: {k: Fraction(v, row[p]) for k, v in row.items()} for p, row in pivots.items()}


def _touching(relations):
    """The relations that touch a set of cells, as protect_linked gives them to its audit."""
    links = [tuple((cell, c) for cell, c in relation if c) for relation in relations]
    return lambda cells: [relation for relation in links if any(c in cells for c, _ in relation)]


def test_the_simplex_in_whole_numbers_finds_the_exact_maximum():
    """Maximise x0 + x1 with 3 x0 ≤ 2 x1, both at most 1: 5/3, at x0 = 2/3 and x1 = 1."""
    best, point = _simplex_max([1, 1], [{0: 3, 1: -2}], upper=[0, 1])
    assert best == Fraction(5, 3)
    assert point == [Fraction(2, 3), Fraction(1)]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
            st.lists(
                st.dictionaries(st.integers(0, n - 1), st.integers(-4, 4), max_size=n),
                max_size=6,
            ),
            st.sets(st.integers(0, n - 1)),
        )
    )
)
def test_the_simplex_in_whole_numbers_finds_the_maximum_highs_finds(problem):
    """Any such programme with a finite maximum: the same maximum, at a point that is exact."""
    objective, limits, capped = problem
    n = len(objective)
    capped |= {j for j, c in enumerate(objective) if c}  # so that the maximum is finite
    best, point = _simplex_max(objective, limits, upper=capped)
    rows = [[row.get(j, 0) for j in range(n)] for row in limits if row]
    bounds = [(0, 1) if j in capped else (0, None) for j in range(n)]
    highs = linprog(
        [-c for c in objective],
        A_ub=np.array(rows) if rows else None,
        b_ub=[0] * len(rows) if rows else None,
        bounds=bounds,
        method="highs",
    )
    assert highs.status == 0
    assert abs(float(best) + highs.fun) < 1e-7
    assert best == sum(c * x for c, x in zip(objective, point, strict=True))
    assert all(x >= 0 for x in point)
    assert all(point[j] <= 1 for j in capped)
    assert all(sum(v * point[j] for j, v in row.items()) <= 0 for row in limits)


def test_a_form_with_a_column_deleted_is_the_form_of_the_cells_left():
    """a + b = s (s shown) and b + c = t (t shown), all of a, b, c withheld; then b is shown.

    Afresh, a and c are each alone in a relation; from the form of all three, the row
    that led at a (a + b) loses b and stays, and b + c's row, reduced against it, is c.
    """
    relations = [[("a", 1), ("b", 1), ("s", -1)], [("b", 1), ("c", 1), ("t", -1)]]
    number = {"a": 0, "b": 1, "c": 2}
    whole = _integer_echelon(number, relations)
    assert _rational_form(whole) == {0: {0: 1, 2: -1}, 1: {1: 1, 2: 1}}  # a − c, b + c
    left = _deleted(whole, {1})
    assert _rational_form(left) == _rational_form(_integer_echelon({"a": 0, "c": 2}, relations))
    assert _rational_form(left) == {0: {0: 1}, 2: {2: 1}}
    assert whole == {0: {0: 1, 2: -1}, 1: {1: 1, 2: 1}}  # the wider form is left as it was


@settings(max_examples=80, deadline=None)
@given(grids, st.data())
def test_a_form_made_by_deleting_columns_is_the_form_made_afresh(cells, data):
    values, relations = table(cells)
    keys = sorted(values, key=repr)
    number = {cell: n for n, cell in enumerate(keys)}
    wider = data.draw(st.sets(st.sampled_from(keys), min_size=1), label="wider")
    kept = data.draw(st.sets(st.sampled_from(sorted(wider, key=repr))), label="kept")
    whole = _integer_echelon({c: number[c] for c in wider}, relations)
    made = _deleted(whole, {number[c] for c in wider - kept})
    afresh = _integer_echelon({c: number[c] for c in kept}, relations)
    assert _rational_form(made) == _rational_form(afresh)


@settings(max_examples=60, deadline=None)
@given(grids, st.data())
def test_an_audit_from_a_wider_sets_form_finds_what_the_attack_finds(cells, data):
    """Each set within the one before, audited from its form: the attacker's answer each time."""
    values, relations = table(cells)
    audit = _Audit(values, lambda cell: values[cell] == 0, _touching(relations))
    withheld = frozenset(data.draw(st.sets(st.sampled_from(sorted(values, key=repr)))))
    assert audit.fixed(withheld) == attacked(withheld, relations, values)
    while withheld:
        shown = data.draw(st.sampled_from(sorted(withheld, key=repr)), label="shown")
        smaller = withheld - {shown}
        assert audit.fixed(smaller, within=withheld) == attacked(smaller, relations, values)
        withheld = smaller


@settings(max_examples=100, deadline=None)
@given(two_by_two_years, st.data())
def test_audits_that_share_their_groups_answers_find_what_fresh_audits_find(years, data):
    """One memo over a run of withheld sets, as protect_linked keeps it: each answer as afresh.

    Each set differs from the one before by a cell withheld or shown, as protect_linked's
    trials do, so groups of cells are met again, and others like them.
    """
    values, relations = linked_years(years)
    keys = sorted(values, key=repr)
    touching = _touching(relations)
    memo = {}
    withheld = data.draw(st.sets(st.sampled_from(keys), min_size=len(keys) // 3), label="withheld")
    for _ in range(data.draw(st.integers(1, 12), label="audits")):
        shared = _determined(set(withheld), touching(withheld), values, frozenset(), memo)
        assert shared == determined(withheld, relations, values)
        withheld ^= {data.draw(st.sampled_from(keys), label="withheld or shown")}
