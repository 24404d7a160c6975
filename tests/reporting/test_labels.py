"""Every code a report can show has a label in Finnish, Swedish and English.

And a Finnish or Swedish report shows no English the library wrote: no raw code
value and no English label of a code, a report text or an indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import reporting as rep
from hankemalli.indicators import ESF_2014, ESF_PLUS_2021, SEED_FIGURES, Labels
from hankemalli.model import CODE_LISTS, FunderKind, IscedBand, TargetMetric
from hankemalli.reporting import _labels, _models
from hankemalli.testing import strategies as hst

D = pendulum.date
MEMBERS = [code for codes in CODE_LISTS for code in codes]

#: Codes whose label is the code itself in a language: the word is the same.
SAME_WORD: set[tuple[type[StrEnum], str]] = {(FunderKind, "eu")}


@pytest.mark.parametrize("code", MEMBERS, ids=lambda c: f"{type(c).__name__}.{c}")
def test_every_code_has_a_label_in_every_language(code):
    labels = rep.code_labels(code)
    for language in rep.LANGUAGES:
        label = labels.get(language)
        assert label.strip(), (code, language)
        assert rep.code_label(code, language) == label
    if (type(code), str(code)) not in SAME_WORD:
        for language in ("fi", "sv"):
            assert labels.get(language).casefold() != str(code).casefold(), (code, language)


def test_the_exceptions_are_codes_of_the_lists():
    assert all(codes(value) in codes for codes, value in SAME_WORD)


def test_isced_0_is_not_labelled_as_the_whole_band_0_2():
    for language in rep.LANGUAGES:
        below = rep.code_label(IscedBand.ISCED_0, language)
        at_most = rep.code_label(IscedBand.ISCED_0_2, language)
        assert below != at_most
        assert "0–2" not in below


def test_isced_bands_use_statistics_finlands_levels():
    # Alempi perusaste (lägre grundnivå) is ISCED 1 alone: never a band's upper bound.
    assert rep.code_label(IscedBand.ISCED_0_2, "fi") == "Enintään perusaste (ISCED 0–2)"
    assert rep.code_label(IscedBand.ISCED_0_2, "sv") == "Högst grundnivå (ISCED 0–2)"
    for band in (IscedBand.ISCED_0_2, IscedBand.ISCED_3_4, IscedBand.ISCED_5_8):
        assert "alemman perusasteen" not in rep.code_label(band, "fi").casefold()
        assert "lägre grundnivå" not in rep.code_label(band, "sv").casefold()
    assert "erikoisammattikoulutusaste" in rep.code_label(IscedBand.ISCED_3_4, "fi")
    assert "specialyrkesutbildningsnivå" in rep.code_label(IscedBand.ISCED_3_4, "sv")


def test_words_that_meant_two_things_mean_one():
    # Attainment is not the estimated data source.
    assert rep.text("attainment").fi != rep.text("estimate").fi.capitalize()
    assert rep.text("attainment").sv != rep.text("estimate").sv.capitalize()
    # Placed in work or education, not in care.
    assert "Placerade" not in rep.code_label(TargetMetric.PLACEMENTS, "sv")
    # All leavers, beside the ESF figure of the participants who left (complete records).
    for esf in (ESF_2014["CRLEAVERS"], ESF_PLUS_2021["EELEAVERS"]):
        for language in rep.LANGUAGES:
            assert SEED_FIGURES["leavers"].labels.get(language) != esf.labels.get(language)


def test_a_mean_with_a_unit_in_its_cell_does_not_repeat_the_unit():
    for indicator in SEED_FIGURES.values():
        for language, unit in (("fi", "päivää"), ("sv", "dagar"), ("en", "days")):
            assert f"({unit})" not in indicator.labels.get(language), indicator.code


RAW_CODES = {str(code) for code in MEMBERS}


@settings(max_examples=15, deadline=None)
@given(hst.datasets(period=(D(2015, 3, 1), D(2017, 10, 31)), max_participants=6))
def test_a_report_in_finnish_or_swedish_shows_no_raw_code(dataset):
    report = rep.annual_report(dataset, 2016, as_of=D(2017, 1, 31))
    for language in ("fi", "sv"):
        markdown = rep.render_markdown(report, language)
        shown = {f"| {code} |" for code in RAW_CODES if f"| {code} |" in markdown}
        assert not shown, (language, shown)


# No English in a Finnish or Swedish report -----------------------------------------------


def _library_labels() -> Iterator[Labels]:
    """Every label the library writes into a report."""
    for code in MEMBERS:
        yield rep.code_labels(code)
    yield from _labels._TEXT.values()
    for catalogue in (ESF_2014, ESF_PLUS_2021, SEED_FIGURES):
        if catalogue.title is not None:
            yield catalogue.title
        for indicator in catalogue.values():
            yield indicator.labels
    for value in vars(_models).values():
        if isinstance(value, dict):
            yield from (v for v in value.values() if isinstance(v, Labels))


def _pattern(label: str) -> str:
    """A label as a regular expression; a placeholder such as ``{n}`` matches any text."""
    return ".+?".join(re.escape(part) for part in re.split(r"\{\w+\}", label))


def _english() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """The English the library writes that is not also Finnish or Swedish.

    Returned as patterns matched against whole cells and headings, and patterns of
    labels of two words or more, matched anywhere (they are long enough not to be
    part of a Finnish or Swedish word).
    """
    found = list(_library_labels())
    local = {text.casefold() for labels in found for text in (labels.fi, labels.sv)}
    english = {
        labels.en
        for labels in found
        if labels.en.casefold() not in local and (len(labels.en) >= 6 or " " in labels.en)
    }
    # A raw code value is English too, where no label is the same word.
    english |= {str(code) for code in MEMBERS if str(code).casefold() not in local}
    whole = [re.compile(_pattern(e)) for e in sorted(english)]
    anywhere = [
        re.compile(rf"(?<!\w){_pattern(e)}(?!\w)") for e in sorted(english) if " " in e.strip()
    ]
    return whole, anywhere


WHOLE, ANYWHERE = _english()
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FACT = re.compile(r"- \*\*(?P<name>.+?):\*\* (?P<value>.*)")


def _items(markdown: str) -> Iterator[str]:
    """The cells, headings, facts, notes and paragraphs of a Markdown report."""
    for line in markdown.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("|"):
            for cell in _CELL_SPLIT.split(line.strip("|")):
                cell = cell.strip().replace("\\|", "|")
                if cell and not re.fullmatch(r":?-+:?", cell):
                    yield cell
        elif line.startswith("#"):
            yield line.lstrip("#").strip()
        elif fact := _FACT.fullmatch(line):
            yield fact["name"]
            yield fact["value"]
        else:
            yield line.strip("*")


def _free_texts(value: object) -> Iterator[str]:
    """The dataset's own texts (names, roles, labels): the user's words, not the library's."""
    if type(value) is str:
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _free_texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _free_texts(getattr(value, field.name))


