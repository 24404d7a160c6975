"""Example and property tests for the situation spells and the exit situation (_situations.py).

Each rule of a spell is named by its test: a spell has a start, an optional end
(inclusive; none while it goes on) that is not before the start, and a known
source; an employment has a known kind, contract and working time and a
``via_episode`` that is an identifier; an education's flags are booleans; the
exit situation has a date, one of the four leaving statuses and a boolean
``in_education``.
"""

import warnings

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hankemalli
from hankemalli import (
    CODE_LISTS,
    SITUATION_TAGS,
    DataError,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    ExitSituation,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    model,
)
from hankemalli.testing import strategies as hs

D = pendulum.date
REGISTER = InformationSource.REGISTER


MAY_2, AUGUST_1 = D(2016, 5, 2), D(2016, 8, 1)


def job(start=MAY_2, end=None, **fields):
    kind = fields.pop("kind", EmploymentKind.OPEN_LABOUR_MARKET)
    return Employment(start=start, end=end, source=REGISTER, kind=kind, **fields)


def course(start=AUGUST_1, end=None, **fields):
    return Education(
        start=start,
        end=end,
        source=REGISTER,
        kind=fields.pop("kind", EducationKind.VOCATIONAL),
        degree_oriented=fields.pop("degree_oriented", True),
        **fields,
    )


# The kinds and their tags -------------------------------------------------------------


def test_every_kind_of_spell_has_its_own_stable_tag():
    assert {"employment": Employment, "education": Education, "job_seeking": JobSeeking} == (
        SITUATION_TAGS
    )


def test_leaving_status_is_a_code_list_of_four_exclusive_statuses():
    assert LeavingStatus in CODE_LISTS
    assert [s.value for s in LeavingStatus] == [
        "employed",
        "self_employed",
        "job_searching",
        "inactive",
    ]
    assert LeavingStatus.SELF_EMPLOYED.in_employment
    assert not LeavingStatus.JOB_SEARCHING.in_employment


# Rule: a spell has a start, an optional end, and the end is not before the start -----


def test_open_spell_has_no_end_and_goes_on():
    spell = JobSeeking(start=D(2016, 1, 1), source=REGISTER)
    assert spell.end is None
    assert spell.is_open
    assert spell.date == D(2016, 1, 1)
    assert spell.covers(D(2030, 1, 1))
    assert not spell.covers(D(2015, 12, 31))


def test_end_is_inclusive():
    spell = job(D(2016, 5, 2), D(2016, 5, 31))
    assert not spell.is_open
    assert spell.covers(D(2016, 5, 31))
    assert not spell.covers(D(2016, 6, 1))


def test_one_day_spell_is_accepted():
    assert job(D(2016, 5, 2), D(2016, 5, 2)).covers(D(2016, 5, 2))


def seeking(start, end=None):
    return JobSeeking(start=start, end=end, source=REGISTER)


@pytest.mark.parametrize("make", [job, course, seeking])
def test_spell_ending_before_it_starts_is_rejected(build, make):
    with pytest.raises(DataError) as caught:
        make(D(2016, 5, 2), D(2016, 5, 1))
    assert build.the_problem(caught.value) == (
        "$.end",
        "a spell cannot end (2016-05-01) before it starts (2016-05-02)",
    )


def test_spell_without_a_date_or_known_source_reports_every_problem(build):
    with pytest.raises(DataError) as caught:
        JobSeeking(start="2016-05-02", end=pendulum.datetime(2016, 6, 1), source="rumour")
    assert build.paths(caught.value) == ["$.start", "$.end", "$.source"]
    assert "unknown InformationSource 'rumour'" in caught.value.problems[2]


@pytest.mark.parametrize(
    ("low", "high", "overlaps"),
    [
        (D(2016, 4, 1), D(2016, 5, 1), False),
        (D(2016, 4, 1), D(2016, 5, 2), True),
        (D(2016, 5, 31), D(2016, 7, 1), True),
        (D(2016, 6, 1), D(2016, 7, 1), False),
    ],
)
def test_overlaps_counts_both_ends(low, high, overlaps):
    assert job(D(2016, 5, 2), D(2016, 5, 31)).overlaps(low, high) is overlaps


# Rule: an employment's codes are known and its via_episode is an identifier ------------


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"kind": "gig"}, "$.kind", "unknown EmploymentKind 'gig'"),
        ({"contract": "zero"}, "$.contract", "unknown ContractType 'zero'"),
        ({"working_time": "shift"}, "$.working_time", "unknown WorkingTime 'shift'"),
        ({"via_episode": "TET 1"}, "$.via_episode", "not a valid episode identifier 'TET 1'"),
    ],
    ids=["kind", "contract", "working_time", "via_episode"],
)
def test_employment_with_an_unknown_code_or_bad_episode_id_is_rejected(build, fields, path, words):
    with pytest.raises(DataError) as caught:
        job(**fields)
    assert build.the_problem(caught.value)[0] == path
    assert words in caught.value.problems[0]


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (EmploymentKind.OPEN_LABOUR_MARKET, LeavingStatus.EMPLOYED),
        (EmploymentKind.SUBSIDISED, LeavingStatus.EMPLOYED),
        (EmploymentKind.SELF_EMPLOYMENT, LeavingStatus.SELF_EMPLOYED),
    ],
)
def test_employment_gives_employed_or_self_employed(kind, status):
    assert job(kind=kind).status is status


