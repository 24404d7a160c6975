"""Strategies for the programme (hanke): its period, funders, targets and network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

import pendulum
from hypothesis import strategies as st

from ..model import (
    CertificateKind,
    Funder,
    FunderKind,
    OrganisationKind,
    Partner,
    Programme,
    ServiceType,
    Target,
    TargetMetric,
    TargetPeriod,
    programming_period_of,
)
from ..model._programme import possible_programming_periods
from ._basics import check_period, codes, draw_date, optional, pseudonyms, texts

__all__ = ["draw_programme", "funders", "partners", "programme_periods", "programmes", "targets"]

_COUNTS = st.integers(0, 500)
_SHARES = st.decimals(0, 1, places=2)
_AMOUNTS = st.decimals(0, 10**9, places=2)


_FUNDERS = st.builds(
    Funder, name=texts(), kind=codes(FunderKind), share=optional(_SHARES), amount=optional(_AMOUNTS)
)
_PARTNERS = st.builds(Partner, name=texts(), kind=codes(OrganisationKind), role=optional(texts()))
_LENGTHS = st.sampled_from((0, 1, 28, 365, 366)) | st.integers(0, 5 * 366)


def funders() -> st.SearchStrategy[Funder]:
    """A funder (rahoittaja) with its kind and, maybe, its share and amount."""
    return _FUNDERS


@st.composite
def _funder_lists(draw: st.DrawFn) -> tuple[Funder, ...]:
    """Funders whose shares, when all are known, add up to exactly 1 (100 %)."""
    count = draw(st.integers(0, 4))
    if count == 0:
        return ()
    # Cut points in whole percent: the shares are their differences and sum to 1;
    # or no share is known, which the model accepts as it is.
    cuts = sorted(draw(st.integers(0, 100)) for _ in range(count - 1))
    known = draw(st.booleans())
    bounds = [0, *cuts, 100]
    return tuple(
        Funder(
            name=draw(texts()),
            kind=draw(codes(FunderKind)),
            share=Decimal(high - low) / 100 if known else None,
            amount=draw(optional(_AMOUNTS)),
        )
        for low, high in pairwise(bounds)
    )


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    low, high = sorted((draw(_COUNTS), draw(_COUNTS)))
    minimum, maximum = draw(st.sampled_from(((low, high), (low, None), (None, high), (low, low))))
    return Target(
        metric=draw(codes(TargetMetric)),
        per=draw(codes(TargetPeriod)),
        minimum=minimum,
        maximum=maximum,
    )


_TARGETS = _targets()


def targets() -> st.SearchStrategy[Target]:
    """A quantified target (määrällinen tavoite): a range, open at one end or a single value."""
    return _TARGETS


def partners() -> st.SearchStrategy[Partner]:
    """An organisation of the programme's network (yhteistyökumppani)."""
    return st.builds(Partner, name=texts(), kind=codes(OrganisationKind), role=optional(texts()))


@st.composite
def _programme_periods(
    draw: st.DrawFn, low: pendulum.Date, high: pendulum.Date
) -> tuple[pendulum.Date, pendulum.Date]:
    start = draw_date(draw, low, high)
    length = draw(_LENGTHS)
    return start, min(start.add(days=length), high)


def programme_periods(
    *,
    within: tuple[dt.date, dt.date] = (dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
) -> st.SearchStrategy[tuple[pendulum.Date, pendulum.Date]]:
    """Programme periods ``(start, end)`` inside ``within``: a day to about five years.

    A one-day programme, a start or end on a leap day and periods of exactly a
    year come up often.
    """
    low, high = check_period(within)
    return _programme_periods(low, high)


_PROGRAMME_PERIODS = programme_periods()


_SOME_TEXTS = st.lists(texts(), max_size=3).map(tuple)
_SOME_TARGETS = st.lists(targets(), max_size=3).map(tuple)
_SOME_PARTNERS = st.lists(partners(), max_size=3).map(tuple)
_FUNDER_LISTS = _funder_lists()
_QUALIFYING = st.lists(codes(CertificateKind), unique=True, max_size=3).map(tuple)


def draw_programme(
    draw: st.DrawFn,
    period: tuple[pendulum.Date, pendulum.Date] | None,
    services: tuple[ServiceType, ...] | None,
) -> Programme:
    """Draw a programme; see :func:`programmes`."""
    start, end = period if period is not None else draw(_PROGRAMME_PERIODS)
    pool = tuple(ServiceType) if services is None else tuple(services)
    # The programming period: left to its default by date, or any period the dates
    # allow (a 2014–2020 programme may start as late as 2023, Reg. 1303/2013 Art. 65).
    chosen = draw(st.sampled_from([None, *possible_programming_periods(start, end)]))
    return Programme(
        id=draw(pseudonyms()),
        name=draw(texts()),
        organisation=draw(texts()),
        start=start,
        end=end,
        areas=draw(_SOME_TEXTS),
        funders=draw(_FUNDER_LISTS),
        target_groups=draw(_SOME_TEXTS),
        targets=draw(_SOME_TARGETS),
        services=tuple(draw(st.lists(codes(ServiceType, among=pool), unique=True))) if pool else (),
        partners=draw(_SOME_PARTNERS),
        qualifying_certificates=draw(_QUALIFYING),
        programming_period=programming_period_of(start) if chosen is None else chosen,
    )


@st.composite
def _programmes(
    draw: st.DrawFn,
    period: tuple[pendulum.Date, pendulum.Date] | None,
    services: tuple[ServiceType, ...] | None,
) -> Programme:
    return draw_programme(draw, period, services)


def programmes(
    *,
    period: tuple[dt.date, dt.date] | None = None,
    services: Sequence[ServiceType] | None = None,
) -> st.SearchStrategy[Programme]:
    """Programmes (hanke) with funders, targets and partners.

    ``period`` fixes the programme's ``(start, end)``; by default it is drawn from
    :func:`programme_periods`. ``services`` limits the services it offers (all
    kinds by default). Funding shares, when all are known, add up to 1. The
    programming period is its default by date or any other the dates allow.
    """
    fixed = None if period is None else check_period(period)
    return _programmes(fixed, None if services is None else tuple(services))
