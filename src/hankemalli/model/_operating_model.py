"""Operating models (toimintamalli), their embedding (juurruttaminen) and transferability.

An operating model is what a project developed and hopes others will take up: KAIKU's
rehabilitative work activity in an association network plus job coaching, PROSESSI's
language immersion (Kielikylpy). Its description follows the fields of the Finnish
model library Innokylä; its embedding follows the 4V model; its transferability notes
say which elements are core and which local, and where it has been tried elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pendulum
from attrs import field, frozen

from ._checks import (
    check_date,
    check_enum,
    check_optional_date,
    check_text,
    check_texts,
    check_tuple_of,
    duplicates,
    is_pendulum_date,
    repeated_items,
)
from ._codes import ElementRole, EmbeddingStage, ServiceType
from ._construction import as_date, as_optional_date, as_services, as_texts, as_tuple
from ._errors import Problem, problem, raise_if_any
from ._programme import Partner, as_partners
from ._pseudonym import identifier_problems, shown_safely

__all__ = [
    "INNOKYLA_FIELDS",
    "EmbeddingStep",
    "OperatingModel",
    "TransferabilityNote",
    "TrialElsewhere",
    "unique_id_problems",
]

#: The descriptive fields of an operating model as Innokylä asks for them, each with
#: its Finnish name there. An empty one is something a reader of the model misses.
INNOKYLA_FIELDS: tuple[tuple[str, str], ...] = (
    ("short_description", "toimintamallin lyhyt kuvaus"),
    ("basic_idea", "ratkaisun perusidea"),
    ("target_groups", "kohderyhmät"),
    ("operating_environment", "toimintaympäristö"),
    ("conditions_for_working", "toimivuuden edellytykset"),
    ("conditions_for_adoption", "käyttöönoton edellytykset"),
    ("resources", "resurssit"),
    ("partners", "toteuttajat ja kumppanit"),
    ("place", "toteutuspaikka"),
    ("funders", "toimintamallin rahoittaja"),
    ("author", "tekijä"),
    ("methods", "menetelmät"),
    ("services", "palvelut"),
)

# The descriptive fields that are free text of several lines; the rest are one line.
_DESCRIPTIONS = (
    "short_description",
    "basic_idea",
    "operating_environment",
    "conditions_for_working",
    "conditions_for_adoption",
    "resources",
)


@frozen(kw_only=True)
class EmbeddingStep:
    """One dated step of embedding a model in an organisation (juurruttamisen askel).

    ``stage`` is the 4V step reached (:class:`EmbeddingStage`), ``date`` the day it
    took effect, ``organisation`` the adopting organisation, and ``note`` says what
    was done. KAIKU: made permanent in the City of Joensuu from 2017-01-01.
    """

    stage: EmbeddingStage
    date: pendulum.Date = field(converter=as_date)
    organisation: str
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_enum("stage", self.stage, EmbeddingStage)
        yield from check_date("date", self.date)
        yield from check_text("organisation", self.organisation)
        yield from check_text("note", self.note, optional=True, multiline=True)


@frozen(kw_only=True)
class TransferabilityNote:
    """An element of a model and whether it travels as it is (siirrettävyyshuomio).

    A ``core`` element is kept wherever the model is used; a ``local`` one is adapted
    to the new site, and ``depends_on`` names the context it depends on (the city's
    own rehabilitative work activity, a network of associations…).
    """

    element: str
    role: ElementRole
    depends_on: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_text("element", self.element)
        yield from check_enum("role", self.role, ElementRole)
        yield from check_text("depends_on", self.depends_on, optional=True, multiline=True)


@frozen(kw_only=True)
class TrialElsewhere:
    """A trial of the model outside the project that developed it (kokeilu muualla).

    ``place`` says where (an organisation or a municipality), ``start`` when, and
    ``result`` what came of it; ``None`` while the result is not known.
    """

    place: str
    start: pendulum.Date = field(converter=as_date)
    result: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    def _problems(self) -> Iterator[Problem]:
        yield from check_text("place", self.place)
        yield from check_date("start", self.start)
        yield from check_text("result", self.result, optional=True, multiline=True)


def _steps(value: list[EmbeddingStep] | tuple[EmbeddingStep, ...]) -> tuple[EmbeddingStep, ...]:
    return as_tuple(value)


def _notes(
    value: list[TransferabilityNote] | tuple[TransferabilityNote, ...],
) -> tuple[TransferabilityNote, ...]:
    return as_tuple(value)


def _trials(value: list[TrialElsewhere] | tuple[TrialElsewhere, ...]) -> tuple[TrialElsewhere, ...]:
    return as_tuple(value)


@frozen(kw_only=True)
class OperatingModel:
    """An operating model a project developed (toimintamalli), described as in Innokylä.

    ``name`` and ``id`` are required; the descriptive fields of
    :data:`INNOKYLA_FIELDS` may be left empty while the description is being
    written, and a transferability assessment then says which are missing.
    ``services`` are the kinds of service the model consists of: the evidence for
    it compares the participants whose pathways used them with those who did not.
    ``started`` is when the model was first used. ``embedding`` holds its 4V steps
    in date order, ``transferability`` its core and local elements, and ``trials``
    where it has been tried elsewhere.
    """

    id: str
    name: str
    short_description: str | None = None
    basic_idea: str | None = None
    target_groups: tuple[str, ...] = field(default=(), converter=as_texts)
    operating_environment: str | None = None
    conditions_for_working: str | None = None
    conditions_for_adoption: str | None = None
    resources: str | None = None
    partners: tuple[Partner, ...] = field(default=(), converter=as_partners)
    place: str | None = None
    funders: tuple[str, ...] = field(default=(), converter=as_texts)
    author: str | None = None
    methods: tuple[str, ...] = field(default=(), converter=as_texts)
    services: tuple[ServiceType, ...] = field(default=(), converter=as_services)
    started: pendulum.Date | None = field(default=None, converter=as_optional_date)
    embedding: tuple[EmbeddingStep, ...] = field(default=(), converter=_steps)
    transferability: tuple[TransferabilityNote, ...] = field(default=(), converter=_notes)
    trials: tuple[TrialElsewhere, ...] = field(default=(), converter=_trials)

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    @property
    def permanent_steps(self) -> tuple[EmbeddingStep, ...]:
        """The embedding steps that made the model permanent somewhere (vakiinnutettu)."""
        return tuple(s for s in self.embedding if s.stage is EmbeddingStage.MADE_PERMANENT)

    def furthest_stage(self, organisation: str | None = None) -> EmbeddingStage | None:
        """The furthest 4V step reached (in ``organisation``, or anywhere); None if none."""
        stages = [s.stage for s in self.embedding if organisation in (None, s.organisation)]
        return max(stages, key=lambda stage: stage.rank, default=None)

    def empty_fields(self) -> tuple[str, ...]:
        """The Innokylä fields left empty (None or no items), in the order of the form."""
        return tuple(name for name, _ in INNOKYLA_FIELDS if getattr(self, name) in (None, ()))

    def _problems(self) -> Iterator[Problem]:
        yield from identifier_problems("id", self.id, "id.operating_model")
        yield from check_text("name", self.name)
        for name in ("place", "author"):
            yield from check_text(name, getattr(self, name), optional=True)
        for name in _DESCRIPTIONS:
            yield from check_text(name, getattr(self, name), optional=True, multiline=True)
        for name in ("target_groups", "funders", "methods"):
            yield from check_texts(name, getattr(self, name))
        yield from check_tuple_of("partners", self.partners, Partner)
        yield from check_tuple_of("services", self.services, ServiceType)
        yield from repeated_items("services", self.services, "item.service")
        yield from check_optional_date("started", self.started)
        yield from check_tuple_of("embedding", self.embedding, EmbeddingStep)
        yield from check_tuple_of("transferability", self.transferability, TransferabilityNote)
        yield from check_tuple_of("trials", self.trials, TrialElsewhere)
        if isinstance(self.embedding, tuple) and all(
            isinstance(s, EmbeddingStep) for s in self.embedding
        ):
            yield from self._embedding_problems()
        if isinstance(self.transferability, tuple):
            notes = enumerate(self.transferability)
            elements = ((i, n.element) for i, n in notes if isinstance(n, TransferabilityNote))
            for position, value, first in duplicates(elements):
                yield problem(
                    ("transferability", position, "element"),
                    "transferability.duplicate_element",
                    value=shown_safely(value),
                    first=first,
                )

    def _embedding_problems(self) -> Iterator[Problem]:
        previous: pendulum.Date | None = None
        for index, step in enumerate(self.embedding):
            if previous is not None and is_pendulum_date(step.date) and step.date < previous:
                yield problem(
                    ("embedding", index, "date"),
                    "embedding.order",
                    date=str(step.date),
                    previous=str(previous),
                )
            if is_pendulum_date(step.date):
                previous = step.date
        first_at: dict[tuple[EmbeddingStage, str], int] = {}
        for index, step in enumerate(self.embedding):
            key = (step.stage, step.organisation)
            if key in first_at:
                yield problem(
                    ("embedding", index),
                    "embedding.duplicate_step",
                    organisation=shown_safely(step.organisation),
                    stage=str(step.stage),
                    first=first_at[key],
                )
            else:
                first_at[key] = index


def unique_id_problems(
    name: str, ids: Iterable[tuple[int, object]], what: str
) -> Iterator[Problem]:
    """Yield a problem for each id used twice in the dataset's list ``name``.

    ``what`` names whose ids they are, as a term of :mod:`._terms` (``"id.instrument"``).
    """
    for position, value, first in duplicates(ids):
        yield problem(
            (name, position, "id"),
            "id.duplicate",
            what=what,
            value=shown_safely(value),
            list=name,
            first=first,
        )
