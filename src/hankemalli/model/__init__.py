"""The domain model of hankemalli: programmes, participants, pathways and outcomes.

Also the operating models a programme developed (toimintamalli), with their embedding
and transferability, and the staged-scale instruments its participants are assessed on.

Frozen, keyword-only value objects that check their invariants when built and
raise :class:`DataError` with every problem found. No I/O, no clock, no
serialization: see :mod:`hankemalli.serialization` for the JSON form.
"""

from ._codes import (
    CODE_LISTS,
    Answer,
    AssessmentKind,
    CertificateKind,
    ContactKind,
    ContractType,
    EducationKind,
    ElementRole,
    EmbeddingStage,
    EmploymentKind,
    ExitReason,
    FunderKind,
    Gender,
    ImprovementKind,
    InformationSource,
    IscedBand,
    LabourMarketStatus,
    LanguageSkill,
    OrganisationKind,
    ReferralSource,
    ServiceType,
    SituationKind,
    TargetMetric,
    TargetPeriod,
    WorkingTime,
)
from ._dataset import SCHEMA_VERSION, Dataset
from ._errors import DataError, Problem, format_path
from ._events import (
    EVENT_TAGS,
    CertificateObtained,
    EducationStarted,
    EmploymentStarted,
    JobSearchStarted,
    OutcomeEvent,
    PostExitContact,
    QualificationGained,
    SituationAfterSixMonths,
)
from ._instruments import Assessment, Dimension, Instrument, Score
from ._operating_model import (
    INNOKYLA_FIELDS,
    EmbeddingStep,
    OperatingModel,
    TransferabilityNote,
    TrialElsewhere,
)
from ._participation import Participant, Participation, ParticipationPeriod
from ._pathway import ServiceEpisode
from ._profile import SENSITIVE_CHARACTERISTICS, EntryProfile
from ._programme import Funder, Partner, Programme, Target

__all__ = [
    "CODE_LISTS",
    "EVENT_TAGS",
    "INNOKYLA_FIELDS",
    "SCHEMA_VERSION",
    "SENSITIVE_CHARACTERISTICS",
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
    "EducationKind",
    "EducationStarted",
    "ElementRole",
    "EmbeddingStage",
    "EmbeddingStep",
    "EmploymentKind",
    "EmploymentStarted",
    "EntryProfile",
    "ExitReason",
    "Funder",
    "FunderKind",
    "Gender",
    "ImprovementKind",
    "InformationSource",
    "Instrument",
    "IscedBand",
    "JobSearchStarted",
    "LabourMarketStatus",
    "LanguageSkill",
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
    "QualificationGained",
    "ReferralSource",
    "Score",
    "ServiceEpisode",
    "ServiceType",
    "SituationAfterSixMonths",
    "SituationKind",
    "Target",
    "TargetMetric",
    "TargetPeriod",
    "TransferabilityNote",
    "TrialElsewhere",
    "WorkingTime",
    "format_path",
]
