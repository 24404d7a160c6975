"""Every code a report can show has a label in Finnish, Swedish and English."""

from __future__ import annotations

from enum import StrEnum

import pendulum
import pytest
from hypothesis import given, settings

from hankemalli import reporting as rep
from hankemalli.model import CODE_LISTS, FunderKind, IscedBand
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


RAW_CODES = {str(code) for code in MEMBERS}


@settings(max_examples=15, deadline=None)
@given(hst.datasets(period=(D(2015, 3, 1), D(2017, 10, 31)), max_participants=6))
def test_a_report_in_finnish_or_swedish_shows_no_raw_code(dataset):
    report = rep.annual_report(dataset, 2016, as_of=D(2017, 1, 31))
    for language in ("fi", "sv"):
        markdown = rep.render_markdown(report, language)
        shown = {f"| {code} |" for code in RAW_CODES if f"| {code} |" in markdown}
        assert not shown, (language, shown)
