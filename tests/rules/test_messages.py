"""Every rule has its words in Finnish, Swedish and English, and every finding its message."""

from __future__ import annotations

import string
from collections.abc import Callable

import pendulum
import pytest
from attrs import evolve
from hypothesis import given

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.model._language import LANGUAGES
from hankemalli.rules import RULES, Finding, Severity, check_dataset, check_record
from hankemalli.rules._messages import PHRASES, TERMS
from hankemalli.testing import strategies as hst

D = pendulum.date
REG = h.InformationSource.REGISTER


def fields(template: str) -> set[tuple[str, str]]:
    return {
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    }


def term_fields(template: str) -> set[str]:
    """Every field a template fills, through the terms it names too."""
    found = set()
    for name, spec in fields(template):
        found.add(name)
        for key, term in TERMS.items():
            if spec and key.startswith(f"{spec}."):
                found |= {n for lang in LANGUAGES for n in term_fields(term.template(lang))}
    return found


@pytest.mark.parametrize("code", list(RULES))
def test_every_rule_has_all_three_languages_with_the_same_fields(code) -> None:
    rule = RULES[code]
    assert rule.code == code
    for message in (rule.title, rule.message):
        templates = {lang: message.template(lang) for lang in LANGUAGES}
        assert all(t.strip() for t in templates.values()), templates
        assert len({frozenset(fields(t)) for t in templates.values()}) == 1, templates
        # No language is a copy of another, which a missed translation would be.
        assert len(set(templates.values())) == 3 or not fields(message.en), templates
    assert not fields(rule.title.en), "a title names the rule, not a finding"
    # A message's first letter is small: it follows a JSON path or a heading.
    assert all(not message[:1].isupper() for message in (rule.message.fi, rule.message.en))


@pytest.mark.parametrize("key", list(TERMS) + list(PHRASES))
def test_every_term_and_phrase_has_all_three_languages_with_the_same_fields(key) -> None:
    message = TERMS.get(key) or PHRASES[key]
    templates = [message.template(lang) for lang in LANGUAGES]
    assert all(t.strip() for t in templates)
    assert len({frozenset(fields(t)) for t in templates}) == 1, templates


def test_every_term_a_message_names_exists() -> None:
    families = {key.split(".", 1)[0] for key in TERMS}
    for message in [r.message for r in RULES.values()] + list(TERMS.values()):
        for lang in LANGUAGES:
            for _name, spec in fields(message.template(lang)):
                assert not spec or spec in families, (spec, message)


def test_every_leaving_status_has_its_term() -> None:
    for status in h.LeavingStatus:
        assert f"status.{status.value}" in TERMS


# One example of each rule: a finding, its params and its message in every language.


def _exit_situation(rec, job) -> tuple[Finding, ...]:
    snapshot = h.ExitSituation(
        date=D(2016, 6, 1), source=REG, status=h.LeavingStatus.JOB_SEARCHING, in_education=True
    )
    record = rec(since=D(2015, 1, 1), situations=(job(D(2016, 5, 1)),), exit_situation=snapshot)
    return check_record(record)


def _six_months(day, **kw):
    return h.SituationAfterSixMonths(date=day, source=REG, situation=h.SituationKind.EMPLOYED, **kw)


def _contact(day):
    return h.PostExitContact(date=day, source=REG, kind=h.ContactKind.VOLUNTEERING)


def _aggregate_share() -> tuple[Finding, ...]:
    figure = ind.Figure(code="placement", statistic=ind.Statistic.SHARE, numerator=5, denominator=4)
    results = ind.Results(
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2017, 1, 1),
        rules=ind.CountingRules(),
        figures=(figure,),
    )
    return ind.check_results(results, ind.SEED_FIGURES.indicators)


def _aggregate_subgroup(rec) -> tuple[Finding, ...]:
    broken = ind.Catalogue(
        name="broken",
        version="1",
        indicators=(
            evolve(ind.ESF_PLUS_2021["EECO04"], within=None),
            evolve(ind.ESF_PLUS_2021["EECO02"], within="EECO04"),
        ),
    )
    result = ind.compute(
        broken.indicators, [rec("A")], period=ind.ReportingPeriod.year(2016), as_of=D(2018, 1, 1)
    )
    return ind.check_results(result, broken.indicators)


def _not_offered(rec) -> tuple[Finding, ...]:
    programme = h.Programme(
        id="X",
        name="X",
        organisation="Y",
        start=D(2015, 1, 1),
        end=D(2018, 12, 31),
        services=(h.ServiceType.JOB_COACHING,),
    )
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10))
    return check_record(rec(since=D(2015, 1, 1), episodes=(tet,)), programme)


