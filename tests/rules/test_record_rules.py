"""The rules of the record checks at their edges, one test each (rules/_records.py).

Each test names the rule and checks what a user sees of it: the rule's code, where
it points, how serious it is and what it says (in English).
"""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli.rules import Severity, check_dataset, check_record

D = pendulum.date
ENTRY, EXIT = D(2016, 3, 1), D(2016, 6, 1)
REG = h.InformationSource.REGISTER
SINCE = D(2015, 1, 1)  # unemployed since: the record is otherwise complete
REASON = "the recorded situation is what the results count: correct the one that is wrong"


def said(findings):
    return [(f.rule, f.severity, f.path, f.message) for f in findings]


def contact(day: pendulum.Date) -> h.PostExitContact:
    return h.PostExitContact(
        date=day, source=h.InformationSource.PARTICIPANT_REPORTED, kind=h.ContactKind.VOLUNTEERING
    )


def six_months(day: pendulum.Date) -> h.SituationAfterSixMonths:
    return h.SituationAfterSixMonths(date=day, source=REG, situation=h.SituationKind.EMPLOYED)


def test_every_event_of_a_stayer_that_needs_an_exit_is_a_finding(rec) -> None:
    stayer = rec(
        since=SINCE,
        periods=((ENTRY, None),),
        events=(contact(D(2016, 5, 1)), six_months(D(2016, 9, 1)), contact(D(2016, 10, 1))),
    )
    error = Severity.ERROR
    assert said(check_record(stayer)) == [
        (
            "consistency.post_exit_contact_without_exit",
            error,
            ("events", 0, "date"),
            "a post exit contact event needs an exit; the participation is still open",
        ),
        (
            "consistency.situation_after_six_months_without_exit",
            error,
            ("events", 1, "date"),
            "a situation after six months event needs an exit; the participation is still open",
        ),
        (
            "consistency.post_exit_contact_without_exit",
            error,
            ("events", 2, "date"),
            "a post exit contact event needs an exit; the participation is still open",
        ),
    ]


def test_a_contact_on_the_exit_day_is_not_after_leaving(rec) -> None:
    on_exit_day = rec(since=SINCE, events=(contact(EXIT),))
    assert [(f.rule, f.path, f.message) for f in check_record(on_exit_day)] == [
        (
            "consistency.post_exit_contact_before_exit",
            ("events", 0, "date"),
            "contact after leaving is dated 2016-06-01, not after the last exit (2016-06-01)",
        )
    ]
    assert check_record(rec(since=SINCE, events=(contact(EXIT.add(days=1)),))) == ()


def test_a_six_month_situation_dated_before_the_exit_is_too_early_not_a_contact(rec) -> None:
    record = rec(since=SINCE, events=(six_months(D(2016, 5, 1)),))
    assert said(check_record(record)) == [
        (
            "consistency.six_month_situation_too_early",
            Severity.WARNING,
            ("events", 0, "date"),
            "the situation six months after leaving is dated 2016-05-01, before the six-month "
            "date (2016-12-01); it does not count as a longer-term result",
        )
    ]


def test_a_six_month_situation_on_the_six_month_date_is_in_time(rec) -> None:
    assert check_record(rec(since=SINCE, events=(six_months(D(2016, 12, 1)),))) == ()


def test_an_employment_that_begins_on_its_episodes_first_day_is_consistent(rec, job) -> None:
    tet = h.ServiceEpisode(
        service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10), id="t1"
    )
    same_day = rec(since=SINCE, episodes=(tet,), situations=(job(D(2016, 4, 1), via_episode="t1"),))
    assert check_record(same_day) == ()
    day_before = rec(
        since=SINCE, episodes=(tet,), situations=(job(D(2016, 3, 31), via_episode="t1"),)
    )
    assert said(check_record(day_before)) == [
        (
            "consistency.employment_before_its_episode",
            Severity.ERROR,
            ("situations", 0, "start"),
            "the employment (2016-03-31) begins before the episode that led to it started "
            "(2016-04-01)",
        )
    ]


def exit_finding(rec, job, status: h.LeavingStatus, in_education: bool):
    snapshot = h.ExitSituation(date=EXIT, status=status, in_education=in_education, source=REG)
    # A job from three days before the exit: the spells say employed, not in education.
    record = rec(since=SINCE, situations=[job(EXIT.subtract(days=3))], exit_situation=snapshot)
    return said(check_record(record))


