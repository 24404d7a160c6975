"""The dataset (aineisto): a programme, its participant records and what it developed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from attrs import field, frozen

from ._checks import check_tuple_of, duplicates
from ._errors import PathPart, Problem, raise_if_any, shown
from ._instruments import Instrument, assessment_problems
from ._operating_model import OperatingModel, unique_id_problems
from ._participation import Participation
from ._programme import Programme
from ._pseudonym import pseudonym_problems

__all__ = [
    "SCHEMA_VERSION",
    "Dataset",
    "dataset_problems",
    "duplicate_id_problems",
    "inside_programme_problems",
    "instrument_reference_problems",
    "unique_id_problems",
]

#: The version of the JSON document schema this hankemalli reads and writes.
SCHEMA_VERSION = 2


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
    participants: tuple[Participation, ...] = field(default=())
    operating_models: tuple[OperatingModel, ...] = field(default=())
    instruments: tuple[Instrument, ...] = field(default=())

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, kind in (("operating_models", OperatingModel), ("instruments", Instrument)):
            problems.extend(check_tuple_of(name, getattr(self, name), kind))
        if not isinstance(self.programme, Programme):
            problems.append(Problem(path=("programme",), message="expected a Programme"))
        if not isinstance(self.participants, tuple):
            problems.append(Problem(path=("participants",), message="expected a tuple"))
        else:
            for index, record in enumerate(self.participants):
                if not isinstance(record, Participation):
                    problems.append(
                        Problem(path=("participants", index), message="expected a Participation")
                    )
        if not problems:
            problems.extend(dataset_problems(self.programme, enumerate(self.participants)))
            problems.extend(
                unique_id_problems(
                    "operating_models", enumerate(m.id for m in self.operating_models), "model"
                )
            )
            problems.extend(
                unique_id_problems(
                    "instruments", enumerate(i.id for i in self.instruments), "instrument"
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
    yield from duplicate_id_problems((index, r.id) for index, r in listed)
    if programme is not None:
        yield from inside_programme_problems(programme, listed)


def inside_programme_problems(
    programme: Programme, records: Iterable[tuple[int, Participation]]
) -> Iterator[Problem]:
    """Yield a problem for each period or episode outside the programme period."""
    for index, record in records:
        yield from (p.under("participants", index) for p in _inside(programme, record))


def instrument_reference_problems(
    instruments: Iterable[Instrument], records: Iterable[tuple[int, Participation]]
) -> Iterator[Problem]:
    """Yield a problem for each assessment that does not fit the dataset's instruments."""
    listed = tuple(instruments)
    for index, record in records:
        found = assessment_problems(listed, enumerate(record.assessments))
        yield from (p.under("participants", index) for p in found)


def duplicate_id_problems(ids: Iterable[tuple[PathPart, object]]) -> Iterator[Problem]:
    """Yield a problem for each participant id used by more than one record."""
    for position, value, first in duplicates(ids):
        # An id refused as personal data (a henkilötunnus, say) is not repeated back.
        refused = any(pseudonym_problems("id", value))
        who = "this participant" if refused else f"participant {shown(value)}"
        yield Problem(
            path=("participants", position, "participant", "id"),
            message=f"{who} appears twice (first at participants[{first}]); "
            "keep one record per person per programme and add a period for a re-entry",
        )


def _inside(programme: Programme, record: Participation) -> Iterator[Problem]:
    where = f"the programme period ({programme.start}–{programme.end})"
    for index, period in enumerate(record.periods):
        if not programme.contains(period.entry):
            yield Problem(
                path=("periods", index, "entry"),
                message=f"the entry ({period.entry}) is outside {where}",
            )
        if period.exit is not None and not programme.contains(period.exit):
            yield Problem(
                path=("periods", index, "exit"),
                message=f"the exit ({period.exit}) is outside {where}",
            )
    for index, episode in enumerate(record.episodes):
        if not programme.contains(episode.start):
            yield Problem(
                path=("episodes", index, "start"),
                message=f"the service episode starts ({episode.start}) outside {where}",
            )
        if episode.end is not None and not programme.contains(episode.end):
            yield Problem(
                path=("episodes", index, "end"),
                message=f"the service episode ends ({episode.end}) outside {where}",
            )
