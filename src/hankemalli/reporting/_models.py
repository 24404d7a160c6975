"""The report's section on operating models and their transferability (toimintamallit).

For each operating model of the dataset: its description (the Innokylä fields
that are filled), its embedding steps (4V), the evidence computed from the
records (those whose pathways used the model's services against those who did
not, each figure with its numbers, too few withheld), and the transferability
assessment point by point. Then the results of the staged-scale instruments,
as any other indicator.
"""

from __future__ import annotations

import pendulum

from ..indicators import (
    Comparison,
    CountingRules,
    Labels,
    PointStatus,
    ReportingPeriod,
    Verdict,
    assess_transferability,
    common_indicators,
    compute,
    evidence,
    evidence_criteria,
    instrument_indicators,
)
from ..model import Dataset, EmbeddingStage, OperatingModel
from ._build import cell
from ._document import Block, FigureList, FigureRow, Paragraph, Table, TableRow, Text, Withheld
from ._format import format_date
from ._labels import code_labels, text

__all__ = ["model_blocks"]


def _l(fi: str, sv: str, en: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


_FIELDS: dict[str, Labels] = {
    "short_description": _l("Lyhyt kuvaus", "Kort beskrivning", "Short description"),
    "basic_idea": _l("Ratkaisun perusidea", "Grundidé", "Basic idea"),
    "target_groups": _l("Kohderyhmät", "Målgrupper", "Target groups"),
    "operating_environment": _l("Toimintaympäristö", "Verksamhetsmiljö", "Operating environment"),
    "conditions_for_working": _l(
        "Toimivuuden edellytykset", "Förutsättningar för att fungera", "Conditions for it to work"
    ),
    "conditions_for_adoption": _l(
        "Käyttöönoton edellytykset", "Förutsättningar för införande", "Conditions for adoption"
    ),
    "resources": _l("Resurssit", "Resurser", "Resources"),
    "partners": _l("Toteuttajat ja kumppanit", "Genomförare och partner", "Partners"),
    "place": _l("Toteutuspaikka", "Plats", "Place"),
    "funders": _l("Rahoittaja", "Finansiär", "Funder"),
    "author": _l("Tekijä", "Upphovsperson", "Author"),
    "methods": _l("Menetelmät", "Metoder", "Methods"),
    "services": _l("Palvelut", "Tjänster", "Services"),
}
_TOPICS: dict[str, Labels] = {
    "embedding": _l("Juurtuminen", "Förankring", "Embedding"),
    "elements.core": _l("Ydinelementit", "Kärnelement", "Core elements"),
    "elements.local": _l("Paikalliset elementit", "Lokala element", "Local elements"),
    "trials": _l("Kokeilut muualla", "Försök på annat håll", "Tried elsewhere"),
    "evidence": _l("Näyttö aineistosta", "Belägg ur materialet", "Evidence from the records"),
}
_STATUS: dict[PointStatus, Labels] = {
    PointStatus.DOCUMENTED: _l("kuvattu", "beskrivet", "documented"),
    PointStatus.MISSING: _l("puuttuu", "saknas", "missing"),
    PointStatus.SUPPORTED: _l("näyttö tukee", "belägg stöder", "supported"),
    PointStatus.NOT_SUPPORTED: _l("näyttö ei tue", "belägg stöder inte", "not supported"),
    PointStatus.TOO_FEW: _l(
        "liian vähän vertailuun", "för få för jämförelse", "too few to compare"
    ),
}
_VERDICT: dict[Verdict, Labels] = {
    Verdict.BETTER: _l("parempi", "bättre", "better"),
    Verdict.SAME: _l("ei eroa", "ingen skillnad", "no difference"),
    Verdict.WORSE: _l("heikompi", "sämre", "worse"),
    Verdict.TOO_FEW: _l("liian vähän vertailuun", "för få för jämförelse", "too few to compare"),
}
_STAGES: dict[EmbeddingStage, Labels] = {
    EmbeddingStage.COMMUNICATED: _l("Viestitty", "Kommunicerad", "Communicated"),
    EmbeddingStage.VARIED: _l("Varioitu kohderyhmälle", "Anpassad för en målgrupp", "Varied"),
    EmbeddingStage.MAINSTREAMED: _l("Valtavirtaistettu", "Spridd", "Mainstreamed"),
    EmbeddingStage.MADE_PERMANENT: _l(
        "Vakiinnutettu rakenteisiin", "Permanent i strukturerna", "Made permanent"
    ),
}
_HEAD: dict[str, Labels] = {
    "description": _l("Kuvaus", "Beskrivning", "Description"),
    "embedding": _l("Juurruttaminen (4V)", "Förankring (4V)", "Embedding (4V)"),
    "organisation": _l("Organisaatio", "Organisation", "Organisation"),
    "stage": _l("Vaihe", "Steg", "Step"),
    "evidence": _l(
        "Tulokset mallin palveluja käyttäneillä ja muilla",
        "Resultat för dem som använde modellens tjänster och för andra",
        "Results with and without the model's services",
    ),
    "used": _l("Käyttivät mallia", "Använde modellen", "Used the model"),
    "not_used": _l("Muut", "Övriga", "Others"),
    "verdict": _l("Vertailu", "Jämförelse", "Comparison"),
    "assessment": _l("Siirrettävyyden arvio", "Bedömning av överförbarheten", "Transferability"),
    "status": _l("Tila", "Status", "Status"),
}


def _field_text(model: OperatingModel, name: str) -> Text | None:
    value = getattr(model, name)
    if value in (None, ()):
        return None
    if name == "services":
        return Text(
            Labels(
                fi=", ".join(code_labels(s).fi for s in value),
                sv=", ".join(code_labels(s).sv for s in value),
                en=", ".join(code_labels(s).en for s in value),
            )
        )
    if name == "partners":
        return Text(", ".join(p.name for p in value))
    if isinstance(value, tuple):
        return Text(", ".join(value))
    return Text(str(value))


def _dates(day: pendulum.Date) -> Labels:
    return Labels(fi=format_date(day, "fi"), sv=format_date(day, "sv"), en=format_date(day, "en"))


def _evidence_row(comparison: Comparison, threshold: int) -> TableRow:
    indicator = comparison.criterion.indicator
    used = cell(comparison.used, indicator, threshold)
    others = cell(comparison.not_used, indicator, threshold)
    # The two groups add up to a figure shown elsewhere in the report: withholding
    # one alone would let a reader subtract it, and a verdict would tell its size.
    if isinstance(used, Withheld) or isinstance(others, Withheld):
        return TableRow(
            label=indicator.labels,
            cells=(Withheld(), Withheld(), Text(_VERDICT[Verdict.TOO_FEW])),
        )
    return TableRow(
        label=indicator.labels, cells=(used, others, Text(_VERDICT[comparison.verdict]))
    )


def _model(
    model: OperatingModel,
    dataset: Dataset,
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    threshold: int,
    rules: CountingRules | None,
) -> list[Block]:
    # The results compared are those of the programme's own programming period.
    criteria = evidence_criteria(common_indicators(dataset.programme.programming_period))
    found = evidence(
        model,
        dataset.participants,
        period=period,
        as_of=as_of,
        criteria=criteria,
        threshold=threshold,
        rules=rules,
    )
    assessment = assess_transferability(model, found)
    described = [(name, _field_text(model, name)) for name in _FIELDS]
    blocks: list[Block] = [
        Table(
            title=Labels(fi=model.name, sv=model.name, en=model.name),
            columns=(_HEAD["description"],),
            rows=tuple(
                TableRow(label=_FIELDS[n], cells=(v,)) for n, v in described if v is not None
            ),
        )
    ]
    if model.embedding:
        blocks.append(
            Table(
                title=_HEAD["embedding"],
                columns=(_HEAD["organisation"], text("dated")),
                rows=tuple(
                    TableRow(
                        label=_STAGES[s.stage], cells=(Text(s.organisation), Text(_dates(s.date)))
                    )
                    for s in model.embedding
                ),
            )
        )
    if found.comparisons:
        blocks.append(
            Table(
                title=_HEAD["evidence"],
                columns=(_HEAD["used"], _HEAD["not_used"], _HEAD["verdict"]),
                rows=tuple(_evidence_row(c, threshold) for c in found.comparisons),
            )
        )
    points = [p for p in assessment.points if not p.topic.startswith("evidence.")]
    blocks.append(
        Table(
            title=_HEAD["assessment"],
            columns=(_HEAD["status"],),
            rows=tuple(
                TableRow(
                    label=_FIELDS.get(p.topic.removeprefix("field."))
                    or _TOPICS.get(p.topic)
                    or p.topic,
                    cells=(Text(_STATUS[p.status]),),
                )
                for p in points
            ),
        )
    )
    return blocks


def model_blocks(
    dataset: Dataset,
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    threshold: int,
    rules: CountingRules | None = None,
) -> tuple[Block, ...]:
    """The blocks of the models section for a dataset, a period and an as-of date."""
    blocks: list[Block] = []
    for model in dataset.operating_models:
        blocks += _model(
            model, dataset, period=period, as_of=as_of, threshold=threshold, rules=rules
        )
    for instrument in dataset.instruments:
        catalogue = instrument_indicators(instrument)
        results = compute(catalogue, dataset.participants, period=period, as_of=as_of, rules=rules)
        blocks.append(
            FigureList(
                title=Labels(fi=instrument.name, sv=instrument.name, en=instrument.name),
                rows=tuple(
                    FigureRow(
                        code=i.code,
                        label=i.labels,
                        value=cell(results[i.code], i, threshold),
                        source=i.source,
                    )
                    for i in catalogue.values()
                ),
            )
        )
    if not blocks:
        blocks.append(Paragraph(text=text("models_pending")))
    return tuple(blocks)