def test_an_exit_situation_that_differs_in_status_says_both_statuses(rec, job) -> None:
    # The spells are read up to the end of "upon leaving": 28 days after the exit.
    assert exit_finding(rec, job, h.LeavingStatus.INACTIVE, False) == [
        (
            "consistency.exit_situation_disagrees_with_spells",
            Severity.WARNING,
            ("exit_situation",),
            f"the status recorded at exit is inactive, the spells give employed on 2016-06-29; "
            f"{REASON}",
        )
    ]


def test_an_exit_situation_that_differs_in_education_says_which_way(rec, job) -> None:
    assert [m for *_, m in exit_finding(rec, job, h.LeavingStatus.EMPLOYED, True)] == [
        f"the exit situation says in education or training, the spells say not in; {REASON}"
    ]


def test_an_exit_situation_that_differs_in_both_says_both(rec, job) -> None:
    assert [m for *_, m in exit_finding(rec, job, h.LeavingStatus.INACTIVE, True)] == [
        "the status recorded at exit is inactive, the spells give employed on 2016-06-29; "
        f"the exit situation says in education or training, the spells say not in; {REASON}"
    ]


def test_an_exit_situation_that_agrees_with_the_spells_is_no_finding(rec, job) -> None:
    assert exit_finding(rec, job, h.LeavingStatus.EMPLOYED, False) == []


def test_a_third_country_national_must_be_asked_about_a_foreign_background(rec) -> None:
    record = rec(
        since=SINCE, third_country_national=h.Answer.YES, foreign_background=h.Answer.NOT_ASKED
    )
    assert said(check_record(record)) == [
        (
            "completeness.foreign_background_not_asked",
            Severity.WARNING,
            ("profile", "foreign_background"),
            "the person is a third-country national but was not asked about a foreign "
            "background; ask it: it is a question of its own (EECO14) and cannot be inferred "
            "from nationality (SFC2021 FAQ on EECO13–EECO15)",
        )
    ]
    asked = rec(since=SINCE, third_country_national=h.Answer.YES, foreign_background=h.Answer.YES)
    assert check_record(asked) == ()


def test_a_missing_characteristic_says_the_record_counts_in_the_grand_total_only(rec) -> None:
    total_only = "the record counts in the grand total only, not in the indicators"
    person = rec(gender=None, status=None, age=None, education=None)
    assert [f.message for f in check_record(person)] == [
        f"gender is not known; {total_only}",
        f"labour-market status is not known; {total_only}",
        f"age at entry is not known; {total_only}",
        f"education (ISCED band) is not known; {total_only}",
    ]
    assert [f.message for f in check_record(rec(since=None))] == [
        "the start of unemployment is not known, so long-term unemployment cannot be decided"
    ]


def test_records_given_one_by_one_get_paths_into_the_document(rec) -> None:
    records = iter([rec("A", since=SINCE), rec("B", age=None, since=SINCE)])
    assert [(f.rule, f.path) for f in check_dataset(records)] == [
        ("completeness.age", ("participants", 1, "participant", "age_at_entry"))
    ]


def test_a_service_the_programme_does_not_list_is_named(rec) -> None:
    programme = h.Programme(
        id="X", name="X", organisation="Y", start=D(2015, 1, 1), end=D(2018, 12, 31),
        services=(h.ServiceType.JOB_COACHING,),
    )  # fmt: skip
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10))
    coaching = h.ServiceEpisode(
        service=h.ServiceType.JOB_COACHING, start=D(2016, 4, 1), end=D(2016, 4, 10)
    )
    record = rec(since=SINCE, episodes=(coaching, tet))
    assert said(check_record(record, programme)) == [
        (
            "consistency.service_not_offered",
            Severity.NOTE,
            ("episodes", 1, "service"),
            "the programme does not list tet among its services",
        )
    ]


def test_a_finding_is_told_in_english_unless_another_language_is_asked(rec) -> None:
    (finding,) = check_record(rec(age=None, since=SINCE))
    assert finding.text() == finding.message == finding.text("en")
    assert finding.text("fi") != finding.message
