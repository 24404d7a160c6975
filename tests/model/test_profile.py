"""Example tests for EntryProfile (_profile.py)."""

import pendulum
import pytest

from hankemalli import (
    SENSITIVE_CHARACTERISTICS,
    Answer,
    DataError,
    EntryProfile,
    Gender,
    IscedBand,
    LabourMarketStatus,
)

D = pendulum.date


def test_nothing_known_is_a_valid_profile():
    profile = EntryProfile()
    assert profile.labour_market_status is None
    assert all(getattr(profile, name) is Answer.NOT_ASKED for name in SENSITIVE_CHARACTERISTICS)


@pytest.mark.parametrize(
    "status",
    [None, LabourMarketStatus.INACTIVE, LabourMarketStatus.EMPLOYED],
)
def test_unemployed_since_for_someone_not_unemployed_is_rejected(build, status):
    with pytest.raises(DataError) as caught:
        EntryProfile(labour_market_status=status, unemployed_since=D(2015, 1, 1))
    path, message = build.the_problem(caught.value)
    assert path == "$.unemployed_since"
    assert "only for participants who were unemployed at entry" in message


def test_unemployed_since_for_the_unemployed_is_accepted():
    profile = EntryProfile(
        labour_market_status=LabourMarketStatus.UNEMPLOYED, unemployed_since=D(2015, 1, 1)
    )
    assert profile.unemployed_since == D(2015, 1, 1)


def test_foreign_background_no_contradicting_an_asylum_seeker_is_rejected(build):
    with pytest.raises(DataError) as caught:
        EntryProfile(foreign_background=Answer.NO, asylum_seeker=Answer.YES)
    path, message = build.the_problem(caught.value)
    assert path == "$.foreign_background"
    assert "contradicts asylum_seeker 'yes'" in message


def test_third_country_national_without_foreign_background_is_accepted():
    # SFC2021 FAQ on EECO13-EECO15: the two are independent; a non-EU citizen whose
    # parents were not born abroad is a third-country national without a foreign background.
    profile = EntryProfile(foreign_background=Answer.NO, third_country_national=Answer.YES)
    assert profile.third_country_national is Answer.YES


@pytest.mark.parametrize("background", [Answer.YES, Answer.REFUSED, Answer.NOT_ASKED])
def test_asylum_seeker_whose_background_is_not_denied_is_accepted(background):
    profile = EntryProfile(
        foreign_background=background, asylum_seeker=Answer.YES, third_country_national=Answer.YES
    )
    assert profile.foreign_background is background


def test_no_asylum_seeker_without_foreign_background_is_accepted():
    profile = EntryProfile(foreign_background=Answer.NO, asylum_seeker=Answer.NO)
    assert profile.asylum_seeker is Answer.NO


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("gender", "female", "unknown Gender 'female'"),
        ("labour_market_status", "retired", "unknown LabourMarketStatus 'retired'"),
        ("education", "isced_9", "unknown IscedBand 'isced_9'"),
        ("language_skill", "fluent", "unknown LanguageSkill 'fluent'"),
        ("referral_source", "friend", "unknown ReferralSource 'friend'"),
        ("disability", True, "unknown Answer True"),
        ("minority", None, "unknown Answer None"),
    ],
)
def test_unknown_code_in_profile_is_rejected(build, field, value, words):
    with pytest.raises(DataError) as caught:
        EntryProfile(**{field: value})
    path, message = build.the_problem(caught.value)
    assert path == f"$.{field}"
    assert words in message
    assert "allowed:" in message


@pytest.mark.parametrize("field", ["in_education_or_training", "vocational_qualification"])
def test_yes_no_item_that_is_not_a_boolean_is_rejected(build, field):
    with pytest.raises(DataError) as caught:
        EntryProfile(**{field: 1})
    path, message = build.the_problem(caught.value)
    assert path == f"$.{field}"
    assert "expected true, false or unknown, got 1" in message


def test_several_problems_in_one_profile_are_reported_at_once(build):
    with pytest.raises(DataError) as caught:
        EntryProfile(
            gender="x",
            labour_market_status=LabourMarketStatus.INACTIVE,
            unemployed_since=D(2015, 1, 1),
            vocational_qualification="no",
            foreign_background=Answer.NO,
            asylum_seeker=Answer.YES,
        )
    assert sorted(build.paths(caught.value)) == [
        "$.foreign_background",
        "$.gender",
        "$.unemployed_since",
        "$.vocational_qualification",
    ]


def test_profile_with_gender_status_and_education_is_complete():
    profile = EntryProfile(
        gender=Gender.NON_BINARY,
        labour_market_status=LabourMarketStatus.INACTIVE,
        education=IscedBand.ISCED_5_8,
    )
    assert profile.is_complete


@pytest.mark.parametrize(
    "missing",
    [
        {"gender": None},
        {"gender": Gender.NOT_TOLD},
        {"labour_market_status": None},
        {"education": None},
    ],
    ids=["no-gender", "gender-not-told", "no-status", "no-education"],
)
def test_profile_lacking_a_non_sensitive_item_is_not_complete(missing):
    known = {
        "gender": Gender.WOMAN,
        "labour_market_status": LabourMarketStatus.EMPLOYED,
        "education": IscedBand.ISCED_3_4,
    }
    assert not EntryProfile(**(known | missing)).is_complete


def test_refused_sensitive_answers_leave_a_profile_complete():
    profile = EntryProfile(
        gender=Gender.MAN,
        labour_market_status=LabourMarketStatus.UNEMPLOYED,
        education=IscedBand.ISCED_0_2,
        **dict.fromkeys(SENSITIVE_CHARACTERISTICS, Answer.REFUSED),
    )
    assert profile.is_complete
