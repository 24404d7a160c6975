"""A column mapping that is wrong is told whole: every mistake at its path, at once."""

from __future__ import annotations

import pytest

from hankemalli import Answer, DataError
from hankemalli.spreadsheet import ColumnMapping


def mistakes(data: object) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(DataError) as caught:
        ColumnMapping.from_dict(data)
    assert caught.value.count == len(caught.value.details)
    assert all(p.cell is None for p in caught.value.details)  # type: ignore[attr-defined]
    return [(p.path, p.code) for p in caught.value.details]


def test_a_mapping_that_is_no_table_is_told_at_its_root() -> None:
    assert mistakes(["sheets"]) == [((), "mapping.not_a_table")]


def test_each_part_of_a_mapping_that_is_no_table_is_told_and_the_rest_still_read() -> None:
    data = {"sheets": "x", "values": "y", "ignore_sheets": ["Muistiinpanot", 3, " "]}
    assert mistakes(data) == [
        (("sheets",), "mapping.not_a_table"),
        (("values",), "mapping.not_a_table"),
        (("ignore_sheets", 1), "mapping.not_text"),
        (("ignore_sheets", 2), "mapping.not_text"),
    ]


def test_every_mistake_of_a_sheets_mapping_is_told_at_its_path() -> None:
    data = {
        "sheets": {
            "participants": {"sheet": "", "columns": "x", "ignore": [None]},
            "periods": {"columns": {"entry": 5, "exit": "Loppu"}, "header_row": True},
            7: {},
        }
    }
    assert mistakes(data) == [
        (("sheets", "participants", "sheet"), "mapping.not_text"),
        (("sheets", "participants", "columns"), "mapping.not_a_table"),
        (("sheets", "participants", "ignore", 0), "mapping.not_text"),
        # A yes-or-no is no row number, though Python counts True as 1.
        (("sheets", "periods", "header_row"), "mapping.not_a_number"),
        (("sheets", "periods", "columns", "entry"), "mapping.not_text"),
        (("sheets", "7"), "mapping.unknown_sheet"),
    ]


def test_every_mistake_of_a_lists_words_is_told_at_its_path() -> None:
    data = {
        "values": {
            "Gender": "x",
            "boolean": {"joo": True, 1: "ei", None: "kyllä", 1.5: "ei", "x": 5},
        }
    }
    # Regression: a word that is no text nor number (None, 1.5) was kept as its Python
    # form ("None"), a word that no cell names.
    assert mistakes(data) == [
        (("values", "Gender"), "mapping.not_a_table"),
        (("values", "boolean", "None"), "mapping.not_text"),
        (("values", "boolean", "1.5"), "mapping.not_text"),
        (("values", "boolean", "x"), "mapping.unknown_value"),
    ]


def test_a_word_may_be_a_number_or_true_or_false_as_a_cell_names_it() -> None:
    mapping = ColumnMapping.from_dict({"values": {"Answer": {True: "kyllä", 0: "no"}}})
    assert mapping.values["Answer"] == {"true": Answer.YES, "0": Answer.NO}
