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

from attrs import evolve, field, frozen

from ..model import (
    Answer,
    ImprovementKind,
    IscedBand,
    LabourMarketStatus,
    LeavingStatus,
    ProgrammingPeriod,
)
from ._context import Scope
from ._definition import Catalogue, Indicator, Labels
from ._results import (
    IN_EMPLOYMENT,
    GainedQualification,
    InEducationUponLeaving,
    StatusSixMonthsAfter,
    StatusUponLeaving,
)
from ._selectors import (
    AgeBetween,
    AnyOf,
    Characteristic,
    Complete,
    EventMatch,
    Everyone,
    HadEvent,
    HasEducation,
    HasStatus,
    LongTermUnemployed,
    Selector,
    Window,
)
from ._statistics import Count

__all__ = ["COMMON_CATALOGUES", "ESF_2014", "ESF_PLUS_2021", "common_indicators", "cumulative"]

_ESF_PLUS = "Regulation (EU) 2021/1057, Annex I"
_ESF_2014 = "Regulation (EU) No 1304/2013, Annex I"

_COMPLETE = Complete()
_UNEMPLOYED = HasStatus(status=LabourMarketStatus.UNEMPLOYED)
_INACTIVE = HasStatus(status=LabourMarketStatus.INACTIVE)
_EMPLOYED = HasStatus(status=LabourMarketStatus.EMPLOYED)
_NOT_IN_EDUCATION = Characteristic(name="in_education_or_training", values=(False,))

_NOT_EMPLOYED = AnyOf(parts=(_UNEMPLOYED, _INACTIVE))
_JOB_SEARCHING_UPON_LEAVING = StatusUponLeaving(statuses=(LeavingStatus.JOB_SEARCHING,))
_EMPLOYED_UPON_LEAVING = StatusUponLeaving(statuses=IN_EMPLOYMENT)
_EMPLOYED_LATER = StatusSixMonthsAfter(statuses=IN_EMPLOYMENT)
_IMPROVED = tuple(
    EventMatch(event="situation_after_six_months", where=(("improvement", k),))
    for k in ImprovementKind
)


# The builders below run only while the module is imported, to make the catalogues;
# mutation testing cannot tie them to a test, so they are not mutated ("no mutate").
# The catalogues they build are checked figure by figure by tests/indicators.
def _yes(name: str) -> Characteristic:  # pragma: no mutate block
    return Characteristic(name=name, values=(Answer.YES,))


#: Who is "disadvantaged" for CR05 and CR09: counted in one of the disadvantage output
#: indicators this model can compute (CO15, CO16, CO17, CO18). The household ones
#: (CO12–CO14) are not in the model.
_DISADVANTAGED = AnyOf(
    parts=tuple(
        _yes(name)
        for name in (
            "foreign_background",
            "minority",
            "disability",
            "other_disadvantaged",
            "homeless",
        )
    )
)
_DISADVANTAGED_RULE = (
    "disadvantaged: counted in CO15, CO16, CO17 or CO18 at entry (the household "
    "indicators CO12-CO14 are not in this model); sensitive data (SFC2014 FAQ on "
    "sensitive data: the two results on disadvantaged participants are)"
)


def _output(
    code: str, fi: str, sv: str, en: str, who: Selector, *, ref: str, **extra: object
) -> Indicator:  # pragma: no mutate block
    return Indicator(
        code=code,
        labels=Labels(fi=fi, sv=sv, en=en),
        statistic=Count(),
        scope=Scope.ENTERED,
        population=_COMPLETE & who,
        reference=ref,
        **extra,  # type: ignore[arg-type]
    )


def _leavers(code: str, ref: str) -> Indicator:  # pragma: no mutate block
    return Indicator(
        code=code,
        labels=Labels(
            fi="Päättäneet osallistujat, joiden perustiedot ovat täydelliset",
            sv="Deltagare som lämnat insatsen, med fullständiga grunduppgifter",
            en="Participants who left, with complete records",
        ),
        statistic=Count(),
        scope=Scope.LEFT,
        population=_COMPLETE,
        reference=f"{ref}: the base of the result indicators",
    )


