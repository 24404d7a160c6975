"""The sheets of what happened to participants: situations, outcome events, assessments."""

from __future__ import annotations

from ..model import (
    AssessmentKind,
    CertificateKind,
    ContactKind,
    ContractType,
    EducationKind,
    EmploymentKind,
    ImprovementKind,
    SituationKind,
    WorkingTime,
)
from ._columns import PSEUDONYM, SOURCE, Kind, Sheet, code_column, column, labels

__all__ = ["ASSESSMENTS", "EVENTS", "SITUATIONS"]


_EMPLOYMENT, _EDUCATION = ("employment",), ("education",)

SITUATIONS = Sheet(
    key="situations",
    name=labels("Tilanteet", "Situationer", "Situations"),
    note=labels(
        "Työsuhteet, koulutukset ja työnhaku ennen osallistumista, sen aikana ja sen "
        "jälkeen: yksi rivi kutakin jaksoa kohden.",
        "Anställningar, utbildningar och arbetssökande före, under och efter deltagandet: "
        "en rad per period.",
        "Employment, education and job seeking before, during and after taking part: "
        "one row per spell.",
    ),
    within=("situations",),
    child=True,
    columns=(
        PSEUDONYM,
        column("type", "Tilanne", "Situation", "Situation", Kind.TAG, required=True),
        column("start", "Alkoi", "Började", "Start", Kind.DATE, required=True),
        column("end", "Päättyi", "Slutade", "End", Kind.DATE),
        SOURCE,
        code_column(
            "employment_kind",
            "Työsuhteen laji",
            "Typ av anställning",
            "Employment kind",
            EmploymentKind,
            path=("kind",),
            only_for=_EMPLOYMENT,
        ),
        code_column(
            "contract",
            "Työsuhteen kesto",
            "Anställningens längd",
            "Contract",
            ContractType,
            only_for=_EMPLOYMENT,
        ),
        code_column(
            "working_time",
            "Työaika",
            "Arbetstid",
            "Working time",
            WorkingTime,
            only_for=_EMPLOYMENT,
        ),
        column(
            "via_episode",
            "Palvelujakso, josta työ alkoi",
            "Tjänsteperiod som ledde till arbetet",
            "Via episode",
            Kind.TEXT,
            only_for=_EMPLOYMENT,
            note=labels(
                "Palvelujakson tunnus (Palvelujaksot-välilehti).",
                "Tjänsteperiodens kod (fliken Tjänsteperioder).",
                "The id of a service episode (Service episodes sheet).",
            ),
        ),
        code_column(
            "education_kind",
            "Koulutuksen laji",
            "Typ av utbildning",
            "Education kind",
            EducationKind,
            path=("kind",),
            only_for=_EDUCATION,
        ),
        column(
            "degree_oriented",
            "Tutkintotavoitteinen",
            "Examensinriktad",
            "Degree-oriented",
            Kind.BOOLEAN,
            only_for=_EDUCATION,
        ),
        column(
            "own_training",
            "Hankkeen oma koulutus",
            "Projektets egen utbildning",
            "Own training",
            Kind.BOOLEAN,
            only_for=_EDUCATION,
        ),
    ),
)

_QUALIFICATION, _CERTIFICATE = ("qualification_gained",), ("certificate_obtained",)
_SIX_MONTHS, _CONTACT = ("situation_after_six_months",), ("post_exit_contact",)

EVENTS = Sheet(
    key="events",
    name=labels("Tapahtumat", "Händelser", "Events"),
    note=labels(
        "Tulostapahtumat: suoritetut tutkinnot ja kortit, tilanne kuuden kuukauden "
        "kuluttua ja yhteydenpito päättymisen jälkeen.",
        "Resultathändelser: examina och certifikat, situationen sex månader efter och "
        "kontakt efter avslutad insats.",
        "Outcome events: qualifications and certificates gained, the situation six months "
        "after leaving and contact kept after it.",
    ),
    within=("events",),
    child=True,
    columns=(
        PSEUDONYM,
        column("type", "Tapahtuma", "Händelse", "Event", Kind.TAG, required=True),
        column("date", "Päivä", "Datum", "Date", Kind.DATE, required=True),
        SOURCE,
        code_column(
            "qualification_kind",
            "Tutkinnon laji",
            "Typ av examen",
            "Qualification kind",
            EducationKind,
            path=("kind",),
            only_for=_QUALIFICATION,
        ),
        code_column(
            "certificate",
            "Kortti",
            "Certifikat",
            "Certificate",
            CertificateKind,
            only_for=_CERTIFICATE,
        ),
        code_column(
            "situation",
            "Tilanne 6 kk kuluttua",
            "Situation efter 6 månader",
            "Situation after six months",
            SituationKind,
            only_for=_SIX_MONTHS,
        ),
        code_column(
            "improvement",
            "Tilanteen parantuminen",
            "Förbättrad situation",
            "Improvement",
            ImprovementKind,
            only_for=_SIX_MONTHS,
        ),
        code_column(
            "contact_kind",
            "Yhteydenpidon muoto",
            "Typ av kontakt",
            "Contact kind",
            ContactKind,
            path=("kind",),
            only_for=_CONTACT,
        ),
        column(
            "label",
            "Tarkenne",
            "Precisering",
            "Label",
            Kind.TEXT,
            only_for=(*_QUALIFICATION, *_CERTIFICATE, *_CONTACT),
            note=labels(
                "Esim. tutkinnon tai kortin nimi; pakollinen, kun kortti on 'Muu kortti'.",
                "T.ex. examens eller certifikatets namn; obligatorisk för 'Annat certifikat'.",
                "E.g. the qualification's or certificate's name; needed for 'Other certificate'.",
            ),
        ),
    ),
)

ASSESSMENTS = Sheet(
    key="assessments",
    name=labels("Arvioinnit", "Bedömningar", "Assessments"),
    note=labels(
        "Arvioinnit arviointivälineellä (esim. tavoiteportaat): yksi rivi kutakin "
        "ulottuvuutta kohden. Saman päivän saman välineen rivit ovat yksi arviointi.",
        "Bedömningar med ett instrument (t.ex. målstege): en rad per dimension. Raderna "
        "med samma instrument och datum är en bedömning.",
        "Assessments on an instrument (such as goal ladders): one row per dimension. The "
        "rows of one instrument on one day are one assessment.",
    ),
    within=("assessments",),
    child=True,
    columns=(
        PSEUDONYM,
        column(
            "instrument", "Arviointiväline", "Instrument", "Instrument", Kind.TEXT, required=True
        ),
        column("date", "Päivä", "Datum", "Date", Kind.DATE, required=True),
        code_column(
            "kind", "Arvioinnin laji", "Typ av bedömning", "Kind", AssessmentKind, required=True
        ),
        column("dimension", "Ulottuvuus", "Dimension", "Dimension", Kind.TEXT, required=True),
        column(
            "stage",
            "Vaihe",
            "Steg",
            "Stage",
            Kind.STAGE,
            required=True,
            note=labels(
                "Vaiheen nimi kuten Arviointivälineet-välilehdellä.",
                "Stegets namn som på fliken Bedömningsinstrument.",
                "The stage's name, as on the Instruments sheet.",
            ),
        ),
        column(
            "number",
            "Arvioinnin numero",
            "Bedömningens nummer",
            "Assessment number",
            Kind.ORDINAL,
            note=labels(
                "Vain jos samana päivänä on kaksi samanlaista arviointia samalla välineellä.",
                "Endast om två likadana bedömningar med samma instrument görs samma dag.",
                "Only if two assessments of the same kind on one instrument share a day.",
            ),
        ),
    ),
)
