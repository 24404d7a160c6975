"""Example tests for the outcome events (_events.py)."""

import pendulum
import pytest

from hankemalli import (
    EVENT_TAGS,
    CertificateKind,
    CertificateObtained,
    ContactKind,
    DataError,
    ImprovementKind,
    InformationSource,
    PostExitContact,
    QualificationGained,
    SituationAfterSixMonths,
    SituationKind,
)

D = pendulum.date
REGISTER = InformationSource.REGISTER


def test_every_event_kind_has_its_own_stable_tag():
    # Employment, education and job seeking are situation spells since schema version 2.
    assert {
        "qualification_gained": QualificationGained,
        "certificate_obtained": CertificateObtained,
        "situation_after_six_months": SituationAfterSixMonths,
        "post_exit_contact": PostExitContact,
    } == EVENT_TAGS


def test_event_without_a_date_or_known_source_reports_both(build):
    with pytest.raises(DataError) as caught:
        PostExitContact(date="2016-05-02", source="rumour", kind=ContactKind.VOLUNTEERING)
    assert build.paths(caught.value) == ["$.date", "$.source"]
    assert "expected a date such as pendulum.date(2016, 1, 31)" in caught.value.problems[0]
    assert "unknown InformationSource 'rumour'" in caught.value.problems[1]


def test_other_certificate_without_label_is_rejected(build):
    with pytest.raises(DataError) as caught:
        CertificateObtained(date=D(2016, 5, 2), source=REGISTER, certificate=CertificateKind.OTHER)
    assert build.the_problem(caught.value) == (
        "$.label",
        "a certificate of kind 'other' needs a label",
    )


def test_other_certificate_with_label_is_accepted():
    event = CertificateObtained(
        date=D(2016, 5, 2), source=REGISTER, certificate=CertificateKind.OTHER, label="ea1"
    )
    assert event.label == "ea1"


@pytest.mark.parametrize("situation", [SituationKind.EMPLOYED, SituationKind.SELF_EMPLOYED])
def test_improvement_for_someone_in_work_is_accepted(situation):
    event = SituationAfterSixMonths(
        date=D(2017, 3, 31),
        source=REGISTER,
        situation=situation,
        improvement=ImprovementKind.PRECARIOUS_TO_STABLE,
    )
    assert event.improvement is ImprovementKind.PRECARIOUS_TO_STABLE


@pytest.mark.parametrize(
    "situation",
    [SituationKind.IN_EDUCATION, SituationKind.JOB_SEARCHING, SituationKind.INACTIVE],
)
def test_improvement_for_someone_not_in_work_is_rejected(build, situation):
    with pytest.raises(DataError) as caught:
        SituationAfterSixMonths(
            date=D(2017, 3, 31),
            source=REGISTER,
            situation=situation,
            improvement=ImprovementKind.PROMOTION,
        )
    path, message = build.the_problem(caught.value)
    assert path == "$.improvement"
    assert f"employed or self-employed, not {situation}" in message


@pytest.mark.parametrize(
    ("make", "path", "words"),
    [
        (
            lambda: QualificationGained(date=D(2016, 5, 2), source=REGISTER, kind="phd"),
            "$.kind",
            "unknown EducationKind 'phd'",
        ),
        (
            lambda: CertificateObtained(date=D(2016, 5, 2), source=REGISTER, certificate="ea"),
            "$.certificate",
            "unknown CertificateKind 'ea'",
        ),
        (
            lambda: SituationAfterSixMonths(date=D(2016, 5, 2), source=REGISTER, situation="ok"),
            "$.situation",
            "unknown SituationKind 'ok'",
        ),
        (
            lambda: PostExitContact(date=D(2016, 5, 2), source=REGISTER, kind="friend"),
            "$.kind",
            "unknown ContactKind 'friend'",
        ),
    ],
    ids=[
        "qualification",
        "certificate",
        "situation",
        "contact",
    ],
)
def test_unknown_code_in_an_event_is_rejected(build, make, path, words):
    with pytest.raises(DataError) as caught:
        make()
    assert build.the_problem(caught.value)[0] == path
    assert words in caught.value.problems[0]


def test_post_exit_contact_with_blank_label_is_rejected(build):
    with pytest.raises(DataError) as caught:
        PostExitContact(date=D(2017, 1, 1), source=REGISTER, kind=ContactKind.OTHER, label="")
    assert build.the_problem(caught.value) == ("$.label", "must not be blank")
