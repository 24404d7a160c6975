"""hankemalli: the domain and the funders' figures of Finnish employment projects.

Models publicly funded employment and integration projects (hanke) run by Finnish
associations: programmes, pseudonymous participants, their pathways through
services and their outcomes, and computes the figures funders ask for.

``import hankemalli`` loads the model (re-exported here). The other core layers,
:mod:`hankemalli.rules`, :mod:`hankemalli.indicators` and :mod:`hankemalli.reporting`,
are loaded when first used (``hankemalli.indicators`` or ``from hankemalli import
indicators``), so a program that only reads or builds records starts fast.
The edges are imported on their own: :mod:`hankemalli.serialization` (JSON),
:mod:`hankemalli.testing` (Hypothesis strategies), :mod:`hankemalli.demo` (the
embedded demo dataset) and :mod:`hankemalli.cli` (``python -m hankemalli``).
"""

from importlib import import_module
from typing import TYPE_CHECKING

from ._version import __version__
from .model import (
    CODE_LISTS,
    EVENT_TAGS,
    INNOKYLA_FIELDS,
    SCHEMA_VERSION,
    SENSITIVE_CHARACTERISTICS,
    SITUATION_TAGS,
    Answer,
    Assessment,
    AssessmentKind,
    CertificateKind,
    CertificateObtained,
    ContactKind,
    ContractType,
    DataError,
    Dataset,
    Dimension,
    Education,
    EducationKind,
    ElementRole,
    EmbeddingStage,
    EmbeddingStep,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitReason,
    ExitSituation,
    Funder,
    FunderKind,
    Gender,
    ImprovementKind,
    InformationSource,
    Instrument,
    IscedBand,
    JobSeeking,
    LabourMarketStatus,
    LanguageSkill,
    LeavingStatus,
    OperatingModel,
    OrganisationKind,
    OutcomeEvent,
    Participant,
    Participation,
    ParticipationPeriod,
    Partner,
    PostExitContact,
    Problem,
    Programme,
    ProgrammingPeriod,
    QualificationGained,
    ReferralSource,
    Score,
    ServiceEpisode,
    ServiceType,
    Situation,
    SituationAfterSixMonths,
    SituationKind,
    SituationSpell,
    Target,
    TargetMetric,
    TargetPeriod,
    TransferabilityNote,
    TrialElsewhere,
    WorkingTime,
    derived_upon_leaving,
    format_path,
    programming_period_of,
    situation_six_months_after,
    situation_upon_leaving,
    status_on,
)
from .model._deprecated import deprecated_attribute

if TYPE_CHECKING:
    from . import indicators, reporting, rules

__all__ = [
    "CODE_LISTS",
    "EVENT_TAGS",
    "INNOKYLA_FIELDS",
    "SCHEMA_VERSION",
    "SENSITIVE_CHARACTERISTICS",
    "SITUATION_TAGS",
    "Answer",
    "Assessment",
    "AssessmentKind",
    "CertificateKind",
    "CertificateObtained",
    "ContactKind",
    "ContractType",
    "DataError",
    "Dataset",
    "Dimension",
    "Education",
    "EducationKind",
    "ElementRole",
    "EmbeddingStage",
    "EmbeddingStep",
    "Employment",
    "EmploymentKind",
    "EntryProfile",
    "ExitReason",
    "ExitSituation",
    "Funder",
    "FunderKind",
    "Gender",
    "ImprovementKind",
    "InformationSource",
    "Instrument",
    "IscedBand",
    "JobSeeking",
    "LabourMarketStatus",
    "LanguageSkill",
    "LeavingStatus",
    "OperatingModel",
    "OrganisationKind",
    "OutcomeEvent",
    "Participant",
    "Participation",
    "ParticipationPeriod",
    "Partner",
    "PostExitContact",
    "Problem",
    "Programme",
    "ProgrammingPeriod",
    "QualificationGained",
    "ReferralSource",
    "Score",
    "ServiceEpisode",
    "ServiceType",
    "Situation",
    "SituationAfterSixMonths",
    "SituationKind",
    "SituationSpell",
    "Target",
    "TargetMetric",
    "TargetPeriod",
    "TransferabilityNote",
    "TrialElsewhere",
    "WorkingTime",
    "__version__",
    "derived_upon_leaving",
    "format_path",
    "indicators",
    "programming_period_of",
    "reporting",
    "rules",
    "situation_six_months_after",
    "situation_upon_leaving",
    "status_on",
]


#: The layers loaded on first use (PEP 562), so that ``import hankemalli`` stays quick.
_LAZY_LAYERS = frozenset({"indicators", "reporting", "rules"})


def __getattr__(name: str) -> object:
    if name in _LAZY_LAYERS:
        # import_module binds the submodule as an attribute of this package, so
        # __getattr__ is not asked again.
        return import_module(f"{__name__}.{name}")
    # The version-1 event names, deprecated in 0.2.0 (see hankemalli.model._deprecated).
    return deprecated_attribute(__name__, name)


def __dir__() -> list[str]:
    return sorted(__all__)
