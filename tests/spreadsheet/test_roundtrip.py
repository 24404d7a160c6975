"""A dataset written as a workbook reads back unchanged: Excel and CSV, every language."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankemalli import Dataset
from hankemalli.demo import demo_dataset
from hankemalli.serialization import to_dict
from hankemalli.spreadsheet import read_workbook, write_workbook
from hankemalli.testing import strategies as hs

openpyxl = pytest.importorskip("openpyxl")


def same(read: Dataset, written: Dataset) -> None:
    # The JSON forms are equal too: decimals keep their written form ("0.50").
    assert to_dict(read) == to_dict(written)
    assert read == written


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_kaiku_demo_round_trips_through_excel(tmp_path: Path, language: str) -> None:
    dataset = demo_dataset()
    path = tmp_path / "kaiku.xlsx"
    write_workbook(dataset, path, language)
    same(read_workbook(path), dataset)


def test_the_kaiku_demo_round_trips_through_csv_files(tmp_path: Path) -> None:
    dataset = demo_dataset()
    write_workbook(dataset, tmp_path / "kaiku")
    same(read_workbook(tmp_path / "kaiku"), dataset)
    files = sorted((tmp_path / "kaiku").glob("*.csv"))
    same(read_workbook(files), dataset)  # the files given one by one


def test_the_demo_workbook_has_what_the_demo_has(tmp_path: Path) -> None:
    dataset = demo_dataset()
    path = tmp_path / "kaiku.xlsx"
    write_workbook(dataset, path)
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = {ws.title: ws.max_row - 1 for ws in workbook.worksheets}
    assert rows["Osallistujat"] == len(dataset.participants) == 270
    assert rows["Osallistumisjaksot"] == sum(len(r.periods) for r in dataset.participants)
    assert rows["Toimintamallit"] == len(dataset.operating_models) == 1
    people = workbook["Osallistujat"]
    first = next(people.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[:4] == ("K-0001", 32, "nainen", "Työllinen")


_SLOW = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SLOW
@given(dataset=st.one_of(hs.datasets(max_participants=4), hs.assessed_datasets(max_participants=3)))
def test_any_dataset_round_trips_through_excel(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "any.xlsx"  # replaced whole by each example
    write_workbook(dataset, path)
    same(read_workbook(path), dataset)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    dataset=st.one_of(hs.datasets(max_participants=4), hs.assessed_datasets(max_participants=3)),
    language=st.sampled_from(["fi", "sv", "en"]),
)
def test_any_dataset_round_trips_through_csv(
    tmp_path: Path, dataset: Dataset, language: str
) -> None:
    # A folder of CSV files is one writing's: a new one for each example.
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "any"
    write_workbook(dataset, folder, language)
    same(read_workbook(folder), dataset)
