"""Every problem code hankemalli raises, with its message in Finnish, Swedish and English.

The codes of the model and those of reading a JSON document are kept here together,
so that one catalogue holds every code whatever has been imported, and
docs/errors.md lists them. A code is grouped by what is wrong (``date.``, ``text.``,
``episode.``, ``json.``…); its parameters are text, the same in every language, and
a ``{name:term}`` field names a word of :data:`~._terms.TERMS`. The English template
gives :attr:`Problem.message`.

The Finnish and Swedish are written for an association's staff: the domain's own
words (osallistuja/deltagare, palvelujakso/tjänsteperiod, päivämäärä muodossa
VVVV-KK-PP / datum i formen ÅÅÅÅ-MM-DD), saying what was wrong and what is allowed.
"""

from __future__ import annotations

from typing import Final

from ._language import Message

__all__ = ["PROBLEMS"]

_IDENTIFIER_RULE_EN = (
    "use 1–64 letters (A–Z, a–z), digits and '.', '_', ':', '-', starting with a letter "
    "or digit, no spaces"
)

#: Each problem code with its message.
PROBLEMS: Final[dict[str, Message]] = {
    # Values of the wrong kind ------------------------------------------------------
    "value.type": Message(
        fi="arvon pitää olla {expected:term}, mutta se on {got:term}",
        sv="värdet ska vara {expected:term}, men det är {got:term}",
        en="expected {expected:term}, got {got:term}",
    ),
    "value.unreadable": Message(
        fi="arvoa ei voitu lukea ({kind})",
        sv="värdet kunde inte läsas ({kind})",
        en="invalid value ({kind})",
    ),
    "number.out_of_range": Message(
        fi="arvon pitää olla väliltä {low}–{high}, mutta se on {value}",
        sv="värdet ska ligga mellan {low} och {high}, men det är {value}",
        en="must be between {low} and {high}, got {value}",
    ),
    # Texts --------------------------------------------------------------------------
    "text.blank": Message(fi="ei saa olla tyhjä", sv="får inte vara tom", en="must not be blank"),
    "text.lone_surrogate": Message(
        fi="sisältää kohdassa {position} yksinäisen UTF-16-puolikkaan U+{codepoint}: se ei "
        "ole merkki, eikä sitä voi tallentaa UTF-8-muodossa; teksti on luultavasti luettu "
        "väärällä merkistöllä",
        sv="innehåller ett ensamt surrogattecken U+{codepoint} vid tecken {position}: det är "
        "inget tecken och kan inte skrivas som UTF-8; texten har troligen avkodats fel",
        en="contains a lone surrogate U+{codepoint} at character {position}: it is no "
        "character and cannot be written as UTF-8; the text was probably decoded wrongly",
    ),
    "text.control_character": Message(
        fi="sisältää kohdassa {position} ohjausmerkin U+{codepoint} ({character:term}); "
        "{allowed:term}",
        sv="innehåller U+{codepoint} ({character:term}) vid tecken {position}; {allowed:term}",
        en="contains U+{codepoint} ({character:term}) at character {position}; {allowed:term}",
    ),
    "text.identity_code": Message(
        fi="sisältää jotain, mikä näyttää henkilötunnukselta{where:term}; henkilötunnusta ei "
        "saa koskaan tallentaa hankemallin aineistoon (tekstiä ei näytetä tässä)",
        sv="innehåller något som ser ut som en finsk personbeteckning{where:term}; en "
        "personbeteckning får aldrig sparas i hankemallis data (texten visas inte här)",
        en="contains what looks like a Finnish personal identity code (henkilötunnus)"
        "{where:term}; a personal identity code must never be stored in hankemalli data "
        "(the text is not shown here)",
    ),
    "text.contact_details": Message(
        fi="sisältää jotain, mikä näyttää {kind:term}{where:term}; osallistujan tietoihin "
        "ei saa tallentaa yhteystietoja (tekstiä ei näytetä tässä)",
        sv="innehåller något som ser ut som {kind:term}{where:term}; en deltagares "
        "uppgifter får inte innehålla kontaktuppgifter (texten visas inte här)",
        en="contains what looks like {kind:term}{where:term}; a participant's record must "
        "not hold contact details (the text is not shown here)",
    ),
    # Pseudonyms and identifiers -----------------------------------------------------
    "pseudonym.identity_code": Message(
        fi="näyttää henkilötunnukselta; käytä pseudonyymiä, jonka vain oma järjestelmänne "
        "osaa yhdistää henkilöön",
        sv="ser ut som en finsk personbeteckning; använd en pseudonym som bara ert eget "
        "system kan koppla till personen",
        en="looks like a Finnish personal identity code (henkilötunnus); use a pseudonym "
        "that your own system maps to the person",
    ),
    "pseudonym.contact_details": Message(
        fi="näyttää {kind:term}; käytä sen sijaan pseudonyymiä",
        sv="ser ut som {kind:term}; använd en pseudonym i stället",
        en="looks like {kind:term}; use a pseudonym instead",
    ),
    "identifier.personal_data": Message(
        fi="näyttää {kind:term}, eikä sellaista saa tallentaa; keksi oma {what:term}",
        sv="ser ut som {kind:term}, som inte får sparas; hitta på en egen {what:term}",
        en="looks like {kind:term}, which must not be stored; make up your own {what:term}",
    ),
    "identifier.format": Message(
        fi="{what:term} {value} ei kelpaa: käytä 1–64 merkkiä, jotka ovat kirjaimia A–Z "
        "tai a–z (ei ääkkösiä), numeroita tai merkkejä '.', '_', ':', '-'; ensimmäinen "
        "merkki on kirjain tai numero, eikä välilyöntejä saa olla",
        sv="ogiltig {what:term} {value}: använd 1–64 tecken, bokstäver A–Z eller a–z "
        "(inte å, ä, ö), siffror eller '.', '_', ':', '-'; det första tecknet är en "
        "bokstav eller siffra, och inga mellanslag",
        en="not a valid {what:term} {value}: " + _IDENTIFIER_RULE_EN,
    ),
    "id.duplicate": Message(
        fi="{what:term} {value} on käytössä kahdesti (ensimmäisen kerran kohdassa {list}[{first}])",
        sv="{what:term} {value} används två gånger (första gången i {list}[{first}])",
        en="{what:term} {value} is used twice (first at {list}[{first}])",
    ),
    "list.duplicate": Message(
        fi="{what:term} {value} on luettelossa kahdesti (ensimmäisen kerran kohdassa {first})",
        sv="{what:term} {value} finns två gånger i listan (första gången på plats {first})",
        en="{what:term} {value} is listed twice (first at index {first})",
    ),
    # Code lists ---------------------------------------------------------------------
    "code.unknown": Message(
        fi="koodistossa {list} ei ole koodia {value}; sallitut koodit: {allowed}",
        sv="kodlistan {list} har ingen kod {value}; tillåtna koder: {allowed}",
        en="unknown {list} {value}; allowed: {allowed}",
    ),
    "code.plain_string": Message(
        fi="anna koodiston jäsen {member}, ei merkkijonoa {value}",
        sv="ange medlemmen {member} ur kodlistan, inte strängen {value}",
        en="give the code list member {member}, not the string {value}",
    ),
    "label.missing_for_other": Message(
        fi="{what:term} 'other' (muu) vaatii myös nimen (label)",
        sv="{what:term} 'other' (annat) behöver också en benämning (label)",
        en="{what:term} 'other' needs a label",
    ),
    # Dates --------------------------------------------------------------------------
    "date.out_of_range": Message(
        fi="päivämäärä {date} ei ole sallitulla aikavälillä: hankemalli hyväksyy "
        "päivämäärät {earliest}–{latest}",
        sv="datumet {date} ligger utanför de år som hankemalli godtar: från {earliest} "
        "till {latest}",
        en="the date {date} is outside the years hankemalli accepts: from {earliest} to {latest}",
    ),
    "date.format": Message(
        fi="päivämäärän pitää olla muodossa VVVV-KK-PP (esimerkiksi 2016-01-31), mutta se "
        "on {value}",
        sv="datumet ska anges i formen ÅÅÅÅ-MM-DD (till exempel 2016-01-31), men det är {value}",
        en="expected a date as YYYY-MM-DD, got {value}",
    ),
    "date.not_in_calendar": Message(
        fi="päivämäärää {value} ei ole kalenterissa; tarkista päivä ja kuukausi",
        sv="datumet {value} finns inte i kalendern; kontrollera dag och månad",
        en="{value} is not a date in the calendar",
    ),
    "date.outside_programme": Message(
        fi="{what:term} ({date}) on hankkeen toteutusajan ({start}–{end}) ulkopuolella",
        sv="{what:term} ({date}) ligger utanför projekttiden ({start}–{end})",
        en="{what:term} ({date}) is outside the programme period ({start}–{end})",
    ),
    # The programme and its funding --------------------------------------------------
    "programme.ends_before_start": Message(
        fi="hanke ei voi päättyä ({end}) ennen kuin se alkaa ({start})",
        sv="projektet kan inte sluta ({end}) innan det börjar ({start})",
        en="the programme cannot end ({end}) before it starts ({start})",
    ),
    "programme.too_long": Message(
        fi="hanke voi kestää enintään {years} vuotta: {start} alkava hanke päättyy "
        "viimeistään {latest}, ei {end}. Mikään ESR-rahoituksen tukikelpoisuusaika ei ole "
        "pidempi: 1.1.2014–31.12.2023 (asetus (EU) N:o 1303/2013, 65 artiklan 2 kohta) ja "
        "1.1.2021–31.12.2029 (asetus (EU) 2021/1060, 63 artiklan 2 kohta)",
        sv="ett projekt får pågå högst {years} år: ett projekt som börjar {start} slutar "
        "senast {latest}, inte {end}. Ingen stödberättigandeperiod inom ESF är längre: "
        "1.1.2014–31.12.2023 (förordning (EU) nr 1303/2013, artikel 65.2) och "
        "1.1.2021–31.12.2029 (förordning (EU) 2021/1060, artikel 63.2)",
        en="a programme may last at most {years} years: one starting {start} ends on "
        "{latest} at the latest, not {end}. No ESF eligibility period is longer: "
        "1.1.2014–31.12.2023 (Regulation (EU) No 1303/2013, Article 65(2)) and "
        "1.1.2021–31.12.2029 (Regulation (EU) 2021/1060, Article 63(2))",
    ),
    "programming_period.start_too_late": Message(
        fi="{start} alkava hanke ei voi kuulua ohjelmakauteen 2014-2020, jonka menot ovat "
        "tukikelpoisia vain {until} asti; sallittu: 2021-2027",
        sv="ett projekt som börjar {start} kan inte höra till programperioden 2014-2020, "
        "vars utgifter är stödberättigande till och med {until}; tillåtet: 2021-2027",
        en="a programme starting {start} cannot belong to 2014-2020, whose expenditure is "
        "eligible until {until}; allowed: 2021-2027",
    ),
    "programming_period.end_too_early": Message(
        fi="{end} päättyvä hanke ei voi kuulua ohjelmakauteen 2021-2027, jonka menot ovat "
        "tukikelpoisia vasta {since} alkaen; sallittu: 2014-2020",
        sv="ett projekt som slutar {end} kan inte höra till programperioden 2021-2027, "
        "vars utgifter är stödberättigande från och med {since}; tillåtet: 2014-2020",
        en="a programme ending {end} cannot belong to 2021-2027, whose expenditure is "
        "eligible from {since}; allowed: 2014-2020",
    ),
    "funders.shares_total": Message(
        fi="rahoitusosuuksien summa on {total}, ei 1 (100 %)",
        sv="finansieringsandelarna blir sammanlagt {total}, inte 1 (100 %)",
        en="funding shares add up to {total}, not 1 (100 %)",
    ),
    "target.no_bounds": Message(
        fi="tavoitteella pitää olla vähimmäismäärä, enimmäismäärä tai molemmat",
        sv="ett mål behöver ett minimum, ett maximum eller båda",
        en="a target needs a minimum, a maximum or both",
    ),
    "target.max_below_min": Message(
        fi="enimmäismäärä {maximum} on pienempi kuin vähimmäismäärä {minimum}",
        sv="maximum {maximum} är lägre än minimum {minimum}",
        en="the maximum {maximum} is below the minimum {minimum}",
    ),
    # Participants and their periods -------------------------------------------------
    "participant.duplicate": Message(
        fi="{who:term} on aineistossa kahdesti (ensimmäisen kerran kohdassa "
        "participants[{first}]); pidä yksi tietue henkilöä kohden hanketta ja lisää "
        "osallistumisjakso, kun hän palaa hankkeeseen",
        sv="{who:term} finns två gånger (första gången i participants[{first}]); håll en "
        "post per person och projekt, och lägg till en deltagandeperiod när personen "
        "kommer tillbaka",
        en="{who:term} appears twice (first at participants[{first}]); keep one record per "
        "person per programme and add a period for a re-entry",
    ),
    "age.invalid": Message(
        fi="iän pitää olla täysinä vuosina {low}–{high}, mutta se on {value}",
        sv="åldern ska anges i fyllda år från {low} till {high}, men den är {value}",
        en="expected an age in completed years from {low} to {high}, got {value}",
    ),
    "participation.no_periods": Message(
        fi="osallistumisella pitää olla vähintään yksi osallistumisjakso",
        sv="ett deltagande behöver minst en deltagandeperiod",
        en="a participation needs at least one period",
    ),
    "period.exit_before_entry": Message(
        fi="lopetuspäivä ({exit}) ei voi olla ennen aloituspäivää ({entry})",
        sv="utträdet ({exit}) kan inte komma före inträdet ({entry})",
        en="an exit ({exit}) cannot come before its entry ({entry})",
    ),
    "period.exit_reason_without_exit": Message(
        fi="lopettamisen syy vaatii lopetuspäivän; osallistumisjakso on vielä kesken",
        sv="ett skäl för utträdet kräver ett utträdesdatum; perioden pågår fortfarande",
        en="an exit reason needs an exit date; the period is still open",
    ),
    "period.open_before_reentry": Message(
        fi="vain viimeinen osallistumisjakso voi olla kesken; tätä seuraa paluu hankkeeseen "
        "{entry}",
        sv="bara den sista perioden får vara öppen; den här följs av ett nytt inträde {entry}",
        en="only the last period may be open; this one is followed by a re-entry on {entry}",
    ),
    "period.overlap": Message(
        fi="paluun hankkeeseen ({entry}) pitää olla edellisen lopetuspäivän ({exit}) "
        "jälkeen; osallistumisjaksot ovat aikajärjestyksessä eivätkä mene päällekkäin",
        sv="ett nytt inträde ({entry}) måste komma efter det föregående utträdet ({exit}); "
        "perioderna står i tidsordning och överlappar inte",
        en="a re-entry ({entry}) must come after the previous exit ({exit}); periods are in "
        "order and do not overlap",
    ),
    "profile.unemployed_since_after_entry": Message(
        fi="{since} alkanut työttömyys ei voi olla ollut käynnissä ensimmäisenä "
        "aloituspäivänä ({entry})",
        sv="en arbetslöshet som började {since} kan inte ha pågått vid det första inträdet "
        "({entry})",
        en="unemployment that started on {since} cannot have been going on at the first "
        "entry ({entry})",
    ),
    "profile.unemployed_since_not_unemployed": Message(
        fi="työttömyyden alkamispäivä annetaan vain osallistujalle, joka oli työtön "
        "tullessaan hankkeeseen",
        sv="startdatum för arbetslöshet anges bara för deltagare som var arbetslösa vid inträdet",
        en="an unemployment start date is only for participants who were unemployed at entry",
    ),
    "profile.asylum_seeker_background": Message(
        fi="turvapaikanhakijalla on ulkomaalaistausta; vastaus 'no' (ei) on ristiriidassa "
        "sen kanssa, että asylum_seeker on 'yes' (kyllä)",
        sv="en asylsökande har utländsk bakgrund; svaret 'no' (nej) strider mot att "
        "asylum_seeker är 'yes' (ja)",
        en="an asylum seeker has a foreign background; the answer 'no' contradicts "
        "asylum_seeker 'yes'",
    ),
    # Service episodes ---------------------------------------------------------------
    "episode.ends_before_start": Message(
        fi="palvelujakso ei voi päättyä ({end}) ennen kuin se alkaa ({start})",
        sv="en tjänsteperiod kan inte sluta ({end}) innan den börjar ({start})",
        en="a service episode cannot end ({end}) before it starts ({start})",
    ),
    "episode.before_first_entry": Message(
        fi="palvelujakso ei voi alkaa ({start}) ennen ensimmäistä aloituspäivää ({entry})",
        sv="en tjänsteperiod kan inte börja ({start}) före det första inträdet ({entry})",
        en="a service episode cannot start ({start}) before the first entry ({entry})",
    ),
    "episode.open_after_exit": Message(
        fi="palvelujakso ei voi jatkua osallistumisen päätyttyä ({exit}); anna sen päättymispäivä",
        sv="en tjänsteperiod kan inte vara öppen efter att deltagandet slutat ({exit}); "
        "ange dess slutdatum",
        en="an episode cannot be open after the participation ended ({exit}); give its end date",
    ),
    "episode.after_last_exit": Message(
        fi="palvelujakso ei voi päättyä ({end}) viimeisen lopetuspäivän ({exit}) jälkeen",
        sv="en tjänsteperiod kan inte sluta ({end}) efter det sista utträdet ({exit})",
        en="a service episode cannot end ({end}) after the last exit ({exit})",
    ),
    "episode.order": Message(
        fi="palvelujaksot luetellaan alkamispäivän mukaan; tämä alkaa ({start}) ennen "
        "edellistä ({previous})",
        sv="tjänsteperioderna listas i ordning efter startdag; den här börjar ({start}) "
        "före den ovanför ({previous})",
        en="episodes are listed in order of start; this one starts ({start}) before the one "
        "above it ({previous})",
    ),
    # Situations and outcome events --------------------------------------------------
    "spell.ends_before_start": Message(
        fi="tilannejakso ei voi päättyä ({end}) ennen kuin se alkaa ({start})",
        sv="en situationsperiod kan inte sluta ({end}) innan den börjar ({start})",
        en="a spell cannot end ({end}) before it starts ({start})",
    ),
    "situation.unknown_episode": Message(
        fi="millään palvelujaksolla ei ole tunnistetta {value}; tunnetut tunnisteet: "
        "{allowed:term}",
        sv="ingen tjänsteperiod har identifieraren {value}; kända identifierare: {allowed:term}",
        en="no service episode has the id {value}; known episode ids: {allowed:term}",
    ),
    "exit_situation.no_exit": Message(
        fi="tilanne hankkeesta lähdettäessä vaatii lopetuspäivän; osallistuminen on vielä kesken",
        sv="situationen vid utträdet kräver ett utträde; deltagandet pågår fortfarande",
        en="a situation at exit needs an exit; the participation is still open",
    ),
    "exit_situation.not_last_exit": Message(
        fi="tilanne hankkeesta lähdettäessä kuvaa viimeistä lopetuspäivää ({exit}), ei "
        "päivää {date}",
        sv="situationen vid utträdet gäller det sista utträdet ({exit}), inte {date}",
        en="the situation at exit describes the last exit ({exit}), not {date}",
    ),
    "event.before_first_entry": Message(
        fi="tulostapahtuman päivämäärä ({date}) ei voi olla ennen ensimmäistä "
        "aloituspäivää ({entry})",
        sv="en resultathändelse kan inte dateras ({date}) före det första inträdet ({entry})",
        en="an outcome event cannot be dated ({date}) before the first entry ({entry})",
    ),
    "improvement.not_employed": Message(
        fi="parantunut työmarkkinatilanne edellyttää, että henkilö on työllinen tai "
        "yrittäjä, ei {situation}",
        sv="en förbättrad arbetsmarknadssituation förutsätter att personen är anställd "
        "eller egenföretagare, inte {situation}",
        en="an improved labour-market situation needs the person to be employed or "
        "self-employed, not {situation}",
    ),
    # Instruments and assessments ----------------------------------------------------
    "dimension.too_few_stages": Message(
        fi="vaiheittaisessa asteikossa pitää olla vähintään kaksi vaihetta, nyt niitä on {count}",
        sv="en stegvis skala behöver minst två steg, nu har den {count}",
        en="a staged scale needs at least two stages, got {count}",
    ),
    "instrument.no_dimensions": Message(
        fi="arviointivälineellä pitää olla vähintään yksi ulottuvuus",
        sv="ett bedömningsinstrument behöver minst en dimension",
        en="an instrument needs a dimension",
    ),
    "score.stage_invalid": Message(
        fi="vaihe annetaan järjestysnumerona 0:sta alkaen (0 on alin vaihe), mutta se on {value}",
        sv="steget anges som ett index från 0 (det lägsta steget), men det är {value}",
        en="expected a stage index from 0 (the lowest stage), got {value}",
    ),
    "assessment.no_scores": Message(
        fi="arvioinnissa pitää olla vähintään yhden ulottuvuuden vaihe",
        sv="en bedömning behöver steget för minst en dimension",
        en="an assessment needs at least one score",
    ),
    "assessment.duplicate_score": Message(
        fi="ulottuvuus {value} on arvioitu kahdesti (ensimmäisen kerran kohdassa scores[{first}])",
        sv="dimensionen {value} bedöms två gånger (första gången i scores[{first}])",
        en="dimension {value} is scored twice (first at scores[{first}])",
    ),
    "assessment.before_first_entry": Message(
        fi="arvioinnin päivämäärä ({date}) ei voi olla ennen ensimmäistä aloituspäivää ({entry})",
        sv="en bedömning kan inte dateras ({date}) före det första inträdet ({entry})",
        en="an assessment cannot be dated ({date}) before the first entry ({entry})",
    ),
    "assessment.second_entry": Message(
        fi="arviointivälineellä {instrument} on toinen alkuarviointi (ensimmäinen kohdassa "
        "assessments[{first}]); myöhemmät arvioinnit ovat seuranta-arviointeja (review)",
        sv="instrumentet {instrument} har en andra inledande bedömning (den första i "
        "assessments[{first}]); senare bedömningar är uppföljningar (review)",
        en="instrument {instrument} has a second entry assessment (first at "
        "assessments[{first}]); later ones are reviews",
    ),
    "assessment.review_before_entry": Message(
        fi="seuranta-arviointi ({date}) ei voi olla ennen saman arviointivälineen "
        "alkuarviointia ({entry})",
        sv="en uppföljande bedömning ({date}) kan inte komma före den inledande bedömningen "
        "med samma instrument ({entry})",
        en="a review ({date}) cannot come before the entry assessment of the same "
        "instrument ({entry})",
    ),
    "assessment.unknown_instrument": Message(
        fi="aineistossa ei ole arviointivälinettä, jonka tunniste on {value}; tunnetut "
        "arviointivälineet: {allowed:term}",
        sv="det finns inget bedömningsinstrument med identifieraren {value}; kända "
        "instrument: {allowed:term}",
        en="no instrument has the id {value}; known instruments: {allowed:term}",
    ),
    "assessment.unknown_dimension": Message(
        fi="arviointivälineellä {instrument} ei ole ulottuvuutta {value}; sen ulottuvuudet: "
        "{allowed}",
        sv="instrumentet {instrument} har ingen dimension {value}; dess dimensioner: {allowed}",
        en="instrument {instrument} has no dimension {value}; its dimensions: {allowed}",
    ),
    "assessment.stage_beyond_scale": Message(
        fi="vaihe {stage} ei ole ulottuvuuden {dimension} asteikolla: vaiheita on {count} "
        "(0–{highest})",
        sv="steget {stage} ligger utanför de {count} stegen i {dimension} (0 till {highest})",
        en="stage {stage} is beyond the {count} stages of {dimension} (0 to {highest})",
    ),
    # Operating models ---------------------------------------------------------------
    "transferability.duplicate_element": Message(
        fi="osa {value} on kuvattu kahdesti (ensimmäisen kerran kohdassa transferability[{first}])",
        sv="elementet {value} beskrivs två gånger (första gången i transferability[{first}])",
        en="element {value} is described twice (first at transferability[{first}])",
    ),
    "embedding.order": Message(
        fi="juurruttamisen askeleet luetellaan päivämäärän mukaan; tämä ({date}) on ennen "
        "edellistä ({previous})",
        sv="förankringsstegen listas i datumordning; det här ({date}) kommer före det "
        "ovanför ({previous})",
        en="embedding steps are listed in date order; this one ({date}) comes before the one "
        "above it ({previous})",
    ),
    "embedding.duplicate_step": Message(
        fi="{organisation} saavutti askeleen {stage} kahdesti (ensimmäisen kerran kohdassa "
        "embedding[{first}]); säilytä päivämäärä, jolloin askel saavutettiin ensimmäisen "
        "kerran",
        sv="{organisation} nådde steget {stage} två gånger (första gången i "
        "embedding[{first}]); behåll datumet då steget nåddes första gången",
        en="{organisation} reached the step {stage} twice (first at embedding[{first}]); "
        "keep the date it was first reached",
    ),
    # Reading a JSON document --------------------------------------------------------
    "json.not_utf8": Message(
        fi="tiedosto ei ole kelvollista JSONia: se ei ole UTF-8-merkistöistä tekstiä (tavu {byte})",
        sv="ogiltig JSON: texten är inte UTF-8 (byte {byte})",
        en="not valid JSON: not UTF-8 text (byte {byte})",
    ),
    "json.syntax": Message(
        fi="tiedosto ei ole kelvollista JSONia: {reason:term} (rivi {line}, sarake {column})",
        sv="ogiltig JSON: {reason:term} (rad {line}, kolumn {column})",
        en="not valid JSON: {reason:term} (line {line}, column {column})",
    ),
    "json.too_deep": Message(
        fi="tiedostossa on yli {limit} sisäkkäistä listaa tai objektia; hankemallin "
        "tiedostossa sisäkkäisyyttä on enintään {deepest} tasoa",
        sv="värdena är nästlade mer än {limit} listor och objekt djupt; ett "
        "hankemalli-dokument har högst {deepest} nivåer",
        en="nested more than {limit} arrays and objects deep; a hankemalli document nests "
        "at most {deepest}",
    ),
    "lines.blank": Message(
        fi="tyhjä rivi osallistujarivien välissä; jokaisella rivillä pitää olla yksi osallistuja",
        sv="tom rad mellan deltagarraderna; varje rad ska ha en deltagare",
        en="a blank line between the participant lines; each line must hold one participant",
    ),
    "lines.no_header": Message(
        fi="tiedosto on tyhjä; ensimmäisellä rivillä pitää olla aineiston otsake "
        "(schema_version ja programme)",
        sv="filen är tom; första raden ska ha materialets huvud (schema_version och programme)",
        en="the file is empty; its first line must be the dataset's header "
        "(schema_version and programme)",
    ),
    "lines.participants_in_header": Message(
        fi="otsakerivillä ei voi olla osallistujia; kukin osallistuja omalle rivilleen",
        sv="huvudraden kan inte ha deltagare; varje deltagare på en egen rad",
        en="the header line cannot hold participants; each participant goes on its own line",
    ),
    "json.duplicate_key": Message(
        fi="tämä avain esiintyy objektissaan useammin kuin kerran; ohjelmat valitsevat "
        "arvoista eri arvon, joten avain saa esiintyä vain kerran (arvoja ei näytetä)",
        sv="nyckeln förekommer mer än en gång i sitt objekt; olika program väljer olika "
        "värden, så en nyckel får förekomma bara en gång (värdena visas inte)",
        en="this key appears more than once in its object; readers differ on which value "
        "they keep, so a key may appear only once (the values are not shown)",
    ),
    "json.number_too_long": Message(
        fi="{number:term}; sallittu on enintään {limit:count} numeroa",
        sv="{number:term}; högst {limit:count} siffror är tillåtna",
        en="{number:term}; allowed: at most {limit:count} digits",
    ),
    "json.number_too_long_here": Message(
        fi="{number:term}; tämä Python lukee enintään {limit:count} numeroa",
        sv="{number:term}; den här Python läser högst {limit:count} siffror",
        en="{number:term}; allowed: at most {limit:count} digits in this Python",
    ),
    "json.number_too_many_characters": Message(
        fi="{number:term}; sallittu on enintään {limit:count} merkkiä",
        sv="{number:term}; högst {limit:count} tecken är tillåtna",
        en="{number:term}; allowed: at most {limit:count} characters",
    ),
    "json.number_out_of_range": Message(
        fi="{number:term}; sallittuja ovat äärelliset luvut",
        sv="{number:term}; ändliga tal är tillåtna",
        en="{number:term}; allowed: finite numbers",
    ),
    "json.not_a_number": Message(
        fi="{number} ei ole JSON-luku (JSONissa ei ole NaN- eikä ääretöntä arvoa)",
        sv="{number} är inget JSON-tal (JSON har varken NaN eller oändligheten)",
        en="{number}; not a JSON number (JSON has no NaN or infinity)",
    ),
    "document.unknown_key": Message(
        fi="tuntematon avain; sallitut avaimet: {allowed}",
        sv="okänd nyckel; tillåtna nycklar: {allowed}",
        en="unknown key; allowed keys: {allowed}",
    ),
    "document.missing_key": Message(
        fi="pakollinen avain puuttuu",
        sv="en obligatorisk nyckel saknas",
        en="required key is missing",
    ),
    "document.missing_type": Message(
        fi="pakollinen avain puuttuu; se kertoo {kind:term} lajin: {allowed}",
        sv="en obligatorisk nyckel saknas; den anger typen av {kind:term}: {allowed}",
        en="required key is missing; it names the type of {kind:term}: {allowed}",
    ),
    "document.unknown_type": Message(
        fi="tuntematon {kind:term} laji {value}; sallitut: {allowed}",
        sv="okänd typ av {kind:term} {value}; tillåtna: {allowed}",
        en="unknown {kind:term} type {value}; allowed: {allowed}",
    ),
    "schema_version.missing": Message(
        fi="pakollinen avain puuttuu; tämä hankemalli lukee skeemaversiota {version}",
        sv="en obligatorisk nyckel saknas; den här hankemalli läser schemaversion {version}",
        en="required key is missing; this hankemalli reads schema version {version}",
    ),
    "schema_version.unsupported": Message(
        fi="skeemaversiota {value:term} ei tueta; tämä hankemalli lukee skeemaversioita 1 "
        "ja {version}",
        sv="schemaversion {value:term} stöds inte; den här hankemalli läser "
        "schemaversionerna 1 och {version}",
        en="unsupported schema version {value:term}; this hankemalli reads schema versions "
        "1 and {version}",
    ),
}
