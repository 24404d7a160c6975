"""The EU's common participant indicators: ESF 2014–2020 and ESF+ 2021–2027.

Both catalogues count one record per person per operation, by the
characteristics of the first entry, and count a record that lacks gender,
labour-market status, age or education in the grand total only. Outputs count
the people who entered in the period; results count the people who left in it.
Use :func:`cumulative` for figures from the programme's start. The leavers each
catalogue's results are taken of are counted too (``EELEAVERS``, ``CRLEAVERS``),
as is the 2014 set's total (``COTOTAL``), which has no code of its own there.
"""

from __future__ import annotations

from attrs import evolve

from ..model import (
    Answer,
    ImprovementKind,
    IscedBand,
    LabourMarketStatus,
    SituationKind,
)
from ._context import Scope
from ._definition import Catalogue, Indicator, Labels
from ._selectors import (
    AgeBetween,
    AnyOf,
    Characteristic,
    Complete,
    EventMatch,
    HadEvent,
    HasEducation,
    HasStatus,
    LongTermUnemployed,
    Selector,
    Window,
)
from ._statistics import Count

__all__ = ["ESF_2014", "ESF_PLUS_2021", "cumulative"]

_ESF_PLUS = "Regulation (EU) 2021/1057, Annex I"
_ESF_2014 = "Regulation (EU) No 1304/2013, Annex I"

_COMPLETE = Complete()
_UNEMPLOYED = HasStatus(status=LabourMarketStatus.UNEMPLOYED)
_INACTIVE = HasStatus(status=LabourMarketStatus.INACTIVE)
_EMPLOYED = HasStatus(status=LabourMarketStatus.EMPLOYED)
_NOT_IN_EDUCATION = Characteristic(name="in_education_or_training", values=(False,))

_JOB_SEARCH = EventMatch(event="job_search_started")
_EDUCATION = EventMatch(event="education_started")
_QUALIFICATION = EventMatch(event="qualification_gained")
_EMPLOYMENT = EventMatch(event="employment_started")
_EMPLOYED_LATER = tuple(
    EventMatch(event="situation_after_six_months", where=(("situation", s),))
    for s in (SituationKind.EMPLOYED, SituationKind.SELF_EMPLOYED)
)
_IMPROVED = tuple(
    EventMatch(event="situation_after_six_months", where=(("improvement", k),))
    for k in ImprovementKind
)


def _yes(name: str) -> Characteristic:
    return Characteristic(name=name, values=(Answer.YES,))


def _output(
    code: str, fi: str, sv: str, en: str, who: Selector, *, ref: str, **extra: object
) -> Indicator:
    return Indicator(
        code=code,
        labels=Labels(fi=fi, sv=sv, en=en),
        statistic=Count(),
        scope=Scope.ENTERED,
        population=_COMPLETE & who,
        reference=ref,
        **extra,  # type: ignore[arg-type]
    )


def _result(
    code: str, fi: str, sv: str, en: str, who: Selector, *, ref: str, within: str
) -> Indicator:
    return Indicator(
        code=code,
        labels=Labels(fi=fi, sv=sv, en=en),
        statistic=Count(),
        scope=Scope.LEFT,
        population=_COMPLETE & who,
        within=within,
        reference=ref,
    )


def _leavers(code: str, ref: str) -> Indicator:
    return Indicator(
        code=code,
        labels=Labels(
            fi="Päättäneet osallistujat",
            sv="Deltagare som lämnat",
            en="Participants who left",
        ),
        statistic=Count(),
        scope=Scope.LEFT,
        population=_COMPLETE,
        reference=f"{ref}: the base of the result indicators",
    )


def _total(code: str, ref: str) -> Indicator:
    return Indicator(
        code=code,
        labels=Labels(
            fi="Osallistujat yhteensä",
            sv="Deltagare totalt",
            en="Total number of participants",
        ),
        statistic=Count(),
        scope=Scope.ENTERED,
        reference=f"{ref}: every participant, complete record or not",
    )


