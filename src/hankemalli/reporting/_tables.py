"""Reports as tables for funders' forms: one CSV file, or an Excel workbook (taulukot).

:func:`render_csv` writes every value of a report as one row of one CSV table, in
the order of the report, so that it can be written to the standard output and read
by any program: which section and table it is in, its row and column, what kind of
value it is, and the value with the same numbers as :func:`render_json`.
:func:`render_xlsx` writes an Excel workbook for people: the report's facts on the
first sheet, then one sheet a section with its tables as the other renderers lay
them out, numbers as numbers. A withheld value is ``•`` in both, as in Markdown and
HTML; the value itself is not in the report document, so neither can leak it.

The workbook needs openpyxl, the ``spreadsheet`` extra; the CSV file only the
standard library.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import zipfile
from collections.abc import Iterator
from typing import Any, Final

from ._document import (
    Amount,
    Block,
    Cell,
    Count,
    Estimate,
    FigureList,
    Paragraph,
    Percent,
    Ratio,
    Report,
    Text,
    Withheld,
)
from ._labels import Language, text
from ._render import (
    WITHHELD,
    _cell,
    _check,
    _confidential,
    _facts,
    _json_cell,
    _label,
    _note,
    _official,
    _title,
)

__all__ = ["CSV_COLUMNS", "render_csv", "render_xlsx"]

#: The columns of :func:`render_csv`, in order.
CSV_COLUMNS: Final = (
    "section",
    "table",
    "code",
    "row",
    "column",
    "kind",
    "value",
    "numerator",
    "denominator",
    "unit",
    "source",
    "low",
    "high",
)

# Sheet names: at most 31 characters, none of these (Excel's rules).
_SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
# Every entry of the workbook's archive is dated the same, so that the same report
# gives the same bytes (the library reads no clock): 1 January 1980, the earliest
# date a zip file holds.
_ARCHIVE_DATE = (1980, 1, 1, 0, 0, 0)


# CSV ------------------------------------------------------------------------------------------


def _kind(value: Cell) -> str:
    """What a cell holds, as the ``kind`` column says it."""
    if value is None:
        return ""
    if isinstance(value, Withheld):
        return "withheld"
    if isinstance(value, Count):
        return "count"
    if isinstance(value, Ratio):
        return "share"
    if isinstance(value, Percent):
        return "percent"
    if isinstance(value, Amount):
        return "amount"
    if isinstance(value, Estimate):
        return "estimate"
    return "text"


def _csv_values(value: Cell, language: Language) -> dict[str, str]:
    """A cell's kind, value, numerator, denominator and unit: the JSON renderer's numbers."""
    kind = _kind(value)
    if isinstance(value, Withheld):
        return {"kind": kind, "value": WITHHELD}
    found = _json_cell(value, language)
    if isinstance(value, Ratio):
        return {
            "kind": kind,
            "value": str(found["percent"]),
            "numerator": str(value.numerator),
            "denominator": str(value.denominator),
        }
    if isinstance(value, Percent):
        return {"kind": kind, "value": str(found["percent"])}
    if isinstance(value, Amount):
        return {"kind": kind, "value": str(found["value"]), "unit": found["unit"] or ""}
    if isinstance(value, Estimate):
        return {
            "kind": kind,
            "value": str(found["value"]),
            "unit": found["unit"] or "",
            "low": str(found["low"]),
            "high": str(found["high"]),
        }
    return {"kind": kind, "value": "" if found is None else str(found)}


def _line(**values: str) -> list[str]:
    return [values.get(column, "") for column in CSV_COLUMNS]


def _csv_rows(report: Report, language: Language) -> Iterator[list[str]]:
    title = _title(report, language)
    # The funder's edition is marked in the first and last rows, in the columns of
    # every other row (CSV_COLUMNS stay as they are).
    marking = _confidential(report, language)
    if marking:
        yield _line(section=title, row=text("edition").get(language), kind="text", value=marking)
    for name, value in _facts(report, language):
        yield _line(section=title, row=name, kind="text", value=value)
    yield _line(section=title, kind="text", value=_note(report, language))
    for section in report.sections:
        heading = section.title.get(language)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield _line(section=heading, kind="text", value=block.text.get(language))
                continue
            table = block.title.get(language) if block.title else ""
            if isinstance(block, FigureList):
                column = text("value").get(language)
                for figure in block.rows:
                    yield _line(
                        section=heading,
                        table=table,
                        code=figure.code,
                        row=figure.label.get(language),
                        column=column,
                        source=text(str(figure.source)).get(language),
                        **_csv_values(figure.value, language),
                    )
                continue
            for row in block.rows:
                label = _label(row.label, language)
                for column_label, cell in zip(block.columns, row.cells, strict=False):
                    yield _line(
                        section=heading,
                        table=table,
                        row=label,
                        column=column_label.get(language),
                        **_csv_values(cell, language),
                    )


def render_csv(report: Report, language: str = "fi") -> str:
    """The report as one CSV table, a row a value, labels in ``language`` (fi, sv or en).

    The columns are :data:`CSV_COLUMNS`: ``section`` and ``table`` (the titles the
    value is under), ``code`` (a figure's code, as in JSON), ``row`` and ``column``
    (its labels), ``kind`` (``count``, ``share``, ``percent``, ``amount``,
    ``estimate``, ``text``, ``withheld``, or empty for an empty cell), ``value``,
    ``numerator`` and ``denominator`` (of a share), ``unit`` (of an amount or an
    estimate), ``source`` (of a figure), and ``low`` and ``high`` (an estimate's 95 %
    confidence interval). The first rows are the report's facts and its note on withheld values.
    A number is written as JSON writes it (``1234``, ``45.5``: a decimal point, no
    separator of thousands); a share's value is its percentage; a withheld value is
    ``•``. The funder's edition (:attr:`~hankemalli.reporting.Edition.FUNDER`) is
    marked confidential in the first and the last row. Comma-separated, UTF-8
    without a byte order mark, a line feed a row, so that it can go to the standard
    output: open the Excel workbook
    (:func:`render_xlsx`) in a spreadsheet.
    """
    lang = _check(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_rows(report, lang))
    marking = _confidential(report, lang)
    if marking:
        title, edition = _title(report, lang), text("edition").get(lang)
        writer.writerow(_line(section=title, row=edition, kind="text", value=marking))
    return buffer.getvalue()


# Excel ----------------------------------------------------------------------------------------


def _openpyxl(name: str) -> Any:
    """A module of openpyxl (untyped: it ships no type hints), or a helpful ImportError."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "Excel workbooks need openpyxl, which comes with the 'spreadsheet' extra: "
            "pip install 'hankemalli[spreadsheet]' (or use the CSV form, which needs nothing)"
        ) from exc


