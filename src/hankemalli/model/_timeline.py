"""Where was this person? The one place that answers it (tilanne päivänä tai jaksolla).

Every result indicator, the rules and ``explain`` ask these functions, so a rule
about a person's situation is written once:

- :func:`status_on`: the labour-market status on a day, from the spells;
- :func:`situation_upon_leaving`: the situation in the four weeks from the last exit
  (ESF "upon leaving"), from the recorded exit situation when there is one, else
  from the spells;
- :func:`situation_six_months_after`: the situation six months after leaving, from
  the recorded six-month situation when there is one, else from the spells.

Nothing dated after ``as_of`` is known: a calculation sees the record as it stood then.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pendulum
from attrs import frozen

from ._codes import LeavingStatus, SituationKind
from ._events import SituationAfterSixMonths
from ._participation import Participation
from ._situations import Education, Employment, JobSeeking, SituationSpell

__all__ = [
    "Situation",
    "derived_upon_leaving",
    "situation_six_months_after",
    "situation_upon_leaving",
    "status_on",
    "upon_leaving_window",
]

#: The ESF's "upon leaving": the exit day and the 28 days after it (four weeks).
UPON_LEAVING_DAYS = 28


@frozen(kw_only=True)
class Situation:
    """A person's situation as decided for a result (tilanne), with what decided it.

    ``status`` is the one labour-market status that counts (the last one in the
    window: employment and job searching are mutually exclusive); ``in_education``
    says whether the person was in education or training other than the
    operation's own. ``window`` is the first and last day looked at, ``day`` the day
    whose status counts (the window's last day, or ``as_of`` if earlier).
    ``recorded`` is true when the situation comes from a recorded snapshot (the exit
    situation or the six-month follow-up) rather than from the spells;
    ``status_spell`` and ``education_spell`` are the spells that decided, if any.
    """

    status: LeavingStatus
    in_education: bool
    window: tuple[pendulum.Date, pendulum.Date]
    day: pendulum.Date
    recorded: bool
    status_spell: SituationSpell | None = None
    education_spell: Education | None = None

    @property
    def in_employment(self) -> bool:
        """True if employed, including self-employed."""
        return self.status.in_employment

    def describe(self) -> str:
        """A one-line account of the situation and where it comes from, for an auditor."""
        low, high = self.window
        if self.recorded:
            origin = "as recorded"
        elif self.status_spell is not None:
            spell = self.status_spell
            end = "open" if spell.end is None else str(spell.end)
            origin = f"from the {spell.tag} spell {spell.start}–{end}"
        else:
            origin = "from the spells: no employment or job-seeking spell on that day"
        education = "in education or training" if self.in_education else "not in education"
        return f"{self.status} on {self.day} (window {low}–{high}), {origin}; {education}"


def status_on(
    spells: Iterable[SituationSpell], day: pendulum.Date
) -> tuple[LeavingStatus, SituationSpell | None]:
    """The labour-market status on ``day`` and the spell that gives it.

    Employment (including subsidised work and self-employment) outranks job
    seeking, since an employed person is not unemployed; a person with neither is
    outside the labour force (inactive). Of several spells of one kind, the one that
    began last decides.
    """
    job: Employment | None = None
    seeking: JobSeeking | None = None
    for spell in spells:
        if not spell.covers(day):
            continue
        if isinstance(spell, Employment):
            if job is None or spell.start >= job.start:
                job = spell
        elif isinstance(spell, JobSeeking) and (seeking is None or spell.start >= seeking.start):
            seeking = spell
    if job is not None:
        return job.status, job
    if seeking is not None:
        return LeavingStatus.JOB_SEARCHING, seeking
    return LeavingStatus.INACTIVE, None


def _education_in(
    spells: Iterable[SituationSpell], low: pendulum.Date, high: pendulum.Date
) -> Education | None:
    """The education or training spell, not the operation's own, going on from low to high."""
    found: Education | None = None
    for spell in spells:
        if (
            isinstance(spell, Education)
            and not spell.own_training
            and spell.overlaps(low, high)
            and (found is None or spell.start >= found.start)
        ):
            found = spell
    return found


def _from_spells(
    spells: Iterable[SituationSpell],
    window: tuple[pendulum.Date, pendulum.Date],
    day: pendulum.Date,
    education_from: pendulum.Date,
) -> Situation:
    """The situation the spells give: the status on ``day``, education from a day to it."""
    spells = tuple(spells)
    if spells:
        status, spell = status_on(spells, day)
        education = _education_in(spells, education_from, day)
    else:  # no spell: outside the labour force, not in education (as status_on says)
        status, spell, education = LeavingStatus.INACTIVE, None, None
    return Situation(
        status=status,
        in_education=education is not None,
        window=window,
        day=day,
        recorded=False,
        status_spell=spell,
        education_spell=education,
    )


def upon_leaving_window(
    exit_: pendulum.Date, days: int = UPON_LEAVING_DAYS
) -> tuple[pendulum.Date, pendulum.Date]:
    """The exit day and the ``days`` after it, both ends included (ESF: 28 days)."""
    return exit_, days_later(exit_, days)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def days_later(day: pendulum.Date, days: int) -> pendulum.Date:
    """``day`` plus ``days`` days: what pendulum's ``add(days=...)`` gives, by the ordinal.

    A tenth of pendulum's cost, and remembered by date and type (a fifth of that
    again): the situations are worked out for every leaver, and leavers share their
    exit dates (issue 14).
    """
    return type(day).fromordinal(day.toordinal() + days)


@functools.lru_cache(maxsize=1 << 16)
def months_later(day: pendulum.Date, months: int) -> pendulum.Date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (pendulum's ``add``).

    Remembered by date: pendulum's month arithmetic is slow, and leavers share their
    exit dates, so a calendar's worth of dates covers any number of records (issue 14).
    """
    return day.add(months=months)


def last_exit_known(record: Participation, as_of: pendulum.Date | None) -> pendulum.Date | None:
    """The last exit as known on ``as_of`` (viimeisin tiedossa oleva lähtö); None for a stayer.

    A person who left and comes back after ``as_of`` had, as known on ``as_of``, left
    on that earlier exit: their situation upon leaving is the one after it, not
    unknown until the later exit. Without ``as_of``, the record's last exit.
    """
    if as_of is None:
        return record.last_exit
    periods = record.periods
    if len(periods) == 1:  # most records: no list to build
        last = periods[0]
        if last.entry > as_of:
            return None
    else:
        known = [p for p in periods if p.entry <= as_of]
        if not known:
            return None
        last = known[-1]
    exit_ = last.exit
    return exit_ if exit_ is not None and exit_ <= as_of else None


def derived_upon_leaving(
    record: Participation, *, as_of: pendulum.Date | None = None, days: int = UPON_LEAVING_DAYS
) -> Situation | None:
    """The situation upon leaving as the spells give it, ignoring any recorded snapshot.

    None while the person has not left (as known on ``as_of``). The status is the
    last one in the window, i.e. the status on the window's last day (or on
    ``as_of``, if earlier); the person is in education if a spell of education or
    training other than the operation's own goes on on any day of the window.
    """
    exit_ = last_exit_known(record, as_of)
    if exit_ is None:
        return None
    low, high = upon_leaving_window(exit_, days)
    day = high if as_of is None else min(high, as_of)
    return _from_spells(record.situations, (low, high), day, low)


def situation_upon_leaving(
    record: Participation, *, as_of: pendulum.Date | None = None, days: int = UPON_LEAVING_DAYS
) -> Situation | None:
    """The situation upon leaving (tilanne lähdettäessä); None for a stayer.

    The situation recorded at the last exit is the source when there is one
    (Finnish ESF monitoring records it as a snapshot); otherwise it is derived from
    the spells (:func:`derived_upon_leaving`). The snapshot belongs to the record's
    last exit: while a later exit is not yet known on ``as_of`` (the person left,
    and comes back after ``as_of``), the situation is derived from the spells.
    """
    derived = derived_upon_leaving(record, as_of=as_of, days=days)
    snapshot = record.exit_situation
    if derived is None or snapshot is None or last_exit_known(record, as_of) != record.last_exit:
        return derived
    return Situation(
        status=snapshot.status,
        in_education=snapshot.in_education,
        window=derived.window,
        day=derived.day,
        recorded=True,
    )


_FROM_KIND = {
    SituationKind.EMPLOYED: LeavingStatus.EMPLOYED,
    SituationKind.SELF_EMPLOYED: LeavingStatus.SELF_EMPLOYED,
    SituationKind.JOB_SEARCHING: LeavingStatus.JOB_SEARCHING,
    SituationKind.INACTIVE: LeavingStatus.INACTIVE,
    SituationKind.IN_EDUCATION: LeavingStatus.INACTIVE,
}


def situation_six_months_after(
    record: Participation,
    *,
    as_of: pendulum.Date | None = None,
    follow_up_days: int = UPON_LEAVING_DAYS,
) -> Situation | None:
    """The situation six months after leaving (tilanne kuuden kuukauden kuluttua).

    The date is six calendar months after the last exit known on ``as_of``
    (:func:`last_exit_known`; clamped to the month's
    end). A recorded six-month situation dated from that date to ``follow_up_days``
    after it is the source (the last such, if several); otherwise the status on the
    six-month date is derived from the spells. None for a stayer, or while the date
    has not come (as known on ``as_of``).
    """
    exit_ = last_exit_known(record, as_of)
    if exit_ is None:
        return None
    six = months_later(exit_, 6)
    high = days_later(six, follow_up_days)
    known = high if as_of is None else min(high, as_of)
    recorded = [
        e
        for e in record.events
        if isinstance(e, SituationAfterSixMonths) and six <= e.date <= known
    ]
    if recorded:
        latest = max(recorded, key=lambda e: e.date)
        return Situation(
            status=_FROM_KIND[latest.situation],
            in_education=latest.situation is SituationKind.IN_EDUCATION,
            window=(six, high),
            day=latest.date,
            recorded=True,
        )
    if as_of is not None and six > as_of:
        return None
    # Six months on, only a spell whose end is recorded on or after the date shows the
    # situation then; an open spell says only that nothing more was recorded.
    evidence = [spell for spell in record.situations if spell.end is not None]
    return _from_spells(evidence, (six, high), six, six)