ESF_PLUS_2021 = Catalogue(
    name="ESF+ common indicators for participants",
    version="2021-2027",
    description="Common output and result indicators for participants, "
    "Regulation (EU) 2021/1057 Annexes I and II, codes as in SFC2021.",
    indicators=(
        _total("EECO01", _ESF_PLUS),
        _output(
            "EECO02",
            "Työttömät, myös pitkäaikaistyöttömät",
            "Arbetslösa, inklusive långtidsarbetslösa",
            "Unemployed, including long-term unemployed",
            _UNEMPLOYED,
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO03",
            "Pitkäaikaistyöttömät",
            "Långtidsarbetslösa",
            "Long-term unemployed",
            LongTermUnemployed(),
            ref=_ESF_PLUS,
            within="EECO02",
        ),
        _output(
            "EECO04",
            "Työvoiman ulkopuolella olevat",
            "Personer utanför arbetskraften",
            "Inactive",
            _INACTIVE,
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO05",
            "Työlliset, myös itsenäiset ammatinharjoittajat",
            "Anställda, inklusive egenföretagare",
            "Employed, including self-employed",
            _EMPLOYED,
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO06",
            "Alle 18-vuotiaat",
            "Under 18 år",
            "Children below 18 years of age",
            AgeBetween(maximum=17),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO07",
            "18–29-vuotiaat",
            "18–29 år",
            "Young people between 18 and 29 years of age",
            AgeBetween(minimum=18, maximum=29),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO08",
            "55 vuotta täyttäneet",
            "55 år och äldre",
            "Participants 55 years of age and above",
            AgeBetween(minimum=55),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO09",
            "Enintään alemman perusasteen koulutus (ISCED 0–2)",
            "Högst grundskoleutbildning (ISCED 0–2)",
            "With lower secondary education or less (ISCED 0-2)",
            HasEducation(band=IscedBand.ISCED_0_2),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO10",
            "Toisen asteen tai toisen asteen jälkeinen koulutus (ISCED 3–4)",
            "Gymnasial eller eftergymnasial utbildning (ISCED 3–4)",
            "With upper secondary or post-secondary education (ISCED 3-4)",
            HasEducation(band=IscedBand.ISCED_3_4),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO11",
            "Korkea-asteen koulutus (ISCED 5–8)",
            "Högskoleutbildning (ISCED 5–8)",
            "With tertiary education (ISCED 5-8)",
            HasEducation(band=IscedBand.ISCED_5_8),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO12",
            "Vammaiset osallistujat",
            "Deltagare med funktionsnedsättning",
            "Participants with disabilities",
            _yes("disability"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO13",
            "Kolmansien maiden kansalaiset",
            "Tredjelandsmedborgare",
            "Third-country nationals",
            _yes("third_country_national"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO14",
            "Ulkomaalaistaustaiset osallistujat",
            "Deltagare med utländsk bakgrund",
            "Participants with a foreign background",
            _yes("foreign_background"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO15",
            "Vähemmistöt (myös romanit)",
            "Minoriteter (inklusive romer)",
            "Minorities (including marginalised communities such as the Roma)",
            _yes("minority"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO16",
            "Asunnottomat tai asunnottomuusuhan alaiset",
            "Hemlösa eller personer som påverkas av bostadsutestängning",
            "Homeless or affected by housing exclusion",
            _yes("homeless"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO17",
            "Maaseutualueiden osallistujat",
            "Deltagare från landsbygden",
            "Participants from rural areas",
            _yes("rural"),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _leavers("EELEAVERS", _ESF_PLUS),
        _result(
            "EECR01",
            "Työnhakijoina osallistumisen päättyessä",
            "Arbetssökande när de lämnar insatsen",
            "Participants engaged in job searching upon leaving",
            HadEvent(events=(_JOB_SEARCH,), window=Window.UPON_LEAVING),
            ref=_ESF_PLUS,
            within="EELEAVERS",
        ),
        _result(
            "EECR02",
            "Koulutuksessa osallistumisen päättyessä",
            "I utbildning när de lämnar insatsen",
            "Participants in education or training upon leaving",
            HadEvent(events=(_EDUCATION,), window=Window.UPON_LEAVING),
            ref=_ESF_PLUS,
            within="EELEAVERS",
        ),
        _result(
            "EECR03",
            "Tutkinnon suorittaneet osallistumisen päättyessä",
            "Har uppnått kvalifikationer när de lämnar insatsen",
            "Participants gaining a qualification upon leaving",
            HadEvent(events=(_QUALIFICATION,), window=Window.DURING_OR_UPON_LEAVING),
            ref=f"{_ESF_PLUS}; a qualification gained during participation is held upon leaving",
            within="EELEAVERS",
        ),
        _result(
            "EECR04",
            "Työssä, myös itsenäisinä ammatinharjoittajina, osallistumisen päättyessä",
            "I arbete, inklusive egenföretagare, när de lämnar insatsen",
            "Participants in employment, including self-employment, upon leaving",
            HadEvent(events=(_EMPLOYMENT,), window=Window.UPON_LEAVING),
            ref=_ESF_PLUS,
            within="EELEAVERS",
        ),
        _result(
            "EECR05",
            "Työssä kuusi kuukautta osallistumisen päättymisen jälkeen",
            "I arbete sex månader efter insatsen",
            "Participants in employment, including self-employment, six months after leaving",
            HadEvent(events=_EMPLOYED_LATER, window=Window.SIX_MONTHS_AFTER),
            ref=f"{_ESF_PLUS}, Annex II",
            within="EELEAVERS",
        ),
        _result(
            "EECR06",
            "Parempi työmarkkinatilanne kuusi kuukautta osallistumisen päättymisen jälkeen",
            "Bättre situation på arbetsmarknaden sex månader efter insatsen",
            "Participants with an improved labour market situation six months after leaving",
            _EMPLOYED & HadEvent(events=_IMPROVED, window=Window.SIX_MONTHS_AFTER),
            ref=f"{_ESF_PLUS}, Annex II; only for people employed at entry",
            within="EELEAVERS",
        ),
    ),
)


ESF_2014 = Catalogue(
    name="ESF common indicators for participants",
    version="2014-2020",
    description="Common output and result indicators for participants, Regulation (EU) "
    "No 1304/2013 Annex I, without the household indicators CO12–CO14 (this model holds "
    'no household data) and without CO17, CR05 and CR09 ("other disadvantaged" has no '
    "common definition to compute from records).",
    indicators=(
        _total("COTOTAL", _ESF_2014),
        _output(
            "CO01",
            "Työttömät, myös pitkäaikaistyöttömät",
            "Arbetslösa, inklusive långtidsarbetslösa",
            "Unemployed, including long-term unemployed",
            _UNEMPLOYED,
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO02",
            "Pitkäaikaistyöttömät",
            "Långtidsarbetslösa",
            "Long-term unemployed",
            LongTermUnemployed(),
            ref=_ESF_2014,
            within="CO01",
        ),
        _output(
            "CO03",
            "Työvoiman ulkopuolella olevat",
            "Personer utanför arbetskraften",
            "Inactive",
            _INACTIVE,
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO04",
            "Työvoiman ulkopuolella olevat, jotka eivät ole koulutuksessa",
            "Personer utanför arbetskraften som inte deltar i utbildning",
            "Inactive, not in education or training",
            _INACTIVE & _NOT_IN_EDUCATION,
            ref=_ESF_2014,
            within="CO03",
        ),
        _output(
            "CO05",
            "Työlliset, myös itsenäiset ammatinharjoittajat",
            "Anställda, inklusive egenföretagare",
            "Employed, including self-employed",
            _EMPLOYED,
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO06",
            "Alle 25-vuotiaat",
            "Under 25 år",
            "Below 25 years of age",
            AgeBetween(maximum=24),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO07",
            "Yli 54-vuotiaat",
            "Över 54 år",
            "Above 54 years of age",
            AgeBetween(minimum=55),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO08",
            "Yli 54-vuotiaat työttömät tai työvoiman ulkopuolella olevat, jotka eivät ole "
            "koulutuksessa",
            "Över 54 år som är arbetslösa eller utanför arbetskraften och inte i utbildning",
            "Above 54 years of age who are unemployed, including long-term unemployed, or "
            "inactive not in education or training",
            AgeBetween(minimum=55) & AnyOf(parts=(_UNEMPLOYED, _INACTIVE & _NOT_IN_EDUCATION)),
            ref=_ESF_2014,
            within="CO07",
        ),
        _output(
            "CO09",
            "Enintään perusasteen koulutus (ISCED 1–2)",
            "Högst grundskoleutbildning (ISCED 1–2)",
            "With primary or lower secondary education (ISCED 1-2)",
            HasEducation(band=IscedBand.ISCED_0_2),
            ref=f"{_ESF_2014}; ISCED 0 is counted here too",
            within="COTOTAL",
        ),
        _output(
            "CO10",
            "Toisen asteen tai toisen asteen jälkeinen koulutus (ISCED 3–4)",
            "Gymnasial eller eftergymnasial utbildning (ISCED 3–4)",
            "With upper secondary or post-secondary education (ISCED 3-4)",
            HasEducation(band=IscedBand.ISCED_3_4),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO11",
            "Korkea-asteen koulutus (ISCED 5–8)",
            "Högskoleutbildning (ISCED 5–8)",
            "With tertiary education (ISCED 5-8)",
            HasEducation(band=IscedBand.ISCED_5_8),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO15",
            "Maahanmuuttajat, ulkomaalaistaustaiset ja vähemmistöt",
            "Migranter, deltagare med utländsk bakgrund och minoriteter",
            "Migrants, participants with a foreign background, minorities",
            AnyOf(parts=(_yes("foreign_background"), _yes("minority"))),
            ref=_ESF_2014,
            within="COTOTAL",
            sensitive=True,
        ),
        _output(
            "CO16",
            "Vammaiset osallistujat",
            "Deltagare med funktionsnedsättning",
            "Participants with disabilities",
            _yes("disability"),
            ref=_ESF_2014,
            within="COTOTAL",
            sensitive=True,
        ),
        _output(
            "CO18",
            "Asunnottomat tai asunnottomuusuhan alaiset",
            "Hemlösa eller personer som påverkas av bostadsutestängning",
            "Homeless or affected by housing exclusion",
            _yes("homeless"),
            ref=_ESF_2014,
            within="COTOTAL",
            sensitive=True,
        ),
        _output(
            "CO19",
            "Maaseutualueiden osallistujat",
            "Deltagare från landsbygden",
            "From rural areas",
            _yes("rural"),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _leavers("CRLEAVERS", _ESF_2014),
        _result(
            "CR01",
            "Työvoiman ulkopuolelta työnhakijoiksi osallistumisen päättyessä",
            "Personer utanför arbetskraften som söker arbete när de lämnar insatsen",
            "Inactive participants newly engaged in job searching upon leaving",
            _INACTIVE & HadEvent(events=(_JOB_SEARCH,), window=Window.UPON_LEAVING),
            ref=_ESF_2014,
            within="CRLEAVERS",
        ),
        _result(
            "CR02",
            "Koulutuksessa osallistumisen päättyessä",
            "I utbildning när de lämnar insatsen",
            "Participants in education/training upon leaving",
            HadEvent(events=(_EDUCATION,), window=Window.UPON_LEAVING),
            ref=_ESF_2014,
            within="CRLEAVERS",
        ),
        _result(
            "CR03",
            "Tutkinnon suorittaneet osallistumisen päättyessä",
            "Har uppnått kvalifikationer när de lämnar insatsen",
            "Participants gaining a qualification upon leaving",
            HadEvent(events=(_QUALIFICATION,), window=Window.DURING_OR_UPON_LEAVING),
            ref=f"{_ESF_2014}; a qualification gained during participation is held upon leaving",
            within="CRLEAVERS",
        ),
        _result(
            "CR04",
            "Työssä, myös itsenäisinä ammatinharjoittajina, osallistumisen päättyessä",
            "I arbete, inklusive egenföretagare, när de lämnar insatsen",
            "Participants in employment, including self-employment, upon leaving",
            HadEvent(events=(_EMPLOYMENT,), window=Window.UPON_LEAVING),
            ref=_ESF_2014,
            within="CRLEAVERS",
        ),
        _result(
            "CR06",
            "Työssä kuusi kuukautta osallistumisen päättymisen jälkeen",
            "I arbete sex månader efter insatsen",
            "Participants in employment, including self-employment, six months after leaving",
            HadEvent(events=_EMPLOYED_LATER, window=Window.SIX_MONTHS_AFTER),
            ref=_ESF_2014,
            within="CRLEAVERS",
        ),
        _result(
            "CR07",
            "Parempi työmarkkinatilanne kuusi kuukautta osallistumisen päättymisen jälkeen",
            "Bättre situation på arbetsmarknaden sex månader efter insatsen",
            "Participants with an improved labour market situation six months after leaving",
            _EMPLOYED & HadEvent(events=_IMPROVED, window=Window.SIX_MONTHS_AFTER),
            ref=f"{_ESF_2014}; only for people employed at entry",
            within="CRLEAVERS",
        ),
        _result(
            "CR08",
            "Yli 54-vuotiaat työssä kuusi kuukautta osallistumisen päättymisen jälkeen",
            "Över 54 år i arbete sex månader efter insatsen",
            "Participants above 54 years of age in employment six months after leaving",
            AgeBetween(minimum=55)
            & HadEvent(events=_EMPLOYED_LATER, window=Window.SIX_MONTHS_AFTER),
            ref=_ESF_2014,
            within="CR06",
        ),
    ),
)

_CUMULATIVE = {Scope.ENTERED: Scope.ENTERED_BY_END, Scope.LEFT: Scope.LEFT_BY_END}


def cumulative(catalogue: Catalogue) -> Catalogue:
    """The same catalogue counted from the programme's start to the period's end.

    The ESF reports figures cumulatively: each year's value includes the years
    before it, and the total over years is the latest value, not a sum.
    """
    return evolve(
        catalogue,
        name=f"{catalogue.name} (cumulative)",
        indicators=tuple(
            evolve(ind, scope=_CUMULATIVE.get(ind.scope, ind.scope)) for ind in catalogue
        ),
    )