# Rule: an education's flags are true or false ------------------------------------------


@pytest.mark.parametrize("name", ["degree_oriented", "own_training"])
def test_education_flags_must_be_booleans(build, name):
    with pytest.raises(DataError) as caught:
        course(**{name: None})
    assert build.the_problem(caught.value) == (f"$.{name}", "expected true or false, got None")


def test_education_is_not_own_training_unless_said():
    assert course().own_training is False
    assert course(own_training=True).own_training is True


def test_education_with_an_unknown_kind_is_rejected(build):
    with pytest.raises(DataError) as caught:
        course(kind="phd")
    assert build.the_problem(caught.value)[0] == "$.kind"


# Rule: the exit situation has a date, a leaving status and a boolean in_education -----


def test_exit_situation_is_not_in_education_unless_said():
    recorded = ExitSituation(date=D(2016, 9, 30), status=LeavingStatus.INACTIVE, source=REGISTER)
    assert recorded.in_education is False


def test_exit_situation_with_wrong_values_reports_every_problem(build):
    with pytest.raises(DataError) as caught:
        ExitSituation(date="2016-09-30", status="working", in_education=1, source="rumour")
    assert build.paths(caught.value) == ["$.date", "$.status", "$.in_education", "$.source"]
    assert "unknown LeavingStatus 'working'" in caught.value.problems[1]


# The version-1 names, deprecated ----------------------------------------------------


@pytest.mark.parametrize("module", [hankemalli, model], ids=["hankemalli", "model"])
def test_deprecated_employment_started_warns_and_builds_an_open_employment(module):
    with pytest.warns(DeprecationWarning, match="EmploymentStarted is deprecated"):
        spell = module.EmploymentStarted(
            date=D(2016, 5, 2), source=REGISTER, kind=EmploymentKind.SUBSIDISED
        )
    assert spell == Employment(start=D(2016, 5, 2), source=REGISTER, kind=EmploymentKind.SUBSIDISED)
    assert spell.is_open


def test_deprecated_education_and_job_search_build_open_spells():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        education = hankemalli.EducationStarted(
            date=D(2016, 8, 1),
            source=REGISTER,
            kind=EducationKind.GENERAL,
            degree_oriented=False,
        )
        seeking = hankemalli.JobSearchStarted(date=D(2016, 1, 4), source=REGISTER)
    assert [w.category for w in caught] == [DeprecationWarning, DeprecationWarning]
    assert type(education) is Education
    assert education.is_open
    assert not education.own_training
    assert seeking == JobSeeking(start=D(2016, 1, 4), source=REGISTER)


def test_the_deprecated_names_are_not_public_and_other_names_are_unknown():
    assert "EmploymentStarted" not in hankemalli.__all__
    with pytest.raises(AttributeError, match="no attribute 'NoSuchEvent'"):
        hankemalli.NoSuchEvent  # noqa: B018


# Properties on the shipped strategies ------------------------------------------------


def rebuild(obj):
    cls = type(obj)
    return cls(**{f.name: getattr(obj, f.name) for f in attrs.fields(cls)})


@given(hs.situation_spells())
def test_every_generated_spell_is_valid_and_ends_no_earlier_than_it_starts(spell):
    assert type(spell) in SITUATION_TAGS.values()
    assert rebuild(spell) == spell
    assert spell.end is None or spell.start <= spell.end
    assert spell.covers(spell.start)


@given(hs.situation_spells(), st.integers(-400, 400))
def test_covers_is_overlaps_of_one_day(spell, offset):
    day = spell.start.add(days=offset)
    assert spell.covers(day) is spell.overlaps(day, day)


@given(hs.situation_spells(), st.integers(1, 400))
def test_a_spell_ending_before_it_starts_is_always_refused(spell, days):
    with pytest.raises(DataError) as caught:
        attrs.evolve(spell, end=spell.start.subtract(days=days))
    assert [p.path for p in caught.value.details] == [("end",)]


@given(hs.employment_spells(episode_ids=["tet-1", "tet-2"]))
def test_a_generated_employment_names_only_the_episodes_given(spell):
    assert spell.via_episode in (None, "tet-1", "tet-2")
    assert spell.status.in_employment


@given(hs.participations())
def test_a_generated_record_has_valid_spells_and_a_consistent_exit_situation(record):
    ids = {e.id for e in record.episodes if e.id is not None}
    for spell in record.situations:
        assert rebuild(spell) == spell
        if isinstance(spell, Employment) and spell.via_episode is not None:
            assert spell.via_episode in ids
    recorded = record.exit_situation
    if recorded is not None:
        assert recorded.date == record.last_exit
        derived = hankemalli.derived_upon_leaving(record)
        assert (recorded.status, recorded.in_education) == (
            derived.status,
            derived.in_education,
        )
