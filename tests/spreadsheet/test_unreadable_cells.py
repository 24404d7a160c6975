"""Any cell made unreadable in a workbook written from any dataset is one problem, at that cell.

The general rule behind the example tests: a cell that cannot be read is told once,
at its own cell, with its code and the JSON path its value would have had; no other
sheet problem is told (the model's rules about the object it leaves a gap in wait for
it), and nothing is guessed or dropped in silence. One limitation is stated as an
expected failure: a rule about the record the gap is in (not the gap's own object)
may still speak of the gap.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset
from hankemalli.spreadsheet import LANGUAGES, read_workbook
from hankemalli.spreadsheet._layout import Kind
from hankemalli.spreadsheet._write import Rows, dataset_rows
from hankemalli.spreadsheet._xlsx import write_csv
from hankemalli.testing import strategies as hs

#: What each kind of column that reads strictly says of a cell it cannot read.
CODES = {
    Kind.DATE: "sheet.date_format",
    Kind.WHOLE: "sheet.whole_number",
    Kind.ORDINAL: "sheet.whole_number",
    Kind.DECIMAL: "sheet.number",
    Kind.CODE: "sheet.unknown_value",
    Kind.BOOLEAN: "sheet.unknown_value",
    Kind.TAG: "sheet.unknown_value",
}
UNREADABLE = "§?"  # no date, number or word of any list


def letters(number: int) -> str:
    return "" if not number else letters((number - 1) // 26) + chr(ord("A") + (number - 1) % 26)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dataset=st.one_of(hs.datasets(max_participants=3), hs.assessed_datasets(max_participants=2)),
    language=st.sampled_from(LANGUAGES),
    data=st.data(),
)
def test_any_cell_made_unreadable_is_the_one_problem_told_at_that_cell(
    tmp_path: Path, dataset: Dataset, language: str, data: st.DataObject
) -> None:
    sheets = [Rows(s.sheet, [list(row) for row in s.rows]) for s in dataset_rows(dataset, language)]
    places = [
        (s, r, c)
        for s, rows in enumerate(sheets)
        if not rows.sheet.form
        for r, row in enumerate(rows.rows)
        for c, value in enumerate(row)
        if value is not None and rows.sheet.columns[c].kind in CODES
    ]
    assume(places)
    s, r, c = data.draw(st.sampled_from(places), label="cell")
    sheet, column = sheets[s].sheet, sheets[s].sheet.columns[c]
    sheets[s].rows[r][c] = UNREADABLE
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "w"  # a new folder for each example
    write_csv(folder, language, sheets)

    with pytest.raises(DataError) as caught:
        read_workbook(folder)

    details = caught.value.details
    assert caught.value.count == len(details)
    name = sheet.name.get(language)
    name = f"'{name}'" if " " in name else name  # as Excel writes a name with a space
    cell = f"{name}!{letters(c + 1)}{r + 2}"  # below the header row
    (found,) = [p for p in details if p.cell == cell]  # type: ignore[attr-defined]
    # Any other problem is the model's, about the gap in the same participant's record
    # (see test_an_unreadable_exit_date_hides_that_the_exit_situation_needs_one).
    others = [p for p in details if p is not found]
    assert all(not p.code.startswith("sheet.") for p in others), [str(p) for p in others]
    assert all(p.path[:2] == found.path[:2] != () for p in others), [str(p) for p in others]
    assert found.code == CODES[column.kind]
    if column.kind is Kind.ORDINAL:  # the assessment's number has no place in the JSON form
        assert found.path == ()
    else:
        assert found.path[-len(column.where) :] == column.where
    assert "§?" in found.text(language)


@pytest.mark.xfail(
    strict=True,
    reason="known limitation: the record's own rules are not held back for a gap in its period",
)
def test_an_unreadable_exit_date_hides_that_the_exit_situation_needs_one(book, refused) -> None:
    # With its exit date unreadable, the period reads as still open, and the model says
    # the situation upon leaving needs an exit: about the gap, not about the data.
    situation = [f"Tilanne lähdettäessä: {f}" for f in ("päivä", "asema", "koulutuksessa")]
    people = [
        ["Pseudonyymi", *situation, "Tilanne lähdettäessä: tiedon lähde"],
        ["K-1", "30.6.2016", "Työssä", "ei", "Rekisteritieto"],
        ["K-2"],
    ]
    periods = [["Pseudonyymi", "Aloituspäivä", "Päättymispäivä"], ["K-1", "1.2.2016", "§?"]]
    periods.append(["K-2", "1.3.2016", None])
    found = refused(book({"Osallistujat": people, "Osallistumisjaksot": periods}))
    assert [(p.cell, p.code) for p in found] == [("Osallistumisjaksot!C2", "sheet.date_format")]
