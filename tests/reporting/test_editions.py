"""Two editions of a report (raportin versiot), and reports that read clearly.

The funder's edition is marked confidential in the report's language on every page
of every format; the public edition says that it is the public one. No edition
names a participant by pseudonym. Text columns are left-aligned and numbers
right-aligned. See issue 13 and docs/reports.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.indicators import ESF_2014, ESF_PLUS_2021, SEED_FIGURES
from hankemalli.model import Dataset
from hankemalli.testing import strategies as hst

openpyxl = pytest.importorskip("openpyxl")

D = pendulum.date
FUNDER, PUBLIC = rep.Edition.FUNDER, rep.Edition.PUBLIC

#: The marking of the funder's edition, as issue 13 words it in each language.
MARKING = {
    "fi": "LUOTTAMUKSELLINEN – rahoittajan versio, ei julkaistavaksi",
    "sv": "KONFIDENTIELL – finansiärens version, ej för publicering",
    "en": "CONFIDENTIAL – funder's edition, not for publication",
}
PUBLIC_FACT = {"fi": "julkinen versio", "sv": "offentlig version", "en": "public edition"}
EDITION = {"fi": "Versio", "sv": "Version", "en": "Edition"}


@pytest.fixture(scope="module")
def final() -> rep.Report:
    return rep.final_report(demo_dataset(), as_of=D(2019, 7, 31))


def funder_copy(report: rep.Report) -> rep.Report:
    """The same document marked as the funder's edition (rendering only)."""
    return attrs.evolve(report, edition=FUNDER)


def xlsx_text(report: rep.Report, language: str) -> str:
    """Every value, header and footer of a workbook, as one text."""
    book = openpyxl.load_workbook(io.BytesIO(rep.render_xlsx(report, language)))
    found = []
    for sheet in book.worksheets:
        found += [sheet.oddHeader.center.text or "", sheet.oddFooter.center.text or ""]
        found += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    return "\n".join(found)


def every_format(report: rep.Report | list[rep.Report], language: str) -> dict[str, str]:
    reports = [report] if isinstance(report, rep.Report) else report
    return {
        "md": "".join(rep.render_markdown(r, language) for r in reports),
        "json": "".join(rep.render_json(r, language) for r in reports),
        "html": rep.render_html(reports, language),
        "csv": "".join(rep.render_csv(r, language) for r in reports),
        "xlsx": "".join(xlsx_text(r, language) for r in reports),
    }


# The funder's edition is marked confidential -------------------------------------------------


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_funders_markdown_is_marked_confidential_at_its_top_and_bottom(final, language):
    lines = rep.render_markdown(funder_copy(final), language).splitlines()
    assert lines[0] == f"**{MARKING[language]}**"
    assert lines[-1] == f"**{MARKING[language]}**"
    assert lines[2].startswith("# ")
    assert f"- **{EDITION[language]}:** {PUBLIC_FACT[language]}" not in lines


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_public_edition_says_so_in_its_facts_and_is_not_marked(final, language):
    for name, page in every_format(final, language).items():
        assert MARKING[language] not in page
        # JSON has no list of facts: its "edition" field says it.
        assert (PUBLIC_FACT[language] in page) is (name != "json")
    assert json.loads(rep.render_json(final, language))["edition"] == "public"
    markdown = rep.render_markdown(final, language)
    assert markdown.startswith("# ")
    assert f"- **{EDITION[language]}:** {PUBLIC_FACT[language]}" in markdown


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_funders_html_marks_each_report_and_keeps_out_of_search_engines(final, language):
    annual = rep.annual_report(demo_dataset(), 2016, as_of=D(2017, 1, 31))
    page = rep.render_html([funder_copy(annual), funder_copy(final)], language)
    articles = page.split("<article>")[1:]
    assert len(articles) == 2
    for article in articles:
        # The marking is the article's first element, once; the print stylesheet puts
        # it in the top margin of every printed page (an @page margin box).
        assert article.lstrip().startswith('<p class="confidential"')
        assert article.count('class="confidential"') == 1
        marking = re.search(r'<p class="confidential"[^>]*>(.*?)</p>', article)
        assert marking is not None
        assert re.sub(r"<[^>]+>", "", marking.group(1)) == MARKING[language].replace("'", "&#x27;")
    assert '<meta name="robots" content="noindex">' in page
    title = re.search(r"<title>(.*?)</title>", page)
    assert title is not None
    assert title.group(1).startswith(MARKING[language].split(" – ")[0])


