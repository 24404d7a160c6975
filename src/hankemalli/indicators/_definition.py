"""Indicator definitions as data, and versioned catalogues of them (indikaattorit)."""

from __future__ import annotations

import warnings
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from enum import StrEnum, unique
from typing import TypeAlias

from attrs import field, frozen

from ..model import DataError
from ..model._checks import duplicates
from ..model._errors import problem, shown
from ._context import Scope
from ._selectors import Everyone, Selector, Window
from ._statistics import (
    AverageHeadcount,
    Count,
    Distribution,
    Episodes,
    Events,
    Mean,
    PeakHeadcount,
    Share,
)

__all__ = ["Catalogue", "DataSource", "Indicator", "Labels", "StatisticSpec"]

#: Any statistic an indicator can compute.
StatisticSpec: TypeAlias = (
    Count | Share | Mean | Distribution | Events | Episodes | AverageHeadcount | PeakHeadcount
)


@unique
class DataSource(StrEnum):
    """Where a figure comes from, as STEA asks every report to say (tiedon lähde)."""

    COLLECTED = "collected"  #: collected from every participant (kerätty tieto)
    SAMPLE = "sample"  #: from a sample (otos)
    ESTIMATE = "estimate"  #: an estimate (arvio)


@frozen(kw_only=True)
class Labels:
    """A name in Finnish (default), Swedish and English (nimi, namn, name)."""

    fi: str
    sv: str
    en: str

    def get(self, language: str = "fi") -> str:
        """The label in ``language`` (fi, sv or en)."""
        if language not in ("fi", "sv", "en"):
            raise ValueError(f"unknown language {language!r}; allowed: fi, sv, en")
        label: str = getattr(self, language)
        return label


@frozen(kw_only=True)
class Indicator:
    """An indicator's definition (indikaattorin määritelmä): data, not code.

    ``scope`` anchors the population to the reporting period (entered, active,
    left, ...); ``population`` narrows it; ``statistic`` says what is computed
    over it. ``within`` names the indicator whose population contains this one's
    (a subgroup, or results within leavers), for the aggregate checks.
    ``sensitive`` marks figures about special-category data, which published
    tables suppress below the threshold. ``source`` says where the figure comes
    from. ``reference`` cites the rule.
    """

    code: str
    labels: Labels
    statistic: StatisticSpec
    scope: Scope = Scope.ENTERED
    population: Selector = field(factory=Everyone)
    sensitive: bool = False
    source: DataSource = DataSource.COLLECTED
    within: str | None = None
    reference: str = ""

    @property
    def cumulative(self) -> bool:
        """True if the figure runs from the programme start (its total is the latest value).

        Counts of episodes or events dated inside the period are not cumulative,
        whoever they belong to: each period counts its own.
        """
        if (
            isinstance(self.statistic, Events | Episodes)
            and self.statistic.window is Window.IN_PERIOD
        ):
            return False
        return self.scope in (Scope.ENTERED_BY_END, Scope.LEFT_BY_END)

    @property
    def additive(self) -> bool:
        """True if the figures of disjoint periods combine into the figure of their union.

        They combine by :func:`combine`: counts, numerators and denominators add up,
        and a peak headcount takes the largest.

        Counts anchored to entry or exit, episodes and events dated in the period,
        and person-days are additive; people taking part during a period, or still
        taking part at its end, are not (one person may be counted in several).
        """
        if self.cumulative:
            return False
        if isinstance(self.statistic, AverageHeadcount | PeakHeadcount):
            return True
        if (
            isinstance(self.statistic, Events | Episodes)
            and self.statistic.window is Window.IN_PERIOD
        ):
            return True
        return self.scope in (Scope.ENTERED, Scope.LEFT)


@frozen(kw_only=True)
class Catalogue(Mapping[str, Indicator]):
    """A versioned set of indicators (indikaattoriluettelo), e.g. ESF+ 2021–2027.

    Indicator sets change between funding periods, so every catalogue names its
    version; codes are unique within it. ``title`` is the heading a report gives the
    set, naming it and its rule (e.g. "ESR-ohjelmakauden 2014–2020 yhteiset
    indikaattorit"); a catalogue put together with ``+`` has none.

    A catalogue is a read-only mapping from code to :class:`Indicator`, in catalogue
    order: ``catalogue["EECR04"]``, ``"EECR04" in catalogue``, ``len(catalogue)``,
    ``catalogue.get(code)``, ``keys()``, ``values()`` and ``items()``. Iterating a
    catalogue itself still gives its indicators, as in 0.1, with a
    :class:`DeprecationWarning`: from 0.3.0 it will give the codes, as any mapping
    does. Iterate ``values()`` (or :attr:`indicators`) for the indicators and
    ``keys()`` for the codes. Two catalogues are equal when their fields are, not
    merely their indicators.
    """

    name: str
    version: str
    indicators: tuple[Indicator, ...]
    description: str = ""
    title: Labels | None = None
    _index: dict[str, Indicator] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = [
            problem(("indicators", position), "catalogue.duplicate_code", indicator=shown(code))
            for position, code, _ in duplicates(
                (i, ind.code) for i, ind in enumerate(self.indicators)
            )
        ]
        codes = {ind.code for ind in self.indicators}
        problems += [
            problem(
                ("indicators", i, "within"),
                "catalogue.unknown_within",
                indicator=ind.code,
                within=shown(ind.within),
            )
            for i, ind in enumerate(self.indicators)
            if ind.within is not None and ind.within not in codes
        ]
        if problems:
            raise DataError(problems)
        object.__setattr__(self, "_index", {ind.code: ind for ind in self.indicators})

    def __iter__(self) -> Iterator[Indicator]:  # type: ignore[override]
        """The indicators, in catalogue order (deprecated: iterate ``values()``)."""
        warnings.warn(
            "iterating a Catalogue gives its indicators until 0.3.0 and then its codes, as "
            "any mapping does: iterate catalogue.values() for the indicators, "
            "catalogue.keys() for the codes",
            DeprecationWarning,
            stacklevel=2,
        )
        return iter(self.indicators)

    def keys(self) -> KeysView[str]:
        """The indicator codes, in catalogue order."""
        return self._index.keys()

    def values(self) -> ValuesView[Indicator]:
        """The indicators, in catalogue order."""
        return self._index.values()

    def items(self) -> ItemsView[str, Indicator]:
        """(code, indicator) pairs, in catalogue order."""
        return self._index.items()

    def __len__(self) -> int:
        return len(self.indicators)

    def __getitem__(self, code: str) -> Indicator:
        """The indicator with this code; :class:`KeyError` if the catalogue has none."""
        return self._index[code]

    def __contains__(self, code: object) -> bool:
        return code in self._index

    @property
    def codes(self) -> tuple[str, ...]:
        """The indicator codes in catalogue order."""
        return tuple(ind.code for ind in self.indicators)

    def __add__(self, other: Catalogue) -> Catalogue:
        return Catalogue(
            name=f"{self.name} + {other.name}",
            version=f"{self.version}+{other.version}",
            indicators=self.indicators + other.indicators,
        )
