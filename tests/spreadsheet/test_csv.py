"""CSV files are read with the standard library: one file a sheet, as Excel saves them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hankemalli import DataError
from hankemalli.spreadsheet import read_workbook, write_template

HANKE = (
    "Tunnus;testi\r\nNimi;Testi\r\nToteuttaja;Yhdistys ry\r\n"
    "Alkaa;1.1.2016\r\nPäättyy;31.12.2018\r\n"
)
PEOPLE = "Pseudonyymi;Sukupuoli\r\nK-1;nainen\r\n"
PERIODS = "Pseudonyymi;Aloituspäivä\r\nK-1;1.2.2016\r\n"


def folder(tmp_path: Path, **files: str | bytes) -> Path:
    for name, text in files.items():
        data = text.encode("utf-8-sig") if isinstance(text, str) else text
        (tmp_path / f"{name}.csv").write_bytes(data)
    return tmp_path


def test_a_folder_of_csv_files_as_excel_saves_them_in_finnish(tmp_path: Path) -> None:
    path = folder(tmp_path, Hanke=HANKE, Osallistujat=PEOPLE, Osallistumisjaksot=PERIODS)
    (record,) = read_workbook(path).participants
    assert (record.id, str(record.first_entry)) == ("K-1", "2016-02-01")


def test_commas_and_tabs_separate_columns_too_and_quotes_hold_them(tmp_path: Path) -> None:
    path = folder(
        tmp_path,
        Hanke=HANKE.replace(";", "\t"),
        Osallistujat='Pseudonyymi,Sukupuoli,Ikä tullessa\r\nK-1,nainen,"30"\r\n',
        Palvelujaksot=(
            "Pseudonyymi,Palvelu,Alkoi,Palveluntuottaja\r\n"
            'K-1,Työkokeilu,1.2.2016,"Oy Ab, Oulu"\r\n'
        ),
        Osallistumisjaksot=PERIODS,
    )
    (record,) = read_workbook(path).participants
    assert record.participant.age_at_entry == 30
    assert record.episodes[0].provider == "Oy Ab, Oulu"


def test_a_csv_file_not_in_utf8_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    people = "Pseudonyymi;Ikä tullessa\r\nK-1;30\r\n".encode("cp1252")  # Excel's "CSV"
    path = folder(tmp_path, Hanke=HANKE, Osallistujat=people)
    with pytest.raises(DataError) as caught:
        read_workbook(path)
    (found,) = caught.value.details
    assert (found.cell, found.code) == ("Osallistujat", "sheet.csv_encoding")  # type: ignore[attr-defined]
    assert "CSV UTF-8" in found.text("fi")


def test_the_csv_template_reads_back_as_an_empty_workbook(tmp_path: Path) -> None:
    write_template(tmp_path / "pohja", "sv")
    names = sorted(p.name for p in (tmp_path / "pohja").glob("*.csv"))
    assert "Deltagare.csv" in names
    assert "Projekt.csv" in names
    with pytest.raises(DataError) as caught:
        read_workbook(tmp_path / "pohja")
    # Nothing filled in: the programme's required fields are missing, nothing else.
    assert {p.path[:2] for p in caught.value.details} <= {
        ("programme", name) for name in ("id", "name", "organisation", "start", "end")
    }


def test_reading_csv_needs_no_openpyxl(tmp_path: Path) -> None:
    path = folder(tmp_path, Hanke=HANKE, Osallistujat=PEOPLE, Osallistumisjaksot=PERIODS)
    code = (
        "import sys; sys.modules['openpyxl'] = None\n"
        "from hankemalli.spreadsheet import read_workbook\n"
        f"print(len(read_workbook({str(path)!r}).participants))\n"
        "try:\n"
        f"    read_workbook({str(path / 'x.xlsx')!r})\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "1",
        "Excel workbooks need openpyxl: pip install 'hankemalli[spreadsheet]' (CSV files need "
        "nothing more)",
    ]