def _total(code: str, ref: str, *, within: str) -> Indicator:  # pragma: no mutate block
    return Indicator(
        code=code,
        labels=Labels(
            fi="Osallistujat yhteensä",
            sv="Deltagare totalt",
            en="Total number of participants",
        ),
        statistic=Count(),
        scope=Scope.ENTERED,
        population=_COMPLETE,
        within=within,
        reference=f"{ref}: calculated from the output indicators on labour-market status, "
        "so it is the sum of the unemployed, the inactive and the employed; a record "
        "lacking a non-sensitive characteristic is in the grand total only",
    )


def _grand_total(code: str, ref: str) -> Indicator:  # pragma: no mutate block
    return Indicator(
        code=code,
        labels=Labels(
            fi="Kaikki osallistujat, myös puutteelliset tiedot",
            sv="Alla deltagare, även med ofullständiga uppgifter",
            en="Grand total of participants, incomplete records included",
        ),
        statistic=Count(),
        scope=Scope.ENTERED,
        reference=f"{ref}; SFC2014 FAQ on the completeness of ESF monitoring data: "
        "every participant, complete record or not",
    )


@frozen(kw_only=True)
class _Result:
    """One result rule, written once and given a code and labels in each set.

    ``among`` is the reference group (who could count), ``has`` the result.
    """

    labels: Labels
    has: Selector
    rule: str
    among: Selector = field(factory=Everyone)
    within: str | None = None
    sensitive: bool = False


_SFC_FAQ_WINDOW = (
    "SFC2021 FAQ on the reference period of immediate result indicators: the exit day "
    "and the 28 days after it, the last labour-market status in them counts, job "
    "searching and employment are mutually exclusive"
)

#: The result rules shared by both sets: the situation upon leaving and six months after.
_JOB_SEARCHING = _Result(
    labels=Labels(
        fi="Työnhakijoina osallistumisen päättyessä",
        sv="Arbetssökande när de lämnar insatsen",
        en="Participants engaged in job searching upon leaving",
    ),
    among=_INACTIVE,
    has=_JOB_SEARCHING_UPON_LEAVING,
    rule=f"{_SFC_FAQ_WINDOW}; only people inactive at entry (the 2014 code names them; "
    "the SFC2021 FAQ's examples are inactive participants)",
)
_IN_EDUCATION = _Result(
    labels=Labels(
        fi="Koulutuksessa osallistumisen päättyessä",
        sv="I utbildning när de lämnar insatsen",
        en="Participants in education or training upon leaving",
    ),
    has=InEducationUponLeaving(),
    rule=f"{_SFC_FAQ_WINDOW}; education or training on any day of the window, "
    "not the operation's own training, which is the support itself",
)
_QUALIFIED = _Result(
    labels=Labels(
        fi="Tutkinnon tai pätevyyden saavuttaneet osallistumisen päättyessä",
        sv="Har uppnått kvalifikationer när de lämnar insatsen",
        en="Participants gaining a qualification upon leaving",
    ),
    has=GainedQualification(),
    rule="a qualification in the EQF sense (SFC2014 FAQ on the evaluation of learning "
    "outcomes), gained during participation or in the 28 days after the exit; "
    "certificates only of the kinds the programme accepts",
)
_EMPLOYED_UPON = _Result(
    labels=Labels(
        fi="Työssä, myös itsenäisinä ammatinharjoittajina, osallistumisen päättyessä",
        sv="I arbete, inklusive egenföretagare, när de lämnar insatsen",
        en="Participants in employment, including self-employment, upon leaving",
    ),
    among=_NOT_EMPLOYED,
    has=_EMPLOYED_UPON_LEAVING,
    rule=f"{_SFC_FAQ_WINDOW}; only people unemployed or inactive at entry (SFC2014 FAQ on "
    "the output indicators that can be the basis of result targets)",
)
_EMPLOYED_SIX_MONTHS = _Result(
    labels=Labels(
        fi="Työssä, myös itsenäisinä ammatinharjoittajina, kuusi kuukautta "
        "osallistumisen päättymisen jälkeen",
        sv="I arbete, inklusive egenföretagare, sex månader efter insatsen",
        en="Participants in employment, including self-employment, six months after leaving",
    ),
    has=_EMPLOYED_LATER,
    rule="the situation on the date six calendar months after the exit, from a recorded "
    "follow-up or else from the spells",
)
_IMPROVED_SIX_MONTHS = _Result(
    labels=Labels(
        fi="Parempi työmarkkinatilanne kuusi kuukautta osallistumisen päättymisen jälkeen",
        sv="Bättre situation på arbetsmarknaden sex månader efter insatsen",
        en="Participants with an improved labour market situation six months after leaving",
    ),
    among=_EMPLOYED,
    has=HadEvent(events=_IMPROVED, window=Window.SIX_MONTHS_AFTER),
    rule="only people employed at entry, and only the four changes the Commission lists "
    "(SFC2014 FAQ on the improved labour market situation); recorded at the follow-up",
)

