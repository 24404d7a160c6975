"""Every problem of a workbook is told at its cell, with its code, in three languages.

Nothing is dropped in silence or guessed: an unknown sheet, column or value is a
problem, and so is a row whose pseudonym names no participant. The model's own
problems are carried back to the cell their value came from.
"""

from __future__ import annotations

import pytest

from hankemalli import DataError
from hankemalli.spreadsheet import SHEET_MESSAGES, SheetProblem, read_workbook

pytest.importorskip("openpyxl")

PEOPLE = ["Pseudonyymi", "Ikä tullessa", "Sukupuoli", "Työmarkkina-asema"]
PERIODS = ["Pseudonyymi", "Aloituspäivä", "Päättymispäivä", "Päättymisen syy"]


def problems(path) -> list[SheetProblem]:
    with pytest.raises(DataError) as caught:
        read_workbook(path)
    details = list(caught.value.details)
    assert all(isinstance(p, SheetProblem) for p in details)
    return details  # type: ignore[return-value]


def told(path) -> list[tuple[str | None, str]]:
    return [(p.cell, p.code) for p in problems(path)]


def test_the_base_workbook_reads(book) -> None:
    dataset = read_workbook(book())
    assert [r.id for r in dataset.participants] == ["K-1", "K-2"]
    assert str(dataset.programme.start) == "2016-01-01"


def test_every_code_has_a_message_in_each_language_with_the_same_fields() -> None:
    import string

    for code, message in SHEET_MESSAGES.items():
        assert code.startswith(("sheet.", "mapping."))
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(message.template(lang)) if name}
            for lang in ("fi", "sv", "en")
        ]
        # Each language uses the same fields (the allowed values are listed per language).
        assert (
            {f.replace("_fi", "").replace("_sv", "").replace("_en", "") for f in fields[0]}
            == {f.replace("_fi", "").replace("_sv", "").replace("_en", "") for f in fields[2]}
            == {f.replace("_fi", "").replace("_sv", "").replace("_en", "") for f in fields[1]}
        ), code


def test_an_unknown_value_is_a_problem_not_a_blank(book) -> None:
    path = book(
        {"Osallistujat": [PEOPLE, ["K-1", 30, "naine", "Työtön"], ["K-2", 41, "mies", "x"]]}
    )
    found = problems(path)
    assert [(p.cell, p.code, p.path) for p in found] == [
        ("Osallistujat!C2", "sheet.unknown_value", ("participants", 0, "profile", "gender")),
        (
            "Osallistujat!D3",
            "sheet.unknown_value",
            ("participants", 1, "profile", "labour_market_status"),
        ),
    ]
    # The allowed values are those the workbook's lists offer, in its language.
    assert found[0].text("sv") == (
        "Okänt värde 'naine'; tillåtna: nainen, mies, muunsukupuolinen, ei halua kertoa."
    )
    assert found[0].text("fi") == (
        "Tuntematon arvo 'naine'; sallitut: nainen, mies, muunsukupuolinen, ei halua kertoa."
    )


def test_a_swedish_workbook_lists_the_swedish_values(book) -> None:
    people = [["Pseudonym", "Kön"], ["K-1", "kvina"]]
    periods = [["Pseudonym", "Startdatum"], ["K-1", "1.2.2016"]]
    changes = {"Osallistujat": None, "Osallistumisjaksot": None}
    path = book({**changes, "Deltagare": people, "Deltagandeperioder": periods})
    (found,) = problems(path)
    assert found.text("en") == (
        "Unknown value 'kvina'; allowed: kvinna, man, icke-binär, vill inte uppge."
    )


def test_codes_labels_in_any_language_and_any_case_are_read(book) -> None:
    rows = [PEOPLE, ["K-1", 30, "WOMAN", "arbetslös"], ["K-2", 41, "  Man ", "työllinen"]]
    dataset = read_workbook(book({"Osallistujat": rows}))
    profiles = [r.profile for r in dataset.participants]
    assert [(p.gender.value, p.labour_market_status.value) for p in profiles] == [  # type: ignore[union-attr]
        ("woman", "unemployed"),
        ("man", "employed"),
    ]


