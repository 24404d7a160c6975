"""Problems found in a workbook, at their cell, in Finnish, Swedish and English.

A :class:`SheetProblem` is a :class:`~hankemalli.model.Problem` that also names its
cell in the spreadsheet's own terms (``Osallistujat!C14``, or a whole sheet). It is
either a problem of the model's, found in the document the workbook was turned into
and carried back to the cell it came from, or one of the workbook's own, whose codes
and messages are :data:`SHEET_MESSAGES` (``sheet.*`` for cells, ``mapping.*`` for a
column mapping), added to the library's catalogue so that :meth:`Problem.text` gives
them in every language. Codes are public, like the model's; messages may be reworded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from attrs import frozen

from ..model import Problem, format_path
from ..model._language import Language, Message
from ..model._messages import register

__all__ = ["SHEET_MESSAGES", "SheetProblem", "problem"]


def _m(fi: str, sv: str, en: str) -> Message:
    return Message(fi=fi, sv=sv, en=en)


#: Every code of a workbook's own problems, with its message in each language.
SHEET_MESSAGES: Final[Mapping[str, Message]] = {
    "sheet.not_a_workbook": _m(
        "Tiedosto ei ole Excel-työkirja (.xlsx), jonka voisi lukea: {reason}.",
        "Filen är ingen Excel-arbetsbok (.xlsx) som kan läsas: {reason}.",
        "The file is not an Excel workbook (.xlsx) that can be read: {reason}.",
    ),
    "sheet.csv_encoding": _m(
        "CSV-tiedosto ei ole UTF-8-merkistöä (tavu {position}). Tallenna se Excelissä "
        "muodossa 'CSV UTF-8 (luetteloerotin)'.",
        "CSV-filen är inte i UTF-8 (byte {position}). Spara den i Excel som 'CSV UTF-8 "
        "(kommaavgränsad)'.",
        "The CSV file is not UTF-8 (byte {position}). Save it from Excel as 'CSV UTF-8 "
        "(comma delimited)'.",
    ),
    "sheet.csv_format": _m(
        "CSV-tiedostoa ei voi lukea: {reason}.",
        "CSV-filen kan inte läsas: {reason}.",
        "The CSV file cannot be read: {reason}.",
    ),
    "sheet.missing_sheet": _m(
        "Välilehti {sheet} puuttuu; se tarvitaan.",
        "Fliken {sheet} saknas; den behövs.",
        "The sheet {sheet} is missing; it is needed.",
    ),
    "sheet.unknown_sheet": _m(
        "Tuntematon välilehti {sheet}; tunnetut välilehdet: {allowed}. Poista se tai "
        "ohita se sarakekartalla.",
        "Okänd flik {sheet}; kända flikar: {allowed}. Ta bort den eller hoppa över den "
        "med en kolumnkarta.",
        "Unknown sheet {sheet}; known sheets: {allowed}. Remove it, or skip it with a "
        "column mapping.",
    ),
    "sheet.duplicate_sheet": _m(
        "Välilehdet {sheet} ja {first} ovat sama välilehti; pidä vain toinen.",
        "Flikarna {sheet} och {first} är samma flik; behåll bara den ena.",
        "The sheets {sheet} and {first} are the same sheet; keep only one.",
    ),
    "sheet.missing_column": _m(
        "Sarake {column} puuttuu, ja se on pakollinen.",
        "Kolumnen {column} saknas, och den är obligatorisk.",
        "The column {column} is missing, and it is required.",
    ),
    "sheet.unknown_column": _m(
        "Tuntematon sarake {column}; tämän välilehden sarakkeet: {allowed}.",
        "Okänd kolumn {column}; flikens kolumner: {allowed}.",
        "Unknown column {column}; the columns of this sheet: {allowed}.",
    ),
    "sheet.duplicate_column": _m(
        "{column} on jo solussa {first}; kukin tieto vain kerran.",
        "{column} finns redan i cellen {first}; varje uppgift bara en gång.",
        "{column} is already at {first}; each one only once.",
    ),
    "sheet.unnamed_column": _m(
        "Sarakkeessa on tietoja mutta ei otsikkoa (tai rivillä ei tiedon nimeä).",
        "Kolumnen har uppgifter men ingen rubrik (eller raden inget namn på uppgiften).",
        "The column holds data but has no header (or the row no field name).",
    ),
    "sheet.unknown_field": _m(
        "Tuntematon tieto {column}; tämän välilehden tiedot: {allowed}.",
        "Okänd uppgift {column}; flikens uppgifter: {allowed}.",
        "Unknown field {column}; the fields of this sheet: {allowed}.",
    ),
    "sheet.no_participant": _m(
        "Rivillä ei ole pseudonyymiä; jokainen rivi kuuluu jollekin osallistujalle.",
        "Raden har ingen pseudonym; varje rad hör till en deltagare.",
        "The row has no pseudonym; every row belongs to a participant.",
    ),
    "sheet.too_many_values": _m(
        "Tiedolla {column} on vain yksi arvo, sarakkeessa B.",
        "Uppgiften {column} har bara ett värde, i kolumn B.",
        "{column} has one value only, in column B.",
    ),
    "sheet.unknown_value": _m(
        "Tuntematon arvo {value}; sallitut: {allowed}.",
        "Okänt värde {value}; tillåtna: {allowed}.",
        "Unknown value {value}; allowed: {allowed}.",
    ),
    "sheet.text": _m(
        "Solussa pitäisi olla tekstiä, mutta siinä on {value}.",
        "Cellen ska innehålla text, men den innehåller {value}.",
        "The cell should hold text, but it holds {value}.",
    ),
    "sheet.whole_number": _m(
        "Odotettiin kokonaislukua (esim. 32), solussa on {value}.",
        "Ett heltal väntades (t.ex. 32), cellen innehåller {value}.",
        "Expected a whole number (such as 32), the cell holds {value}.",
    ),
    "sheet.number": _m(
        "Odotettiin lukua (esim. 0,456 tai 45,6 %), solussa on {value}.",
        "Ett tal väntades (t.ex. 0,456 eller 45,6 %), cellen innehåller {value}.",
        "Expected a number (such as 0.456 or 45.6 %), the cell holds {value}.",
    ),
    "sheet.date_format": _m(
        "{value} ei ole päivämäärä. Kirjoita päivämäärä muodossa 1.3.2016 tai 2016-03-01 "
        "tai käytä Excelin päivämääräsolua.",
        "{value} är inget datum. Skriv datumet som 1.3.2016 eller 2016-03-01, eller använd "
        "en datumcell i Excel.",
        "{value} is not a date. Write the date as 1.3.2016 or 2016-03-01, or use an Excel "
        "date cell.",
    ),
    "sheet.date_calendar": _m(
        "Päivää {value} ei ole kalenterissa.",
        "Dagen {value} finns inte i kalendern.",
        "There is no day {value} in the calendar.",
    ),
    "sheet.date_time": _m(
        "Solussa on myös kellonaika ({value}); anna pelkkä päivämäärä.",
        "Cellen har också ett klockslag ({value}); ange bara datumet.",
        "The cell also has a time of day ({value}); give the date only.",
    ),
    "sheet.unknown_participant": _m(
        "Pseudonyymiä {pseudonym} ei ole välilehdellä {sheet}; lisää osallistuja sinne "
        "tai korjaa pseudonyymi.",
        "Pseudonymen {pseudonym} finns inte på fliken {sheet}; lägg till deltagaren där "
        "eller rätta pseudonymen.",
        "The pseudonym {pseudonym} is not on the sheet {sheet}; add the participant there "
        "or correct the pseudonym.",
    ),
    "sheet.not_applicable": _m(
        "Sarake {column} ei koske riviä, jonka laji on {kind}; jätä solu tyhjäksi.",
        "Kolumnen {column} gäller inte en rad av typen {kind}; lämna cellen tom.",
        "The column {column} is not for a row of the kind {kind}; leave the cell blank.",
    ),
    "sheet.conflicting_value": _m(
        "{value} poikkeaa saman tiedon arvosta solussa {first}.",
        "{value} skiljer sig från samma uppgift i cellen {first}.",
        "{value} differs from the same field at {first}.",
    ),
    "sheet.unknown_stage": _m(
        "Ulottuvuudella {dimension} ei ole vaihetta {value}; vaiheet: {allowed}.",
        "Dimensionen {dimension} har inget steg {value}; stegen: {allowed}.",
        "The dimension {dimension} has no stage {value}; its stages: {allowed}.",
    ),
    "sheet.stage_unresolved": _m(
        "Vaihetta {value} ei voi tulkita: välineen {instrument} ulottuvuutta {dimension} "
        "ei ole välilehdellä {sheet}.",
        "Steget {value} kan inte tolkas: instrumentet {instrument} med dimensionen "
        "{dimension} finns inte på fliken {sheet}.",
        "The stage {value} cannot be read: the instrument {instrument} with the dimension "
        "{dimension} is not on the sheet {sheet}.",
    ),
    "sheet.json": _m(
        "Solussa ei ole kelvollista JSON-tekstiä: {reason}.",
        "Cellen innehåller ingen giltig JSON-text: {reason}.",
        "The cell holds no valid JSON text: {reason}.",
    ),
    "mapping.unreadable": _m(
        "Sarakekarttaa ei voi lukea: {reason}.",
        "Kolumnkartan kan inte läsas: {reason}.",
        "The column mapping cannot be read: {reason}.",
    ),
    "mapping.unknown_key": _m(
        "Tuntematon avain {key}; sallitut: {allowed}.",
        "Okänd nyckel {key}; tillåtna: {allowed}.",
        "Unknown key {key}; allowed: {allowed}.",
    ),
    "mapping.not_a_table": _m(
        "Odotettiin taulukkoa (avain = arvo -pareja), saatiin {value}.",
        "En tabell (nyckel = värde) väntades, fick {value}.",
        "Expected a table (key = value pairs), got {value}.",
    ),
    "mapping.not_text": _m(
        "Odotettiin tekstiä, saatiin {value}.",
        "En text väntades, fick {value}.",
        "Expected a text, got {value}.",
    ),
    "mapping.not_a_number": _m(
        "Odotettiin rivinumeroa 1 tai suurempaa, saatiin {value}.",
        "Ett radnummer 1 eller större väntades, fick {value}.",
        "Expected a row number of 1 or more, got {value}.",
    ),
    "mapping.unknown_sheet": _m(
        "Tuntematon välilehti {sheet}; mallin välilehdet: {allowed}.",
        "Okänd flik {sheet}; modellens flikar: {allowed}.",
        "Unknown sheet {sheet}; the model's sheets: {allowed}.",
    ),
    "mapping.unknown_column": _m(
        "Välilehdellä {sheet} ei ole saraketta {column}; sen sarakkeet: {allowed}.",
        "Fliken {sheet} har ingen kolumn {column}; dess kolumner: {allowed}.",
        "The sheet {sheet} has no column {column}; its columns: {allowed}.",
    ),
    "mapping.unknown_list": _m(
        "Tuntematon luettelo {name}; luettelot: {allowed}.",
        "Okänd lista {name}; listorna: {allowed}.",
        "Unknown list {name}; the lists: {allowed}.",
    ),
    "mapping.unknown_value": _m(
        "Luettelossa {name} ei ole arvoa {value}; sallitut: {allowed}.",
        "Listan {name} har inget värde {value}; tillåtna: {allowed}.",
        "The list {name} has no value {value}; allowed: {allowed}.",
    ),
}


# Problem.text gives these in every language, as it does the model's own.
register(SHEET_MESSAGES)


@frozen(kw_only=True)
class SheetProblem(Problem):
    """A problem found in a workbook (virhe taulukossa), at its cell and its JSON path.

    ``cell`` names the place in the spreadsheet's own terms: a cell
    (``Osallistujat!C14``), or a sheet when the problem is the sheet's; ``None``
    for a problem of the column mapping. ``path`` is the JSON path of the value in
    the document the workbook is turned into (empty when the value has no place
    there, such as an unknown column), or in the column mapping.
    """

    cell: str | None = None

    def where(self) -> str:
        """Where the problem is: the cell, and the JSON path when there is one."""
        path = format_path(self.path) if self.path else ""
        if self.cell is None:
            return path or "$"
        return f"{self.cell} ({path})" if path else self.cell

    def line(self, language: Language = "en") -> str:
        """One line for a person: where, then the message in ``language``."""
        return f"{self.where()}: {self.text(language)}"

    def __str__(self) -> str:
        return self.line("en")


def problem(
    code: str, cell: str | None, path: tuple[str | int, ...] = (), **params: str
) -> SheetProblem:
    """A workbook's own problem of ``code`` at ``cell`` and ``path``, its message filled in."""
    message = SHEET_MESSAGES[code].en.format_map(params)
    return SheetProblem(
        path=path, message=message, code=code, params=tuple(params.items()), cell=cell
    )
