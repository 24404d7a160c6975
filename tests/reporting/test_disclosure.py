"""Disclosure control: small counts withheld, and no withheld cell recoverable by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli.reporting import determined_cells, protect
from hankemalli.reporting._disclosure import _constraints

from .test_linked import attacked


def recover_by_subtraction(values, row_totals, column_totals):
    """The attack: in any row or column with one unknown, subtract; repeat until stuck."""
    grid = [list(row) for row in values]
    rows, cols = len(grid), len(grid[0])
    inner_rows = rows - 1 if column_totals else rows
    inner_cols = cols - 1 if row_totals else cols
    lines = []
    if row_totals:
        lines += [([(i, j) for j in range(inner_cols)], (i, inner_cols)) for i in range(rows)]
    if column_totals:
        lines += [([(i, j) for i in range(inner_rows)], (inner_rows, j)) for j in range(cols)]
    recovered = {}
    progress = True
    while progress:
        progress = False
        for parts, total in lines:
            cells = [*parts, total]
            unknown = [c for c in cells if grid[c[0]][c[1]] is None]
            if len(unknown) != 1:
                continue
            (i, j) = unknown[0]
            known = sum(grid[a][b] for a, b in parts if (a, b) != (i, j))
            value = known if (i, j) == total else grid[total[0]][total[1]] - known
            grid[i][j] = value
            recovered[(i, j)] = value
            progress = True
    return recovered


def test_small_counts_are_withheld_and_a_second_cell_protects_each():
    grid = protect([[10, 2, 7], [8, 9, 12], [6, 11, 3]])
    assert grid.values == (
        (10, None, None, 19),
        (8, 9, 12, 29),
        (6, None, None, 20),
        (24, 22, 22, 68),
    )
    assert recover_by_subtraction(grid.values, True, True) == {}


def test_zeros_are_published_and_a_small_total_is_withheld():
    grid = protect([[0, 3], [0, 1]], row_totals=True, column_totals=True)
    assert grid.values[0][0] == 0
    assert grid.values[0][2] is None  # the row total 3
    assert recover_by_subtraction(grid.values, True, True) == {}


def test_a_one_column_distribution_with_its_total():
    grid = protect([[3], [10], [12]], row_totals=False, column_totals=True)
    assert grid.values == ((None,), (None,), (12,), (25,))


def test_the_threshold_is_configurable():
    assert protect([[3, 10]], 3, column_totals=False).values == ((3, 10, 13),)
    assert protect([[3, 10]], 1, column_totals=False).values == ((3, 10, 13),)


def test_linear_algebra_finds_what_subtraction_finds():
    # One hidden cell in a row with a published total is determined.
    assert determined_cells({(0, 0)}, 2, 3, row_totals=True, column_totals=True) == [(0, 0)]


tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 30), min_size=cols, max_size=cols), min_size=rows, max_size=rows
        )
    )
)


@given(tables, st.integers(1, 10), st.booleans(), st.booleans())
def test_no_withheld_cell_can_be_recovered_and_no_small_count_is_published(
    cells, threshold, rows, cols
):
    grid = protect(cells, threshold, row_totals=rows, column_totals=cols)
    published = [v for row in grid.values for v in row if v is not None]
    assert all(v == 0 or v >= threshold for v in published)
    assert recover_by_subtraction(grid.values, rows, cols) == {}
    hidden = {(i, j) for i, row in enumerate(grid.values) for j, v in enumerate(row) if v is None}
    height, width = len(grid.values), len(grid.values[0])
    assert determined_cells(hidden, height, width, row_totals=rows, column_totals=cols) == []


#: Sparse tables of small counts and zeros: where withheld zeros can give each other away.
sparse_tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(
            st.lists(st.sampled_from([0, 0, 0, 1, 2, 3, 7, 10]), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


def test_withheld_zeros_of_a_column_summing_to_zero_are_not_the_protection():
    """3 and 7 in one column, zeros in the other: the rectangle through the 3 and the
    zeros protects nothing (the zeros' column total 0 tells both are 0, and then the 3
    is its row's total), so more is withheld until no count can be worked out."""
    grid = protect([[3, 0], [7, 0]])
    hidden = {(i, j) for i, row in enumerate(grid.values) for j, v in enumerate(row) if v is None}
    assert (0, 0) in hidden
    full = ((3, 0, 3), (7, 0, 7), (10, 0, 10))
    values = {(i, j): v for i, row in enumerate(full) for j, v in enumerate(row)}
    relations = [list(r.items()) for r in _constraints(3, 3, row_totals=True, column_totals=True)]
    assert attacked(hidden, relations, values) == set()
    assert attacked({(0, 0), (0, 1), (1, 0), (1, 1)}, relations, values) == {
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    }


@settings(max_examples=300)
@given(
    st.one_of(sparse_tables, sparse_tables, tables),
    st.sampled_from([3, 5, 5, 10]),
    st.booleans(),
    st.booleans(),
)
def test_no_withheld_cell_falls_to_the_attackers_linear_programmes(cells, threshold, rows, cols):
    """With bounds too: withheld zeros whose sum is known to be 0 would give each other away."""
    grid = protect(cells, threshold, row_totals=rows, column_totals=cols)
    full = protect(cells, 1, row_totals=rows, column_totals=cols).values
    height, width = len(full), len(full[0])
    values = {(i, j): full[i][j] for i in range(height) for j in range(width)}
    relations = [
        list(r.items()) for r in _constraints(height, width, row_totals=rows, column_totals=cols)
    ]
    hidden = {(i, j) for i, row in enumerate(grid.values) for j, v in enumerate(row) if v is None}
    assert attacked(hidden, relations, values) == set()


@given(tables, st.integers(1, 10))
def test_published_cells_keep_their_true_values(cells, threshold):
    grid = protect(cells, threshold)
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            assert grid.values[i][j] in (None, value)
