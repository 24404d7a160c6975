"""Opening a workbook: an Excel file through openpyxl, or CSV files with the standard library.

A workbook is read as its sheets, each a name and its rows of cells. An Excel
workbook (``.xlsx``) is read with the values Excel last computed for its formulas.
CSV files are one sheet each, named by the file's name without ``.csv``: a folder
of them, one file, or several files given together. A CSV file is UTF-8 (with or
without the byte order mark Excel writes) and its columns are separated by
semicolons (as Excel saves CSV in Finnish), commas or tabs: the first of these
that the first line has.
"""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from attrs import frozen

from ..model import DataError, Problem
from ..model._errors import shown
from ._problems import problem
from ._values import Cell

__all__ = ["RawSheet", "Source", "load", "module", "require_openpyxl"]

#: What a workbook is read from: an Excel file, a CSV file or folder, or CSV files.
Source = str | PathLike[str] | Sequence[str | PathLike[str]]

_SEPARATORS = (";", ",", "\t")


@frozen
class RawSheet:
    """One sheet as it was read: its name and its rows of cells, from row 1."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]


def require_openpyxl() -> Any:
    """The openpyxl module, or an ImportError that says how to install it."""
    return module("openpyxl")


def module(name: str) -> Any:
    """The module ``name`` of openpyxl, or an ImportError that says how to install it.

    Imported by name, untyped: openpyxl ships no type hints.
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "Excel workbooks need openpyxl: pip install 'hankemalli[spreadsheet]' "
            "(CSV files need nothing more)"
        ) from exc


def load(source: Source) -> list[RawSheet]:
    """The sheets of ``source``; :class:`OSError` if a file cannot be opened.

    Raises :class:`DataError` if a file is not a workbook or CSV file that can be read.
    """
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.is_dir():
            files = sorted(path.glob("*.csv"))
        elif path.suffix.lower() == ".csv":
            files = [path]
        else:
            return _xlsx(path)
    else:
        files = [Path(file) for file in source]
    sheets: list[RawSheet] = []
    problems: list[Problem] = []
    for file in files:
        try:
            sheets.append(_csv(file))
        except DataError as error:  # every file is read, and every problem told
            problems.extend(error.details)
    if problems:
        raise DataError(problems)
    return sheets


def _xlsx(path: Path) -> list[RawSheet]:
    openpyxl = require_openpyxl()
    with path.open("rb") as file:  # an OSError here is the caller's: the file cannot be read
        try:
            workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
        except MemoryError:  # pragma: no cover
            raise
        except Exception as exc:  # a zip that is no workbook, broken XML, …
            reason = f"{type(exc).__name__}: {shown(str(exc), 120)}"
            raise DataError([problem("sheet.not_a_workbook", path.name, reason=reason)]) from None
        try:
            return [
                RawSheet(name=sheet.title, rows=tuple(_rows(sheet)))
                for sheet in workbook.worksheets
            ]
        finally:
            workbook.close()


def _rows(sheet: Any) -> list[tuple[Cell, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _csv(path: Path) -> RawSheet:
    data = path.read_bytes()
    name = path.stem
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            [problem("sheet.csv_encoding", name, position=str(exc.start + 1))]
        ) from None
    first = text.split("\n", 1)[0]
    separator = next((s for s in _SEPARATORS if s in first), ";")
    try:
        rows = [
            tuple(None if cell == "" else cell for cell in row)
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        ]
    except csv.Error as exc:
        raise DataError([problem("sheet.csv_format", name, reason=shown(str(exc), 120))]) from None
    return RawSheet(name=name, rows=tuple(rows))
