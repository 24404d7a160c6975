"""The participant's characteristics at first entry (lähtötilanne)."""

from __future__ import annotations

from collections.abc import Iterator

import pendulum
from attrs import field, frozen

from ._checks import check_boolean, check_enum, check_optional_date
from ._codes import (
    Answer,
    Gender,
    IscedBand,
    LabourMarketStatus,
    LanguageSkill,
    ReferralSource,
)
from ._construction import as_optional_date
from ._errors import Problem, problem, raise_if_any

__all__ = ["SENSITIVE_CHARACTERISTICS", "EntryProfile"]

#: The special-category (sensitive) characteristics: each is an :class:`Answer`,
#: a person may refuse, and published tables suppress small counts of them.
SENSITIVE_CHARACTERISTICS: tuple[str, ...] = (
    "foreign_background",
    "third_country_national",
    "asylum_seeker",
    "disability",
    "minority",
    "homeless",
    "rural",
    "other_disadvantaged",
)


@frozen(kw_only=True)
class EntryProfile:
    """What a participant was like at first entry (lähtötilanne tullessa).

    The ESF counts every participant by the characteristics of their first entry; a
    re-entry keeps them. Non-sensitive items may be unknown (``None``): a record that
    lacks gender, labour-market status or education counts in the grand total only.
    Sensitive items are :class:`Answer` values, so a refusal or a question never
    asked is kept as such and never guessed.

    ``other_disadvantaged`` is the ESF 2014–2020 "other disadvantaged" (muu heikommassa
    asemassa oleva, CO17): a disadvantage the managing authority defines nationally
    (SFC2014 FAQ on national definitions), other than the ones asked separately. It
    is special-category data, which a participant may refuse to give (SFC2014 FAQ on
    sensitive data).

    ``unemployed_since`` is the start of the unemployment that was continuing at
    entry; with the entry date it gives the duration that makes someone long-term
    unemployed (pitkäaikaistyötön). It is only for the unemployed.
    """

    gender: Gender | None = None
    labour_market_status: LabourMarketStatus | None = None
    unemployed_since: pendulum.Date | None = field(default=None, converter=as_optional_date)
    in_education_or_training: bool | None = None
    education: IscedBand | None = None
    vocational_qualification: bool | None = None
    language_skill: LanguageSkill | None = None
    referral_source: ReferralSource | None = None
    foreign_background: Answer = Answer.NOT_ASKED
    third_country_national: Answer = Answer.NOT_ASKED
    asylum_seeker: Answer = Answer.NOT_ASKED
    disability: Answer = Answer.NOT_ASKED
    minority: Answer = Answer.NOT_ASKED
    homeless: Answer = Answer.NOT_ASKED
    rural: Answer = Answer.NOT_ASKED
    other_disadvantaged: Answer = Answer.NOT_ASKED

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    @property
    def is_complete(self) -> bool:
        """True if every non-sensitive characteristic the ESF needs is known.

        Age, the fourth such item, lives on :class:`Participant`.
        """
        return (
            self.gender is not None
            and self.gender is not Gender.NOT_TOLD
            and self.labour_market_status is not None
            and self.education is not None
        )

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        yield from check_enum("gender", self.gender, Gender, optional=True)
        yield from check_enum(
            "labour_market_status", self.labour_market_status, LabourMarketStatus, optional=True
        )
        yield from check_optional_date("unemployed_since", self.unemployed_since)
        for name in ("in_education_or_training", "vocational_qualification"):
            yield from check_boolean(name, getattr(self, name), optional=True)
        yield from check_enum("education", self.education, IscedBand, optional=True)
        yield from check_enum("language_skill", self.language_skill, LanguageSkill, optional=True)
        yield from check_enum(
            "referral_source", self.referral_source, ReferralSource, optional=True
        )
        for name in SENSITIVE_CHARACTERISTICS:
            value = getattr(self, name)
            if type(value) is not Answer:  # a member is nearly always what is there
                yield from check_enum(name, value, Answer)

    def _rule_problems(self) -> list[Problem]:
        # The rules across the fields (a list: cheaper than a generator).
        problems: list[Problem] = []
        if (
            self.unemployed_since is not None
            # Only against a status that is known or told unknown: an invalid one is
            # reported on its own and says nothing of the unemployment.
            and (
                self.labour_market_status is None
                or isinstance(self.labour_market_status, LabourMarketStatus)
            )
            and self.labour_market_status is not LabourMarketStatus.UNEMPLOYED
        ):
            problems.append(
                problem(("unemployed_since",), "profile.unemployed_since_not_unemployed")
            )
        if self.asylum_seeker is Answer.YES and self.foreign_background is Answer.NO:
            problems.append(problem(("foreign_background",), "profile.asylum_seeker_background"))
        return problems
