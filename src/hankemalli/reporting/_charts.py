"""Charts for the HTML report: inline SVG drawn from the report's own blocks (kaaviot).

A chart is derived at render time from a block of the finished report, never
from the records, so it can show only what the table beside it shows: whatever
disclosure control withheld is not in the block, and the chart marks it as
withheld (• and the word, in the report's language) instead of drawing it. Each
chart has a title, a text alternative (``role="img"`` with ``<title>`` and
``<desc>``) and is placed next to its table, which stays: a chart adds to a
table, it never replaces it. Empty or all-withheld data gives no chart.

Three charts are drawn:

- targets against actuals by year (section ``targets``): per target, a hatched
  band for the target span and a bar for the actual count;
- where leavers were upon leaving and six months after: the common result
  indicators (CR01–CR07 of Regulation (EU) No 1304/2013, Annex I; EECR01–EECR06
  of Regulation (EU) 2021/1057, Annex I) and the situation six months after
  leaving in the ``follow_up`` section;
- the comparison of an operating model's results (section ``models``): each
  estimate with its 95 % interval as a point on a line.

Colours are not the only cue: bars, hatching and marker shapes differ and every
mark is labelled with the value the table shows, so the charts read in grey print.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import frozen

from ..indicators import Labels
from ..model import SituationKind
from ._document import Amount, Block, Cell, Count, Estimate, FigureList, Table, Text, Withheld
from ._labels import Language, code_labels, text
from ._svg import (
    BAR,
    INK,
    LABEL_WIDTH,
    LINE,
    SECOND,
    TRACK,
    WIDTH,
    Scale,
    axis,
    esc,
    figure,
    label_lines,
    legend,
    nice,
    num,
    withheld_mark,
    wrap,
)

__all__ = ["chart_for"]


def _l(fi: str, sv: str, en: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


_WORDS: dict[str, Labels] = {
    "withheld": _l("suojattu", "utelämnad", "withheld"),
    "targets": _l(
        "Tavoite ja toteutuma vuosittain",
        "Mål och utfall per år",
        "Target and actual by year",
    ),
    "leavers": _l(
        "Missä päättäneet olivat osallistumisen päättyessä ja kuusi kuukautta myöhemmin",
        "Var deltagarna var när de lämnade insatsen och sex månader senare",
        "Where participants were upon leaving and six months after",
    ),
    "upon_leaving": _l("Päättyessä", "Vid avslut", "Upon leaving"),
    "six_months": _l(
        "Kuusi kuukautta päättymisen jälkeen", "Sex månader efter", "Six months after"
    ),
    "intervals": _l(
        "piste-estimaatit ja 95 %:n luottamusvälit",
        "punktskattningar och 95 % konfidensintervall",
        "estimates with 95% confidence intervals",
    ),
    "see_table": _l(
        "Samat luvut ovat kaavion vieressä olevassa taulukossa.",
        "Samma tal finns i tabellen bredvid diagrammet.",
        "The same figures are in the table beside the chart.",
    ),
}

#: The common immediate and longer-term result indicators for participants
#: (Regulation (EU) No 1304/2013, Annex I: CR01–CR05 upon leaving, CR06–CR09 six
#: months after; Regulation (EU) 2021/1057, Annex I: EECR01–EECR04 upon leaving,
#: EECR05–EECR06 six months after). CR08 and CR09 count subgroups (over 54,
#: disadvantaged) and are left to the table.
_UPON_LEAVING = ("CR01", "CR02", "CR03", "CR04", "CR05", "EECR01", "EECR02", "EECR03", "EECR04")
_SIX_MONTHS = ("CR06", "CR07", "EECR05", "EECR06")

#: Shown text of a cell, exactly as the table shows it.
Shown = Callable[[Cell], str]


def _magnitude(value: Cell) -> float | None:
    """The number a bar shows: a count or an amount; None for anything else."""
    if isinstance(value, Count):
        return float(value.value)
    if isinstance(value, Amount):
        return float(value.value)
    return None


# Bars -----------------------------------------------------------------------------------------


@frozen
class _Bar:
    row: int
    label: str
    value: Cell
    group: str | None = None
    column: int = 0


def _bars(
    ident: str,
    title: str,
    bars: Sequence[_Bar],
    language: Language,
    shown: Shown,
    *,
    caption: bool = True,
) -> str:
    """A horizontal bar chart: one bar a row, grouped under optional subheadings.

    Nothing to draw (every value withheld, empty or zero) gives no chart.
    """
    withheld = _WORDS["withheld"].get(language)
    top = max((_magnitude(b.value) or 0.0 for b in bars), default=0.0)
    if top <= 0:
        return ""
    low, high, step = nice(0, top)
    scale = Scale(low, high, step, LABEL_WIDTH, TRACK)
    body: list[str] = []
    y = 8.0
    group: str | None = None
    facts = []
    for bar in bars:
        if bar.group is not None and bar.group != group:
            group = bar.group
            y += 18
            body.append(label_lines([group], y, bold=True))
            y += 8
        lines = wrap(bar.label)
        height = max(22, LINE * len(lines) + 6)
        middle = y + height / 2
        body.append(label_lines(lines, middle - LINE * (len(lines) - 1) / 2 + 4))
        amount = _magnitude(bar.value)
        if isinstance(bar.value, Withheld):
            body.append(withheld_mark(scale.x0 + 4, middle + 4, bar.row, withheld, bar.column))
            facts.append(f"{bar.label}: • {withheld}")
        elif amount is not None:
            width = scale.x(amount) - scale.x0
            body.append(
                f'<rect class="bar" data-row="{bar.row}" data-column="{bar.column}" '
                f'data-value="{num(amount)}" '
                f'x="{num(scale.x0)}" y="{num(middle - 7)}" width="{num(width)}" height="14" '
                f'fill="{BAR}"/>'
            )
            body.append(
                f'<text class="value" data-row="{bar.row}" data-column="{bar.column}" '
                f'x="{num(scale.x0 + width + 6)}" '
                f'y="{num(middle + 4)}">{esc(shown(bar.value))}</text>'
            )
            facts.append(f"{bar.label}: {shown(bar.value)}")
        y += height
    body = axis(scale, 4, y + 4, language) + body
    desc = "; ".join(facts) + ". " + _WORDS["see_table"].get(language)
    return figure(ident, title, desc, y + 24, body, caption=caption)


def _leavers_chart(block: FigureList, ident: str, language: Language, shown: Shown) -> str:
    upon = _WORDS["upon_leaving"].get(language)
    later = _WORDS["six_months"].get(language)
    bars = [
        _Bar(i, r.label.get(language), r.value, upon if r.code in _UPON_LEAVING else later)
        for i, r in enumerate(block.rows)
        if r.code in _UPON_LEAVING or r.code in _SIX_MONTHS
    ]
    if not bars:
        return ""
    base = block.rows[0]
    if base.code not in _UPON_LEAVING and base.code not in _SIX_MONTHS:
        bars.insert(0, _Bar(0, base.label.get(language), base.value))
    return _bars(ident, _WORDS["leavers"].get(language), bars, language, shown)


_SITUATIONS = {code_labels(kind) for kind in SituationKind}


def _situations_chart(block: Table, ident: str, language: Language, shown: Shown) -> str:
    bars = [
        _Bar(i, r.label if isinstance(r.label, str) else r.label.get(language), r.cells[0])
        for i, r in enumerate(block.rows)
        if r.cells
    ]
    # The table's heading names the chart too: no caption to repeat it.
    title = block.title.get(language) if block.title else _WORDS["six_months"].get(language)
    return _bars(ident, title, bars, language, shown, caption=block.title is None)


# Targets --------------------------------------------------------------------------------------


def _target_span(cell: Cell) -> tuple[float | None, float | None] | None:
    """The target's bounds, read from its span text ("40–80", "at least 250", "at most 15")."""
    if not isinstance(cell, Text) or isinstance(cell.value, str):
        return None
    words = cell.value.en
    number = r"(\d[\d,]*)"

    def read(found: str) -> float:
        return float(found.replace(",", ""))

    at_least = text("at_least").en.replace("{n}", number)
    at_most = text("at_most").en.replace("{n}", number)
    if match := re.fullmatch(f"{number}–{number}", words):
        return read(match[1]), read(match[2])
    if match := re.fullmatch(at_least, words):
        return read(match[1]), None
    if match := re.fullmatch(at_most, words):
        return None, read(match[1])
    if match := re.fullmatch(number, words):
        return read(match[1]), read(match[1])
    return None


