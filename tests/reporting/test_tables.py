"""Reports as tables for funders' forms: one CSV table, or an Excel workbook."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections import Counter
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.reporting._tables import _sheet_name
from hankemalli.testing import strategies as hst

openpyxl = pytest.importorskip("openpyxl")

D = pendulum.date


@pytest.fixture(scope="module")
def final() -> rep.Report:
    return rep.final_report(demo_dataset(), as_of=D(2019, 7, 31))


@pytest.fixture(scope="module")
def annual() -> rep.Report:
    return rep.annual_report(demo_dataset(), 2016, as_of=D(2017, 1, 31))


def csv_rows(report: rep.Report, language: str = "fi") -> list[dict[str, str]]:
    text = rep.render_csv(report, language)
    return list(csv.DictReader(io.StringIO(text)))


def json_values(report: rep.Report, language: str = "fi") -> list[tuple[str, str, Any]]:
    """Every value of the JSON rendering: (section title, table title, value), in order."""
    document = json.loads(rep.render_json(report, language))
    found = []
    for section in document["sections"]:
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                found.append((section["title"], "", block["text"]))
            elif block["type"] == "figures":
                found += [
                    (section["title"], block["title"] or "", f["value"]) for f in block["figures"]
                ]
            else:
                found += [
                    (section["title"], block["title"] or "", cell)
                    for row in block["rows"]
                    for cell in row["cells"]
                ]
    return found


def as_json(row: dict[str, str]) -> Any:
    """A CSV row's value as the JSON renderer writes it."""
    kind, value = row["kind"], row["value"]
    if kind == "":
        return None
    if kind == "withheld":
        assert value == "•"
        return {"withheld": True}
    if kind == "count":
        return int(value)
    if kind == "share":
        return {
            "numerator": int(row["numerator"]),
            "denominator": int(row["denominator"]),
            "percent": float(value),
        }
    if kind == "percent":
        return {"percent": float(value)}
    if kind == "amount":
        return {"value": float(value), "unit": row["unit"] or None}
    if kind == "estimate":
        return {
            "value": float(value),
            "low": float(row["low"]),
            "high": float(row["high"]),
            "unit": row["unit"] or None,
        }
    return value


# CSV ---------------------------------------------------------------------------------------------


def test_the_csv_has_its_columns_and_starts_with_the_reports_facts(final) -> None:
    text = rep.render_csv(final, "en")
    lines = list(csv.reader(io.StringIO(text)))
    assert tuple(lines[0]) == rep.CSV_COLUMNS
    assert all(len(line) == len(rep.CSV_COLUMNS) for line in lines)
    rows = csv_rows(final, "en")
    facts = [r for r in rows if r["section"] == "KAIKU (synthetic demo data): Final report"]
    assert [r["row"] for r in facts] == [
        "Implemented by",
        "Areas",
        "Programme period",
        "Reporting period",
        "Data as of",
        "Edition",
        "",
    ]
    note = facts[-1]["value"]
    assert note.startswith("Counts below 5 people are withheld for privacy (marked •). Of ")
    assert "because they could otherwise be worked out" in note
    assert "\r" not in text


