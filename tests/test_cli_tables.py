"""The command line's ``report --format csv|xlsx``: tables for funders' forms."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pendulum
import pytest

from hankemalli.cli import main
from hankemalli.demo import demo_dataset, demo_json
from hankemalli.reporting import CSV_COLUMNS, annual_report, render_csv

openpyxl = pytest.importorskip("openpyxl")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "kaiku.json"
    path.write_text(demo_json(), encoding="utf-8")
    return path


def test_report_writes_csv_to_the_standard_output(capsys, demo) -> None:
    status, out, err = run(
        capsys, "report", str(demo), "--year", "2016", "--as-of", "2017-01-31", "--format", "csv"
    )
    assert (status, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = render_csv(annual_report(demo_dataset(), 2016, as_of=pendulum.date(2017, 1, 31)))
    assert out == expected


def test_report_writes_an_xlsx_workbook_to_its_output(capsys, demo, tmp_path) -> None:
    target = tmp_path / "loppuraportti.xlsx"
    status, out, err = run(
        capsys, "report", str(demo), "--format", "xlsx", "--lang", "sv", "-o", str(target)
    )
    assert (status, out) == (0, "")
    assert str(target) in err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == "Rapport"
    assert book["Rapport"]["A1"].value == "KAIKU (synthetic demo data): Slutrapport"


def test_an_xlsx_workbook_needs_an_output_file(capsys, demo) -> None:
    status, out, err = run(capsys, "report", str(demo), "--format", "xlsx")
    assert (status, out) == (2, "")
    assert "give --output FILE" in err


def test_without_openpyxl_xlsx_fails_with_the_extra_named(capsys, demo, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = tmp_path / "r.xlsx"
    status, out, err = run(capsys, "report", str(demo), "--format", "xlsx", "-o", str(target))
    assert (status, out) == (2, "")
    assert "hankemalli[spreadsheet]" in err
    assert not target.exists()


def test_demo_keeps_its_three_formats(capsys) -> None:
    assert run(capsys, "demo", "--format", "csv")[0] == 2
