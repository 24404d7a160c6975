"""Staged-scale instruments (vaiheittainen arviointiväline) and the assessments made with them.

Goal ladders (tavoiteportaat) and Work Star-like scales score a person on a few
dimensions (job search, motivation, basic skills…), each a ladder of stages from
stuck to self-reliant, at the start and again later; the change is the measure.
hankemalli bundles no licensed instrument: a project describes its own scale as an
:class:`Instrument`, and each participant's :class:`Assessment` scores it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pendulum
from attrs import frozen

from ._checks import (
    check_date,
    check_enum,
    check_text,
    check_texts,
    check_tuple_of,
    duplicates,
    listed,
)
from ._codes import AssessmentKind
from ._errors import Problem, raise_if_any, shown
from ._pseudonym import identifier_problems, shown_safely

__all__ = [
    "Assessment",
    "Dimension",
    "Instrument",
    "Score",
    "assessment_problems",
    "record_assessment_problems",
]


@frozen(kw_only=True)
class Dimension:
    """One dimension of a staged scale (ulottuvuus), with its stages in order.

    ``stages`` are the labels of the steps from the lowest (index 0, e.g. "stuck")
    to the highest (e.g. "self-reliant"); at least two, none twice. ``id`` is what
    an assessment's scores refer to.
    """

    id: str
    name: str
    stages: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("id", self.id, "dimension")
        yield from check_text("name", self.name)
        yield from check_texts("stages", self.stages)
        if isinstance(self.stages, tuple):
            if len(self.stages) < 2:
                yield Problem(
                    path=("stages",),
                    message=f"a staged scale needs at least two stages, got {len(self.stages)}",
                )
            for position, value, first in duplicates(enumerate(self.stages)):
                yield Problem(
                    path=("stages", position),
                    message=f"stage {shown(value)} is listed twice (first at index {first})",
                )


@frozen(kw_only=True)
class Instrument:
    """A staged-scale instrument (arviointiväline), such as a goal ladder.

    ``dimensions`` each have their ordered stages; their ids are unique. Describe
    your own scale: hankemalli ships no licensed instrument content.
    """

    id: str
    name: str
    dimensions: tuple[Dimension, ...]
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("id", self.id, "instrument")
        yield from check_text("name", self.name)
        yield from check_text("description", self.description, optional=True, multiline=True)
        yield from check_tuple_of("dimensions", self.dimensions, Dimension)
        if isinstance(self.dimensions, tuple):
            if not self.dimensions:
                yield Problem(path=("dimensions",), message="an instrument needs a dimension")
            ids = ((i, d.id) for i, d in enumerate(self.dimensions) if isinstance(d, Dimension))
            for position, value, first in duplicates(ids):
                yield Problem(
                    path=("dimensions", position, "id"),
                    message=f"dimension id {shown(value)} is used twice "
                    f"(first at dimensions[{first}])",
                )


@frozen(kw_only=True)
class Score:
    """The stage reached on one dimension (pistemäärä): an index into its stages, from 0."""

    dimension: str
    stage: int

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("dimension", self.dimension, "dimension")
        if type(self.stage) is not int or self.stage < 0:
            yield Problem(
                path=("stage",),
                message="expected a stage index from 0 (the lowest stage), "
                f"got {shown_safely(self.stage)}",
            )


@frozen(kw_only=True)
class Assessment:
    """One scoring of a participant on an instrument (arviointi).

    ``kind`` says whether it is the entry assessment (the baseline) or a later
    review; ``scores`` give the stage on each dimension scored, each dimension once.
    """

    instrument: str
    date: pendulum.Date
    kind: AssessmentKind
    scores: tuple[Score, ...]

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def stage(self, dimension: str) -> int | None:
        """The stage scored on ``dimension``; None if it was not scored."""
        for score in self.scores:
            if score.dimension == dimension:
                return score.stage
        return None

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("instrument", self.instrument, "instrument")
        yield from check_date("date", self.date)
        yield from check_enum("kind", self.kind, AssessmentKind)
        yield from check_tuple_of("scores", self.scores, Score)
        if isinstance(self.scores, tuple):
            if not self.scores:
                yield Problem(path=("scores",), message="an assessment needs at least one score")
            dims = ((i, s.dimension) for i, s in enumerate(self.scores) if isinstance(s, Score))
            for position, value, first in duplicates(dims):
                yield Problem(
                    path=("scores", position, "dimension"),
                    message=f"dimension {shown(value)} is scored twice (first at scores[{first}])",
                )


def record_assessment_problems(
    first_entry: pendulum.Date, assessments: tuple[Assessment, ...]
) -> Iterator[Problem]:
    """Problems among one participant's assessments (paths under ``assessments``).

    None is dated before the first entry; each instrument has at most one entry
    assessment, and no review of it comes before that entry assessment.
    """
    entries: dict[str, tuple[int, pendulum.Date]] = {}
    for index, assessment in enumerate(assessments):
        if assessment.date < first_entry:
            yield Problem(
                path=("assessments", index, "date"),
                message=f"an assessment cannot be dated ({assessment.date}) before the "
                f"first entry ({first_entry})",
            )
        if assessment.kind is AssessmentKind.ENTRY:
            if assessment.instrument in entries:
                first = entries[assessment.instrument][0]
                yield Problem(
                    path=("assessments", index, "kind"),
                    message=f"instrument {shown(assessment.instrument)} has a second entry "
                    f"assessment (first at assessments[{first}]); later ones are reviews",
                )
            else:
                entries[assessment.instrument] = (index, assessment.date)
    for index, assessment in enumerate(assessments):
        entry = entries.get(assessment.instrument)
        if assessment.kind is AssessmentKind.REVIEW and entry and assessment.date < entry[1]:
            yield Problem(
                path=("assessments", index, "date"),
                message=f"a review ({assessment.date}) cannot come before the entry "
                f"assessment of the same instrument ({entry[1]})",
            )


def assessment_problems(
    instruments: Iterable[Instrument], assessments: Iterable[tuple[int, Assessment]]
) -> Iterator[Problem]:
    """Problems of assessments against the dataset's instruments (paths under ``assessments``).

    The instrument must be one of the dataset's, each dimension one of the
    instrument's, and each stage one of the dimension's stages.
    """
    known: Mapping[str, Instrument] = {i.id: i for i in instruments}
    allowed = listed(known) or "none: the dataset describes no instrument"
    for index, assessment in assessments:
        instrument = known.get(assessment.instrument)
        if instrument is None:
            yield Problem(
                path=("assessments", index, "instrument"),
                message=f"no instrument has the id {shown(assessment.instrument)}; "
                f"known instruments: {allowed}",
            )
            continue
        stages = {d.id: d.stages for d in instrument.dimensions}
        for position, score in enumerate(assessment.scores):
            where = ("assessments", index, "scores", position)
            labels = stages.get(score.dimension)
            if labels is None:
                yield Problem(
                    path=(*where, "dimension"),
                    message=f"instrument {shown(instrument.id)} has no dimension "
                    f"{shown(score.dimension)}; its dimensions: {listed(stages)}",
                )
            elif score.stage >= len(labels):
                yield Problem(
                    path=(*where, "stage"),
                    message=f"stage {shown(score.stage)} is beyond the {len(labels)} stages of "
                    f"{shown(score.dimension)} (0 to {len(labels) - 1})",
                )