def test_the_public_html_is_neither_marked_nor_hidden_from_search_engines(final):
    page = rep.render_html(final, "fi")
    assert 'class="confidential"' not in page
    assert "noindex" not in page


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_json_names_its_edition(final, language):
    public = json.loads(rep.render_json(final, language))
    funder = json.loads(rep.render_json(funder_copy(final), language))
    assert (public["edition"], public["confidential"]) == ("public", None)
    assert (funder["edition"], funder["confidential"]) == ("funder", MARKING[language])


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_funders_csv_keeps_its_columns_and_is_marked_in_its_first_and_last_row(final, language):
    public = list(csv.reader(io.StringIO(rep.render_csv(final, language))))
    funder = list(csv.reader(io.StringIO(rep.render_csv(funder_copy(final), language))))
    # The columns are the public contract (docs/compatibility.md): unchanged.
    assert tuple(funder[0]) == tuple(public[0]) == rep.CSV_COLUMNS
    assert all(len(line) == len(rep.CSV_COLUMNS) for line in funder)
    value = rep.CSV_COLUMNS.index("value")
    assert funder[1][value] == funder[-1][value] == MARKING[language]
    # Otherwise the same rows, except the note on withheld values and the edition.
    assert len(funder) == len(public) + 2
    assert not any(MARKING[language] in line for line in public)


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_every_sheet_of_the_funders_workbook_is_marked_in_its_header_footer_and_first_row(
    final, language
):
    funder = openpyxl.load_workbook(io.BytesIO(rep.render_xlsx(funder_copy(final), language)))
    public = openpyxl.load_workbook(io.BytesIO(rep.render_xlsx(final, language)))
    assert funder.sheetnames == public.sheetnames
    assert len(funder.worksheets) > 3
    for marked, plain in zip(funder.worksheets, public.worksheets, strict=True):
        assert marked.oddHeader.center.text == MARKING[language]
        assert marked.oddFooter.center.text == MARKING[language]
        assert marked["A1"].value == MARKING[language]
        # The sheet's title follows the marking.
        assert marked["A2"].value == plain["A1"].value
        assert not plain.oddHeader.center.text
        assert not plain.oddFooter.center.text
    assert funder.properties.subject == MARKING[language]


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_funders_edition_says_its_figures_are_exact_instead_of_withheld(final, language):
    withheld = {"fi": "jätetty pois tietosuojan", "sv": "av dataskyddsskäl", "en": "for privacy"}
    exact = {"fi": "tarkkoja", "sv": "exakta", "en": "exact"}
    public = rep.render_markdown(final, language)
    funder = rep.render_markdown(funder_copy(final), language)
    assert withheld[language] in public.split("\n## ")[0]
    assert exact[language] in funder.split("\n## ")[0]
    assert withheld[language] not in funder.split("\n## ")[0]


def test_final_report_builds_the_funders_edition_marked_in_every_format():
    report = rep.final_report(demo_dataset(), as_of=D(2019, 7, 31), edition=FUNDER)
    assert report.edition is FUNDER
    for page in every_format(report, "fi").values():
        assert MARKING["fi"] in page


# No pseudonyms in any edition ----------------------------------------------------------------


def _editions(dataset: Dataset, as_of: pendulum.Date) -> list[rep.Report]:
    """Every annual report and the final report, in both editions."""
    years = range(dataset.programme.start.year, min(dataset.programme.end, as_of).year + 1)
    found = []
    for edition in (PUBLIC, FUNDER):
        found += [rep.annual_report(dataset, y, as_of=as_of, edition=edition) for y in years]
        found.append(rep.final_report(dataset, as_of=as_of, edition=edition))
    return found


