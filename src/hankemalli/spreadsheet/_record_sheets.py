"""The sheets of the participants, their participation periods and service episodes."""

from __future__ import annotations

from ..model import (
    Answer,
    ExitReason,
    Gender,
    InformationSource,
    IscedBand,
    LabourMarketStatus,
    LanguageSkill,
    LeavingStatus,
    ReferralSource,
    ServiceType,
)
from ._columns import PSEUDONYM, Column, Kind, Sheet, code_column, column, labels

__all__ = ["EPISODES", "PARTICIPANTS", "PERIODS"]


def _exit(key: str, fi: str, sv: str, en: str, kind: Kind, **more: object) -> Column:
    return column(
        f"exit_{key}",
        f"Tilanne lähdettäessä: {fi}",
        f"Situation vid avslut: {sv}",
        f"Situation upon leaving: {en}",
        kind,
        path=("exit_situation", key),
        **more,
    )


def _answer(key: str, fi: str, sv: str, en: str) -> Column:
    return code_column(key, fi, sv, en, Answer, path=("profile", key))


def _profile(key: str, fi: str, sv: str, en: str, kind: Kind, **more: object) -> Column:
    return column(key, fi, sv, en, kind, path=("profile", key), **more)


PARTICIPANTS = Sheet(
    key="participants",
    name=labels("Osallistujat", "Deltagare", "Participants"),
    note=labels(
        "Yksi rivi osallistujaa kohden: pseudonyymi, tiedot hankkeeseen tullessa "
        "(lähtötilanne) ja tilanne hankkeesta lähdettäessä.",
        "En rad per deltagare: pseudonym, uppgifterna vid start och situationen vid avslut.",
        "One row per participant: the pseudonym, the profile at first entry and the "
        "situation upon leaving.",
    ),
    within=("participants",),
    required=True,
    columns=(
        column(
            "id",
            "Pseudonyymi",
            "Pseudonym",
            "Pseudonym",
            Kind.TEXT,
            path=("participant", "id"),
            required=True,
            note=labels(
                "Yhdistyksen oma tunniste, esim. K-0001. Ei nimeä eikä henkilötunnusta.",
                "Föreningens egen kod, t.ex. K-0001. Inget namn, ingen personbeteckning.",
                "The association's own code, such as K-0001. No name, no identity code.",
            ),
        ),
        column(
            "age_at_entry",
            "Ikä tullessa",
            "Ålder vid start",
            "Age at entry",
            Kind.WHOLE,
            path=("participant", "age_at_entry"),
            note=labels(
                "Täysinä vuosina ensimmäisenä aloituspäivänä.",
                "I fyllda år den första startdagen.",
                "In completed years on the first entry date.",
            ),
        ),
        code_column("gender", "Sukupuoli", "Kön", "Gender", Gender, path=("profile", "gender")),
        code_column(
            "labour_market_status",
            "Työmarkkina-asema",
            "Ställning på arbetsmarknaden",
            "Labour-market status",
            LabourMarketStatus,
            path=("profile", "labour_market_status"),
        ),
        _profile(
            "unemployed_since",
            "Työtön alkaen",
            "Arbetslös sedan",
            "Unemployed since",
            Kind.DATE,
            note=labels(
                "Vain työttömille: tulohetkellä jatkuneen työttömyyden alkupäivä.",
                "Endast arbetslösa: början av arbetslösheten som pågick vid start.",
                "Only for the unemployed: the start of the unemployment going on at entry.",
            ),
        ),
        _profile(
            "in_education_or_training",
            "Koulutuksessa tullessa",
            "I utbildning vid start",
            "In education or training",
            Kind.BOOLEAN,
        ),
        code_column(
            "education",
            "Koulutustaso",
            "Utbildningsnivå",
            "Education level",
            IscedBand,
            path=("profile", "education"),
        ),
        _profile(
            "vocational_qualification",
            "Ammatillinen tutkinto",
            "Yrkesexamen",
            "Vocational qualification",
            Kind.BOOLEAN,
        ),
        code_column(
            "language_skill",
            "Suomen tai ruotsin taito",
            "Kunskaper i finska eller svenska",
            "Finnish or Swedish skill",
            LanguageSkill,
            path=("profile", "language_skill"),
        ),
        code_column(
            "referral_source",
            "Ohjautumiskanava",
            "Väg in i projektet",
            "Referral source",
            ReferralSource,
            path=("profile", "referral_source"),
        ),
        _answer(
            "foreign_background", "Ulkomainen tausta", "Utländsk bakgrund", "Foreign background"
        ),
        _answer(
            "third_country_national",
            "EU:n ulkopuolisen maan kansalainen",
            "Medborgare i tredjeland",
            "Third-country national",
        ),
        _answer("asylum_seeker", "Turvapaikanhakija", "Asylsökande", "Asylum seeker"),
        _answer("disability", "Vammaisuus", "Funktionsnedsättning", "Disability"),
        _answer("minority", "Vähemmistöön kuuluva", "Tillhör en minoritet", "Minority"),
        _answer("homeless", "Asunnoton", "Bostadslös", "Homeless"),
        _answer("rural", "Maaseudulla asuva", "Bor på landsbygden", "Rural"),
        _answer(
            "other_disadvantaged",
            "Muu heikommassa asemassa oleva",
            "Annan missgynnad",
            "Other disadvantaged",
        ),
        _exit(
            "date",
            "päivä",
            "datum",
            "date",
            Kind.DATE,
            note=labels(
                "Viimeinen päättymispäivä, jos tilanne kirjattiin lähdettäessä.",
                "Det sista slutdatumet, om situationen antecknades vid avslut.",
                "The last exit date, if the situation was recorded upon leaving.",
            ),
        ),
        _exit("status", "asema", "ställning", "status", Kind.CODE, codes=LeavingStatus),
        _exit("in_education", "koulutuksessa", "i utbildning", "in education", Kind.BOOLEAN),
        _exit("source", "tiedon lähde", "källa", "source", Kind.CODE, codes=InformationSource),
    ),
)

