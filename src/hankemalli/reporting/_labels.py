"""Labels shown to people, in Finnish (default), Swedish and English (nimiöt).

Code uses English codes; people read these. Swedish terms are the usual
public-sector ones (see the glossary).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from ..indicators import Labels
from ..model import (
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
    (ServiceType.JOB_COACHING, _l("Työhönvalmennus", "Arbetsträning", "Job coaching")),
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
    (TargetMetric.LEAVERS, _l("Päättäneet", "Deltagare som lämnat projektet", "Leavers")),
    # "Placerade" would read as placed in care in Swedish.
    (
        TargetMetric.PLACEMENTS,
        _l(
            "Työhön tai koulutukseen sijoittuneet",
            "Har fått arbete eller studieplats",
            "Placed in work or education",
        ),
    ),
    (TargetPeriod.YEAR, _l("vuodessa", "per år", "a year")),
    (
        TargetPeriod.PROGRAMME,
        _l("koko hankkeen aikana", "under hela projektet", "over the programme"),
    ),
    (
        ProgrammingPeriod.ESF_2014_2020,
        _l(
            "ESR-ohjelmakausi 2014–2020",
            "ESF-programperioden 2014–2020",
            "ESF 2014–2020 programming period",
        ),
    ),
    (
        ProgrammingPeriod.ESF_PLUS_2021_2027,
        _l(
            "ESR+-ohjelmakausi 2021–2027",
            "ESF+-programperioden 2021–2027",
            "ESF+ 2021–2027 programming period",
        ),
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
        _l("Työturvallisuuskortti", "Arbetssäkerhetskort", "Occupational safety card"),
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
    # Education in the words of Statistics Finland's education-level classification
    # (koulutusasteluokitus 2016; Swedish names from stat.fi) and its three-level
    # grouping of the highest qualification (perusaste; toinen aste tai
    # erikoisammattikoulutusaste; korkea-aste), with the ISCED 2011 band ESF
    # coordinators read. Alempi perusaste (lägre grundnivå) is ISCED 1 only, so
    # ISCED 0 is "less than alempi perusaste" and ISCED 0–2 "at most perusaste".
    # Sources in docs/glossary.md, "Official terms in reports".
    (
        IscedBand.ISCED_0,
        _l(
            "Ei alemman perusasteen koulutusta (ISCED 0)",
            "Ingen utbildning på lägre grundnivå (ISCED 0)",
            "Less than primary education (ISCED 0)",
        ),
    ),
    (
        IscedBand.ISCED_0_2,
        _l(
            "Enintään perusaste (ISCED 0–2)",
            "Högst grundnivå (ISCED 0–2)",
            "Lower secondary education or less (ISCED 0–2)",
        ),
    ),
    (
        IscedBand.ISCED_3_4,
        _l(
            "Toinen aste tai erikoisammattikoulutusaste (ISCED 3–4)",
            "Andra stadiet eller specialyrkesutbildningsnivå (ISCED 3–4)",
            "Upper secondary or post-secondary non-tertiary education (ISCED 3–4)",
        ),
    ),
    (
        IscedBand.ISCED_5_8,
        _l(
            "Korkea-aste (ISCED 5–8)",
            "Högre nivå (ISCED 5–8)",
            "Tertiary education (ISCED 5–8)",
        ),
    ),
    (LanguageSkill.NATIVE, _l("Äidinkieli", "Modersmål", "First language")),
    (LanguageSkill.GOOD, _l("Hyvä", "God", "Good")),
    (LanguageSkill.MODERATE, _l("Tyydyttävä", "Nöjaktig", "Moderate")),
    (LanguageSkill.WEAK, _l("Heikko", "Svag", "Weak")),
    (LanguageSkill.NONE, _l("Ei kielitaitoa", "Inga språkkunskaper", "No skill")),
    (Answer.YES, _l("Kyllä", "Ja", "Yes")),
    (Answer.NO, _l("Ei", "Nej", "No")),
    (Answer.REFUSED, _l("Ei halunnut vastata", "Ville inte svara", "Declined to answer")),
    (Answer.NOT_ASKED, _l("Ei kysytty", "Inte tillfrågad", "Not asked")),
    (
        InformationSource.PARTICIPANT_REPORTED,
        _l("Oma ilmoitus", "Egen uppgift", "Reported by the participant"),
    ),
    (InformationSource.REGISTER, _l("Rekisteritieto", "Registeruppgift", "Register")),
    (InformationSource.DOCUMENT, _l("Asiakirja", "Dokument", "Document")),
    (
        ContractType.FIXED_TERM,
        _l("Määräaikainen työsuhde", "Visstidsanställning", "Fixed-term contract"),
    ),
    (
        ContractType.PERMANENT,
        _l(
            "Toistaiseksi voimassa oleva työsuhde",
            "Tillsvidareanställning",
            "Permanent contract",
        ),
    ),
    (WorkingTime.FULL_TIME, _l("Kokoaikatyö", "Heltidsarbete", "Full-time work")),
    (WorkingTime.PART_TIME, _l("Osa-aikatyö", "Deltidsarbete", "Part-time work")),
    (
        EducationKind.VOCATIONAL,
        _l("Ammatillinen koulutus", "Yrkesutbildning", "Vocational education"),
    ),
    (
        EducationKind.GENERAL,
        _l("Yleissivistävä koulutus", "Allmänbildande utbildning", "General education"),
    ),
    (EducationKind.HIGHER, _l("Korkea-asteen koulutus", "Högre utbildning", "Higher education")),
    (LeavingStatus.EMPLOYED, _l("Työssä", "I arbete", "Employed")),
    (LeavingStatus.SELF_EMPLOYED, _l("Yrittäjänä", "Egenföretagare", "Self-employed")),
    (LeavingStatus.JOB_SEARCHING, _l("Työnhakijana", "Arbetssökande", "Job searching")),
    (LeavingStatus.INACTIVE, _l("Työvoiman ulkopuolella", "Utanför arbetskraften", "Inactive")),
    # The improved labour-market situation as the ESF+ regulation words it (EECR06).
    (
        ImprovementKind.PRECARIOUS_TO_STABLE,
        _l(
            "Epävarmasta työstä vakaaseen",
            "Från otrygg till stabil anställning",
            "From precarious to stable employment",
        ),
    ),
    (
        ImprovementKind.UNDER_TO_FULL_EMPLOYMENT,
        _l(
            "Vajaatyöllisyydestä täystyöllisyyteen",
            "Från undersysselsättning till full sysselsättning",
            "From underemployment to full employment",
        ),
    ),
    (
        ImprovementKind.HIGHER_SKILLED_JOB,
        _l(
            "Vaativampaan tehtävään",
            "Till ett mer kvalificerat arbete",
            "To a higher-skilled job",
        ),
    ),
    (ImprovementKind.PROMOTION, _l("Ylennys", "Befordran", "Promotion")),
    (EmbeddingStage.COMMUNICATED, _l("Viestitty", "Kommunicerad", "Communicated")),
    (
        EmbeddingStage.VARIED,
        _l("Varioitu kohderyhmälle", "Anpassad för en målgrupp", "Varied"),
    ),
    (EmbeddingStage.MAINSTREAMED, _l("Valtavirtaistettu", "Spridd", "Mainstreamed")),
    (
        EmbeddingStage.MADE_PERMANENT,
        _l("Vakiinnutettu rakenteisiin", "Permanent i strukturerna", "Made permanent"),
    ),
    (ElementRole.CORE, _l("Ydinelementti", "Kärnelement", "Core element")),
    (ElementRole.LOCAL, _l("Paikallinen elementti", "Lokalt element", "Local element")),
    (AssessmentKind.ENTRY, _l("Alkuarvio", "Inledande bedömning", "Entry assessment")),
    (AssessmentKind.REVIEW, _l("Seuranta-arvio", "Uppföljande bedömning", "Review")),
)

_TEXT: dict[str, Labels] = {
    "annual_report": _l("Vuosiraportti", "Årsrapport", "Annual report"),
    "final_report": _l("Loppuraportti", "Slutrapport", "Final report"),
    "report": _l("Raportti", "Rapport", "Report"),
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
    # Not "Arvio": that is the estimated data source ("estimate") in the same report.
    "attainment": _l("Toteutuminen", "Måluppfyllelse", "Attainment"),
    "below": _l("alittui", "underskreds", "below"),
    "within": _l("saavutettiin", "uppnåddes", "within"),
    "above": _l("ylittyi", "överskreds", "above"),
    "partial": _l("osajakso", "delperiod", "part period"),
    "figure": _l("Tunnusluku", "Nyckeltal", "Figure"),
    "code": _l("Koodi", "Kod", "Code"),
    "value": _l("Arvo", "Värde", "Value"),
    "base": _l("Perusjoukko", "Bas", "Base"),
    "source": _l("Lähde", "Källa", "Source"),
    "collected": _l("kerätty tieto", "insamlade uppgifter", "collected data"),
    "sample": _l("otos", "urval", "sample"),
    "estimate": _l("arvio", "uppskattning", "estimate"),
    "leavers": _l("Päättäneet", "Deltagare som lämnat", "Leavers"),
    # What the common indicators' leavers (CRLEAVERS, EELEAVERS) and the project's
    # own "all leavers" count, side by side in a final report (say 239 and 270). A
    # leaver is a person, counted once, at their last exit (Scope.LEFT), not a
    # departure; the first counts complete records only (selector Complete).
    "leavers_note": _l(
        "Päättäneet lasketaan henkilöinä, ei päättymiskertoina: kukin kerran, kun hän "
        "päätti osallistumisensa viimeisen kerran kauden aikana; takaisin tullut ja yhä "
        "osallistuva ei ole päättänyt. ”Päättäneet osallistujat, joiden perustiedot ovat "
        "täydelliset” on yhteisten tulosindikaattorien perusjoukko: siihen lasketaan vain "
        "ne, joiden sukupuoli, työmarkkina-asema tullessa, ikä ja koulutus ovat tiedossa. "
        "”Kaikki päättäneet” sisältää kaikki päättäneet, myös ne, joiden tiedot ovat "
        "puutteelliset.",
        "Deltagare som lämnat räknas som personer, inte som avslut: var och en en gång, "
        "när hen lämnade projektet för sista gången under perioden; den som kommit tillbaka "
        "och fortfarande deltar har inte lämnat. ”Deltagare som lämnat insatsen, med "
        "fullständiga grunduppgifter” är basen för de gemensamma resultatindikatorerna: den "
        "räknar bara dem vars kön, ställning på arbetsmarknaden vid start, ålder och "
        "utbildning är kända. ”Alla som lämnat projektet” räknar alla som lämnat, även dem "
        "med ofullständiga uppgifter.",
        "Leavers are people, not departures: each is counted once, when they left for the "
        "last time in the period; someone who came back and is still taking part has not "
        "left. “Participants who left, with complete records” is the base of the common "
        "result indicators and counts only those whose gender, labour-market status at "
        "entry, age and education are all known. “All leavers” counts everyone who left, "
        "incomplete records included.",
    ),
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
    # After suppressed_note, when the report knows how much it withholds (Disclosure).
    "disclosure_note": _l(
        "Raportin {counts} luvusta on jätetty pois {withheld} ({share}): {primary} pienenä "
        "ja {secondary}, koska ne voisi muuten laskea sen kanssa julkaistavista luvuista.",
        "Av rapportens {counts} tal har {withheld} utelämnats ({share}): {primary} för att "
        "de är små och {secondary} för att de annars kunde räknas ut ur det som publiceras "
        "med rapporten.",
        "Of the report's {counts} counts, {withheld} are withheld ({share}): {primary} for "
        "being small and {secondary} because they could otherwise be worked out from what "
        "is published with it.",
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
    "own_figures": _l(
        "Hankkeen omat tunnusluvut", "Projektets egna nyckeltal", "The project's own figures"
    ),
    "at_least": _l("vähintään {n}", "minst {n}", "at least {n}"),
    "at_most": _l("enintään {n}", "högst {n}", "at most {n}"),
    "range": _l("{low}–{high}", "{low}–{high}", "{low}–{high}"),
    # The two editions (raportin versiot), see Edition.
    "edition": _l("Versio", "Version", "Edition"),
    "edition_public": _l("julkinen versio", "offentlig version", "public edition"),
    "edition_funder": _l(
        "rahoittajan versio, luottamuksellinen",
        "finansiärens version, konfidentiell",
        "funder's edition, confidential",
    ),
    # Marks every page of the funder's edition, in every format.
    "confidential": _l(
        "LUOTTAMUKSELLINEN – rahoittajan versio, ei julkaistavaksi",
        "KONFIDENTIELL – finansiärens version, ej för publicering",
        "CONFIDENTIAL – funder's edition, not for publication",
    ),
    "confidential_short": _l("LUOTTAMUKSELLINEN", "KONFIDENTIELL", "CONFIDENTIAL"),
    # Instead of suppressed_note in the funder's edition, which withholds nothing.
    "exact_note": _l(
        "Rahoittajan versio: luvut ovat tarkkoja, eikä pieniäkään lukuja ole jätetty pois. "
        "Julkaistavaksi on julkinen versio.",
        "Finansiärens version: talen är exakta och inte heller små tal har utelämnats. "
        "Den offentliga versionen är den som kan publiceras.",
        "Funder's edition: the figures are exact and no small counts are withheld. The "
        "public edition is the one to publish.",
    ),
    # The command line's warning when report has no --as-of (see cli._report).
    "as_of_warning": _l(
        "varoitus: ilman --as-of-valintaa raportin tilannepäivä on hankkeen päättymispäivä "
        "{as_of}, eikä tilanne kuusi kuukautta päättymisen jälkeen ole vielä tiedossa "
        "kaikista päättäneistä: viimeinen päättyminen oli {last_exit}, joten tulokset ovat "
        "tiedossa {needed} (kuusi kuukautta ja {days} päivää myöhemmin). Anna --as-of "
        "{needed} tai myöhäisempi päivä (tai --as-of {as_of}, jos haluat juuri tämän päivän).",
        "varning: utan --as-of är rapportens datum projektets slutdatum {as_of}, och "
        "situationen sex månader efter avslutad insats är ännu inte känd för alla som "
        "lämnat: det sista avslutet var {last_exit}, så resultaten är kända {needed} (sex "
        "månader och {days} dagar senare). Ange --as-of {needed} eller senare (eller "
        "--as-of {as_of} om du vill ha just detta datum).",
        "warning: without --as-of the report is as of the programme's end, {as_of}, when "
        "the situation six months after leaving is not yet known for everyone who left: "
        "the last exit was on {last_exit}, so the results are known on {needed} (six "
        "months and {days} days later). Pass --as-of {needed} or later (or --as-of {as_of} "
        "to keep this date).",
    ),
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
