"""The report's section on operating models and their transferability (toimintamallit).

For each operating model of the dataset: its description (the Innokylä fields
that are filled), its embedding steps (4V), the evidence computed from the
records (those whose pathways used the model's services against those who did
not, each figure with its numbers and its 95 % confidence interval, the difference
with its interval and the verdict, too few withheld, and a paragraph saying that the
comparison is observational and how the intervals are computed), and the
transferability assessment point by point. Then the results of the staged-scale instruments,
as any other indicator.
"""

from __future__ import annotations

import pendulum
from attrs import evolve

from ..indicators import (
    Calculation,
    Comparison,
    Context,
    CountingRules,
    Evidence,
    EvidenceCalculation,
    Interval,
    Labels,
    PointStatus,
    ReportingPeriod,
    Run,
    Verdict,
    assess_transferability,
    common_indicators,
    evidence_criteria,
    feed,
    instrument_indicators,
)
from ..model import Dataset, EmbeddingStage, OperatingModel
from ._build import _LEDGER, _UNITS, Ledger, Variable, cell
from ._document import (
    Block,
    Cell,
    Estimate,
    FigureList,
    FigureRow,
    Paragraph,
    Table,
    TableRow,
    Text,
    Withheld,
)
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
    PointStatus.AGAINST: _l("näyttö puhuu vastaan", "belägg talar emot", "against"),
}
_VERDICT: dict[Verdict, Labels] = {
    Verdict.SUPPORTED: _l("näyttö tukee", "belägg stöder", "supported"),
    Verdict.INCONCLUSIVE: _l("ei selvää eroa", "ingen klar skillnad", "inconclusive"),
    Verdict.AGAINST: _l("näyttö puhuu vastaan", "belägg talar emot", "against"),
    Verdict.TOO_FEW: _l("liian vähän vertailuun", "för få för jämförelse", "too few to compare"),
}
_PERCENT = _l("%", "%", "%")
#: Percentage points (prosenttiyksikkö, procentenhet).
_POINTS = _l("%-yks.", "procentenheter", "pp")
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
    "used_interval": _l(
        "Käyttivät mallia, 95 %:n luottamusväli",
        "Använde modellen, 95 % konfidensintervall",
        "Used the model, 95% interval",
    ),
    "not_used_interval": _l(
        "Muut, 95 %:n luottamusväli", "Övriga, 95 % konfidensintervall", "Others, 95% interval"
    ),
    "difference": _l(
        "Ero, 95 %:n luottamusväli",
        "Skillnad, 95 % konfidensintervall",
        "Difference, 95% interval",
    ),
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


def _estimate(
    interval: Interval | None, comparison: Comparison, *, difference: bool = False
) -> Cell:
    """An interval as a cell: a share in per cent (a difference in points), a mean in its unit."""
    if interval is None:
        return None
    statistic = comparison.criterion.indicator.statistic
    measure = getattr(statistic, "measure", None)
    unit: Labels | None
    if measure is None:  # a share
        scale, places, unit = 100.0, 1, _POINTS if difference else _PERCENT
    else:
        unit = text(measure.unit) if measure.unit in _UNITS else None
        scale, places = 1.0, 0 if unit else 1
    return Estimate(
        value=scale * interval.estimate,
        low=scale * interval.lower,
        high=scale * interval.upper,
        places=places,
        unit=unit,
        signed=difference,
    )


def _noted(ledger: Ledger, *shown: Cell) -> list[Variable]:
    """The counts the cells show, as the ledger noted them, each once."""
    found: list[Variable] = []
    for value in shown:
        for variable in ledger.cells.get(id(value), (None, ()))[1]:
            if variable not in found:
                found.append(variable)
    return found


def _tie(ledger: Ledger | None, shown: Cell, *sources: Cell) -> Cell:
    """Note ``shown`` as telling the counts ``sources`` show: withholding one withholds it.

    A share's interval, the difference and the verdict are worked out from the two
    groups' counts; shown beside a withheld count, they would tell it.
    """
    if ledger is None or shown is None:
        return shown
    variables = _noted(ledger, *sources)
    if not variables:
        return shown
    return ledger.note(shown, *((v, ledger.values[v]) for v in variables))