_ESF_PLUS_RESULTS = (
    ("EECR01", _JOB_SEARCHING),
    ("EECR02", _IN_EDUCATION),
    ("EECR03", _QUALIFIED),
    ("EECR04", _EMPLOYED_UPON),
    ("EECR05", _EMPLOYED_SIX_MONTHS),
    ("EECR06", _IMPROVED_SIX_MONTHS),
)
_ESF_2014_RESULTS = (
    (
        "CR01",
        evolve(
            _JOB_SEARCHING,
            labels=Labels(
                fi="Työvoiman ulkopuolelta tulleet, jotka ovat työnhakijoina osallistumisen "
                "päättyessä",
                sv="Personer utanför arbetskraften som söker arbete när de lämnar insatsen",
                en="Inactive participants newly engaged in job searching upon leaving",
            ),
        ),
    ),
    ("CR02", _IN_EDUCATION),
    ("CR03", _QUALIFIED),
    ("CR04", _EMPLOYED_UPON),
    (
        "CR05",
        _Result(
            labels=Labels(
                fi="Heikommassa asemassa olevat, jotka ovat työnhakijoina, koulutuksessa, "
                "saavuttaneet tutkinnon tai pätevyyden tai työssä, myös itsenäisinä "
                "ammatinharjoittajina, osallistumisen päättyessä",
                sv="Missgynnade deltagare som söker arbete, är i utbildning, har uppnått "
                "kvalifikationer eller är i arbete, inklusive egenföretagare, när de "
                "lämnar insatsen",
                en="Disadvantaged participants engaged in job searching, education/training, "
                "gaining a qualification, in employment, including self-employment, upon "
                "leaving",
            ),
            among=_DISADVANTAGED,
            has=AnyOf(
                parts=(
                    _INACTIVE & _JOB_SEARCHING_UPON_LEAVING,
                    InEducationUponLeaving(),
                    GainedQualification(),
                    _NOT_EMPLOYED & _EMPLOYED_UPON_LEAVING,
                )
            ),
            rule=f"{_DISADVANTAGED_RULE}; a result of CR01-CR04, each with its own "
            "reference group, counted once however many apply",
            sensitive=True,
        ),
    ),
    ("CR06", _EMPLOYED_SIX_MONTHS),
    ("CR07", _IMPROVED_SIX_MONTHS),
    (
        "CR08",
        _Result(
            labels=Labels(
                fi="Yli 54-vuotiaat työssä, myös itsenäisinä ammatinharjoittajina, kuusi "
                "kuukautta osallistumisen päättymisen jälkeen",
                sv="Deltagare över 54 år i arbete, inklusive egenföretagare, sex månader "
                "efter insatsen",
                en="Participants above 54 years of age in employment, including "
                "self-employment, six months after leaving",
            ),
            among=AgeBetween(minimum=55),
            has=_EMPLOYED_LATER,
            rule="as CR06, for people above 54 at entry",
            within="CR06",
        ),
    ),
    (
        "CR09",
        _Result(
            labels=Labels(
                fi="Heikommassa asemassa olevat työssä, myös itsenäisinä "
                "ammatinharjoittajina, kuusi kuukautta osallistumisen päättymisen jälkeen",
                sv="Missgynnade deltagare i arbete, inklusive egenföretagare, sex månader "
                "efter insatsen",
                en="Disadvantaged participants in employment, including self-employment, "
                "six months after leaving",
            ),
            among=_DISADVANTAGED,
            has=_EMPLOYED_LATER,
            rule=f"as CR06, for disadvantaged people; {_DISADVANTAGED_RULE}",
            within="CR06",
            sensitive=True,
        ),
    ),
)


