"""Service episodes: the steps of a participant's pathway (palvelupolku)."""

from __future__ import annotations

from collections.abc import Iterator

import pendulum
from attrs import field, frozen

from ._checks import check_date, check_enum, check_optional_date, check_text, in_date_range
from ._codes import ServiceType
from ._construction import as_date, as_optional_date
from ._errors import Problem, problem, raise_if_any
from ._pseudonym import identifier_problems

__all__ = ["ServiceEpisode"]


@frozen(kw_only=True)
class ServiceEpisode:
    """One period in a service on the participant's pathway (palvelujakso).

    ``service`` is the kind of service; an ``OTHER`` service names itself in
    ``label``. ``end`` is ``None`` while the episode is ongoing. ``provider`` is
    the organisation that provided it (the programme's own organisation or a
    partner). ``id`` is optional and local to the participant; outcome events refer
    to it, e.g. an employment that came from a TET period. Like every text of a
    participant's record, ``provider`` and ``label`` hold no personal identity code,
    e-mail address or phone number.
    """

    service: ServiceType
    start: pendulum.Date = field(converter=as_date)
    end: pendulum.Date | None = field(default=None, converter=as_optional_date)
    provider: str | None = None
    label: str | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_if_any(self._problems())

    @property
    def is_open(self) -> bool:
        """True while the episode is ongoing (no end date yet)."""
        return self.end is None

    def covers(self, day: pendulum.Date) -> bool:
        """True if the participant was in this service on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)

    def _problems(self) -> Iterator[Problem]:
        yield from self._field_problems()
        yield from self._rule_problems()

    def _field_problems(self) -> Iterator[Problem]:
        # Only each field's type. The fast reader (serialization._fast) proves these
        # itself and runs only _rule_problems: a rule on a value goes there.
        yield from check_enum("service", self.service, ServiceType)
        yield from check_date("start", self.start)
        yield from check_optional_date("end", self.end)

    def _rule_problems(self) -> list[Problem]:
        # The rules across the fields, and on the texts' values. A list, not a
        # generator: the reader's fast path asks it of every episode.
        problems: list[Problem] = []
        start, end = self.start, self.end
        if end is not None and in_date_range(start) and in_date_range(end) and end < start:
            problems.append(
                problem(("end",), "episode.ends_before_start", end=str(end), start=str(start))
            )
        if self.provider is not None:
            problems += check_text("provider", self.provider, record=True)
        if self.label is not None:
            problems += check_text("label", self.label, record=True)
        elif self.service is ServiceType.OTHER:
            problems.append(problem(("label",), "label.missing_for_other", what="label.service"))
        if self.id is not None:
            problems += identifier_problems("id", self.id, "id.episode")
        return problems
