"""The Estimate cell, a value with its 95 % interval, in every renderer (reporting)."""

from __future__ import annotations

import csv
import io
import json

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankemalli import indicators as ind
from hankemalli import reporting as rep

D = pendulum.date
POINTS = ind.Labels(fi="%-yks.", sv="procentenheter", en="pp")
PERCENT = ind.Labels(fi="%", sv="%", en="%")
DIFFERENCE = rep.Estimate(value=2.39, low=-22.29, high=18.04, unit=POINTS, signed=True)
SHARE = rep.Estimate(value=14.89, low=7.41, high=27.69, unit=PERCENT)


def report(*cells: rep.Cell) -> rep.Report:
    year = ind.ReportingPeriod.year(2016)
    table = rep.Table(
        title=ind.Labels(fi="Vertailu", sv="Jämförelse", en="Comparison"),
        columns=tuple(ind.Labels(fi=f"s{i}", sv=f"s{i}", en=f"c{i}") for i in range(len(cells))),
        rows=(rep.TableRow(label="placement", cells=cells),),
    )
    return rep.Report(
        kind=rep.ReportKind.ANNUAL,
        programme_name="P",
        organisation="O",
        areas=("A",),
        programme_period=year,
        period=year,
        as_of=D(2017, 1, 31),
        threshold=5,
        sections=(
            rep.Section(
                key="models",
                title=ind.Labels(fi="Mallit", sv="Modeller", en="Models"),
                blocks=(table,),
            ),
        ),
    )


def test_markdown_writes_the_estimate_then_its_interval_then_the_unit() -> None:
    fi = rep.render_markdown(report(SHARE, DIFFERENCE), "fi")
    assert "| placement | 14,9 (7,4 … 27,7)\u00a0% | +2,4 (−22,3 … +18,0)\u00a0%-yks. |" in fi
    en = rep.render_markdown(report(SHARE, DIFFERENCE), "en")
    assert "| placement | 14.9 (7.4 … 27.7)% | +2.4 (-22.3 … +18.0)\u00a0pp |" in en
    # Numbers are right-aligned, as every number is.
    assert "|:---|---:|---:|" in en


def test_a_sign_is_written_only_when_asked_and_only_on_a_positive_number() -> None:
    plain = rep.Estimate(value=0.0, low=-1.25, high=1.25, places=1)
    assert "| 0.0 (-1.3 … 1.3) |" in rep.render_markdown(report(plain), "en")
    signed = rep.Estimate(value=0.04, low=-1.0, high=1.0, signed=True)
    # 0.04 rounds to 0.0: no sign on zero.
    assert "| 0.0 (-1.0 … +1.0) |" in rep.render_markdown(report(signed), "en")
    days = rep.Estimate(
        value=-100.0,
        low=-123.06,
        high=-76.94,
        places=0,
        unit=ind.Labels(fi="päivää", sv="dagar", en="days"),
        signed=True,
    )
    assert "| −100 (−123 … −77)\u00a0päivää |" in rep.render_markdown(report(days), "fi")


def test_html_shows_the_same_text_in_a_numeric_cell() -> None:
    page = rep.render_html(report(DIFFERENCE), "sv")
    assert '<td class="num">+2,4 (−22,3 … +18,0)\u00a0procentenheter</td>' in page


def test_json_writes_value_low_and_high_as_numbers() -> None:
    document = json.loads(rep.render_json(report(SHARE, DIFFERENCE), "en"))
    (block,) = document["sections"][0]["blocks"]
    assert block["rows"][0]["cells"] == [
        {"value": 14.89, "low": 7.41, "high": 27.69, "unit": "%"},
        {"value": 2.39, "low": -22.29, "high": 18.04, "unit": "pp"},
    ]


def test_csv_gives_the_estimate_its_kind_unit_and_bounds() -> None:
    rows = list(csv.DictReader(io.StringIO(rep.render_csv(report(DIFFERENCE), "fi"))))
    (row,) = [r for r in rows if r["kind"] == "estimate"]
    assert (row["value"], row["low"], row["high"], row["unit"]) == (
        "2.39",
        "-22.29",
        "18.04",
        "%-yks.",
    )
    assert rep.CSV_COLUMNS[-2:] == ("low", "high")


def test_xlsx_writes_the_estimate_as_a_number_with_its_interval_in_the_format() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(rep.render_xlsx(report(SHARE, DIFFERENCE), "fi")))
    sheet = book["Mallit"]
    (row,) = [r for r in sheet.iter_rows() if r[0].value == "placement"]
    share, difference = row[1], row[2]
    assert (share.value, difference.value) == (14.89, 2.39)
    assert share.number_format == '#,##0.0" (7,4 … 27,7)\u00a0%"'
    # A sign on a positive difference, as the other renderers write it.
    literal = '" (−22,3 … +18,0)\u00a0%-yks."'
    assert difference.number_format == f"+#,##0.0{literal};-#,##0.0{literal};#,##0.0{literal}"


finite = st.floats(-1000, 1000, allow_nan=False)


@given(finite, finite, finite, st.integers(0, 3), st.booleans())
def test_every_renderer_agrees_on_an_estimate(value, low, high, places, signed) -> None:
    estimate = rep.Estimate(value=value, low=low, high=high, places=places, signed=signed)
    document = json.loads(rep.render_json(report(estimate), "en"))
    found = document["sections"][0]["blocks"][0]["rows"][0]["cells"][0]
    assert found == pytest.approx(
        {"value": value, "low": low, "high": high, "unit": None}, abs=10 ** -(places + 1)
    )
    rows = list(csv.DictReader(io.StringIO(rep.render_csv(report(estimate), "en"))))
    (row,) = [r for r in rows if r["kind"] == "estimate"]
    assert [float(row[k]) for k in ("value", "low", "high")] == [
        found["value"],
        found["low"],
        found["high"],
    ]
    shown = rep.render_markdown(report(estimate), "en")
    number = shown.split("| placement | ")[1].split(" (")[0]
    shown_value = float(number.replace(",", ""))
    assert shown_value == pytest.approx(value, abs=0.5 * 10**-places + 1e-9)
    assert number.startswith("+") == (signed and shown_value > 0)
