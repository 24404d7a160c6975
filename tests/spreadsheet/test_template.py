"""The template: instructions, one sheet per kind of row, drop-downs for every code list."""

from __future__ import annotations

from pathlib import Path

import pytest

from hankemalli import CODE_LISTS, Gender
from hankemalli.reporting import code_label
from hankemalli.spreadsheet import write_template
from hankemalli.spreadsheet._labels import normal, vocabularies
from hankemalli.spreadsheet._layout import LAYOUT, Kind

openpyxl = pytest.importorskip("openpyxl")

LANGUAGES = ("fi", "sv", "en")
GENDERS = {
    "fi": ["nainen", "mies", "muunsukupuolinen", "ei halua kertoa"],
    "sv": ["kvinna", "man", "icke-binär", "vill inte uppge"],
    "en": ["woman", "man", "non-binary", "not told"],
}
PRIVACY = {
    "fi": ("pseudonyymi", "henkilötunnus", "sähköpostiosoite", "puhelinnumero"),
    "sv": ("pseudonym", "personbeteckning", "e-postadress", "telefonnummer"),
    "en": ("pseudonym", "identity code", "e-mail address", "phone number"),
}


@pytest.fixture(params=LANGUAGES)
def opened_template(request, tmp_path: Path):
    path = tmp_path / f"pohja-{request.param}.xlsx"
    write_template(path, request.param)
    return request.param, openpyxl.load_workbook(path)


def test_the_sheets_are_named_in_the_language(opened_template) -> None:
    language, workbook = opened_template
    names = [sheet.name.get(language) for sheet in LAYOUT if sheet.key != "operating_models"]
    instructions = {"fi": "Ohjeet", "sv": "Anvisningar", "en": "Instructions"}[language]
    lists = {"fi": "Luettelot", "sv": "Listor", "en": "Lists"}[language]
    assert workbook.sheetnames == [instructions, *names, lists]
    assert workbook[lists].sheet_state == "hidden"
    assert all(len(name) <= 31 for name in workbook.sheetnames)  # Excel's limit


def test_the_instructions_say_pseudonyms_only_in_each_language(opened_template) -> None:
    language, workbook = opened_template
    text = " ".join(
        str(cell.value) for row in workbook.worksheets[0].iter_rows() for cell in row if cell.value
    ).casefold()
    for word in PRIVACY[language]:
        assert word in text, word


def test_every_column_has_its_header_and_a_comment_saying_what_to_write(opened_template) -> None:
    language, workbook = opened_template
    for sheet in LAYOUT:
        if sheet.key == "operating_models":
            continue
        ws = workbook[sheet.name.get(language)]
        cells = [row[0] for row in ws.iter_rows(max_col=1)] if sheet.form else list(ws[1])
        assert [c.value for c in cells] == [c.header.get(language) for c in sheet.columns]
        assert all(c.comment is not None and c.comment.text for c in cells)


def test_every_code_column_has_the_drop_down_of_its_list(opened_template, opened) -> None:
    language, workbook = opened_template
    checked = 0
    for sheet in LAYOUT:
        if sheet.form or sheet.key == "operating_models":
            continue
        filling = opened(workbook, sheet.name.get(language))
        for column in sheet.columns:
            header = column.header.get(language)
            if column.kind in (Kind.CODE, Kind.BOOLEAN, Kind.TAG):
                options = filling.options(header)
                if column.codes is Gender:
                    assert options == GENDERS[language]
                elif column.codes is not None:
                    # The list shows each code's label as the reports do, in the list's order.
                    assert options == [code_label(code, language) for code in column.codes]
                assert len(options) == len(set(options)) >= 2
                checked += 1
            else:
                assert not filling.has_list(header), header
    assert checked >= 30


def test_gender_is_a_person_not_a_column_head() -> None:
    # The reports head their columns "Naiset", "Miehet"; a cell names one person.
    assert code_label(Gender.WOMAN, "fi") == "Naiset"
    assert vocabularies()["Gender"].labels("fi") == GENDERS["fi"]


def test_each_word_names_one_value_of_its_list_in_every_language() -> None:
    # Vocabulary refuses a word naming two values; building them all is the check.
    found = vocabularies()
    assert set(found) >= {code_list.__name__ for code_list in CODE_LISTS}
    for vocabulary in found.values():
        words = [
            normal(w)
            for labels in vocabulary.values.values()
            for w in (labels.fi, labels.sv, labels.en)
        ]
        assert all(vocabulary.find(word) is not None for word in words)


def test_each_header_names_one_column_of_its_sheet() -> None:
    for sheet in LAYOUT:
        names: dict[str, str] = {}
        for column in sheet.columns:
            for word in (column.key, column.header.fi, column.header.sv, column.header.en):
                assert names.setdefault(normal(word), column.key) == column.key, (sheet.key, word)


def test_a_date_column_shows_finnish_dates(tmp_path: Path) -> None:
    path = tmp_path / "pohja.xlsx"
    write_template(path, "fi")
    ws = openpyxl.load_workbook(path)["Osallistumisjaksot"]
    assert ws.column_dimensions["B"].number_format == "d.m.yyyy"


@pytest.mark.parametrize("name", ["pohja.xls", "pohja.csv", "pohja.ods"])
def test_a_name_that_is_neither_a_workbook_nor_a_folder_is_refused(tmp_path: Path, name) -> None:
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_template(tmp_path / name)
    assert not (tmp_path / name).exists()


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fi, sv, en"):
        write_template(tmp_path / "pohja.xlsx", "de")