@pytest.mark.parametrize("which", ["final", "annual"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_csv_has_the_json_renderers_values_in_order(request, which, language) -> None:
    report = request.getfixturevalue(which)
    title = _title(report, language)
    rows = [r for r in csv_rows(report, language) if r["section"] != title]
    expected = json_values(report, language)
    assert [(r["section"], r["table"], as_json(r)) for r in rows] == expected


def _title(report: rep.Report, language: str) -> str:
    return json.loads(rep.render_json(report, language))["title"]


def test_figures_keep_their_code_and_source_and_shares_their_base(final) -> None:
    rows = csv_rows(final, "en")
    co01 = [r for r in rows if r["code"] == "CO01"]
    assert len(co01) == 1
    assert (co01[0]["kind"], co01[0]["column"], co01[0]["source"]) == (
        "count",
        "Value",
        "collected data",
    )
    started = next(r for r in rows if r["row"] == "Started from rehabilitative work activity")
    assert (started["kind"], started["numerator"], started["denominator"]) == ("share", "89", "270")
    assert started["value"] == "33.0"  # 89/270 = 32.96 %, to one decimal as in JSON


def test_a_withheld_value_is_withheld_as_in_the_other_renderers(final) -> None:
    rows = csv_rows(final)
    withheld = [r for r in rows if r["kind"] == "withheld"]
    document = rep.render_json(final)
    assert len(withheld) == document.count('"withheld": true') > 0
    assert all(r["value"] == "•" and r["numerator"] == "" for r in withheld)
    markdown = rep.render_markdown(final)
    assert markdown.count("| • |") + markdown.count("| • ") >= 1
    # Markdown marks exactly the cells the CSV withholds.
    assert markdown.count("•") - 1 == len(withheld)  # the note's "(merkitty •)" too


def test_a_higher_threshold_withholds_more(final) -> None:
    stricter = rep.final_report(demo_dataset(), as_of=D(2019, 7, 31), threshold=20)
    count = Counter(r["kind"] for r in csv_rows(stricter))["withheld"]
    assert count > Counter(r["kind"] for r in csv_rows(final))["withheld"]


def test_an_unknown_language_is_refused(final) -> None:
    with pytest.raises(ValueError, match="fi, sv, en"):
        rep.render_csv(final, "de")
    with pytest.raises(ValueError, match="fi, sv, en"):
        rep.render_xlsx(final, "de")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hst.datasets(max_participants=6))
def test_any_report_has_the_same_values_in_csv_and_json(dataset) -> None:
    """Rule: the CSV table holds exactly the JSON renderer's values, in its order."""
    report = rep.final_report(dataset, as_of=dataset.programme.end)
    title = _title(report, "en")
    rows = [r for r in csv_rows(report, "en") if r["section"] != title]
    assert [(r["section"], r["table"], as_json(r)) for r in rows] == json_values(report, "en")


# Excel -------------------------------------------------------------------------------------------


def workbook(report: rep.Report, language: str = "fi") -> Any:
    return openpyxl.load_workbook(io.BytesIO(rep.render_xlsx(report, language)))


def sheet_values(sheet: Any) -> tuple[Counter[Any], int, list[str]]:
    """The numbers of a sheet, how many values are withheld, and the cells' comments."""
    numbers: Counter[Any] = Counter()
    withheld = 0
    comments = []
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                numbers[float(cell.value)] += 1
            elif cell.value == "•":
                withheld += 1
            if cell.comment is not None:
                comments.append(cell.comment.text)
    return numbers, withheld, comments


def json_section_values(report: rep.Report, title: str) -> tuple[Counter[Any], int, list[str]]:
    numbers: Counter[Any] = Counter()
    withheld = 0
    shares = []
    for section, _table, value in json_values(report):
        if section != title:
            continue
        if isinstance(value, int):
            numbers[float(value)] += 1
        elif isinstance(value, dict) and value.get("withheld"):
            withheld += 1
        elif isinstance(value, dict) and "numerator" in value:
            numbers[value["percent"]] += 1
            shares.append(f"{value['numerator']}/{value['denominator']}")
        elif isinstance(value, dict) and "percent" in value:
            numbers[value["percent"]] += 1
        elif isinstance(value, dict):
            numbers[value["value"]] += 1
    return numbers, withheld, shares


@pytest.mark.parametrize("which", ["final", "annual"])
def test_the_workbook_has_a_sheet_a_section_with_the_json_renderers_numbers(request, which) -> None:
    report = request.getfixturevalue(which)
    book = workbook(report)
    sections = [s for s in report.sections if s.blocks]
    assert len(book.sheetnames) == 1 + len(sections)
    assert book.sheetnames[0] == "Raportti"
    for name, section in zip(book.sheetnames[1:], sections, strict=True):
        sheet = book[name]
        title = section.title.get("fi")
        assert sheet["A1"].value == title
        assert name == title or name.endswith("…")
        numbers, withheld, comments = sheet_values(sheet)
        expected_numbers, expected_withheld, shares = json_section_values(report, title)
        assert (numbers, withheld, comments) == (expected_numbers, expected_withheld, shares)


def test_the_first_sheet_holds_the_facts_and_the_note(final) -> None:
    sheet = workbook(final, "en")["Report"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert values[0] == "KAIKU (synthetic demo data): Final report"
    assert "Data as of" in values
    (note,) = [v for v in values if str(v).startswith("Counts below 5 people are withheld")]
    assert "could otherwise be worked out from what is published with it" in note


def test_numbers_are_numbers_with_a_format(final) -> None:
    sheet = workbook(final, "en")["The project's own figures"]
    by_label: dict[str, Any] = {}
    for row in sheet.iter_rows():  # the first row of a label: the figure list's
        by_label.setdefault(row[0].value, row[1])
    new = by_label["New participants"]
    assert (new.value, new.number_format) == (270, "#,##0")
    share = by_label["Started from rehabilitative work activity"]
    assert (share.value, share.number_format) == (33.0, '#,##0.0" %"')
    assert share.comment.text == "89/270"
    mean = by_label["Unemployment duration at entry, mean"]
    assert isinstance(mean.value, float)
    assert mean.number_format.endswith('"days"')


def test_the_same_report_gives_the_same_bytes(final) -> None:
    """The library reads no clock: the workbook is dated by the report itself."""
    first, second = rep.render_xlsx(final), rep.render_xlsx(final)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert properties.created.date() == final.as_of


def test_without_openpyxl_the_error_names_the_extra(final, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r"hankemalli\[spreadsheet\]"):
        rep.render_xlsx(final)
    assert rep.render_csv(final)  # the CSV form needs nothing


@given(st.lists(st.text(max_size=50), max_size=12))
def test_sheet_names_follow_excels_rules_and_are_unique(titles) -> None:
    taken: set[str] = set()
    names = [_sheet_name(title, taken) for title in titles]
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 1 <= len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'")
        assert not name.endswith("'")


def test_a_long_section_title_is_cut_after_a_word() -> None:
    taken: set[str] = set()
    title = "Toimintamallit ja niiden siirrettävyys"
    assert _sheet_name(title, taken) == "Toimintamallit ja niiden…"
    assert _sheet_name(title, taken) == "Toimintamallit ja niiden… (2)"


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [(1, 400, "0.3"), (3, 400, "0.8"), (1, 8, "12.5"), (1, 3, "33.3"), (5, 800, "0.6")],
)
def test_every_renderer_rounds_a_share_half_up_alike(numerator, denominator, shown) -> None:
    # 1 of 400 is 0.25 %: half up, 0.3 % with one decimal in the text, the JSON form and
    # the CSV alike (Python's round() gave 0.2 in the JSON form).
    from hankemalli.reporting._render import _json_cell

    cell = rep.Ratio(numerator, denominator)
    assert rep.format_percent(cell.percent, "en", 1).startswith(shown)
    assert str(_json_cell(cell, "en")["percent"]) == shown
