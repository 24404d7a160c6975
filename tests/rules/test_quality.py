"""The data-quality report: the findings of the checks grouped by rule, with pseudonyms."""

from __future__ import annotations

from collections import Counter

import pendulum
import pytest
from hypothesis import given

import hankemalli as h
from hankemalli.rules import RULES, Severity, check_dataset, quality_report
from hankemalli.testing import strategies as hst

D = pendulum.date
REG = h.InformationSource.REGISTER


@pytest.fixture
def dataset(rec) -> h.Dataset:
    contact = h.PostExitContact(date=D(2016, 5, 1), source=REG, kind=h.ContactKind.VOLUNTEERING)
    early = h.SituationAfterSixMonths(
        date=D(2016, 7, 1), source=REG, situation=h.SituationKind.EMPLOYED
    )
    programme = h.Programme(
        id="P", name="Polku", organisation="Yhdistys ry", start=D(2015, 1, 1), end=D(2018, 12, 31)
    )
    return h.Dataset(
        programme=programme,
        participants=(
            rec("A-1", since=D(2015, 1, 1)),
            rec("B-2", since=D(2015, 1, 1), education=None, gender=None),
            rec("C-3", since=D(2015, 1, 1), education=None, events=(early,)),
            rec("D-4", since=D(2015, 1, 1), events=(contact,)),
            rec(
                "E-5",
                since=D(2015, 1, 1),
                periods=((D(2016, 3, 1), D(2016, 4, 30)),),
                events=(early,),
            ),
        ),
    )


def test_findings_are_grouped_by_rule_errors_first_with_the_pseudonyms(dataset) -> None:
    report = quality_report(dataset)
    assert [(g.rule.code, g.count, g.pseudonyms) for g in report.rules] == [
        ("consistency.post_exit_contact_before_exit", 1, ("D-4",)),
        ("completeness.gender", 1, ("B-2",)),
        ("completeness.education", 2, ("B-2", "C-3")),
        ("consistency.six_month_situation_too_early", 2, ("C-3", "E-5")),
    ]
    assert (report.programme, report.participants) == ("Polku", 5)
    assert report.count(Severity.ERROR) == 1
    assert report.count(Severity.WARNING) == 5
    assert report.has_errors


def test_a_clean_dataset_has_no_groups_and_says_so(rec) -> None:
    programme = h.Programme(
        id="P", name="Polku", organisation="Y", start=D(2015, 1, 1), end=D(2018, 12, 31)
    )
    report = quality_report(
        h.Dataset(programme=programme, participants=(rec("A-1", since=D(2015, 1, 1)),))
    )
    assert (report.rules, report.has_errors) == ((), False)
    assert "Tarkistukset eivät löytäneet mitään korjattavaa." in report.text("fi")
    assert "The checks found nothing to correct." in report.text("en")


@pytest.mark.parametrize(
    ("language", "own_use", "heading"),
    [
        ("fi", "Yhdistyksen omaan käyttöön.", "## Virhe: Yhteydenpito päivätty ennen päättymistä"),
        ("sv", "För föreningens eget bruk.", "## Fel: Kontakten daterad före utträdet"),
        ("en", "For the association's own use.", "## Error: Contact after leaving dated before"),
    ],
)
def test_the_text_says_it_is_for_own_use_and_lists_each_rule(
    dataset, language, own_use, heading
) -> None:
    text = quality_report(dataset).text(language)
    assert text.splitlines()[2].startswith(own_use)
    assert heading in text
    assert text.count("\n## ") == 4
    for pseudonym in ("B-2", "C-3", "D-4", "E-5"):
        assert pseudonym in text
    assert "A-1" not in text  # nothing was found about A-1


def test_the_same_message_is_given_once_differing_ones_a_line_each(dataset) -> None:
    text = quality_report(dataset).text("en")
    education = text.split("(completeness.education)")[1].split("##")[0]
    assert education.count("Education (ISCED band) is not known") == 1
    assert "Participants: B-2, C-3" in education
    early = text.split("(consistency.six_month_situation_too_early)")[1]
    assert "- C-3: $.participants[2].events[0].date: the situation six months" in early
    assert "- E-5: $.participants[4].events[0].date: the situation six months" in early
    assert "six-month date (2016-12-01)" in early  # C-3 left on 1.6.2016
    assert "six-month date (2016-10-30)" in early  # E-5 left on 30.4.2016


def test_the_summary_counts_in_every_language(dataset) -> None:
    report = quality_report(dataset)
    assert "Osallistujia 5, havaintoja 6: virheitä 1, varoituksia 5, huomioita 0." in report.text()
    assert "Deltagare 5, iakttagelser 6: fel 1, varningar 5, anmärkningar 0." in report.text("sv")
    with pytest.raises(ValueError, match="fi, sv, en"):
        report.text("de")


@given(hst.datasets(max_participants=5))
def test_the_report_holds_exactly_the_findings_of_the_checks(dataset) -> None:
    """Rule: regrouping loses and adds nothing, and names each finding's own record."""
    findings = check_dataset(dataset)
    report = quality_report(dataset)
    assert Counter(report.findings) == Counter(findings)
    for group in report.rules:
        assert {f.rule for f in group.findings} == {group.rule.code}
        for who, finding in zip(group.participants, group.findings, strict=True):
            assert dataset.participants[finding.path[1]].id == who
    assert report.has_errors == any(f.severity is Severity.ERROR for f in findings)
    order = [list(Severity).index(g.rule.severity) for g in report.rules]
    assert order == sorted(order)
    assert all(g.rule is RULES[g.rule.code] for g in report.rules)
