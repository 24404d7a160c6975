"""Example tests for the code lists (_codes.py)."""

from enum import StrEnum

import pytest

import hankemalli
from hankemalli import CODE_LISTS, Answer, LabourMarketStatus, LanguageSkill


@pytest.mark.parametrize(
    ("status", "group"),
    [
        (LabourMarketStatus.UNEMPLOYED, LabourMarketStatus.UNEMPLOYED),
        (LabourMarketStatus.INACTIVE, LabourMarketStatus.INACTIVE),
        (LabourMarketStatus.EMPLOYED, LabourMarketStatus.EMPLOYED),
        (LabourMarketStatus.SELF_EMPLOYED, LabourMarketStatus.EMPLOYED),
    ],
)
def test_esf_group_counts_self_employed_as_employed(status, group):
    assert status.esf_group is group


def test_esf_groups_are_the_three_esf_statuses():
    assert {s.esf_group for s in LabourMarketStatus} == {
        LabourMarketStatus.UNEMPLOYED,
        LabourMarketStatus.INACTIVE,
        LabourMarketStatus.EMPLOYED,
    }


def test_weak_language_skill_is_weak_or_none():
    assert {s for s in LanguageSkill if s.is_weak} == {LanguageSkill.WEAK, LanguageSkill.NONE}


def test_only_yes_and_no_are_known_answers():
    assert {a for a in Answer if a.is_known} == {Answer.YES, Answer.NO}


def test_every_public_code_list_is_in_code_lists():
    public = {
        value
        for value in vars(hankemalli).values()
        if isinstance(value, type) and issubclass(value, StrEnum)
    }
    assert set(CODE_LISTS) == public
    assert len(CODE_LISTS) == len(public)
