"""Labels shown to people, in Finnish (default), Swedish and English (nimiöt).

Code uses English codes; people read these. Swedish terms are the usual
public-sector ones (see the glossary).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from ..indicators import Labels
from ..model import (
    CertificateKind,
    ContactKind,
    EmploymentKind,
    ExitReason,
    FunderKind,
    Gender,
    LabourMarketStatus,
    OrganisationKind,
    ReferralSource,
    ServiceType,
    SituationKind,
    TargetMetric,
    TargetPeriod,
)

__all__ = ["LANGUAGES", "Language", "code_label", "code_labels", "text"]

#: A language of the labels: Finnish, Swedish or English.
Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")


def _l(fi: str, sv: str, en: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


_LABELS: tuple[tuple[StrEnum, Labels], ...] = (
    (
        ServiceType.REHABILITATIVE_WORK,
        _l(
            "Kuntouttava työtoiminta",
            "Arbetsverksamhet i rehabiliteringssyfte",
            "Rehabilitative work activity",
        ),
    ),
    (ServiceType.WORK_TRIAL, _l("Työkokeilu", "Arbetsprövning", "Work trial")),
    (
        ServiceType.WAGE_SUBSIDY,
        _l("Palkkatukityö", "Lönesubventionerat arbete", "Wage-subsidised work"),
    ),
    (ServiceType.JOB_COACHING, _l("Työhönvalmennus", "Jobbcoachning", "Job coaching")),
    (
        ServiceType.TET,
        _l(
            "Työelämään tutustuminen (TET)",
            "Praktisk arbetslivsorientering (PRAO)",
            "Work-life familiarisation (TET)",
        ),
    ),
    (ServiceType.LANGUAGE_IMMERSION, _l("Kielikylpy", "Språkbad", "Language immersion")),
    (
        ServiceType.WORKLIFE_LANGUAGE_COACHING,
        _l(
            "Työelämälähtöinen kielivalmennus",
            "Arbetslivsinriktad språkträning",
            "Work-life language coaching",
        ),
    ),
    (
        ServiceType.TOWARDS_VOCATIONAL_EDUCATION,
        _l("Kohti ammatillista koulutusta", "Mot yrkesutbildning", "Towards vocational education"),
    ),
    (
        ServiceType.SUPPORTED_JOB_SEARCH,
        _l("Tuettu työnetsintä", "Stödd jobbsökning", "Supported job search"),
    ),
    (
        ServiceType.ENTREPRENEURSHIP_COACHING,
        _l("Yrittäjävalmennus", "Företagarcoachning", "Entrepreneurship coaching"),
    ),
    (ServiceType.CERTIFICATE_COURSE, _l("Korttikoulutus", "Certifikatkurs", "Certificate course")),
    (ServiceType.VOLUNTEERING, _l("Vapaaehtoistoiminta", "Frivilligverksamhet", "Volunteering")),
    (ServiceType.OTHER, _l("Muu palvelu", "Annan tjänst", "Other service")),
    (Gender.WOMAN, _l("Naiset", "Kvinnor", "Women")),
    (Gender.MAN, _l("Miehet", "Män", "Men")),
    (Gender.NON_BINARY, _l("Muunsukupuoliset", "Icke-binära", "Non-binary")),
    (Gender.NOT_TOLD, _l("Ei kerrottu", "Ej uppgett", "Not told")),
    (LabourMarketStatus.UNEMPLOYED, _l("Työtön", "Arbetslös", "Unemployed")),
    (
        LabourMarketStatus.INACTIVE,
        _l("Työvoiman ulkopuolella", "Utanför arbetskraften", "Inactive"),
    ),
    (LabourMarketStatus.EMPLOYED, _l("Työllinen", "Anställd", "Employed")),
    (LabourMarketStatus.SELF_EMPLOYED, _l("Yrittäjä", "Egenföretagare", "Self-employed")),
    (ReferralSource.EMPLOYMENT_OFFICE, _l("TE-toimisto", "TE-byrån", "Employment office")),
    (
        ReferralSource.INTEGRATION_TRAINING,
        _l("Kotoutumiskoulutus", "Integrationsutbildning", "Integration training"),
    ),
    (ReferralSource.SOCIAL_SERVICES, _l("Sosiaalipalvelut", "Socialtjänsten", "Social services")),
    (ReferralSource.OWN_INITIATIVE, _l("Oma-aloitteisesti", "På eget initiativ", "Own initiative")),
    (ReferralSource.ASSOCIATION, _l("Yhdistys", "Föreningen", "The association")),
    (ReferralSource.OTHER, _l("Muu", "Annan", "Other")),
    (FunderKind.EU, _l("EU", "EU", "EU")),
    (FunderKind.STATE, _l("Valtio", "Staten", "State")),
    (FunderKind.REGIONAL, _l("Maakunta", "Landskap", "Regional")),
    (FunderKind.MUNICIPAL, _l("Kunta", "Kommun", "Municipal")),
    (FunderKind.OWN, _l("Omarahoitus", "Egen finansiering", "Own funding")),
    (FunderKind.OTHER, _l("Muu", "Annan", "Other")),
    (OrganisationKind.MUNICIPALITY, _l("Kunta", "Kommun", "Municipality")),
    (OrganisationKind.EMPLOYMENT_OFFICE, _l("TE-toimisto", "TE-byrå", "Employment office")),
    (
        OrganisationKind.WELLBEING_SERVICES,
        _l("Hyvinvointialue", "Välfärdsområde", "Wellbeing services"),
    ),
    (OrganisationKind.ASSOCIATION, _l("Yhdistys", "Förening", "Association")),
    (OrganisationKind.EDUCATION_PROVIDER, _l("Oppilaitos", "Läroanstalt", "Education provider")),
    (OrganisationKind.COMPANY, _l("Yritys", "Företag", "Company")),
    (
        OrganisationKind.STATE_AUTHORITY,
        _l("Valtion viranomainen", "Statlig myndighet", "State authority"),
    ),
    (OrganisationKind.OTHER, _l("Muu", "Annan", "Other")),
    (TargetMetric.PARTICIPANTS, _l("Osallistujat", "Deltagare", "Participants")),
    (TargetMetric.NEW_PARTICIPANTS, _l("Uudet osallistujat", "Nya deltagare", "New participants")),
    (
        TargetMetric.AVERAGE_CONCURRENT,
        _l(
            "Osallistujia keskimäärin kerrallaan",
            "Deltagare i genomsnitt åt gången",
            "Participants at a time on average",
        ),
    ),
    (
        TargetMetric.PEAK_CONCURRENT,
        _l(
            "Osallistujia enimmillään kerrallaan",
            "Högsta antal deltagare åt gången",
            "Most participants at a time",
        ),
    ),
    (TargetMetric.LEAVERS, _l("Päättäneet", "Avslutade", "Leavers")),
    (TargetMetric.PLACEMENTS, _l("Sijoittuneet", "Placerade", "Placements")),
    (TargetPeriod.YEAR, _l("vuodessa", "per år", "a year")),
    (
        TargetPeriod.PROGRAMME,
        _l("koko hankkeen aikana", "under hela projektet", "over the programme"),
    ),
    (SituationKind.EMPLOYED, _l("Työssä", "I arbete", "Employed")),
    (SituationKind.SELF_EMPLOYED, _l("Yrittäjänä", "Egenföretagare", "Self-employed")),
    (SituationKind.IN_EDUCATION, _l("Koulutuksessa", "I utbildning", "In education")),
    (SituationKind.JOB_SEARCHING, _l("Työnhakijana", "Arbetssökande", "Job searching")),
    (SituationKind.INACTIVE, _l("Työvoiman ulkopuolella", "Utanför arbetskraften", "Inactive")),
    (ContactKind.VOLUNTEERING, _l("Vapaaehtoisena", "Som frivillig", "As a volunteer")),
    (
        ContactKind.EMPLOYED_BY_ASSOCIATION,
        _l("Yhdistyksen työntekijänä", "Anställd av föreningen", "Employed by the association"),
    ),
    (ContactKind.OTHER, _l("Muu yhteys", "Annan kontakt", "Other contact")),
    (CertificateKind.HYGIENE_PASSPORT, _l("Hygieniapassi", "Hygienpass", "Hygiene passport")),
    (
        CertificateKind.OCCUPATIONAL_SAFETY_CARD,
        _l("Työturvallisuuskortti", "Arbetarskyddskort", "Occupational safety card"),
    ),
    (CertificateKind.OTHER, _l("Muu kortti", "Annat certifikat", "Other certificate")),
    (
        EmploymentKind.OPEN_LABOUR_MARKET,
        _l("Avoimet työmarkkinat", "Öppna arbetsmarknaden", "Open labour market"),
    ),
    (EmploymentKind.SUBSIDISED, _l("Tuettu työ", "Subventionerat arbete", "Subsidised work")),
    (EmploymentKind.SELF_EMPLOYMENT, _l("Yrittäjyys", "Företagande", "Self-employment")),
    (ExitReason.COMPLETED, _l("Päättyi suunnitellusti", "Avslutades som planerat", "Completed")),
    (ExitReason.EMPLOYMENT, _l("Työllistyi", "Fick arbete", "Employment")),
    (ExitReason.EDUCATION, _l("Koulutukseen", "Till utbildning", "Education")),
    (ExitReason.OTHER_SERVICE, _l("Muuhun palveluun", "Till annan tjänst", "Another service")),
    (ExitReason.HEALTH, _l("Terveydelliset syyt", "Hälsoskäl", "Health")),
    (ExitReason.MOVED_AWAY, _l("Muutti pois", "Flyttade", "Moved away")),
    (ExitReason.DISCONTINUED, _l("Keskeytti", "Avbröt", "Discontinued")),
    (ExitReason.OTHER, _l("Muu syy", "Annat skäl", "Other")),
)

_TEXT: dict[str, Labels] = {
    "annual_report": _l("Vuosiraportti", "Årsrapport", "Annual report"),
    "final_report": _l("Loppuraportti", "Slutrapport", "Final report"),
    "organisation": _l("Toteuttaja", "Genomförare", "Implemented by"),
    "period": _l("Raportointikausi", "Rapportperiod", "Reporting period"),
    "programme_period": _l("Hankkeen kesto", "Projektets löptid", "Programme period"),
    "as_of": _l("Tilannepäivä", "Per datum", "Data as of"),
    "areas": _l("Toiminta-alue", "Verksamhetsområde", "Areas"),
    "targets": _l(
        "Tavoitteet ja niiden toteutuminen", "Mål och måluppfyllelse", "Objectives and targets"
    ),
    "results": _l("Tulokset", "Resultat", "Results"),
    "implementation": _l("Toteutus", "Genomförande", "Implementation"),
    "funding": _l("Rahoitus", "Finansiering", "Funding"),
    "follow_up": _l(
        "Seuranta päättymisen jälkeen",
        "Uppföljning efter avslutad insats",
        "Follow-up after leaving",
    ),
    "models": _l(
        "Toimintamallit ja niiden siirrettävyys",
        "Verksamhetsmodeller och deras överförbarhet",
        "Operating models and their transferability",
    ),
    "models_pending": _l(
        "Aineistossa ei ole kuvattu toimintamalleja.",
        "Materialet beskriver inga verksamhetsmodeller.",
        "The dataset describes no operating models.",
    ),
    "target": _l("Tavoite", "Mål", "Target"),
    "actual": _l("Toteutuma", "Utfall", "Actual"),
    "attainment": _l("Arvio", "Bedömning", "Attainment"),
    "below": _l("alittui", "underskreds", "below"),
    "within": _l("saavutettiin", "uppnåddes", "within"),
    "above": _l("ylittyi", "överskreds", "above"),
    "partial": _l("osajakso", "delperiod", "part period"),
    "figure": _l("Tunnusluku", "Nyckeltal", "Figure"),
    "value": _l("Arvo", "Värde", "Value"),
    "base": _l("Perusjoukko", "Bas", "Base"),
    "source": _l("Lähde", "Källa", "Source"),
    "collected": _l("kerätty tieto", "insamlade uppgifter", "collected data"),
    "sample": _l("otos", "urval", "sample"),
    "estimate": _l("arvio", "uppskattning", "estimate"),
    "leavers": _l("Päättäneet", "Avslutade", "Leavers"),
    "during_period": _l(
        "Osallistuneet kauden aikana", "Deltagare under perioden", "Taking part during the period"
    ),
    "role": _l("Rooli", "Roll", "Role"),
    "dated": _l("Päivätty", "Daterad", "Dated"),
    "note": _l("Huomautus", "Anmärkning", "Note"),
    "stayers": _l("Jatkavat", "Fortsätter", "Stayers"),
    "outputs": _l("Osallistujat tullessa", "Deltagare vid start", "Participants at entry"),
    "by_gender": _l("Sukupuolen mukaan", "Efter kön", "By gender"),
    "by_service": _l(
        "Osallistujat palveluittain", "Deltagare per tjänst", "Participants by service"
    ),
    "episodes_by_service": _l("Palvelujaksot", "Tjänsteperioder", "Service episodes"),
    "referral_sources": _l("Ohjautuminen hankkeeseen", "Vägar in i projektet", "Referral sources"),
    "partners": _l("Yhteistyökumppanit", "Samarbetspartner", "Partners"),
    "funder": _l("Rahoittaja", "Finansiär", "Funder"),
    "kind": _l("Laji", "Typ", "Kind"),
    "share": _l("Osuus", "Andel", "Share"),
    "amount": _l("Määrä (€)", "Belopp (€)", "Amount (€)"),
    "six_months": _l(
        "Tilanne kuusi kuukautta päättymisen jälkeen",
        "Situationen sex månader efter avslutad insats",
        "Situation six months after leaving",
    ),
    "contacts": _l(
        "Yhteydenpito päättymisen jälkeen", "Kontakt efter avslutad insats", "Contact after leaving"
    ),
    "total": _l("Yhteensä", "Totalt", "Total"),
    "unknown": _l("Ei tiedossa", "Okänt", "Unknown"),
    "other_or_unknown": _l("Muu tai ei tiedossa", "Annat eller okänt", "Other or unknown"),
    "suppressed_note": _l(
        "Alle {n} henkilön luvut on jätetty pois tietosuojan vuoksi (merkitty •).",
        "Tal under {n} personer har utelämnats av dataskyddsskäl (markerade •).",
        "Counts below {n} people are withheld for privacy (marked •).",
    ),
    "corrections": _l("Korjaukset", "Rättelser", "Corrections"),
    "derived": _l("Vuosiraporteista", "Från årsrapporterna", "From the annual reports"),
    "recomputed": _l("Uudelleen laskettu", "Omräknat", "Recomputed"),
    "differences": _l(
        "Erot vuosiraporttien ja aineiston välillä",
        "Skillnader mellan årsrapporterna och materialet",
        "Differences between the annual reports and the records",
    ),
    "no_differences": _l(
        "Vuosiraportit ja korjaukset vastaavat aineistoa.",
        "Årsrapporterna och rättelserna stämmer med materialet.",
        "The annual reports and corrections agree with the records.",
    ),
    "reason": _l("Syy", "Orsak", "Reason"),
    "year": _l("Vuosi", "År", "Year"),
    "change": _l("Muutos", "Ändring", "Change"),
    "days": _l("päivää", "dagar", "days"),
    "years": _l("vuotta", "år", "years"),
    "generated_by": _l(
        "Laadittu hankemalli-kirjastolla", "Skapad med hankemalli", "Made with hankemalli"
    ),
}


# Keyed by code list and code: StrEnum members of different lists with the same
# value ("other") are equal, so they cannot be keys on their own.
_CODES: dict[tuple[type[StrEnum], str], Labels] = {
    (type(code), str(code)): labels for code, labels in _LABELS
}


def code_labels(code: StrEnum) -> Labels:
    """The labels of a code in every language; the code itself where it has none."""
    labels = _CODES.get((type(code), str(code)))
    return labels if labels is not None else Labels(fi=str(code), sv=str(code), en=str(code))


def code_label(code: StrEnum, language: Language = "fi") -> str:
    """The label of a code in ``language``."""
    return code_labels(code).get(language)


def text(key: str) -> Labels:
    """The labels of a piece of report text."""
    return _TEXT[key]
