"""Reading a broken document: every problem at once, each with its JSON path."""

import copy
import json
import re
from typing import Any

import pytest

from hankemalli import DataError, Dataset, Participation, format_path
from hankemalli.serialization import from_dict, loads

#: Stands for "remove this key" in :func:`broken`.
DELETE = object()

EVENT_KINDS = (
    "qualification_gained, certificate_obtained, situation_after_six_months, post_exit_contact"
)
SITUATION_KINDS = "employment, education, job_seeking"


def broken(document: dict[str, Any], *changes: tuple[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` with each ``(path, value)`` set, or removed for DELETE.

    Paths are written like the problems' paths, without the ``$``:
    ``participants[0].periods[1].exit``.
    """
    result = copy.deepcopy(document)
    for path, value in changes:
        steps: list[str | int] = [
            int(index) if index else key
            for key, index in re.findall(r"\.?([A-Za-z_]\w*)|\[(\d+)\]", path)
        ]
        parent = result
        for step in steps[:-1]:
            parent = parent[step]
        if value is DELETE:
            del parent[steps[-1]]
        elif isinstance(parent, list) and steps[-1] == len(parent):
            parent.append(value)
        else:
            parent[steps[-1]] = value
    return result


def problems_reading(document: Any) -> tuple[str, ...]:
    """The problems of reading ``document`` as a dataset from JSON text."""
    text = document if isinstance(document, str | bytes) else json.dumps(document)
    with pytest.raises(DataError) as caught:
        loads(text)
    return caught.value.problems


def test_the_unbroken_document_reads(document, full_dataset):
    assert broken(document) == document
    assert from_dict(document, Dataset) == full_dataset


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        pytest.param(
            ("programme.name", 5),
            "$.programme.name: expected a string, got a number",
            id="wrong-type",
        ),
        pytest.param(
            ("programme.name", None),
            "$.programme.name: expected a string, got null",
            id="null-for-text",
        ),
        pytest.param(
            ("programme.organisation", DELETE),
            "$.programme.organisation: required key is missing",
            id="missing-key",
        ),
        pytest.param(
            ("participants[0].periods[1].entry", DELETE),
            "$.participants[0].periods[1].entry: required key is missing",
            id="missing-key-deep",
        ),
        pytest.param(
            ("programme.budget", 1000),
            "$.programme.budget: unknown key; allowed keys: id, name, organisation, start, "
            "end, areas, funders, target_groups, targets, services, partners, "
            "qualifying_certificates, programming_period",
            id="extra-key",
        ),
        pytest.param(
            ("participants[1].periods[0].note", "x"),
            "$.participants[1].periods[0].note: unknown key; allowed keys: entry, exit, "
            "exit_reason",
            id="extra-key-deep",
        ),
        pytest.param(
            ("owner", "PKSTY"),
            "$.owner: unknown key; allowed keys: schema_version, programme, "
            "operating_models, instruments, participants",
            id="extra-key-top",
        ),
        pytest.param(
            ("programme.start", "1.8.2015"),
            "$.programme.start: expected a date as YYYY-MM-DD, got '1.8.2015'",
            id="date-bad-format",
        ),
        pytest.param(
            ("programme.start", "2015-02-29"),
            "$.programme.start: '2015-02-29' is not a date in the calendar",
            id="date-not-in-calendar",
        ),
        pytest.param(
            ("programme.start", "2015-08-01T00:00:00"),
            "$.programme.start: expected a date as YYYY-MM-DD, got '2015-08-01T00:00:00'",
            id="date-with-time",
        ),
        pytest.param(
            ("programme.start", "２０１５-08-01"),
            "$.programme.start: expected a date as YYYY-MM-DD, got '２０１５-08-01'",
            id="date-non-ascii-digits",
        ),
        pytest.param(
            ("programme.start", 20150801),
            "$.programme.start: expected a date as a string YYYY-MM-DD, got a number",
            id="date-as-number",
        ),
        pytest.param(
            ("programme.end", "2015-07-31"),
            "$.programme.end: the programme cannot end (2015-07-31) before it starts (2015-08-01)",
            id="end-before-start",
        ),
        pytest.param(
            ("participants[0].periods[1].exit", "2016-08-14"),
            "$.participants[0].periods[1].exit: an exit (2016-08-14) cannot come before its "
            "entry (2016-08-15)",
            id="exit-before-entry",
        ),
        pytest.param(
            ("participants[0].episodes[1].end", "2016-08-31"),
            "$.participants[0].episodes[1].end: a service episode cannot end (2016-08-31) "
            "before it starts (2016-09-01)",
            id="episode-end-before-start",
        ),
        pytest.param(
            ("participants[0].events[2].type", "job_found"),
            f"$.participants[0].events[2].type: unknown event type 'job_found'; allowed: "
            f"{EVENT_KINDS}",
            id="unknown-event-tag",
        ),
        pytest.param(
            ("participants[0].events[2].type", DELETE),
            "$.participants[0].events[2].type: required key is missing; it names the type of "
            f"event: {EVENT_KINDS}",
            id="missing-event-tag",
        ),
        pytest.param(
            ("participants[0].events[2]", "job_search_started"),
            "$.participants[0].events[2]: expected an event object, got a string",
            id="event-not-an-object",
        ),
        pytest.param(
            ("participants[0].events[2].kind", "open_labour_market"),
            "$.participants[0].events[2].kind: unknown key; allowed keys: date, source, "
            "situation, improvement",
            id="field-of-another-event-kind",
        ),
        pytest.param(
            ("participants[1].participant.id", "K-0001"),
            "$.participants[1].participant.id: participant 'K-0001' appears twice (first at "
            "participants[0]); keep one record per person per programme and add a period "
            "for a re-entry",
            id="duplicate-id",
        ),
        pytest.param(
            ("participants[1].participant.id", "131052-308T"),
            "$.participants[1].participant.id: looks like a Finnish personal identity code "
            "(henkilötunnus); use a pseudonym that your own system maps to the person",
            id="personal-identity-code",
        ),
        pytest.param(
            ("participants[1].participant.id", "+358 40 123 4567"),
            "$.participants[1].participant.id: looks like a phone number; use a pseudonym instead",
            id="phone-number",
        ),
        pytest.param(
            ("participants[0].profile.gender", "female"),
            "$.participants[0].profile.gender: unknown Gender 'female'; allowed: woman, man, "
            "non_binary, not_told",
            id="wrong-code",
        ),
        pytest.param(
            ("programme.services[1]", "coffee"),
            "$.programme.services[1]: unknown ServiceType 'coffee'; allowed: "
            "rehabilitative_work, work_trial, wage_subsidy, job_coaching, tet, "
            "language_immersion, worklife_language_coaching, towards_vocational_education, "
            "supported_job_search, entrepreneurship_coaching, certificate_course, "
            "volunteering, other",
            id="wrong-code-in-array",
        ),
        pytest.param(
            ("participants[0].profile.gender", 1),
            "$.participants[0].profile.gender: expected a Gender code (a string), got a number",
            id="code-not-a-string",
        ),
        pytest.param(
            ("participants[0].participant.age_at_entry", "5"),
            "$.participants[0].participant.age_at_entry: expected a whole number, got a string",
            id="string-for-number",
        ),
        pytest.param(
            ("participants[0].participant.age_at_entry", 121),
            "$.participants[0].participant.age_at_entry: expected an age in completed years "
            "from 0 to 120, got 121",
            id="age-out-of-range",
        ),
        pytest.param(
            ("participants[0].profile.in_education_or_training", 1),
            "$.participants[0].profile.in_education_or_training: expected true or false, "
            "got a number",
            id="number-for-boolean",
        ),
        pytest.param(
            ("participants[0].situations[2].degree_oriented", "yes"),
            "$.participants[0].situations[2].degree_oriented: expected true or false, got a string",
            id="string-for-boolean",
        ),
        pytest.param(
            ("programme.areas", "Joensuu"),
            "$.programme.areas: expected an array, got a string",
            id="string-for-array",
        ),
        pytest.param(
            ("participants", {"K-0001": {}}),
            "$.participants: expected an array, got an object",
            id="object-for-array",
        ),
        pytest.param(
            ("participants[2]", []),
            "$.participants[2]: expected an object with keys, got an array",
            id="array-for-object",
        ),
        pytest.param(
            ("programme.funders[0].share", "0.65"),
            "$.programme.funders: funding shares add up to 1.01, not 1 (100 %)",
            id="shares-not-summing-to-one",
        ),
        pytest.param(
            ("programme.funders[0].share", True),
            '$.programme.funders[0].share: expected a decimal number such as "0.25", got a boolean',
            id="boolean-for-decimal",
        ),
        pytest.param(
            ("programme.funders[0].share", "64 %"),
            "$.programme.funders[0].share: expected a decimal number such as \"0.25\", got '64 %'",
            id="text-for-decimal",
        ),
        pytest.param(
            ("programme.targets[0].maximum", 20),
            "$.programme.targets[0].maximum: the maximum 20 is below the minimum 30",
            id="target-range",
        ),
        pytest.param(
            ("participants[0].episodes[2].label", DELETE),
            "$.participants[0].episodes[2].label: a service of type 'other' needs a label",
            id="other-service-without-label",
        ),
        pytest.param(
            ("participants[0].situations[1].via_episode", "tet-9"),
            "$.participants[0].situations[1].via_episode: no service episode has the id "
            "'tet-9'; known episode ids: 'tet-1'",
            id="unknown-via-episode",
        ),
        pytest.param(
            ("participants[0].situations[0].end", "2016-10-02"),
            "$.participants[0].situations[0].end: a spell cannot end (2016-10-02) before it "
            "starts (2016-10-03)",
            id="spell-end-before-start",
        ),
        pytest.param(
            ("participants[0].situations[1].type", "employment_started"),
            "$.participants[0].situations[1].type: unknown situation type "
            f"'employment_started'; allowed: {SITUATION_KINDS}",
            id="version-1-tag-as-a-situation",
        ),
        pytest.param(
            ("participants[1].situations[0].type", DELETE),
            "$.participants[1].situations[0].type: required key is missing; it names the type "
            f"of situation: {SITUATION_KINDS}",
            id="missing-situation-tag",
        ),
        pytest.param(
            ("participants[0].events[1].type", "employment_started"),
            "$.participants[0].events[1].type: unknown event type 'employment_started'; "
            f"allowed: {EVENT_KINDS}",
            id="version-1-event-in-a-version-2-document",
        ),
        pytest.param(
            ("participants[0].situations[0].start", DELETE),
            "$.participants[0].situations[0].start: required key is missing",
            id="spell-without-start",
        ),
        pytest.param(
            ("participants[0].exit_situation.date", "2017-03-30"),
            "$.participants[0].exit_situation.date: the situation at exit describes the last "
            "exit (2017-03-31), not 2017-03-30",
            id="exit-situation-off-last-exit",
        ),
        pytest.param(
            (
                "participants[1].exit_situation",
                {"date": "2018-01-08", "status": "inactive", "source": "document"},
            ),
            "$.participants[1].exit_situation: a situation at exit needs an exit; the "
            "participation is still open",
            id="exit-situation-while-open",
        ),
        pytest.param(
            ("participants[0].exit_situation.status", "working"),
            "$.participants[0].exit_situation.status: unknown LeavingStatus 'working'; "
            "allowed: employed, self_employed, job_searching, inactive",
            id="unknown-leaving-status",
        ),
        pytest.param(
            ("participants[0].events[0].date", "2016-02-28"),
            "$.participants[0].events[0].date: an outcome event cannot be dated (2016-02-28) "
            "before the first entry (2016-02-29)",
            id="event-before-entry",
        ),
        pytest.param(
            ("participants[0].periods[1].entry", "2016-05-31"),
            "$.participants[0].periods[1].entry: a re-entry (2016-05-31) must come after the "
            "previous exit (2016-05-31); periods are in order and do not overlap",
            id="overlapping-periods",
        ),
        pytest.param(
            ("participants[1].periods[0].entry", "2015-07-31"),
            "$.participants[1].periods[0].entry: the entry (2015-07-31) is outside the "
            "programme period (2015-08-01–2018-12-31)",
            id="entry-outside-programme",
        ),
        pytest.param(
            ("schema_version", "1"),
            "$.schema_version: unsupported schema version '1'; this hankemalli reads schema "
            "versions 1 and 2",
            id="schema-version-as-string",
        ),
    ],
)
def test_one_problem_is_reported_at_its_path(document, change, problem):
    assert problems_reading(broken(document, change)) == (problem,)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", r"\$: not valid JSON: .+ \(line 1, column 2\)"),
        ("", r"\$: not valid JSON: .+ \(line 1, column 1\)"),
        ('{\n"schema_version": 1,\n}', r"\$: not valid JSON: .+ \(line 3, column 1\)"),
        (b"\xff{}", r"\$: not valid JSON: not UTF-8 text \(byte 0\)"),
        ("[]", r"\$: expected a dataset object, got an array"),
    ],
    ids=["unclosed", "empty", "trailing-comma", "not-utf8", "array"],
)
def test_text_that_is_not_a_json_dataset_is_reported(text, problem):
    problems = problems_reading(text)
    assert len(problems) == 1
    assert re.fullmatch(problem, problems[0]), problems[0]


def test_document_problems_are_reported_with_the_records_problems(document):
    bad = broken(
        document,
        ("programme.budget", 1),
        ("programme.funders[1].kind", "ely"),
        ("participants[1].profile.rural", "maybe"),
        ("participants[2]", {"participant": {"id": "K-0002"}, "periods": []}),
    )
    assert problems_reading(bad) == (
        "$.programme.funders[1].kind: unknown FunderKind 'ely'; allowed: eu, state, regional, "
        "municipal, own, other",
        "$.programme.budget: unknown key; allowed keys: id, name, organisation, start, end, "
        "areas, funders, target_groups, targets, services, partners, qualifying_certificates, "
        "programming_period",
        "$.participants[1].profile.rural: unknown Answer 'maybe'; allowed: yes, no, refused, "
        "not_asked",
        "$.participants[2].profile: required key is missing",
        # The model's checks run on the keys that could be read (issue 11, row 8).
        "$.participants[2].periods: a participation needs at least one period",
        "$.participants[2].participant.id: participant 'K-0002' appears twice (first at "
        "participants[1]); keep one record per person per programme and add a period for a "
        "re-entry",
    )


def test_data_error_is_a_value_error_whose_problems_are_path_and_message(document):
    with pytest.raises(ValueError, match="2 problems") as caught:
        loads(json.dumps(broken(document, ("programme.name", 5), ("programme.end", DELETE))))
    error = caught.value
    assert isinstance(error, DataError)
    assert error.problems == tuple(f"{format_path(p.path)}: {p.message}" for p in error.details)
    for problem in error.problems:
        assert re.match(r"\$(\.\w+|\[\d+\])*: \S", problem), problem


def test_problems_in_several_records_are_all_reported_at_once(document):
    bad = broken(
        document,
        ("participants[0].participant.age_at_entry", "24"),
        ("participants[0].profile.gender", "male"),
        ("participants[0].events[4].type", DELETE),
        # a duplicate id in a record that has other problems too
        ("participants[1].participant.id", "K-0001"),
        ("participants[1].periods[0].entry", "2018-02-30"),
        ("participants[1].notes", "x"),
        # a record that can be read, but lies outside the programme period
        (
            "participants[2]",
            {
                "participant": {"id": "K-0003"},
                "profile": {},
                "periods": [{"entry": "2019-01-07"}],
            },
        ),
    )
    assert [problem.split(":")[0] for problem in problems_reading(bad)] == [
        "$.participants[0].participant.age_at_entry",
        "$.participants[0].profile.gender",
        "$.participants[0].events[4].type",
        "$.participants[1].periods[0].entry",
        "$.participants[1].notes",
        "$.participants[1].participant.id",
        "$.participants[2].periods[0].entry",
    ]


def test_duplicate_ids_are_found_among_records_that_cannot_be_read(document):
    record = {"participant": {"id": "K-0009"}, "profile": {}, "periods": "2018-01-01"}
    bad = broken(document, ("participants[2]", record), ("participants[3]", record))
    assert problems_reading(bad) == (
        "$.participants[2].periods: expected an array, got a string",
        "$.participants[3].periods: expected an array, got a string",
        "$.participants[3].participant.id: participant 'K-0009' appears twice (first at "
        "participants[2]); keep one record per person per programme and add a period for a "
        "re-entry",
    )


def test_duplicate_personal_identity_code_is_not_repeated_back(document):
    bad = broken(
        document,
        ("participants[0].participant.id", "131052-308T"),
        ("participants[1].participant.id", "131052-308T"),
    )
    problems = problems_reading(bad)
    assert [problem.split(":")[0] for problem in problems] == [
        "$.participants[0].participant.id",
        "$.participants[1].participant.id",
        "$.participants[1].participant.id",
    ]
    assert "this participant appears twice (first at participants[0])" in problems[2]
    assert not any("131052" in problem for problem in problems)


def test_problems_of_a_single_record_have_paths_from_the_record(document):
    record = broken(document["participants"][0], ("participant.id", "a@b.fi"))
    with pytest.raises(DataError) as caught:
        loads(json.dumps(record), Participation)
    assert caught.value.problems == (
        "$.participant.id: looks like an e-mail address; use a pseudonym instead",
    )


def test_programme_missing_from_a_dataset_is_reported_with_the_other_problems(document):
    bad = broken(document, ("programme", DELETE), ("participants[1].profile.rural", "maybe"))
    assert problems_reading(bad) == (
        "$.programme: required key is missing",
        "$.participants[1].profile.rural: unknown Answer 'maybe'; allowed: yes, no, refused, "
        "not_asked",
    )
