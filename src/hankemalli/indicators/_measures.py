"""Measures and keys: the numbers and groups an indicator reads off a record.

A :class:`Measure` gives one whole number per record (days, years), or ``None``
when it is unknown; a :class:`Key` puts a record into zero or more groups.
"""

from __future__ import annotations

from attrs import field, frozen

from ..model import ServiceType
from ._context import Context, RecordView
from ._selectors import _check_profile_field, _says_it_reads_period

__all__ = [
    "AgeAtEntry",
    "AgeBand",
    "ByAgeBand",
    "ByCharacteristic",
    "ByService",
    "DaysInService",
    "Key",
    "Measure",
    "UnemploymentDaysAtEntry",
]


class Measure:
    """Base of every measure: ``value`` is a whole number or None (unknown)."""

    __slots__ = ()

    #: The unit of the value, for labels ("days", "years").
    unit: str = ""

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """The record's value, or None if it is not known."""
        raise NotImplementedError

    def _reads_period(self) -> bool:
        """Whether a record's value may depend on the context's period (see ``Selector``)."""
        return True


def measure_reads_period(measure: Measure) -> bool:
    """Whether a measure's value may depend on the context's period (as :func:`reads_period`)."""
    return _says_it_reads_period(measure, "value")


@frozen(kw_only=True)
class AgeAtEntry(Measure):
    """Age in completed years at first entry (ikä tullessa)."""

    unit = "years"

    def _reads_period(self) -> bool:
        return False

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """The age at entry, if known."""
        return view.record.participant.age_at_entry


@frozen(kw_only=True)
class UnemploymentDaysAtEntry(Measure):
    """How long the unemployment going on at first entry had lasted, in days (työttömyyden kesto).

    Only for people unemployed at entry with a known start of unemployment.
    """

    unit = "days"

    def _reads_period(self) -> bool:
        return False

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """Days from the start of unemployment to the first entry."""
        since = view.record.profile.unemployed_since
        if since is None:
            return None
        return view.first_entry.toordinal() - since.toordinal()


@frozen(kw_only=True)
class DaysInService(Measure):
    """Days spent in episodes of the services, as known on as_of (palvelussa vietetyt päivät).

    Each episode counts from its start to its end, both included; an open one runs
    to as_of. Overlapping episodes of the same services count each day once. None
    for a record with no such episode.
    """

    services: tuple[ServiceType, ...]
    unit = "days"

    def _reads_period(self) -> bool:
        return False

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """Distinct days in the services."""
        spans = sorted(
            (e.start.toordinal(), view.episode_end(e, ctx.as_of).toordinal())
            for e in view.episodes
            if e.service in self.services
        )
        if not spans:
            return None
        total, reached = 0, spans[0][0] - 1
        for start, end in spans:
            if end > reached:
                total += end - max(start, reached + 1) + 1
                reached = end
        return total


class Key:
    """Base of every key: the groups a record belongs to."""

    __slots__ = ()

    def groups(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        """The record's groups (none, one or several)."""
        raise NotImplementedError

    def order(self) -> tuple[str, ...]:
        """The groups in their natural order, for tables; others follow sorted."""
        return ()

    def _reads_period(self) -> bool:
        """Whether a record's groups may depend on the context's period (see ``Selector``)."""
        return True


def key_reads_period(key: Key) -> bool:
    """Whether a key's groups may depend on the context's period (as :func:`reads_period`)."""
    return _says_it_reads_period(key, "groups")


@frozen(kw_only=True)
class ByCharacteristic(Key):
    """Group by an entry characteristic's code; unknown goes to ``"unknown"``."""

    name: str = field(validator=_check_profile_field)

    def _reads_period(self) -> bool:
        return False

    def groups(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        """The characteristic's code, or "unknown"."""
        value = getattr(view.record.profile, self.name)
        if value is None:
            return ("unknown",)
        if isinstance(value, bool):
            return ("yes" if value else "no",)
        return (str(value),)


@frozen(kw_only=True)
class AgeBand:
    """A labelled band of ages, both ends included (ikäryhmä)."""

    label: str
    minimum: int | None = None
    maximum: int | None = None

    def contains(self, age: int) -> bool:
        """True if ``age`` is in the band."""
        return (self.minimum is None or age >= self.minimum) and (
            self.maximum is None or age <= self.maximum
        )


#: The ESF+ age bands (2021–2027): below 18, 18–29, 30–54, 55 and over.
ESF_PLUS_AGE_BANDS = (
    AgeBand(label="0-17", maximum=17),
    AgeBand(label="18-29", minimum=18, maximum=29),
    AgeBand(label="30-54", minimum=30, maximum=54),
    AgeBand(label="55+", minimum=55),
)


@frozen(kw_only=True)
class ByAgeBand(Key):
    """Group by age band at first entry; unknown age goes to ``"unknown"``."""

    bands: tuple[AgeBand, ...] = ESF_PLUS_AGE_BANDS

    def _reads_period(self) -> bool:
        return False

    def groups(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        """The labels of the bands the age falls in."""
        age = view.record.participant.age_at_entry
        if age is None:
            return ("unknown",)
        return tuple(b.label for b in self.bands if b.contains(age))

    def order(self) -> tuple[str, ...]:
        """The bands in the order given."""
        return tuple(b.label for b in self.bands)


@frozen(kw_only=True)
class ByService(Key):
    """Group by the services a person used (a person may be in several groups)."""

    def _reads_period(self) -> bool:
        return False

    def groups(self, view: RecordView, ctx: Context) -> tuple[str, ...]:
        """The distinct services of the known episodes."""
        return tuple(sorted({str(e.service) for e in view.episodes}))

    def order(self) -> tuple[str, ...]:
        """Services in the code list's order."""
        return tuple(str(s) for s in ServiceType)