@pytest.mark.parametrize(
    ("cell", "code", "message_fi"),
    [
        ("1.13.2016", "sheet.date_calendar", "Päivää '1.13.2016' ei ole kalenterissa."),
        ("29.2.2017", "sheet.date_calendar", "Päivää '29.2.2017' ei ole kalenterissa."),
        ("2016/02/01", "sheet.date_format", None),
        ("1.2.16", "sheet.date_format", None),  # a two-digit year would be a guess
        (42401, "sheet.date_format", None),  # an Excel serial number without a date format
    ],
)
def test_a_date_that_cannot_be_read_is_told(book, cell, code, message_fi) -> None:
    rows = [PERIODS, ["K-1", cell, None, None], ["K-2", "1.3.2016", None, None]]
    (found,) = problems(book({"Osallistumisjaksot": rows}))
    assert (found.cell, found.code) == ("Osallistumisjaksot!B2", code)
    assert found.path == ("participants", 0, "periods", 0, "entry")
    if message_fi:
        assert found.text("fi") == message_fi
    else:
        assert "ei ole päivämäärä" in found.text("fi")


def test_finnish_iso_and_excel_dates_are_all_read(book) -> None:
    import datetime as dt

    rows = [
        PERIODS,
        ["K-1", "01.02.2016", dt.datetime(2016, 6, 30), None],
        ["K-2", "2016-03-01", None, None],
    ]
    dataset = read_workbook(book({"Osallistumisjaksot": rows}))
    assert [str(r.periods[0].entry) for r in dataset.participants] == ["2016-02-01", "2016-03-01"]
    assert str(dataset.participants[0].last_exit) == "2016-06-30"


def test_a_date_cell_with_a_time_of_day_is_a_problem(book) -> None:
    import datetime as dt

    rows = [PERIODS, ["K-1", dt.datetime(2016, 2, 1, 14, 30), None, None], ["K-2", "1.3.2016"]]
    assert told(book({"Osallistumisjaksot": rows})) == [
        ("Osallistumisjaksot!B2", "sheet.date_time")
    ]


def test_numbers_and_texts_that_cannot_be_read_are_told(book) -> None:
    rows = [PEOPLE, ["K-1", "kolmekymmentä", "nainen", None], ["K-2", 41.5, None, None]]
    assert told(book({"Osallistujat": rows})) == [
        ("Osallistujat!B2", "sheet.whole_number"),
        ("Osallistujat!B3", "sheet.whole_number"),
    ]


def test_a_row_for_a_pseudonym_not_among_the_participants_is_told(book) -> None:
    rows = [
        PERIODS,
        ["K-1", "1.2.2016"],
        ["K-2", "1.3.2016"],
        ["K-9", "1.4.2016"],
        [None, "1.5.2016"],
    ]
    found = problems(book({"Osallistumisjaksot": rows}))
    assert [(p.cell, p.code) for p in found] == [
        ("Osallistumisjaksot!A4", "sheet.unknown_participant"),
        ("Osallistumisjaksot!A5", "sheet.no_participant"),
    ]
    assert found[0].text("fi").startswith("Pseudonyymiä 'K-9' ei ole välilehdellä Osallistujat")


def test_unknown_sheets_and_columns_are_told_and_a_missing_sheet_too(book) -> None:
    rows = [
        [*PEOPLE, "Nimi"],
        ["K-1", 30, "nainen", "Työtön", "Maija"],
        ["K-2", 41, None, None, None],
    ]
    path = book({"Osallistujat": rows, "Muistiinpanot": [["x"]], "Hanke": None})
    found = problems(path)
    assert [(p.cell, p.code) for p in found] == [
        ("Osallistujat!E1", "sheet.unknown_column"),
        ("Muistiinpanot", "sheet.unknown_sheet"),
        (None, "sheet.missing_sheet"),
    ]
    assert found[0].text("fi").startswith("Tuntematon sarake 'Nimi'; tämän välilehden sarakkeet: ")
    assert found[2].where() == "$.programme"
    assert found[2].text("fi") == "Välilehti Hanke puuttuu; se tarvitaan."


