"""Outcome events (tulostapahtumat): what happened to a participant, on one day.

Qualifications and certificates gained, the situation recorded six months after
leaving and contact kept after it are point events. Employment, education and job
seeking last, so they are situation spells (:mod:`._situations`), not events.

Every event has a ``date`` and a ``source`` saying where the information comes
from. In JSON the kind of event is the stable tag in :attr:`EVENT_TAGS`, under the
key ``"type"``. An event's ``label`` is a text of the participant's record: it holds
no personal identity code, e-mail address or phone number.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, TypeAlias

import pendulum
from attrs import field, frozen

from ._checks import check_date, check_enum, check_text
from ._codes import (
    CertificateKind,
    ContactKind,
    EducationKind,
    ImprovementKind,
    InformationSource,
    SituationKind,
)
from ._construction import as_date
from ._errors import Problem, problem, raise_if_any

__all__ = [
    "EVENT_TAGS",
    "CertificateObtained",
    "OutcomeEvent",
    "PostExitContact",
    "QualificationGained",
    "SituationAfterSixMonths",
]


@frozen(kw_only=True)
class _Event:
    """What every outcome event has: a date and a source of information."""

    tag: ClassVar[str]

    date: pendulum.Date = field(converter=as_date)
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

    def _rule_problems(self) -> list[Problem]:
        # Every other check, in the order the problems are reported; a kind of
        # event adds its own after these. A list, not a generator: the reader's
        # fast path asks it of every event.
        if type(self.source) is InformationSource:  # nearly always
            return []
        return list(check_enum("source", self.source, InformationSource))


@frozen(kw_only=True)
class QualificationGained(_Event):
    """A qualification or part of one was gained (tutkinto suoritettu); ESF EECR03."""

    tag: ClassVar[str] = "qualification_gained"

    kind: EducationKind
    label: str | None = None

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.kind) is not EducationKind:  # nearly always it is
            problems += check_enum("kind", self.kind, EducationKind)
        problems += check_text("label", self.label, optional=True, record=True)
        return problems


@frozen(kw_only=True)
class CertificateObtained(_Event):
    """A work-life certificate was obtained (kortti suoritettu), e.g. a hygiene passport."""

    tag: ClassVar[str] = "certificate_obtained"

    certificate: CertificateKind
    label: str | None = None

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.certificate) is not CertificateKind:  # nearly always it is
            problems += check_enum("certificate", self.certificate, CertificateKind)
        problems += check_text("label", self.label, optional=True, record=True)
        if self.certificate is CertificateKind.OTHER and self.label is None:
            problems.append(
                problem(("label",), "label.missing_for_other", what="label.certificate")
            )
        return problems


@frozen(kw_only=True)
class SituationAfterSixMonths(_Event):
    """The situation six months after leaving (tilanne kuuden kuukauden kuluttua).

    ``improvement`` is an ESF "improved labour-market situation", which only
    someone employed both at entry and now can have.
    """

    tag: ClassVar[str] = "situation_after_six_months"

    situation: SituationKind
    improvement: ImprovementKind | None = None

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.situation) is not SituationKind:  # nearly always it is
            problems += check_enum("situation", self.situation, SituationKind)
        problems += check_enum("improvement", self.improvement, ImprovementKind, optional=True)
        if self.improvement is not None and self.situation not in (
            SituationKind.EMPLOYED,
            SituationKind.SELF_EMPLOYED,
        ):
            problems.append(
                problem(("improvement",), "improvement.not_employed", situation=str(self.situation))
            )
        return problems


@frozen(kw_only=True)
class PostExitContact(_Event):
    """Contact kept after leaving (yhteydenpito päättymisen jälkeen).

    PROSESSI keeps former participants close as volunteers or as employees in
    later projects: a safety net of people, organisations and services.
    """

    tag: ClassVar[str] = "post_exit_contact"

    kind: ContactKind
    label: str | None = None

    def _rule_problems(self) -> list[Problem]:
        problems = super()._rule_problems()
        if type(self.kind) is not ContactKind:  # nearly always it is
            problems += check_enum("kind", self.kind, ContactKind)
        problems += check_text("label", self.label, optional=True, record=True)
        return problems


#: Any outcome event; a tagged union.
OutcomeEvent: TypeAlias = (
    QualificationGained | CertificateObtained | SituationAfterSixMonths | PostExitContact
)

#: The stable JSON tag of each kind of outcome event.
EVENT_TAGS: dict[str, type[OutcomeEvent]] = {
    cls.tag: cls
    for cls in (
        QualificationGained,
        CertificateObtained,
        SituationAfterSixMonths,
        PostExitContact,
    )
}
