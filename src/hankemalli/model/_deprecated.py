"""The version-1 outcome events that became situation spells, kept as deprecated names.

``EmploymentStarted``, ``EducationStarted`` and ``JobSearchStarted`` were point
events until 0.2.0; the ESF counts a situation, so they are now the spells
:class:`~hankemalli.Employment`, :class:`~hankemalli.Education` and
:class:`~hankemalli.JobSeeking`. Each old name still builds the spell it became
(an open spell from the event's date, the same reading as the version-1 migration),
with a :class:`DeprecationWarning`; the names go in 0.3.0.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from ._situations import Education, Employment, JobSeeking, SituationSpell

__all__ = ["DEPRECATED_EVENTS", "deprecated_attribute", "deprecated_event"]

#: Old event name → the spell class it became.
DEPRECATED_EVENTS: dict[str, type[SituationSpell]] = {
    "EmploymentStarted": Employment,
    "EducationStarted": Education,
    "JobSearchStarted": JobSeeking,
}


def deprecated_event(name: str) -> Callable[..., SituationSpell]:
    """A factory under the old event name that warns and builds the open spell."""
    spell = DEPRECATED_EVENTS[name]

    def build(*, date: Any, **fields: Any) -> SituationSpell:
        warnings.warn(
            f"{name} is deprecated: an outcome that lasts is a situation spell; "
            f"use {spell.__name__}(start=..., end=...) in Participation.situations",
            DeprecationWarning,
            stacklevel=2,
        )
        return spell(start=date, **fields)

    build.__name__ = build.__qualname__ = name
    build.__doc__ = f"Deprecated: builds an open :class:`{spell.__name__}` spell."
    return build


def deprecated_attribute(module: str, name: str) -> object:
    """A module's ``__getattr__``: the deprecated event names, else an AttributeError."""
    if name in DEPRECATED_EVENTS:
        return deprecated_event(name)
    raise AttributeError(f"module {module!r} has no attribute {name!r}")
