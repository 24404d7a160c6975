"""Indicators: definitions as data, versioned catalogues and one-pass calculators (indikaattorit).

:func:`compute` takes any set of :class:`Indicator` definitions (a catalogue
such as :data:`ESF_PLUS_2021`, :data:`ESF_2014` or :data:`SEED_FIGURES`, or your
own built from the same blocks), any iterable of participant records, an explicit
reporting period and an ``as_of`` date, and returns :class:`Results` whose
figures keep their numerators and denominators.
"""

from ._checks import check_results
from ._context import (
    Context,
    CountingRules,
    LongTermUnemploymentRule,
    RecordView,
    ReportingPeriod,
    Scope,
)
from ._definition import Catalogue, DataSource, Indicator, Labels, StatisticSpec
from ._engine import Calculation, Results, Run, compute
from ._esf import ESF_2014, ESF_PLUS_2021, cumulative
from ._figure import Figure, Statistic, combine, cumulative_total
from ._measures import (
    ESF_PLUS_AGE_BANDS,
    AgeAtEntry,
    AgeBand,
    ByAgeBand,
    ByCharacteristic,
    ByService,
    DaysInService,
    Key,
    Measure,
    UnemploymentDaysAtEntry,
)
from ._seed import PLACEMENT_EVENTS, SEED_FIGURES
from ._selectors import (
    AgeBetween,
    AllOf,
    AnyOf,
    Characteristic,
    Complete,
    EventMatch,
    Everyone,
    HadEvent,
    HasEducation,
    HasStatus,
    LongTermUnemployed,
    Not,
    Selector,
    StartedWith,
    UsedService,
    Window,
)
from ._statistics import (
    AverageHeadcount,
    Count,
    Distribution,
    Episodes,
    Events,
    Mean,
    PeakHeadcount,
    Share,
    Tally,
)
from ._targets import TARGET_INDICATORS, Attainment, AttainmentLevel, assess_targets

__all__ = [
    "ESF_2014",
    "ESF_PLUS_2021",
    "ESF_PLUS_AGE_BANDS",
    "PLACEMENT_EVENTS",
    "SEED_FIGURES",
    "TARGET_INDICATORS",
    "AgeAtEntry",
    "AgeBand",
    "AgeBetween",
    "AllOf",
    "AnyOf",
    "Attainment",
    "AttainmentLevel",
    "AverageHeadcount",
    "ByAgeBand",
    "ByCharacteristic",
    "ByService",
    "Calculation",
    "Catalogue",
    "Characteristic",
    "Complete",
    "Context",
    "Count",
    "CountingRules",
    "DataSource",
    "DaysInService",
    "Distribution",
    "Episodes",
    "EventMatch",
    "Events",
    "Everyone",
    "Figure",
    "HadEvent",
    "HasEducation",
    "HasStatus",
    "Indicator",
    "Key",
    "Labels",
    "LongTermUnemployed",
    "LongTermUnemploymentRule",
    "Mean",
    "Measure",
    "Not",
    "PeakHeadcount",
    "RecordView",
    "ReportingPeriod",
    "Results",
    "Run",
    "Scope",
    "Selector",
    "Share",
    "StartedWith",
    "Statistic",
    "StatisticSpec",
    "Tally",
    "UnemploymentDaysAtEntry",
    "UsedService",
    "Window",
    "assess_targets",
    "check_results",
    "combine",
    "compute",
    "cumulative",
    "cumulative_total",
]
