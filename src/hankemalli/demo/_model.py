"""The demo's operating model and its goal-ladder-like instrument, with the assessments.

KAIKU's operating model (rehabilitative work activity in an association network
plus job coaching) is described from the project's own page: its methods,
partners, services and its embedding in the City of Joensuu from 2017-01-01. What
that page does not say (conditions, resources, trials elsewhere) is left empty,
so the transferability assessment shows it as missing.

The instrument is generic, invented for the demo (no licensed content): four
dimensions of work-life readiness (työelämävalmiudet), each with five stages. The
job-coaching participants are assessed when their coaching starts and reviewed
when it ends (also mid-way in long coaching); those who left for health reasons,
moved away or stopped coming have no review. The scores come from their own
random stream, so the records' other figures do not depend on them.
"""

from __future__ import annotations

import random

import pendulum

from ..model import (
    Assessment,
    AssessmentKind,
    Dimension,
    Education,
    ElementRole,
    EmbeddingStage,
    EmbeddingStep,
    Employment,
    EmploymentKind,
    ExitReason,
    Instrument,
    OperatingModel,
    OrganisationKind,
    Participation,
    Partner,
    Score,
    ServiceType,
    TransferabilityNote,
)
from ._common import ASSOCIATIONS, ORGANISATION, START

__all__ = ["assessments", "goal_ladder", "kaiku_model"]

#: The stages of every dimension of the demo's instrument, lowest first.
STAGES = (
    "ei vielä alkanut",
    "alkuvaiheessa",
    "edistyy",
    "lähes tavoitteessa",
    "tavoitteessa",
)
#: Exit reasons after which no review was made.
_NO_REVIEW = (ExitReason.HEALTH, ExitReason.MOVED_AWAY, ExitReason.DISCONTINUED)


def goal_ladder() -> Instrument:
    """A generic goal ladder of work-life readiness (työelämävalmiuksien tavoiteportaat)."""
    dimensions = (
        ("job_search", "Työnhakutaidot"),
        ("motivation", "Motivaatio ja tavoitteet"),
        ("basic_skills", "Perustaidot (kieli, digitaidot)"),
        ("everyday_life", "Arjen hallinta ja hyvinvointi"),
    )
    return Instrument(
        id="tyoelamavalmiudet",
        name="Työelämävalmiuksien tavoiteportaat",
        description="A generic staged scale invented for the demo; five stages per dimension.",
        dimensions=tuple(Dimension(id=i, name=n, stages=STAGES) for i, n in dimensions),
    )


def kaiku_model() -> OperatingModel:
    """KAIKU's operating model (toimintamalli), embedded in the City of Joensuu from 2017."""
    joensuu = "Joensuun kaupunki"
    return OperatingModel(
        id="kaiku-malli",
        name="Kuntouttava työtoiminta yhdistysverkostossa ja työhönvalmennus",
        short_description="Rehabilitative work activity in an association network, "
        "with job coaching from its start.",
        basic_idea="Job coaching alongside rehabilitative work activity moves people on "
        "to work or education; it shortened the rehabilitative periods.",
        target_groups=(
            "people moving from rehabilitative work activity to education or work",
            "immigrants who need support to find work",
        ),
        operating_environment="The municipal rehabilitative work activity of Joensuu and "
        "Kontiolahti, offered in member associations of a network.",
        partners=(
            Partner(name=joensuu, kind=OrganisationKind.MUNICIPALITY, role="embedded the model"),
            Partner(
                name="Pohjois-Karjalan TE-toimisto",
                kind=OrganisationKind.EMPLOYMENT_OFFICE,
                role="referrals",
            ),
            Partner(
                name="Siun sote",
                kind=OrganisationKind.WELLBEING_SERVICES,
                role="social work and social guidance",
            ),
            *(
                Partner(name=name, kind=OrganisationKind.ASSOCIATION, role="rehabilitative work")
                for name in ASSOCIATIONS
            ),
        ),
        place="Joensuu and Kontiolahti, North Karelia",
        funders=("Euroopan sosiaalirahasto (ESR)", joensuu, "Kontiolahden kunta"),
        author=ORGANISATION,
        methods=(
            "solution-focused supported-employment job coaching (ratkaisukeskeinen "
            "tuetun työllistymisen työhönvalmennus)",
            "goal ladders (tavoiteportaat)",
        ),
        services=(ServiceType.REHABILITATIVE_WORK, ServiceType.JOB_COACHING),
        started=START,
        embedding=(
            EmbeddingStep(
                stage=EmbeddingStage.MADE_PERMANENT,
                date=pendulum.date(2017, 1, 1),
                organisation=joensuu,
                note="part of the city's own services",
            ),
        ),
        transferability=(
            TransferabilityNote(
                element="job coaching from the start of rehabilitative work activity",
                role=ElementRole.CORE,
            ),
            TransferabilityNote(element="goal ladders", role=ElementRole.CORE),
            TransferabilityNote(
                element="association network",
                role=ElementRole.LOCAL,
                depends_on="associations able to offer rehabilitative work activity",
            ),
            TransferabilityNote(
                element="referrals from municipal social work",
                role=ElementRole.LOCAL,
                depends_on="how the municipality organises rehabilitative work activity",
            ),
        ),
    )


def _placed(record: Participation) -> bool:
    """An open-labour-market job or a degree-oriented study begun since the first entry."""
    return any(
        s.start >= record.first_entry
        and (
            (isinstance(s, Employment) and s.kind is EmploymentKind.OPEN_LABOUR_MARKET)
            or (isinstance(s, Education) and s.degree_oriented and not s.own_training)
        )
        for s in record.situations
    )


def assessments(rng: random.Random, record: Participation) -> tuple[Assessment, ...]:
    """The goal-ladder assessments of a job-coaching participant; none for anyone else."""
    coaching = [e for e in record.episodes if e.service is ServiceType.JOB_COACHING]
    if not coaching:
        return ()
    ladder = goal_ladder()
    first = coaching[0]
    assert first.end is not None  # the demo has no open episodes
    top = len(STAGES) - 1
    entry = {d.id: rng.choice((0, 0, 1, 1, 1, 2)) for d in ladder.dimensions}
    gains = (0, 1, 1, 2, 2, 3) if _placed(record) else (-1, 0, 0, 1, 1, 2)
    final = {d: min(top, max(0, s + rng.choice(gains))) for d, s in entry.items()}

    def made(kind: AssessmentKind, day: pendulum.Date, stages: dict[str, int]) -> Assessment:
        scores = tuple(Score(dimension=d, stage=s) for d, s in stages.items())
        return Assessment(instrument=ladder.id, date=day, kind=kind, scores=scores)

    found = [made(AssessmentKind.ENTRY, first.start, entry)]
    if record.exit_reason in _NO_REVIEW:
        return tuple(found)
    if (first.end - first.start).days > 200:
        middle = {d: (entry[d] + final[d]) // 2 for d in entry}
        found.append(made(AssessmentKind.REVIEW, first.start.add(days=90), middle))
    found.append(made(AssessmentKind.REVIEW, first.end, final))
    return tuple(found)