PERIODS = Sheet(
    key="periods",
    name=labels("Osallistumisjaksot", "Deltagandeperioder", "Periods"),
    note=labels(
        "Osallistumisjaksot: yksi rivi kutakin jaksoa kohden. Palaava osallistuja saa uuden rivin.",
        "Deltagandeperioder: en rad per period. En deltagare som kommer tillbaka får en ny rad.",
        "Participation periods: one row each. A participant who comes back gets a new row.",
    ),
    within=("periods",),
    child=True,
    columns=(
        PSEUDONYM,
        column("entry", "Aloituspäivä", "Startdatum", "Entry", Kind.DATE, required=True),
        column(
            "exit",
            "Päättymispäivä",
            "Slutdatum",
            "Exit",
            Kind.DATE,
            note=labels(
                "Tyhjä, jos jakso jatkuu.",
                "Tom om perioden pågår.",
                "Blank while the period goes on.",
            ),
        ),
        code_column(
            "exit_reason", "Päättymisen syy", "Orsak till avslut", "Exit reason", ExitReason
        ),
    ),
)

EPISODES = Sheet(
    key="episodes",
    name=labels("Palvelujaksot", "Tjänsteperioder", "Service episodes"),
    note=labels(
        "Palvelupolku: yksi rivi kutakin palvelujaksoa kohden.",
        "Tjänstestigen: en rad per tjänsteperiod.",
        "The pathway: one row per service episode.",
    ),
    within=("episodes",),
    child=True,
    columns=(
        PSEUDONYM,
        code_column("service", "Palvelu", "Tjänst", "Service", ServiceType, required=True),
        column("start", "Alkoi", "Började", "Start", Kind.DATE, required=True),
        column("end", "Päättyi", "Slutade", "End", Kind.DATE),
        column("provider", "Palveluntuottaja", "Anordnare", "Provider", Kind.TEXT),
        column(
            "label",
            "Palvelun nimi",
            "Tjänstens benämning",
            "Label",
            Kind.TEXT,
            note=labels(
                "Pakollinen, kun palvelu on 'Muu palvelu'.",
                "Obligatorisk när tjänsten är 'Annan tjänst'.",
                "Needed when the service is 'Other service'.",
            ),
        ),
        column(
            "id",
            "Jakson tunnus",
            "Periodens kod",
            "Episode id",
            Kind.TEXT,
            note=labels(
                "Vapaaehtoinen; Tilanteet-välilehti voi viitata siihen.",
                "Frivillig; fliken Situationer kan hänvisa till den.",
                "Optional; the Situations sheet may refer to it.",
            ),
        ),
    ),
)
