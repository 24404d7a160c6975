"""Strategies for participant records and whole datasets, valid by construction.

A participation is built in the order its invariants run: the periods inside the
programme period first, then the entry profile as of the first entry, the episodes
inside the participation, the situation spells around it (an employment pointing at
the id of a real episode), the events after the first entry and, for some leavers,
the situation recorded at the last exit, as the spells give it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    Answer,
    Dataset,
    EntryProfile,
    ExitReason,
    ExitSituation,
    Gender,
    InformationSource,
    IscedBand,
    LabourMarketStatus,
    LanguageSkill,
    OutcomeEvent,
    Participant,
    Participation,
    ParticipationPeriod,
    ReferralSource,
    ServiceEpisode,
    ServiceType,
    SituationSpell,
    derived_upon_leaving,
)
from ._basics import (
    ages,
    answers,
    as_date,
    check_period,
    codes,
    draw_date,
    draw_unemployment_start,
    optional,
    pseudonyms,
    texts,
)
from ._events import check_event_kinds, draw_event, draw_result_date
from ._programme import draw_programme
from ._situations import check_situation_kinds, draw_record_spells

__all__ = [
    "datasets",
    "draw_participation",
    "entry_profiles",
    "participants",
    "participation_periods",
    "participations",
    "service_episodes",
]

Period = tuple[pendulum.Date, pendulum.Date]
Kinds = tuple[type[OutcomeEvent], ...]
SpellKinds = tuple[type[SituationSpell], ...]
_DEFAULT_PERIOD = (pendulum.date(2014, 1, 1), pendulum.date(2027, 12, 31))
_PARTICIPANTS = st.builds(Participant, id=pseudonyms(), age_at_entry=ages())
_FOREIGN = st.sampled_from((Answer.REFUSED, *Answer))
_FOREIGN_NOT_NO = st.sampled_from((Answer.REFUSED, Answer.REFUSED, Answer.YES, Answer.NOT_ASKED))
# The unemployed are most participants, and most know since when.
_STATUSES = st.sampled_from((LabourMarketStatus.UNEMPLOYED, *LabourMarketStatus, None))
_MOSTLY = st.sampled_from((True, True, False))
_ENDS = st.sampled_from(("same day", "later", "later"))
_ENDS_OPEN = st.sampled_from(("same day", "later", "later", "open"))
_PERIOD_COUNTS = st.sampled_from((1, 2)) | st.integers(1, 3)


def participants() -> st.SearchStrategy[Participant]:
    """Participants (osallistuja): a pseudonym and an age, often at an ESF age limit."""
    return _PARTICIPANTS


def _draw_profile(draw: st.DrawFn, first_entry: pendulum.Date) -> EntryProfile:
    status = draw(_STATUSES)
    since = None
    if status is LabourMarketStatus.UNEMPLOYED and draw(_MOSTLY):
        since = draw_unemployment_start(draw, first_entry)
    asylum_seeker, third_country = draw(answers()), draw(answers())
    # An asylum seeker has a foreign background; a third-country national need not
    # (SFC2021 FAQ on EECO13-EECO15: the two are independent).
    implied = asylum_seeker is Answer.YES
    return EntryProfile(
        gender=draw(optional(codes(Gender))),
        labour_market_status=status,
        unemployed_since=since,
        in_education_or_training=draw(optional(st.booleans())),
        education=draw(optional(codes(IscedBand))),
        vocational_qualification=draw(optional(st.booleans())),
        language_skill=draw(optional(codes(LanguageSkill))),
        referral_source=draw(optional(codes(ReferralSource))),
        foreign_background=draw(_FOREIGN_NOT_NO if implied else _FOREIGN),
        third_country_national=third_country,
        asylum_seeker=asylum_seeker,
        disability=draw(answers()),
        minority=draw(answers()),
        homeless=draw(answers()),
        rural=draw(answers()),
        other_disadvantaged=draw(answers()),
    )


@st.composite
def _entry_profiles(draw: st.DrawFn, first_entry: pendulum.Date | None) -> EntryProfile:
    return _draw_profile(draw, first_entry or draw_date(draw, *_DEFAULT_PERIOD))


def entry_profiles(*, first_entry: dt.date | None = None) -> st.SearchStrategy[EntryProfile]:
    """Characteristics at first entry (lähtötilanne), with refused answers weighted in.

    The unemployment start of an unemployed person is often exactly at, or a day
    either side of, six and twelve months before ``first_entry`` (drawn when not
    given).
    """
    return _entry_profiles(None if first_entry is None else as_date(first_entry))


def _draw_end(
    draw: st.DrawFn, start: pendulum.Date, high: pendulum.Date, *, may_be_open: bool
) -> pendulum.Date | None:
    """The end of a stay or an episode: the same day, a later one, or open (ongoing)."""
    choice = draw(_ENDS_OPEN if may_be_open else _ENDS)
    if choice == "open":
        return None
    return start if choice == "same day" else draw_date(draw, start, high)


def _draw_periods(
    draw: st.DrawFn, low: pendulum.Date, high: pendulum.Date, count: int
) -> tuple[ParticipationPeriod, ...]:
    periods: list[ParticipationPeriod] = []
    cursor = low
    for number in range(1, count + 1):
        # The cursor is the day after the previous exit: an immediate re-entry is an edge.
        entry = draw_date(draw, cursor, high)
        exit = _draw_end(draw, entry, high, may_be_open=number == count)
        reason = None if exit is None else draw(optional(codes(ExitReason)))
        periods.append(ParticipationPeriod(entry=entry, exit=exit, exit_reason=reason))
        if exit is None or exit >= high:
            break
        cursor = exit.add(days=1)
    return tuple(periods)


@st.composite
def _participation_periods(draw: st.DrawFn, period: Period) -> ParticipationPeriod:
    return _draw_periods(draw, *period, 1)[0]


def participation_periods(
    *, period: tuple[dt.date, dt.date] | None = None
) -> st.SearchStrategy[ParticipationPeriod]:
    """Stays in the programme (osallistumisjakso) inside ``period``: open, same-day or longer."""
    return _participation_periods(_DEFAULT_PERIOD if period is None else check_period(period))


def _draw_episode(
    draw: st.DrawFn,
    start: pendulum.Date,
    last: pendulum.Date,
    services: tuple[ServiceType, ...],
    *,
    may_be_open: bool,
    episode_id: str | None,
) -> ServiceEpisode:
    service = draw(codes(ServiceType, among=services))
    return ServiceEpisode(
        service=service,
        start=start,
        end=_draw_end(draw, start, last, may_be_open=may_be_open),
        provider=draw(optional(texts())),
        label=draw(texts() if service is ServiceType.OTHER else optional(texts())),
        id=episode_id,
    )


@st.composite
def _service_episodes(
    draw: st.DrawFn, period: Period, services: tuple[ServiceType, ...]
) -> ServiceEpisode:
    start = draw_date(draw, *period)
    episode_id = draw(optional(pseudonyms()))
    return _draw_episode(draw, start, period[1], services, may_be_open=True, episode_id=episode_id)


def service_episodes(
    *,
    period: tuple[dt.date, dt.date] | None = None,
    services: Sequence[ServiceType] | None = None,
) -> st.SearchStrategy[ServiceEpisode]:
    """Service episodes (palvelujakso) inside ``period``, some ongoing, some of one day."""
    bounds = _DEFAULT_PERIOD if period is None else check_period(period)
    return _service_episodes(bounds, _services(services))


def draw_participation(
    draw: st.DrawFn,
    period: Period,
    services: tuple[ServiceType, ...],
    kinds: Kinds,
    participant_id: str | None = None,
    spell_kinds: SpellKinds | None = None,
) -> Participation:
    """Draw one participation inside ``period``; see :func:`participations`.

    ``spell_kinds`` are the kinds of situation spell (all by default).
    """
    low, high = period
    periods = _draw_periods(draw, low, high, draw(_PERIOD_COUNTS))
    first, last = periods[0].entry, periods[-1].exit
    count = draw(st.integers(0, 4)) if services else 0
    starts = sorted(draw_date(draw, first, last or high) for _ in range(count))
    ids = draw(st.lists(pseudonyms(), min_size=count, max_size=count, unique=True))
    episodes = tuple(
        _draw_episode(
            draw,
            start,
            last or high,
            services,
            may_be_open=last is None,
            episode_id=episode_id if draw(st.booleans()) else None,
        )
        for start, episode_id in zip(starts, ids, strict=True)
    )
    known = tuple(e.id for e in episodes if e.id is not None)
    spells = draw_record_spells(draw, check_situation_kinds(spell_kinds), first, last, high, known)
    events = tuple(
        draw_event(draw, kinds, _draw_event_date(draw, first, last, high))
        for _ in range(draw(st.integers(0, 4)) if kinds else 0)
    )
    record = Participation(
        participant=Participant(id=participant_id or draw(pseudonyms()), age_at_entry=draw(ages())),
        profile=_draw_profile(draw, first),
        periods=periods,
        episodes=episodes,
        situations=spells,
        events=events,
    )
    derived = derived_upon_leaving(record)
    if derived is None or not draw(st.booleans()):
        return record
    # The situation recorded at the last exit, as the spells give it.
    recorded = ExitSituation(
        date=derived.window[0],
        status=derived.status,
        in_education=derived.in_education,
        source=draw(codes(InformationSource)),
    )
    return attrs.evolve(record, exit_situation=recorded)


def _draw_event_date(
    draw: st.DrawFn, first: pendulum.Date, last: pendulum.Date | None, high: pendulum.Date
) -> pendulum.Date:
    if last is not None and draw(st.booleans()):
        return draw_result_date(draw, last)
    return draw_date(draw, first, high.add(years=1))


@st.composite
def _participations(
    draw: st.DrawFn,
    period: Period,
    services: tuple[ServiceType, ...],
    kinds: Kinds,
    spell_kinds: SpellKinds,
) -> Participation:
    return draw_participation(draw, period, services, kinds, spell_kinds=spell_kinds)


def _services(services: Sequence[ServiceType] | None) -> tuple[ServiceType, ...]:
    return tuple(ServiceType) if services is None else tuple(services)


def participations(
    *,
    period: tuple[dt.date, dt.date] | None = None,
    service_types: Sequence[ServiceType] | None = None,
    event_kinds: Sequence[type[OutcomeEvent]] | None = None,
    situation_kinds: Sequence[type[SituationSpell]] | None = None,
) -> st.SearchStrategy[Participation]:
    """One person's participation records (osallistuminen), valid by construction.

    Periods lie inside ``period`` (the programme period; 2014–2027 by default),
    with re-entries, same-day stays and open stays; episodes of ``service_types``
    lie inside the participation, ongoing ones only while it goes on; events of
    ``event_kinds`` (classes) come after the first entry, often at the edges of the
    result windows after the last exit. Spells of ``situation_kinds`` (classes)
    start before the first entry, during the participation, on the exit day, on the
    28th or 29th day after it or later; they are open, end before the exit, on it
    or later; an employment's ``via_episode`` names a real episode. Half of the
    leavers have a recorded exit situation, dated on the last exit and agreeing
    with their spells (:func:`hankemalli.derived_upon_leaving`). An empty sequence
    of service types, event kinds or situation kinds leaves the episodes, the
    events or the spells out.
    """
    bounds = _DEFAULT_PERIOD if period is None else check_period(period)
    return _participations(
        bounds,
        _services(service_types),
        check_event_kinds(event_kinds),
        check_situation_kinds(situation_kinds),
    )


@st.composite
def _datasets(
    draw: st.DrawFn,
    period: Period | None,
    sizes: tuple[int, int],
    services: tuple[ServiceType, ...],
    kinds: Kinds,
    spell_kinds: SpellKinds,
) -> Dataset:
    programme = draw_programme(draw, period, services)
    bounds = (programme.start, programme.end)
    count = draw(st.integers(*sizes))
    ids = draw(st.lists(pseudonyms(), min_size=count, max_size=count, unique=True))
    records = tuple(
        draw_participation(draw, bounds, services, kinds, i, spell_kinds=spell_kinds) for i in ids
    )
    return Dataset(programme=programme, participants=records)


def datasets(
    *,
    period: tuple[dt.date, dt.date] | None = None,
    min_participants: int = 0,
    max_participants: int = 5,
    service_types: Sequence[ServiceType] | None = None,
    event_kinds: Sequence[type[OutcomeEvent]] | None = None,
    situation_kinds: Sequence[type[SituationSpell]] | None = None,
) -> st.SearchStrategy[Dataset]:
    """Whole datasets (aineisto): a programme and its participant records.

    ``period`` fixes the programme period (drawn by :func:`programme_periods` by
    default); ``min_participants`` and ``max_participants`` bound the number of
    records, each with its own pseudonym; ``service_types``, ``event_kinds`` and
    ``situation_kinds`` choose what the pathways, the outcomes and the situations
    hold. See :func:`participations`.
    """
    if not 0 <= min_participants <= max_participants:
        raise InvalidArgument(
            "need 0 <= min_participants <= max_participants, "
            f"got {min_participants} and {max_participants}"
        )
    fixed = None if period is None else check_period(period)
    sizes = (min_participants, max_participants)
    return _datasets(
        fixed,
        sizes,
        _services(service_types),
        check_event_kinds(event_kinds),
        check_situation_kinds(situation_kinds),
    )
