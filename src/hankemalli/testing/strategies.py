"""Hypothesis strategies for hankemalli's model, valid by construction (strategiat).

Use them to test your own code on realistic records: every strategy builds its
objects in the order the model's invariants run, so nothing is filtered away, and
weights in the edge cases of the domain (re-entries, same-day stays, leap days,
ongoing episodes, spells that begin before entry or on the exit day and the 28th
and 29th day after it, open spells, the edges of the result windows, refused
answers, the long-term-unemployment and age limits). :func:`violations` builds documents that
break exactly one rule (:class:`hankemalli.testing.Violation`), for testing error
handling.

Needs the ``testing`` extra: ``pip install "hankemalli[testing]"``.
"""

from ._basics import AGE_EDGES, ages, answers, dates_between, pseudonyms, texts, unemployment_starts
from ._breakers import violations
from ._events import (
    EVENT_KINDS,
    certificate_obtained_events,
    outcome_events,
    post_exit_contact_events,
    qualification_gained_events,
    result_window_dates,
    situation_after_six_months_events,
)
from ._operating_models import (
    assessed_datasets,
    assessments,
    embedding_steps,
    instruments,
    operating_models,
    transferability_notes,
    trials_elsewhere,
)
from ._programme import funders, partners, programme_periods, programmes, targets
from ._records import (
    datasets,
    entry_profiles,
    participants,
    participation_periods,
    participations,
    service_episodes,
)
from ._situations import (
    SITUATION_KINDS,
    education_spells,
    employment_spells,
    exit_situations,
    job_seeking_spells,
    situation_spells,
)

__all__ = [
    "AGE_EDGES",
    "EVENT_KINDS",
    "SITUATION_KINDS",
    "ages",
    "answers",
    "assessed_datasets",
    "assessments",
    "certificate_obtained_events",
    "datasets",
    "dates_between",
    "education_spells",
    "embedding_steps",
    "employment_spells",
    "entry_profiles",
    "exit_situations",
    "funders",
    "instruments",
    "job_seeking_spells",
    "operating_models",
    "outcome_events",
    "participants",
    "participation_periods",
    "participations",
    "partners",
    "post_exit_contact_events",
    "programme_periods",
    "programmes",
    "pseudonyms",
    "qualification_gained_events",
    "result_window_dates",
    "service_episodes",
    "situation_after_six_months_events",
    "situation_spells",
    "targets",
    "texts",
    "transferability_notes",
    "trials_elsewhere",
    "unemployment_starts",
    "violations",
]
