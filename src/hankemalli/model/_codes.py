"""The code lists of the domain (koodistot).

Each code list is a :class:`~enum.StrEnum` whose values are the stable codes used
in JSON documents. Codes are never renamed; a new code is a minor version and a
removed one a major version (see the compatibility policy in the docs).
"""

from __future__ import annotations

from enum import StrEnum, unique

__all__ = [
    "CODE_LISTS",
    "Answer",
    "AssessmentKind",
    "CertificateKind",
    "ContactKind",
    "ContractType",
    "EducationKind",
    "ElementRole",
    "EmbeddingStage",
    "EmploymentKind",
    "ExitReason",
    "FunderKind",
    "Gender",
    "ImprovementKind",
    "InformationSource",
    "IscedBand",
    "LabourMarketStatus",
    "LanguageSkill",
    "LeavingStatus",
    "OrganisationKind",
    "ProgrammingPeriod",
    "ReferralSource",
    "ServiceType",
    "SituationKind",
    "TargetMetric",
    "TargetPeriod",
    "WorkingTime",
]


@unique
class FunderKind(StrEnum):
    """Kind of funder (rahoittajan tyyppi)."""

    EU = "eu"  #: European Union funds, e.g. the ESF (EU-rahoitus)
    STATE = "state"  #: state funding, e.g. an ELY centre or STEA (valtio)
    REGIONAL = "regional"  #: a regional council (maakunnan liitto)
    MUNICIPAL = "municipal"  #: a city or municipality (kunta)
    OWN = "own"  #: the implementing association's own share (omarahoitus)
    OTHER = "other"  #: any other funder, e.g. a private foundation (muu)


@unique
class OrganisationKind(StrEnum):
    """Kind of partner organisation in a programme's network (organisaation tyyppi)."""

    MUNICIPALITY = "municipality"  #: city or municipality (kunta)
    EMPLOYMENT_OFFICE = "employment_office"  #: TE office or employment area (TE-toimisto)
    WELLBEING_SERVICES = "wellbeing_services"  #: social and health authority (hyvinvointialue)
    ASSOCIATION = "association"  #: a registered association (yhdistys)
    EDUCATION_PROVIDER = "education_provider"  #: school or college (oppilaitos)
    COMPANY = "company"  #: an employer company (yritys)
    STATE_AUTHORITY = "state_authority"  #: e.g. an ELY centre (valtion viranomainen)
    OTHER = "other"  #: anything else (muu)


@unique
class TargetMetric(StrEnum):
    """What a programme target (tavoite) counts."""

    PARTICIPANTS = "participants"  #: people taking part during the period (osallistujat)
    NEW_PARTICIPANTS = "new_participants"  #: people entering during the period (uudet)
    AVERAGE_CONCURRENT = "average_concurrent"  #: average daily headcount (keskimäärin kerrallaan)
    PEAK_CONCURRENT = "peak_concurrent"  #: largest daily headcount (enimmillään kerrallaan)
    LEAVERS = "leavers"  #: people leaving during the period (päättäneet)
    PLACEMENTS = "placements"  #: people placed in work or education (sijoittuneet)


@unique
class TargetPeriod(StrEnum):
    """The span a target applies to (tavoitteen jakso)."""

    YEAR = "year"  #: each calendar year (vuodessa)
    PROGRAMME = "programme"  #: the whole programme period (koko hankkeen aikana)


@unique
class ProgrammingPeriod(StrEnum):
    """The EU programming period whose rules a programme reports under (ohjelmakausi).

    Each period has its own common indicators: Regulation (EU) No 1304/2013 for
    2014–2020 (codes CO/CR), Regulation (EU) 2021/1057 for 2021–2027 (ESF+, codes
    EECO/EECR).
    """

    ESF_2014_2020 = "2014-2020"  #: ESR-ohjelmakausi 2014–2020
    ESF_PLUS_2021_2027 = "2021-2027"  #: ESR+-ohjelmakausi 2021–2027


