"""The seed projects' own figures (hankkeiden omat tunnusluvut).

The figures KAIKU and PROSESSI report, as named indicators built from the same
blocks as the ESF catalogues. Each can be narrowed with :func:`attrs.evolve`, e.g.
KAIKU's placement figure is taken over its job-coaching participants::

    evolve(SEED_FIGURES["placement"], population=UsedService(services=(ServiceType.JOB_COACHING,)))
"""

from __future__ import annotations

from ..model import (
    Answer,
    EducationKind,
    EmploymentKind,
    LabourMarketStatus,
    LanguageSkill,
    ServiceType,
)
from ._context import Scope
from ._definition import Catalogue, Indicator, Labels
from ._measures import ByCharacteristic, ByService, DaysInService, UnemploymentDaysAtEntry
from ._selectors import (
    Characteristic,
    EventMatch,
    HadEvent,
    HasStatus,
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
)

__all__ = ["PLACEMENT_EVENTS", "SEED_FIGURES"]

_REF = "hankemalli seed figures (KAIKU, PROSESSI)"

#: What counts as a placement: a job on the open labour market or degree-oriented
#: education that began during participation or upon leaving (KAIKU: "avoimille
#: työmarkkinoille tai tutkintotavoitteiseen koulutukseen"): the start of a spell. The
#: operation's own training is the support, not a placement.
PLACEMENT_EVENTS = (
    EventMatch(event="employment", where=(("kind", EmploymentKind.OPEN_LABOUR_MARKET),)),
    *(
        EventMatch(
            event="education",
            where=(("kind", kind), ("degree_oriented", True), ("own_training", False)),
        )
        for kind in EducationKind
    ),
)

_REHABILITATIVE = (ServiceType.REHABILITATIVE_WORK,)
_COACHING = UsedService(services=(ServiceType.JOB_COACHING,))


# Runs only while the module is imported (building SEED_FIGURES): not mutated.
def _labels(fi: str, sv: str, en: str) -> Labels:  # pragma: no mutate block
    return Labels(fi=fi, sv=sv, en=en)


