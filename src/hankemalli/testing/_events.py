"""Strategies for outcome events (tulostapahtumat), one for each kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    EVENT_TAGS,
    CertificateKind,
    CertificateObtained,
    ContactKind,
    EducationKind,
    ImprovementKind,
    InformationSource,
    OutcomeEvent,
    PostExitContact,
    QualificationGained,
    SituationAfterSixMonths,
    SituationKind,
)
from ._basics import as_date, check_period, codes, draw_date, optional, texts

__all__ = [
    "EVENT_KINDS",
    "certificate_obtained_events",
    "check_event_kinds",
    "draw_event",
    "draw_result_date",
    "outcome_events",
    "post_exit_contact_events",
    "qualification_gained_events",
    "result_window_dates",
    "situation_after_six_months_events",
]

Dates = st.SearchStrategy[pendulum.Date]
#: Every kind of outcome event, in the order of :data:`hankemalli.EVENT_TAGS`.
EVENT_KINDS: tuple[type[OutcomeEvent], ...] = tuple(EVENT_TAGS.values())

_SOURCES = codes(InformationSource)
_COIN = st.booleans()
# (months, days) after an exit: the exit day, either side of and on the 28th day,
# either side of and on six calendar months.
_WINDOW_EDGES = st.sampled_from(((0, 0), (0, 27), (0, 28), (0, 29), (6, -1), (6, 0), (6, 1)))
_LABELS = optional(texts())


def draw_result_date(draw: st.DrawFn, exit: pendulum.Date) -> pendulum.Date:
    """Draw a date after ``exit``, half of the time at the edge of a result window."""
    if draw(_COIN):
        months, days = draw(_WINDOW_EDGES)
        return exit.add(months=months).add(days=days)
    return draw_date(draw, exit, exit.add(months=18))


@st.composite
def _result_window_dates(draw: st.DrawFn, exit: pendulum.Date) -> pendulum.Date:
    return draw_result_date(draw, exit)


def result_window_dates(exit: dt.date) -> Dates:
    """Dates at, just inside and just past the result windows after an ``exit``.

    The immediate result window runs from the exit to the 28th day after it
    (within four weeks, EECR01–04); the longer-term result is the situation six
    calendar months after the exit (EECR05–06). Dates on both sides of each limit
    come up often; the others are up to eighteen months after the exit.
    """
    return _result_window_dates(check_period((exit, exit))[0])


def _qualification(draw: st.DrawFn, day: pendulum.Date) -> QualificationGained:
    return QualificationGained(
        date=day, source=draw(_SOURCES), kind=draw(codes(EducationKind)), label=draw(_LABELS)
    )


def _certificate(draw: st.DrawFn, day: pendulum.Date) -> CertificateObtained:
    certificate = draw(codes(CertificateKind))
    return CertificateObtained(
        date=day,
        source=draw(_SOURCES),
        certificate=certificate,
        label=draw(texts() if certificate is CertificateKind.OTHER else _LABELS),
    )


def _situation(draw: st.DrawFn, day: pendulum.Date) -> SituationAfterSixMonths:
    situation = draw(codes(SituationKind))
    employed = situation in (SituationKind.EMPLOYED, SituationKind.SELF_EMPLOYED)
    return SituationAfterSixMonths(
        date=day,
        source=draw(_SOURCES),
        situation=situation,
        improvement=draw(optional(codes(ImprovementKind))) if employed else None,
    )


def _contact(draw: st.DrawFn, day: pendulum.Date) -> PostExitContact:
    return PostExitContact(
        date=day, source=draw(_SOURCES), kind=draw(codes(ContactKind)), label=draw(_LABELS)
    )


_BUILDERS: dict[type[OutcomeEvent], Callable[[st.DrawFn, pendulum.Date], OutcomeEvent]]
_BUILDERS = {
    QualificationGained: _qualification,
    CertificateObtained: _certificate,
    SituationAfterSixMonths: _situation,
    PostExitContact: _contact,
}


def draw_event(
    draw: st.DrawFn,
    kinds: tuple[type[OutcomeEvent], ...],
    day: pendulum.Date,
) -> OutcomeEvent:
    """Draw an event of one of ``kinds`` on ``day``."""
    return _BUILDERS[draw(st.sampled_from(kinds))](draw, day)


_DEFAULT_DATES = (pendulum.date(2000, 1, 1), pendulum.date(2035, 12, 31))


@st.composite
def _events(
    draw: st.DrawFn,
    dates: Dates | None,
    kinds: tuple[type[OutcomeEvent], ...],
) -> OutcomeEvent:
    day = draw_date(draw, *_DEFAULT_DATES) if dates is None else as_date(draw(dates))
    return draw_event(draw, kinds, day)


def check_event_kinds(kinds: Sequence[type[OutcomeEvent]] | None) -> tuple[type[OutcomeEvent], ...]:
    """The event kinds of a ``kinds`` knob (all by default); refuse anything else."""
    chosen = EVENT_KINDS if kinds is None else tuple(kinds)
    unknown = [kind for kind in chosen if kind not in EVENT_KINDS]
    if unknown:
        raise InvalidArgument(f"not outcome event classes: {unknown!r}; use {EVENT_KINDS!r}")
    return chosen


def outcome_events(
    *,
    dates: Dates | None = None,
    kinds: Sequence[type[OutcomeEvent]] | None = None,
) -> st.SearchStrategy[OutcomeEvent]:
    """Point outcome events of the given ``kinds`` (classes; every kind by default).

    ``dates`` draws their dates (2000–2035 by default). Employment, education and
    job seeking are spells, not events: see :func:`situation_spells`.
    """
    chosen = check_event_kinds(kinds)
    if not chosen:
        raise InvalidArgument("outcome_events needs at least one kind of event")
    return _events(dates, chosen)


def qualification_gained_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[QualificationGained]:
    """A qualification or a part of one gained (tutkinto suoritettu)."""
    return _events(dates, (QualificationGained,))  # type: ignore[return-value]


def certificate_obtained_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[CertificateObtained]:
    """A work-life certificate obtained (kortti), such as a hygiene passport."""
    return _events(dates, (CertificateObtained,))  # type: ignore[return-value]


def situation_after_six_months_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[SituationAfterSixMonths]:
    """The situation six months after leaving; an improvement only for the employed."""
    return _events(dates, (SituationAfterSixMonths,))  # type: ignore[return-value]


def post_exit_contact_events(*, dates: Dates | None = None) -> st.SearchStrategy[PostExitContact]:
    """Contact kept after leaving (yhteydenpito), e.g. as a volunteer."""
    return _events(dates, (PostExitContact,))  # type: ignore[return-value]
