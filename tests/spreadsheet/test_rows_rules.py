"""Sheets, columns and the programme form found in a workbook: what cannot be placed is told.

Each rule a test: the problem's code, its place (a sheet, or ``Sheet!C14``) and its
JSON path, and every problem of the workbook at once, in the workbook's order.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from hankemalli.spreadsheet import read_workbook

pytest.importorskip("openpyxl")

HANKE = (
    "Tunnus;testi\r\nNimi;Testi\r\nToteuttaja;Yhdistys ry\r\n"
    "Alkaa;1.1.2016\r\nPäättyy;31.12.2018\r\n"
)


def where(found) -> list[tuple[str | None, str, tuple[str | int, ...]]]:
    return [(p.cell, p.code, p.path) for p in found]


def folder(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_bytes(text.encode("utf-8-sig"))
    return tmp_path


# Sheets ----------------------------------------------------------------------------------


def test_one_sheet_under_two_names_is_told_at_the_second(book, refused) -> None:
    found = refused(book({"Participants": [["Pseudonym"], ["K-3"]]}))
    assert where(found) == [("Participants", "sheet.duplicate_sheet", ())]
    assert found[0].text("fi") == (
        "Välilehdet Participants ja Osallistujat ovat sama välilehti; pidä vain toinen."
    )


def test_an_english_workbook_is_told_in_its_order_with_quoted_sheet_names(book, refused) -> None:
    english = {
        "Hanke": None,
        "Osallistujat": None,
        "Osallistumisjaksot": None,
        "Programme": [
            ["Id", "testi"],
            ["Name", "T"],
            ["Organisation", "Y"],
            ["Start", "1.1.2016"],
            ["End", "31.12.2018"],
        ],
        "Service episodes": [["Pseudonym", "Service", "Start"], ["K-1", "flying", "1.3.2016"]],
        "Participants": [["Pseudonym", "Age at entry"], ["K-1", "x"], ["K-2", 41]],
        "Periods": [["Pseudonym", "Entry"], ["K-1", "1.2.2016"], ["K-2", "1.3.2016"]],
    }
    found = refused(book(english))
    # Excel quotes a sheet name with a space; the order is the workbook's, not the model's.
    assert where(found) == [
        (
            "'Service episodes'!B2",
            "sheet.unknown_value",
            ("participants", 0, "episodes", 0, "service"),
        ),
        (
            "Participants!B2",
            "sheet.whole_number",
            ("participants", 0, "participant", "age_at_entry"),
        ),
    ]
    assert found[0].text("en").startswith("Unknown value 'flying'; allowed: Rehabilitative work")


def test_a_stage_names_the_instruments_sheet_a_mapping_gives_though_it_is_missing(
    book, refused
) -> None:
    header = ["Pseudonyymi", "Arviointiväline", "Päivä", "Arvioinnin laji", "Ulottuvuus", "Vaihe"]
    rows = [header, ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku"]]
    mapping = {"sheets": {"instruments": {"sheet": "Mittarit"}}}
    (found,) = refused(book({"Arvioinnit": rows}), mapping)
    assert (found.cell, found.code) == ("Arvioinnit!F2", "sheet.stage_unresolved")
    assert found.text("en").endswith("is not on the sheet Mittarit.")


# Columns ---------------------------------------------------------------------------------


def test_the_models_header_is_unknown_where_a_mapping_gives_that_column_another(
    book, refused
) -> None:
    people = [
        ["Pseudonyymi", "ikä", "Ikä tullessa"],
        ["K-1", 30, 31],
        ["K-2", 41, 42],
    ]
    mapping = {"sheets": {"participants": {"columns": {"age_at_entry": "ikä"}}}}
    found = refused(book({"Osallistujat": people}), mapping)
    assert where(found) == [("Osallistujat!C1", "sheet.unknown_column", ())]
    people = [row[:2] for row in people]
    assert [
        r.participant.age_at_entry
        for r in read_workbook(book({"Osallistujat": people}), mapping).participants
    ] == [30, 41]


def test_an_empty_column_without_a_header_is_no_problem(book) -> None:
    people = [
        ["Pseudonyymi", None, "Ikä tullessa"],
        ["K-1", None, 30],
        ["K-2", " ", 41],
    ]
    dataset = read_workbook(book({"Osallistujat": people}))
    assert [r.participant.age_at_entry for r in dataset.participants] == [30, 41]


def test_a_header_that_is_a_date_or_number_is_told_as_excel_shows_it(book, refused) -> None:
    people = [
        ["Pseudonyymi", dt.datetime(2016, 3, 1), 2016],
        ["K-1", 1, 2],
        ["K-2", None, None],
    ]
    found = refused(book({"Osallistujat": people}))
    assert where(found) == [
        ("Osallistujat!B1", "sheet.unknown_column", ()),
        ("Osallistujat!C1", "sheet.unknown_column", ()),
    ]
    assert [p.text("en").split(";")[0] for p in found] == [
        "Unknown column 1.3.2016",
        "Unknown column 2016",
    ]


def test_a_value_for_a_kind_waits_for_a_kind_that_can_be_read(book, refused) -> None:
    # Whether the education kind belongs to the row cannot be told until its kind can.
    header = ["Pseudonyymi", "Tilanne", "Alkoi", "Tiedon lähde", "Koulutuksen laji"]
    rows = [header, ["K-1", "lentäjänä", "1.7.2016", "Rekisteritieto", "Ammatillinen koulutus"]]
    found = refused(book({"Tilanteet": rows}))
    assert where(found) == [
        ("Tilanteet!B2", "sheet.unknown_value", ("participants", 0, "situations", 0, "type"))
    ]


def test_a_sheet_shared_by_participants_and_periods_makes_a_period_only_of_its_cells(
    tmp_path: Path, refused
) -> None:
    # K-2's row has no period's cells: no empty period is made for it, so the model
    # tells that K-2 has none, at its row.
    path = folder(
        tmp_path,
        Hanke=HANKE,
        oma="nro;ikä;alku\r\nX-1;30;1.3.2016\r\nX-2;41;\r\n",
    )
    mapping = {
        "sheets": {
            "participants": {"sheet": "oma", "columns": {"id": "nro", "age_at_entry": "ikä"}},
            "periods": {"sheet": "oma", "columns": {"participant": "nro", "entry": "alku"}},
        }
    }
    found = refused(path, mapping)
    assert where(found) == [("oma!A3", "participation.no_periods", ("participants", 1, "periods"))]


def test_a_csv_row_shorter_than_its_header_has_blanks_for_the_cells_it_lacks(
    tmp_path: Path,
) -> None:
    path = folder(
        tmp_path,
        Hanke=HANKE,
        Osallistujat="Pseudonyymi;Sukupuoli;Ikä tullessa\r\nK-1;nainen\r\nK-2\r\n",
        Osallistumisjaksot="Pseudonyymi;Aloituspäivä\r\nK-1;1.2.2016\r\nK-2;1.3.2016\r\n",
    )
    dataset = read_workbook(path)
    assert [(r.profile.gender, r.participant.age_at_entry) for r in dataset.participants] == [
        ("woman", None),
        (None, None),
    ]


# The programme form ----------------------------------------------------------------------


def test_the_forms_blank_rows_are_skipped_and_a_field_twice_or_unnamed_is_told(
    book, refused
) -> None:
    programme = [
        ["Tunnus", "testi"],
        [None, None],
        ["Nimi", "Testihanke"],
        [5, "x"],
        ["Toteuttaja", "Testiyhdistys ry"],
        ["Alkaa", "1.1.2016"],
        ["Päättyy", "31.12.2018"],
        ["nimi", "Toinen"],
    ]
    found = refused(book({"Hanke": programme}))
    assert where(found) == [
        ("Hanke!A4", "sheet.unknown_field", ()),
        ("Hanke!A8", "sheet.duplicate_column", ()),
    ]
    # Regression: a number in column A was shown as text ('5').
    assert found[0].text("en").startswith("Unknown field 5; the fields of this sheet: Tunnus,")
    assert found[1].text("en") == "nimi is already at Hanke!A3; each one only once."
    programme[3:4] = []
    programme.pop()
    assert read_workbook(book({"Hanke": programme})).programme.name == "Testihanke"


# Files -----------------------------------------------------------------------------------


def test_one_csv_file_is_read_as_its_one_sheet(tmp_path: Path, refused) -> None:
    path = folder(tmp_path, Osallistujat="Pseudonyymi;Ikä tullessa\r\nK-1;x\r\n")
    found = refused(path / "Osallistujat.csv")
    assert [(p.cell, p.code) for p in found] == [
        ("Osallistujat!A2", "participation.no_periods"),
        ("Osallistujat!B2", "sheet.whole_number"),
        (None, "sheet.missing_sheet"),  # the programme, which this one file lacks
    ]


def test_a_csv_file_the_csv_reader_refuses_is_told_with_its_reason(tmp_path: Path, refused) -> None:
    # A cell past the csv module's field limit (an unclosed quote swallowing the file).
    big = "x" * (csv.field_size_limit() + 1)
    path = folder(tmp_path, Hanke=HANKE, Osallistujat=f'Pseudonyymi\r\n"{big}\r\n')
    (found,) = refused(path)
    assert (found.cell, found.code, found.path) == ("Osallistujat", "sheet.csv_format", ())
    assert found.text("en").startswith(
        "The CSV file cannot be read: 'field larger than field limit"
    )


def test_a_text_that_looks_like_a_formula_is_written_as_text_never_run(
    book, tmp_path: Path
) -> None:
    import attrs
    import openpyxl

    from hankemalli.spreadsheet import write_workbook

    dataset = read_workbook(book())
    programme = attrs.evolve(dataset.programme, name='=HYPERLINK("http://x")')
    written = attrs.evolve(dataset, programme=programme)
    path = tmp_path / "kaava.xlsx"
    write_workbook(written, path)
    cell = openpyxl.load_workbook(path)["Hanke"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    assert read_workbook(path) == written
