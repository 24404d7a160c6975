"""Indicators: definitions as data, versioned catalogues and one-pass calculators (indikaattorit).

:func:`compute` takes any set of :class:`Indicator` definitions (a catalogue
such as :data:`ESF_PLUS_2021`, :data:`ESF_2014` or :data:`SEED_FIGURES`, or your
own built from the same blocks), any iterable of participant records, an explicit
reporting period and an ``as_of`` date, and returns :class:`Results` whose
figures keep their numerators and denominators.

For operating models, :func:`evidence` compares the participants whose pathways
used a model's services with those who did not, and :func:`assess_transferability`
says point by point what is documented, missing and supported. The change on
staged-scale instruments is an indicator like any other
(:func:`instrument_indicators`).
"""

from . import _messages  # noqa: F401  (registers the indicators' problem codes)
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
from ._esf import COMMON_CATALOGUES, ESF_2014, ESF_PLUS_2021, common_indicators, cumulative
from ._evidence import (
    EVIDENCE_CRITERIA,
    NO_DIRECTION,
    Comparison,
    Criterion,
    Direction,
    Evidence,
    EvidenceCalculation,
    ServiceUse,
    UsedModel,
    Verdict,
    evidence,
    evidence_criteria,
    share_within,
)
from ._explain import Explanation, Members, explain, members
from ._feed import feed
from ._figure import Figure, Statistic, combine, cumulative_total
from ._instruments import Assessed, Improved, StageChange, instrument_indicators
from ._intervals import Interval, newcombe_difference, welch_difference, wilson
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
from ._results import (
    IN_EMPLOYMENT,
    GainedQualification,
    InEducationUponLeaving,
    StatusSixMonthsAfter,
    StatusUponLeaving,
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
from ._transferability import (
    Point,
    PointStatus,
    TransferabilityAssessment,
    assess_transferability,
)

__all__ = [
    "COMMON_CATALOGUES",
    "ESF_2014",
    "ESF_PLUS_2021",
    "ESF_PLUS_AGE_BANDS",
    "EVIDENCE_CRITERIA",
    "IN_EMPLOYMENT",
    "NO_DIRECTION",
    "PLACEMENT_EVENTS",
    "SEED_FIGURES",
    "TARGET_INDICATORS",
    "AgeAtEntry",
    "AgeBand",
    "AgeBetween",
    "AllOf",
    "AnyOf",
    "Assessed",
    "Attainment",
    "AttainmentLevel",
    "AverageHeadcount",
    "ByAgeBand",
    "ByCharacteristic",
    "ByService",
    "Calculation",
    "Catalogue",
    "Characteristic",
    "Comparison",
    "Complete",
    "Context",
    "Count",
    "CountingRules",
    "Criterion",
    "DataSource",
    "DaysInService",
    "Direction",
    "Distribution",
    "Episodes",
    "EventMatch",
    "Events",
    "Everyone",
    "Evidence",
    "EvidenceCalculation",
    "Explanation",
    "Figure",
    "GainedQualification",
    "HadEvent",
    "HasEducation",
    "HasStatus",
    "Improved",
    "InEducationUponLeaving",
    "Indicator",
    "Interval",
    "Key",
    "Labels",
    "LongTermUnemployed",
    "LongTermUnemploymentRule",
    "Mean",
    "Measure",
    "Members",
    "Not",
    "PeakHeadcount",
    "Point",
    "PointStatus",
    "RecordView",
    "ReportingPeriod",
    "Results",
    "Run",
    "Scope",
    "Selector",
    "ServiceUse",
    "Share",
    "StageChange",
    "StartedWith",
    "Statistic",
    "StatisticSpec",
    "StatusSixMonthsAfter",
    "StatusUponLeaving",
    "Tally",
    "TransferabilityAssessment",
    "UnemploymentDaysAtEntry",
    "UsedModel",
    "UsedService",
    "Verdict",
    "Window",
    "assess_targets",
    "assess_transferability",
    "check_results",
    "combine",
    "common_indicators",
    "compute",
    "cumulative",
    "cumulative_total",
    "evidence",
    "evidence_criteria",
    "explain",
    "feed",
    "instrument_indicators",
    "members",
    "newcombe_difference",
    "share_within",
    "welch_difference",
    "wilson",
]
