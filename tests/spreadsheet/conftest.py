"""Helpers for filling a workbook as a person would: by header, from the drop-down lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")


class Sheet:
    """One sheet of a workbook opened for filling in, its columns found by header."""

    def __init__(self, workbook: Any, name: str) -> None:
        self.workbook = workbook
        self.ws = workbook[name]
        self.headers = {cell.value: cell.column for cell in self.ws[1] if cell.value}

    def options(self, header: str) -> list[str]:
        """The choices of the drop-down list on the column ``header``, as Excel shows them."""
        column = self.headers[header]
        letter = openpyxl.utils.get_column_letter(column)
        for validation in self.ws.data_validations.dataValidation:
            if any(f"{letter}2" in str(r) for r in validation.sqref.ranges):
                return resolve(self.workbook, validation.formula1)
        raise AssertionError(f"no drop-down list on {header!r}")

    def row(self, values: dict[str, object]) -> int:
        """Fill the next empty row with ``values`` by header; a text in a column that has a
        drop-down list must be one of its choices, as Excel enforces. Return the row."""
        row = self.ws.max_row + 1
        while row > 2 and all(
            self.ws.cell(row=row - 1, column=c).value is None for c in self.headers.values()
        ):
            row -= 1
        for header, value in values.items():
            if header not in self.headers:
                raise AssertionError(f"no column {header!r}; have {sorted(self.headers)}")
            if isinstance(value, str) and self.has_list(header):
                assert value in self.options(header), (header, value, self.options(header))
            self.ws.cell(row=row, column=self.headers[header], value=value)
        return row

    def has_list(self, header: str) -> bool:
        letter = openpyxl.utils.get_column_letter(self.headers[header])
        return any(
            any(f"{letter}2" in str(r) for r in v.sqref.ranges)
            for v in self.ws.data_validations.dataValidation
        )


def resolve(workbook: Any, formula: str) -> list[str]:
    """The values of a list formula such as ``='Luettelot'!$A$2:$A$14``."""
    reference = formula.lstrip("=")
    name, _, cells = reference.rpartition("!")
    ws = workbook[name.strip("'")]
    return [cell.value for (cell,) in ws[cells.replace("$", "")]]


@pytest.fixture
def template(tmp_path: Path) -> Path:
    from hankemalli.spreadsheet import write_template

    path = tmp_path / "osallistujat.xlsx"
    write_template(path, "fi")
    return path


@pytest.fixture
def opened() -> Any:
    """Open a workbook's sheet for filling in: ``opened(workbook, "Osallistujat")``."""
    return Sheet


#: A small valid workbook, sheet by sheet, each a list of rows (the header first).
BASE: dict[str, list[list[object]]] = {
    "Hanke": [
        ["Tunnus", "testi"],
        ["Nimi", "Testihanke"],
        ["Toteuttaja", "Testiyhdistys ry"],
        ["Alkaa", "1.1.2016"],
        ["Päättyy", "31.12.2018"],
    ],
    "Osallistujat": [
        ["Pseudonyymi", "Ikä tullessa", "Sukupuoli", "Työmarkkina-asema"],
        ["K-1", 30, "nainen", "Työtön"],
        ["K-2", 41, "mies", "Työllinen"],
    ],
    "Osallistumisjaksot": [
        ["Pseudonyymi", "Aloituspäivä", "Päättymispäivä", "Päättymisen syy"],
        ["K-1", "1.2.2016", "30.6.2016", "Työllistyi"],
        ["K-2", "1.3.2016", None, None],
    ],
}


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        for row in rows:
            ws.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def book(tmp_path: Path) -> Any:
    """Write a workbook of BASE with ``changes`` (a sheet's rows, or None to drop it)."""

    def make(changes: dict[str, list[list[object]] | None] | None = None, name: str = "b.xlsx"):
        sheets = {key: [list(row) for row in rows] for key, rows in BASE.items()}
        for key, rows in (changes or {}).items():
            if rows is None:
                sheets.pop(key, None)
            else:
                sheets[key] = rows
        return _book(tmp_path / name, sheets)

    return make


@pytest.fixture
def refused() -> Any:
    """Read a workbook that must be refused: its problems, every one told (none held back)."""
    from hankemalli import DataError
    from hankemalli.spreadsheet import SheetProblem, read_workbook

    def read(path: Path, mapping: Any = None) -> list[SheetProblem]:
        with pytest.raises(DataError) as caught:
            read_workbook(path, mapping)
        details = list(caught.value.details)
        assert all(isinstance(found, SheetProblem) for found in details)
        assert caught.value.count == len(details)  # every problem told at once
        return details  # type: ignore[return-value]

    return read
