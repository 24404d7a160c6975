"""Every rule of the checks with its words in Finnish, Swedish and English (säännöt).

The codes are public: a user interface may translate by them, and they are renamed
or removed only under the compatibility policy; the words may be improved in any
release. A message may name a value as a term (``{status:status}``): the words for
such values are in :data:`TERMS`. :data:`PHRASES` are the words of the data-quality
report around the findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..model._language import Message
from ._rule import Rule, Severity

__all__ = ["PHRASES", "RULES", "TERMS"]

_TOTAL_ONLY = Message(
    fi="tietue lasketaan vain osallistujien kokonaismäärään, ei indikaattoreihin",
    sv="posten räknas bara in i det totala antalet deltagare, inte i indikatorerna",
    en="the record counts in the grand total only, not in the indicators",
)


def _missing(fi: str, sv: str, en: str) -> Message:
    """A completeness message: what is not known, and what follows for the figures."""
    return Message(
        fi=f"{fi}; {_TOTAL_ONLY.fi}", sv=f"{sv}; {_TOTAL_ONLY.sv}", en=f"{en}; {_TOTAL_ONLY.en}"
    )


_RULES = (
    # Completeness (tietojen kattavuus): what the indicators need to know.
    Rule(
        code="completeness.gender",
        severity=Severity.WARNING,
        title=Message(fi="Sukupuoli puuttuu", sv="Kön saknas", en="Gender not known"),
        message=_missing("sukupuoli ei ole tiedossa", "kön är inte känt", "gender is not known"),
    ),
    Rule(
        code="completeness.labour_market_status",
        severity=Severity.WARNING,
        title=Message(
            fi="Työmarkkina-asema puuttuu",
            sv="Ställning på arbetsmarknaden saknas",
            en="Labour-market status not known",
        ),
        message=_missing(
            "työmarkkina-asema ei ole tiedossa",
            "ställningen på arbetsmarknaden är inte känd",
            "labour-market status is not known",
        ),
    ),
    Rule(
        code="completeness.age",
        severity=Severity.WARNING,
        title=Message(fi="Ikä puuttuu", sv="Ålder saknas", en="Age not known"),
        message=_missing(
            "ikä hankkeeseen tullessa ei ole tiedossa",
            "åldern vid inträdet är inte känd",
            "age at entry is not known",
        ),
    ),
    Rule(
        code="completeness.education",
        severity=Severity.WARNING,
        title=Message(
            fi="Koulutustaso puuttuu", sv="Utbildningsnivå saknas", en="Education not known"
        ),
        message=_missing(
            "koulutustaso (ISCED-luokka) ei ole tiedossa",
            "utbildningsnivån (ISCED-nivå) är inte känd",
            "education (ISCED band) is not known",
        ),
    ),
    Rule(
        code="completeness.unemployed_since",
        severity=Severity.WARNING,
        title=Message(
            fi="Työttömyyden alkamispäivä puuttuu",
            sv="Arbetslöshetens startdatum saknas",
            en="Start of unemployment not known",
        ),
        message=Message(
            fi="työttömyyden alkamispäivä ei ole tiedossa, joten pitkäaikaistyöttömyyttä ei "
            "voi päätellä",
            sv="arbetslöshetens startdatum är inte känt, så det går inte att avgöra om "
            "personen är långtidsarbetslös",
            en="the start of unemployment is not known, so long-term unemployment cannot be "
            "decided",
        ),
    ),
    Rule(
        code="completeness.foreign_background_not_asked",
        severity=Severity.WARNING,
        title=Message(
            fi="Ulkomaalaistaustaa ei kysytty",
            sv="Utländsk bakgrund inte efterfrågad",
            en="Foreign background not asked",
        ),
        message=Message(
            fi="henkilö on kolmannen maan kansalainen, mutta häneltä ei ole kysytty "
            "ulkomaalaistaustaa; kysy se: se on oma kysymyksensä (EECO14), eikä sitä voi "
            "päätellä kansalaisuudesta (SFC2021:n kysymykset ja vastaukset, EECO13–EECO15)",
            sv="personen är tredjelandsmedborgare men har inte tillfrågats om utländsk "
            "bakgrund; fråga det: det är en egen fråga (EECO14) och kan inte härledas ur "
            "medborgarskapet (SFC2021:s frågor och svar, EECO13–EECO15)",
            en="the person is a third-country national but was not asked about a foreign "
            "background; ask it: it is a question of its own (EECO14) and cannot be "
            "inferred from nationality (SFC2021 FAQ on EECO13–EECO15)",
        ),
    ),
    # Consistency (johdonmukaisuus): events and situations that contradict each other.
    Rule(
        code="consistency.situation_after_six_months_without_exit",
        severity=Severity.ERROR,
        title=Message(
            fi="Kuuden kuukauden tilanne ilman lopetusta",
            sv="Situation efter sex månader utan utträde",
            en="Six-month situation without an exit",
        ),
        message=Message(
            fi="kuuden kuukauden kuluttua kirjattu tilanne edellyttää, että osallistuminen on "
            "päättynyt; osallistuminen on vielä kesken",
            sv="en situation sex månader efter utträdet förutsätter ett utträde; deltagandet "
            "pågår fortfarande",
            en="a situation after six months event needs an exit; the participation is still open",
        ),
    ),
    Rule(
        code="consistency.post_exit_contact_without_exit",
        severity=Severity.ERROR,
        title=Message(
            fi="Yhteydenpito päättymisen jälkeen, vaikka osallistuminen jatkuu",
            sv="Kontakt efter utträdet fast deltagandet pågår",
            en="Contact after leaving without an exit",
        ),
        message=Message(
            fi="päättymisen jälkeinen yhteydenpito edellyttää, että osallistuminen on "
            "päättynyt; osallistuminen on vielä kesken",
            sv="kontakt efter utträdet förutsätter ett utträde; deltagandet pågår fortfarande",
            en="a post exit contact event needs an exit; the participation is still open",
        ),
    ),
    Rule(
        code="consistency.post_exit_contact_before_exit",
        severity=Severity.ERROR,
        title=Message(
            fi="Yhteydenpito päivätty ennen päättymistä",
            sv="Kontakten daterad före utträdet",
            en="Contact after leaving dated before the exit",
        ),
        message=Message(
            fi="päättymisen jälkeinen yhteydenpito on päivätty {date}, ei viimeisen "
            "lopetuspäivän ({last_exit}) jälkeen",
            sv="kontakten efter utträdet är daterad {date}, inte efter det sista utträdet "
            "({last_exit})",
            en="contact after leaving is dated {date}, not after the last exit ({last_exit})",
        ),
    ),
    Rule(
        code="consistency.six_month_situation_too_early",
        severity=Severity.WARNING,
        title=Message(
            fi="Kuuden kuukauden tilanne kirjattu liian aikaisin",
            sv="Situationen efter sex månader registrerad för tidigt",
            en="Six-month situation dated too early",
        ),
        message=Message(
            fi="kuuden kuukauden kuluttua kirjattu tilanne on päivätty {date}, ennen kuin "
            "päättymisestä on kulunut kuusi kuukautta ({six_months}); sitä ei lasketa "
            "pidemmän aikavälin tulokseksi",
            sv="situationen sex månader efter utträdet är daterad {date}, innan sex månader "
            "har gått sedan utträdet ({six_months}); den räknas inte som ett resultat på "
            "längre sikt",
            en="the situation six months after leaving is dated {date}, before the "
            "six-month date ({six_months}); it does not count as a longer-term result",
        ),
    ),
    Rule(
        code="consistency.improvement_not_employed_at_entry",
        severity=Severity.ERROR,
        title=Message(
            fi="Parantunut työmarkkinatilanne, vaikka ei työssä tullessa",
            sv="Förbättrad situation fast inte sysselsatt vid inträdet",
            en="Improved situation for someone not employed at entry",
        ),
        message=Message(
            fi="parantunut työmarkkinatilanne koskee vain henkilöitä, jotka olivat työssä "
            "hankkeeseen tullessaan",
            sv="en förbättrad situation på arbetsmarknaden gäller bara personer som var "
            "sysselsatta vid inträdet",
            en="an improved labour-market situation is only for people employed at entry",
        ),
    ),
    Rule(
        code="consistency.employment_before_its_episode",
        severity=Severity.ERROR,
        title=Message(
            fi="Työsuhde alkaa ennen palvelujaksoa, josta se seurasi",
            sv="Anställningen börjar före tjänsteperioden som ledde till den",
            en="Employment begins before its episode",
        ),
        message=Message(
            fi="työsuhde ({start}) alkaa ennen kuin palvelujakso, josta se seurasi, alkoi "
            "({episode_start})",
            sv="anställningen ({start}) börjar innan tjänsteperioden som ledde till den "
            "började ({episode_start})",
            en="the employment ({start}) begins before the episode that led to it started "
            "({episode_start})",
        ),
    ),
    Rule(
        code="consistency.exit_situation_disagrees_with_spells",
        severity=Severity.WARNING,
        title=Message(
            fi="Lähdettäessä kirjattu tilanne ei vastaa tilannejaksoja",
            sv="Situationen vid utträdet stämmer inte med situationsperioderna",
            en="Exit situation disagrees with the spells",
        ),
        # What differs (status, education or both) is a term of the family "exit".
        message=Message(
            fi="{differs:exit}; tulokset lasketaan kirjatusta tilanteesta: korjaa se, joka on "
            "väärin",
            sv="{differs:exit}; resultaten räknas från den registrerade situationen: rätta "
            "den som är fel",
            en="{differs:exit}; the recorded situation is what the results count: correct "
            "the one that is wrong",
        ),
    ),
    Rule(
        code="consistency.service_not_offered",
        severity=Severity.NOTE,
        title=Message(
            fi="Palvelu ei ole hankkeen palveluissa",
            sv="Tjänsten finns inte bland projektets tjänster",
            en="Service not among the programme's services",
        ),
        message=Message(
            fi="hankkeen palveluissa ei ole palvelua {service}",
            sv="projektets tjänster omfattar inte {service}",
            en="the programme does not list {service} among its services",
        ),
    ),
    # Aggregate checks over computed figures (hankemalli.indicators.check_results).
    Rule(
        code="aggregate.numerator_within_denominator",
        severity=Severity.ERROR,
        title=Message(
            fi="Osoittaja suurempi kuin perusjoukko",
            sv="Täljaren större än basen",
            en="Numerator above its base",
        ),
        message=Message(
            fi="{code}: {numerator} on enemmän kuin perusjoukko {denominator}",
            sv="{code}: {numerator} är fler än basen {denominator}",
            en="{code}: {numerator} is more than its base {denominator}",
        ),
    ),
    Rule(
        code="aggregate.subgroup_within_total",
        severity=Severity.ERROR,
        title=Message(
            fi="Alaryhmä suurempi kuin kokonaisuus",
            sv="Delgruppen större än totalen",
            en="Subgroup above its total",
        ),
        message=Message(
            fi="{code} ({numerator}) on suurempi kuin {total} ({total_numerator}), johon se "
            "sisältyy",
            sv="{code} ({numerator}) är större än {total} ({total_numerator}), som innehåller den",
            en="{code} ({numerator}) is more than {total} ({total_numerator}), which contains it",
        ),
    ),
)

#: Every rule of the checks, by its code, in the order the checks run.
RULES: Final[Mapping[str, Rule]] = {rule.code: rule for rule in _RULES}

_EXIT_STATUS = Message(
    fi="lähdettäessä henkilö on kirjattu olleen {recorded_status:status}, mutta "
    "tilannejaksojen mukaan hän oli {day} {derived_status:status}",
    sv="vid utträdet registrerades personen som {recorded_status:status}, men enligt "
    "situationsperioderna var personen {derived_status:status} den {day}",
    en="the status recorded at exit is {recorded_status:status}, the spells give "
    "{derived_status:status} on {day}",
)
_EXIT_EDUCATION = Message(
    fi="lähdettäessä kirjatun tilanteen mukaan henkilö {recorded_education:education}, "
    "tilannejaksojen mukaan hän {derived_education:education}",
    sv="enligt situationen vid utträdet var personen {recorded_education:education}, enligt "
    "situationsperioderna {derived_education:education}",
    en="the exit situation says {recorded_education:education} education or training, "
    "the spells say {derived_education:education}",
)

#: The words a message names by a term field: ``family.value``.
TERMS: Final[Mapping[str, Message]] = {
    # A labour-market status after leaving (LeavingStatus), as "the person was ...".
    "status.employed": Message(fi="työssä", sv="anställd", en="employed"),
    "status.self_employed": Message(fi="yrittäjänä", sv="företagare", en="self-employed"),
    "status.job_searching": Message(fi="työnhakijana", sv="arbetssökande", en="job searching"),
    "status.inactive": Message(
        fi="työvoiman ulkopuolella", sv="utanför arbetskraften", en="inactive"
    ),
    # In education or training other than the operation's own ("true") or not ("false").
    "education.true": Message(fi="oli koulutuksessa", sv="i utbildning", en="in"),
    "education.false": Message(fi="ei ollut koulutuksessa", sv="inte i utbildning", en="not in"),
    # What of the exit situation disagrees with the spells.
    "exit.status": _EXIT_STATUS,
    "exit.education": _EXIT_EDUCATION,
    "exit.both": Message(
        fi=f"{_EXIT_STATUS.fi}; {_EXIT_EDUCATION.fi}",
        sv=f"{_EXIT_STATUS.sv}; {_EXIT_EDUCATION.sv}",
        en=f"{_EXIT_STATUS.en}; {_EXIT_EDUCATION.en}",
    ),
}

#: The words of the data-quality report (:meth:`QualityReport.text`) around the findings.
PHRASES: Final[Mapping[str, Message]] = {
    "heading": Message(
        fi="Tietojen laatu: {programme}",
        sv="Uppgifternas kvalitet: {programme}",
        en="Data quality: {programme}",
    ),
    "own_use": Message(
        fi="Yhdistyksen omaan käyttöön. Raportti nimeää osallistujat pseudonyymeillä, jotta "
        "tiedot voi korjata; älä lähetä sitä rahoittajalle äläkä julkaise sitä.",
        sv="För föreningens eget bruk. Rapporten namnger deltagarna med pseudonymer så att "
        "uppgifterna kan rättas; skicka den inte till finansiären och publicera den inte.",
        en="For the association's own use. The report names the participants by their "
        "pseudonyms so that the data can be corrected; do not send it to a funder or "
        "publish it.",
    ),
    "summary": Message(
        fi="Osallistujia {participants}, havaintoja {findings}: virheitä {errors}, "
        "varoituksia {warnings}, huomioita {notes}.",
        sv="Deltagare {participants}, iakttagelser {findings}: fel {errors}, varningar "
        "{warnings}, anmärkningar {notes}.",
        en="Participants {participants}, findings {findings}: errors {errors}, warnings "
        "{warnings}, notes {notes}.",
    ),
    "none": Message(
        fi="Tarkistukset eivät löytäneet mitään korjattavaa.",
        sv="Kontrollerna hittade inget att rätta.",
        en="The checks found nothing to correct.",
    ),
    "counts": Message(
        fi="Havaintoja {findings}, osallistujia {participants}.",
        sv="Iakttagelser {findings}, deltagare {participants}.",
        en="Findings {findings}, participants {participants}.",
    ),
    "participants": Message(fi="Osallistujat", sv="Deltagare", en="Participants"),
    "error": Message(fi="Virhe", sv="Fel", en="Error"),
    "warning": Message(fi="Varoitus", sv="Varning", en="Warning"),
    "note": Message(fi="Huomio", sv="Anmärkning", en="Note"),
}
