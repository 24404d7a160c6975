"""The programme (hanke): an ESF "operation" with its funders, targets and network."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pendulum
from attrs import Factory, field, frozen

from ._checks import (
    check_date,
    check_decimal,
    check_enum,
    check_text,
    check_texts,
    check_tuple_of,
    in_date_range,
    is_pendulum_date,
    repeated_items,
)
from ._codes import (
    CertificateKind,
    FunderKind,
    OrganisationKind,
    ProgrammingPeriod,
    ServiceType,
    TargetMetric,
    TargetPeriod,
)
from ._construction import as_certificates, as_date, as_services, as_texts, as_tuple
from ._errors import Problem, problem, raise_if_any
from ._pseudonym import identifier_problems, shown_safely

__all__ = [
    "Funder",
    "Partner",
    "Programme",
    "Target",
    "as_partners",
    "programming_period_of",
]

#: The first day from which expenditure of the 2021–2027 period is eligible, and the
#: last day on which expenditure of the 2014–2020 period is: Regulation (EU)
#: 2021/1060, Article 63(2), and Regulation (EU) No 1303/2013, Article 65(2).
ESF_PLUS_ELIGIBLE_FROM = pendulum.date(2021, 1, 1)
ESF_2014_ELIGIBLE_UNTIL = pendulum.date(2023, 12, 31)

#: The longest a programme may last, in years: no ESF eligibility period is longer.
#: 2014–2020 expenditure is eligible 1.1.2014–31.12.2023 (Regulation (EU) No
#: 1303/2013, Article 65(2)), ten years; 2021–2027 expenditure 1.1.2021–31.12.2029
#: (Regulation (EU) 2021/1060, Article 63(2)), nine years.
LONGEST_PROGRAMME_YEARS = 10


def latest_end(start: pendulum.Date) -> pendulum.Date:
    """The last day a programme starting on ``start`` may end: ten years less a day on.

    A programme from 1 January 2014 may run to 31 December 2023, the whole of the
    2014–2020 eligibility period, and no longer.
    """
    return start.add(years=LONGEST_PROGRAMME_YEARS).subtract(days=1)


def programming_period_of(start: pendulum.Date) -> ProgrammingPeriod:
    """The programming period a programme starting on ``start`` reports under by default.

    A programme that starts before 1 January 2021 belongs to 2014–2020, one that
    starts on or after it to 2021–2027 (ESF+): the day from which 2021–2027
    expenditure is eligible (Regulation (EU) 2021/1060, Art. 63(2)). A programme
    starting between 2021 and the end of 2023 could still be funded from 2014–2020
    (Regulation (EU) No 1303/2013, Art. 65(2)); such a programme says so explicitly.
    """
    if start < ESF_PLUS_ELIGIBLE_FROM:
        return ProgrammingPeriod.ESF_2014_2020
    return ProgrammingPeriod.ESF_PLUS_2021_2027


def possible_programming_periods(
    start: pendulum.Date, end: pendulum.Date
) -> tuple[ProgrammingPeriod, ...]:
    """The programming periods a programme running from ``start`` to ``end`` may belong to.

    2014–2020 if it starts by 31.12.2023, the last day its expenditure is eligible
    (Reg. (EU) No 1303/2013, Art. 65(2)); 2021–2027 if it ends on 1.1.2021 or later,
    the first (Reg. (EU) 2021/1060, Art. 63(2)).
    """
    found = []
    if start <= ESF_2014_ELIGIBLE_UNTIL:
        found.append(ProgrammingPeriod.ESF_2014_2020)
    if end >= ESF_PLUS_ELIGIBLE_FROM:
        found.append(ProgrammingPeriod.ESF_PLUS_2021_2027)
    return tuple(found)


def _default_programming_period(programme: Programme) -> ProgrammingPeriod:
    # Bad input is reported by the start date's own check; the default never fails.
    start = programme.start
    if not is_pendulum_date(start):
        return ProgrammingPeriod.ESF_PLUS_2021_2027
    return programming_period_of(start)


@frozen(kw_only=True)
class Funder:
    """A funder and its funding share (rahoittaja, rahoitusosuus).

    ``share`` is a fraction of the programme's budget between 0 and 1 (``0.64`` is
    64 %); ``amount`` is the funder's share in euros. Either may be unknown.
    """

    name: str
    kind: FunderKind
    share: Decimal | None = None
    amount: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_text("name", self.name)
        yield from check_enum("kind", self.kind, FunderKind)
        yield from check_decimal("share", self.share, low=Decimal(0), high=Decimal(1))
        yield from check_decimal("amount", self.amount, low=Decimal(0), high=Decimal("1e12"))


@frozen(kw_only=True)
class Partner:
    """An organisation in the programme's network (yhteistyökumppani)."""

    name: str
    kind: OrganisationKind
    role: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_text("name", self.name)
        yield from check_enum("kind", self.kind, OrganisationKind)
        yield from check_text("role", self.role, optional=True)


@frozen(kw_only=True)
class Target:
    """A quantified target (määrällinen tavoite), such as 30–40 participants a year.

    ``minimum`` and ``maximum`` bound the range (either may be open); ``per`` says
    whether the range applies to each calendar year or to the whole programme. For
    PROSESSI: ``Target(metric=PARTICIPANTS, minimum=30, maximum=40, per=YEAR)`` and
    ``Target(metric=AVERAGE_CONCURRENT, minimum=10, maximum=15, per=YEAR)``.
    """

    metric: TargetMetric
    per: TargetPeriod
    minimum: int | None = None
    maximum: int | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_enum("metric", self.metric, TargetMetric)
        yield from check_enum("per", self.per, TargetPeriod)
        for name in ("minimum", "maximum"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 0):
                yield problem(
                    (name,), "value.type", expected="expected.count", got=shown_safely(value)
                )
        if self.minimum is None and self.maximum is None:
            yield problem((), "target.no_bounds")
        elif (
            type(self.minimum) is int and type(self.maximum) is int and self.minimum > self.maximum
        ):
            yield problem(
                ("maximum",),
                "target.max_below_min",
                maximum=shown_safely(self.maximum),
                minimum=shown_safely(self.minimum),
            )