def _results(
    rules: tuple[tuple[str, _Result], ...], ref: str, leavers: str
) -> list[Indicator]:  # pragma: no mutate block
    return [
        Indicator(
            code=code,
            labels=result.labels,
            statistic=Count(of=result.has),
            scope=Scope.LEFT,
            population=_COMPLETE & result.among,
            within=result.within or leavers,
            reference=f"{ref}; {result.rule}",
            sensitive=result.sensitive,
        )
        for code, result in rules
    ]


ESF_PLUS_2021 = Catalogue(
    name="ESF+ common indicators for participants",
    version="2021-2027",
    description="Common output and result indicators for participants, "
    "Regulation (EU) 2021/1057 Annex I, codes as in SFC2021.",
    title=Labels(
        fi="ESR+-ohjelmakauden 2021–2027 yhteiset indikaattorit (asetus (EU) 2021/1057, liite I)",
        sv="Gemensamma indikatorer för ESF+-programperioden 2021–2027 (förordning (EU) "
        "2021/1057, bilaga I)",
        en="Common indicators of the ESF+ 2021–2027 programming period (Regulation (EU) "
        "2021/1057, Annex I)",
    ),
    indicators=(
        _grand_total("EEGRANDTOTAL", _ESF_PLUS),
        _total("EECO01", _ESF_PLUS, within="EEGRANDTOTAL"),
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
            "Enintään perusaste (ISCED 0–2)",
            "Högst grundnivå (ISCED 0–2)",
            "With lower secondary education or less (ISCED 0-2)",
            AnyOf(
                parts=(HasEducation(band=IscedBand.ISCED_0), HasEducation(band=IscedBand.ISCED_0_2))
            ),
            ref=f"{_ESF_PLUS}; ISCED 0 included",
            within="EECO01",
        ),
        _output(
            "EECO10",
            "Toinen aste tai erikoisammattikoulutusaste (ISCED 3–4)",
            "Andra stadiet eller specialyrkesutbildningsnivå (ISCED 3–4)",
            "With upper secondary or post-secondary education (ISCED 3-4)",
            HasEducation(band=IscedBand.ISCED_3_4),
            ref=_ESF_PLUS,
            within="EECO01",
        ),
        _output(
            "EECO11",
            "Korkea-aste (ISCED 5–8)",
            "Högre nivå (ISCED 5–8)",
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
            "Vähemmistöt (mukaan lukien marginalisoidut yhteisöt, kuten romanit)",
            "Minoriteter (inklusive marginaliserade grupper såsom romer)",
            "Minorities (including marginalised communities such as the Roma)",
            _yes("minority"),
            ref=_ESF_PLUS,
            within="EECO01",
            sensitive=True,
        ),
        _output(
            "EECO16",
            "Asunnottomat tai asuntomarkkinoilta syrjäytyneet",
            "Hemlösa eller personer utestängda från bostadsmarknaden",
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
        *_results(_ESF_PLUS_RESULTS, _ESF_PLUS, "EELEAVERS"),
    ),
)


