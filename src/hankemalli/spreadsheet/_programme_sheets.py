"""The programme's sheets: the programme form, its funders, targets and partners."""

from __future__ import annotations

from ..model import (
    CertificateKind,
    FunderKind,
    OrganisationKind,
    ProgrammingPeriod,
    ServiceType,
    TargetMetric,
    TargetPeriod,
)
from ._columns import Kind, Sheet, code_column, column, labels

__all__ = ["FUNDERS", "INSTRUMENTS", "OPERATING_MODELS", "PARTNERS", "PROGRAMME", "TARGETS"]


PROGRAMME = Sheet(
    key="programme",
    name=labels("Hanke", "Projekt", "Programme"),
    note=labels(
        "Hankkeen perustiedot: yksi rivi kutakin tietoa kohden, arvo sarakkeessa B "
        "(luettelot sarakkeista B, C, D… eteenpäin).",
        "Projektets grunduppgifter: en rad per uppgift, värdet i kolumn B "
        "(listor i kolumnerna B, C, D… framåt).",
        "The programme: one row per field, its value in column B (lists from B, C, D… on).",
    ),
    within=("programme",),
    form=True,
    required=True,
    columns=(
        column("id", "Tunnus", "Kod", "Id", Kind.TEXT, required=True),
        column("name", "Nimi", "Namn", "Name", Kind.TEXT, required=True),
        column(
            "organisation", "Toteuttaja", "Genomförare", "Organisation", Kind.TEXT, required=True
        ),
        column("start", "Alkaa", "Börjar", "Start", Kind.DATE, required=True),
        column("end", "Päättyy", "Slutar", "End", Kind.DATE, required=True),
        column("areas", "Toiminta-alue", "Verksamhetsområde", "Areas", Kind.TEXT, many=True),
        column("target_groups", "Kohderyhmät", "Målgrupper", "Target groups", Kind.TEXT, many=True),
        code_column("services", "Palvelut", "Tjänster", "Services", ServiceType, many=True),
        code_column(
            "qualifying_certificates",
            "Tutkinnoksi laskettavat kortit",
            "Certifikat som räknas som examen",
            "Qualifying certificates",
            CertificateKind,
            many=True,
        ),
        code_column(
            "programming_period",
            "Ohjelmakausi",
            "Programperiod",
            "Programming period",
            ProgrammingPeriod,
            note=labels(
                "Tyhjä: alkamispäivän mukaan (ennen vuotta 2021 alkanut 2014–2020).",
                "Tom: enligt startdatum (före 2021: 2014–2020).",
                "Blank: by the start date (before 2021: 2014–2020).",
            ),
        ),
    ),
)

FUNDERS = Sheet(
    key="funders",
    name=labels("Rahoittajat", "Finansiärer", "Funders"),
    note=labels(
        "Hankkeen rahoittajat: yksi rivi rahoittajaa kohden.",
        "Projektets finansiärer: en rad per finansiär.",
        "The programme's funders: one row each.",
    ),
    within=("programme", "funders"),
    columns=(
        column("name", "Rahoittaja", "Finansiär", "Funder", Kind.TEXT, required=True),
        code_column(
            "kind", "Rahoittajan tyyppi", "Typ av finansiär", "Kind", FunderKind, required=True
        ),
        column(
            "share",
            "Rahoitusosuus",
            "Finansieringsandel",
            "Share",
            Kind.DECIMAL,
            note=labels(
                "Osuus kokonaisbudjetista, esim. 0,456 tai 45,6 %.",
                "Andel av budgeten, t.ex. 0,456 eller 45,6 %.",
                "A fraction of the budget, such as 0.456 or 45.6 %.",
            ),
        ),
        column("amount", "Määrä (€)", "Belopp (€)", "Amount (€)", Kind.DECIMAL),
    ),
)

TARGETS = Sheet(
    key="targets",
    name=labels("Tavoitteet", "Mål", "Targets"),
    note=labels(
        "Määrälliset tavoitteet, esim. 30–40 osallistujaa vuodessa.",
        "Kvantitativa mål, t.ex. 30–40 deltagare per år.",
        "Quantified targets, such as 30–40 participants a year.",
    ),
    within=("programme", "targets"),
    columns=(
        code_column("metric", "Tavoite", "Mål", "Target", TargetMetric, required=True),
        code_column("per", "Jakso", "Period", "Per", TargetPeriod, required=True),
        column("minimum", "Vähintään", "Minst", "Minimum", Kind.WHOLE),
        column("maximum", "Enintään", "Högst", "Maximum", Kind.WHOLE),
    ),
)

PARTNERS = Sheet(
    key="partners",
    name=labels("Kumppanit", "Samarbetspartner", "Partners"),
    note=labels(
        "Hankkeen yhteistyökumppanit.",
        "Projektets samarbetspartner.",
        "The programme's partner organisations.",
    ),
    within=("programme", "partners"),
    columns=(
        column("name", "Kumppani", "Samarbetspartner", "Partner", Kind.TEXT, required=True),
        code_column(
            "kind",
            "Organisaation tyyppi",
            "Typ av organisation",
            "Kind",
            OrganisationKind,
            required=True,
        ),
        column("role", "Rooli", "Roll", "Role", Kind.TEXT),
    ),
)


INSTRUMENTS = Sheet(
    key="instruments",
    name=labels("Arviointivälineet", "Bedömningsinstrument", "Instruments"),
    note=labels(
        "Hankkeen omat arviointivälineet: yksi rivi kutakin vaihetta kohden, alimmasta "
        "ylimpään. Nimen ja kuvauksen voi jättää tyhjäksi ensimmäisen rivin jälkeen.",
        "Projektets egna instrument: en rad per steg, från det lägsta till det högsta. "
        "Namn och beskrivning kan lämnas tomma efter den första raden.",
        "The programme's own staged scales: one row per stage, lowest first. The names "
        "and description may be left blank after their first row.",
    ),
    within=("instruments",),
    columns=(
        column(
            "instrument",
            "Välineen tunnus",
            "Instrumentets kod",
            "Instrument id",
            Kind.TEXT,
            required=True,
        ),
        column("name", "Välineen nimi", "Instrumentets namn", "Instrument name", Kind.TEXT),
        column("description", "Kuvaus", "Beskrivning", "Description", Kind.LINES),
        column(
            "dimension",
            "Ulottuvuuden tunnus",
            "Dimensionens kod",
            "Dimension id",
            Kind.TEXT,
            required=True,
        ),
        column(
            "dimension_name", "Ulottuvuuden nimi", "Dimensionens namn", "Dimension name", Kind.TEXT
        ),
        column("stage", "Vaihe", "Steg", "Stage", Kind.TEXT, required=True),
    ),
)

OPERATING_MODELS = Sheet(
    key="operating_models",
    name=labels("Toimintamallit", "Verksamhetsmodeller", "Operating models"),
    note=labels(
        "Toimintamallit JSON-muodossa, yksi riviä kohden (ks. docs/model.md); taulukko, "
        "joka kirjoitetaan aineistosta, säilyttää ne.",
        "Verksamhetsmodellerna i JSON-form, en per rad (se docs/model.md).",
        "Operating models in their JSON form, one a row (see docs/model.md).",
    ),
    within=("operating_models",),
    columns=(
        column(
            "model",
            "Toimintamalli (JSON)",
            "Verksamhetsmodell (JSON)",
            "Operating model (JSON)",
            Kind.JSON,
            required=True,
        ),
    ),
)
