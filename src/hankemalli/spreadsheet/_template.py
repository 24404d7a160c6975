"""The words of the instructions sheet (Ohjeet), in Finnish, Swedish and English."""

from __future__ import annotations

from ..indicators import Labels
from ._layout import Column, Kind

__all__ = ["COLUMN_HEADS", "FIELD_HEAD", "INSTRUCTIONS", "KIND_HINTS", "REQUIRED", "TITLE", "hint"]


def _l(fi: str, sv: str, en: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


TITLE = _l(
    "Hankkeen osallistujatiedot (hankemalli)",
    "Projektets deltagaruppgifter (hankemalli)",
    "The programme's participant records (hankemalli)",
)

#: The paragraphs of the instructions, in order.
INSTRUCTIONS: tuple[Labels, ...] = (
    _l(
        "Täytä kullekin välilehdelle yksi rivi kutakin asiaa kohden. Osallistujan rivit "
        "eri välilehdillä yhdistetään pseudonyymillä: kirjoita se samoin kaikkialle.",
        "Fyll i en rad per sak på varje flik. En deltagares rader på olika flikar "
        "kopplas samman med pseudonymen: skriv den likadant överallt.",
        "Fill in one row per thing on each sheet. A participant's rows on different "
        "sheets are linked by the pseudonym: write it the same everywhere.",
    ),
    _l(
        "TIETOSUOJA: kirjaa osallistujat vain pseudonyymillä (esim. K-0001), jonka "
        "yhdistys yhdistää henkilöön omassa järjestelmässään. Älä kirjoita taulukkoon "
        "nimiä, henkilötunnuksia, sähköpostiosoitteita tai puhelinnumeroita. Tuonti "
        "hylkää pseudonyymin, joka näyttää henkilötunnukselta, ja tekstin, jossa on "
        "henkilötunnus, sähköpostiosoite tai puhelinnumero.",
        "DATASKYDD: anteckna deltagarna endast med en pseudonym (t.ex. K-0001) som "
        "föreningen kopplar till personen i sitt eget system. Skriv inte namn, "
        "personbeteckningar, e-postadresser eller telefonnummer i tabellen. Importen "
        "avvisar en pseudonym som ser ut som en personbeteckning och en text med en "
        "personbeteckning, e-postadress eller ett telefonnummer.",
        "PRIVACY: record participants by a pseudonym only (such as K-0001), which the "
        "association links to the person in its own system. Write no names, personal "
        "identity codes, e-mail addresses or phone numbers in the workbook. The import "
        "refuses a pseudonym that looks like a personal identity code, and a text holding "
        "an identity code, an e-mail address or a phone number.",
    ),
    _l(
        "Päivämäärät: Excelin päivämääräsolu tai teksti muodossa 1.3.2016 tai 2016-03-01.",
        "Datum: en datumcell i Excel, eller text som 1.3.2016 eller 2016-03-01.",
        "Dates: an Excel date cell, or text such as 1.3.2016 or 2016-03-01.",
    ),
    _l(
        "Valitse koodit pudotusvalikoista. Tyhjä solu tarkoittaa, ettei tietoa ole; "
        "arkaluonteisissa kysymyksissä tyhjä on 'Ei kysytty'.",
        "Välj koderna i rullgardinslistorna. En tom cell betyder att uppgiften saknas; "
        "i känsliga frågor är tom 'Inte tillfrågad'.",
        "Choose the codes from the drop-down lists. A blank cell means the information "
        "is not known; for the sensitive questions a blank is 'Not asked'.",
    ),
    _l(
        "Tuonti: hankemalli import osallistujat.xlsx -o aineisto.json --lang fi. "
        "Jokainen virhe kerrotaan solun osoitteella, esim. Osallistujat!C14.",
        "Import: hankemalli import deltagare.xlsx -o material.json --lang sv. "
        "Varje fel anges med cellens adress, t.ex. Deltagare!C14.",
        "Import: hankemalli import participants.xlsx -o data.json --lang en. Every "
        "problem is told with its cell, such as Participants!C14.",
    ),
)

#: The heads of the table of columns in the instructions.
COLUMN_HEADS: tuple[Labels, Labels, Labels] = (
    _l("Sarake", "Kolumn", "Column"),
    _l("Pakollinen", "Obligatorisk", "Required"),
    _l("Mitä kirjoitetaan", "Vad skrivs", "What to write"),
)

#: The first head of the programme form's table: its rows are fields, not columns.
FIELD_HEAD = _l("Tieto", "Uppgift", "Field")

REQUIRED = _l("pakollinen", "obligatorisk", "required")

#: What each kind of column takes, as the instructions and header comments say it.
KIND_HINTS: dict[Kind, Labels] = {
    Kind.TEXT: _l("teksti", "text", "text"),
    Kind.LINES: _l(
        "tekstiä, voi olla useita rivejä",
        "text, kan ha flera rader",
        "text, may have several lines",
    ),
    Kind.WHOLE: _l("kokonaisluku", "heltal", "a whole number"),
    Kind.DECIMAL: _l("luku, esim. 0,456", "tal, t.ex. 0,456", "a number, such as 0.456"),
    Kind.DATE: _l(
        "päivämäärä, esim. 1.3.2016", "datum, t.ex. 1.3.2016", "a date, such as 1.3.2016"
    ),
    Kind.BOOLEAN: _l("kyllä tai ei", "ja eller nej", "yes or no"),
    Kind.CODE: _l("valitse luettelosta", "välj i listan", "choose from the list"),
    Kind.TAG: _l("valitse luettelosta", "välj i listan", "choose from the list"),
    Kind.PSEUDONYM: _l("pseudonyymi", "pseudonym", "a pseudonym"),
    Kind.ORDINAL: _l("numero 1, 2, …", "nummer 1, 2, …", "a number 1, 2, …"),
    Kind.STAGE: _l("vaiheen nimi", "stegets namn", "the stage's name"),
    Kind.JSON: _l("JSON-teksti", "JSON-text", "JSON text"),
}

_ONLY_FOR = _l("vain riveille: {kinds}", "endast för rader: {kinds}", "only for rows: {kinds}")


def hint(column: Column, language: str, kinds: str = "") -> str:
    """What to write in ``column``: its kind, the rows it is only for, and its note."""
    text = KIND_HINTS[column.kind].get(language)
    if kinds:
        text += f" ({_ONLY_FOR.get(language).format(kinds=kinds)})"
    if column.note is not None:
        text += f". {column.note.get(language)}"
    return text
