"""A column mapping (sarakekartta): reading the sheet an association already has.

The association's own sheet names, header rows, headers and values are told in a
small TOML or JSON file, or a Python dict of the same shape::

    ignore_sheets = ["Muistiinpanot"]

    [sheets.participants]          # the model's sheet: its key or its name
    sheet = "Asiakkaat"            # the association's sheet
    header_row = 2                 # the headers are on row 2 (default 1)
    ignore = ["Nimi", "Puhelin"]   # columns not to read
    [sheets.participants.columns]  # the model's column = the association's header
    id = "Asiakasnumero"
    gender = "Sukupuoli"

    [values.Answer]                # a list: the association's word = a code or label
    "ei halua vastata" = "refused"

A model sheet or column is named by its key or by its name in any language; a list
by the name of its code list (``Gender``, ``Answer``…), ``boolean``, ``situation`` or
``event``. Whatever the mapping does not name is read by the template's names.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path

from attrs import field, frozen

from ..model import DataError
from ..model._errors import shown
from ._labels import normal, vocabularies
from ._layout import LAYOUT, Sheet
from ._problems import SheetProblem, problem

__all__ = ["ColumnMapping", "SheetMapping", "read_mapping", "sheet_named"]

_TOP_KEYS = ("sheets", "values", "ignore_sheets")
_SHEET_KEYS = ("sheet", "header_row", "columns", "ignore")


@frozen(kw_only=True)
class SheetMapping:
    """Where one of the model's sheets is in the association's workbook, and its headers.

    ``sheet`` is the association's sheet (None: the template's name), ``header_row``
    the row of its headers (counted from 1), ``columns`` the association's header
    for each model column (by the column's key), and ``ignore`` the headers of
    columns that are not read.
    """

    sheet: str | None = None
    header_row: int = 1
    columns: Mapping[str, str] = field(factory=dict)
    ignore: tuple[str, ...] = ()


@frozen(kw_only=True)
class ColumnMapping:
    """How to read an association's own workbook (sarakekartta); see :func:`read_mapping`.

    ``sheets`` maps a model sheet's key to its :class:`SheetMapping`; ``values``
    maps a list's name to the association's words (compared without case or extra
    spaces) and the value each stands for; ``ignore_sheets`` are sheets not read.
    """

    sheets: Mapping[str, SheetMapping] = field(factory=dict)
    values: Mapping[str, Mapping[str, object]] = field(factory=dict)
    ignore_sheets: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: object) -> ColumnMapping:
        """Read a mapping from its dict form; raise :class:`DataError` with every problem."""
        found: list[SheetProblem] = []
        mapping = _build(data, found)
        if found:
            raise DataError(found)
        return mapping

    def sheet_mapping(self, key: str) -> SheetMapping | None:
        """The mapping of the model sheet ``key``, if the mapping has one."""
        return self.sheets.get(key)


def read_mapping(path: str | PathLike[str]) -> ColumnMapping:
    """Read a column mapping from a TOML file (a ``.json`` file is read as JSON).

    Raises :class:`OSError` if the file cannot be read and :class:`DataError` with
    every problem if it is not a mapping.
    """
    target = Path(path)
    data = target.read_bytes()
    try:
        text = data.decode("utf-8-sig")
        parsed: object = (
            json.loads(text) if target.suffix.lower() == ".json" else tomllib.loads(text)
        )
    except (UnicodeDecodeError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise DataError([problem("mapping.unreadable", None, reason=str(exc))]) from None
    return ColumnMapping.from_dict(parsed)


def sheet_named(name: str) -> Sheet | None:
    """The model sheet ``name`` names: its key, or its name in any language."""
    wanted = normal(name)
    for sheet in LAYOUT:
        if wanted in {normal(sheet.key), *(normal(n) for n in _names(sheet))}:
            return sheet
    return None


def _names(sheet: Sheet) -> tuple[str, str, str]:
    return (sheet.name.fi, sheet.name.sv, sheet.name.en)


def column_named(sheet: Sheet, name: str) -> str | None:
    """The key of the column of ``sheet`` that ``name`` names (key or header), or None."""
    wanted = normal(name)
    for column in sheet.columns:
        header = column.header
        if wanted in {normal(column.key), normal(header.fi), normal(header.sv), normal(header.en)}:
            return column.key
    return None


def _table(value: object, path: tuple[str | int, ...], found: list[SheetProblem]) -> bool:
    if isinstance(value, dict):
        return True
    found.append(problem("mapping.not_a_table", None, path, value=shown(value)))
    return False


def _text(value: object, path: tuple[str | int, ...], found: list[SheetProblem]) -> bool:
    if isinstance(value, str) and value.strip():
        return True
    found.append(problem("mapping.not_text", None, path, value=shown(value)))
    return False


def _texts(
    value: object, path: tuple[str | int, ...], found: list[SheetProblem]
) -> tuple[str, ...]:
    if not isinstance(value, list):
        found.append(problem("mapping.not_text", None, path, value=shown(value)))
        return ()
    return tuple(item for i, item in enumerate(value) if _text(item, (*path, i), found))


def _part(key: object) -> str:
    """A key of the mapping as a path part (a key that is not text, shown)."""
    return key if isinstance(key, str) else shown(key)


def _unknown_keys(
    data: dict[str, object], allowed: tuple[str, ...], path: tuple[str | int, ...]
) -> Iterator[SheetProblem]:
    for key in data:
        if key not in allowed:
            yield problem(
                "mapping.unknown_key",
                None,
                (*path, _part(key)),
                key=shown(key),
                allowed=", ".join(allowed),
            )


def _build(data: object, found: list[SheetProblem]) -> ColumnMapping:
    if not _table(data, (), found):
        return ColumnMapping()
    assert isinstance(data, dict)
    found.extend(_unknown_keys(data, _TOP_KEYS, ()))
    sheets: dict[str, SheetMapping] = {}
    raw_sheets = data.get("sheets", {})
    if _table(raw_sheets, ("sheets",), found):
        for name, raw in raw_sheets.items():
            path: tuple[str | int, ...] = ("sheets", _part(name))
            model = sheet_named(name) if isinstance(name, str) else None
            if model is None:
                allowed = ", ".join(s.key for s in LAYOUT)
                found.append(
                    problem("mapping.unknown_sheet", None, path, sheet=shown(name), allowed=allowed)
                )
            elif _table(raw, path, found):
                sheets[model.key] = _sheet(model, raw, path, found)
    values: dict[str, dict[str, object]] = {}
    raw_values = data.get("values", {})
    if _table(raw_values, ("values",), found):
        for name, raw in raw_values.items():
            words = _words(_part(name), raw, ("values", _part(name)), found)
            if words is not None:
                values[name] = words
    ignore = _texts(data.get("ignore_sheets", []), ("ignore_sheets",), found)
    return ColumnMapping(sheets=sheets, values=values, ignore_sheets=ignore)


def _sheet(
    model: Sheet, raw: dict[str, object], path: tuple[str | int, ...], found: list[SheetProblem]
) -> SheetMapping:
    found.extend(_unknown_keys(raw, _SHEET_KEYS, path))
    name = raw.get("sheet")
    sheet = name if name is not None and _text(name, (*path, "sheet"), found) else None
    header_row = raw.get("header_row", 1)
    if type(header_row) is not int or header_row < 1:
        found.append(
            problem("mapping.not_a_number", None, (*path, "header_row"), value=shown(header_row))
        )
        header_row = 1
    columns: dict[str, str] = {}
    raw_columns = raw.get("columns", {})
    if _table(raw_columns, (*path, "columns"), found):
        assert isinstance(raw_columns, dict)
        for column, header in raw_columns.items():
            where = (*path, "columns", _part(column))
            key = column_named(model, column) if isinstance(column, str) else None
            if key is None:
                allowed = ", ".join(c.key for c in model.columns)
                found.append(
                    problem(
                        "mapping.unknown_column",
                        None,
                        where,
                        column=shown(column),
                        sheet=model.key,
                        allowed=allowed,
                    )
                )
            elif _text(header, where, found):
                assert isinstance(header, str)
                columns[key] = header
    ignore = _texts(raw.get("ignore", []), (*path, "ignore"), found)
    return SheetMapping(
        sheet=sheet if isinstance(sheet, str) else None,
        header_row=header_row,
        columns=columns,
        ignore=ignore,
    )


def _words(
    name: str, raw: object, path: tuple[str | int, ...], found: list[SheetProblem]
) -> dict[str, object] | None:
    vocabulary = vocabularies().get(name)
    if vocabulary is None:
        allowed = ", ".join(vocabularies())
        found.append(problem("mapping.unknown_list", None, path, name=shown(name), allowed=allowed))
        return None
    if not _table(raw, path, found):
        return None
    assert isinstance(raw, dict)
    words: dict[str, object] = {}
    for word, target in raw.items():
        if not isinstance(word, str | int):  # a key no cell can name: no word, not a guess
            found.append(problem("mapping.not_text", None, (*path, shown(word)), value=shown(word)))
            continue
        if not isinstance(word, str):  # a number cell, or TRUE or FALSE, names it
            word = str(word)
        value: object = target if isinstance(target, bool) and name == "boolean" else None
        if value is None and isinstance(target, str):
            value = vocabulary.find(target)
        if value is None:
            allowed = ", ".join(str(code) for code in vocabulary.codes.values())
            found.append(
                problem(
                    "mapping.unknown_value",
                    None,
                    (*path, word),
                    value=shown(target),
                    name=name,
                    allowed=allowed,
                )
            )
        else:
            words[normal(word)] = value
    return words
