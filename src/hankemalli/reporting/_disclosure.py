"""Disclosure control for published tables (tietosuoja, pienten lukujen suojaus).

Small counts about vulnerable people can identify them. A table's cells and
totals below the threshold (default 5) are suppressed (primary suppression), and
further cells are suppressed until no suppressed cell can be worked out from the
published ones and the row and column totals (secondary suppression): the
suppressed cells never form a linear system with a unique solution for any one
of them, even with the bounds that counts are not negative. Zeros are published;
they identify no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from attrs import frozen

from ._linked import determined

__all__ = ["DEFAULT_THRESHOLD", "ProtectedGrid", "determined_cells", "protect"]

#: The usual threshold: counts from 1 to 4 are not published.
DEFAULT_THRESHOLD = 5

Cell = tuple[int, int]


@frozen(kw_only=True)
class ProtectedGrid:
    """A table with its totals after suppression: ``None`` marks a withheld cell.

    ``values`` has a row per table row, then the column-totals row if there is
    one; each row has the cells, then the row total if there is one.
    """

    values: tuple[tuple[int | None, ...], ...]
    row_totals: bool
    column_totals: bool

    @property
    def suppressed(self) -> int:
        """How many cells are withheld."""
        return sum(v is None for row in self.values for v in row)


def _grid(cells: Sequence[Sequence[int]], row_totals: bool, column_totals: bool) -> list[list[int]]:
    grid = [list(row) for row in cells]
    if row_totals:
        for row in grid:
            row.append(sum(row))
    if column_totals:
        width = len(grid[0]) if grid else 0
        grid.append([sum(row[j] for row in grid) for j in range(width)])
    return grid


def _constraints(
    rows: int, cols: int, row_totals: bool, column_totals: bool
) -> list[dict[Cell, int]]:
    """The linear relations between the cells of the full grid, as coefficient maps."""
    inner_cols = cols - 1 if row_totals else cols
    inner_rows = rows - 1 if column_totals else rows
    relations: list[dict[Cell, int]] = []
    if row_totals:
        for i in range(rows):
            relation = {(i, j): 1 for j in range(inner_cols)}
            relation[(i, inner_cols)] = -1
            relations.append(relation)
    if column_totals:
        for j in range(cols):
            relation = {(i, j): 1 for i in range(inner_rows)}
            relation[(inner_rows, j)] = -1
            relations.append(relation)
    return relations


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [row[:] for row in rows]
    rank = 0
    width = len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][col] != 0:
                factor = matrix[r][col] / matrix[rank][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


def determined_cells(
    hidden: set[Cell], rows: int, cols: int, *, row_totals: bool, column_totals: bool
) -> list[Cell]:
    """The hidden cells whose value the published cells and the totals fix exactly.

    A hidden cell is determined when its unit vector lies in the row space of the
    relations restricted to the hidden cells.
    """
    unknowns = sorted(hidden)
    index = {cell: k for k, cell in enumerate(unknowns)}
    matrix = [
        [Fraction(relation.get(cell, 0)) for cell in unknowns]
        for relation in _constraints(rows, cols, row_totals, column_totals)
        if any(cell in index for cell in relation)
    ]
    base = _rank(matrix)
    found = []
    for cell in unknowns:
        unit = [Fraction(int(other == cell)) for other in unknowns]
        if _rank([*matrix, unit]) == base:
            found.append(cell)
    return found


def protect(
    cells: Sequence[Sequence[int]],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    row_totals: bool = True,
    column_totals: bool = True,
) -> ProtectedGrid:
    """Suppress small counts, then enough others that none can be recovered by subtraction.

    Cells and totals from 1 to ``threshold - 1`` are withheld; then, while some
    withheld cell is fixed by the rest, the other three corners of a rectangle
    through it are withheld too (fewest totals, then fewest zeros, then the
    smallest sum), which closes a cycle no subtraction can open.
    """
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1, got {threshold}")
    if any(value < 0 for row in cells for value in row):
        raise ValueError("counts cannot be negative")
    grid = _grid(cells, row_totals, column_totals)
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    hidden = {(i, j) for i in range(rows) for j in range(cols) if 0 < grid[i][j] < threshold}
    inner_rows = rows - 1 if column_totals else rows
    inner_cols = cols - 1 if row_totals else cols

    def is_total(c: Cell) -> bool:
        return c[0] >= inner_rows or c[1] >= inner_cols

    values = {(i, j): grid[i][j] for i in range(rows) for j in range(cols)}
    relations = (
        [list(relation.items()) for relation in _constraints(rows, cols, row_totals, column_totals)]
        if hidden
        else []  # nothing withheld: nothing to work out (the funder's edition)
    )
    while hidden:
        # Linear algebra, and bounds: withheld zeros whose sum is known to be 0
        # give each other away (hankemalli.reporting.derivable_counts).
        exposed = sorted(determined(hidden, relations, values))
        if not exposed:
            break
        i, j = exposed[0]
        # Close a cycle through the exposed cell: withhold the rest of a rectangle
        # (two rows, two columns), choosing the one that costs least information.
        best: tuple[tuple[int, int, int], set[Cell]] | None = None
        for r in range(rows):
            for c in range(cols):
                if r == i or c == j:
                    continue
                new = {(i, c), (r, j), (r, c)} - hidden
                if not new:
                    continue
                cost = (
                    sum(is_total(x) for x in new),
                    sum(grid[x[0]][x[1]] == 0 for x in new),
                    sum(grid[x[0]][x[1]] for x in new),
                )
                if best is None or cost < best[0]:
                    best = (cost, new)
        if best is None:
            # A single row or column: withhold a second cell of it, the cheapest.
            line = [(i, c) for c in range(cols)] if rows == 1 else [(r, j) for r in range(rows)]
            rest = sorted(
                (c for c in line if c not in hidden),
                key=lambda c: (is_total(c), grid[c[0]][c[1]] == 0, grid[c[0]][c[1]]),
            )
            if not rest:
                break
            best = ((0, 0, 0), {rest[0]})
        hidden |= best[1]
    return ProtectedGrid(
        values=tuple(
            tuple(None if (i, j) in hidden else grid[i][j] for j in range(cols))
            for i in range(rows)
        ),
        row_totals=row_totals,
        column_totals=column_totals,
    )
