"""Writing a workbook: the template, or a dataset's rows, as Excel (openpyxl) or CSV files.

An Excel workbook has the instructions first, then one sheet per kind of row, each
with its headers in bold (a comment on each says what to write), dates shown as
dates, and a drop-down list on every column of codes; the lists are on a hidden
sheet of their own. Files are written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._files import write_atomically
from ..indicators import Labels
from ._cells import column_letter
from ._labels import EVENT_LABELS, SITUATION_LABELS, vocabularies
from ._layout import INSTRUCTIONS_SHEET, LAYOUT, LISTS_SHEET, Column, Kind, Sheet
from ._source import module, require_openpyxl
from ._template import COLUMN_HEADS, FIELD_HEAD, INSTRUCTIONS, REQUIRED, TITLE, hint
from ._values import Cell
from ._write import Rows, display_date

__all__ = ["template_sheets", "write_csv", "write_xlsx"]

_LIST_ERROR = Labels(
    fi="Valitse arvo luettelosta.",
    sv="Välj ett värde i listan.",
    en="Choose a value from the list.",
)
_DATE_FORMATS = {"fi": "d.m.yyyy", "sv": "d.m.yyyy", "en": "yyyy-mm-dd"}
_LAST_ROW = 1_048_576  # Excel's last row: a drop-down covers the whole column


def _vocabulary_name(sheet: Sheet, column: Column) -> str | None:
    if column.kind is Kind.BOOLEAN:
        return "boolean"
    if column.kind is Kind.TAG:
        return "situation" if sheet.key == "situations" else "event"
    if column.kind is Kind.CODE and column.codes is not None:
        return column.codes.__name__
    return None


def _kinds(sheet: Sheet, column: Column, language: str) -> str:
    labels = SITUATION_LABELS if sheet.key == "situations" else EVENT_LABELS
    return ", ".join(labels[tag].get(language) for tag in column.only_for)


class _Writer:
    def __init__(self, language: str) -> None:
        self.openpyxl = require_openpyxl()
        styles = module("openpyxl.styles")
        self.comment_class = module("openpyxl.comments").Comment
        self.alignment = styles.Alignment
        self.font = styles.Font
        self.validation = module("openpyxl.worksheet.datavalidation").DataValidation
        self.bold = self.font(bold=True)
        self.language = language
        self.workbook = self.openpyxl.Workbook()
        self.lists: dict[str, str] = {}
        self.lists_name = LISTS_SHEET.get(language)

    def list_range(self, name: str) -> str:
        """The cells of the drop-down list ``name`` on the lists sheet."""
        if name not in self.lists:
            letter = column_letter(len(self.lists) + 1)
            count = len(vocabularies()[name].values)
            self.lists[name] = f"'{self.lists_name}'!${letter}$2:${letter}${count + 1}"
        return self.lists[name]

    def validate(self, sheet: Any, name: str, cells: str) -> None:
        validation = self.validation(
            type="list",
            formula1=f"={self.list_range(name)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            error=_LIST_ERROR.get(self.language),
        )
        sheet.add_data_validation(validation)
        validation.add(cells)

    def comment(self, sheet: Sheet, column: Column) -> Any:
        kinds = _kinds(sheet, column, self.language) if column.only_for else ""
        return self.comment_class(
            hint(column, self.language, kinds), "hankemalli", width=300, height=120
        )

    def put(self, sheet: Any, row: int, column: int, value: Cell) -> Any:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, never a formula
        elif isinstance(value, dt.date):
            cell.number_format = _DATE_FORMATS[self.language]
        return cell

    def table(self, sheet: Sheet, rows: list[list[Cell]]) -> None:
        ws = self.workbook.create_sheet(sheet.name.get(self.language))
        for number, column in enumerate(sheet.columns, start=1):
            header = column.header.get(self.language)
            cell = ws.cell(row=1, column=number, value=header)
            cell.font = self.bold
            cell.comment = self.comment(sheet, column)
            letter = column_letter(number)
            dimension = ws.column_dimensions[letter]
            dimension.width = min(max(len(header) + 4, 14), 40)
            if column.kind is Kind.DATE:
                dimension.number_format = _DATE_FORMATS[self.language]
            elif column.kind in (Kind.TEXT, Kind.PSEUDONYM):
                dimension.number_format = "@"  # a code such as 0012 stays text
            name = _vocabulary_name(sheet, column)
            if name is not None:
                self.validate(ws, name, f"{letter}2:{letter}{_LAST_ROW}")
        ws.freeze_panes = "B2"
        for number, row in enumerate(rows, start=2):
            for position, value in enumerate(row, start=1):
                if value is not None:
                    self.put(ws, number, position, value)

    def form(self, sheet: Sheet, rows: list[list[Cell]]) -> None:
        ws = self.workbook.create_sheet(sheet.name.get(self.language))
        ws.column_dimensions["A"].width = 34
        for number, (column, row) in enumerate(zip(sheet.columns, rows, strict=True), start=1):
            label = ws.cell(row=number, column=1, value=row[0])
            label.font = self.bold
            label.comment = self.comment(sheet, column)
            for position, value in enumerate(row[1:], start=2):
                self.put(ws, number, position, value)
            name = _vocabulary_name(sheet, column)
            last = (
                column_letter(max(len(vocabularies()[name].values), len(row)) + 1) if name else "B"
            )
            if name is not None:
                self.validate(ws, name, f"B{number}:{last}{number}")
            if column.kind is Kind.DATE:
                ws.cell(row=number, column=2).number_format = _DATE_FORMATS[self.language]
        for letter in "BCDEFGH":
            ws.column_dimensions[letter].width = 24

    def instructions(self, sheets: Iterable[Sheet]) -> None:
        language = self.language
        ws = self.workbook.active
        ws.title = INSTRUCTIONS_SHEET.get(language)
        for letter, width in zip("ABC", (34, 14, 100), strict=True):
            ws.column_dimensions[letter].width = width
        title = ws.cell(row=1, column=1, value=TITLE.get(language))
        title.font = self.font(bold=True, size=14)
        row = 3
        wrap = self.alignment(wrap_text=True, vertical="top")
        for paragraph in INSTRUCTIONS:
            text = paragraph.get(language)
            cell = ws.cell(row=row, column=1, value=text)
            cell.alignment = wrap
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
            ws.row_dimensions[row].height = 15 * (len(text) // 130 + 1)
            row += 1
        for sheet in sheets:
            row += 1
            ws.cell(row=row, column=1, value=sheet.name.get(language)).font = self.bold
            note = ws.cell(row=row, column=3, value=sheet.note.get(language))
            note.alignment = wrap
            row += 1
            heads = (FIELD_HEAD, *COLUMN_HEADS[1:]) if sheet.form else COLUMN_HEADS
            for position, head in enumerate(heads, start=1):
                ws.cell(row=row, column=position, value=head.get(language)).font = self.bold
            for column in sheet.columns:
                row += 1
                kinds = _kinds(sheet, column, language) if column.only_for else ""
                ws.cell(row=row, column=1, value=column.header.get(language))
                if column.required:
                    ws.cell(row=row, column=2, value=REQUIRED.get(language))
                ws.cell(row=row, column=3, value=hint(column, language, kinds)).alignment = wrap

    def finish(self) -> bytes:
        ws = self.workbook.create_sheet(self.lists_name)
        ws.sheet_state = "hidden"
        for position, name in enumerate(self.lists, start=1):
            ws.cell(row=1, column=position, value=name)
            for number, label in enumerate(vocabularies()[name].labels(self.language), start=2):
                self.put(ws, number, position, label)
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def write_xlsx(path: Path, language: str, sheets: Iterable[Rows]) -> None:
    """Write an Excel workbook of ``sheets`` (headers, drop-downs, instructions) to ``path``."""
    writer = _Writer(language)
    written = []
    for rows in sheets:
        (writer.form if rows.sheet.form else writer.table)(rows.sheet, rows.rows)
        written.append(rows.sheet)
    writer.instructions(written)
    write_atomically(path, writer.finish())


def template_sheets(language: str) -> list[Rows]:
    """The sheets of an empty workbook: every one but the operating models', no rows."""
    return [
        Rows(sheet, [[c.header.get(language)] for c in sheet.columns] if sheet.form else [])
        for sheet in LAYOUT
        if sheet.key != "operating_models"
    ]


def write_csv(folder: Path, language: str, sheets: Iterable[Rows]) -> None:
    """Write one CSV file per sheet to ``folder``: UTF-8 with a byte order mark, semicolons."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    for rows in sheets:
        buffer = io.StringIO()
        out = csv.writer(buffer, delimiter=";")
        if not rows.sheet.form:
            out.writerow([column.header.get(language) for column in rows.sheet.columns])
        for row in rows.rows:
            out.writerow(["" if value is None else _text(value, language) for value in row])
        name = rows.sheet.name.get(language)
        write_atomically(folder / f"{name}.csv", "\ufeff" + buffer.getvalue())


def _text(value: Cell, language: str) -> str:
    if isinstance(value, dt.date):
        return display_date(value, language)
    return str(value)