def _targets_chart(block: Table, ident: str, language: Language, shown: Shown) -> str:
    """One panel per target (the row label before its period), a row per period."""
    withheld = _WORDS["withheld"].get(language)
    panels: dict[str, list[int]] = {}
    for i, row in enumerate(block.rows):
        label = row.label if isinstance(row.label, str) else row.label.get(language)
        series = label.rsplit(", ", 1)[0]
        panels.setdefault(series, []).append(i)
    body: list[str] = []
    facts: list[str] = []
    target, actual = text("target").get(language), text("actual").get(language)
    band = f'<rect width="16" height="12" fill="url(#{ident}-hatch)" stroke="{INK}"/>'
    bar = f'<rect y="3" width="16" height="7" fill="{BAR}"/>'
    keys, y = legend([(band, target), (bar, actual)], 14)
    body += keys
    y += 12
    drawn_any = False
    for series, members in panels.items():
        rows = [block.rows[i] for i in members]
        values = [_magnitude(r.cells[1]) for r in rows if len(r.cells) > 1]
        spans = [_target_span(r.cells[0]) for r in rows if r.cells]
        numbers = [v for v in values if v is not None]
        numbers += [b for s in spans if s for b in s if b is not None]
        # A panel whose actuals are all withheld still shows its target and says so.
        drawn_any = drawn_any or any(v is not None for v in values)
        low, high, step = nice(0, max(numbers, default=1.0) * 1.05)
        scale = Scale(low, high, step, LABEL_WIDTH, TRACK)
        y += 20
        body.append(label_lines(wrap(series, 90, 2), y, bold=True))
        y += 8
        top = y
        for i, row in zip(members, rows, strict=True):
            label = row.label if isinstance(row.label, str) else row.label.get(language)
            period = label.rsplit(", ", 1)[-1]
            middle = y + 14
            body.append(label_lines([period], middle + 4))
            span = _target_span(row.cells[0]) if row.cells else None
            if span is not None:
                start = scale.x(span[0] if span[0] is not None else 0)
                end = scale.x(span[1] if span[1] is not None else high)
                body.append(
                    f'<rect class="target" data-row="{i}" x="{num(start)}" y="{num(middle - 10)}"'
                    f' width="{num(end - start)}" height="20" fill="url(#{ident}-hatch)"'
                    f' stroke="{INK}" stroke-width=".8"/>'
                )
            cell = row.cells[1] if len(row.cells) > 1 else None
            amount = _magnitude(cell)
            goal = shown(row.cells[0]) if row.cells else ""
            if isinstance(cell, Withheld):
                body.append(withheld_mark(scale.x0 + 4, middle + 4, i, withheld, 1))
                facts.append(f"{label}: {target} {goal}, {actual} • {withheld}")
            elif amount is not None:
                width = scale.x(amount) - scale.x0
                body.append(
                    f'<rect class="bar" data-row="{i}" data-column="1" data-panel="{esc(series)}"'
                    f' data-value="{num(amount)}" x="{num(scale.x0)}" y="{num(middle - 4)}"'
                    f' width="{num(width)}" height="8" fill="{BAR}"/>'
                )
                body.append(
                    f'<text class="value" data-row="{i}" data-column="1" '
                    f'x="{num(max(scale.x(high), scale.x0 + width) + 6)}" y="{num(middle + 4)}">'
                    f"{esc(shown(cell))}</text>"
                )
                facts.append(f"{label}: {target} {goal}, {actual} {shown(cell)}")
            y += 28
        body += axis(scale, top, y, language)
        y += 18
    if not drawn_any:
        return ""
    desc = "; ".join(facts) + ". " + _WORDS["see_table"].get(language)
    return figure(ident, _WORDS["targets"].get(language), desc, y + 8, body, caption=True)


