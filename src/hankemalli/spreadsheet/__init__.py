"""The spreadsheet workflow (taulukkotyökalu): participants in Excel or CSV files, in and out.

Associations keep their participants in Excel. :func:`write_template` writes an
empty workbook to fill in, in Finnish, Swedish or English: instructions, one sheet
per kind of row (the programme; the participants with their entry profile; their
periods, service episodes, situations, events and assessments, linked by the
pseudonym; funders, targets, partners and instruments), and a drop-down list for
every code. :func:`read_workbook` reads a filled workbook (or CSV files) as a
:class:`~hankemalli.Dataset` through the JSON form, so every rule of the model
applies; each problem is a :class:`SheetProblem` naming its cell
(``Osallistujat!C14``) and its JSON path, with its message in three languages. A
:class:`ColumnMapping` reads the sheet an association already has, with its own
headers and words. :func:`write_workbook` writes a dataset as such a workbook.

Excel files need openpyxl: ``pip install "hankemalli[spreadsheet]"``; CSV files need
nothing more. See docs/spreadsheets.md.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from ..model import Dataset
from ._layout import LAYOUT
from ._mapping import ColumnMapping, SheetMapping, read_mapping
from ._problems import SHEET_MESSAGES, SheetProblem
from ._read import read_workbook
from ._write import dataset_rows
from ._xlsx import template_sheets, write_csv, write_xlsx

__all__ = [
    "LANGUAGES",
    "SHEET_MESSAGES",
    "ColumnMapping",
    "SheetMapping",
    "SheetProblem",
    "read_mapping",
    "read_workbook",
    "sheet_keys",
    "write_template",
    "write_workbook",
]

#: The languages a workbook's sheets, headers and lists can be written in.
LANGUAGES = ("fi", "sv", "en")


def _target(path: str | PathLike[str], language: str) -> tuple[Path, bool]:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of fi, sv, en, not {language!r}")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ""):
        raise ValueError(
            f"write an Excel workbook (a name ending .xlsx) or a folder of CSV files "
            f"(a name without a suffix), not {target.name!r}"
        )
    return target, suffix == ".xlsx"


def write_template(path: str | PathLike[str], language: str = "fi") -> None:
    """Write an empty workbook for an association to fill in (täytettävä taulukkopohja).

    ``path`` ending in ``.xlsx`` is an Excel workbook with instructions, headers
    (each with a comment saying what to write) and drop-down lists; a path without
    a suffix is a folder of CSV files, one per sheet, with the headers only.
    ``language`` is ``"fi"``, ``"sv"`` or ``"en"``.
    """
    target, excel = _target(path, language)
    sheets = template_sheets(language)
    if excel:
        write_xlsx(target, language, sheets)
    else:
        write_csv(target, language, sheets)


def write_workbook(dataset: Dataset, path: str | PathLike[str], language: str = "fi") -> None:
    """Write ``dataset`` as a workbook that :func:`read_workbook` reads back unchanged.

    Like :func:`write_template`, but with the dataset's rows: codes as their labels
    in ``language``, dates as date cells, the operating models in their JSON form.
    ``path`` ending in ``.xlsx`` is an Excel workbook, one without a suffix a folder
    of CSV files (every sheet's file is written; write to a new folder, or one that
    holds only the files of this workbook in this language).
    """
    target, excel = _target(path, language)
    # Every sheet has its CSV file, so that none is left from an earlier writing.
    sheets = list(dataset_rows(dataset, language, every=not excel))
    if excel:
        write_xlsx(target, language, sheets)
    else:
        write_csv(target, language, sheets)


def sheet_keys() -> tuple[str, ...]:
    """The stable keys of the model's sheets, which a column mapping may name."""
    return tuple(sheet.key for sheet in LAYOUT)
