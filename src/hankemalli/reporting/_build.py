"""Building report documents from issued annual reports and the final figures.

Sections, in the order of a self-monitoring report (omaseuranta): objectives and
targets with attainment; the common indicators of the programme's programming
period under a heading naming the set and its regulation, then the project's own
figures (people at entry, leavers and stayers apart, by gender); implementation
(services, episodes, referral sources, partners); funding; follow-up after leaving;
operating models. Each figure carries its source (collected data, sample or estimate).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from contextvars import ContextVar
from enum import StrEnum
from fractions import Fraction

import pendulum
from attrs import define, field

from ..indicators import (
    COMMON_CATALOGUES,
    TARGET_INDICATORS,
    Attainment,
    Catalogue,
    Figure,
    Indicator,
    Labels,
    ReportingPeriod,
    Scope,
    Statistic,
)
from ..model import (
    Answer,
    CertificateKind,
    ContactKind,
    Gender,
    Programme,
    ReferralSource,
    ServiceType,
    SituationKind,
    TargetMetric,
)
from ._cumulation import AnnualReport, Correction, FinalFigures, catalogue_for
from ._disclosure import DEFAULT_THRESHOLD, protect
from ._document import (
    Amount,
    Block,
    Cell,
    Count,
    FigureList,
    FigureRow,
    Paragraph,
    Percent,
    Ratio,
    Report,
    ReportKind,
    Section,
    Table,
    TableRow,
    Text,
    Withheld,
)
from ._format import format_date, format_number
from ._labels import Language, code_labels, text

__all__ = ["annual_document", "final_document"]

#: Figures shown as tables in the implementation and follow-up sections, with the
#: code list their groups come from.
_TABLES: dict[str, tuple[str, type[StrEnum]]] = {
    "participants_by_service": ("implementation", ServiceType),
    "episodes_by_service": ("implementation", ServiceType),
    "referral_sources": ("implementation", ReferralSource),
    "certificates": ("implementation", CertificateKind),
    "six_month_situations": ("follow_up", SituationKind),
    "post_exit_contacts": ("follow_up", ContactKind),
}
_FOLLOW_UP_FIGURES = ("post_exit_contact",)
_GENDERS = (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY)
_PEOPLE = (Statistic.COUNT, Statistic.SHARE, Statistic.MEAN, Statistic.DISTRIBUTION)
_SCOPE_HEADINGS: dict[Scope, str] = {
    Scope.ENTERED: "outputs",
    Scope.ENTERED_BY_END: "outputs",
    Scope.ACTIVE: "during_period",
    Scope.LEFT: "leavers",
    Scope.LEFT_BY_END: "leavers",
    Scope.STAYING: "stayers",
}
_UNITS = ("days", "years")


def _small(n: int | None, threshold: int) -> bool:
    return n is not None and 0 < n < threshold


#: A count's identity in a published set: (report, indicator code, group, part).
#: The same count shown in two places (a figure list and a gender table's total
#: column) is one unknown for an attacker, so it has one identity.
Variable = tuple[Hashable, str, str | None, Hashable]


@define
class Ledger:
    """What an exact build of a report shows (laskentakirjanpito), for linked protection.

    While a ledger is active (:func:`recording`), the builders withhold nothing by
    count and note, for every count of people they show, the :class:`Count` (or
    :class:`Ratio`) object and the identity of the count it shows, and the
    identities that hold between the counts of one report (a gender table's row
    adds up; a single-valued breakdown adds up to its total).
    """

    report: Hashable
    cells: dict[int, tuple[Cell, tuple[Variable, ...]]] = field(factory=dict)
    values: dict[Variable, int] = field(factory=dict)
    relations: list[tuple[tuple[Variable, int], ...]] = field(factory=list)
    linked: set[Variable] = field(factory=set)
    genders: dict[str, tuple[str, ...]] = field(factory=dict)
    #: Counts that may be negative (a correction's change).
    signed: set[Variable] = field(factory=set)
    #: Counts the report never shows but that make its figures add up (a change
    #: to a gender group, applied and not listed).
    unshown: set[Variable] = field(factory=set)
    #: Unknowns that carry what a reader knows and need no protection (the rest of
    #: a count within another, which cannot be negative).
    auxiliary: set[Variable] = field(factory=set)

    def note(self, shown: Cell, *counts: tuple[Variable, int]) -> Cell:
        """Note that ``shown`` shows ``counts`` (identity, value); returns ``shown``.

        A negative count (a final figure that corrections took below the years', or
        the gender table's rest when only the total was corrected) is noted as
        :attr:`signed`: it has no bound.
        """
        for variable, value in counts:
            self.values[variable] = value
            if value < 0:
                self.signed.add(variable)
        self.cells[id(shown)] = (shown, tuple(v for v, _ in counts))
        return shown

    def count(self, value: int, code: str, group: str | None, part: Hashable) -> Cell:
        """A shown count of people, noted."""
        return self.note(Count(value), ((self.report, code, group, part), value))

    def relate(self, *terms: tuple[Variable, int]) -> None:
        """Note that the counts times their coefficients add up to zero."""
        self.relations.append(tuple(terms))
        self.linked.update(v for v, _ in terms)


_LEDGER: ContextVar[Ledger | None] = ContextVar("hankemalli_report_ledger", default=None)


def recording(ledger: Ledger | None) -> object:
    """Make ``ledger`` the active one; returns a token for :func:`stop_recording`."""
    return _LEDGER.set(ledger)


def stop_recording(token: object) -> None:
    """Restore the ledger active before :func:`recording`."""
    _LEDGER.reset(token)  # type: ignore[arg-type]


def _exact_cell(
    ledger: Ledger,
    figure: Figure,
    indicator: Indicator,
    threshold: int,
    group: str | None,
    role: str,
) -> Cell:
    s = figure.statistic
    if s in (Statistic.COUNT, Statistic.PEAK_HEADCOUNT):
        return ledger.count(figure.numerator, indicator.code, group, "n" + role)
    if s is Statistic.SHARE:
        if not figure.denominator:
            return None
        return ledger.note(
            Ratio(figure.numerator, figure.denominator),
            ((ledger.report, indicator.code, group, "share_n" + role), figure.numerator),
            ((ledger.report, indicator.code, group, "share_d" + role), figure.denominator),
        )
    if s is Statistic.DISTRIBUTION:
        return ledger.count(figure.denominator or 0, indicator.code, group, "d" + role)
    if s is Statistic.MEAN or s is Statistic.AVERAGE_HEADCOUNT or not indicator.sensitive:
        return cell(figure, indicator, threshold)
    return ledger.count(figure.numerator, indicator.code, group, "n" + role)


def cell(
    figure: Figure,
    indicator: Indicator,
    threshold: int,
    *,
    group: str | None = None,
    role: str = "",
) -> Cell:
    """The cell a figure shows, withheld where it tells of fewer people than the threshold.

    While a :class:`Ledger` is recording, counts of people are shown exactly and
    noted (``group`` and ``role`` tell which count of the figure it is).
    """
    ledger = _LEDGER.get()
    if ledger is not None:
        token = _LEDGER.set(None)
        try:
            return _exact_cell(ledger, figure, indicator, threshold, group, role)
        finally:
            _LEDGER.reset(token)
    s = figure.statistic
    if s in (Statistic.COUNT, Statistic.PEAK_HEADCOUNT):
        return Withheld() if _small(figure.numerator, threshold) else Count(figure.numerator)
    if s is Statistic.SHARE:
        if not figure.denominator:
            return None
        if _small(figure.numerator, threshold) or _small(figure.denominator, threshold):
            return Withheld()
        return Ratio(figure.numerator, figure.denominator)
    if s is Statistic.MEAN:
        if not figure.denominator:
            return None
        if _small(figure.denominator, threshold):
            return Withheld()
        measure = getattr(indicator.statistic, "measure", None)
        unit = text(measure.unit) if measure is not None and measure.unit in _UNITS else None
        return Amount(
            Fraction(figure.numerator, figure.denominator), places=0 if unit else 1, unit=unit
        )
    if s is Statistic.AVERAGE_HEADCOUNT:
        return Amount(Fraction(figure.numerator, figure.denominator or 1), places=1)
    if s is Statistic.DISTRIBUTION:
        n = figure.denominator or 0
        return Withheld() if _small(n, threshold) else Count(n)
    if indicator.sensitive and _small(figure.numerator, threshold):
        return Withheld()
    return Count(figure.numerator)


def _protected_cells(
    values: Sequence[Sequence[int]], threshold: int, **totals: bool
) -> list[list[Cell]]:
    grid = protect(values, threshold, **totals)
    return [[Withheld() if v is None else Count(v) for v in row] for row in grid.values]


def _group_label(group: str, codes: type[StrEnum], order: list[str]) -> Labels | str:
    """A breakdown group's label: its code's, yes or no for a true/false trait, or unknown."""
    if group in order:
        return code_labels(codes(group))
    if group in ("yes", "no"):
        return code_labels(Answer(group))
    return text("unknown") if group == "unknown" else group


def _group_table(
    figure: Figure, indicator: Indicator, codes: type[StrEnum], threshold: int
) -> Table | None:
    if not figure.counts:
        return None
    order = [str(c) for c in codes]
    groups = sorted(
        dict(figure.counts), key=lambda g: (order.index(g) if g in order else len(order), g)
    )
    labels: list[Labels | str] = [_group_label(g, codes, order) for g in groups]
    single_valued = (
        indicator.statistic.__class__.__name__ == "Distribution"
        and figure.numerator == (figure.denominator or 0)
    )
    values = [[figure.count(g)] for g in groups]
    ledger = _LEDGER.get()
    if ledger is not None:
        code = indicator.code
        cells = [
            [ledger.count(v[0], code, None, ("count", g))]
            for v, g in zip(values, groups, strict=True)
        ]
        if single_valued:
            cells.append([ledger.count(figure.denominator or 0, code, None, "d")])
            ledger.relate(
                ((ledger.report, code, None, "d"), 1),
                *(((ledger.report, code, None, ("count", g)), -1) for g in groups),
            )
    else:
        cells = _protected_cells(values, threshold, row_totals=False, column_totals=single_valued)
    rows = [
        TableRow(label=label, cells=tuple(row)) for label, row in zip(labels, cells, strict=False)
    ]
    if single_valued:
        rows.append(TableRow(label=text("total"), cells=tuple(cells[-1])))
    return Table(title=indicator.labels, columns=(text("value"),), rows=tuple(rows))


def _gender_columns(groups: Mapping[str, Mapping[str, Figure]], threshold: int) -> list[Gender]:
    """The genders shown in columns of their own in every table of the report.

    A gender with fewer people in the whole report than the threshold is merged
    with the unknown ones in every table alike: withheld in one table only, it
    could be worked out from another (say, all participants against the leavers).
    """
    shown = []
    for gender in _GENDERS:
        sizes = [
            f.numerator
            for f in groups.get(str(gender), {}).values()
            if f.statistic is Statistic.COUNT
        ]
        if not _small(max(sizes, default=0), threshold):
            shown.append(gender)
    return shown


def _gender_table(
    indicators: Sequence[Indicator],
    figures: Mapping[str, Figure],
    groups: Mapping[str, Mapping[str, Figure]],
    threshold: int,
) -> Table | None:
    counted = [i for i in indicators if figures[i.code].statistic is Statistic.COUNT]
    if not counted:
        return None
    shown = _gender_columns(groups, threshold)
    values = []
    for indicator in counted:
        by_gender = [groups.get(str(g), {}).get(indicator.code) for g in shown]
        known = [f.numerator if f is not None else 0 for f in by_gender]
        values.append([*known, figures[indicator.code].numerator - sum(known)])
    ledger = _LEDGER.get()
    if ledger is not None:
        cells = []
        for indicator, row in zip(counted, values, strict=True):
            code, names = indicator.code, [*(str(g) for g in shown), "rest"]
            ledger.genders[code] = tuple(names[:-1])
            cells.append(
                [
                    *(ledger.count(v, code, g, "n") for v, g in zip(row, names, strict=True)),
                    ledger.count(sum(row), code, None, "n"),
                ]
            )
            ledger.relate(
                ((ledger.report, code, None, "n"), 1),
                *(((ledger.report, code, g, "n"), -1) for g in names),
            )
    else:
        cells = _protected_cells(values, threshold, row_totals=True, column_totals=False)
    rest = text("unknown") if len(shown) == len(_GENDERS) else text("other_or_unknown")
    return Table(
        title=text("by_gender"),
        columns=(*(code_labels(g) for g in shown), rest, text("total")),
        rows=tuple(
            TableRow(label=i.labels, cells=tuple(row))
            for i, row in zip(counted, cells, strict=True)
        ),
    )


def _target_rows(
    attainments: Sequence[Attainment], threshold: int, period: ReportingPeriod | None = None
) -> Table | None:
    if not attainments:
        return None
    rows = []
    for a in attainments:
        t = a.target
        span = _span(t.minimum, t.maximum)
        counted = t.metric is not TargetMetric.AVERAGE_CONCURRENT
        value: Cell
        ledger = _LEDGER.get()
        if counted and ledger is not None:
            # The actual value is a figure of the target's period: of this report,
            # or, in the final report, of the year's annual report.
            whole = int(a.value)
            key: Hashable = ledger.report
            if a.period != period:
                key = ("annual", a.period.end.year) if t.per == "year" else ("to_date", a.period)
            part = "share_n" if t.metric is TargetMetric.PLACEMENTS else "n"
            value = ledger.note(
                Count(whole), ((key, TARGET_INDICATORS[t.metric], None, part), whole)
            )
        elif counted:
            whole = int(a.value)
            value = Withheld() if _small(whole, threshold) else Count(whole)
        else:
            value = Amount(a.value, places=1)
        level = text(str(a.level)) if isinstance(value, Count | Amount) else None
        metric, per = code_labels(t.metric), code_labels(t.per)
        label = Labels(
            fi=f"{metric.fi} {per.fi}, {_period_text(a.period, 'fi')}",
            sv=f"{metric.sv} {per.sv}, {_period_text(a.period, 'sv')}",
            en=f"{metric.en} {per.en}, {_period_text(a.period, 'en')}",
        )
        partial = Text(text("partial")) if a.partial else None
        rows.append(
            TableRow(
                label=label, cells=(Text(span), value, Text(level) if level else None, partial)
            )
        )
    return Table(
        title=None,
        columns=(text("target"), text("actual"), text("attainment"), text("note")),
        rows=tuple(rows),
    )


def _span(minimum: int | None, maximum: int | None) -> Labels:
    """A target range in words: "30–40", "vähintään 250" (at least), "enintään 15" (at most)."""

    def say(language: Language) -> str:
        low = None if minimum is None else format_number(minimum, language)
        high = None if maximum is None else format_number(maximum, language)
        if low is not None and high is not None:
            return low if low == high else f"{low}–{high}"
        if low is not None:
            return text("at_least").get(language).format(n=low)
        return text("at_most").get(language).format(n=high)

    return Labels(fi=say("fi"), sv=say("sv"), en=say("en"))


def _period_text(period: ReportingPeriod, language: Language) -> str:
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{format_date(start, language)}–{format_date(end, language)}"


def _funding(programme: Programme) -> Table | None:
    if not programme.funders:
        return None
    rows = tuple(
        TableRow(
            label=f.name,
            cells=(
                Text(code_labels(f.kind)),
                Percent(Fraction(f.share) * 100) if f.share is not None else None,
                Amount(Fraction(f.amount), places=0) if f.amount is not None else None,
            ),
        )
        for f in programme.funders
    )
    return Table(title=None, columns=(text("kind"), text("share"), text("amount")), rows=rows)


def _partners(programme: Programme) -> Table | None:
    if not programme.partners:
        return None
    return Table(
        title=text("partners"),
        columns=(text("kind"), text("role")),
        rows=tuple(
            TableRow(
                label=p.name, cells=(Text(code_labels(p.kind)), Text(p.role) if p.role else None)
            )
            for p in programme.partners
        ),
    )


def _sections(
    *,
    programme: Programme,
    catalogue: Catalogue,
    figures: Mapping[str, Figure],
    groups: Mapping[str, Mapping[str, Figure]],
    attainments: Sequence[Attainment],
    threshold: int,
    models: Sequence[Block],
    period: ReportingPeriod | None = None,
) -> list[Section]:
    def blocks(*found: Block | None) -> tuple[Block, ...]:
        return tuple(b for b in found if b is not None)

    def row(indicator: Indicator) -> FigureRow:
        return FigureRow(
            code=indicator.code,
            label=indicator.labels,
            value=cell(figures[indicator.code], indicator, threshold),
            source=indicator.source,
        )

    listed = [
        i
        for i in catalogue.values()
        if i.code in figures and i.code not in _TABLES and i.code not in _FOLLOW_UP_FIGURES
    ]

    def figure_blocks(indicators: Sequence[Indicator], *, codes: bool) -> tuple[Block, ...]:
        by_heading: dict[str, list[Indicator]] = {}
        for indicator in indicators:
            by_heading.setdefault(_SCOPE_HEADINGS[indicator.scope], []).append(indicator)
        found: list[Block | None] = []
        for heading in ("outputs", "during_period", "leavers", "stayers"):
            members = by_heading.get(heading, [])
            if members:
                found.append(
                    FigureList(
                        title=text(heading), rows=tuple(row(i) for i in members), show_codes=codes
                    )
                )
                if heading == "leavers" and _two_leaver_figures(members, figures):
                    found.append(Paragraph(text=text("leavers_note")))
                if heading in ("outputs", "leavers"):
                    found.append(_gender_table(members, figures, groups, threshold))
        return blocks(*found)

    # Each set of common indicators under a heading naming it and its regulation,
    # apart from the project's own figures.
    common_sections = []
    for common in COMMON_CATALOGUES:
        members = [i for i in listed if i.code in common]
        if members and common.title is not None:
            common_sections.append(
                Section(
                    key=f"common_{common.version.replace('-', '_')}",
                    title=common.title,
                    blocks=figure_blocks(members, codes=True),
                )
            )
            listed = [i for i in listed if i.code not in common]
    tables = {
        code: _group_table(figures[code], catalogue[code], codes, threshold)
        for code, (_, codes) in _TABLES.items()
        if code in figures
    }
    follow = [catalogue[c] for c in _FOLLOW_UP_FIGURES if c in figures]
    return [
        Section(
            key="targets",
            title=text("targets"),
            blocks=blocks(_target_rows(attainments, threshold, period)),
        ),
        *common_sections,
        Section(
            key="own_figures", title=text("own_figures"), blocks=figure_blocks(listed, codes=False)
        ),
        Section(
            key="implementation",
            title=text("implementation"),
            blocks=blocks(
                *(t for code, t in tables.items() if _TABLES[code][0] == "implementation"),
                _partners(programme),
            ),
        ),
        Section(key="funding", title=text("funding"), blocks=blocks(_funding(programme))),
        Section(
            key="follow_up",
            title=text("follow_up"),
            blocks=blocks(
                FigureList(title=None, rows=tuple(row(i) for i in follow)) if follow else None,
                *(t for code, t in tables.items() if _TABLES[code][0] == "follow_up"),
            ),
        ),
        Section(
            key="models",
            title=text("models"),
            blocks=tuple(models) or (Paragraph(text=text("models_pending")),),
        ),
    ]


def _two_leaver_figures(members: Sequence[Indicator], figures: Mapping[str, Figure]) -> bool:
    """True beside "All leavers" when the report also gives the common indicators' leavers.

    Both count people who left, each once; the common indicators' only those with
    complete records. Shown one after the other without a word, they read as a
    contradiction (239 and 270 in the demo's final report).
    """
    return any(i.code == "leavers" for i in members) and any(
        code in figures for code in ("CRLEAVERS", "EELEAVERS")
    )


def _programme_period(programme: Programme) -> ReportingPeriod:
    return ReportingPeriod(start=programme.start, end=programme.end)


def annual_document(
    report: AnnualReport,
    programme: Programme,
    *,
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    models: Sequence[Block] = (),
) -> Report:
    """The document of an issued annual report, with counts below ``threshold`` withheld.

    ``catalogue`` is by default the programme's (:func:`catalogue_for`).
    """
    if catalogue is None:
        catalogue = catalogue_for(programme)
    results = report.results
    return Report(
        kind=ReportKind.ANNUAL,
        programme_name=programme.name,
        organisation=programme.organisation,
        areas=programme.areas,
        programme_period=_programme_period(programme),
        period=results.period,
        as_of=report.as_of,
        threshold=threshold,
        sections=tuple(
            _sections(
                programme=programme,
                catalogue=catalogue,
                figures={f.code: f for f in results.figures},
                groups=results.by_group,
                attainments=report.attainments,
                threshold=threshold,
                models=models,
                period=results.period,
            )
        ),
    )


def final_document(
    final: FinalFigures,
    reports: Sequence[AnnualReport],
    programme: Programme,
    *,
    catalogue: Catalogue | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    models: Sequence[Block] = (),
) -> Report:
    """The document of the final report (loppuraportti).

    Derived figures, every year's targets, the corrections and the differences
    between the annual reports and the records. ``catalogue`` is by default the
    programme's (:func:`catalogue_for`).
    """
    if catalogue is None:
        catalogue = catalogue_for(programme)
    ordered = sorted(reports, key=lambda r: r.year)
    latest = ordered[-1] if ordered else None
    attainments = [a for r in ordered for a in r.attainments if a.target.per == "year"]
    if latest is not None:
        attainments += [a for a in latest.attainments if a.target.per != "year"]
    sections = _sections(
        programme=programme,
        catalogue=catalogue,
        figures={f.code: f for f in final.figures},
        groups={g: {f.code: f for f in figs} for g, figs in final.groups},
        attainments=attainments,
        threshold=threshold,
        models=models,
        period=final.period,
    )
    sections.append(_cumulation_section(final, catalogue, threshold))
    return Report(
        kind=ReportKind.FINAL,
        programme_name=programme.name,
        organisation=programme.organisation,
        areas=programme.areas,
        programme_period=_programme_period(programme),
        period=final.period,
        as_of=final.as_of,
        threshold=threshold,
        sections=tuple(sections),
    )


def correction_parts(index: int, correction: Correction) -> tuple[tuple[Hashable, int], ...]:
    """The parts of a correction's change as counts of a published set: (part, change).

    The numerator's change always; the denominator's when there is one. A part is
    ``("correction", index, year, "n" | "d")``, ``index`` the correction's place in
    the final figures' list.
    """
    parts: list[tuple[Hashable, int]] = [
        (("correction", index, correction.year, "n"), correction.numerator)
    ]
    if correction.denominator:
        parts.append((("correction", index, correction.year, "d"), correction.denominator))
    return tuple(parts)


def _change_cell(index: int, correction: Correction, threshold: int) -> Cell:
    """A listed correction's change: withheld when small, or noted for linked protection."""
    ledger = _LEDGER.get()
    if ledger is None:
        small = _small(abs(correction.numerator), threshold) or _small(
            abs(correction.denominator), threshold
        )
        return Withheld() if small else Text(_change(correction))
    counts = [
        ((ledger.report, correction.code, correction.group, part), value)
        for part, value in correction_parts(index, correction)
    ]
    ledger.signed.update(v for v, _ in counts)
    return ledger.note(Text(_change(correction)), *counts)


def _cumulation_section(final: FinalFigures, catalogue: Catalogue, threshold: int) -> Section:
    found: list[Block] = []
    # Corrections of whole figures are shown; those of gender groups are applied
    # but not listed, and a change by fewer people than the threshold is withheld
    # (while a ledger records, the change is noted and protected with the set: the
    # final figure minus the years' would otherwise tell it).
    ledger = _LEDGER.get()
    if ledger is not None:
        for index, c in enumerate(final.corrections):
            if c.group is not None:
                for part, value in correction_parts(index, c):
                    variable = (ledger.report, c.code, c.group, part)
                    ledger.values[variable] = value
                    ledger.signed.add(variable)
                    ledger.unshown.add(variable)
    shown = [(i, c) for i, c in enumerate(final.corrections) if c.group is None]
    if shown:
        found.append(
            Table(
                title=text("corrections"),
                columns=(text("year"), text("change"), text("reason"), text("dated")),
                rows=tuple(
                    TableRow(
                        label=catalogue[c.code].labels,
                        cells=(
                            Text(str(c.year)),
                            _change_cell(i, c, threshold),
                            Text(c.reason),
                            Text(_dates(c.dated)),
                        ),
                    )
                    for i, c in shown
                ),
            )
        )
    differences = final.differences
    if differences:
        found.append(
            Table(
                title=text("differences"),
                columns=(text("derived"), text("recomputed")),
                rows=tuple(
                    TableRow(
                        label=catalogue[c.code].labels,
                        cells=(
                            cell(c.derived, catalogue[c.code], threshold) if c.derived else None,
                            cell(c.recomputed, catalogue[c.code], threshold, role="_recomputed")
                            if c.recomputed
                            else None,
                        ),
                    )
                    for c in differences
                ),
            )
        )
    elif any(c.recomputed is not None for c in final.comparisons):
        found.append(Paragraph(text=text("no_differences")))
    return Section(key="cumulation", title=text("derived"), blocks=tuple(found))


def _change(correction: Correction) -> str:
    """The change, signed: "+3", or "−2 / +1" with the minus sign (U+2212), not a hyphen."""
    change = f"{correction.numerator:+d}"
    if correction.denominator:
        change = f"{change} / {correction.denominator:+d}"
    return change.replace("-", "\u2212")


def _dates(day: pendulum.Date) -> Labels:
    return Labels(fi=format_date(day, "fi"), sv=format_date(day, "sv"), en=format_date(day, "en"))
