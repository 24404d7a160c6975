"""Participant records as frames: one row per participant, period, episode, spell or event.

Every frame but the participants' has one row per item of a record, linked to its
participant by the ``pseudonym`` column. The columns are the model's own fields, codes
as their text and dates as dates; a frame of no records has them all, with no rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pendulum

from ..indicators import Context, CountingRules, RecordView, ReportingPeriod
from ..model import (
    EVENT_TAGS,
    SITUATION_TAGS,
    DataError,
    Dataset,
    EntryProfile,
    Participant,
    Participation,
    ParticipationPeriod,
    Problem,
    ServiceEpisode,
    Situation,
)
from ..model._checks import is_pendulum_date
from ..model._errors import problem
from ._backend import make_frame
from ._columns import Columns, Kind, cell, columns_of, union_of

__all__ = [
    "EPISODE_COLUMNS",
    "EVENT_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "PERIOD_COLUMNS",
    "SITUATION_COLUMNS",
    "episodes",
    "events",
    "participants",
    "periods",
    "situations",
]

_PSEUDONYM: Columns = (("pseudonym", Kind.TEXT),)
_TYPE: Columns = (("type", Kind.TEXT),)
_PROFILE = columns_of(EntryProfile)
_RESULTS: Columns = tuple(
    (f"{when}_{what}", kind)
    for when in ("upon_leaving", "six_months")
    for what, kind in (
        ("status", Kind.TEXT),
        ("in_education", Kind.BOOLEAN),
        ("recorded", Kind.BOOLEAN),
    )
)

#: The participants frame: the pseudonym, the age at entry, every field of the entry
#: profile, the first entry and the last exit with its reason, and the situation upon
#: leaving and six months after (status, in education, recorded or derived).
PARTICIPANT_COLUMNS: Columns = (
    *_PSEUDONYM,
    *columns_of(Participant, leave_out=("id",)),
    *_PROFILE,
    ("first_entry", Kind.DATE),
    ("last_exit", Kind.DATE),
    ("exit_reason", Kind.TEXT),
    *_RESULTS,
)
#: The periods frame: the pseudonym and the fields of a participation period.
PERIOD_COLUMNS: Columns = (*_PSEUDONYM, *columns_of(ParticipationPeriod))
#: The episodes frame: the pseudonym and the fields of a service episode.
EPISODE_COLUMNS: Columns = (*_PSEUDONYM, *columns_of(ServiceEpisode))
#: The situations frame: the pseudonym, the spell's type and every spell's fields.
SITUATION_COLUMNS: Columns = (*_PSEUDONYM, *_TYPE, *union_of(SITUATION_TAGS.values()))
#: The events frame: the pseudonym, the event's type and every event's fields.
EVENT_COLUMNS: Columns = (*_PSEUDONYM, *_TYPE, *union_of(EVENT_TAGS.values()))


class _Table:
    """Columns filling up row by row; a row leaves out the fields it does not have."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.data: dict[str, list[object]] = {name: [] for name, _ in columns}

    def add(self, values: dict[str, object]) -> None:
        for name, column in self.data.items():
            column.append(cell(values.get(name)))

    def add_object(self, pseudonym: str, item: object) -> None:
        """A row of an item's fields, its JSON tag as its ``type``, and whose it is."""
        values = {name: getattr(item, name, None) for name, _ in self.columns}
        self.add({**values, "pseudonym": pseudonym, "type": getattr(item, "tag", None)})

    def frame(self, backend: object) -> Any:
        return make_frame(self.columns, self.data, backend)


def _records(source: Dataset | Iterable[Participation]) -> Iterator[Participation]:
    """The records of a dataset or an iterable, each checked to be a record."""
    listed = source.participants if isinstance(source, Dataset) else source
    problems: list[Problem] = []
    count = 0
    for index, record in enumerate(listed):
        if isinstance(record, Participation):
            yield record
            continue
        count += 1
        if len(problems) < DataError.LIMIT:  # never all of a million in memory
            got = type(record).__name__
            problems.append(problem((index,), "value.type", expected="Participation", got=got))
    if problems:
        raise DataError(problems, count=count)


