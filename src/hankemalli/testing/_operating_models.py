"""Strategies for operating models, staged-scale instruments and assessments.

Valid by construction, like the other strategies: an operating model's embedding
steps come in date order, each organisation reaches each 4V step once and element
names are unique; an instrument's dimensions have unique ids and at least two
stages; assessments name a real dimension and stage, the entry assessment comes
first and reviews follow it, none before the first entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pendulum
from attrs import evolve
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    INNOKYLA_FIELDS,
    Assessment,
    AssessmentKind,
    Dataset,
    Dimension,
    ElementRole,
    EmbeddingStage,
    EmbeddingStep,
    Instrument,
    OperatingModel,
    Score,
    ServiceType,
    TransferabilityNote,
    TrialElsewhere,
)
from ._basics import check_period, codes, draw_date, optional, pseudonyms, texts
from ._events import check_event_kinds
from ._programme import draw_programme, partners
from ._records import draw_participation

__all__ = [
    "assessed_datasets",
    "assessments",
    "draw_assessments",
    "draw_operating_model",
    "embedding_steps",
    "instruments",
    "operating_models",
    "transferability_notes",
    "trials_elsewhere",
]

_DEFAULT_PERIOD = (pendulum.date(2014, 1, 1), pendulum.date(2027, 12, 31))
# The Innokylä fields that are a single text; the others are drawn one by one.
_TEXT_FIELDS = tuple(
    name
    for name, _ in INNOKYLA_FIELDS
    if name not in ("target_groups", "partners", "funders", "methods", "services")
)


@st.composite
def _dates(draw: st.DrawFn, low: pendulum.Date, high: pendulum.Date) -> pendulum.Date:
    return draw_date(draw, low, high)


def embedding_steps(
    *, period: tuple[dt.date, dt.date] | None = None
) -> st.SearchStrategy[EmbeddingStep]:
    """Steps of embedding a model (juurruttaminen), any 4V stage, dated inside ``period``."""
    low, high = _DEFAULT_PERIOD if period is None else check_period(period)
    return st.builds(
        EmbeddingStep,
        stage=codes(EmbeddingStage),
        date=_dates(low, high),
        organisation=texts(),
        note=optional(texts(multiline=True)),
    )


def transferability_notes() -> st.SearchStrategy[TransferabilityNote]:
    """Core and local elements of a model, with or without the context they depend on."""
    return st.builds(
        TransferabilityNote,
        element=texts(),
        role=codes(ElementRole),
        depends_on=optional(texts(multiline=True)),
    )


def trials_elsewhere() -> st.SearchStrategy[TrialElsewhere]:
    """Trials of a model elsewhere, with or without a known result."""
    low, high = _DEFAULT_PERIOD
    return st.builds(
        TrialElsewhere,
        place=texts(),
        start=_dates(low, high),
        result=optional(texts(multiline=True)),
    )


def _draw_texts(draw: st.DrawFn, complete: bool) -> tuple[str, ...]:
    return tuple(draw(st.lists(texts(), min_size=1 if complete else 0, max_size=3)))


def draw_operating_model(
    draw: st.DrawFn, services: tuple[ServiceType, ...], complete: bool
) -> OperatingModel:
    """Draw an operating model; see :func:`operating_models`."""
    low, high = _DEFAULT_PERIOD
    # Place and author are one line each; the descriptions may run to several.
    fields = {
        name: draw(texts(multiline=multi) if complete else optional(texts(multiline=multi)))
        for name in _TEXT_FIELDS
        for multi in (name not in ("place", "author"),)
    }
    steps = sorted(
        draw(
            st.lists(embedding_steps(), max_size=4, unique_by=lambda s: (s.stage, s.organisation))
        ),
        key=lambda s: s.date,
    )
    notes = draw(st.lists(transferability_notes(), max_size=4, unique_by=lambda n: n.element))
    trials = draw(st.lists(trials_elsewhere(), max_size=2))
    if complete:
        steps, notes, trials = _completed(steps, notes, trials)
    pool = list(services)
    return OperatingModel(
        id=draw(pseudonyms()),
        name=draw(texts()),
        target_groups=_draw_texts(draw, complete),
        partners=tuple(draw(st.lists(partners(), min_size=int(complete), max_size=2))),
        funders=_draw_texts(draw, complete),
        methods=_draw_texts(draw, complete),
        services=tuple(
            draw(st.lists(st.sampled_from(pool), min_size=int(complete), unique=True))
            if pool
            else ()
        ),
        started=draw(optional(_dates(low, high))),
        embedding=tuple(steps),
        transferability=tuple(notes),
        trials=tuple(trials),
        **fields,
    )


def _completed(
    steps: list[EmbeddingStep], notes: list[TransferabilityNote], trials: list[TrialElsewhere]
) -> tuple[list[EmbeddingStep], list[TransferabilityNote], list[TrialElsewhere]]:
    """Fill in what a transferability assessment would find missing.

    A permanent step, core and local elements (each local one with its context) and
    a trial with its result.
    """
    if not any(s.stage is EmbeddingStage.MADE_PERMANENT for s in steps):
        # Nobody has made it permanent yet, so any organisation is new; the latest
        # date keeps the steps in order.
        day = max([_DEFAULT_PERIOD[0], *(s.date for s in steps)])
        permanent = EmbeddingStep(
            stage=EmbeddingStage.MADE_PERMANENT, date=day, organisation="Kunta"
        )
        steps = [*steps, permanent]
    notes = [evolve(n, depends_on=n.depends_on or "konteksti") for n in notes]
    taken = {n.element for n in notes}
    for role in ElementRole:
        if not any(n.role is role for n in notes):
            name = next(f"{role} {i}" for i in range(len(taken) + 1) if f"{role} {i}" not in taken)
            notes.append(TransferabilityNote(element=name, role=role, depends_on="konteksti"))
    trials = [evolve(t, result=t.result or "käytössä") for t in trials] or [
        TrialElsewhere(place="Oulu", start=_DEFAULT_PERIOD[0], result="käytössä")
    ]
    return steps, notes, trials


@st.composite
def _operating_models(
    draw: st.DrawFn, services: tuple[ServiceType, ...], complete: bool
) -> OperatingModel:
    return draw_operating_model(draw, services, complete)


def operating_models(
    *, services: Sequence[ServiceType] | None = None, complete: bool = False
) -> st.SearchStrategy[OperatingModel]:
    """Operating models (toimintamalli), often with empty fields, steps and notes.

    ``services`` is the pool the model's services are drawn from (every kind by
    default). ``complete=True`` fills every Innokylä field, makes the model
    permanent somewhere, names core and local elements (each local one with its
    context) and a trial elsewhere with its result: nothing is missing.
    """
    pool = tuple(ServiceType) if services is None else tuple(services)
    if complete and not pool:
        raise InvalidArgument("a complete operating model needs at least one service kind")
    return _operating_models(pool, complete)


_STAGE_LABELS = st.lists(texts(), min_size=2, max_size=6, unique=True).map(tuple)


@st.composite
def _instruments(draw: st.DrawFn) -> Instrument:
    ids = draw(st.lists(pseudonyms(), min_size=1, max_size=4, unique=True))
    return Instrument(
        id=draw(pseudonyms()),
        name=draw(texts()),
        description=draw(optional(texts(multiline=True))),
        dimensions=tuple(
            Dimension(id=i, name=draw(texts()), stages=draw(_STAGE_LABELS)) for i in ids
        ),
    )


def instruments() -> st.SearchStrategy[Instrument]:
    """Staged-scale instruments: one to four dimensions of two to six stages each."""
    return _instruments()


def _draw_scores(draw: st.DrawFn, instrument: Instrument) -> tuple[Score, ...]:
    chosen = draw(
        st.lists(st.sampled_from(instrument.dimensions), min_size=1, unique_by=lambda d: d.id)
    )
    return tuple(
        Score(dimension=d.id, stage=draw(st.integers(0, len(d.stages) - 1))) for d in chosen
    )


def draw_assessments(
    draw: st.DrawFn, instrument: Instrument, first_entry: pendulum.Date, high: pendulum.Date
) -> tuple[Assessment, ...]:
    """Draw a person's assessments on ``instrument`` between ``first_entry`` and ``high``.

    Maybe an entry assessment; reviews on or after it (without one, anywhere).
    Sometimes reviews only, or an entry only; several reviews on one day happen.
    """
    entry = draw(optional(_dates(first_entry, high)))
    found = []
    if entry is not None:
        found.append(
            Assessment(
                instrument=instrument.id,
                date=entry,
                kind=AssessmentKind.ENTRY,
                scores=_draw_scores(draw, instrument),
            )
        )
    start = entry or first_entry
    for _ in range(draw(st.integers(0, 3))):
        found.append(
            Assessment(
                instrument=instrument.id,
                date=draw_date(draw, start, high),
                kind=AssessmentKind.REVIEW,
                scores=_draw_scores(draw, instrument),
            )
        )
    return tuple(draw(st.permutations(found)))


@st.composite
def _assessments(
    draw: st.DrawFn, instrument: Instrument, first_entry: pendulum.Date, high: pendulum.Date
) -> tuple[Assessment, ...]:
    return draw_assessments(draw, instrument, first_entry, high)


def assessments(
    instrument: Instrument, *, first_entry: dt.date, until: dt.date
) -> st.SearchStrategy[tuple[Assessment, ...]]:
    """One person's assessments on ``instrument``, dated from ``first_entry`` to ``until``."""
    low, high = check_period((first_entry, until))
    return _assessments(instrument, low, high)


