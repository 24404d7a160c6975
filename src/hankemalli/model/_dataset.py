"""The dataset (aineisto): a programme and its participant records, one document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from attrs import field, frozen

from ._checks import duplicates
from ._errors import PathPart, Problem, raise_if_any
from ._participation import Participation
from ._programme import Programme
from ._pseudonym import pseudonym_problems

__all__ = [
    "SCHEMA_VERSION",
    "Dataset",
    "dataset_problems",
    "duplicate_id_problems",
    "inside_programme_problems",
]

#: The version of the JSON document schema this hankemalli reads and writes.
SCHEMA_VERSION = 1


@frozen(kw_only=True)
class Dataset:
    """A programme and its participant records: the top-level document (aineisto).

    Invariants across records: participant ids are unique (one record per person
    per programme), and every participation period and service episode lies inside
    the programme period. Outcome events may come after the programme ended (the
    six-month follow-up does).
    """

    schema_version: ClassVar[int] = SCHEMA_VERSION

    programme: Programme
    participants: tuple[Participation, ...] = field(default=())

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
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
        raise_if_any(problems)

    def participant(self, participant_id: str) -> Participation:
        """The record of the participant with this pseudonym."""
        for record in self.participants:
            if record.id == participant_id:
                return record
        raise KeyError(participant_id)


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


def duplicate_id_problems(ids: Iterable[tuple[PathPart, object]]) -> Iterator[Problem]:
    """Yield a problem for each participant id used by more than one record."""
    for position, value, first in duplicates(ids):
        # An id refused as personal data (a henkilötunnus, say) is not repeated back.
        who = (
            "this participant" if any(pseudonym_problems("id", value)) else f"participant {value!r}"
        )
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