@unique
class Gender(StrEnum):
    """Gender as the participant states it (sukupuoli); ESF+ breaks figures down by it."""

    WOMAN = "woman"  #: nainen
    MAN = "man"  #: mies
    NON_BINARY = "non_binary"  #: muunsukupuolinen
    NOT_TOLD = "not_told"  #: ei halua kertoa


@unique
class LabourMarketStatus(StrEnum):
    """Labour-market status at entry (työmarkkina-asema); exactly one per participant.

    ESF counts employed and self-employed together (EECO05); :attr:`esf_group`
    gives the ESF group of each code.
    """

    UNEMPLOYED = "unemployed"  #: unemployed, incl. long-term unemployed (työtön)
    INACTIVE = "inactive"  #: outside the labour force (työvoiman ulkopuolella)
    EMPLOYED = "employed"  #: employed by someone else (työllinen)
    SELF_EMPLOYED = "self_employed"  #: self-employed (yrittäjä)

    @property
    def esf_group(self) -> LabourMarketStatus:
        """The ESF status group: self-employment counts as employed."""
        if self is LabourMarketStatus.SELF_EMPLOYED:
            return LabourMarketStatus.EMPLOYED
        return self


@unique
class IscedBand(StrEnum):
    """Highest education at entry as an ISCED 2011 band (koulutustaso).

    ``isced_0`` (below primary: no completed primary education) may be told apart
    from the rest of ``isced_0_2``; the ESF 2014 set counts ISCED 1–2 only (CO09,
    Regulation (EU) No 1304/2013 Annex I), the ESF+ set ISCED 0–2 (EECO09). A
    record that says ``isced_0_2`` has not told ISCED 0 apart and is counted as
    written, in both.
    """

    ISCED_0 = "isced_0"  #: below primary, less than perusaste completed (alle perusasteen)
    ISCED_0_2 = "isced_0_2"  #: at most lower secondary (enintään perusaste)
    ISCED_3_4 = "isced_3_4"  #: upper or post-secondary (toinen aste)
    ISCED_5_8 = "isced_5_8"  #: tertiary (korkea-aste)


@unique
class LanguageSkill(StrEnum):
    """Skill in Finnish or Swedish at entry (suomen tai ruotsin kielen taito)."""

    NATIVE = "native"  #: first language (äidinkieli)
    GOOD = "good"  #: hyvä
    MODERATE = "moderate"  #: tyydyttävä
    WEAK = "weak"  #: heikko
    NONE = "none"  #: ei kielitaitoa

    @property
    def is_weak(self) -> bool:
        """Weak or none: too little for work-life without support."""
        return self in (LanguageSkill.WEAK, LanguageSkill.NONE)


@unique
class Answer(StrEnum):
    """An answer about a sensitive characteristic (arkaluonteinen tieto).

    A person may refuse, or not be asked; neither is ever read as yes or no.
    """

    YES = "yes"  #: kyllä
    NO = "no"  #: ei
    REFUSED = "refused"  #: ei halunnut vastata
    NOT_ASKED = "not_asked"  #: ei kysytty

    @property
    def is_known(self) -> bool:
        """True for a yes or a no."""
        return self in (Answer.YES, Answer.NO)


@unique
class ReferralSource(StrEnum):
    """How the participant came to the programme (ohjautumiskanava)."""

    EMPLOYMENT_OFFICE = "employment_office"  #: TE-toimisto or employment area
    INTEGRATION_TRAINING = "integration_training"  #: kotoutumiskoulutus
    SOCIAL_SERVICES = "social_services"  #: sosiaalipalvelut
    OWN_INITIATIVE = "own_initiative"  #: oma-aloitteisesti
    ASSOCIATION = "association"  #: already active in the association (yhdistys)
    OTHER = "other"  #: muu


