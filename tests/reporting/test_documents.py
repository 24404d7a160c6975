"""Report documents and their renderings: content, languages, formats and privacy."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import indicators as ind
from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.testing import strategies as hst

D = pendulum.date
RENDERERS = {"md": rep.render_markdown, "json": rep.render_json, "html": rep.render_html}


@pytest.fixture(scope="module")
def final():
    return rep.final_report(demo_dataset(), as_of=D(2019, 7, 31))


@pytest.fixture(scope="module")
def annual():
    return rep.annual_report(demo_dataset(), 2016, as_of=D(2017, 1, 31))


def test_the_sections_of_a_self_monitoring_report(final, annual):
    keys = [
        "targets",
        "common_2014_2020",
        "own_figures",
        "implementation",
        "funding",
        "follow_up",
        "models",
    ]
    assert [s.key for s in annual.sections] == keys
    assert [s.key for s in final.sections] == [*keys, "cumulation"]


def test_results_keep_leavers_and_stayers_apart(annual):
    blocks = annual.section("own_figures").blocks
    titles = [b.title.en for b in blocks if getattr(b, "title", None) is not None]
    assert "Leavers" in titles
    assert "Stayers" in titles
    assert titles.index("Participants at entry") < titles.index("Leavers") < titles.index("Stayers")


def test_every_figure_says_where_it_comes_from(final):
    rows = [
        r for s in final.sections for b in s.blocks if isinstance(b, rep.FigureList) for r in b.rows
    ]
    assert rows
    assert {r.source for r in rows} == {ind.DataSource.COLLECTED}
    md = rep.render_markdown(final, "en")
    assert "| Figure | Value | Source |" in md
    assert "collected data" in md


def test_kaiku_figures_in_the_demo_final_report(final):
    md = rep.render_markdown(final, "fi")
    assert "| Osallistujat yhteensä | 239 | kerätty tieto |" in md
    assert "| Kaikki osallistujat, myös puutteelliset tiedot | 270 | kerätty tieto |" in md
    assert "| Hygieniapassi | 79 |" in md
    assert "| Työturvallisuuskortti | 42 |" in md
    assert "| TET-jaksoista syntyneet työsuhteet | 31 | kerätty tieto |" in md


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_reports_render_in_every_language_and_format(final, annual, language, fmt):
    for report in (annual, final):
        out = RENDERERS[fmt](report, language)
        assert report.programme_name in out
    if fmt == "json":
        document = json.loads(RENDERERS[fmt](final, language))
        assert document["language"] == language
        assert [s["key"] for s in document["sections"]][-1] == "cumulation"


def test_finnish_and_swedish_use_a_decimal_comma_and_english_a_point(final):
    assert "45,6\u00a0%" in rep.render_markdown(final, "fi")
    assert "45,6\u00a0%" in rep.render_markdown(final, "sv")
    assert "45.6%" in rep.render_markdown(final, "en")


def test_an_unknown_language_is_refused(final):
    with pytest.raises(ValueError, match="allowed: fi, sv, en"):
        rep.render_markdown(final, "de")


class _Checker(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "hr", "input"})

    def __init__(self):
        super().__init__()
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def test_html_is_one_well_formed_self_contained_page(final):
    page = rep.render_html(final, "fi")
    checker = _Checker()
    checker.feed(page)
    assert checker.errors == []
    assert checker.stack == []
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fi">' in page
    # Nothing fetched from elsewhere: no source, link, stylesheet import or url() that
    # names another site (an SVG's xmlns names a namespace; it is not fetched).
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page) is None
    assert re.search(r"url\(\s*[\"']?(https?:)?//", page) is None
    assert "@import" not in page


def test_html_escapes_text():
    dataset = demo_dataset()
    from attrs import evolve

    programme = evolve(dataset.programme, name="<script>alert(1)</script>")
    report = rep.annual_report(evolve(dataset, programme=programme), 2016, as_of=D(2017, 1, 31))
    assert "<script>" not in rep.render_html(report)


# Privacy -------------------------------------------------------------------------------------


def _people_cells(report):
    """Every value that counts people: figure rows (but items) and every table cell."""
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, rep.FigureList):
                for row in block.rows:
                    yield row.code, row.value
            elif isinstance(block, rep.Table):
                for row in block.rows:
                    for value in row.cells:
                        yield "table", value


SENSITIVE = {
    i.code
    for cat in (ind.ESF_PLUS_2021, ind.ESF_2014, ind.SEED_FIGURES)
    for i in cat.values()
    if i.sensitive
}
ITEMS = {
    i.code for i in ind.SEED_FIGURES.values() if isinstance(i.statistic, ind.Events | ind.Episodes)
}


def _assert_no_small_counts(report, threshold):
    for code, value in _people_cells(report):
        if code in ITEMS and code not in SENSITIVE:
            continue
        if isinstance(value, rep.Count):
            assert value.value == 0 or value.value >= threshold, (code, value)
        if isinstance(value, rep.Ratio):
            assert value.numerator == 0 or value.numerator >= threshold, (code, value)
            assert value.denominator >= threshold, (code, value)


def test_no_count_of_fewer_than_five_people_is_published_in_the_demo(final, annual):
    _assert_no_small_counts(final, 5)
    _assert_no_small_counts(annual, 5)


def test_withheld_values_are_absent_from_every_format(annual):
    figure = next(
        r
        for b in annual.section("common_2014_2020").blocks
        if isinstance(b, rep.FigureList)
        for r in b.rows
        if isinstance(r.value, rep.Withheld)
    )
    md = rep.render_markdown(annual, "en")
    assert f"| {figure.label.en} | • |" in md
    document = json.loads(rep.render_json(annual, "en"))
    values = [
        f["value"]
        for s in document["sections"]
        for b in s["blocks"]
        if b["type"] == "figures"
        for f in b["figures"]
        if f["code"] == figure.code
    ]
    assert values == [{"withheld": True}]


@settings(max_examples=25)
@given(
    hst.datasets(period=(D(2015, 3, 1), D(2017, 10, 31)), max_participants=12),
    st.integers(1, 8),
    st.sampled_from([2015, 2016, 2017]),
)
def test_no_small_count_of_people_is_ever_published(dataset, threshold, year):
    as_of = D(2018, 6, 30)
    annual = rep.annual_report(dataset, year, as_of=as_of, threshold=threshold)
    final = rep.final_report(dataset, as_of=as_of, threshold=threshold)
    _assert_no_small_counts(annual, threshold)
    _assert_no_small_counts(final, threshold)
    for report in (annual, final):
        for render in RENDERERS.values():
            render(report, "fi")


def test_the_demo_final_report_has_kaikus_model_its_embedding_and_evidence(final):
    md = rep.render_markdown(final, "en")
    models = md.split("## Operating models and their transferability")[1].split("\n## ")[0]
    assert "### Kuntouttava työtoiminta yhdistysverkostossa ja työhönvalmennus" in models
    assert "| Made permanent | Joensuun kaupunki | 2017-01-01 |" in models
    assert "### Results with and without the model's services" in models
    placement = "| Into the open labour market or degree-oriented education |"
    assert (
        f"{placement} 41% (30/74) | 28% (55/196) | 40.5 (30.1 … 51.9)% | 28.1 (22.2 … 34.7)% "
        "| +12.5 (+0.1 … +25.3)\u00a0pp | supported |"
    ) in models
    assert "The comparison is observational: people chose, or were chosen for" in models
    assert "| Evidence from the records | supported |" in models
    assert "| Tried elsewhere | missing |" in models


def test_a_dataset_without_models_says_so():
    from attrs import evolve

    demo = demo_dataset()
    dataset = evolve(
        demo,
        operating_models=(),
        instruments=(),
        participants=tuple(evolve(p, assessments=()) for p in demo.participants),
    )
    report = rep.annual_report(dataset, 2016, as_of=D(2017, 1, 31))
    assert [b.text.en for b in report.section("models").blocks] == [
        "The dataset describes no operating models."
    ]
