"""Rows put together into records, assessments, instruments and models: each rule told.

A row's problems are told at its cell with the JSON path its value would have had
(none for a row that belongs to no participant, or a column that has no place in the
JSON form), and every problem of a workbook at once, in the workbook's order.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hankemalli.spreadsheet import read_workbook

pytest.importorskip("openpyxl")

PEOPLE = ["Pseudonyymi", "Ikä tullessa", "Sukupuoli", "Työmarkkina-asema"]
PERIODS = ["Pseudonyymi", "Aloituspäivä"]
INSTRUMENT = [
    "Välineen tunnus",
    "Välineen nimi",
    "Ulottuvuuden tunnus",
    "Ulottuvuuden nimi",
    "Vaihe",
]
ASSESSMENT = [
    "Pseudonyymi",
    "Arviointiväline",
    "Päivä",
    "Arvioinnin laji",
    "Ulottuvuus",
    "Vaihe",
    "Arvioinnin numero",
]
#: Goal ladders with two dimensions: everyday life (three stages) and work (two).
LADDERS = [
    INSTRUMENT,
    ["tp", "Tavoiteportaat", "arki", "Arki", "alku"],
    ["tp", None, "arki", None, "keski"],
    ["tp", None, "arki", None, "loppu"],
    ["tp", None, "tyo", "Työ", "alku"],
    ["tp", None, "tyo", None, "loppu"],
]


def where(found) -> list[tuple[str | None, str, tuple[str | int, ...]]]:
    return [(p.cell, p.code, p.path) for p in found]


def assessed(rows: list[list[object]], ladders: list[list[object]] | None = LADDERS) -> dict:
    changes: dict[str, list[list[object]] | None] = {"Arvioinnit": [ASSESSMENT, *rows]}
    changes["Arviointivälineet"] = ladders
    return changes


# Participants and the rows that belong to them -----------------------------------------


def test_a_row_of_no_participant_tells_its_own_problems_too_at_no_path(book, refused) -> None:
    periods = [PERIODS, ["K-1", "1.2.2016"], ["K-2", "1.3.2016"], ["K-9", "31.2.2016"]]
    found = refused(book({"Osallistumisjaksot": periods}))
    # The row has no place in the document: its bad date is told, at its cell only.
    assert where(found) == [
        ("Osallistumisjaksot!A4", "sheet.unknown_participant", ()),
        ("Osallistumisjaksot!B4", "sheet.date_calendar", ()),
    ]


def test_an_unreadable_pseudonym_is_told_once_not_also_as_a_missing_one(book, refused) -> None:
    periods = [PERIODS, ["K-1", "1.2.2016"], ["K-2", "1.3.2016"], [dt.datetime(2016, 1, 1), "x"]]
    found = refused(book({"Osallistumisjaksot": periods}))
    # The row's date is not read further: the row belongs to nobody yet.
    assert where(found) == [
        ("Osallistumisjaksot!A4", "sheet.text", ()),
        ("Osallistumisjaksot!B4", "sheet.date_format", ()),
    ]


def test_a_participant_without_a_pseudonym_is_told_at_the_pseudonym_cell(book, refused) -> None:
    people = [
        PEOPLE,
        ["K-1", 30, "nainen", "Työtön"],
        ["K-2", 41, "mies", "Työllinen"],
        [None, 50, "mies", "Työtön"],
    ]
    found = refused(book({"Osallistujat": people}))
    assert where(found) == [
        ("Osallistujat!A4", "document.missing_key", ("participants", 2, "participant", "id")),
        ("Osallistujat!A4", "participation.no_periods", ("participants", 2, "periods")),
    ]


def test_a_missing_programme_sheet_hides_no_other_problem(book, refused) -> None:
    # Regression: the missing sheet's path ($.programme) blocked every path under the
    # document's root, so the participant's impossible age went untold.
    people = [PEOPLE, ["K-1", 130, "nainen", "Työtön"], ["K-2", 41, "mies", "Työllinen"]]
    found = refused(book({"Hanke": None, "Osallistujat": people}))
    assert where(found) == [
        ("Osallistujat!B2", "age.invalid", ("participants", 0, "participant", "age_at_entry")),
        (None, "sheet.missing_sheet", ("programme",)),
    ]


def test_an_unreadable_programme_date_hides_no_funders_problem(book, refused) -> None:
    # Regression: the programme's own rules wait for its start date, and so did its
    # funders' (the funder's missing kind went untold).
    programme = [
        ["Tunnus", "testi"],
        ["Nimi", "Testihanke"],
        ["Toteuttaja", "Testiyhdistys ry"],
        ["Alkaa", "1.13.2016"],
        ["Päättyy", "31.12.2018"],
    ]
    funders = [["Rahoittaja", "Rahoittajan tyyppi", "Rahoitusosuus"], ["ESR", None, "1"]]
    found = refused(book({"Hanke": programme, "Rahoittajat": funders}))
    assert where(found) == [
        ("Hanke!B4", "sheet.date_calendar", ("programme", "start")),
        ("Rahoittajat!B2", "document.missing_key", ("programme", "funders", 0, "kind")),
    ]


# Assessments -----------------------------------------------------------------------------


def test_the_rows_of_one_instrument_day_and_kind_are_one_assessment(book) -> None:
    rows = [
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "KESKI"],  # a stage in any case
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "tyo", "alku"],
        ["K-1", "tp", "1.3.2016", "Seuranta-arvio", "arki", "loppu"],
    ]
    (record, _) = read_workbook(book(assessed(rows))).participants
    assert [
        (a.kind.value, [(s.dimension, s.stage) for s in a.scores]) for a in record.assessments
    ] == [  # type: ignore[union-attr]
        ("entry", [("arki", 1), ("tyo", 0)]),
        ("review", [("arki", 2)]),
    ]


def test_the_rows_of_one_assessment_number_must_agree_on_its_day_and_kind(book, refused) -> None:
    rows = [
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku", 1],
        ["K-1", "tp", "2.3.2016", "Seuranta-arvio", "tyo", "alku", 1],
    ]
    found = refused(book(assessed(rows)))
    prefix = ("participants", 0, "assessments", 0)
    assert where(found) == [
        ("Arvioinnit!C3", "sheet.conflicting_value", (*prefix, "date")),
        ("Arvioinnit!D3", "sheet.conflicting_value", (*prefix, "kind")),
    ]
    assert (
        found[0].text("fi") == "'2016-03-02' poikkeaa saman tiedon arvosta solussa Arvioinnit!C2."
    )


def test_a_stage_the_dimension_does_not_have_is_told_with_its_stages(book, refused) -> None:
    rows = [
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku"],
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "tyo", "huippu"],
    ]
    (found,) = refused(book(assessed(rows)))
    assert where([found]) == [
        (
            "Arvioinnit!F3",
            "sheet.unknown_stage",
            ("participants", 0, "assessments", 0, "scores", 1, "stage"),
        )
    ]
    assert found.text("en") == "The dimension 'tyo' has no stage 'huippu'; its stages: alku, loppu."


def test_a_stage_of_an_instrument_or_dimension_not_on_the_instruments_sheet_is_told(
    book, refused
) -> None:
    rows = [
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku"],
        ["K-2", "xx", "1.3.2016", "Alkuarvio", "arki", "alku"],
        ["K-2", "tp", "2.3.2016", "Alkuarvio", "muu", "alku"],
    ]
    found = refused(book(assessed(rows)))
    assert where(found) == [
        (
            "Arvioinnit!F3",
            "sheet.stage_unresolved",
            ("participants", 1, "assessments", 0, "scores", 0, "stage"),
        ),
        (
            "Arvioinnit!F4",
            "sheet.stage_unresolved",
            ("participants", 1, "assessments", 1, "scores", 0, "stage"),
        ),
    ]
    assert found[1].text("en") == (
        "The stage 'alku' cannot be read: the instrument 'tp' with the dimension 'muu' is "
        "not on the sheet Arviointivälineet."
    )


def test_without_an_instruments_sheet_no_stage_can_be_read(book, refused) -> None:
    rows = [["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku"]]
    (found,) = refused(book(assessed(rows, ladders=None)))
    assert (found.cell, found.code) == ("Arvioinnit!F2", "sheet.stage_unresolved")
    assert found.text("fi").endswith("ei ole välilehdellä Arviointivälineet.")


def test_an_assessment_rows_problems_are_told_at_the_assessment_or_its_score(book, refused) -> None:
    rows = [
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "arki", "alku"],
        ["K-1", "tp", "1.3.2016", "Alkuarvio", "tyo", dt.datetime(2016, 1, 1), "x"],
        ["K-2", "tp", "32.3.2016", "Alkuarvio", "arki", "alku"],
        ["K-2", "tp", None, "Alkuarvio", None, None],
    ]
    found = refused(book(assessed(rows)))
    first, second = ("participants", 0, "assessments", 0), ("participants", 1, "assessments", 0)
    assert where(found) == [
        ("Arvioinnit!F3", "sheet.text", (*first, "scores", 1, "stage")),
        # The assessment number has no place in the JSON form: no path (it was "number").
        ("Arvioinnit!G3", "sheet.whole_number", ()),
        ("Arvioinnit!C4", "sheet.date_calendar", (*second, "date")),
        # The row without a date joins the one whose date cannot be read; its blanks are
        # the model's to tell.
        ("Arvioinnit!E5", "document.missing_key", (*second, "scores", 1, "dimension")),
        ("Arvioinnit!F5", "document.missing_key", (*second, "scores", 1, "stage")),
    ]


# Instruments -----------------------------------------------------------------------------


def test_an_instruments_rows_must_agree_and_each_unreadable_cell_has_its_path(
    book, refused
) -> None:
    ladders = [
        INSTRUMENT,
        ["tp", "Tavoiteportaat", "arki", "Arki", dt.datetime(2016, 1, 1)],
        ["tp", "Toinen", "arki", None, "keski"],
        ["tp", dt.datetime(2016, 1, 1), "tyo", dt.datetime(2016, 1, 2), "alku"],
        ["tp", None, "tyo", None, "loppu"],
        ["tp2", dt.datetime(2016, 1, 1), "x", "X", "a"],
        ["tp2", None, "x", None, "b"],
    ]
    found = refused(book({"Arviointivälineet": ladders}))
    tp, tp2 = ("instruments", 0), ("instruments", 1)
    assert where(found) == [
        ("Arviointivälineet!E2", "sheet.text", (*tp, "dimensions", 0, "stages", 0)),
        ("Arviointivälineet!B3", "sheet.conflicting_value", (*tp, "name")),
        # Regression: a later row's unreadable name was told at no path.
        ("Arviointivälineet!B4", "sheet.text", (*tp, "name")),
        ("Arviointivälineet!D4", "sheet.text", (*tp, "dimensions", 1, "name")),
        ("Arviointivälineet!B6", "sheet.text", (*tp2, "name")),
    ]
    assert found[1].text("en") == "'Toinen' differs from the same field at Arviointivälineet!B2."


def test_an_instrument_row_without_its_id_is_an_instrument_the_model_refuses(book, refused) -> None:
    ladders = [*LADDERS, [None, None, "x", "X", "a"], [None, None, "x", None, "b"]]
    found = refused(book({"Arviointivälineet": ladders}))
    assert where(found) == [
        ("Arviointivälineet!A7", "document.missing_key", ("instruments", 1, "id")),
        ("Arviointivälineet!B7", "document.missing_key", ("instruments", 1, "name")),
    ]


# Operating models ------------------------------------------------------------------------


def test_each_operating_model_cell_is_told_and_hides_no_other(book, refused) -> None:
    # Regression: one unreadable model hid the model's problems with every other one.
    models = [["Toimintamalli (JSON)"], ["{oops"], [dt.datetime(2016, 1, 1)], [12]]
    found = refused(book({"Toimintamallit": models}))
    assert where(found) == [
        ("Toimintamallit!A2", "sheet.json", ("operating_models", 0)),
        ("Toimintamallit!A3", "sheet.text", ("operating_models", 1)),
        ("Toimintamallit!A4", "value.type", ("operating_models", 2)),
    ]
    assert found[0].text("fi").startswith("Solussa ei ole kelvollista JSON-tekstiä: not valid JSON")
