"""A column mapping reads the sheet an association already has: its headers, its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from hankemalli import Answer, DataError, ExitReason, Gender, LabourMarketStatus
from hankemalli.spreadsheet import ColumnMapping, read_mapping, read_workbook

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "spreadsheet"
FILES = [EXAMPLE / "Hanke.csv", EXAMPLE / "asiakkaat.csv"]


def test_the_example_reads_the_associations_own_sheet_and_words() -> None:
    dataset = read_workbook(FILES, EXAMPLE / "sarakekartta.toml")
    first, second, third = dataset.participants
    assert [r.id for r in dataset.participants] == ["A-101", "A-102", "A-103"]
    assert first.participant.age_at_entry == 34
    assert first.profile.gender is Gender.WOMAN  # "nainen": the template's own label
    assert first.profile.foreign_background is Answer.YES  # "kyllä"
    assert second.profile.disability is Answer.REFUSED  # "ei halua vastata"
    assert third.profile.gender is Gender.NOT_TOLD  # "ei halua vastata" as a gender
    assert second.profile.labour_market_status is LabourMarketStatus.INACTIVE
    # One row of theirs gave both the participant and the period.
    assert str(first.periods[0].entry) == "2016-03-01"
    assert first.exit_reason is ExitReason.EMPLOYMENT  # "työ"
    assert second.last_exit is None  # still taking part: the exit is blank
    assert third.exit_reason is ExitReason.EDUCATION


def test_without_the_mapping_the_same_sheet_is_refused_not_guessed() -> None:
    with pytest.raises(DataError) as caught:
        read_workbook(FILES)
    codes = {(p.cell, p.code) for p in caught.value.details}  # type: ignore[attr-defined]
    assert ("asiakkaat", "sheet.unknown_sheet") in codes
    assert (None, "sheet.missing_sheet") in codes  # no participants sheet


def test_an_ignored_column_is_not_read_and_an_unmapped_one_is_a_problem(tmp_path: Path) -> None:
    text = (EXAMPLE / "sarakekartta.toml").read_text(encoding="utf-8")
    mapping = tmp_path / "kartta.toml"
    mapping.write_text(text.replace('ignore = ["Muistiinpanot"]', ""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_workbook(FILES, mapping)
    (found,) = caught.value.details
    assert (found.cell, found.code) == ("asiakkaat!J1", "sheet.unknown_column")  # type: ignore[attr-defined]


def test_a_mapping_as_a_dict_with_a_header_row_and_numbers_for_codes(tmp_path: Path) -> None:
    (tmp_path / "Hanke.csv").write_bytes((EXAMPLE / "Hanke.csv").read_bytes())
    (tmp_path / "oma.csv").write_text(
        "Yhdistyksen asiakasrekisteri 2016;;\nnro;sp;alku\nX-1;1;1.3.2016\nX-2;2;2.3.2016\n",
        encoding="utf-8",
    )
    mapping = {
        "sheets": {
            "participants": {
                "sheet": "oma",
                "header_row": 2,
                "columns": {"id": "nro", "gender": "sp"},
            },
            "periods": {
                "sheet": "oma",
                "header_row": 2,
                "columns": {"participant": "nro", "entry": "alku"},
            },
        },
        "values": {"Gender": {"1": "nainen", "2": "man"}},
    }
    dataset = read_workbook(tmp_path, mapping)
    assert [r.profile.gender for r in dataset.participants] == [Gender.WOMAN, Gender.MAN]


@pytest.mark.parametrize(
    ("data", "path", "code"),
    [
        ({"sheetz": {}}, ("sheetz",), "mapping.unknown_key"),
        ({"sheets": {"asiakkaat": {}}}, ("sheets", "asiakkaat"), "mapping.unknown_sheet"),
        (
            {"sheets": {"participants": {"columns": {"nimi": "Nimi"}}}},
            ("sheets", "participants", "columns", "nimi"),
            "mapping.unknown_column",
        ),
        (
            {"sheets": {"participants": {"header_row": 0}}},
            ("sheets", "participants", "header_row"),
            "mapping.not_a_number",
        ),
        ({"sheets": {"participants": []}}, ("sheets", "participants"), "mapping.not_a_table"),
        ({"ignore_sheets": "x"}, ("ignore_sheets",), "mapping.not_text"),
        ({"values": {"Sukupuoli": {}}}, ("values", "Sukupuoli"), "mapping.unknown_list"),
        (
            {"values": {"Gender": {"N": "nainenx"}}},
            ("values", "Gender", "N"),
            "mapping.unknown_value",
        ),
    ],
)
def test_a_mapping_that_is_wrong_is_told_where(data, path, code) -> None:
    with pytest.raises(DataError) as caught:
        ColumnMapping.from_dict(data)
    (found,) = caught.value.details
    assert (found.path, found.code) == (path, code)
    assert found.text("fi") != found.text("en")


def test_a_mapping_file_that_is_not_toml_is_told(tmp_path: Path) -> None:
    path = tmp_path / "kartta.toml"
    path.write_text("[sheets\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_mapping(path)
    assert caught.value.details[0].code == "mapping.unreadable"


def test_a_json_mapping_reads_as_the_toml_one(tmp_path: Path) -> None:
    import json
    import tomllib

    data = tomllib.loads((EXAMPLE / "sarakekartta.toml").read_text(encoding="utf-8"))
    path = tmp_path / "kartta.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_mapping(path) == read_mapping(EXAMPLE / "sarakekartta.toml")
