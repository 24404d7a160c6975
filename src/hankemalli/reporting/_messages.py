"""The problem codes of the reports, in Finnish, Swedish and English (virhekoodit).

Registered with the model's catalogue (:func:`hankemalli.model._messages.register`)
when :mod:`hankemalli.reporting` is imported, so that :meth:`Problem.text` gives
them in every language. The codes are public, as the model's are.
"""

from __future__ import annotations

from typing import Final

from ..model._messages import Message, register

__all__ = ["PROBLEMS"]

#: Each problem code of the reports with its message.
PROBLEMS: Final[dict[str, Message]] = {
    "correction.no_reason": Message(
        fi="korjaukselle pitää kertoa syy",
        sv="en rättelse behöver en orsak",
        en="a correction needs its reason",
    ),
    "correction.no_change": Message(
        fi="korjauksen pitää muuttaa jotakin: osoittaja ja nimittäjä ovat molemmat 0",
        sv="en rättelse måste ändra något: både täljaren och nämnaren är 0",
        en="a correction must change something",
    ),
    "correction.no_annual_report": Message(
        fi="vuodelta {year} ei ole annettu vuosiraporttia",
        sv="ingen årsrapport har lämnats för {year}",
        en="no annual report for {year} was issued",
    ),
    "correction.unknown_indicator": Message(
        fi="indikaattoria {indicator} ei ole luettelossa",
        sv="indikatorn {indicator} finns inte i förteckningen",
        en="{indicator} is not in the catalogue",
    ),
    "annual_report.other_catalogue": Message(
        fi="vuoden {year} vuosiraportti on annettu luettelolla {issued_with}, ei luettelolla "
        "{catalogue}; käytä luetteloa, jolla se annettiin",
        sv="årsrapporten för {year} lämnades med förteckningen {issued_with}, inte "
        "{catalogue}; använd den förteckning den lämnades med",
        en="the annual report of {year} was issued with {issued_with}, not {catalogue}; pass "
        "the catalogue it was issued with",
    ),
}

register(PROBLEMS)
