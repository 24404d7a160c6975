"""The dataset (aineisto): a programme, its participant records and what it developed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

import pendulum
from attrs import field, frozen

from ._checks import all_different, check_tuple_of, duplicates
from ._construction import as_tuple
from ._errors import PathPart, Problem, problem, raise_if_any
from ._instruments import Instrument, assessment_problems
from ._operating_model import OperatingModel, unique_id_problems
from ._participation import Participation
from ._programme import Programme
from ._pseudonym import pseudonym_problems, shown_safely

__all__ = [
    "SCHEMA_VERSION",
    "Dataset",
    "all_inside_programme",
    "dataset_problems",
    "duplicate_id_problems",
    "inside_programme_problems",
    "instrument_reference_problems",
    "unique_id_problems",
]

#: The version of the JSON document schema this hankemalli reads and writes.
SCHEMA_VERSION = 2


def _records(value: list[Participation] | tuple[Participation, ...]) -> tuple[Participation, ...]:
    return as_tuple(value)


def _models(value: list[OperatingModel] | tuple[OperatingModel, ...]) -> tuple[OperatingModel, ...]:
    return as_tuple(value)


def _instruments(value: list[Instrument] | tuple[Instrument, ...]) -> tuple[Instrument, ...]:
    return as_tuple(value)


@frozen(kw_only=True)
class Dataset:
    """A programme and its participant records: the top-level document (aineisto).

    Invariants across records: participant ids are unique (one record per person
    per programme), and every participation period and service episode lies inside
    the programme period. Outcome events may come after the programme ended (the
    six-month follow-up does).

    ``operating_models`` are the models the programme developed (toimintamallit) and
    ``instruments`` the staged scales its participants are assessed on; ids are
    unique in each. Every assessment names one of the instruments, and scores only
    its dimensions, each within its stages.
    """

    schema_version: ClassVar[int] = SCHEMA_VERSION

    programme: Programme
    participants: tuple[Participation, ...] = field(default=(), converter=_records)
    operating_models: tuple[OperatingModel, ...] = field(default=(), converter=_models)
    instruments: tuple[Instrument, ...] = field(default=(), converter=_instruments)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, kind in (("operating_models", OperatingModel), ("instruments", Instrument)):
            problems.extend(check_tuple_of(name, getattr(self, name), kind))
        if not isinstance(self.programme, Programme):
            got = type(self.programme).__name__
            problems.append(problem(("programme",), "value.type", expected="Programme", got=got))
        problems.extend(check_tuple_of("participants", self.participants, Participation))
        if not problems:
            problems.extend(dataset_problems(self.programme, enumerate(self.participants)))
            problems.extend(
                unique_id_problems(
                    "operating_models",
                    enumerate(m.id for m in self.operating_models),
                    "id.operating_model",
                )
            )
            problems.extend(
                unique_id_problems(
                    "instruments", enumerate(i.id for i in self.instruments), "id.instrument"
                )
            )
            problems.extend(
                instrument_reference_problems(self.instruments, enumerate(self.participants))
            )
        raise_if_any(problems)

    def participant(self, participant_id: str) -> Participation:
        """The record of the participant with this pseudonym."""
        for record in self.participants:
            if record.id == participant_id:
                return record
        raise KeyError(participant_id)

    def operating_model(self, model_id: str) -> OperatingModel:
        """The operating model with this id."""
        for model in self.operating_models:
            if model.id == model_id:
                return model
        raise KeyError(model_id)

    def instrument(self, instrument_id: str) -> Instrument:
        """The instrument with this id."""
        for instrument in self.instruments:
            if instrument.id == instrument_id:
                return instrument
        raise KeyError(instrument_id)


def dataset_problems(
    programme: Programme | None, records: Iterable[tuple[int, Participation]]
) -> Iterator[Problem]:
    """Yield the problems across records of a dataset.

    ``records`` pairs each record with its index in the document, so that a reader
    that could build only some of the records (or not the programme: ``None``)
    still reports these problems for the ones it could, under their right paths.
    """
    listed = list(records)
    ids = [(index, r.id) for index, r in listed]
    if not all_different([pid for _, pid in ids]):  # nearly every dataset's are
        yield from duplicate_id_problems(ids)
    if programme is not None:
        yield from inside_programme_problems(programme, listed)


def inside_programme_problems(
    programme: Programme, records: Iterable[tuple[int, Participation]]
) -> Iterator[Problem]:
    """Yield a problem for each period or episode outside the programme period."""
    for index, record in records:
        if not all_inside_programme(programme, record):
            yield from (p.under("participants", index) for p in _inside(programme, record))


def all_inside_programme(programme: Programme, record: Participation) -> bool:
    """Whether every period and service episode of ``record`` lies inside the programme period.

    True exactly when :func:`inside_programme_problems` finds nothing in the record;
    nearly every record's do, and this answers in one loop, without a generator.
    """
    start, end, date = programme.start, programme.end, pendulum.Date
    for period in record.periods:
        entry, exit_ = period.entry, period.exit
        if isinstance(entry, date) and not start <= entry <= end:
            return False
        if isinstance(exit_, date) and not start <= exit_ <= end:
            return False
    for episode in record.episodes:
        first, last = episode.start, episode.end
        if isinstance(first, date) and not start <= first <= end:
            return False
        if isinstance(last, date) and not start <= last <= end:
            return False
    return True


def instrument_reference_problems(
    instruments: Iterable[Instrument], records: Iterable[tuple[int, Participation]]
) -> Iterator[Problem]:
    """Yield a problem for each assessment that does not fit the dataset's instruments."""
    listed = tuple(instruments)
    for index, record in records:
        if not record.assessments:  # nearly every record: nothing to fit
            continue
        found = assessment_problems(listed, enumerate(record.assessments))
        yield from (p.under("participants", index) for p in found)


def duplicate_id_problems(ids: Iterable[tuple[PathPart, object]]) -> Iterator[Problem]:
    """Yield a problem for each participant id used by more than one record."""
    for position, value, first in duplicates(ids):
        # An id refused as personal data (a henkilötunnus, say) is not repeated back.
        refused = any(pseudonym_problems("id", value))
        who: dict[str, str] = (
            {"who": "participant.this"}
            if refused
            else {"who": "participant.named", "value": shown_safely(value)}
        )
        yield problem(
            ("participants", position, "participant", "id"),
            "participant.duplicate",
            first=first,
            **who,
        )


def _inside(programme: Programme, record: Participation) -> Iterator[Problem]:
    # Each date in document order: where it is, the date, and what it is (a term).
    dates: list[tuple[tuple[PathPart, ...], object, str]] = []
    for index, period in enumerate(record.periods):
        dates.append((("periods", index, "entry"), period.entry, "date.entry"))
        dates.append((("periods", index, "exit"), period.exit, "date.exit"))
    for index, episode in enumerate(record.episodes):
        dates.append((("episodes", index, "start"), episode.start, "date.episode_start"))
        dates.append((("episodes", index, "end"), episode.end, "date.episode_end"))
    for path, day, what in dates:
        if isinstance(day, pendulum.Date) and not programme.contains(day):
            yield problem(
                path,
                "date.outside_programme",
                what=what,
                date=str(day),
                start=str(programme.start),
                end=str(programme.end),
            )
