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
    ContractType,
    EducationKind,
    EducationStarted,
    EmploymentKind,
    EmploymentStarted,
    ImprovementKind,
    InformationSource,
    JobSearchStarted,
    OutcomeEvent,
    PostExitContact,
    QualificationGained,
    SituationAfterSixMonths,
    SituationKind,
    WorkingTime,
)
from ._basics import as_date, check_period, codes, draw_date, optional, pseudonyms, texts

__all__ = [
    "EVENT_KINDS",
    "certificate_obtained_events",
    "check_event_kinds",
    "draw_event",
    "draw_result_date",
    "education_started_events",
    "employment_started_events",
    "job_search_started_events",
    "outcome_events",
    "post_exit_contact_events",
    "qualification_gained_events",
    "result_window_dates",
    "situation_after_six_months_events",
]

Dates = st.SearchStrategy[pendulum.Date]
#: Episode ids an employment may name: ``None`` for any identifier.
EpisodeIds = tuple[str, ...] | None

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


def _employment(draw: st.DrawFn, day: pendulum.Date, ids: EpisodeIds) -> EmploymentStarted:
    via: str | None = None
    if ids is None:
        via = draw(optional(pseudonyms()))
    elif ids:
        taken = draw(_COIN)
        via = ids[draw(st.integers(0, len(ids) - 1))] if taken else None
    return EmploymentStarted(
        date=day,
        source=draw(_SOURCES),
        kind=draw(codes(EmploymentKind)),
        contract=draw(optional(codes(ContractType))),
        working_time=draw(optional(codes(WorkingTime))),
        via_episode=via,
    )


def _education(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> EducationStarted:
    return EducationStarted(
        date=day,
        source=draw(_SOURCES),
        kind=draw(codes(EducationKind)),
        degree_oriented=draw(st.booleans()),
    )


def _qualification(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> QualificationGained:
    return QualificationGained(
        date=day, source=draw(_SOURCES), kind=draw(codes(EducationKind)), label=draw(_LABELS)
    )


def _certificate(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> CertificateObtained:
    certificate = draw(codes(CertificateKind))
    return CertificateObtained(
        date=day,
        source=draw(_SOURCES),
        certificate=certificate,
        label=draw(texts() if certificate is CertificateKind.OTHER else _LABELS),
    )


def _job_search(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> JobSearchStarted:
    return JobSearchStarted(date=day, source=draw(_SOURCES))


def _situation(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> SituationAfterSixMonths:
    situation = draw(codes(SituationKind))
    employed = situation in (SituationKind.EMPLOYED, SituationKind.SELF_EMPLOYED)
    return SituationAfterSixMonths(
        date=day,
        source=draw(_SOURCES),
        situation=situation,
        improvement=draw(optional(codes(ImprovementKind))) if employed else None,
    )


def _contact(draw: st.DrawFn, day: pendulum.Date, _: EpisodeIds) -> PostExitContact:
    return PostExitContact(
        date=day, source=draw(_SOURCES), kind=draw(codes(ContactKind)), label=draw(_LABELS)
    )


_BUILDERS: dict[type[OutcomeEvent], Callable[[st.DrawFn, pendulum.Date, EpisodeIds], OutcomeEvent]]
_BUILDERS = {
    EmploymentStarted: _employment,
    EducationStarted: _education,
    QualificationGained: _qualification,
    CertificateObtained: _certificate,
    JobSearchStarted: _job_search,
    SituationAfterSixMonths: _situation,
    PostExitContact: _contact,
}


def draw_event(
    draw: st.DrawFn,
    kinds: tuple[type[OutcomeEvent], ...],
    day: pendulum.Date,
    episode_ids: EpisodeIds,
) -> OutcomeEvent:
    """Draw an event of one of ``kinds`` on ``day``; an employment names one of ``episode_ids``."""
    return _BUILDERS[draw(st.sampled_from(kinds))](draw, day, episode_ids)


_DEFAULT_DATES = (pendulum.date(2000, 1, 1), pendulum.date(2035, 12, 31))


@st.composite
def _events(
    draw: st.DrawFn,
    dates: Dates | None,
    kinds: tuple[type[OutcomeEvent], ...],
    episode_ids: EpisodeIds,
) -> OutcomeEvent:
    day = draw_date(draw, *_DEFAULT_DATES) if dates is None else as_date(draw(dates))
    return draw_event(draw, kinds, day, episode_ids)


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
    episode_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[OutcomeEvent]:
    """Outcome events of the given ``kinds`` (classes; every kind by default).

    ``dates`` draws their dates (2000–2035 by default). An employment's
    ``via_episode`` is one of ``episode_ids`` or none when they are given, and any
    valid identifier or none when they are not.
    """
    chosen = check_event_kinds(kinds)
    if not chosen:
        raise InvalidArgument("outcome_events needs at least one kind of event")
    return _events(dates, chosen, None if episode_ids is None else tuple(episode_ids))


def employment_started_events(
    *, dates: Dates | None = None, episode_ids: Sequence[str] | None = None
) -> st.SearchStrategy[EmploymentStarted]:
    """Employment started (työsuhde alkoi): open labour market, subsidised or self-employment."""
    ids = None if episode_ids is None else tuple(episode_ids)
    return _events(dates, (EmploymentStarted,), ids)  # type: ignore[return-value]


def education_started_events(*, dates: Dates | None = None) -> st.SearchStrategy[EducationStarted]:
    """Education started (koulutus alkoi), degree-oriented or not."""
    return _events(dates, (EducationStarted,), None)  # type: ignore[return-value]


def qualification_gained_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[QualificationGained]:
    """A qualification or a part of one gained (tutkinto suoritettu)."""
    return _events(dates, (QualificationGained,), None)  # type: ignore[return-value]


def certificate_obtained_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[CertificateObtained]:
    """A work-life certificate obtained (kortti), such as a hygiene passport."""
    return _events(dates, (CertificateObtained,), None)  # type: ignore[return-value]


def job_search_started_events(*, dates: Dates | None = None) -> st.SearchStrategy[JobSearchStarted]:
    """Became an active job seeker (työnhaku alkoi)."""
    return _events(dates, (JobSearchStarted,), None)  # type: ignore[return-value]


def situation_after_six_months_events(
    *, dates: Dates | None = None
) -> st.SearchStrategy[SituationAfterSixMonths]:
    """The situation six months after leaving; an improvement only for the employed."""
    return _events(dates, (SituationAfterSixMonths,), None)  # type: ignore[return-value]


def post_exit_contact_events(*, dates: Dates | None = None) -> st.SearchStrategy[PostExitContact]:
    """Contact kept after leaving (yhteydenpito), e.g. as a volunteer."""
    return _events(dates, (PostExitContact,), None)  # type: ignore[return-value]