def _context(
    source: Dataset | Iterable[Participation],
    as_of: dt.date,
    rules: CountingRules | None,
) -> Context:
    """What the records are seen as: known on ``as_of``, counted by ``rules``.

    The rules default to the programme's own for a dataset. No figure is computed, so
    the reporting period is only a formality: the day ``as_of``.
    """
    day = _day(as_of)
    if rules is None:
        rules = (
            CountingRules.for_programme(source.programme)
            if isinstance(source, Dataset)
            else CountingRules()
        )
    return Context(period=ReportingPeriod(start=day, end=day), as_of=day, rules=rules)


def _day(value: object) -> pendulum.Date:
    """``as_of`` as a pendulum Date: a ``datetime.date`` will do, a date-time will not."""
    if is_pendulum_date(value):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return pendulum.date(value.year, value.month, value.day)
    got = type(value).__name__
    raise DataError([problem(("as_of",), "value.type", expected="expected.date", got=got)])


def _views(
    source: Dataset | Iterable[Participation], ctx: Context | None
) -> Iterator[tuple[Participation, RecordView]]:
    """Each record with its view as known in ``ctx`` (everything if None)."""
    for record in _records(source):
        if ctx is None:
            yield record, _whole(record)
            continue
        view = ctx.see(record)
        if view is not None:
            yield record, view


def _known(
    source: Dataset | Iterable[Participation], as_of: dt.date | None
) -> Iterator[tuple[Participation, RecordView]]:
    """Each record with its view as known on ``as_of``, if given."""
    return _views(source, None if as_of is None else _context(source, as_of, None))


def _whole(record: Participation) -> RecordView:
    """The record as it is, every period, episode, spell and event known."""
    return RecordView(
        record,
        tuple((p.entry, p.exit) for p in record.periods),
        record.episodes,
        record.events,
        record.situations,
    )


def _items(
    source: Dataset | Iterable[Participation],
    as_of: dt.date | None,
    columns: Columns,
    backend: object,
    items: Callable[[RecordView], Iterable[object]],
) -> Any:
    """The frame of one kind of item of every record: one row each, as known on ``as_of``."""
    table = _Table(columns)
    for record, view in _known(source, as_of):
        for item in items(view):
            table.add_object(record.id, item)
    return table.frame(backend)


def _situation(prefix: str, situation: Situation | None) -> dict[str, object]:
    if situation is None:
        return {}
    return {
        f"{prefix}_status": situation.status,
        f"{prefix}_in_education": situation.in_education,
        f"{prefix}_recorded": situation.recorded,
    }


def participants(
    records_or_dataset: Dataset | Iterable[Participation],
    *,
    backend: object,
    as_of: dt.date,
    rules: CountingRules | None = None,
) -> Any:
    """The participants (osallistujat) as a frame: one row per person, as known on ``as_of``.

    ``records_or_dataset`` is a :class:`~hankemalli.Dataset` or any iterable of
    :class:`~hankemalli.Participation` records; ``as_of`` a pendulum or ``datetime``
    date (tilannepäivä). Each person who had entered by
    ``as_of`` has one row (:data:`PARTICIPANT_COLUMNS`): ``pseudonym``,
    ``age_at_entry``, every field of the entry profile (lähtötilanne) with codes as
    their text (``"female"``, ``"unemployed"``) and ``unemployed_since`` as a date,
    ``first_entry``, ``last_exit`` and ``exit_reason`` (null for a stayer, or for an
    exit after ``as_of``), then the situation upon leaving (tilanne lähdettäessä,
    ``upon_leaving_*``) and six months after (``six_months_*``): the labour-market
    status, whether in education or training, and whether it was recorded (a snapshot)
    rather than derived from the spells. These are the very situations the
    indicators count (:meth:`~hankemalli.indicators.RecordView.upon_leaving` and
    :meth:`~hankemalli.indicators.RecordView.six_months_after`), by ``rules`` (the
    programme's own for a dataset, else the defaults); null while not known.

    ``backend`` is ``"pandas"`` (a ``pandas.DataFrame`` with pyarrow-backed columns,
    so it needs pyarrow), ``"polars"`` (a ``polars.DataFrame``) or ``"pyarrow"`` (a
    ``pyarrow.Table``); the module itself or a narwhals ``Implementation`` will do.
    """
    ctx = _context(records_or_dataset, as_of, rules)
    table = _Table(PARTICIPANT_COLUMNS)
    for record, view in _views(records_or_dataset, ctx):
        last = view.last_exit
        row: dict[str, object] = {name: getattr(record.profile, name) for name, _ in _PROFILE}
        row.update(
            pseudonym=record.id,
            age_at_entry=record.participant.age_at_entry,
            first_entry=view.first_entry,
            last_exit=last,
            exit_reason=None if last is None else record.periods[len(view.periods) - 1].exit_reason,
        )
        row.update(_situation("upon_leaving", view.upon_leaving(ctx)))
        row.update(_situation("six_months", view.six_months_after(ctx)))
        table.add(row)
    return table.frame(backend)