@st.composite
def _assessed_datasets(draw: st.DrawFn, sizes: tuple[int, int]) -> Dataset:
    programme = draw_programme(draw, None, None)
    services, kinds = tuple(ServiceType), check_event_kinds(None)
    tools = draw(st.lists(instruments(), max_size=2, unique_by=lambda i: i.id))
    count = draw(st.integers(*sizes))
    ids = draw(st.lists(pseudonyms(), min_size=count, max_size=count, unique=True))
    records = []
    for pid in ids:
        record = draw_participation(draw, (programme.start, programme.end), services, kinds, pid)
        high = programme.end.add(years=1)
        found: list[Assessment] = []
        for tool in tools:
            found += draw_assessments(draw, tool, record.first_entry, high)
        records.append(evolve(record, assessments=tuple(found)))
    models = draw(st.lists(operating_models(), max_size=2, unique_by=lambda m: m.id))
    return Dataset(
        programme=programme,
        participants=tuple(records),
        operating_models=tuple(models),
        instruments=tuple(tools),
    )


def assessed_datasets(
    *, min_participants: int = 0, max_participants: int = 5
) -> st.SearchStrategy[Dataset]:
    """Datasets with operating models, instruments and the participants' assessments."""
    if not 0 <= min_participants <= max_participants:
        raise InvalidArgument(
            "need 0 <= min_participants <= max_participants, "
            f"got {min_participants} and {max_participants}"
        )
    return _assessed_datasets((min_participants, max_participants))
