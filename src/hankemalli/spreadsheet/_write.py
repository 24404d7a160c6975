"""A dataset as the rows of a workbook: the reader's work done backwards.

The rows are made from the dataset's JSON form (``to_dict``), so a workbook holds
exactly what the JSON document holds: codes become their labels in the workbook's
language, dates date cells (or ``1.3.2016`` in a CSV file), decimals the text they
are written as (``0,456``), and an instrument's stages their names. What the JSON
form leaves out (a default) is a blank cell, which reads back as the same default.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

from ..model import Dataset
from ..serialization import to_dict
from ._labels import vocabularies
from ._layout import LAYOUT, Column, Kind, Sheet
from ._values import Cell

__all__ = ["Rows", "dataset_rows", "display_date"]


@frozen
class Rows:
    """The rows of one sheet below its header (for a form, its field rows)."""

    sheet: Sheet
    rows: list[list[Cell]]


def display_date(day: dt.date, language: str) -> str:
    """A date as a person writes it: ``1.3.2016`` in Finnish and Swedish, ISO in English."""
    if language == "en":
        return day.isoformat()
    return f"{day.day}.{day.month}.{day.year}"


class _Cells:
    """Turns the JSON form's values into cells in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.vocabularies = vocabularies()

    def cell(self, sheet: Sheet, column: Column, value: object) -> Cell:
        if value is None:
            return None
        kind = column.kind
        if kind is Kind.DATE:
            assert isinstance(value, str)
            return dt.date.fromisoformat(value)
        if kind is Kind.DECIMAL:
            text = str(value)
            return text if self.language == "en" else text.replace(".", ",")
        if kind in (Kind.CODE, Kind.BOOLEAN, Kind.TAG):
            if kind is Kind.BOOLEAN:
                name = "boolean"
            elif kind is Kind.TAG:
                name = "situation" if sheet.key == "situations" else "event"
            else:
                assert column.codes is not None
                name = column.codes.__name__
            return self.vocabularies[name].label(value, self.language)
        if kind is Kind.JSON:
            return json.dumps(value, ensure_ascii=False)
        assert isinstance(value, str | int)
        return value


def _get(obj: Mapping[str, Any], path: tuple[str, ...]) -> object:
    value: object = obj
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _row(cells: _Cells, sheet: Sheet, obj: Mapping[str, Any], **given: Cell) -> list[Cell]:
    tag = obj.get("type")
    row: list[Cell] = []
    for column in sheet.columns:
        if column.key in given:
            row.append(given[column.key])
        elif column.only_for and tag not in column.only_for:
            row.append(None)
        else:
            row.append(cells.cell(sheet, column, _get(obj, column.where)))
    return row


def dataset_rows(dataset: Dataset, language: str = "fi", *, every: bool = False) -> Iterator[Rows]:
    """The rows of every sheet for ``dataset``, in :data:`LAYOUT` order.

    The operating models' sheet comes only when the dataset has operating models,
    or ``every`` sheet is asked for.
    """
    document = to_dict(dataset)
    cells = _Cells(language)
    programme = document["programme"]
    records = document.get("participants", [])
    stages = {
        (instrument["id"], dimension["id"]): dimension["stages"]
        for instrument in document.get("instruments", [])
        for dimension in instrument["dimensions"]
    }
    for sheet in LAYOUT:
        key = sheet.key
        if key == "programme":
            yield Rows(sheet, _form(cells, sheet, programme))
        elif key in ("funders", "targets", "partners"):
            yield Rows(sheet, [_row(cells, sheet, obj) for obj in programme.get(key, [])])
        elif key == "participants":
            yield Rows(sheet, [_row(cells, sheet, record) for record in records])
        elif sheet.child and key != "assessments":
            yield Rows(
                sheet,
                [
                    _row(cells, sheet, obj, participant=record["participant"]["id"])
                    for record in records
                    for obj in record.get(key, [])
                ],
            )
        elif key == "assessments":
            yield Rows(sheet, list(_assessment_rows(cells, sheet, records, stages)))
        elif key == "instruments":
            yield Rows(sheet, list(_instrument_rows(document)))
        elif document.get("operating_models") or every:
            yield Rows(
                sheet,
                [
                    [cells.cell(sheet, sheet.columns[0], model)]
                    for model in document.get("operating_models", [])
                ],
            )


def _form(cells: _Cells, sheet: Sheet, programme: Mapping[str, Any]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for column in sheet.columns:
        value = programme.get(column.key)
        values = value if column.many else [value]
        row: list[Cell] = [column.header.get(cells.language)]
        row.extend(cells.cell(sheet, column, item) for item in values or [])
        rows.append(row)
    return rows


def _assessment_rows(
    cells: _Cells,
    sheet: Sheet,
    records: list[Mapping[str, Any]],
    stages: Mapping[tuple[str, str], list[str]],
) -> Iterator[list[Cell]]:
    for record in records:
        assessments = record.get("assessments", [])
        keys = [(a["instrument"], a["date"], a["kind"]) for a in assessments]
        for number, (assessment, key) in enumerate(zip(assessments, keys, strict=True), start=1):
            # Two assessments alike in instrument, day and kind are told apart by number.
            told = number if keys.count(key) > 1 else None
            for score in assessment["scores"]:
                labels = stages[(assessment["instrument"], score["dimension"])]
                yield _row(
                    cells,
                    sheet,
                    {**assessment, "dimension": score["dimension"]},
                    participant=record["participant"]["id"],
                    stage=labels[score["stage"]],
                    number=told,
                )


def _instrument_rows(document: Mapping[str, Any]) -> Iterator[list[Cell]]:
    for instrument in document.get("instruments", []):
        first = True
        for dimension in instrument["dimensions"]:
            for position, stage in enumerate(dimension["stages"]):
                yield [
                    instrument["id"],
                    instrument["name"] if first else None,
                    instrument.get("description") if first else None,
                    dimension["id"],
                    dimension["name"] if position == 0 else None,
                    stage,
                ]
                first = False