def test_a_required_column_that_is_missing_is_told_once(book) -> None:
    rows = [["Pseudonyymi", "Päättymispäivä"], ["K-1", "30.6.2016"], ["K-2", None]]
    found = problems(
        book({"Osallistujat": [PEOPLE, ["K-1", 30], ["K-2", 41]], "Osallistumisjaksot": rows})
    )
    # No period could be read, so the participants have none: the model says so, at
    # each participant's row; then the missing column, on the next sheet.
    assert [(p.cell, p.path) for p in found] == [
        ("Osallistujat!A2", ("participants", 0, "periods")),
        ("Osallistujat!A3", ("participants", 1, "periods")),
        ("Osallistumisjaksot", ()),
    ]
    assert found[2].code == "sheet.missing_column"
    assert found[2].text("fi") == "Sarake Aloituspäivä puuttuu, ja se on pakollinen."


def test_data_under_no_header_and_a_column_twice_are_told(book) -> None:
    rows = [
        [*PERIODS, None, "Aloituspäivä"],
        ["K-1", "1.2.2016", None, None, "x", "1.2.2016"],
        ["K-2", "1.3.2016"],
    ]
    assert told(book({"Osallistumisjaksot": rows})) == [
        ("Osallistumisjaksot!F1", "sheet.duplicate_column"),
        ("Osallistumisjaksot!E2", "sheet.unnamed_column"),
    ]


def test_a_value_in_a_column_not_for_the_rows_kind_is_told(book) -> None:
    header = ["Pseudonyymi", "Tilanne", "Alkoi", "Tiedon lähde", "Koulutuksen laji"]
    rows = [header, ["K-1", "työnhakijana", "1.7.2016", "Rekisteritieto", "Ammatillinen koulutus"]]
    (found,) = problems(book({"Tilanteet": rows}))
    assert (found.cell, found.code) == ("Tilanteet!E2", "sheet.not_applicable")
    assert found.text("fi") == (
        "Sarake Koulutuksen laji ei koske riviä, jonka laji on 'työnhakijana'; jätä solu tyhjäksi."
    )


def test_the_models_problems_are_told_at_the_cell_they_came_from(book) -> None:
    people = [PEOPLE, ["131052-308T", 30, "nainen", "Työtön"], ["K-2", 130, "mies", None]]
    periods = [PERIODS, ["131052-308T", "1.2.2016", "1.1.2016", None], ["K-2", "1.3.2016"]]
    found = problems(book({"Osallistujat": people, "Osallistumisjaksot": periods}))
    assert [(p.cell, p.path) for p in found] == [
        ("Osallistujat!A2", ("participants", 0, "participant", "id")),
        ("Osallistujat!B3", ("participants", 1, "participant", "age_at_entry")),
        ("Osallistumisjaksot!C2", ("participants", 0, "periods", 0, "exit")),
    ]
    # The identity code is not repeated back, at the cell or in the message.
    assert all("131052-308T" not in str(p) for p in found)


def test_the_programme_form_tells_its_problems(book) -> None:
    rows = [
        ["Tunnus", "testi", "toinen"],
        ["Nimi", "Testihanke"],
        ["Väri", "sininen"],
        ["Toteuttaja", "Testiyhdistys ry"],
        ["Alkaa", "1.1.2016"],
        ["Päättyy", "31.12.2018"],
        ["Palvelut", "Työkokeilu", "Lentäminen"],
    ]
    assert told(book({"Hanke": rows})) == [
        ("Hanke!C1", "sheet.too_many_values"),
        ("Hanke!A3", "sheet.unknown_field"),
        ("Hanke!C7", "sheet.unknown_value"),
    ]


def test_every_problem_is_told_at_once_in_the_workbooks_order(book) -> None:
    people = [PEOPLE, ["K-1", "x", "naine", "Työtön"], ["K-2", 41, "mies", "?"]]
    periods = [PERIODS, ["K-1", "1.2.2016", "32.6.2016", None], ["K-3", "1.3.2016"]]
    found = problems(book({"Osallistujat": people, "Osallistumisjaksot": periods}))
    assert [(p.cell, p.code if p.code.startswith("sheet.") else p.path) for p in found] == [
        ("Osallistujat!B2", "sheet.whole_number"),
        ("Osallistujat!C2", "sheet.unknown_value"),
        # K-2's only period names K-3: K-2 has none, which the model tells at K-2's row.
        ("Osallistujat!A3", ("participants", 1, "periods")),
        ("Osallistujat!D3", "sheet.unknown_value"),
        ("Osallistumisjaksot!C2", "sheet.date_calendar"),
        ("Osallistumisjaksot!A3", "sheet.unknown_participant"),
    ]
