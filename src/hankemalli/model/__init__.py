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
    LeavingStatus,
    OrganisationKind,
    ProgrammingPeriod,
    ReferralSource,
    ServiceType,
    SituationKind,
    TargetMetric,
    TargetPeriod,
    WorkingTime,
)
from ._dataset import SCHEMA_VERSION, Dataset
from ._deprecated import deprecated_attribute
from ._errors import DataError, Problem, format_path
from ._events import (
    EVENT_TAGS,
    CertificateObtained,
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
from ._programme import Funder, Partner, Programme, Target, programming_period_of
from ._situations import (
    SITUATION_TAGS,
    Education,
    Employment,
    ExitSituation,
    JobSeeking,
    SituationSpell,
)
from ._timeline import (
    Situation,
    derived_upon_leaving,
    situation_six_months_after,
    situation_upon_leaving,
    status_on,
)

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
    "derived_upon_leaving",
    "format_path",
    "programming_period_of",
    "situation_six_months_after",
    "situation_upon_leaving",
    "status_on",
]


def __getattr__(name: str) -> object:
    # The version-1 event names, deprecated in 0.2.0 (see hankemalli.model._deprecated).
    return deprecated_attribute(__name__, name)
