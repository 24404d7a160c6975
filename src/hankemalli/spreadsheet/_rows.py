"""Finding the model's sheets and columns in a workbook, and reading its rows as items.

Each of the model's sheets is found by its name in any language (or the name a
column mapping gives), each column by its header; a row becomes an :class:`Item`
holding the values of its cells in the JSON form, with the address of each cell.
What cannot be placed (a sheet or column the model does not have, data under no
header, a cell that cannot be read) is a problem, never dropped in silence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model._language import LANGUAGES
from ..model._pseudonym import shown_safely
from ._cells import Address, Item, Layout, RelPath
from ._labels import Vocabulary, normal, vocabularies
from ._layout import INSTRUCTIONS_SHEET, LAYOUT, LISTS_SHEET, Column, Kind, Sheet
from ._mapping import ColumnMapping, SheetMapping, column_named, sheet_named
from ._problems import SheetProblem, problem
from ._source import RawSheet
from ._values import (
    Cell,
    CellError,
    is_blank,
    read_boolean,
    read_code,
    read_date,
    read_decimal,
    read_text,
    read_whole,
    shown_cell,
)

__all__ = ["Reading"]

_Step = tuple[int, Column, RelPath, Callable[[Cell], object]]


def _vocabulary(sheet: Sheet, column: Column) -> tuple[str, Vocabulary]:
    if column.kind is Kind.BOOLEAN:
        name = "boolean"
    elif column.kind is Kind.TAG:
        name = "situation" if sheet.key == "situations" else "event"
    else:
        assert column.codes is not None
        name = column.codes.__name__
    return name, vocabularies()[name]


class Reading:
    """The state of reading one workbook: its sheets, the items found and the problems."""

    def __init__(self, raws: list[RawSheet], mapping: ColumnMapping) -> None:
        self.raws = raws
        self.mapping = mapping
        self.problems: list[SheetProblem] = []
        self.language = "fi"
        self.languages: dict[str, str] = {}  # the language of each sheet's name
        self.found: dict[str, tuple[int, RawSheet]] = {}
        self.items: dict[str, list[Item]] = {sheet.key: [] for sheet in LAYOUT}
        self.form: dict[str, tuple[object, Address]] = {}
        self.form_cells: dict[tuple[str | int, ...], Address] = {}
        self.repeated: set[int] = set()  # header positions of a column seen twice
        self._resolve()

    # Sheets ------------------------------------------------------------------------

    def _resolve(self) -> None:
        used: set[int] = set()
        missing: list[tuple[Sheet, str | None]] = []
        for sheet in LAYOUT:
            mapped = self.mapping.sheet_mapping(sheet.key)
            wanted = mapped.sheet if mapped is not None else None
            matches = [
                (index, raw)
                for index, raw in enumerate(self.raws)
                if (
                    normal(raw.name) == normal(wanted) if wanted else sheet_named(raw.name) is sheet
                )
            ]
            for index, raw in matches[1:]:
                first = matches[0][1].name
                self._add(
                    problem("sheet.duplicate_sheet", self._at(index), sheet=raw.name, first=first)
                )
            if not matches:
                if sheet.required:
                    missing.append((sheet, wanted))
                continue
            index, raw = matches[0]
            language = next(
                (lang for lang in LANGUAGES if normal(sheet.name.get(lang)) == normal(raw.name)),
                None,
            )
            if language is not None:
                self.languages[sheet.key] = language
            used.update(i for i, _ in matches)
            self.found[sheet.key] = (index, raw)
        # The workbook's language: that of most of its sheets' names (Finnish if none).
        named = list(self.languages.values())
        self.language = max(LANGUAGES, key=lambda lang: (named.count(lang), lang == "fi"))
        for sheet, wanted in missing:
            name = wanted or sheet.name.get(self.language)
            self._add(problem("sheet.missing_sheet", None, (sheet.within[0],), sheet=name))
        skipped = {normal(name) for name in self.mapping.ignore_sheets}
        for labels in (INSTRUCTIONS_SHEET, LISTS_SHEET):
            skipped.update(normal(name) for name in (labels.fi, labels.sv, labels.en))
        known = ", ".join(sheet.name.get(self.language) for sheet in LAYOUT)
        for index, raw in enumerate(self.raws):
            if index not in used and normal(raw.name) not in skipped:
                self._add(
                    problem("sheet.unknown_sheet", self._at(index), sheet=raw.name, allowed=known)
                )

    def language_of(self, sheet: Sheet) -> str:
        """The language of ``sheet``'s name in the workbook (else the workbook's)."""
        return self.languages.get(sheet.key, self.language)

    def _at(self, index: int, row: int = 0, column: int = 0) -> str:
        return str(Address(index, row, column, self.raws[index].name))

    def _add(self, found: SheetProblem) -> None:
        self.problems.append(found)

    def sheet_address(self, key: str) -> Address | None:
        """The address of the model sheet ``key`` in the workbook, if it has it."""
        if key not in self.found:
            return None
        index, raw = self.found[key]
        return Address(index, 0, 0, raw.name)

    def sheet_name(self, key: str) -> str:
        """The name of the model sheet ``key`` as the workbook has it (or would)."""
        if key in self.found:
            return self.found[key][1].name
        mapped = self.mapping.sheet_mapping(key)
        if mapped is not None and mapped.sheet:
            return mapped.sheet
        return next(s for s in LAYOUT if s.key == key).name.get(self.language)

    # Rows --------------------------------------------------------------------------

    def read(self) -> None:
        """Read every sheet found into items (and the programme form into ``form``)."""
        readers: dict[int, list[Sheet]] = {}
        for sheet in LAYOUT:
            if sheet.key in self.found:
                readers.setdefault(self.found[sheet.key][0], []).append(sheet)
        for index, sheets in readers.items():
            self._read_raw(index, sheets)

    def _mapped(self, sheet: Sheet) -> SheetMapping:
        return self.mapping.sheet_mapping(sheet.key) or SheetMapping()

    def _read_raw(self, index: int, sheets: list[Sheet]) -> None:
        raw = self.raws[index]
        for sheet in sheets:
            if sheet.form:
                self._read_form(index, sheet)
        tables = [sheet for sheet in sheets if not sheet.form]
        if not tables:
            return
        header_row = max(self._mapped(sheet).header_row for sheet in tables)
        headers = raw.rows[header_row - 1] if len(raw.rows) >= header_row else ()
        data = [
            (number, row)
            for number, row in enumerate(raw.rows[header_row:], start=header_row + 1)
            if not all(is_blank(cell) for cell in row)
        ]
        self.repeated = set()
        claimed: set[int] = set()
        placed: list[tuple[Sheet, dict[int, Column]]] = []
        for sheet in tables:
            columns = self._columns(index, sheet, headers, header_row)
            claimed.update(columns)
            missing = [c for c in sheet.columns if c.required and c not in columns.values()]
            if missing and data:
                for column in missing:
                    header = self._mapped(sheet).columns.get(column.key) or column.header.get(
                        self.language_of(sheet)
                    )
                    self._add(problem("sheet.missing_column", self._at(index), column=header))
                continue
            placed.append((sheet, columns))
        ignored = {normal(name) for sheet in tables for name in self._mapped(sheet).ignore}
        claimed |= self.repeated  # told as repeated, not as unknown
        self._check_headers(index, tables, headers, header_row, claimed, ignored, data)
        shared = len(placed) > 1
        for sheet, columns in placed:
            layout, plan = self._plan(index, sheet, columns)
            for number, row in data:
                item = self._item(layout, plan, number, row, shared)
                if item is not None:
                    self.items[sheet.key].append(item)

    def _columns(
        self, index: int, sheet: Sheet, headers: tuple[Cell, ...], header_row: int
    ) -> dict[int, Column]:
        mapped = self._mapped(sheet).columns
        theirs = {normal(header): key for key, header in mapped.items()}
        columns: dict[int, Column] = {}
        first: dict[str, int] = {}
        for position, header in enumerate(headers):
            if not isinstance(header, str) or not header.strip():
                continue
            key = theirs.get(normal(header))
            if key is None:
                key = column_named(sheet, header)
                if key in mapped:  # the mapping gives this column another header
                    key = None
            if key is None:
                continue
            if key in first:
                self.repeated.add(position)
                self._add(
                    problem(
                        "sheet.duplicate_column",
                        self._at(index, header_row, position + 1),
                        column=header,
                        first=self._at(index, header_row, first[key] + 1),
                    )
                )
                continue
            first[key] = position
            columns[position] = sheet.column(key)
        return columns

    def _check_headers(
        self,
        index: int,
        sheets: list[Sheet],
        headers: tuple[Cell, ...],
        header_row: int,
        claimed: set[int],
        ignored: set[str],
        data: list[tuple[int, tuple[Cell, ...]]],
    ) -> None:
        allowed = ", ".join(
            column.header.get(self.language_of(sheet))
            for sheet in sheets
            for column in sheet.columns
        )
        width = max((len(row) for _, row in data), default=0)
        for position in range(max(len(headers), width)):
            header = headers[position] if position < len(headers) else None
            if position in claimed:
                continue
            if is_blank(header):
                filled = next(
                    (n for n, row in data if position < len(row) and not is_blank(row[position])),
                    None,
                )
                if filled is not None:
                    self._add(
                        problem("sheet.unnamed_column", self._at(index, filled, position + 1))
                    )
            elif not (isinstance(header, str) and normal(header) in ignored):
                # Text quoted (and hidden if personal data); a number or date as Excel shows it.
                shown = shown_safely(header) if isinstance(header, str) else shown_cell(header)
                self._add(
                    problem(
                        "sheet.unknown_column",
                        self._at(index, header_row, position + 1),
                        column=shown,
                        allowed=allowed,
                    )
                )

    def _plan(
        self, index: int, sheet: Sheet, columns: dict[int, Column]
    ) -> tuple[Layout, list[_Step]]:
        """Where the columns are, and how to read each: position, column, path and reader."""
        layout = Layout(
            sheet=sheet,
            index=index,
            name=self.raws[index].name,
            positions={column.key: position for position, column in columns.items()},
            paths={column.where: position for position, column in columns.items()},
            anchor=next(
                (p for p, column in columns.items() if column.key in ("participant", "id")),
                min(columns, default=0),
            ),
        )
        steps = [
            (position, column, column.where, self._reader(sheet, column))
            for position, column in columns.items()
        ]
        return layout, steps

    def _item(
        self, layout: Layout, plan: list[_Step], number: int, row: tuple[Cell, ...], shared: bool
    ) -> Item | None:
        width = len(row)
        if shared and all(
            is_blank(row[p])
            for p, column, _, _ in plan
            if p < width and column.key != "participant"
        ):
            return None
        item = Item(layout=layout, number=number, row=row)
        values = item.values
        for position, _, where, reader in plan:
            if position >= width:
                continue
            value = row[position]
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            try:
                values[where] = reader(value)
            except CellError as error:
                address = Address(layout.index, number, position + 1, layout.name)
                item.problems.append((where, problem(error.code, str(address), (), **error.params)))
        if layout.sheet.key in ("situations", "events"):
            self._check_kinds(item)
        return item

    def _reader(self, sheet: Sheet, column: Column) -> Callable[[Cell], object]:
        """The function that reads a cell of ``column``."""
        kind = column.kind
        if kind in (Kind.TEXT, Kind.LINES, Kind.PSEUDONYM, Kind.STAGE, Kind.JSON):
            return read_text
        if kind in (Kind.WHOLE, Kind.ORDINAL):
            return read_whole
        if kind is Kind.DECIMAL:
            return read_decimal
        if kind is Kind.DATE:
            return read_date
        name, vocabulary = _vocabulary(sheet, column)
        own = self.mapping.values.get(name)
        language = self.language_of(sheet)
        if kind is Kind.BOOLEAN:
            return lambda value: read_boolean(value, vocabulary, own, language)
        return lambda value: read_code(value, vocabulary, own, language)

    def _value(self, sheet: Sheet, column: Column, value: Cell) -> object:
        return self._reader(sheet, column)(value)

    def _check_kinds(self, item: Item) -> None:
        """A value in a column not for the row's kind (of situation or event) is a problem."""
        tag = item.values.get(("type",))
        for column in item.sheet.columns:
            where = column.where
            if not column.only_for or is_blank(item.raw(column.key)):
                continue
            if tag is None or tag in column.only_for:
                if tag is None:  # the kind is unknown: the value cannot be placed
                    item.values.pop(where, None)
                continue
            item.values.pop(where, None)
            header = column.header.get(self.language_of(item.sheet))
            item.problems.append(
                (
                    where,
                    problem(
                        "sheet.not_applicable",
                        str(item.cell(column.key)),
                        column=header,
                        kind=shown_cell(item.raw("type")),
                    ),
                )
            )

    # The programme form ---------------------------------------------------------------

    def _read_form(self, index: int, sheet: Sheet) -> None:
        raw = self.raws[index]
        start = self._mapped(sheet).header_row
        mapped = self._mapped(sheet).columns
        theirs = {normal(header): key for key, header in mapped.items()}
        allowed = ", ".join(column.header.get(self.language_of(sheet)) for column in sheet.columns)
        for number, row in enumerate(raw.rows[start - 1 :], start=start):
            if all(is_blank(cell) for cell in row):
                continue
            label = row[0] if row else None
            address = Address(index, number, 1, raw.name)
            key = None
            if isinstance(label, str):
                key = theirs.get(normal(label)) or column_named(sheet, label)
            if key is None:
                code = "sheet.unnamed_column" if is_blank(label) else "sheet.unknown_field"
                shown = shown_safely(label) if isinstance(label, str) else shown_cell(label)
                self._add(problem(code, str(address), column=shown, allowed=allowed))
                continue
            if key in self.form:
                first = str(self.form[key][1])
                self._add(
                    problem("sheet.duplicate_column", str(address), column=str(label), first=first)
                )
                continue
            self.form[key] = (
                self._form_values(index, sheet, sheet.column(key), number, row),
                address,
            )

    def _form_values(
        self, index: int, sheet: Sheet, column: Column, number: int, row: tuple[Cell, ...]
    ) -> object:
        raw = self.raws[index]
        values: list[object] = []
        for position in range(1, len(row)):
            value = row[position]
            if is_blank(value):
                continue
            address = Address(index, number, position + 1, raw.name)
            path: tuple[str | int, ...] = ("programme", column.key)
            if column.many:
                path = (*path, len(values))
            elif values or position > 1:
                self._add(problem("sheet.too_many_values", str(address), path, column=str(row[0])))
                continue
            self.form_cells[path] = address
            try:
                values.append(self._value(sheet, column, value))
            except CellError as error:
                self._add(problem(error.code, str(address), path, **error.params))
                values.append(None)
        self.form_cells.setdefault(("programme", column.key), Address(index, number, 1, raw.name))
        if column.many:
            return values
        return values[0] if values else None

    def items_of(self, key: str) -> Iterator[Item]:
        """The items read from the model sheet ``key``, in the order of their rows."""
        return iter(self.items[key])