@unique
class ServiceType(StrEnum):
    """The kind of a service episode on a participant's pathway (palvelu)."""

    REHABILITATIVE_WORK = "rehabilitative_work"  #: kuntouttava työtoiminta
    WORK_TRIAL = "work_trial"  #: työkokeilu
    WAGE_SUBSIDY = "wage_subsidy"  #: palkkatukityö
    JOB_COACHING = "job_coaching"  #: työhönvalmennus
    TET = "tet"  #: työelämään tutustuminen
    LANGUAGE_IMMERSION = "language_immersion"  #: kielikylpy
    WORKLIFE_LANGUAGE_COACHING = "worklife_language_coaching"  #: työelämälähtöinen kielivalmennus
    TOWARDS_VOCATIONAL_EDUCATION = "towards_vocational_education"  #: kohti ammatillista koulutusta
    SUPPORTED_JOB_SEARCH = "supported_job_search"  #: tuettu työnetsintä
    ENTREPRENEURSHIP_COACHING = "entrepreneurship_coaching"  #: yrittäjävalmennus
    CERTIFICATE_COURSE = "certificate_course"  #: korttikoulutus (hygiene passport, safety card)
    VOLUNTEERING = "volunteering"  #: vapaaehtoistoiminta
    OTHER = "other"  #: muu; the episode's ``label`` names it


@unique
class ExitReason(StrEnum):
    """Why a participation period ended (päättymisen syy)."""

    COMPLETED = "completed"  #: the planned period ended (suunnitellusti päättynyt)
    EMPLOYMENT = "employment"  #: moved to work (työllistyi)
    EDUCATION = "education"  #: moved to education (koulutukseen)
    OTHER_SERVICE = "other_service"  #: moved to another service (muuhun palveluun)
    HEALTH = "health"  #: health reasons (terveydelliset syyt)
    MOVED_AWAY = "moved_away"  #: moved away (muutti pois)
    DISCONTINUED = "discontinued"  #: stopped coming (keskeytti)
    OTHER = "other"  #: muu


@unique
class InformationSource(StrEnum):
    """Where the information about an event comes from (tiedon lähde)."""

    PARTICIPANT_REPORTED = "participant_reported"  #: the participant told (oma ilmoitus)
    REGISTER = "register"  #: a register, e.g. the employment office's (rekisteri)
    DOCUMENT = "document"  #: a document seen, e.g. a contract or certificate (asiakirja)


@unique
class EmploymentKind(StrEnum):
    """Which labour market a job is on (työsuhteen laji)."""

    OPEN_LABOUR_MARKET = "open_labour_market"  #: avoimet työmarkkinat
    SUBSIDISED = "subsidised"  #: e.g. wage-subsidised work (tuettu, palkkatuki)
    SELF_EMPLOYMENT = "self_employment"  #: yrittäjyys


@unique
class ContractType(StrEnum):
    """Duration of an employment contract (työsuhteen kesto)."""

    FIXED_TERM = "fixed_term"  #: määräaikainen
    PERMANENT = "permanent"  #: toistaiseksi voimassa oleva


@unique
class WorkingTime(StrEnum):
    """Working time of a job (työaika)."""

    FULL_TIME = "full_time"  #: kokoaikainen
    PART_TIME = "part_time"  #: osa-aikainen


@unique
class EducationKind(StrEnum):
    """Kind of education started or qualification gained (koulutuksen laji)."""

    VOCATIONAL = "vocational"  #: ammatillinen
    GENERAL = "general"  #: yleissivistävä
    HIGHER = "higher"  #: korkea-aste


@unique
class CertificateKind(StrEnum):
    """A work-life certificate (kortti, passi)."""

    HYGIENE_PASSPORT = "hygiene_passport"  #: hygieniapassi
    OCCUPATIONAL_SAFETY_CARD = "occupational_safety_card"  #: työturvallisuuskortti
    OTHER = "other"  #: muu; the event's ``label`` names it


@unique
class SituationKind(StrEnum):
    """A person's situation six months after leaving (tilanne kuuden kuukauden kuluttua)."""

    EMPLOYED = "employed"  #: työssä
    SELF_EMPLOYED = "self_employed"  #: yrittäjänä
    IN_EDUCATION = "in_education"  #: koulutuksessa
    JOB_SEARCHING = "job_searching"  #: työnhakijana
    INACTIVE = "inactive"  #: työvoiman ulkopuolella


