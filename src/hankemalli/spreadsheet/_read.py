"""Reading a workbook into a dataset: every problem at its cell and its JSON path.

The workbook is turned into the JSON document form (:mod:`._assemble`) and read
with :mod:`hankemalli.serialization`, so every rule of the model applies. The
problems of the cells themselves and those the model finds in the document are
reported together, in the order of the workbook's sheets, rows and columns. Once a
cell cannot be read, the model's rules about the object it belongs to (a period, a
profile, the programme) are checked when it is fixed: what they said now would be
about the gap, not about the data. The rules of the objects inside it (the
programme's funders) are not held back, nor are any for a missing sheet but its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from pathlib import Path

from ..model import DataError, Dataset, Problem
from ..serialization import from_dict
from ._assemble import Builder
from ._mapping import ColumnMapping, read_mapping
from ._problems import SheetProblem
from ._rows import Reading
from ._source import RawSheet, Source, load

__all__ = ["MappingLike", "read_document", "read_workbook"]

#: A column mapping: a :class:`ColumnMapping`, its dict form, or a TOML or JSON file.
MappingLike = ColumnMapping | Mapping[str, object] | str | PathLike[str]


def _mapping(mapping: MappingLike | None) -> ColumnMapping:
    if mapping is None:
        return ColumnMapping()
    if isinstance(mapping, ColumnMapping):
        return mapping
    if isinstance(mapping, str | PathLike):
        return read_mapping(Path(mapping))
    return ColumnMapping.from_dict(dict(mapping))


def read_document(
    source: Source, mapping: MappingLike | None = None
) -> tuple[dict[str, object], Builder, list[SheetProblem]]:
    """The JSON document of a workbook, how its paths map to cells, and the cells' problems."""
    reading = Reading(load(source), _mapping(mapping))
    reading.read()
    builder = Builder(reading)
    document = builder.build()
    return document, builder, [*reading.problems, *builder.problems]


def read_workbook(source: Source, mapping: MappingLike | None = None) -> Dataset:
    """Read a workbook filled in by an association as a dataset (aineisto taulukosta).

    ``source`` is an Excel workbook (``.xlsx``), a CSV file, a folder of CSV files
    (one per sheet, named as the sheets) or a list of CSV files. ``mapping`` tells
    how to read the association's own sheets (:class:`ColumnMapping`, its dict
    form, or a TOML or JSON file; see docs/spreadsheets.md).

    Raises :class:`DataError` with every problem, each a :class:`SheetProblem`
    naming its cell (``Osallistujat!C14``) and its JSON path, with its message in
    Finnish, Swedish or English (:meth:`SheetProblem.text`); :class:`OSError` if a
    file cannot be opened; :class:`ImportError` for an Excel file without openpyxl.
    """
    document, builder, problems = read_document(source, mapping)
    model: list[Problem] = []
    count = 0
    try:
        dataset = from_dict(document, Dataset)
    except DataError as error:
        model, count = list(error.details), error.count
    else:
        if not problems:
            return dataset
    gaps = {_gap(found) for found in problems if found.path}
    told = list(problems)
    for found in model:
        if any(_about(found.path, gap) for gap in gaps):
            count -= 1  # about a gap a cell problem already tells of
        else:
            told.append(_at_cell(found, builder))
    order = _Order(builder.reading.raws)
    told.sort(key=order.key)
    raise DataError(told, count=len(problems) + count)


def _gap(found: SheetProblem) -> tuple[str | int, ...]:
    """The object a sheet problem leaves a gap in.

    A missing sheet leaves out its own object, and a cell that is a whole item of a
    list (an operating model, a stage) that item; any other cell, the object it is a
    field of.
    """
    path = found.path
    if found.code == "sheet.missing_sheet" or isinstance(path[-1], int):
        return path
    return path[:-1]


def _about(path: tuple[str | int, ...], gap: tuple[str | int, ...]) -> bool:
    """Whether the model's problem at ``path`` is about the object ``gap`` or one of its fields.

    Not about the objects inside it: a funder's problem is told though the programme's
    start date cannot be read, and every participant's though the programme is missing.
    """
    return len(path) <= len(gap) + 1 and tuple(path[: len(gap)]) == gap


def _at_cell(found: Problem, builder: Builder) -> SheetProblem:
    """The model's ``found`` at the cell its path came from (the nearest that has one)."""
    address = builder.address(tuple(found.path))
    return SheetProblem(
        path=found.path,
        message=found.message,
        code=found.code,
        params=found.params,
        cell=None if address is None else str(address),
    )


class _Order:
    """The workbook's order of problems: by sheet, row and column; those without a cell last."""

    def __init__(self, raws: list[RawSheet]) -> None:
        self.index = {raw.name: index for index, raw in enumerate(raws)}

    def key(self, found: SheetProblem) -> tuple[int, int, int, int]:
        cell = found.cell
        if cell is None:
            return (1, 0, 0, 0)
        name, _, ref = cell.rpartition("!")
        if not name:  # a whole sheet
            name, ref = cell, ""
        if name.startswith("'") and name.endswith("'"):
            name = name[1:-1].replace("''", "'")
        letters = ref.rstrip("0123456789")
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - ord("A") + 1
        row = int(ref[len(letters) :] or 0)
        return (0, self.index.get(name, len(self.index)), row, column)