SEED_FIGURES = Catalogue(
    name="hankemalli seed figures",
    version="1",
    description="The figures of the seed projects KAIKU and PROSESSI.",
    indicators=(
        Indicator(
            code="new_participants",
            labels=_labels("Uudet osallistujat", "Nya deltagare", "New participants"),
            statistic=Count(),
            scope=Scope.ENTERED,
            reference=_REF,
        ),
        Indicator(
            code="participants",
            labels=_labels("Osallistujat", "Deltagare", "Participants during the period"),
            statistic=Count(),
            scope=Scope.ACTIVE,
            reference=f"{_REF}; PROSESSI: 30–40 a year",
        ),
        Indicator(
            code="average_concurrent",
            labels=_labels(
                "Osallistujia keskimäärin kerrallaan",
                "Deltagare i genomsnitt åt gången",
                "Average participants at a time",
            ),
            statistic=AverageHeadcount(),
            scope=Scope.ACTIVE,
            reference=f"{_REF}; PROSESSI: on average 10–15 at a time",
        ),
        Indicator(
            code="peak_concurrent",
            labels=_labels(
                "Osallistujia enimmillään kerrallaan",
                "Högsta antal deltagare åt gången",
                "Most participants at a time",
            ),
            statistic=PeakHeadcount(),
            scope=Scope.ACTIVE,
            reference=_REF,
        ),
        Indicator(
            code="leavers",
            # Every leaver, complete record or not: beside the ESF figure of the
            # participants who left, which counts complete records only.
            labels=_labels("Kaikki päättäneet", "Alla som lämnat projektet", "All leavers"),
            statistic=Count(),
            scope=Scope.LEFT,
            reference=_REF,
        ),
        Indicator(
            code="stayers",
            labels=_labels("Jatkavat", "Fortsätter", "Stayers"),
            statistic=Count(),
            scope=Scope.STAYING,
            reference=_REF,
        ),
        Indicator(
            code="placement",
            labels=_labels(
                "Avoimille työmarkkinoille tai tutkintotavoitteiseen koulutukseen",
                "Till öppna arbetsmarknaden eller examensinriktad utbildning",
                "Into the open labour market or degree-oriented education",
            ),
            statistic=Share(
                of=HadEvent(events=PLACEMENT_EVENTS, window=Window.DURING_OR_UPON_LEAVING)
            ),
            scope=Scope.LEFT,
            reference=f"{_REF}; KAIKU: 44 % of job-coaching participants",
        ),
        Indicator(
            code="started_from_rehabilitative_work",
            labels=_labels(
                "Aloitti kuntouttavasta työtoiminnasta",
                "Började i arbetsverksamhet i rehabiliteringssyfte",
                "Started from rehabilitative work activity",
            ),
            statistic=Share(of=StartedWith(service=ServiceType.REHABILITATIVE_WORK)),
            scope=Scope.ENTERED,
            reference=f"{_REF}; KAIKU: 74 of 135",
        ),
        Indicator(
            code="weak_language_foreign_background",
            # Both traits, as selected below: the data cannot show that one causes
            # the other. The skill is in Finnish or Swedish (LanguageSkill).
            labels=_labels(
                "Ulkomaalaistaustaiset, joiden suomen tai ruotsin kielen taito on heikko "
                "tai puuttuu",
                "Personer med utländsk bakgrund vars kunskaper i finska eller svenska är "
                "svaga eller saknas",
                "Participants with a foreign background and weak or no Finnish or Swedish",
            ),
            statistic=Share(
                of=Characteristic(
                    name="language_skill", values=(LanguageSkill.WEAK, LanguageSkill.NONE)
                )
                & Characteristic(name="foreign_background", values=(Answer.YES,))
            ),
            scope=Scope.ENTERED,
            sensitive=True,
            reference=f"{_REF}; KAIKU: 61 of 135",
        ),
        Indicator(
            code="no_vocational_qualification",
            labels=_labels(
                "Ei ammatillista koulutusta tullessa",
                "Ingen yrkesutbildning vid start",
                "No vocational qualification at entry",
            ),
            statistic=Share(of=Characteristic(name="vocational_qualification", values=(False,))),
            scope=Scope.ENTERED,
            reference=f"{_REF}; KAIKU: half",
        ),
        Indicator(
            code="unemployment_duration",
            # A mean; the cell carries the unit ("1 144 päivää").
            labels=_labels(
                "Työttömyyden kesto tullessa, keskiarvo",
                "Arbetslöshetens längd vid start, medelvärde",
                "Unemployment duration at entry, mean",
            ),
            statistic=Mean(measure=UnemploymentDaysAtEntry()),
            scope=Scope.ENTERED,
            population=HasStatus(status=LabourMarketStatus.UNEMPLOYED),
            reference=f"{_REF}; KAIKU: three years on average",
        ),
        Indicator(
            code="tet_periods",
            labels=_labels("TET-jaksot", "PRAO-perioder", "Work-life familiarisation periods"),
            statistic=Episodes(services=(ServiceType.TET,), window=Window.IN_PERIOD),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; KAIKU: 72",
        ),
        Indicator(
            code="employment_from_tet",
            labels=_labels(
                "TET-jaksoista syntyneet työsuhteet",
                "Anställningar som följt av PRAO",
                "Employment relationships from TET periods",
            ),
            statistic=Events(
                match=EventMatch(event="employment", via=ServiceType.TET),
                window=Window.IN_PERIOD,
            ),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; KAIKU: 31",
        ),
        Indicator(
            code="certificates",
            labels=_labels("Suoritetut kortit", "Avlagda certifikat", "Certificates obtained"),
            statistic=Events(
                match=EventMatch(event="certificate_obtained"),
                window=Window.IN_PERIOD,
                by="certificate",
            ),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; KAIKU: 79 hygiene passports, 42 safety cards",
        ),
        Indicator(
            code="wage_subsidised_hires",
            labels=_labels(
                "Palkkatukityöhön palkatut",
                "Anställda med lönesubvention",
                "Hires with a wage subsidy",
            ),
            statistic=Events(
                match=EventMatch(event="employment", where=(("kind", EmploymentKind.SUBSIDISED),)),
                window=Window.IN_PERIOD,
            ),
            scope=Scope.ENTERED_BY_END,
            reference=_REF,
        ),
        Indicator(
            code="post_exit_contact",
            labels=_labels(
                "Yhteys säilyi päättymisen jälkeen",
                "Kontakt efter avslutad insats",
                "Contact kept after leaving",
            ),
            statistic=Share(
                of=HadEvent(
                    events=(EventMatch(event="post_exit_contact"),), window=Window.AFTER_LEAVING
                )
            ),
            scope=Scope.LEFT_BY_END,
            reference=f"{_REF}; PROSESSI: volunteers and later employees",
        ),
        Indicator(
            code="rehabilitative_days_with_coaching",
            labels=_labels(
                "Kuntouttavan työtoiminnan kesto työhönvalmennuksen kanssa, keskiarvo",
                "Arbetsverksamhetens längd med arbetsträning, medelvärde",
                "Rehabilitative work activity duration with job coaching, mean",
            ),
            statistic=Mean(measure=DaysInService(services=_REHABILITATIVE)),
            scope=Scope.LEFT_BY_END,
            population=UsedService(services=_REHABILITATIVE) & _COACHING,
            reference=f"{_REF}; KAIKU: coaching shortened the periods",
        ),
        Indicator(
            code="rehabilitative_days_without_coaching",
            labels=_labels(
                "Kuntouttavan työtoiminnan kesto ilman työhönvalmennusta, keskiarvo",
                "Arbetsverksamhetens längd utan arbetsträning, medelvärde",
                "Rehabilitative work activity duration without job coaching, mean",
            ),
            statistic=Mean(measure=DaysInService(services=_REHABILITATIVE)),
            scope=Scope.LEFT_BY_END,
            population=UsedService(services=_REHABILITATIVE) & ~_COACHING,
            reference=f"{_REF}; KAIKU: coaching shortened the periods",
        ),
        Indicator(
            code="episodes_by_service",
            labels=_labels("Palvelujaksot", "Tjänsteperioder", "Service episodes"),
            statistic=Episodes(services=tuple(ServiceType), window=Window.IN_PERIOD),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; services used (käytetyt palvelut)",
        ),
        Indicator(
            code="six_month_situations",
            labels=_labels(
                "Tilanne kuusi kuukautta päättymisen jälkeen",
                "Situationen sex månader efter avslutad insats",
                "Situation six months after leaving",
            ),
            statistic=Events(
                match=EventMatch(event="situation_after_six_months"),
                window=Window.IN_PERIOD,
                by="situation",
            ),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; follow-up (seuranta)",
        ),
        Indicator(
            code="post_exit_contacts",
            labels=_labels(
                "Yhteydenpito päättymisen jälkeen",
                "Kontakt efter avslutad insats",
                "Contacts after leaving",
            ),
            statistic=Events(
                match=EventMatch(event="post_exit_contact"), window=Window.IN_PERIOD, by="kind"
            ),
            scope=Scope.ENTERED_BY_END,
            reference=f"{_REF}; PROSESSI: a safety net after leaving",
        ),
        Indicator(
            code="participants_by_service",
            labels=_labels(
                "Osallistujat palveluittain", "Deltagare per tjänst", "Participants by service"
            ),
            statistic=Distribution(key=ByService()),
            scope=Scope.ACTIVE,
            reference=_REF,
        ),
        Indicator(
            code="referral_sources",
            # Routes include the participant's own initiative: not "remiss".
            labels=_labels("Ohjautumiskanavat", "Vägar in i projektet", "Referral sources"),
            statistic=Distribution(key=ByCharacteristic(name="referral_source")),
            scope=Scope.ENTERED,
            reference=f"{_REF}; PROSESSI: employment office, integration training",
        ),
    ),
)