@unique
class LeavingStatus(StrEnum):
    """A person's labour-market status after leaving (työmarkkina-asema lähdettäessä).

    Exactly one holds on any day: employment outranks job seeking (an employed
    person is not unemployed), and a person neither employed nor a job seeker is
    outside the labour force. Job searching and employment are mutually exclusive
    upon leaving (SFC2021 FAQ on the reference period of immediate results).
    """

    EMPLOYED = "employed"  #: työssä (palkkatyössä, myös tuetussa työssä)
    SELF_EMPLOYED = "self_employed"  #: yrittäjänä
    JOB_SEARCHING = "job_searching"  #: työnhakijana
    INACTIVE = "inactive"  #: työvoiman ulkopuolella

    @property
    def in_employment(self) -> bool:
        """True for employment, including self-employment (ESF EECR04, EECR05)."""
        return self in (LeavingStatus.EMPLOYED, LeavingStatus.SELF_EMPLOYED)


@unique
class ImprovementKind(StrEnum):
    """An ESF "improved labour-market situation" (EECR06 / CR07) kind (tilanteen parantuminen).

    Only for people employed at entry; a pay rise alone is not one.
    """

    PRECARIOUS_TO_STABLE = "precarious_to_stable"  #: epävarmasta vakaaseen työhön
    UNDER_TO_FULL_EMPLOYMENT = "under_to_full_employment"  #: osa-aikaisesta kokoaikaiseen
    HIGHER_SKILLED_JOB = "higher_skilled_job"  #: vaativampaan tehtävään
    PROMOTION = "promotion"  #: ylennys


@unique
class ContactKind(StrEnum):
    """How contact is kept after leaving (yhteydenpito päättymisen jälkeen)."""

    VOLUNTEERING = "volunteering"  #: as a volunteer (vapaaehtoisena)
    EMPLOYED_BY_ASSOCIATION = (
        "employed_by_association"  #: as an employee (yhdistyksen työntekijänä)
    )
    OTHER = "other"  #: muu


@unique
class EmbeddingStage(StrEnum):
    """A step of embedding an operating model, as in the 4V model (juurruttamisen vaihe).

    The steps build on each other: communicating goes on while the model is varied,
    and so on. In order: communicated, varied, mainstreamed, made permanent.
    """

    COMMUNICATED = "communicated"  #: viestitty
    VARIED = "varied"  #: varioitu kohderyhmälle (varied for a target group)
    MAINSTREAMED = "mainstreamed"  #: valtavirtaistettu (tried by others outside the project)
    MADE_PERMANENT = "made_permanent"  #: vakiinnutettu rakenteisiin (made permanent)

    @property
    def rank(self) -> int:
        """The step's place in the 4V order, from 0 (communicated) to 3 (made permanent)."""
        return list(EmbeddingStage).index(self)


@unique
class ElementRole(StrEnum):
    """Whether an element of an operating model travels as it is (elementin rooli)."""

    CORE = "core"  #: ydinelementti: keep it wherever the model is used
    LOCAL = "local"  #: paikallinen: adapt it to the new site's context


@unique
class AssessmentKind(StrEnum):
    """When a staged-scale assessment was made (arvioinnin laji)."""

    ENTRY = "entry"  #: alkuarvio, the baseline at the start
    REVIEW = "review"  #: seuranta-arvio, a later review


#: Every code list of the model.
CODE_LISTS: tuple[type[StrEnum], ...] = (
    FunderKind,
    OrganisationKind,
    TargetMetric,
    TargetPeriod,
    ProgrammingPeriod,
    Gender,
    LabourMarketStatus,
    IscedBand,
    LanguageSkill,
    Answer,
    ReferralSource,
    ServiceType,
    ExitReason,
    InformationSource,
    EmploymentKind,
    ContractType,
    WorkingTime,
    EducationKind,
    CertificateKind,
    SituationKind,
    LeavingStatus,
    ImprovementKind,
    ContactKind,
    EmbeddingStage,
    ElementRole,
    AssessmentKind,
)
