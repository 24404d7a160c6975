"""Strategies for situation spells (tilannejaksot) and the situation recorded at exit.

Employment, education and registered job seeking are spells with a start and an
optional end. Inside a record they are drawn around the participation: before the
first entry, during it, on the exit day, on the 28th and 29th day after it and
six months later; open, of one day, ending before the exit, on it or later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    SITUATION_TAGS,
    ContractType,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    ExitSituation,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    SituationSpell,
    WorkingTime,
)
from ._basics import as_date, codes, draw_date, optional, pseudonyms

__all__ = [
    "SITUATION_KINDS",
    "check_situation_kinds",
    "draw_record_spells",
    "draw_spell",
    "education_spells",
    "employment_spells",
    "exit_situations",
    "job_seeking_spells",
    "situation_spells",
]

Dates = st.SearchStrategy[pendulum.Date]
Kinds = tuple[type[SituationSpell], ...]
#: Episode ids an employment may name: ``None`` for any identifier.
EpisodeIds = tuple[str, ...] | None

#: Every kind of situation spell, in the order of :data:`hankemalli.SITUATION_TAGS`.
SITUATION_KINDS: Kinds = tuple(SITUATION_TAGS.values())

_SOURCES = codes(InformationSource)
_COIN = st.booleans()
_DEFAULT_DATES = (pendulum.date(2000, 1, 1), pendulum.date(2035, 12, 31))
_FREE_ENDS = st.sampled_from(("open", "same day", "later", "later"))
# Where a spell starts, relative to a participation (see draw_record_spells).
_STARTS_OPEN = st.sampled_from(("before entry", "before entry", "during", "during"))
_STARTS_LEFT = st.sampled_from(
    (
        "before entry",
        "during",
        "during",
        "exit day",
        "exit day",
        "day 28",
        "day 29",
        "after exit",
        "after exit",
    )
)
_RECORD_ENDS = st.sampled_from(("open", "open", "same day", "before exit", "at exit", "later"))
# (months, days) after an exit for an end near a result window.
_END_EDGES = st.sampled_from(((0, 10), (0, 27), (0, 28), (0, 29), (6, -1), (6, 0), (6, 1)))


def _draw_employment(
    draw: st.DrawFn, start: pendulum.Date, end: pendulum.Date | None, ids: EpisodeIds
) -> Employment:
    via: str | None = None
    if ids is None:
        via = draw(optional(pseudonyms()))
    elif ids:
        taken = draw(_COIN)
        via = ids[draw(st.integers(0, len(ids) - 1))] if taken else None
    return Employment(
        start=start,
        end=end,
        source=draw(_SOURCES),
        kind=draw(codes(EmploymentKind)),
        contract=draw(optional(codes(ContractType))),
        working_time=draw(optional(codes(WorkingTime))),
        via_episode=via,
    )


def _draw_education(
    draw: st.DrawFn, start: pendulum.Date, end: pendulum.Date | None, _: EpisodeIds
) -> Education:
    return Education(
        start=start,
        end=end,
        source=draw(_SOURCES),
        kind=draw(codes(EducationKind)),
        degree_oriented=draw(_COIN),
        own_training=draw(_COIN),
    )


def _draw_job_seeking(
    draw: st.DrawFn, start: pendulum.Date, end: pendulum.Date | None, _: EpisodeIds
) -> JobSeeking:
    return JobSeeking(start=start, end=end, source=draw(_SOURCES))


Builder = Callable[[st.DrawFn, pendulum.Date, pendulum.Date | None, EpisodeIds], SituationSpell]
_BUILDERS: dict[type[SituationSpell], Builder] = {
    Employment: _draw_employment,
    Education: _draw_education,
    JobSeeking: _draw_job_seeking,
}


def draw_spell(
    draw: st.DrawFn,
    kinds: Kinds,
    start: pendulum.Date,
    end: pendulum.Date | None,
    episode_ids: EpisodeIds,
) -> SituationSpell:
    """Draw a spell of one of ``kinds`` from ``start`` to ``end``.

    An employment's ``via_episode`` is one of ``episode_ids`` or none.
    """
    return _BUILDERS[draw(st.sampled_from(kinds))](draw, start, end, episode_ids)


def _draw_free_end(draw: st.DrawFn, start: pendulum.Date) -> pendulum.Date | None:
    choice = draw(_FREE_ENDS)
    if choice == "open":
        return None
    if choice == "same day":
        return start
    return draw_date(draw, start, start.add(years=2))


def _draw_start(
    draw: st.DrawFn, first: pendulum.Date, last: pendulum.Date | None, high: pendulum.Date
) -> pendulum.Date:
    choice = draw(_STARTS_OPEN if last is None else _STARTS_LEFT)
    if choice == "before entry":
        return draw_date(draw, first.subtract(years=3), first.subtract(days=1))
    if choice == "during":
        return draw_date(draw, first, last or high)
    assert last is not None
    if choice == "exit day":
        return last
    if choice == "day 28":
        return last.add(days=28)
    if choice == "day 29":
        return last.add(days=29)
    # After the exit: the day after, within the window, or around six months.
    if draw(_COIN):
        months, days = draw(_END_EDGES)
        return last.add(months=months).add(days=days)
    return draw_date(draw, last.add(days=1), last.add(months=18))


def _draw_record_end(
    draw: st.DrawFn, start: pendulum.Date, last: pendulum.Date | None
) -> pendulum.Date | None:
    choice = draw(_RECORD_ENDS)
    if choice == "open":
        return None
    if choice == "same day":
        return start
    if last is not None and choice == "before exit" and start < last:
        return draw_date(draw, start, last.subtract(days=1))
    if last is not None and choice == "at exit" and start <= last:
        return last
    if last is not None and draw(_COIN):
        # Near the end of a result window, if that is not before the start.
        months, days = draw(_END_EDGES)
        edge = last.add(months=months).add(days=days)
        if edge >= start:
            return edge
    return draw_date(draw, start, start.add(years=2))


def draw_record_spells(
    draw: st.DrawFn,
    kinds: Kinds,
    first: pendulum.Date,
    last: pendulum.Date | None,
    high: pendulum.Date,
    episode_ids: tuple[str, ...],
) -> tuple[SituationSpell, ...]:
    """Draw a participation's spells around its first entry and last exit.

    Spells start before the first entry, during the participation (up to ``high``
    while it goes on), and for a leaver also on the exit day, on the 28th and 29th
    day after it and later; they are open, of one day, end before the exit, on it
    or later, often at the edge of a result window.
    """
    if not kinds:
        return ()
    spells: list[SituationSpell] = []
    for _ in range(draw(st.integers(0, 4))):
        start = _draw_start(draw, first, last, high)
        end = _draw_record_end(draw, start, last)
        spells.append(draw_spell(draw, kinds, start, end, episode_ids))
    return tuple(spells)


@st.composite
def _spells(
    draw: st.DrawFn, dates: Dates | None, kinds: Kinds, episode_ids: EpisodeIds
) -> SituationSpell:
    start = draw_date(draw, *_DEFAULT_DATES) if dates is None else as_date(draw(dates))
    return draw_spell(draw, kinds, start, _draw_free_end(draw, start), episode_ids)


def check_situation_kinds(kinds: Sequence[type[SituationSpell]] | None) -> Kinds:
    """The spell kinds of a ``kinds`` knob (all by default); refuse anything else."""
    chosen = SITUATION_KINDS if kinds is None else tuple(kinds)
    unknown = [kind for kind in chosen if kind not in SITUATION_KINDS]
    if unknown:
        raise InvalidArgument(f"not situation spell classes: {unknown!r}; use {SITUATION_KINDS!r}")
    return chosen


def situation_spells(
    *,
    dates: Dates | None = None,
    kinds: Sequence[type[SituationSpell]] | None = None,
    episode_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[SituationSpell]:
    """Situation spells of the given ``kinds`` (classes; every kind by default).

    ``dates`` draws their starts (2000–2035 by default); a spell is open, of one
    day or ends up to two years later. An employment's ``via_episode`` is one of
    ``episode_ids`` or none when they are given, and any valid identifier or none
    when they are not.
    """
    chosen = check_situation_kinds(kinds)
    if not chosen:
        raise InvalidArgument("situation_spells needs at least one kind of spell")
    return _spells(dates, chosen, None if episode_ids is None else tuple(episode_ids))


def employment_spells(
    *, dates: Dates | None = None, episode_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Employment]:
    """Spells of employment (työsuhde): open labour market, subsidised or self-employment."""
    ids = None if episode_ids is None else tuple(episode_ids)
    return _spells(dates, (Employment,), ids)  # type: ignore[return-value]


def education_spells(*, dates: Dates | None = None) -> st.SearchStrategy[Education]:
    """Spells of education or training (koulutus), degree-oriented or not, own or not."""
    return _spells(dates, (Education,), None)  # type: ignore[return-value]


def job_seeking_spells(*, dates: Dates | None = None) -> st.SearchStrategy[JobSeeking]:
    """Spells as a registered job seeker (työnhakijana)."""
    return _spells(dates, (JobSeeking,), None)  # type: ignore[return-value]


@st.composite
def _exit_situations(draw: st.DrawFn, date: pendulum.Date | None) -> ExitSituation:
    return ExitSituation(
        date=draw_date(draw, *_DEFAULT_DATES) if date is None else date,
        status=draw(codes(LeavingStatus)),
        in_education=draw(_COIN),
        source=draw(_SOURCES),
    )


def exit_situations(*, date: dt.date | None = None) -> st.SearchStrategy[ExitSituation]:
    """Situations recorded at an exit (tilanne lähdettäessä), on ``date`` if given.

    On its own an exit situation can be anything; :func:`participations` gives its
    leavers one that agrees with their spells, or none.
    """
    return _exit_situations(None if date is None else as_date(date))
