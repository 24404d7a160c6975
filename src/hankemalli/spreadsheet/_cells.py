"""Places in a workbook: cell addresses as Excel writes them, and the rows read (solut)."""

from __future__ import annotations

from attrs import define, field, frozen

from ._layout import Sheet
from ._problems import SheetProblem
from ._values import Cell

__all__ = ["Address", "Item", "Layout", "RelPath", "column_letter"]

RelPath = tuple[str, ...]


def column_letter(number: int) -> str:
    """The letters of column ``number`` (1 is A, 27 is AA), as Excel names it."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_ref(name: str) -> str:
    # Excel quotes a sheet name that is not one plain word: 'Service episodes'!B2.
    if name.replace("_", "").isalnum():
        return name
    return "'" + name.replace("'", "''") + "'"


@frozen(order=True)
class Address:
    """A place in the workbook: a sheet, or a cell of it (row and column from 1)."""

    index: int
    row: int
    column: int
    sheet: str = field(order=False)

    def __str__(self) -> str:
        name = _sheet_ref(self.sheet)
        if not self.row:
            return name
        return f"{name}!{column_letter(self.column)}{self.row}"


@frozen
class Layout:
    """Where a model sheet's columns are in one sheet of the workbook (shared by its rows)."""

    sheet: Sheet
    index: int
    name: str
    positions: dict[str, int]  # column key -> position (from 0)
    paths: dict[RelPath, int]  # the column's path in the row's object -> position
    anchor: int  # the position of the row's pseudonym (or first) column


@define
class Item:
    """One row of a model sheet: its values by their path in the row's object.

    Cells are addressed when asked for (:meth:`cell`, :meth:`at`), not as they are read.
    """

    layout: Layout
    number: int
    row: tuple[Cell, ...]
    values: dict[RelPath, object] = field(factory=dict)
    problems: list[tuple[RelPath, SheetProblem]] = field(factory=list)

    @property
    def sheet(self) -> Sheet:
        """The model sheet the row is of."""
        return self.layout.sheet

    @property
    def anchor(self) -> Address:
        """The row's first cell: its pseudonym, or its first column."""
        layout = self.layout
        return Address(layout.index, self.number, layout.anchor + 1, layout.name)

    def value(self, key: str) -> object:
        """The value read from the column ``key`` (None if blank or unreadable)."""
        return self.values.get(self.sheet.column(key).where)

    def raw(self, key: str) -> Cell:
        """The cell of the column ``key`` as it was read (None if the sheet lacks it)."""
        position = self.layout.positions.get(key)
        if position is None or position >= len(self.row):
            return None
        return self.row[position]

    def cell(self, key: str) -> Address:
        """The address of this row's cell in the column ``key`` (the row's first if absent)."""
        position = self.layout.positions.get(key)
        if position is None:
            return self.anchor
        layout = self.layout
        return Address(layout.index, self.number, position + 1, layout.name)

    def at(self, rel: tuple[str | int, ...]) -> Address:
        """The cell a path inside the row's object came from (the nearest one it has)."""
        layout = self.layout
        for length in range(len(rel), 0, -1):
            position = layout.paths.get(rel[:length])  # type: ignore[arg-type]
            if position is None:
                position = next(
                    (p for path, p in layout.paths.items() if path[:length] == rel[:length]), None
                )
            if position is not None:
                return Address(layout.index, self.number, position + 1, layout.name)
        return self.anchor
