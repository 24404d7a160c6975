"""The problem codes of the indicators, in Finnish, Swedish and English (virhekoodit).

Registered with the model's catalogue (:func:`hankemalli.model._messages.register`)
when :mod:`hankemalli.indicators` is imported, so that :meth:`Problem.text` gives
them in every language. The codes are public, as the model's are.
"""

from __future__ import annotations

from typing import Final

from ..model._messages import Message, register

__all__ = ["PROBLEMS"]

#: Each problem code of the indicators with its message.
PROBLEMS: Final[dict[str, Message]] = {
    "date.pendulum_expected": Message(
        fi="arvon pitää olla pendulum-päivämäärä, esimerkiksi pendulum.date(2016, 1, 31), "
        "mutta se on {got}",
        sv="värdet ska vara ett pendulum-datum, till exempel pendulum.date(2016, 1, 31), "
        "men det är {got}",
        en="expected a pendulum Date such as pendulum.date(2016, 1, 31), got {got}",
    ),
    "reporting_period.ends_before_start": Message(
        fi="raportointikausi päättyy ({end}) ennen kuin se alkaa ({start})",
        sv="rapportperioden slutar ({end}) innan den börjar ({start})",
        en="the period ends ({end}) before it starts ({start})",
    ),
    "catalogue.duplicate_code": Message(
        fi="indikaattorin koodi {indicator} on luettelossa kahdesti",
        sv="indikatorkoden {indicator} förekommer två gånger i förteckningen",
        en="indicator code {indicator} is used twice",
    ),
    "catalogue.unknown_within": Message(
        fi="{indicator} sisältyy indikaattoriin {within}, jota ei ole luettelossa",
        sv="{indicator} ingår i {within}, som inte finns i förteckningen",
        en="{indicator} is within {within}, which is not in the catalogue",
    ),
    "figure.combine_different": Message(
        fi="lukua {indicator} ({statistic}) ei voi yhdistää lukuun {first_indicator} "
        "({first_statistic})",
        sv="{indicator} ({statistic}) kan inte slås samman med {first_indicator} "
        "({first_statistic})",
        en="cannot combine {indicator} ({statistic}) with {first_indicator} ({first_statistic})",
    ),
    "figure.combine_cumulative": Message(
        fi="{indicator} on kertyvä luku: käytä viimeisintä arvoa, älä laske arvoja yhteen",
        sv="{indicator} är ett ackumulerat tal: använd det senaste värdet, addera inte",
        en="{indicator} is cumulative: take the latest value, do not add",
    ),
    "evidence.statistic": Message(
        fi="{indicator} on {statistic}; vaikuttavuusnäyttö vertaa erikokoisia ryhmiä, joten "
        "vain osuus (Share) tai keskiarvo (Mean) käy",
        sv="{indicator} är {statistic}; evidensen jämför grupper av olika storlek, så bara en "
        "andel (Share) eller ett medelvärde (Mean) duger",
        en="{indicator} is a {statistic}; evidence compares groups of different sizes, so only a "
        "Share or a Mean will do",
    ),
    "evidence.model_without_services": Message(
        fi="toimintamalli {model} ei nimeä yhtään palvelua; näyttö vertaa palvelupolkuja, "
        "joilla palveluja käytettiin, niihin, joilla ei",
        sv="verksamhetsmodellen {model} nämner inga tjänster; evidensen jämför "
        "tjänstevägarna som använde dem med dem som inte gjorde det",
        en="operating model {model} names no services; evidence compares the pathways that "
        "used them with those that did not",
    ),
    "evidence.threshold": Message(
        fi="arvon pitää olla kokonaisluku 1 tai suurempi, mutta se on {got}",
        sv="värdet ska vara ett heltal 1 eller större, men det är {got}",
        en="expected 1 or more, got {got}",
    ),
    "evidence.other_model": Message(
        fi="näyttö koskee toimintamallia {evidence_model}, ei mallia {model}",
        sv="evidensen gäller verksamhetsmodellen {evidence_model}, inte {model}",
        en="the evidence is for model {evidence_model}, not {model}",
    ),
    "selector.unknown_characteristic": Message(
        fi="tuntematon lähtötilanteen tieto {name}; sallitut: {allowed}",
        sv="okänd uppgift om utgångsläget {name}; tillåtna: {allowed}",
        en="unknown characteristic {name}; allowed: {allowed}",
    ),
    "selector.unknown_event": Message(
        fi="tuntematon tulostapahtuman tai tilannejakson laji {event}; sallitut: {allowed}",
        sv="okänd typ av händelse eller situation {event}; tillåtna: {allowed}",
        en="unknown event or situation type {event}; allowed: {allowed}",
    ),
    "selector.unknown_attribute": Message(
        fi="lajilla {event} ei ole tietoa {name}",
        sv="{event} har ingen uppgift {name}",
        en="{event} has no attribute {name}",
    ),
}

register(PROBLEMS)