def _english_in(markdown: str, own: set[str]) -> set[str]:
    shown = set()
    for item in _items(markdown):
        if item in own:
            continue
        shown |= {p.pattern for p in WHOLE if p.fullmatch(item)}
        shown |= {p.pattern for p in ANYWHERE if p.search(item)}
    return shown


def test_the_check_finds_english_where_there_is_some():
    english = (
        "# Hanke: Vuosiraportti 2016\n\n"
        "| | Placed in work or education over the programme, 2016 | Arvo |\n"
        "|:---|---:|---:|\n"
        "| Unemployed | 3 | other |\n"
    )
    found = _english_in(english, set())
    assert {"Unemployed", "other"} <= found
    assert any("Placed" in pattern for pattern in found)
    finnish = "| | Naiset | Muu |\n|:---|---:|---:|\n| Osallistujat | 3 | EU |\n"
    assert not _english_in(finnish, set())


_PERIODS = st.sampled_from(((D(2015, 3, 1), D(2017, 10, 31)), (D(2022, 3, 1), D(2024, 10, 31))))


@settings(max_examples=12, deadline=None)
@given(
    _PERIODS.flatmap(lambda period: hst.datasets(period=period, max_participants=6)),
    st.sampled_from(("fi", "sv")),
)
def test_a_finnish_or_swedish_report_shows_no_english_the_library_wrote(dataset, language):
    start, end = dataset.programme.start, dataset.programme.end
    own = {text.strip() for text in _free_texts(dataset)}
    reports = (
        rep.annual_report(dataset, start.year + 1, as_of=end),
        rep.final_report(dataset, as_of=end.add(months=3)),
    )
    for report in reports:
        markdown = rep.render_markdown(report, language)
        assert not _english_in(markdown, own), (report.kind, language)


# The glossary lists the labels reports use ----------------------------------------------

GLOSSARY = Path(__file__).parents[2] / "docs" / "glossary.md"


def _glossary_rows(heading: str) -> list[list[str]]:
    page = GLOSSARY.read_text("utf-8")
    section = page[page.index(heading) :]
    section = section[: section.find("\n#", 1)] if "\n#" in section[1:] else section
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[1:]]


def test_the_glossary_lists_every_common_indicator_as_reports_label_it():
    catalogues = (ESF_2014, ESF_PLUS_2021)
    listed = set()
    for codes, fi, sv, en in _glossary_rows("### Common indicators"):
        for code in codes.split(", "):
            indicator = next(c[code] for c in catalogues if code in c.codes)
            assert (fi, sv, en) == (
                indicator.labels.fi,
                indicator.labels.sv,
                indicator.labels.en,
            ), code
            listed.add(code)
    assert listed == {code for c in catalogues for code in c.codes}


def test_the_glossary_lists_the_education_bands_as_reports_label_them():
    rows = _glossary_rows("### Education at entry")
    assert {row[0].strip("`") for row in rows} == {str(band) for band in IscedBand}
    for code, fi, sv, en, _source in rows:
        labels = rep.code_labels(IscedBand(code.strip("`")))
        assert (fi, sv, en) == (labels.fi, labels.sv, labels.en)
