"""The words a problem's message names, and the phrases around a list of problems.

A problem's parameters are text, the same in every language; when one names a word
(what was expected, which kind of personal data was found, which character), its
value is a key of :data:`TERMS` and the template writes it ``{name:term}``, so that
the word comes in the message's language. A value that is not a term stands for
itself: a Python type name such as ``int`` or ``date`` is the same in every language.
Every key has a dot in it (``expected.date``, ``json.string``), which no Python type
name has, so a type is never taken for a term.

Each term is written for the place its templates give it: the Finnish of
``personal.*`` is in the ablative ("näyttää henkilötunnukselta"), that of
``kind.*`` in the genitive ("tulostapahtuman lajin"). A term may hold fields of
its own, filled from the same parameters (``number.digits`` holds ``{digits}``).

:data:`PHRASES` are the library's own words around the problems: the heading of a
list of problems and its last line, and the command line's summary.
"""

from __future__ import annotations

from typing import Final

from ._language import Message

__all__ = ["HIDDEN_VALUE", "PHRASES", "TERMS"]

#: What a message shows instead of a value that looks like personal data. A
#: parameter with exactly this value is shown in the message's language.
HIDDEN_VALUE: Final = "(a value not shown here: it looks like personal data)"

#: The words a parameter may name, each in Finnish, Swedish and English.
TERMS: Final[dict[str, Message]] = {
    "value.hidden": Message(
        fi="(arvoa ei näytetä tässä: se näyttää henkilötiedolta)",
        sv="(värdet visas inte här: det ser ut som en personuppgift)",
        en=HIDDEN_VALUE,
    ),
    # What a value should have been, as ``value.type`` says "expected ...".
    "expected.text": Message(fi="teksti", sv="en text", en="text"),
    "expected.tuple": Message(
        fi="monikko (tuple) tai lista", sv="en tupel (tuple) eller en lista", en="a tuple or a list"
    ),
    "expected.date": Message(
        fi="päivämäärä, esimerkiksi pendulum.date(2016, 1, 31) tai datetime.date(2016, 1, 31)",
        sv="ett datum, till exempel pendulum.date(2016, 1, 31) eller datetime.date(2016, 1, 31)",
        en="a date such as pendulum.date(2016, 1, 31) or datetime.date(2016, 1, 31)",
    ),
    "expected.boolean": Message(fi="true tai false", sv="true eller false", en="true or false"),
    "expected.optional_boolean": Message(
        fi="true, false tai None (ei tiedossa)",
        sv="true, false eller None (okänt)",
        en="true, false or unknown",
    ),
    "expected.count": Message(
        fi="kokonaisluku 0 tai suurempi", sv="ett heltal ≥ 0", en="a whole number ≥ 0"
    ),
    "expected.decimal": Message(
        fi="äärellinen Decimal-luku", sv="ett ändligt Decimal-tal", en="a finite Decimal"
    ),
    "json.string": Message(fi="merkkijono", sv="en sträng", en="a string"),
    "json.whole_number": Message(fi="kokonaisluku", sv="ett heltal", en="a whole number"),
    "json.decimal": Message(
        fi='desimaaliluku, esimerkiksi "0.25"',
        sv='ett decimaltal, till exempel "0.25"',
        en='a decimal number such as "0.25"',
    ),
    "json.finite_decimal": Message(
        fi="äärellinen desimaaliluku", sv="ett ändligt decimaltal", en="a finite decimal number"
    ),
    "json.date": Message(
        fi="päivämäärä merkkijonona muodossa VVVV-KK-PP",
        sv="ett datum som en sträng i formen ÅÅÅÅ-MM-DD",
        en="a date as a string YYYY-MM-DD",
    ),
    "json.code": Message(
        fi="koodiston {list} koodi (merkkijono)",
        sv="en kod ur kodlistan {list} (en sträng)",
        en="a {list} code (a string)",
    ),
    "json.array": Message(fi="lista [ ]", sv="en lista [ ]", en="an array"),
    "json.keyed_object": Message(
        fi="objekti {{ }}, jossa on avaimet ja arvot",
        sv="ett objekt {{ }} med nycklar och värden",
        en="an object with keys",
    ),
    "json.event": Message(
        fi="tulostapahtuman objekti {{ }}", sv="ett händelseobjekt {{ }}", en="an event object"
    ),
    "json.situation": Message(
        fi="tilannejakson objekti {{ }}", sv="ett situationsobjekt {{ }}", en="a situation object"
    ),
    "json.dataset": Message(
        fi="aineiston objekti {{ }}", sv="ett datamängdsobjekt {{ }}", en="a dataset object"
    ),
    # What a JSON value was, as ``value.type`` says "got ...".
    "json.null": Message(fi="null (tyhjä arvo)", sv="null (tomt värde)", en="null"),
    "json.boolean": Message(fi="totuusarvo", sv="ett sanningsvärde", en="a boolean"),
    "json.number": Message(fi="luku", sv="ett tal", en="a number"),
    "json.object": Message(fi="objekti {{ }}", sv="ett objekt {{ }}", en="an object"),
    # Numbers the reader refuses, as they are named in a message.
    "number.digits": Message(
        fi="luku, jossa on {digits:count} numeroa",
        sv="ett tal med {digits:count} siffror",
        en="a number of {digits:count} digits",
    ),
    "number.more_digits": Message(
        fi="luku, jossa on yli {digits:count} numeroa",
        sv="ett tal med mer än {digits:count} siffror",
        en="a number of more than {digits:count} digits",
    ),
    "number.characters": Message(
        fi="luku, jossa on {characters:count} merkkiä",
        sv="ett tal med {characters:count} tecken",
        en="a number of {characters:count} characters",
    ),
    "number.unreadable": Message(
        fi="luku, joka on liian suuri tai liian pieni luettavaksi",
        sv="ett tal som är för stort eller för litet för att läsas",
        en="a number too large or too small to read",
    ),
    # Why a text is not JSON (the json module's reasons, as _json names them).
    "json.expecting_value": Message(
        fi="kohdasta puuttuu arvo", sv="ett värde saknas här", en="Expecting value"
    ),
    "json.expecting_property_name": Message(
        fi="kohdassa pitäisi olla lainausmerkeissä oleva avain",
        sv="här ska det stå en nyckel inom dubbla citattecken",
        en="Expecting property name enclosed in double quotes",
    ),
    "json.expecting_colon": Message(
        fi="kohdasta puuttuu kaksoispiste ':'",
        sv="ett kolon ':' saknas här",
        en="Expecting ':' delimiter",
    ),
    "json.expecting_comma": Message(
        fi="kohdasta puuttuu pilkku ','",
        sv="ett kommatecken ',' saknas här",
        en="Expecting ',' delimiter",
    ),
    "json.unterminated_string": Message(
        fi="merkkijono jää kesken (loppulainausmerkki puuttuu)",
        sv="strängen tar aldrig slut (det avslutande citattecknet saknas)",
        en="Unterminated string starting at",
    ),
    "json.control_character": Message(
        fi="merkkijonossa on ohjausmerkki (esimerkiksi rivinvaihto tai sarkain)",
        sv="strängen innehåller ett styrtecken (till exempel radbrytning eller tabb)",
        en="Invalid control character in a string",
    ),
    "json.escape": Message(
        fi="merkkijonossa on virheellinen kenoviivamerkintä (\\)",
        sv="strängen innehåller en ogiltig sekvens med omvänt snedstreck (\\)",
        en="Invalid \\escape",
    ),
    "json.unicode_escape": Message(
        fi="merkkijonossa on virheellinen \\uXXXX-merkintä",
        sv="strängen innehåller en ogiltig \\uXXXX-sekvens",
        en="Invalid \\uXXXX escape",
    ),
    "json.extra_data": Message(
        fi="JSON-arvon jälkeen on ylimääräistä tekstiä",
        sv="det finns extra text efter JSON-värdet",
        en="Extra data",
    ),
    "json.trailing_comma": Message(
        fi="ylimääräinen pilkku ennen objektin tai listan loppua",
        sv="ett överflödigt kommatecken före objektets eller listans slut",
        en="Illegal trailing comma",
    ),
    # The characters a text may not hold, by name.
    "character.null": Message(fi="nollamerkki", sv="nolltecken", en="null"),
    "character.tab": Message(fi="sarkain", sv="tabb", en="tab"),
    "character.line_feed": Message(fi="rivinvaihto", sv="radmatning", en="line feed"),
    "character.carriage_return": Message(
        fi="rivinalkuun palaava merkki CR", sv="vagnretur", en="carriage return"
    ),
    "character.escape": Message(
        fi="escape-merkki, joka aloittaa päätteen ANSI-ohjaussarjan",
        sv="escape-tecken, som inleder en ANSI-sekvens för terminalen",
        en="escape, which starts an ANSI terminal sequence",
    ),
    "character.delete": Message(fi="poistomerkki DEL", sv="raderingstecken", en="delete"),
    "character.control_sequence": Message(
        fi="ohjaussarjan aloittava merkki CSI, joka aloittaa päätteen ANSI-ohjaussarjan",
        sv="sekvensinledare (CSI), som inleder en ANSI-sekvens för terminalen",
        en="control sequence introducer, which starts an ANSI terminal sequence",
    ),
    "character.line_separator": Message(fi="rivierotin", sv="radavgränsare", en="line separator"),
    "character.paragraph_separator": Message(
        fi="kappale-erotin", sv="styckeavgränsare", en="paragraph separator"
    ),
    "character.other": Message(fi="ohjausmerkki", sv="ett styrtecken", en="a control character"),
    # What a text may hold, after a control character was found in it.
    "text.free_text": Message(
        fi="vapaa teksti saa sisältää rivinvaihtoja (\\n) ja sarkaimia (\\t), mutta ei muita "
        "ohjausmerkkejä",
        sv="fri text får innehålla radmatningar (\\n) och tabbar (\\t), men inga andra styrtecken",
        en="free text may hold line feeds (\\n) and tabs (\\t), but no other control characters",
    ),
    "text.one_line": Message(
        fi="tämä teksti on yksi rivi tulostettavia merkkejä ilman rivinvaihtoja, sarkaimia "
        "tai muita ohjausmerkkejä",
        sv="den här texten är en rad med skrivbara tecken, utan radbrytningar, tabbar eller "
        "andra styrtecken",
        en="this text is one line of printable characters, without line breaks, tabs or "
        "other control characters",
    ),
    # Where in a text personal data was found, when that is known.
    "text.near": Message(
        fi=" (kohdassa {position})", sv=" (vid tecken {position})", en=" near character {position}"
    ),
    # The kinds of personal data, as "looks like ..." (Finnish: ablative).
    "personal.identity_code": Message(
        fi="henkilötunnukselta",
        sv="en finsk personbeteckning",
        en="a Finnish personal identity code (henkilötunnus)",
    ),
    "personal.email": Message(
        fi="sähköpostiosoitteelta", sv="en e-postadress", en="an e-mail address"
    ),
    "personal.phone": Message(fi="puhelinnumerolta", sv="ett telefonnummer", en="a phone number"),
    # Whose identifier (Swedish: "identifierare för ...").
    "id.participant": Message(
        fi="osallistujan tunniste (pseudonyymi)",
        sv="identifierare (pseudonym) för deltagaren",
        en="participant identifier",
    ),
    "id.programme": Message(
        fi="hankkeen tunniste", sv="identifierare för projektet", en="programme identifier"
    ),
    "id.operating_model": Message(
        fi="toimintamallin tunniste",
        sv="identifierare för verksamhetsmodellen",
        en="operating model identifier",
    ),
    "id.instrument": Message(
        fi="arviointivälineen tunniste",
        sv="identifierare för bedömningsinstrumentet",
        en="instrument identifier",
    ),
    "id.dimension": Message(
        fi="ulottuvuuden tunniste", sv="identifierare för dimensionen", en="dimension identifier"
    ),
    "id.episode": Message(
        fi="palvelujakson tunniste",
        sv="identifierare för tjänsteperioden",
        en="episode identifier",
    ),
    # Who appears twice.
    "participant.this": Message(
        fi="tämä osallistuja", sv="den här deltagaren", en="this participant"
    ),
    "participant.named": Message(
        fi="osallistuja {value}", sv="deltagaren {value}", en="participant {value}"
    ),
    # What is listed twice.
    "item.stage": Message(fi="vaihe", sv="steget", en="stage"),
    "item.service": Message(fi="palvelu", sv="tjänsten", en="service"),
    # Which date lies outside the programme period.
    "date.entry": Message(fi="aloituspäivä", sv="inträdesdagen", en="the entry"),
    "date.exit": Message(fi="lopetuspäivä", sv="utträdesdagen", en="the exit"),
    "date.episode_start": Message(
        fi="palvelujakson alkamispäivä",
        sv="tjänsteperiodens startdag",
        en="the start of the service episode",
    ),
    "date.episode_end": Message(
        fi="palvelujakson päättymispäivä",
        sv="tjänsteperiodens slutdag",
        en="the end of the service episode",
    ),
    # Whose code 'other' needs a label.
    "label.certificate": Message(
        fi="todistuksen laji", sv="ett intyg av slaget", en="a certificate of kind"
    ),
    "label.service": Message(fi="palvelun tyyppi", sv="en tjänst av typen", en="a service of type"),
    # The kind of a tagged object (Finnish: genitive).
    "kind.event": Message(fi="tulostapahtuman", sv="händelse", en="event"),
    "kind.situation": Message(fi="tilannejakson", sv="situation", en="situation"),
    # Nothing to refer to.
    "episode.none": Message(
        fi="ei yhtään: millään palvelujaksolla ei ole tunnistetta",
        sv="inga: ingen tjänsteperiod har en identifierare",
        en="none: no episode has an id",
    ),
    "instrument.none": Message(
        fi="ei yhtään: aineisto ei kuvaa yhtään arviointivälinettä",
        sv="inga: datamängden beskriver inget bedömningsinstrument",
        en="none: the dataset describes no instrument",
    ),
}

#: The library's own words around a list of problems.
PHRASES: Final[dict[str, Message]] = {
    "problems.one": Message(
        fi="{count:count} ongelma", sv="{count:count} problem", en="{count:count} problem"
    ),
    "problems.many": Message(
        fi="{count:count} ongelmaa", sv="{count:count} problem", en="{count:count} problems"
    ),
    "problems.more.one": Message(
        fi="… ja {more:count} muu ongelma ({shown:count} näytetty)",
        sv="… och {more:count} problem till ({shown:count} visade)",
        en="… and {more:count} more problem ({shown:count} shown)",
    ),
    "problems.more.many": Message(
        fi="… ja {more:count} muuta ongelmaa ({shown:count} näytetty)",
        sv="… och {more:count} problem till ({shown:count} visade)",
        en="… and {more:count} more problems ({shown:count} shown)",
    ),
    "document.invalid": Message(fi="virheellinen", sv="ogiltig", en="invalid"),
    "problems.first_listed": Message(
        fi=" (ensimmäiset {listed:count} lueteltu)",
        sv=" (de första {listed:count} listade)",
        en=" (the first {listed:count} listed)",
    ),
}
