"""Record-level completeness and consistency findings; checks never raise."""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli.rules import Severity, check_dataset, check_record

D = pendulum.date


def rules_of(findings):
    return [(f.rule, f.path) for f in findings]


def test_a_complete_consistent_record_has_no_findings(rec):
    assert check_record(rec(since=D(2015, 1, 1))) == ()


def test_missing_non_sensitive_characteristics_are_completeness_warnings(rec):
    person = rec(gender=h.Gender.NOT_TOLD, status=None, age=None, education=None)
    assert rules_of(check_record(person)) == [
        ("completeness.gender", ("profile", "gender")),
        ("completeness.labour_market_status", ("profile", "labour_market_status")),
        ("completeness.age", ("participant", "age_at_entry")),
        ("completeness.education", ("profile", "education")),
    ]
    assert {f.severity for f in check_record(person)} == {Severity.WARNING}


def test_unemployed_without_a_start_date_cannot_be_judged_long_term(rec):
    assert rules_of(check_record(rec(since=None))) == [
        ("completeness.unemployed_since", ("profile", "unemployed_since"))
    ]


def test_six_month_situation_needs_an_exit_and_the_six_month_date(rec):
    early = h.SituationAfterSixMonths(
        date=D(2016, 7, 1), source=h.InformationSource.REGISTER, situation=h.SituationKind.EMPLOYED
    )
    left = rec(since=D(2015, 1, 1), events=(early,))
    staying = rec(since=D(2015, 1, 1), periods=((D(2016, 3, 1), None),), events=(early,))
    assert rules_of(check_record(left)) == [
        ("consistency.six_month_situation_too_early", ("events", 0, "date"))
    ]
    assert rules_of(check_record(staying)) == [
        ("consistency.situation_after_six_months_without_exit", ("events", 0, "date"))
    ]


def test_improvement_is_only_for_people_employed_at_entry(rec):
    better = h.SituationAfterSixMonths(
        date=D(2016, 12, 1),
        source=h.InformationSource.REGISTER,
        situation=h.SituationKind.EMPLOYED,
        improvement=h.ImprovementKind.PROMOTION,
    )
    unemployed = rec(since=D(2015, 1, 1), events=(better,))
    employed = rec(status=h.LabourMarketStatus.EMPLOYED, events=(better,))
    assert rules_of(check_record(unemployed)) == [
        ("consistency.improvement_not_employed_at_entry", ("events", 0, "improvement"))
    ]
    assert check_record(employed) == ()


def test_post_exit_contact_must_come_after_the_exit(rec):
    contact = h.PostExitContact(
        date=D(2016, 5, 1),
        source=h.InformationSource.PARTICIPANT_REPORTED,
        kind=h.ContactKind.VOLUNTEERING,
    )
    assert rules_of(check_record(rec(since=D(2015, 1, 1), events=(contact,)))) == [
        ("consistency.post_exit_contact_before_exit", ("events", 0, "date"))
    ]


def test_employment_before_the_episode_that_led_to_it(rec, job):
    tet = h.ServiceEpisode(
        service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10), id="t1"
    )
    person = rec(
        since=D(2015, 1, 1), episodes=(tet,), situations=(job(D(2016, 3, 20), via_episode="t1"),)
    )
    assert rules_of(check_record(person)) == [
        ("consistency.employment_before_its_episode", ("situations", 0, "start"))
    ]


def test_dataset_findings_have_document_paths_and_services_offered(rec):
    programme = h.Programme(
        id="X",
        name="X",
        organisation="Y",
        start=D(2015, 1, 1),
        end=D(2018, 12, 31),
        services=(h.ServiceType.JOB_COACHING,),
    )
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10))
    dataset = h.Dataset(
        programme=programme,
        participants=(
            rec("A", since=D(2015, 1, 1)),
            rec("B", since=D(2015, 1, 1), episodes=(tet,)),
        ),
    )
    findings = check_dataset(dataset)
    assert rules_of(findings) == [
        ("consistency.service_not_offered", ("participants", 1, "episodes", 0, "service"))
    ]
    assert str(findings[0]).startswith("note: $.participants[1].episodes[0].service:")
