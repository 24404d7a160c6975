"""A public report says how much it withholds and why; the funder's edition says it is exact."""

from __future__ import annotations

import json
import re

import pytest

from hankemalli import reporting as rep
from hankemalli.cli import demo_reports


@pytest.fixture(scope="module")
def public() -> list[rep.Report]:
    return demo_reports("en")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_public_report_gives_its_withheld_counts_and_why(public, language) -> None:
    for report in public:
        shown = report.disclosure
        assert shown is not None
        assert shown.withheld == shown.primary + shown.secondary
        assert 0 < shown.withheld < shown.counts
        text = rep.render_markdown(report, language)
        numbers = [str(n) for n in (shown.counts, shown.withheld, shown.primary, shown.secondary)]
        note = next(line for line in text.splitlines() if numbers[1] in line and "•" in line)
        assert all(re.search(rf"\b{n}\b", note) for n in numbers), note


def test_the_json_form_gives_the_disclosure_as_numbers(public) -> None:
    report = public[-1]
    document = json.loads(rep.render_json(report, "en"))
    shown = report.disclosure
    assert shown is not None
    assert document["disclosure"] == {
        "counts": shown.counts,
        "withheld": shown.withheld,
        "primary": shown.primary,
        "secondary": shown.secondary,
        "exposed": shown.exposed,
    }


def test_the_funders_edition_withholds_nothing_and_says_so() -> None:
    for report in demo_reports("en", edition="funder"):
        assert report.disclosure is None
        document = json.loads(rep.render_json(report, "en"))
        assert document["disclosure"] is None
        text = rep.render_markdown(report, "en")
        assert "figures are exact" in text
        assert "could otherwise be worked out" not in text
        assert "•" not in text
