"""Charts in the HTML report: inline SVG drawn from the report's own tables.

Rules: every chart is well-formed SVG with a title and a text alternative; a bar's
length is proportional to its value; a withheld value is marked withheld (• and
the word, in the report's language), never drawn; empty or all-withheld data
gives no chart; every drawn value is the value its table shows; each chart sits
beside its table, which stays.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.indicators import Labels
from hankemalli.model import SituationKind
from hankemalli.reporting._charts import chart_for
from hankemalli.reporting._document import Estimate
from hankemalli.reporting._labels import code_labels, text
from hankemalli.reporting._render import _cell
from hankemalli.testing import strategies as hst

D = pendulum.date
SVG = "{http://www.w3.org/2000/svg}"
WITHHELD_WORD = {"fi": "suojattu", "sv": "utelämnad", "en": "withheld"}
CHART = re.compile(r'<figure class="chart">.*?</figure>', re.S)


def _shown(language):
    return lambda cell: _cell(cell, language)


def _parse(fragment: str) -> ET.Element:
    """The chart's <figure>, parsed as XML: it must be well-formed."""
    return ET.fromstring(fragment)


def _svg(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def _marks(figure: ET.Element, kind: str) -> list[ET.Element]:
    return [e for e in _svg(figure).iter() if e.get("class") == kind]


def _situations(*cells) -> rep.Table:
    kinds = list(SituationKind)[: len(cells)]
    return rep.Table(
        title=text("six_months"),
        columns=(text("value"),),
        rows=tuple(
            rep.TableRow(label=code_labels(k), cells=(c,))
            for k, c in zip(kinds, cells, strict=True)
        ),
    )


def _leavers(*values) -> rep.FigureList:
    codes = ("LEAVERS", "EECR01", "EECR02", "EECR04", "EECR05", "EECR06")
    return rep.FigureList(
        title=text("leavers"),
        rows=tuple(
            rep.FigureRow(code=c, label=Labels(fi=c, sv=c, en=c), value=v)
            for c, v in zip(codes, values, strict=False)
        ),
        show_codes=True,
    )


def _targets(*rows) -> rep.Table:
    def span(words: str) -> rep.Text:
        return rep.Text(Labels(fi=words, sv=words, en=words))

    return rep.Table(
        title=None,
        columns=(text("target"), text("actual"), text("attainment"), text("note")),
        rows=tuple(
            rep.TableRow(
                label=Labels(fi=f"Uudet {year}", sv=f"Nya {year}", en=f"New, {year}"),
                cells=(span(goal), value, None, None),
            )
            for year, goal, value in rows
        ),
    )


PP = Labels(fi="%-yks.", sv="procentenheter", en="pp")
PERCENT = Labels(fi="%", sv="%", en="%")


def _evidence(*rows) -> rep.Table:
    head = Labels(fi="Käyttivät", sv="Använde", en="Used")
    return rep.Table(
        title=Labels(fi="Tulokset", sv="Resultat", en="Results"),
        columns=(head, Labels(fi="Muut", sv="Övriga", en="Others"), text("change")),
        rows=tuple(
            rep.TableRow(label=Labels(fi=f"r{i}", sv=f"r{i}", en=f"r{i}"), cells=cells)
            for i, cells in enumerate(rows)
        ),
    )


# Well-formed, titled, described ----------------------------------------------------------------


@pytest.fixture(scope="module")
def annual():
    """The demo's 2016 annual report, public edition: every chart, and withheld values."""
    return rep.annual_report(demo_dataset(), 2016, as_of=D(2017, 1, 31))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_chart_of_the_demo_is_well_formed_svg_with_a_title_and_a_text_alternative(
    annual, language
):
    page = rep.render_html(annual, language)
    figures = [_parse(f) for f in CHART.findall(page)]
    assert len(figures) >= 4  # targets, leavers, six months, models
    ids = set(re.findall(r'id="([^"]+)"', page))
    for figure in figures:
        svg = _svg(figure)
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None
        assert title.text
        assert desc is not None
        assert desc.text
        assert set(svg.get("aria-labelledby", "").split()) == {title.get("id"), desc.get("id")}
        assert {title.get("id"), desc.get("id")} <= ids
    assert len(re.findall(r'<title id="', page)) == len(
        set(re.findall(r'<title id="([^"]+)"', page))
    )


def test_each_chart_sits_beside_its_table_which_stays(annual):
    page = rep.render_html(annual, "en")
    for match in CHART.finditer(page):
        assert re.match(r"\s*<table[\s>]", page[match.end() :])
    markdown_tables = rep.render_markdown(annual, "en").count("|---")
    assert markdown_tables  # the tables are all still there: charts only add
    assert len(re.findall(r"<table[\s>]", page)) == sum(
        1 for s in annual.sections for b in s.blocks if not isinstance(b, rep.Paragraph)
    )


def test_the_demo_has_the_four_charts_the_issue_asks_for(annual):
    page = rep.render_html(annual, "en")
    sections = dict(re.findall(r'<section id="([a-z_0-9]+)">(.*?)</section>', page, re.S))
    assert "Target and actual by year" in sections["targets"]
    assert (
        "Where participants were upon leaving and six months after" in sections["common_2014_2020"]
    )
    assert "<svg" in sections["follow_up"]
    assert 'class="estimate"' in sections["models"]
    assert "<svg" not in sections["funding"] + sections["implementation"]


# Bars ------------------------------------------------------------------------------------------


def test_bars_are_proportional_to_the_values():
    figure = _parse(
        chart_for(
            "follow_up", _situations(*map(rep.Count, (25, 6, 13, 36))), "c", "en", _shown("en")
        )
    )
    bars = {int(b.get("data-row")): float(b.get("width")) for b in _marks(figure, "bar")}
    values = {0: 25, 1: 6, 2: 13, 3: 36}
    assert bars.keys() == values.keys()
    for row, width in bars.items():
        assert width / bars[3] == pytest.approx(values[row] / 36, abs=1e-3)
    labels = [t.text for t in _marks(figure, "value")]
    assert labels == ["25", "6", "13", "36"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_withheld_value_is_marked_withheld_in_the_reports_language_never_drawn(language):
    figure = _parse(
        chart_for(
            "follow_up",
            _situations(rep.Count(25), rep.Withheld(), rep.Count(13)),
            "c",
            language,
            _shown(language),
        )
    )
    assert {b.get("data-row") for b in _marks(figure, "bar")} == {"0", "2"}
    [mark] = _marks(figure, "withheld")
    assert mark.get("data-row") == "1"
    assert mark.text == f"• {WITHHELD_WORD[language]}"
    desc = _svg(figure).find(f"{SVG}desc").text
    assert WITHHELD_WORD[language] in desc


def test_the_leavers_chart_groups_upon_leaving_and_six_months_after_and_hides_withheld():
    block = _leavers(
        rep.Count(239), rep.Count(19), rep.Withheld(), rep.Count(89), rep.Count(75), rep.Withheld()
    )
    figure = _parse(chart_for("common_2021_2027", block, "c", "en", _shown("en")))
    drawn = {int(b.get("data-row")): float(b.get("data-value")) for b in _marks(figure, "bar")}
    assert drawn == {0: 239, 1: 19, 3: 89, 4: 75}
    assert {int(m.get("data-row")) for m in _marks(figure, "withheld")} == {2, 5}
    words = " ".join(t for e in _svg(figure).iter(f"{SVG}text") for t in e.itertext())
    assert words.index("Upon leaving") < words.index("EECR04") < words.index("Six months after")


@pytest.mark.parametrize(
    ("section", "block"),
    [
        ("follow_up", _situations()),
        ("follow_up", _situations(rep.Withheld(), rep.Withheld())),
        ("follow_up", _situations(rep.Count(0), rep.Withheld())),
        ("common_2014_2020", _leavers(rep.Count(12))),  # no result indicator in the list
        ("targets", _targets(("2016", "40–80", rep.Withheld()))),
        ("models", _evidence((rep.Withheld(), rep.Withheld(), rep.Withheld()))),
    ],
    ids=["empty", "all-withheld", "nothing-but-zero", "no-results", "target-withheld", "none"],
)
def test_empty_or_all_withheld_data_gives_no_chart(section, block):
    assert chart_for(section, block, "c", "en", _shown("en")) == ""


def test_other_blocks_get_no_chart():
    table = _situations(rep.Count(5), rep.Count(7))
    assert chart_for("implementation", table, "c", "en", _shown("en")) == ""
    assert chart_for("follow_up", rep.Paragraph(text=text("total")), "c", "en", _shown("en")) == ""


# Targets ---------------------------------------------------------------------------------------


def test_a_target_band_spans_the_target_and_the_bar_the_actual():
    block = _targets(
        ("2016", "40–80", rep.Count(110)),
        ("2017", "at least 50", rep.Count(20)),
        ("2018", "at most 30", rep.Withheld()),
    )
    figure = _parse(chart_for("targets", block, "c", "en", _shown("en")))
    bands = {int(r.get("data-row")): r for r in _marks(figure, "target")}
    bars = {int(r.get("data-row")): r for r in _marks(figure, "bar")}
    assert set(bars) == {0, 1}
    assert [m.get("data-row") for m in _marks(figure, "withheld")] == ["2"]
    x0 = float(bars[0].get("x"))
    per_unit = float(bars[0].get("width")) / 110
    assert float(bars[1].get("width")) == pytest.approx(20 * per_unit, abs=0.02)

    def span(row):
        start = (float(bands[row].get("x")) - x0) / per_unit
        return start, start + float(bands[row].get("width")) / per_unit

    assert span(0) == pytest.approx((40, 80), abs=0.1)
    assert span(1)[0] == pytest.approx(50, abs=0.1)  # open at the top: to the scale's end
    assert span(1)[1] >= 110
    assert span(2) == pytest.approx((0, 30), abs=0.1)


def test_targets_are_grouped_by_target_with_the_period_as_the_row():
    exact = rep.final_report(demo_dataset(), as_of=D(2019, 7, 31), edition=rep.Edition.FUNDER)
    final_targets = exact.section("targets")
    [block] = final_targets.blocks
    figure = _parse(chart_for("targets", block, "c", "en", _shown("en")))
    words = list(_svg(figure).itertext())
    assert words.count("New participants a year") == 1
    assert words.count("2016") == 2  # new participants and concurrent average, one row each
    panels = {b.get("data-panel") for b in _marks(figure, "bar")}
    assert "New participants a year" in panels


# Estimates -------------------------------------------------------------------------------------


def test_each_estimate_is_a_point_on_its_interval_and_the_difference_has_a_zero_line():
    rows = (
        (
            Estimate(value=40.5, low=30.1, high=51.9, unit=PERCENT),
            Estimate(value=28.1, low=22.2, high=34.7, unit=PERCENT),
            Estimate(value=12.5, low=0.1, high=25.3, unit=PP, signed=True),
        ),
        (rep.Withheld(), rep.Withheld(), rep.Withheld()),
        (
            Estimate(value=33.8, low=23.9, high=45.4, unit=PERCENT),
            Estimate(value=44.0, low=36.8, high=51.6, unit=PERCENT),
            Estimate(value=-10.2, low=-22.7, high=3.4, unit=PP, signed=True),
        ),
    )
    figure = _parse(chart_for("models", _evidence(*rows), "c", "fi", _shown("fi")))
    marks = _marks(figure, "estimate")
    assert len(marks) == 6
    assert {m.get("data-row") for m in _marks(figure, "withheld")} == {"1"}
    for mark in marks:
        cell = rows[int(mark.get("data-row"))][int(mark.get("data-column"))]
        lines = mark.findall(f"{SVG}line")
        x_low, x_high = float(lines[0].get("x1")), float(lines[0].get("x2"))
        marker = next(e for e in mark if e.tag != f"{SVG}line" and e.tag != f"{SVG}text")
        x = float(marker.get("cx") or 0) or (
            float(marker.get("x", 0)) + float(marker.get("width", 0)) / 2
            if marker.tag == f"{SVG}rect"
            else float(re.match(r"M([\d.]+)", marker.get("d"))[1])
        )
        assert (x - x_low) / (x_high - x_low) == pytest.approx(
            (cell.value - cell.low) / (cell.high - cell.low), abs=0.01
        )
        assert mark.find(f"{SVG}text").text == _cell(cell, "fi")
    dashed = [e for e in _svg(figure).iter(f"{SVG}line") if e.get("stroke-dasharray")]
    assert len(dashed) == 1  # zero, in the difference's panel only
    heads = " ".join(_svg(figure).itertext())
    assert "%-yks." in heads
    assert "(%)" in heads


# The property: what is drawn is what the table shows -------------------------------------------


def _check_chart(block, fragment: str, language: str) -> int:
    """Every mark is the shown value of its cell; every withheld cell is marked, not drawn."""
    if not fragment:
        return 0
    figure = _parse(fragment)
    svg = _svg(figure)
    assert svg.find(f"{SVG}title").text
    assert svg.find(f"{SVG}desc").text

    def cell(mark):
        row = int(mark.get("data-row"))
        if isinstance(block, rep.FigureList):
            return block.rows[row].value
        return block.rows[row].cells[int(mark.get("data-column"))]

    drawn = _marks(figure, "bar") + _marks(figure, "estimate")
    for mark in drawn:
        value = cell(mark)
        assert isinstance(value, rep.Count | rep.Amount | Estimate), value
        number = value.value if not isinstance(value, rep.Amount) else float(value.value)
        assert float(mark.get("data-value")) == pytest.approx(float(number), abs=0.006)
    for label in _marks(figure, "value"):
        assert label.text == _cell(cell(label), language)
    for mark in _marks(figure, "withheld"):
        assert isinstance(cell(mark), rep.Withheld)
        assert mark.text == f"• {WITHHELD_WORD[language]}"
    # Bars on one scale are proportional: each as long as its value's share of the
    # longest (widths are written to 0.01, hence the tolerance).
    widths = [
        (float(b.get("width")), float(cell(b).value), b.get("data-panel"))
        for b in _marks(figure, "bar")
    ]
    for panel in {p for _, _, p in widths}:
        same = [(w, v) for w, v, p in widths if p == panel]
        longest, most = max(same, key=lambda pair: pair[1])
        for w, v in same:
            assert w == pytest.approx(v / most * longest if most else 0, abs=0.02)
    return len(drawn)


@settings(max_examples=15, deadline=None)
@given(
    # Enough people that some counts pass the threshold and some are withheld.
    hst.datasets(period=(D(2015, 3, 1), D(2017, 10, 31)), max_participants=16),
    st.integers(2, 4),
    st.sampled_from(["fi", "sv", "en"]),
)
def test_every_drawn_value_is_the_value_the_table_shows_and_nothing_withheld_is_drawn(
    dataset, threshold, language
):
    as_of = D(2018, 6, 30)
    reports = [
        rep.annual_report(dataset, 2016, as_of=as_of, threshold=threshold),
        rep.annual_report(dataset, 2017, as_of=as_of, threshold=threshold),
        rep.final_report(dataset, as_of=as_of, threshold=threshold),
    ]
    page = rep.render_html(reports, language)
    for fragment in CHART.findall(page):
        _parse(fragment)
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # several reports on one page keep their charts apart
    found = []
    for index, report in enumerate(reports):
        for section in report.sections:
            for number, block in enumerate(section.blocks):
                ident = f"r{index}-{section.key}-{number}" if index else f"{section.key}-{number}"
                fragment = chart_for(section.key, block, ident, language, _shown(language))
                _check_chart(block, fragment, language)
                if fragment:
                    assert fragment in page
                    found.append(fragment)
    assert len(found) == len(CHART.findall(page))


# Print stylesheet ------------------------------------------------------------------------------


def test_the_print_stylesheet_keeps_rows_charts_and_headings_whole_on_a4(annual):
    page = rep.render_html(annual, "fi")
    assert "@page { size: A4;" in page
    style = page.split("@media print {", 1)[1].split("\n}\n", 1)[0]
    assert re.search(r"tr, figure\.chart[^{]*\{ break-inside: avoid; \}", style)
    assert re.search(r"h1, h2, h3[^{]*\{ break-after: avoid; \}", style)
    assert "thead { display: table-header-group; }" in style
    assert "@top-center" not in page  # the public edition carries no marking


def test_the_funders_edition_prints_its_marking_in_the_margin_of_every_page():
    exact = rep.annual_report(
        demo_dataset(), 2016, as_of=D(2017, 1, 31), edition=rep.Edition.FUNDER
    )
    for language in ("fi", "sv", "en"):
        page = rep.render_html(exact, language)
        marking = text("confidential").get(language)
        assert f'@top-center {{ content: "{marking}"' in page
        assert '<p class="confidential"' in page
