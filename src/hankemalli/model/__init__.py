"""The domain model of hankemalli: programmes, participants, pathways and outcomes.

Frozen, keyword-only value objects that check their invariants when built and
raise :class:`DataError` with every problem found. No I/O, no clock, no
serialization: see :mod:`hankemalli.serialization` for the JSON form.
"""

from ._codes import (
    CODE_LISTS,
    Answer,
    CertificateKind,
    ContactKind,
    ContractType,
    EducationKind,
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
from ._participation import Participant, Participation, ParticipationPeriod
from ._pathway import ServiceEpisode
from ._profile import SENSITIVE_CHARACTERISTICS, EntryProfile
from ._programme import Funder, Partner, Programme, Target

__all__ = [
    "CODE_LISTS",
    "EVENT_TAGS",
    "SCHEMA_VERSION",
    "SENSITIVE_CHARACTERISTICS",
    "Answer",
    "CertificateKind",
    "CertificateObtained",
    "ContactKind",
    "ContractType",
    "DataError",
    "Dataset",
    "EducationKind",
    "EducationStarted",
    "EmploymentKind",
    "EmploymentStarted",
    "EntryProfile",
    "ExitReason",
    "Funder",
    "FunderKind",
    "Gender",
    "ImprovementKind",
    "InformationSource",
    "IscedBand",
    "JobSearchStarted",
    "LabourMarketStatus",
    "LanguageSkill",
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
    "ServiceEpisode",
    "ServiceType",
    "SituationAfterSixMonths",
    "SituationKind",
    "Target",
    "TargetMetric",
    "TargetPeriod",
    "WorkingTime",
    "format_path",
]
