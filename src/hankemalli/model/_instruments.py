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
from attrs import field, frozen

from ._checks import (
    check_date,
    check_enum,
    check_text,
    check_texts,
    check_tuple_of,
    duplicates,
    listed,
    repeated_items,
)
from ._codes import AssessmentKind
from ._construction import as_date, as_texts, as_tuple
from ._errors import Problem, problem, raise_if_any
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
    stages: tuple[str, ...] = field(converter=as_texts)

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("id", self.id, "id.dimension")
        yield from check_text("name", self.name)
        yield from check_texts("stages", self.stages)
        if isinstance(self.stages, tuple):
            if len(self.stages) < 2:
                yield problem(("stages",), "dimension.too_few_stages", count=len(self.stages))
            yield from repeated_items("stages", self.stages, "item.stage")


def _dimensions(value: list[Dimension] | tuple[Dimension, ...]) -> tuple[Dimension, ...]:
    return as_tuple(value)


@frozen(kw_only=True)
class Instrument:
    """A staged-scale instrument (arviointiväline), such as a goal ladder.

    ``dimensions`` each have their ordered stages; their ids are unique. Describe
    your own scale: hankemalli ships no licensed instrument content.
    """

    id: str
    name: str
    dimensions: tuple[Dimension, ...] = field(converter=_dimensions)
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
        yield from identifier_problems("id", self.id, "id.instrument")
        yield from check_text("name", self.name)
        yield from check_text("description", self.description, optional=True, multiline=True)
        yield from check_tuple_of("dimensions", self.dimensions, Dimension)
        if isinstance(self.dimensions, tuple):
            if not self.dimensions:
                yield problem(("dimensions",), "instrument.no_dimensions")
            ids = ((i, d.id) for i, d in enumerate(self.dimensions) if isinstance(d, Dimension))
            for position, value, first in duplicates(ids):
                yield problem(
                    ("dimensions", position, "id"),
                    "id.duplicate",
                    what="id.dimension",
                    value=shown_safely(value),
                    list="dimensions",
                    first=first,
                )


@frozen(kw_only=True)
class Score:
    """The stage reached on one dimension (pistemäärä): an index into its stages, from 0."""

    dimension: str
    stage: int

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("dimension", self.dimension, "id.dimension")
        if type(self.stage) is not int or self.stage < 0:
            yield problem(("stage",), "score.stage_invalid", value=shown_safely(self.stage))


def _scores(value: list[Score] | tuple[Score, ...]) -> tuple[Score, ...]:
    return as_tuple(value)


@frozen(kw_only=True)
class Assessment:
    """One scoring of a participant on an instrument (arviointi).

    ``kind`` says whether it is the entry assessment (the baseline) or a later
    review; ``scores`` give the stage on each dimension scored, each dimension once.
    """

    instrument: str
    date: pendulum.Date = field(converter=as_date)
    kind: AssessmentKind
    scores: tuple[Score, ...] = field(converter=_scores)

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def stage(self, dimension: str) -> int | None:
        """The stage scored on ``dimension``; None if it was not scored."""
        for score in self.scores:
            if score.dimension == dimension:
                return score.stage
        return None

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("instrument", self.instrument, "id.instrument")
        yield from check_date("date", self.date)
        yield from check_enum("kind", self.kind, AssessmentKind)
        yield from check_tuple_of("scores", self.scores, Score)
        if isinstance(self.scores, tuple):
            if not self.scores:
                yield problem(("scores",), "assessment.no_scores")
            dims = ((i, s.dimension) for i, s in enumerate(self.scores) if isinstance(s, Score))
            for position, value, first in duplicates(dims):
                yield problem(
                    ("scores", position, "dimension"),
                    "assessment.duplicate_score",
                    value=shown_safely(value),
                    first=first,
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
            yield problem(
                ("assessments", index, "date"),
                "assessment.before_first_entry",
                date=str(assessment.date),
                entry=str(first_entry),
            )
        if assessment.kind is AssessmentKind.ENTRY:
            if assessment.instrument in entries:
                first = entries[assessment.instrument][0]
                yield problem(
                    ("assessments", index, "kind"),
                    "assessment.second_entry",
                    instrument=shown_safely(assessment.instrument),
                    first=first,
                )
            else:
                entries[assessment.instrument] = (index, assessment.date)
    for index, assessment in enumerate(assessments):
        entry = entries.get(assessment.instrument)
        if assessment.kind is AssessmentKind.REVIEW and entry and assessment.date < entry[1]:
            yield problem(
                ("assessments", index, "date"),
                "assessment.review_before_entry",
                date=str(assessment.date),
                entry=str(entry[1]),
            )


def assessment_problems(
    instruments: Iterable[Instrument], assessments: Iterable[tuple[int, Assessment]]
) -> Iterator[Problem]:
    """Problems of assessments against the dataset's instruments (paths under ``assessments``).

    The instrument must be one of the dataset's, each dimension one of the
    instrument's, and each stage one of the dimension's stages.
    """
    known: Mapping[str, Instrument] = {i.id: i for i in instruments}
    # Quoted, as values are: an id never passes for the term of "none".
    allowed = listed(shown_safely(i) for i in known) or "instrument.none"
    for index, assessment in assessments:
        instrument = known.get(assessment.instrument)
        if instrument is None:
            yield problem(
                ("assessments", index, "instrument"),
                "assessment.unknown_instrument",
                value=shown_safely(assessment.instrument),
                allowed=allowed,
            )
            continue
        stages = {d.id: d.stages for d in instrument.dimensions}
        for position, score in enumerate(assessment.scores):
            where = ("assessments", index, "scores", position)
            labels = stages.get(score.dimension)
            if labels is None:
                yield problem(
                    (*where, "dimension"),
                    "assessment.unknown_dimension",
                    instrument=shown_safely(instrument.id),
                    value=shown_safely(score.dimension),
                    allowed=listed(shown_safely(d) for d in stages),
                )
            elif score.stage >= len(labels):
                yield problem(
                    (*where, "stage"),
                    "assessment.stage_beyond_scale",
                    stage=shown_safely(score.stage),
                    count=len(labels),
                    dimension=shown_safely(score.dimension),
                    highest=len(labels) - 1,
                )
