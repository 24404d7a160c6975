"""Situations over time (tilanteet): employment, education and job seeking as spells.

The ESF counts a person's *situation* upon leaving and six months later, not the
events that happen to start then: a job begun during participation and still held
at exit counts, one that ended before exit does not (Regulation (EU) 2021/1057
Annex I; SFC2021 FAQ on the reference period of immediate result indicators). So
employment, education or training and registered job seeking are spells with a
start and an optional end (``None``: still going on as far as the record knows),
and the situation the participant's organisation recorded at the (last) exit, as
Finnish ESF monitoring asks, is a snapshot of its own (:class:`ExitSituation`).

Qualifications and certificates stay point events (:mod:`._events`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, TypeAlias

import pendulum
from attrs import field, frozen

from ._checks import check_boolean, check_date, check_enum, check_optional_date, in_date_range
from ._codes import (
    ContractType,
    EducationKind,
    EmploymentKind,
    InformationSource,
    LeavingStatus,
    WorkingTime,
)
from ._construction import as_date, as_optional_date
from ._errors import Problem, problem, raise_if_any
from ._pseudonym import identifier_problems

__all__ = [
    "SITUATION_TAGS",
    "Education",
    "Employment",
    "ExitSituation",
    "JobSeeking",
    "SituationSpell",
]


@frozen(kw_only=True)
class _Spell:
    """What every situation spell has: a start, an optional end and a source.

    Both ends are included: ``end`` is the last day of the spell.
    """

    tag: ClassVar[str]

    start: pendulum.Date = field(converter=as_date)
    end: pendulum.Date | None = field(default=None, converter=as_optional_date)
    source: InformationSource

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    @property
    def date(self) -> pendulum.Date:
        """The day the spell began; what an indicator counting starts dates it by."""
        return self.start

    @property
    def is_open(self) -> bool:
        """True while the spell goes on as far as the record knows (no end yet)."""
        return self.end is None

    def covers(self, day: pendulum.Date) -> bool:
        """True if the spell was going on on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, low: pendulum.Date, high: pendulum.Date) -> bool:
        """True if the spell was going on on at least one day from ``low`` to ``high``."""
        return self.start <= high and (self.end is None or self.end >= low)

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        yield from check_date("start", self.start)
        yield from check_optional_date("end", self.end)

    def _rule_problems(self) -> list[Problem]:
        # Every other check, in the order the problems are reported; a kind of
        # spell adds its own after these. A list, not a generator: the reader's
        # fast path asks it of every spell.
        problems: list[Problem] = []
        start, end = self.start, self.end
        if end is not None and in_date_range(start) and in_date_range(end) and end < start:
            problems.append(
                problem(("end",), "spell.ends_before_start", end=str(end), start=str(start))
            )
        if type(self.source) is not InformationSource:  # nearly always it is
            problems += check_enum("source", self.source, InformationSource)
        return problems


@frozen(kw_only=True)
class Employment(_Spell):
    """A spell of employment or self-employment (työsuhde tai yrittäjyys).

    ``kind`` tells the open labour market from subsidised work (e.g. palkkatuki)
    and self-employment; all three are "in employment" for the ESF. ``via_episode``
    is the id of the service episode that led to it, e.g. a TET period (KAIKU: 72
    TET periods led to 31 employment relationships).
    """

    tag: ClassVar[str] = "employment"

    kind: EmploymentKind
    contract: ContractType | None = None
    working_time: WorkingTime | None = None
    via_episode: str | None = None

    @property
    def status(self) -> LeavingStatus:
        """The labour-market status this spell gives: employed or self-employed."""
        if self.kind is EmploymentKind.SELF_EMPLOYMENT:
            return LeavingStatus.SELF_EMPLOYED
        return LeavingStatus.EMPLOYED

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.kind) is not EmploymentKind:  # nearly always it is
            problems += check_enum("kind", self.kind, EmploymentKind)
        problems += check_enum("contract", self.contract, ContractType, optional=True)
        problems += check_enum("working_time", self.working_time, WorkingTime, optional=True)
        if self.via_episode is not None:
            problems += identifier_problems("via_episode", self.via_episode, "id.episode")
        return problems


@frozen(kw_only=True)
class Education(_Spell):
    """A spell of education or training (koulutus).

    ``degree_oriented`` is true for education leading to a qualification
    (tutkintotavoitteinen koulutus), which counts towards KAIKU's placement figure.
    ``own_training`` is true for training given by the operation itself (hankkeen
    oma koulutus): it is part of the support, not a result, so it does not count
    as "in education or training upon leaving" (ESF EECR02 / CR02).
    """

    tag: ClassVar[str] = "education"

    kind: EducationKind
    degree_oriented: bool
    own_training: bool = False

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.kind) is not EducationKind:  # nearly always it is
            problems += check_enum("kind", self.kind, EducationKind)
        problems += check_boolean("degree_oriented", self.degree_oriented)
        problems += check_boolean("own_training", self.own_training)
        return problems


@frozen(kw_only=True)
class JobSeeking(_Spell):
    """A spell as a registered job seeker (työnhakijana), e.g. at the employment office.

    An unemployed person is by definition engaged in job searching (SFC2021 FAQ),
    so a spell of unemployment is recorded as this. Employment on the same day
    outranks it.
    """

    tag: ClassVar[str] = "job_seeking"


#: Any situation spell; a tagged union.
SituationSpell: TypeAlias = Employment | Education | JobSeeking

#: The stable JSON tag of each kind of situation spell.
SITUATION_TAGS: dict[str, type[SituationSpell]] = {
    cls.tag: cls for cls in (Employment, Education, JobSeeking)
}


@frozen(kw_only=True)
class ExitSituation:
    """The situation recorded at the (last) exit (tilanne hankkeesta lähdettäessä).

    Finnish ESF monitoring asks the participant's situation upon leaving as a
    snapshot when the participation ends. ``date`` is the exit it describes and must
    be the last exit; ``status`` is the last labour-market status in the four weeks
    from the exit (employed, self-employed, job searching or inactive: mutually
    exclusive); ``in_education`` says whether the person was in education or
    training (not the operation's own) upon leaving. When present, it is the source
    of the upon-leaving results; when absent they are derived from the spells.
    """

    date: pendulum.Date = field(converter=as_date)
    status: LeavingStatus
    in_education: bool = False
    source: InformationSource

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        yield from check_date("date", self.date)
        yield from check_enum("status", self.status, LeavingStatus)
        yield from check_boolean("in_education", self.in_education)
        yield from check_enum("source", self.source, InformationSource)

    def _rule_problems(self) -> list[Problem]:
        # None of its own: that it describes the last exit is the participation's rule.
        return []