def periods(
    records_or_dataset: Dataset | Iterable[Participation],
    *,
    backend: object,
    as_of: dt.date | None = None,
) -> Any:
    """The participation periods (osallistumisjaksot) as a frame: one row per stay.

    Columns (:data:`PERIOD_COLUMNS`): ``pseudonym``, ``entry``, ``exit`` and
    ``exit_reason``; a re-entry is a row of its own. With ``as_of``, only the stays
    entered by then, and an exit after it is not known yet (null). ``backend`` as
    for :func:`participants`.
    """
    table = _Table(PERIOD_COLUMNS)
    for record, view in _known(records_or_dataset, as_of):
        for (entry, exit_), period in zip(view.periods, record.periods, strict=False):
            reason = None if exit_ is None else period.exit_reason
            row = {"pseudonym": record.id, "entry": entry, "exit": exit_, "exit_reason": reason}
            table.add(row)
    return table.frame(backend)


def episodes(
    records_or_dataset: Dataset | Iterable[Participation],
    *,
    backend: object,
    as_of: dt.date | None = None,
) -> Any:
    """The service episodes (palvelujaksot) of the pathways as a frame: one row each.

    Columns (:data:`EPISODE_COLUMNS`): ``pseudonym``, then ``service`` (its code),
    ``start``, ``end`` (null while ongoing), ``provider``, ``label`` and ``id``, in
    each person's order of start. With ``as_of``, only the episodes begun by then,
    as the indicators see them. ``backend`` as for :func:`participants`.
    """
    return _items(records_or_dataset, as_of, EPISODE_COLUMNS, backend, lambda v: v.episodes)


def situations(
    records_or_dataset: Dataset | Iterable[Participation],
    *,
    backend: object,
    as_of: dt.date | None = None,
) -> Any:
    """The situation spells (tilanteet) as a frame: employment, education, job seeking.

    Columns (:data:`SITUATION_COLUMNS`): ``pseudonym``, ``type`` (the spell's JSON
    tag: ``employment``, ``education`` or ``job_seeking``), ``start``, ``end`` (null:
    still going on as far as the record knows), ``source`` and the fields of every
    kind of spell, null where a kind has no such field. With ``as_of``, only the
    spells begun by then. ``backend`` as for :func:`participants`.
    """
    return _items(records_or_dataset, as_of, SITUATION_COLUMNS, backend, lambda v: v.situations)


def events(
    records_or_dataset: Dataset | Iterable[Participation],
    *,
    backend: object,
    as_of: dt.date | None = None,
) -> Any:
    """The outcome events (tulostapahtumat) as a frame: one row per event.

    Columns (:data:`EVENT_COLUMNS`): ``pseudonym``, ``type`` (the event's JSON tag,
    e.g. ``qualification_gained``), ``date``, ``source`` and the fields of every kind
    of event (``kind``, ``label``, ``certificate``, ``situation``, ``improvement``),
    null where a kind has no such field. With ``as_of``, only the events dated by
    then. ``backend`` as for :func:`participants`.
    """
    return _items(records_or_dataset, as_of, EVENT_COLUMNS, backend, lambda v: v.events)