def _relate_groups(ledger: Ledger, code: str, used: Cell, others: Cell) -> None:
    """Note that the two groups add up to the figure of everyone, where the report shows it.

    The users' and the others' counts are a partition of everyone's (their numerators
    of the result, their denominators of the base): a reader can subtract one group
    from the figure shown in the results section.
    """
    one, two = _noted(ledger, used), _noted(ledger, others)
    for first, second in zip(one, two, strict=False):
        part = first[3]
        candidates = [(ledger.report, code, None, part)]
        if part == "share_n":
            candidates.append((ledger.report, code, None, "n"))
        for whole in candidates:
            if whole in ledger.values and ledger.values[whole] == (
                ledger.values[first] + ledger.values[second]
            ):
                ledger.relate((whole, 1), (first, -1), (second, -1))
                break


def _evidence_row(comparison: Comparison, threshold: int, model: str = "") -> TableRow:
    indicator = comparison.criterion.indicator
    # Each group's counts have an identity of their own (model and group), apart from
    # the figure of everyone with the same code.
    used = cell(comparison.used, indicator, threshold, group=f"{model}:used")
    others = cell(comparison.not_used, indicator, threshold, group=f"{model}:not_used")
    # The two groups add up to a figure shown elsewhere in the report: withholding
    # one alone would let a reader subtract it, and a verdict or an interval would
    # tell its size.
    if isinstance(used, Withheld) or isinstance(others, Withheld):
        return TableRow(
            label=indicator.labels,
            cells=(*(Withheld(),) * 5, Text(_VERDICT[Verdict.TOO_FEW])),
        )
    ledger = _LEDGER.get()
    if ledger is not None:
        _relate_groups(ledger, indicator.code, used, others)
    return TableRow(
        label=indicator.labels,
        cells=(
            used,
            others,
            _tie(ledger, _estimate(comparison.used_interval, comparison), used),
            _tie(ledger, _estimate(comparison.not_used_interval, comparison), others),
            _tie(
                ledger,
                _estimate(comparison.difference_interval, comparison, difference=True),
                used,
                others,
            ),
            _tie(ledger, Text(_VERDICT[comparison.verdict]), used, others),
        ),
    )


def _caveat(threshold: int) -> Labels:
    """What the comparison is and is not, and how its intervals are computed."""
    return _l(
        "Vertailu perustuu havaintoihin: osallistujat valitsivat mallin palvelut tai heidät "
        "valittiin niihin, joten ryhmät voivat erota toisistaan muutenkin, eikä ero todista, "
        "että malli aiheutti sen. Osuuksien 95 %:n luottamusvälit on laskettu Wilsonin "
        "menetelmällä (1927) ja osuuksien erotuksen väli Newcomben menetelmällä 10 (1998); "
        "keskiarvojen erotuksen väli Welchin menetelmällä. ”Näyttö tukee” tarkoittaa, että "
        "erotuksen väli on kokonaan paremmalla puolella nollaa, ”näyttö puhuu vastaan”, että "
        "se on kokonaan huonommalla puolella, ja ”ei selvää eroa”, että väli sisältää nollan, "
        "jolloin ero voi olla sattumaa. ”Liian vähän vertailuun”: ryhmässä on alle "
        f"{threshold} henkilöä tai tuloksen saavuttaneita on alle {threshold}.",
        "Jämförelsen bygger på observationer: deltagarna valde modellens tjänster eller "
        "valdes till dem, så grupperna kan skilja sig åt också på andra sätt, och en skillnad "
        "bevisar inte att modellen orsakade den. Andelarnas 95 % konfidensintervall är "
        "beräknade med Wilsons metod (1927) och intervallet för skillnaden mellan andelar med "
        "Newcombes metod 10 (1998); för skillnaden mellan medelvärden med Welchs metod. "
        "”Belägg stöder” betyder att skillnadens intervall ligger helt på den bättre sidan om "
        "noll, ”belägg talar emot” att det ligger helt på den sämre sidan och ”ingen klar "
        "skillnad” att intervallet innehåller noll, så att skillnaden kan bero på slumpen. "
        f"”För få för jämförelse”: en grupp har färre än {threshold} personer eller färre än "
        f"{threshold} har resultatet.",
        "The comparison is observational: people chose, or were chosen for, the model's "
        "services, so the groups may differ in other ways too, and a difference is not proof "
        "that the model caused it. The shares' 95% confidence intervals are Wilson's (1927) "
        "and the interval of a difference of shares is Newcombe's method 10 (1998); that of "
        "a difference of means is Welch's. \"Supported\" means that the difference's interval "
        'lies wholly on the better side of zero, "against" that it lies wholly on the worse '
        'side, and "inconclusive" that it holds zero, so the difference could be chance. '
        f'"Too few to compare": a group has fewer than {threshold} people, or fewer than '
        f"{threshold} have the result.",
    )