ESF_2014 = Catalogue(
    name="ESF common indicators for participants",
    version="2014-2020",
    description="Common output and result indicators for participants, Regulation (EU) "
    "No 1304/2013 Annex I, without the household indicators CO12–CO14: they describe the "
    "participant's household (jobless, with dependent children, a single adult), which "
    "the ESF counts as an item of its own (SFC2014 FAQ on reporting obligations: records "
    "complete in gender, employment status, age, education and household situation), "
    "and this model holds no household data.",
    title=Labels(
        fi="ESR-ohjelmakauden 2014–2020 yhteiset indikaattorit (asetus (EU) N:o 1304/2013, "
        "liite I)",
        sv="Gemensamma indikatorer för ESF-programperioden 2014–2020 (förordning (EU) "
        "nr 1304/2013, bilaga I)",
        en="Common indicators of the ESF 2014–2020 programming period (Regulation (EU) "
        "No 1304/2013, Annex I)",
    ),
    indicators=(
        _grand_total("COGRANDTOTAL", _ESF_2014),
        _total("COTOTAL", _ESF_2014, within="COGRANDTOTAL"),
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
            "Alempi tai ylempi perusaste (ISCED 1–2)",
            "Lägre eller högre grundnivå (ISCED 1–2)",
            "With primary or lower secondary education (ISCED 1-2)",
            HasEducation(band=IscedBand.ISCED_0_2),
            ref=f"{_ESF_2014}: primary (ISCED 1) or lower secondary (ISCED 2), as the "
            "Annex words it; a record that tells ISCED 0 apart (isced_0) is not counted here, "
            "one that does not (isced_0_2) is counted as written",
            within="COTOTAL",
        ),
        _output(
            "CO10",
            "Toinen aste tai erikoisammattikoulutusaste (ISCED 3–4)",
            "Andra stadiet eller specialyrkesutbildningsnivå (ISCED 3–4)",
            "With upper secondary or post-secondary education (ISCED 3-4)",
            HasEducation(band=IscedBand.ISCED_3_4),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO11",
            "Korkea-aste (ISCED 5–8)",
            "Högre nivå (ISCED 5–8)",
            "With tertiary education (ISCED 5-8)",
            HasEducation(band=IscedBand.ISCED_5_8),
            ref=_ESF_2014,
            within="COTOTAL",
        ),
        _output(
            "CO15",
            "Maahanmuuttajat, ulkomaalaistaustaiset osallistujat ja vähemmistöt (mukaan "
            "lukien marginalisoidut yhteisöt, kuten romanit)",
            "Migranter, deltagare med utländsk bakgrund och minoriteter (inklusive "
            "marginaliserade grupper såsom romer)",
            "Migrants, participants with a foreign background, minorities (including "
            "marginalised communities such as the Roma)",
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
            "CO17",
            "Muut heikommassa asemassa olevat",
            "Andra missgynnade personer",
            "Other disadvantaged",
            _yes("other_disadvantaged"),
            ref=f"{_ESF_2014}; the definition is national (SFC2014 FAQ on national "
            "definitions); sensitive, may be refused (SFC2014 FAQ on sensitive data)",
            within="COTOTAL",
            sensitive=True,
        ),
        _output(
            "CO18",
            "Asunnottomat tai asuntomarkkinoilta syrjäytyneet",
            "Hemlösa eller personer utestängda från bostadsmarknaden",
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
        *_results(_ESF_2014_RESULTS, _ESF_2014, "CRLEAVERS"),
    ),
)

_COMMON = {
    ProgrammingPeriod.ESF_2014_2020: ESF_2014,
    ProgrammingPeriod.ESF_PLUS_2021_2027: ESF_PLUS_2021,
}


def common_indicators(period: ProgrammingPeriod) -> Catalogue:
    """The common participant indicators of a programming period (yhteiset indikaattorit).

    :data:`ESF_2014` for 2014–2020 (Regulation (EU) No 1304/2013, Annex I),
    :data:`ESF_PLUS_2021` for 2021–2027 (Regulation (EU) 2021/1057, Annex I). A
    programme reports the set of its own period: ``common_indicators(
    programme.programming_period)``.
    """
    return _COMMON[ProgrammingPeriod(period)]


#: Every set of common indicators, oldest first.
COMMON_CATALOGUES: tuple[Catalogue, ...] = (ESF_2014, ESF_PLUS_2021)

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
            evolve(ind, scope=_CUMULATIVE.get(ind.scope, ind.scope)) for ind in catalogue.values()
        ),
    )