def _sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name for ``title``: Excel's characters and length, unique in the workbook.

    A long title is cut after a whole word and ends in "…"; a name already taken
    (Excel compares them without case) gets a number.
    """
    base = " ".join(title.translate(_NOT_IN_SHEET_NAMES).split()).strip("'") or "-"
    number, suffix = 1, ""
    while True:
        name = _shortened(base, _SHEET_NAME_LENGTH - len(suffix)) + suffix
        if name.casefold() not in taken:
            taken.add(name.casefold())
            return name
        number += 1
        suffix = f" ({number})"


def _shortened(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(" ,;:–-(") + "…"


def _number_format(places: int, unit: str | None = None, percent: bool = False) -> str:
    """An Excel number format: thousands grouped, ``places`` decimals, a unit or %."""
    digits = "#,##0" + ("." + "0" * places if places else "")
    if percent:
        return f'{digits}" %"'
    if unit:
        return digits + ' "' + unit.replace('"', "'") + '"'
    return digits


def _estimate_format(value: Estimate, language: Language) -> str:
    """An Excel number format that shows an estimate as the other renderers do.

    ``+2.4 (-22.3 … +18.0) pp``: the number is the cell's, the interval and the unit
    follow it as quoted text (a sign for a positive number when ``signed``).
    """
    shown = _cell(value, language)
    after = shown[shown.index(" (") :].replace('"', "'")
    digits = "#,##0" + ("." + "0" * value.places if value.places else "")
    literal = f'"{after}"'
    if not value.signed:
        return digits + literal
    return f"+{digits}{literal};-{digits}{literal};{digits}{literal}"


class _Sheets:
    """The workbook being written, its styles and the sheet names taken."""

    def __init__(self, report: Report, language: Language) -> None:
        openpyxl = _openpyxl("openpyxl")
        styles = _openpyxl("openpyxl.styles")
        self.comment = _openpyxl("openpyxl.comments").Comment
        self.bold = styles.Font(bold=True)
        self.heading = styles.Font(bold=True, size=14)
        self.wrap = styles.Alignment(wrap_text=True, vertical="top")
        self.right = styles.Alignment(horizontal="right")
        self.language = language
        self.workbook = openpyxl.Workbook()
        self.taken: set[str] = set()
        # The document's own dates, not the clock's (see _ARCHIVE_DATE).
        as_of = dt.datetime(report.as_of.year, report.as_of.month, report.as_of.day)
        properties = self.workbook.properties
        properties.creator = "hankemalli"
        properties.title = _title(report, language)
        properties.created = properties.modified = as_of
        # The funder's edition: marked in every sheet's first row and in the header
        # and footer of every printed page; a sheet's title then comes on row 2.
        self.marking = _confidential(report, language)
        self.top = 2 if self.marking else 1
        if self.marking:
            properties.subject = self.marking

    def sheet(self, title: str, first: bool = False) -> Any:
        name = _sheet_name(title, self.taken)
        if first:
            sheet = self.workbook.active
            sheet.title = name
        else:
            sheet = self.workbook.create_sheet(name)
        sheet.column_dimensions["A"].width = 60
        for letter in "BCDEFGH":
            sheet.column_dimensions[letter].width = 16
        if self.marking:
            sheet.cell(row=1, column=1, value=self.marking).font = self.bold
            # "&" starts a code in Excel's header and footer text.
            marking = self.marking.replace("&", "&&")
            sheet.oddHeader.center.text = sheet.oddFooter.center.text = marking
        return sheet

    def put(self, sheet: Any, row: int, column: int, value: Cell) -> None:
        """Write a report cell, numbers as numbers with the JSON renderer's values."""
        cell = sheet.cell(row=row, column=column)
        if value is None:
            return
        if isinstance(value, Withheld):
            cell.value = WITHHELD
            cell.alignment = self.right
            return
        found = _json_cell(value, self.language)
        if isinstance(value, Count):
            cell.value, cell.number_format = value.value, _number_format(0)
        elif isinstance(value, Ratio):
            cell.value, cell.number_format = found["percent"], _number_format(1, percent=True)
            cell.comment = self.comment(f"{value.numerator}/{value.denominator}", "hankemalli")
        elif isinstance(value, Percent):
            cell.value = found["percent"]
            cell.number_format = _number_format(value.places, percent=True)
        elif isinstance(value, Amount):
            cell.value = found["value"]
            cell.number_format = _number_format(value.places, found["unit"])
        elif isinstance(value, Estimate):
            # The estimate is the cell's number; its interval and unit are literal text
            # of the number format, so that the interval is seen, not hidden in a comment.
            cell.value = found["value"]
            cell.number_format = _estimate_format(value, self.language)
        elif isinstance(value, Text):
            cell.value = _label(value.value, self.language)

    def row(self, sheet: Any, row: int, values: list[str], bold: bool = False) -> None:
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if bold:
                cell.font = self.bold

    def block(self, sheet: Any, row: int, block: Block) -> int:
        """Write a block from ``row``; return the next free row."""
        language = self.language
        if isinstance(block, Paragraph):
            sheet.cell(row=row, column=1, value=block.text.get(language)).alignment = self.wrap
            return row + 2
        if block.title:
            sheet.cell(row=row, column=1, value=block.title.get(language)).font = self.bold
            row += 1
        if isinstance(block, FigureList):
            # As in Markdown and HTML: the official code first, when the list shows codes.
            lead = 2 if block.show_codes else 1
            header = [text("figure").get(language), text("value").get(language)]
            header.append(text("source").get(language))
            if block.show_codes:
                header.insert(0, text("code").get(language))
            self.row(sheet, row, header, bold=True)
            for r in block.rows:
                row += 1
                if block.show_codes:
                    sheet.cell(row=row, column=1, value=_official(r.code) or None)
                sheet.cell(row=row, column=lead, value=r.label.get(language))
                self.put(sheet, row, lead + 1, r.value)
                sheet.cell(row=row, column=lead + 2, value=text(str(r.source)).get(language))
            return row + 2
        self.row(sheet, row, ["", *(c.get(language) for c in block.columns)], bold=True)
        for table_row in block.rows:
            row += 1
            sheet.cell(row=row, column=1, value=_label(table_row.label, language))
            for column, value in enumerate(table_row.cells, start=2):
                self.put(sheet, row, column, value)
        return row + 2

    def save(self) -> bytes:
        writer = _openpyxl("openpyxl.writer.excel")
        buffer = io.BytesIO()
        with _Archive(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            writer.ExcelWriter(self.workbook, archive).write_data()
        return buffer.getvalue()


class _Archive(zipfile.ZipFile):
    """A zip archive whose every entry is dated :data:`_ARCHIVE_DATE`, not now."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=_ARCHIVE_DATE)
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        with open(filename, "rb") as file:  # a worksheet openpyxl wrote to a temporary file
            self.writestr(str(arcname or filename), file.read(), compress_type, compresslevel)


def render_xlsx(report: Report, language: str = "fi") -> bytes:
    """The report as an Excel workbook (``.xlsx`` bytes), labels in ``language``.

    The first sheet holds the report's title, facts and note on withheld values;
    then each section with something in it has a sheet, named by its title (cut to
    Excel's 31 characters), with its tables laid out as in the other renderers.
    Counts, shares, percentages and amounts are numbers, with the JSON renderer's
    values and a number format: a share is its percentage (45.5, shown "45.5 %"),
    with its numerator and denominator in a comment on the cell; an amount shows
    its unit; an estimate (:class:`Estimate`) is its value, with its 95 % interval and
    unit shown by the number format. A withheld value is ``•``. The same report gives
    the same bytes.
    The funder's edition (:attr:`~hankemalli.reporting.Edition.FUNDER`) is marked
    confidential in the first row of every sheet and in the header and footer of
    every printed page.

    Needs openpyxl: ``pip install 'hankemalli[spreadsheet]'``.
    """
    lang = _check(language)
    sheets = _Sheets(report, lang)
    facts = sheets.sheet(text("report").get(lang), first=True)
    facts.cell(row=sheets.top, column=1, value=_title(report, lang)).font = sheets.heading
    row = sheets.top + 2
    for name, value in _facts(report, lang):
        facts.cell(row=row, column=1, value=name).font = sheets.bold
        facts.cell(row=row, column=2, value=value)
        row += 1
    facts.cell(row=row + 1, column=1, value=_note(report, lang))
    facts.cell(row=row + 3, column=1, value=text("generated_by").get(lang))
    for section in report.sections:
        if not section.blocks:
            continue
        title = section.title.get(lang)
        sheet = sheets.sheet(title)
        sheet.cell(row=sheets.top, column=1, value=title).font = sheets.heading
        row = sheets.top + 2
        for block in section.blocks:
            row = sheets.block(sheet, row, block)
    return sheets.save()