def _model(model: OperatingModel, found: Evidence, *, threshold: int) -> list[Block]:
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
                columns=(
                    _HEAD["used"],
                    _HEAD["not_used"],
                    _HEAD["used_interval"],
                    _HEAD["not_used_interval"],
                    _HEAD["difference"],
                    _HEAD["verdict"],
                ),
                rows=tuple(_evidence_row(c, threshold, model.id) for c in found.comparisons),
            )
        )
        blocks.append(Paragraph(text=_caveat(threshold)))
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


class ModelRuns:
    """What the models section computes from the records for one period, to be fed in one pass.

    The evidence for each operating model and the results of each instrument, as
    runs (:attr:`runs`) that a report set feeds beside its other figures
    (:func:`~hankemalli.indicators.feed`); :meth:`blocks` then builds the section.
    """

    def __init__(
        self,
        dataset: Dataset,
        *,
        period: ReportingPeriod,
        as_of: pendulum.Date,
        threshold: int,
        rules: CountingRules | None = None,
    ) -> None:
        context = Context(period=period, as_of=as_of, rules=rules or CountingRules())
        # The results compared are those of the programme's own programming period.
        criteria = evidence_criteria(common_indicators(dataset.programme.programming_period))
        self._models = [
            (
                model,
                EvidenceCalculation(
                    model=model, context=context, criteria=criteria, threshold=threshold
                ),
            )
            for model in dataset.operating_models
        ]
        self._instruments = [
            (instrument, instrument_indicators(instrument)) for instrument in dataset.instruments
        ]
        self._evidence = [calculation.start() for _, calculation in self._models]
        self._results = [
            Calculation(indicators=catalogue, context=context).start()
            for _, catalogue in self._instruments
        ]

    @property
    def runs(self) -> list[Run]:
        """The runs to feed: one per operating model and one per instrument."""
        return [*self._evidence, *self._results]

    def blocks(self, threshold: int) -> tuple[Block, ...]:
        """The blocks of the section, once :attr:`runs` are fed."""
        blocks: list[Block] = []
        for (model, calculation), run in zip(self._models, self._evidence, strict=True):
            found = evolve(calculation, threshold=threshold).weigh(run.results())
            blocks += _model(model, found, threshold=threshold)
        for (instrument, catalogue), results_run in zip(
            self._instruments, self._results, strict=True
        ):
            results = results_run.results()
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


def model_blocks(
    dataset: Dataset,
    *,
    period: ReportingPeriod,
    as_of: pendulum.Date,
    threshold: int,
    rules: CountingRules | None = None,
) -> tuple[Block, ...]:
    """The blocks of the models section for a dataset, a period and an as-of date."""
    computed = ModelRuns(dataset, period=period, as_of=as_of, threshold=threshold, rules=rules)
    feed(computed.runs, dataset.participants)
    return computed.blocks(threshold)