def _funders(value: list[Funder] | tuple[Funder, ...]) -> tuple[Funder, ...]:
    return as_tuple(value)


def _targets(value: list[Target] | tuple[Target, ...]) -> tuple[Target, ...]:
    return as_tuple(value)


def as_partners(value: list[Partner] | tuple[Partner, ...]) -> tuple[Partner, ...]:
    """:func:`~._construction.as_tuple` for a network of partners."""
    return as_tuple(value)


@frozen(kw_only=True)
class Programme:
    """A time-limited, externally funded project (hanke); an ESF "operation".

    ``organisation`` implements it; ``areas`` are the municipalities it works in;
    ``start`` and ``end`` bound its period, and every participation, service episode
    and target must fall inside it. Funding shares, when all are given, add up to 1.

    ``qualifying_certificates`` are the kinds of work-life certificate that count as
    "gaining a qualification" (ESF EECR03 / CR03) besides qualifications proper.
    A qualification is the formal outcome of an assessment and validation process,
    awarded when a competent body finds that a person has achieved learning outcomes
    to given standards (the EQF definition the Commission applies; its SFC2014 FAQ
    lets the standards be set nationally, by the programme or the project). Whether a
    hygiene passport or an occupational safety card meets it is for the managing
    authority to accept, so none counts unless the programme lists it.

    A programme lasts at most ten years (:data:`LONGEST_PROGRAMME_YEARS`), the
    longest ESF eligibility period, and its dates lie in the years 1900–2100.

    ``programming_period`` is the EU programming period (ohjelmakausi) whose
    common indicators the programme reports: 2014–2020 (Regulation (EU) No
    1304/2013) or 2021–2027 (ESF+, Regulation (EU) 2021/1057). Unless given, it
    follows from the start date (:func:`programming_period_of`). A 2014–2020
    programme cannot start after 31 December 2023, and a 2021–2027 one cannot end
    before 1 January 2021: no expenditure of theirs would be eligible.
    """

    id: str
    name: str
    organisation: str
    start: pendulum.Date = field(converter=as_date)
    end: pendulum.Date = field(converter=as_date)
    areas: tuple[str, ...] = field(default=(), converter=as_texts)
    funders: tuple[Funder, ...] = field(default=(), converter=_funders)
    target_groups: tuple[str, ...] = field(default=(), converter=as_texts)
    targets: tuple[Target, ...] = field(default=(), converter=_targets)
    services: tuple[ServiceType, ...] = field(default=(), converter=as_services)
    partners: tuple[Partner, ...] = field(default=(), converter=as_partners)
    qualifying_certificates: tuple[CertificateKind, ...] = field(
        default=(), converter=as_certificates
    )
    programming_period: ProgrammingPeriod = field(
        default=Factory(_default_programming_period, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def contains(self, day: pendulum.Date) -> bool:
        """True if ``day`` is inside the programme period (both ends included)."""
        return self.start <= day <= self.end

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("id", self.id, "id.programme")
        yield from check_text("name", self.name)
        yield from check_text("organisation", self.organisation)
        yield from check_date("start", self.start)
        yield from check_date("end", self.end)
        if in_date_range(self.start) and in_date_range(self.end) and self.end < self.start:
            yield problem(
                ("end",), "programme.ends_before_start", end=str(self.end), start=str(self.start)
            )
        yield from check_texts("areas", self.areas)
        yield from check_tuple_of("funders", self.funders, Funder)
        yield from check_texts("target_groups", self.target_groups)
        yield from check_tuple_of("targets", self.targets, Target)
        yield from check_tuple_of("services", self.services, ServiceType)
        yield from check_tuple_of("partners", self.partners, Partner)
        yield from check_tuple_of(
            "qualifying_certificates", self.qualifying_certificates, CertificateKind
        )
        yield from check_enum("programming_period", self.programming_period, ProgrammingPeriod)
        yield from self._period_problems()
        yield from repeated_items("services", self.services, "item.service")
        if (
            isinstance(self.funders, tuple)
            and self.funders
            and all(isinstance(f, Funder) and f.share is not None for f in self.funders)
        ):
            total = sum((f.share for f in self.funders if f.share is not None), Decimal(0))
            if total != 1:
                yield problem(("funders",), "funders.shares_total", total=str(total))

    def _period_problems(self) -> Iterator[Problem]:
        period = self.programming_period
        if not (in_date_range(self.start) and in_date_range(self.end)):
            return  # reported as such, by the dates' own checks
        if self.end < self.start:
            return  # reported as such; neither date can be trusted to place it
        if self.end > latest_end(self.start):
            yield problem(
                ("end",),
                "programme.too_long",
                years=LONGEST_PROGRAMME_YEARS,
                start=str(self.start),
                latest=str(latest_end(self.start)),
                end=str(self.end),
            )
        if period in possible_programming_periods(self.start, self.end):
            return
        if period is ProgrammingPeriod.ESF_2014_2020:
            yield problem(
                ("programming_period",),
                "programming_period.start_too_late",
                start=str(self.start),
                until=str(ESF_2014_ELIGIBLE_UNTIL),
            )
        if period is ProgrammingPeriod.ESF_PLUS_2021_2027:
            yield problem(
                ("programming_period",),
                "programming_period.end_too_early",
                end=str(self.end),
                since=str(ESF_PLUS_ELIGIBLE_FROM),
            )
