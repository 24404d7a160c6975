"""Each kind of column reads a cell strictly: what it cannot read is told, never guessed.

One rule a test: the cell a value cannot be read from is told with its problem's code,
its place (``Osallistujat!B2``), the JSON path its value would have had, and the cell
as Excel shows it (never as Python writes it); every problem of a workbook at once.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hankemalli.spreadsheet import read_workbook
from hankemalli.spreadsheet._values import (
    CellError,
    read_date,
    read_decimal,
    read_whole,
    shown_cell,
)

pytest.importorskip("openpyxl")

PEOPLE = ["Pseudonyymi", "Ikä tullessa", "Sukupuoli", "Työmarkkina-asema"]
PERIODS = ["Pseudonyymi", "Aloituspäivä"]
FUNDERS = ["Rahoittaja", "Rahoittajan tyyppi", "Rahoitusosuus", "Määrä (€)"]
TARGETS = ["Tavoite", "Jakso", "Vähintään", "Enintään"]


def where(found) -> list[tuple[str | None, str, tuple[str | int, ...]]]:
    return [(p.cell, p.code, p.path) for p in found]


def test_a_yes_or_no_cell_is_no_number_and_is_shown_as_excel_shows_it(book, refused) -> None:
    people = [PEOPLE, ["K-1", True, "nainen", "Työtön"], ["K-2", 41, "mies", "Työllinen"]]
    funders = [FUNDERS, ["ESR", "EU", False, None]]
    found = refused(book({"Osallistujat": people, "Rahoittajat": funders}))
    assert where(found) == [
        (
            "Osallistujat!B2",
            "sheet.whole_number",
            ("participants", 0, "participant", "age_at_entry"),
        ),
        ("Rahoittajat!C2", "sheet.number", ("programme", "funders", 0, "share")),
    ]
    assert found[0].text("fi") == "Odotettiin kokonaislukua (esim. 32), solussa on TRUE."
    assert found[1].text("en") == (
        "Expected a number (such as 0.456 or 45.6 %), the cell holds FALSE."
    )


def test_a_date_cell_in_a_text_column_is_refused_and_shown_as_a_finnish_date(book, refused) -> None:
    funders = [FUNDERS, [dt.datetime(2016, 3, 1), "EU", None, None]]
    (found,) = refused(book({"Rahoittajat": funders}))
    assert where([found]) == [("Rahoittajat!A2", "sheet.text", ("programme", "funders", 0, "name"))]
    assert found.text("fi") == "Solussa pitäisi olla tekstiä, mutta siinä on 1.3.2016."


def test_a_date_and_time_cell_in_a_text_column_shows_its_time(book, refused) -> None:
    funders = [FUNDERS, [dt.datetime(2016, 3, 1, 9, 15), "EU", None, None]]
    (found,) = refused(book({"Rahoittajat": funders}))
    assert found.text("en") == "The cell should hold text, but it holds 1.3.2016 09:15:00."


def test_a_pseudonym_excel_turned_into_a_number_is_read_as_its_digits(book) -> None:
    people = [PEOPLE, [1001, 30, "nainen", "Työtön"], ["K-2", 41, "mies", "Työllinen"]]
    periods = [PERIODS, [1001, "1.2.2016"], ["K-2", "1.3.2016"]]
    dataset = read_workbook(book({"Osallistujat": people, "Osallistumisjaksot": periods}))
    assert [r.id for r in dataset.participants] == ["1001", "K-2"]
    assert [str(r.periods[0].entry) for r in dataset.participants] == ["2016-02-01", "2016-03-01"]


def test_a_time_or_duration_cell_is_no_date_and_is_shown_as_excel_shows_it(book, refused) -> None:
    # Regression: these were shown as Python writes them, "datetime.time(14, 30)".
    periods = [PERIODS, ["K-1", dt.time(14, 30)], ["K-2", dt.timedelta(hours=5)]]
    found = refused(book({"Osallistumisjaksot": periods}))
    assert where(found) == [
        ("Osallistumisjaksot!B2", "sheet.date_format", ("participants", 0, "periods", 0, "entry")),
        ("Osallistumisjaksot!B3", "sheet.date_format", ("participants", 1, "periods", 0, "entry")),
    ]
    assert found[0].text("fi").startswith("14:30 ei ole päivämäärä.")
    assert found[1].text("sv").startswith("5:00:00 är inget datum.")


def test_numbers_are_read_exactly_with_a_decimal_comma_grouping_and_a_percent_sign(book) -> None:
    funders = [
        FUNDERS,
        ["ESR", "EU", "74,5 %", "12\u00a0500,50"],
        ["Kunta", "Kunta", 0.255, 12000],
    ]
    programme = read_workbook(book({"Rahoittajat": funders})).programme
    shares = [(str(f.share), str(f.amount)) for f in programme.funders]
    assert shares == [("0.745", "12500.50"), ("0.255", "12000")]


def test_a_number_that_cannot_be_read_is_told_with_each_cell(book, refused) -> None:
    funders = [
        FUNDERS,
        ["ESR", "EU", "paljon", "1.000,5"],
        ["Kunta", "Kunta", dt.time(8, 0), None],
    ]
    found = refused(book({"Rahoittajat": funders}))
    assert where(found) == [
        ("Rahoittajat!C2", "sheet.number", ("programme", "funders", 0, "share")),
        ("Rahoittajat!D2", "sheet.number", ("programme", "funders", 0, "amount")),
        ("Rahoittajat!C3", "sheet.number", ("programme", "funders", 1, "share")),
    ]
    assert found[2].text("en").endswith("the cell holds 08:00.")


def test_a_whole_number_column_refuses_a_fraction_and_reads_digits(book, refused) -> None:
    targets = [TARGETS, ["Osallistujat", "vuodessa", " 30 ", 40.5]]
    (found,) = refused(book({"Tavoitteet": targets}))
    assert where([found]) == [
        ("Tavoitteet!D2", "sheet.whole_number", ("programme", "targets", 0, "maximum"))
    ]
    assert found.text("en").endswith("the cell holds 40.5.")
    targets[1][3] = "40"
    (target,) = read_workbook(book({"Tavoitteet": targets})).programme.targets
    assert (target.minimum, target.maximum) == (30, 40)


def test_a_whole_number_stored_as_a_float_is_read_as_that_number() -> None:
    # Excel writes 41 as an integer, but other tools write "41.0" or "4.1E1", which
    # openpyxl reads as a float; a float with a fraction stays a problem.
    assert read_whole(41.0) == 41
    assert read_whole(1e20) == 10**20
    with pytest.raises(CellError) as caught:
        read_whole(41.5)
    assert caught.value.code == "sheet.whole_number"


def test_a_number_that_is_no_number_is_refused_not_written_as_nan() -> None:
    # Not reachable from a file (openpyxl reads NaN and infinity as blank), but a Cell may
    # hold it: Decimal would write it as "NaN", which no rule of the model expects.
    for value in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(CellError) as caught:
            read_decimal(value)
        assert caught.value.code == "sheet.number"


def test_a_date_object_is_read_as_its_iso_date_and_shown_as_a_finnish_date() -> None:
    # openpyxl gives a date cell as a datetime; a plain date is what a Cell may also hold.
    assert read_date(dt.date(2016, 3, 1)) == "2016-03-01"
    assert shown_cell(dt.date(2016, 3, 1)) == "1.3.2016"
    assert shown_cell(dt.datetime(2016, 3, 1)) == "1.3.2016"
    assert shown_cell(dt.timedelta(days=1, minutes=3, seconds=2)) == "24:03:02"
    assert shown_cell(-dt.timedelta(hours=1)) == "-1:00:00"
    assert shown_cell(dt.time(14, 30, 5)) == "14:30:05"


def test_a_yes_or_no_cell_answers_a_yes_or_no_column_but_names_no_code(book, refused) -> None:
    people = [
        [*PEOPLE, "Koulutuksessa tullessa"],
        ["K-1", 30, "nainen", "Työtön", True],
        ["K-2", 41, "mies", "Työllinen", "ei"],
    ]
    dataset = read_workbook(book({"Osallistujat": people}))
    assert [r.profile.in_education_or_training for r in dataset.participants] == [True, False]
    people[1][2] = True
    people[2][2] = dt.datetime(2016, 3, 1)
    found = refused(book({"Osallistujat": people}))
    assert where(found) == [
        ("Osallistujat!C2", "sheet.unknown_value", ("participants", 0, "profile", "gender")),
        ("Osallistujat!C3", "sheet.unknown_value", ("participants", 1, "profile", "gender")),
    ]
    assert found[0].text("en").startswith("Unknown value TRUE; allowed: nainen, mies")
    assert found[1].text("en").startswith("Unknown value 1.3.2016; allowed: nainen, mies")


def test_an_associations_number_codes_are_read_through_its_mapping(book, refused) -> None:
    people = [PEOPLE, ["K-1", 30, 1, "Työtön"], ["K-2", 41, 2, "Työllinen"]]
    mapping = {"values": {"Gender": {"1": "woman", "2": "man"}}}
    dataset = read_workbook(book({"Osallistujat": people}), mapping)
    assert [r.profile.gender.value for r in dataset.participants] == ["woman", "man"]  # type: ignore[union-attr]
    # Without the mapping a number names no value: told, not guessed.
    found = refused(book({"Osallistujat": people}))
    assert [(p.cell, p.code) for p in found] == [
        ("Osallistujat!C2", "sheet.unknown_value"),
        ("Osallistujat!C3", "sheet.unknown_value"),
    ]