# Estimates ------------------------------------------------------------------------------------

_MARKERS = (
    lambda x, y: f'<circle cx="{num(x)}" cy="{num(y)}" r="5" fill="{BAR}" stroke="{INK}"/>',
    lambda x, y: (
        f'<rect x="{num(x - 4.5)}" y="{num(y - 4.5)}" width="9" height="9" fill="#fff" '
        f'stroke="{SECOND}" stroke-width="2"/>'
    ),
    lambda x, y: f'<path d="M{num(x)} {num(y - 6)}l6 6-6 6-6-6z" fill="{INK}" stroke="{INK}"/>',
)


def _estimates_chart(block: Table, ident: str, language: Language, shown: Shown) -> str:
    """A point with its interval for every estimate; columns with one unit share a panel."""
    withheld = _WORDS["withheld"].get(language)
    found: dict[int, list[Estimate]] = {}
    for row in block.rows:
        for j, cell in enumerate(row.cells):
            if isinstance(cell, Estimate):
                found.setdefault(j, []).append(cell)
    columns = sorted(found)
    if not columns:
        return ""
    panels: dict[Labels | None, list[int]] = {}
    for j in columns:
        panels.setdefault(found[j][0].unit, []).append(j)
    body: list[str] = []
    facts: list[str] = []
    names = [c.get(language) for c in block.columns]
    # The values' column is as wide as the longest value written out (at 11 px), so a
    # long unit ("procentenheter") is not cut off; the track takes the rest.
    longest = max(len(shown(c)) for cells in found.values() for c in cells)
    track = WIDTH - LABEL_WIDTH - min(300.0, 6.4 * longest + 20)
    swatches = [(_MARKERS[k % 3](8, 6), names[j]) for k, j in enumerate(columns)]
    keys, y = legend(swatches, 14)
    body += keys
    y += 12
    marker = {j: _MARKERS[k % 3] for k, j in enumerate(columns)}
    for unit, members in panels.items():
        bounds = [float(b) for j in members for c in found[j] for b in (c.low, c.high)]
        low, high, step = nice(min(0.0, *bounds), max(0.0, *bounds))
        scale = Scale(low, high, step, LABEL_WIDTH, track)
        heading = " / ".join(names[j] for j in members)
        if unit is not None:
            heading += f" ({unit.get(language)})"
        y += 20
        body.append(label_lines([heading], y, bold=True))
        y += 8
        top = y
        for i, row in enumerate(block.rows):
            label = row.label if isinstance(row.label, str) else row.label.get(language)
            lines = wrap(label)
            height = max(LINE * len(lines) + 6, 18 * len(members) + 6)
            body.append(label_lines(lines, y + 14))
            for k, j in enumerate(members):
                cell = row.cells[j] if j < len(row.cells) else None
                line_y = y + 12 + 18 * k
                if isinstance(cell, Withheld):
                    body.append(withheld_mark(scale.x0 + 4, line_y + 4, i, withheld, j))
                    facts.append(f"{label}, {names[j]}: • {withheld}")
                elif isinstance(cell, Estimate):
                    x, x1, x2 = scale.x(cell.value), scale.x(cell.low), scale.x(cell.high)
                    body.append(
                        f'<g class="estimate" data-row="{i}" data-column="{j}" '
                        f'data-value="{num(cell.value)}" data-low="{num(cell.low)}" '
                        f'data-high="{num(cell.high)}">'
                        f'<line x1="{num(x1)}" y1="{num(line_y)}" x2="{num(x2)}" '
                        f'y2="{num(line_y)}" stroke="{INK}" stroke-width="1.5"/>'
                        f'<line x1="{num(x1)}" y1="{num(line_y - 4)}" x2="{num(x1)}" '
                        f'y2="{num(line_y + 4)}" stroke="{INK}"/>'
                        f'<line x1="{num(x2)}" y1="{num(line_y - 4)}" x2="{num(x2)}" '
                        f'y2="{num(line_y + 4)}" stroke="{INK}"/>'
                        f"{marker[j](x, line_y)}"
                        f'<text class="value" x="{num(LABEL_WIDTH + track + 12)}" '
                        f'y="{num(line_y + 4)}" font-size="11">{esc(shown(cell))}</text></g>'
                    )
                    facts.append(f"{label}, {names[j]}: {shown(cell)}")
            y += height + 6
        body += axis(scale, top, y, language)
        y += 18
    title = block.title.get(language) if block.title else ""
    title = (
        f"{title}: {_WORDS['intervals'].get(language)}"
        if title
        else _WORDS["intervals"].get(language)
    )
    desc = "; ".join(facts) + ". " + _WORDS["see_table"].get(language)
    return figure(ident, title, desc, y + 8, body, caption=True)


# Which block gets which chart -----------------------------------------------------------------


def chart_for(section: str, block: Block, ident: str, language: Language, shown: Shown) -> str:
    """The chart of a report block as an HTML ``<figure>`` with inline SVG, or "" for none.

    ``section`` is the key of the block's section, ``ident`` a prefix for the
    chart's element ids that is unique in the page, and ``shown`` gives a cell's
    text exactly as the table beside the chart shows it, so the chart's labels
    and the table always agree.
    """
    if isinstance(block, Table) and section == "targets":
        return _targets_chart(block, ident, language, shown)
    if isinstance(block, FigureList) and section.startswith("common_"):
        return _leavers_chart(block, ident, language, shown)
    if (
        isinstance(block, Table)
        and section == "follow_up"
        and block.rows
        and all(r.label in _SITUATIONS for r in block.rows)
    ):
        return _situations_chart(block, ident, language, shown)
    if isinstance(block, Table) and section == "models":
        return _estimates_chart(block, ident, language, shown)
    return ""
