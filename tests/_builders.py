"""Hand-built, valid hankemalli objects and small helpers for the example tests.

Each builder returns a small valid object; keyword overrides replace its fields, so
a test changes only what its rule is about. The conftest files of tests/model and
tests/serialization load this module and hand it to tests as the ``build`` fixture
(tests run with ``--import-mode=importlib`` and without ``pythonpath``, so it is not
imported by name).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
from attrs import evolve

from hankemalli import (
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
    Participant,
    Participation,
    ParticipationPeriod,
    Partner,
    PostExitContact,
    Programme,
    QualificationGained,
    ReferralSource,
    Score,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
    Target,
    TargetMetric,
    TargetPeriod,
    TransferabilityNote,
    TrialElsewhere,
    WorkingTime,
    format_path,
)

D = pendulum.date

#: KAIKU's programme period; every builder's dates lie inside it.
PROGRAMME_START = D(2015, 8, 1)
PROGRAMME_END = D(2018, 12, 31)


def programme(**overrides: Any) -> Programme:
    """A programme with only its required fields."""
    fields: dict[str, Any] = {
        "id": "KAIKU",
        "name": "KAIKU – työhönvalmennus",
        "organisation": "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "start": PROGRAMME_START,
        "end": PROGRAMME_END,
    }
    return Programme(**(fields | overrides))


def profile(**overrides: Any) -> EntryProfile:
    """An unemployed woman with basic education, unemployed for three years at entry."""
    fields: dict[str, Any] = {
        "gender": Gender.WOMAN,
        "labour_market_status": LabourMarketStatus.UNEMPLOYED,
        "unemployed_since": D(2013, 3, 1),
        "education": IscedBand.ISCED_0_2,
    }
    return EntryProfile(**(fields | overrides))


def period(**overrides: Any) -> ParticipationPeriod:
    """A closed stay from 1.3.2016 to 30.9.2016."""
    fields: dict[str, Any] = {
        "entry": D(2016, 3, 1),
        "exit": D(2016, 9, 30),
        "exit_reason": ExitReason.COMPLETED,
    }
    return ParticipationPeriod(**(fields | overrides))


def episode(**overrides: Any) -> ServiceEpisode:
    """Job coaching for the whole of :func:`period`."""
    fields: dict[str, Any] = {
        "service": ServiceType.JOB_COACHING,
        "start": D(2016, 3, 1),
        "end": D(2016, 9, 30),
    }
    return ServiceEpisode(**(fields | overrides))


def participation(**overrides: Any) -> Participation:
    """Participant K-0001 with one closed :func:`period`, no episodes and no events."""
    fields: dict[str, Any] = {
        "participant": Participant(id="K-0001", age_at_entry=34),
        "profile": profile(),
        "periods": (period(),),
    }
    return Participation(**(fields | overrides))


def dataset(**overrides: Any) -> Dataset:
    """:func:`programme` with K-0001 (left) and K-0002 (still taking part)."""
    fields: dict[str, Any] = {
        "programme": programme(),
        "participants": (
            participation(),
            participation(
                participant=Participant(id="K-0002"),
                profile=EntryProfile(),
                periods=(ParticipationPeriod(entry=D(2017, 1, 9)),),
            ),
        ),
    }
    return Dataset(**(fields | overrides))


def full_dataset() -> Dataset:
    """A dataset that uses every class, every event kind and every code list.

    Also a leap day, decimals with trailing zeros, a re-entry, open periods,
    episodes and spells, a spell begun after the exit, the operation's own training,
    a recorded exit situation, and optional fields both given and left out.
    """
    programme_ = programme(
        areas=("Joensuu", "Kontiolahti"),
        funders=(
            Funder(name="Euroopan sosiaalirahasto", kind=FunderKind.EU, share=Decimal("0.64")),
            Funder(name="Etelä-Savon ELY-keskus", kind=FunderKind.STATE, share=Decimal("0.16")),
            Funder(
                name="Pohjois-Karjalan maakuntaliitto",
                kind=FunderKind.REGIONAL,
                share=Decimal("0.10"),
                amount=Decimal("45000.50"),
            ),
            Funder(name="Joensuun kaupunki", kind=FunderKind.MUNICIPAL, share=Decimal("0.05")),
            Funder(name="Kontiolahden kunta", kind=FunderKind.MUNICIPAL, share=Decimal("0.03")),
            Funder(name="PKSTY ry", kind=FunderKind.OWN, share=Decimal("0.02")),
        ),
        target_groups=("pitkäaikaistyöttömät", "turvapaikanhakijat"),
        targets=(
            Target(metric=TargetMetric.PARTICIPANTS, per=TargetPeriod.YEAR, minimum=30, maximum=40),
            Target(metric=TargetMetric.PLACEMENTS, per=TargetPeriod.PROGRAMME, minimum=50),
        ),
        services=(ServiceType.JOB_COACHING, ServiceType.TET, ServiceType.REHABILITATIVE_WORK),
        partners=(
            Partner(
                name="Joensuun kaupunki", kind=OrganisationKind.MUNICIPALITY, role="rahoittaja"
            ),
            Partner(name="Joensuun TE-toimisto", kind=OrganisationKind.EMPLOYMENT_OFFICE),
        ),
        qualifying_certificates=(CertificateKind.OCCUPATIONAL_SAFETY_CARD,),
    )
    source = InformationSource.DOCUMENT
    leaver = participation(
        participant=Participant(id="K-0001", age_at_entry=24),
        profile=EntryProfile(
            gender=Gender.MAN,
            labour_market_status=LabourMarketStatus.UNEMPLOYED,
            unemployed_since=D(2013, 2, 28),
            in_education_or_training=False,
            education=IscedBand.ISCED_3_4,
            vocational_qualification=False,
            language_skill=LanguageSkill.WEAK,
            referral_source=ReferralSource.EMPLOYMENT_OFFICE,
            foreign_background=Answer.YES,
            third_country_national=Answer.YES,
            asylum_seeker=Answer.YES,
            disability=Answer.NO,
            minority=Answer.REFUSED,
            homeless=Answer.NOT_ASKED,
            rural=Answer.NO,
        ),
        periods=(
            ParticipationPeriod(
                entry=D(2016, 2, 29), exit=D(2016, 5, 31), exit_reason=ExitReason.HEALTH
            ),
            ParticipationPeriod(
                entry=D(2016, 8, 15), exit=D(2017, 3, 31), exit_reason=ExitReason.EMPLOYMENT
            ),
        ),
        episodes=(
            ServiceEpisode(
                service=ServiceType.REHABILITATIVE_WORK,
                start=D(2016, 2, 29),
                end=D(2016, 5, 31),
                provider="Joensuun kaupunki",
            ),
            ServiceEpisode(
                service=ServiceType.TET,
                start=D(2016, 9, 1),
                end=D(2016, 10, 31),
                provider="Kauppa Oy",
                id="tet-1",
            ),
            ServiceEpisode(
                service=ServiceType.OTHER,
                start=D(2016, 11, 1),
                end=D(2017, 3, 31),
                label="työelämäkerho",
            ),
        ),
        events=(
            CertificateObtained(
                date=D(2016, 9, 20), source=source, certificate=CertificateKind.HYGIENE_PASSPORT
            ),
            CertificateObtained(
                date=D(2016, 10, 3),
                source=source,
                certificate=CertificateKind.OTHER,
                label="anniskelupassi",
            ),
            SituationAfterSixMonths(
                date=D(2017, 9, 30),
                source=InformationSource.REGISTER,
                situation=SituationKind.EMPLOYED,
                improvement=ImprovementKind.UNDER_TO_FULL_EMPLOYMENT,
            ),
            QualificationGained(
                date=D(2018, 6, 1),
                source=source,
                kind=EducationKind.VOCATIONAL,
                label="logistiikan perustutkinto",
            ),
            PostExitContact(
                date=D(2018, 9, 1),
                source=InformationSource.PARTICIPANT_REPORTED,
                kind=ContactKind.VOLUNTEERING,
                label="kahvila",
            ),
        ),
        exit_situation=ExitSituation(
            date=D(2017, 3, 31),
            status=LeavingStatus.EMPLOYED,
            in_education=False,
            source=InformationSource.DOCUMENT,
        ),
        situations=(
            JobSeeking(start=D(2016, 10, 3), end=D(2017, 3, 31), source=InformationSource.REGISTER),
            Employment(
                start=D(2017, 4, 1),
                end=D(2017, 12, 31),
                source=source,
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
                contract=ContractType.FIXED_TERM,
                working_time=WorkingTime.PART_TIME,
                via_episode="tet-1",
            ),
            Education(
                start=D(2017, 8, 14),
                source=InformationSource.PARTICIPANT_REPORTED,
                kind=EducationKind.VOCATIONAL,
                degree_oriented=True,
            ),
        ),
    )
    stayer = Participation(
        participant=Participant(id="K-0002"),
        profile=EntryProfile(),
        periods=(ParticipationPeriod(entry=D(2018, 1, 8)),),
        episodes=(ServiceEpisode(service=ServiceType.JOB_COACHING, start=D(2018, 1, 8)),),
        situations=(
            JobSeeking(start=D(2018, 1, 8), source=InformationSource.REGISTER),
            Education(
                start=D(2018, 2, 5),
                end=D(2018, 3, 2),
                source=InformationSource.DOCUMENT,
                kind=EducationKind.GENERAL,
                degree_oriented=False,
                own_training=True,
            ),
        ),
    )
    leaver = evolve(
        leaver,
        assessments=(
            Assessment(
                instrument="portaat",
                date=D(2016, 3, 7),
                kind=AssessmentKind.ENTRY,
                scores=(Score(dimension="job_search", stage=0), Score(dimension="basics", stage=1)),
            ),
            Assessment(
                instrument="portaat",
                date=D(2016, 12, 1),
                kind=AssessmentKind.REVIEW,
                scores=(Score(dimension="job_search", stage=2),),
            ),
        ),
    )
    model = OperatingModel(
        id="kaiku-malli",
        name="Kuntouttava työtoiminta yhdistysverkostossa ja työhönvalmennus",
        short_description="Kuntouttavaa työtoimintaa yhdistyksissä, työhönvalmennus rinnalla.",
        target_groups=("pitkäaikaistyöttömät",),
        partners=(Partner(name="Siun sote", kind=OrganisationKind.WELLBEING_SERVICES),),
        funders=("Euroopan sosiaalirahasto",),
        methods=("ratkaisukeskeinen työhönvalmennus", "tavoiteportaat"),
        services=(ServiceType.REHABILITATIVE_WORK, ServiceType.JOB_COACHING),
        started=D(2015, 8, 1),
        embedding=(
            EmbeddingStep(
                stage=EmbeddingStage.COMMUNICATED, date=D(2016, 5, 1), organisation="Kontiolahti"
            ),
            EmbeddingStep(
                stage=EmbeddingStage.MADE_PERMANENT,
                date=D(2017, 1, 1),
                organisation="Joensuun kaupunki",
                note="osaksi kaupungin palveluja",
            ),
        ),
        transferability=(
            TransferabilityNote(element="työhönvalmennus", role=ElementRole.CORE),
            TransferabilityNote(
                element="yhdistysverkosto",
                role=ElementRole.LOCAL,
                depends_on="kunnan kuntouttava työtoiminta",
            ),
        ),
        trials=(TrialElsewhere(place="Kontiolahti", start=D(2018, 1, 1), result="jatkuu"),),
    )
    instrument = Instrument(
        id="portaat",
        name="Tavoiteportaat (yleinen)",
        dimensions=(
            Dimension(id="job_search", name="työnhaku", stages=("jumissa", "alku", "omatoiminen")),
            Dimension(id="basics", name="perustaidot", stages=("tuen varassa", "omatoiminen")),
        ),
    )
    return Dataset(
        programme=programme_,
        participants=(leaver, stayer),
        operating_models=(model,),
        instruments=(instrument,),
    )


def paths(error: DataError) -> list[str]:
    """The JSON paths of every problem an error carries, in order."""
    return [format_path(p.path) for p in error.details]


def the_problem(error: DataError) -> tuple[str, str]:
    """The JSON path and message of the one problem an error carries."""
    assert len(error.details) == 1, error.problems
    only = error.details[0]
    return format_path(only.path), only.message