EXAMPLES: dict[str, Callable[..., tuple[Finding, ...]]] = {
    "completeness.gender": lambda rec, job: check_record(rec(since=D(2015, 1, 1), gender=None)),
    "completeness.labour_market_status": lambda rec, job: check_record(rec(status=None)),
    "completeness.age": lambda rec, job: check_record(rec(since=D(2015, 1, 1), age=None)),
    "completeness.education": lambda rec, job: check_record(
        rec(since=D(2015, 1, 1), education=None)
    ),
    "completeness.unemployed_since": lambda rec, job: check_record(rec()),
    "completeness.foreign_background_not_asked": lambda rec, job: check_record(
        rec(
            since=D(2015, 1, 1),
            third_country_national=h.Answer.YES,
            foreign_background=h.Answer.NOT_ASKED,
        )
    ),
    "consistency.situation_after_six_months_without_exit": lambda rec, job: check_record(
        rec(
            since=D(2015, 1, 1),
            periods=((D(2016, 3, 1), None),),
            events=(_six_months(D(2016, 9, 1)),),
        )
    ),
    "consistency.post_exit_contact_without_exit": lambda rec, job: check_record(
        rec(
            since=D(2015, 1, 1), periods=((D(2016, 3, 1), None),), events=(_contact(D(2016, 9, 1)),)
        )
    ),
    "consistency.post_exit_contact_before_exit": lambda rec, job: check_record(
        rec(since=D(2015, 1, 1), events=(_contact(D(2016, 5, 1)),))
    ),
    "consistency.six_month_situation_too_early": lambda rec, job: check_record(
        rec(since=D(2015, 1, 1), events=(_six_months(D(2016, 7, 1)),))
    ),
    "consistency.improvement_not_employed_at_entry": lambda rec, job: check_record(
        rec(
            since=D(2015, 1, 1),
            events=(_six_months(D(2016, 12, 1), improvement=h.ImprovementKind.PROMOTION),),
        )
    ),
    "consistency.employment_before_its_episode": lambda rec, job: check_record(
        rec(
            since=D(2015, 1, 1),
            episodes=(
                h.ServiceEpisode(
                    service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10), id="t1"
                ),
            ),
            situations=(job(D(2016, 3, 20), via_episode="t1"),),
        )
    ),
    "consistency.exit_situation_disagrees_with_spells": _exit_situation,
    "consistency.service_not_offered": lambda rec, job: _not_offered(rec),
    "aggregate.numerator_within_denominator": lambda rec, job: _aggregate_share(),
    "aggregate.subgroup_within_total": lambda rec, job: _aggregate_subgroup(rec),
}


def test_every_rule_has_an_example_below() -> None:
    assert set(EXAMPLES) == set(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_finds_with_its_message_in_every_language(code, rec, job) -> None:
    found = [f for f in EXAMPLES[code](rec, job) if f.rule == code]
    assert len(found) == 1, [f.rule for f in EXAMPLES[code](rec, job)]
    (finding,) = found
    rule = RULES[code]
    assert finding.severity is rule.severity
    # Each parameter is used, and each field the message fills is given.
    assert term_fields(rule.message.en) >= {name for name, _ in finding.params}
    assert {name for name, _ in finding.params} >= {n for n, _ in fields(rule.message.en)}
    texts = {lang: finding.text(lang) for lang in LANGUAGES}
    assert texts["en"] == finding.message
    assert len(set(texts.values())) == 3, texts
    for text in texts.values():
        assert not set("{}") & set(text), text
        for _name, value in finding.params:
            # A value is shown as it is, or as a term in the language: never lost.
            if not any(k.endswith(f".{value}") for k in TERMS):
                assert value in text, (value, text)


def test_exit_situation_findings_name_the_statuses_in_the_language(rec, job) -> None:
    (finding,) = _exit_situation(rec, job)
    assert dict(finding.params)["differs"] == "both"
    # Upon leaving is the exit day and the 28 days after it: 1.6. + 28 days is 29.6.
    assert finding.message.startswith(
        "the status recorded at exit is job searching, the spells give employed on 2016-06-29; "
        "the exit situation says in education or training, the spells say not in; "
    )
    assert finding.text("fi").startswith(
        "lähdettäessä henkilö on kirjattu olleen työnhakijana, mutta tilannejaksojen mukaan "
        "hän oli 2016-06-29 työssä; lähdettäessä kirjatun tilanteen mukaan henkilö oli "
        "koulutuksessa, tilannejaksojen mukaan hän ei ollut koulutuksessa; "
    )
    assert "som arbetssökande" in finding.text("sv")


def test_a_finding_made_outside_the_library_keeps_its_message() -> None:
    own = Finding(rule="own.rule", severity=Severity.NOTE, path=("x",), message="own words")
    assert [own.text(lang) for lang in LANGUAGES] == ["own words"] * 3


def test_an_unknown_language_is_refused(rec) -> None:
    (finding,) = check_record(rec(status=None, since=None))
    with pytest.raises(ValueError, match="fi, sv, en"):
        finding.text("de")
    own = Finding(rule="own.rule", severity=Severity.NOTE, path=(), message="m")
    with pytest.raises(ValueError, match="fi, sv, en"):
        own.text("se")


@given(hst.datasets(max_participants=4))
def test_every_finding_of_any_dataset_has_a_rule_and_a_message_in_each_language(dataset) -> None:
    for finding in check_dataset(dataset):
        rule = RULES[finding.rule]
        assert finding.severity is rule.severity
        assert finding.text("en") == finding.message
        assert all(finding.text(lang) for lang in LANGUAGES)