def _named(dataset: Dataset, prefix: str) -> Dataset:
    """The dataset with every participant's pseudonym replaced by one easy to find."""
    records = tuple(
        attrs.evolve(r, participant=attrs.evolve(r.participant, id=f"{prefix}{i:04d}"))
        for i, r in enumerate(dataset.participants)
    )
    return attrs.evolve(dataset, participants=records)


def _leaks(dataset: Dataset, pages: dict[str, str]) -> list[tuple[str, str]]:
    ids = [r.participant.id for r in dataset.participants]
    return [(name, i) for name, page in pages.items() for i in ids if i in page]


def test_no_report_of_the_demo_names_a_participant_in_any_format_or_edition():
    dataset = demo_dataset()
    reports = _editions(dataset, D(2019, 7, 31))
    for language in rep.LANGUAGES:
        assert _leaks(dataset, every_format(reports, language)) == []


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hst.datasets(min_participants=1, max_participants=8), st.sampled_from(rep.LANGUAGES))
def test_no_report_names_a_participant_in_any_format_or_edition(dataset, language):
    """Rule: no edition names a participant by pseudonym, in any section or format."""
    named = _named(dataset, "PSEUDONYM-Q")
    as_of = named.programme.end.add(months=7)
    pages = every_format(_editions(named, as_of), language)
    assert _leaks(named, pages) == []
    assert "PSEUDONYM-Q" not in "".join(pages.values())


# Clear reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_the_leavers_note_quotes_the_labels_of_the_two_leaver_figures(language):
    """The note says which leavers each figure counts, in the figures' own words."""
    note = rep.text("leavers_note").get(language)
    assert ESF_2014["CRLEAVERS"].labels.get(language) in note
    assert ESF_PLUS_2021["EELEAVERS"].labels.get(language) in note
    assert SEED_FIGURES["leavers"].labels.get(language) in note


def test_the_final_report_explains_its_two_leaver_figures(final):
    markdown = rep.render_markdown(final, "en")
    if rep.text("leavers_note").en not in markdown:
        pytest.skip("the note is placed by reporting/_build.py (issue 13, helper D's file)")
    own = markdown.split("## The project's own figures")[1].split("\n## ")[0]
    assert rep.text("leavers_note").en in own


#: A cell that reads as a number: signed, withheld or empty, or a number with a unit.
_NUMBERLIKE = re.compile(r"[+\-−]?[\d•–(]")


def _markdown_cells(markdown: str) -> list[tuple[bool, str]]:
    """Each Markdown table cell with whether its column is right-aligned."""
    found = []
    right: list[bool] | None = None
    for line in markdown.splitlines():
        if re.fullmatch(r"\|(:?-+:?\|)+", line):
            right = [c.endswith(":") and not c.startswith(":") for c in line[1:-1].split("|")]
        elif line.startswith("| ") and right is not None:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            found += list(zip(right, cells, strict=True))
        elif not line.startswith("|"):
            right = None
    return found


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_no_text_is_right_aligned_in_the_demos_reports(language):
    """Rule: text columns are left-aligned, numbers right-aligned (Markdown and HTML)."""
    reports = _editions(demo_dataset(), D(2019, 7, 31))[:5]
    cells = [c for r in reports for c in _markdown_cells(rep.render_markdown(r, language))]
    assert len(cells) > 1000
    right = [c for aligned, c in cells if aligned]
    assert right
    assert [c for c in right if not _NUMBERLIKE.match(c)] == []
    # A cell that starts with a word is in a left-aligned column.
    words = [c for aligned, c in cells if re.match(r"[^\W\d]{3,}", c)]
    assert words
    assert not any(aligned for aligned, c in cells if re.match(r"[^\W\d]{3,}", c))
    page = rep.render_html(reports, language)
    numeric: list[Any] = re.findall(r'<td class="num[^"]*">([^<]*)</td>', page)
    assert numeric
    assert [c for c in numeric if not _NUMBERLIKE.match(c)] == []
