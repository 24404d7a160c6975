"""Renderers: a report document as Markdown, JSON or a one-page HTML (esitysmuodot)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..indicators import Labels
from ._charts import chart_for
from ._document import (
    Amount,
    Block,
    Cell,
    Count,
    Edition,
    Estimate,
    FigureList,
    Paragraph,
    Percent,
    Ratio,
    Report,
    ReportKind,
    Text,
    Withheld,
)
from ._format import format_date, format_number, format_percent, round_half_up
from ._labels import LANGUAGES, Language, text

__all__ = ["render_html", "render_json", "render_markdown"]

WITHHELD = "•"
EMPTY = "–"

#: The official codes of the common indicators: CO01–CO19, CR01–CR09 (SFC2014),
#: EECO01–EECO19, EECR01–EECR06 (SFC2021).
_OFFICIAL_CODE = re.compile(r"(CO|CR|EECO|EECR)[0-9]{2}")


def _official(code: str) -> str:
    return code if _OFFICIAL_CODE.fullmatch(code) else ""


def _check(language: str) -> Language:
    for known in LANGUAGES:
        if language == known:
            return known
    raise ValueError(f"unknown language {language!r}; allowed: {', '.join(LANGUAGES)}")


def _label(value: Labels | str, language: Language) -> str:
    return value if isinstance(value, str) else value.get(language)


def _cell(value: Cell, language: Language) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, Withheld):
        return WITHHELD
    if isinstance(value, Count):
        return format_number(value.value, language)
    if isinstance(value, Ratio):
        numerator = format_number(value.numerator, language)
        denominator = format_number(value.denominator, language)
        return f"{format_percent(value.percent, language)} ({numerator}/{denominator})"
    if isinstance(value, Percent):
        return format_percent(value.value, language, value.places)
    if isinstance(value, Amount):
        number = format_number(value.value, language, value.places)
        return f"{number} {value.unit.get(language)}" if value.unit is not None else number
    if isinstance(value, Estimate):
        return _estimate(value, language)
    return _label(value.value, language)


def _estimate_number(number: float, estimate: Estimate, language: Language) -> str:
    # Through its shortest decimal form, so that 2.45 rounds half up as written.
    shown = format_number(Decimal(repr(number)), language, estimate.places)
    positive = Decimal(repr(number)).quantize(Decimal(1).scaleb(-estimate.places)) > 0
    return f"+{shown}" if estimate.signed and positive else shown


def _estimate(value: Estimate, language: Language) -> str:
    """``+2,4 (−19,0 … +17,0) %-yks.``: the estimate, then its 95 % interval, then the unit."""
    number, low, high = (
        _estimate_number(n, value, language) for n in (value.value, value.low, value.high)
    )
    shown = f"{number} ({low} … {high})"
    if value.unit is None:
        return shown
    unit = value.unit.get(language)
    return f"{shown}{unit}" if unit == "%" and language == "en" else f"{shown}\u00a0{unit}"


#: Text that is a number: a year, or a signed change such as "+2" or "−1 / +3".
_NUMBER_TEXT = re.compile(r"[+\-−]?\d[\d\u00a0 ]*(?: / [+\-−]?\d[\d\u00a0 ]*)?")


def _is_text(value: Cell, language: Language) -> bool:
    return isinstance(value, Text) and not _NUMBER_TEXT.fullmatch(_label(value.value, language))


def _is_number(value: Cell, language: Language) -> bool:
    """A number, a withheld number, or text that is a number."""
    return isinstance(value, Count | Ratio | Percent | Amount | Estimate | Withheld) or (
        isinstance(value, Text) and not _is_text(value, language)
    )


def _text_column(cells: Sequence[Cell], language: Language) -> bool:
    """True if a table's column reads as text (left-aligned), false if it is numeric.

    A column is numeric when it holds numbers (withheld ones too) and no text: a
    target span such as "30–40" or "vähintään 250" makes its column text even
    where a target is a single number. An empty cell says nothing, so a column of
    empty cells, such as the notes of a report without any, is text.
    """
    return any(_is_text(c, language) for c in cells) or not any(
        _is_number(c, language) for c in cells
    )


def _alignment(block: Block, language: Language) -> list[bool]:
    """Whether each column of a table or figure list is text, the row labels first."""
    if isinstance(block, FigureList):
        values = [r.value for r in block.rows]
        codes = [True] if block.show_codes else []
        return [*codes, True, any(_is_text(v, language) for v in values), True]
    if isinstance(block, Paragraph):
        return []
    return [
        True,
        *(
            _text_column([r.cells[i] for r in block.rows if i < len(r.cells)], language)
            for i in range(len(block.columns))
        ),
    ]


def _title(report: Report, language: Language) -> str:
    kind = text("annual_report" if report.kind is ReportKind.ANNUAL else "final_report").get(
        language
    )
    if report.kind is ReportKind.ANNUAL:
        return f"{report.programme_name}: {kind} {report.period.start.year}"
    return f"{report.programme_name}: {kind}"


def _facts(report: Report, language: Language) -> list[tuple[str, str]]:
    def span(start: Any, end: Any) -> str:
        return f"{format_date(start, language)}–{format_date(end, language)}"

    facts = [
        (text("organisation").get(language), report.organisation),
        (
            text("programme_period").get(language),
            span(report.programme_period.start, report.programme_period.end),
        ),
        (text("period").get(language), span(report.period.start, report.period.end)),
        (text("as_of").get(language), format_date(report.as_of, language)),
        (text("edition").get(language), text(f"edition_{report.edition}").get(language)),
    ]
    if report.areas:
        facts.insert(1, (text("areas").get(language), ", ".join(report.areas)))
    return facts


def _note(report: Report, language: Language) -> str:
    if report.edition is Edition.FUNDER:
        return text("exact_note").get(language)
    note = text("suppressed_note").get(language).format(n=report.threshold)
    shown = report.disclosure
    if shown is None or not shown.counts:
        return note
    detail = (
        text("disclosure_note")
        .get(language)
        .format(
            counts=format_number(shown.counts, language),
            withheld=format_number(shown.withheld, language),
            share=format_percent(100 * shown.share, language, 1),
            primary=format_number(shown.primary, language),
            secondary=format_number(shown.secondary, language),
        )
    )
    return f"{note} {detail}"


def _json_disclosure(report: Report) -> dict[str, int] | None:
    """How much the report withholds, for the JSON form; None if it does not say."""
    shown = report.disclosure
    if shown is None:
        return None
    return {
        "counts": shown.counts,
        "withheld": shown.withheld,
        "primary": shown.primary,
        "secondary": shown.secondary,
        "exposed": shown.exposed,
    }


def _confidential(report: Report, language: Language) -> str | None:
    """The marking of the funder's edition on every page (luottamuksellinen), or None."""
    if report.edition is Edition.FUNDER:
        return text("confidential").get(language)
    return None


# Markdown -------------------------------------------------------------------------------------


def _md_escape(value: str) -> str:
    return value.replace("|", "\\|")


def _md_table(header: list[str], rows: list[list[str]], text_columns: list[bool]) -> list[str]:
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |"]
    lines.append("|" + "|".join(":---" if t else "---:" for t in text_columns) + "|")
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def _md_block(block: Block, language: Language) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text.get(language), ""]
    if isinstance(block, FigureList):
        head = [f"### {block.title.get(language)}", ""] if block.title else []
        header = [
            text("figure").get(language),
            text("value").get(language),
            text("source").get(language),
        ]
        rows = [
            [r.label.get(language), _cell(r.value, language), text(str(r.source)).get(language)]
            for r in block.rows
        ]
        if block.show_codes:
            header.insert(0, text("code").get(language))
            rows = [[_official(r.code), *row] for r, row in zip(block.rows, rows, strict=True)]
        return [*head, *_md_table(header, rows, _alignment(block, language)), ""]
    header = ["", *(c.get(language) for c in block.columns)]
    rows = [[_label(r.label, language), *(_cell(c, language) for c in r.cells)] for r in block.rows]
    head = [f"### {block.title.get(language)}", ""] if block.title else []
    return [*head, *_md_table(header, rows, _alignment(block, language)), ""]


def render_markdown(report: Report, language: str = "fi") -> str:
    """The report as Markdown, in ``language`` (fi, sv or en)."""
    lang = _check(language)
    marking = _confidential(report, lang)
    lines = [f"**{marking}**", ""] if marking else []
    lines += [f"# {_title(report, lang)}", ""]
    lines += [f"- **{name}:** {value}" for name, value in _facts(report, lang)]
    lines += ["", f"*{_note(report, lang)}*", ""]
    for section in report.sections:
        if not section.blocks:
            continue
        lines += [f"## {section.title.get(lang)}", ""]
        for block in section.blocks:
            lines += _md_block(block, lang)
    lines.append(f"*{text('generated_by').get(lang)}*")
    if marking:
        lines += ["", f"**{marking}**"]
    return "\n".join(lines) + "\n"


# JSON -----------------------------------------------------------------------------------------


def _rounded(value: Fraction | Decimal, places: int) -> float:
    """``value`` rounded half up to ``places`` decimals, as a JSON number."""
    return float(round_half_up(value, places))


def _json_cell(value: Cell, language: Language) -> Any:
    if value is None:
        return None
    if isinstance(value, Withheld):
        return {"withheld": True}
    if isinstance(value, Count):
        return value.value
    # Rounded as the other renderers round (half up, exactly: format_number), so a
    # percentage of 0.25 is 0.3 in the JSON form as in the Markdown, not 0.2.
    if isinstance(value, Ratio):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "percent": _rounded(value.percent, 1),
        }
    if isinstance(value, Percent):
        return {"percent": _rounded(value.value, value.places)}
    if isinstance(value, Amount):
        return {
            "value": _rounded(value.value, 2),
            "unit": value.unit.get(language) if value.unit else None,
        }
    if isinstance(value, Estimate):
        places = value.places + 1
        return {
            "value": _rounded(Decimal(value.value), places),
            "low": _rounded(Decimal(value.low), places),
            "high": _rounded(Decimal(value.high), places),
            "unit": value.unit.get(language) if value.unit else None,
        }
    return _label(value.value, language)


def _json_block(block: Block, language: Language) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text.get(language)}
    if isinstance(block, FigureList):
        return {
            "type": "figures",
            "title": block.title.get(language) if block.title else None,
            "figures": [
                {
                    "code": r.code,
                    "label": r.label.get(language),
                    "value": _json_cell(r.value, language),
                    "source": str(r.source),
                }
                for r in block.rows
            ],
        }
    return {
        "type": "table",
        "title": block.title.get(language) if block.title else None,
        "columns": [c.get(language) for c in block.columns],
        "rows": [
            {
                "label": _label(r.label, language),
                "cells": [_json_cell(c, language) for c in r.cells],
            }
            for r in block.rows
        ],
    }


def render_json(report: Report, language: str = "fi") -> str:
    """The report as JSON, labels in ``language``; a withheld value is ``{"withheld": true}``."""
    lang = _check(language)
    document = {
        "kind": str(report.kind),
        "language": lang,
        "title": _title(report, lang),
        "programme": report.programme_name,
        "organisation": report.organisation,
        "areas": list(report.areas),
        "programme_period": [
            report.programme_period.start.isoformat(),
            report.programme_period.end.isoformat(),
        ],
        "period": [report.period.start.isoformat(), report.period.end.isoformat()],
        "as_of": report.as_of.isoformat(),
        "threshold": report.threshold,
        "edition": str(report.edition),
        "confidential": _confidential(report, lang),
        "disclosure": _json_disclosure(report),
        "sections": [
            {
                "key": s.key,
                "title": s.title.get(lang),
                "blocks": [_json_block(b, lang) for b in s.blocks],
            }
            for s in report.sections
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


# HTML -----------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2329; line-height: 1.45; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #2a6f97; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; color: #2a6f97; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; }
th.num, td.num { text-align: right; }
tbody th { font-weight: normal; }
thead th { background: #eef4f8; }
td.withheld { color: #8a6d00; }
p.note, footer { color: #57606a; font-size: .9rem; }
article + article { break-before: page; margin-top: 3rem; }
figure.chart { margin: .75rem 0 .5rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
figure.chart svg { display: block; width: 100%; max-width: 50rem; height: auto; }
.confidential { border: 2px solid #8b1a1a; color: #8b1a1a; padding: .3rem .6rem;
                text-align: center; letter-spacing: .02em; }
@page { size: A4; margin: 22mm 15mm 18mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  article + article { margin-top: 0; }
  h1, h2, h3, figure.chart figcaption { break-after: avoid; }
  h1, h2, h3 { break-inside: avoid; }
  tr, figure.chart, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
  thead th { background: none; border-bottom: 1.5px solid #1d2329; }
  td.withheld { color: inherit; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em;
                           overflow-wrap: anywhere; }
  .confidential { margin: 0 0 .5rem; font-size: 9pt; }
}
"""


def _page_marking(reports: Sequence[Report], language: Language) -> str:
    """CSS that prints the funder edition's marking in the top margin of every page.

    A page margin box (CSS Paged Media, ``@top-center``; Chromium 131 and later)
    rather than a fixed element: Chromium repeats ``position: fixed`` on each
    printed page but only inside the page's content area, where it covers the
    first lines, and a negative offset does not reach the margin. The
    ``.confidential`` paragraph still opens each article, for other browsers.
    """
    marking = next((m for r in reports if (m := _confidential(r, language))), None)
    if marking is None:
        return ""
    quoted = marking.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    return (
        f'@page {{ @top-center {{ content: "{quoted}"; font: 600 9pt system-ui, sans-serif;'
        " color: #8b1a1a; border-bottom: 1.5px solid #8b1a1a; } }\n"
    )


def _h(value: str) -> str:
    return html.escape(value, quote=True)


def _classes(*names: str) -> str:
    used = " ".join(n for n in names if n)
    return f' class="{used}"' if used else ""


def _html_cell(value: Cell, language: Language, text_column: bool) -> str:
    kind = _classes("" if text_column else "num", "withheld" if isinstance(value, Withheld) else "")
    return f"<td{kind}>{_h(_cell(value, language))}</td>"


def _html_table(
    title: str | None,
    header: list[str],
    rows: list[tuple[str, list[str]]],
    text_columns: list[bool],
    codes: list[str] | None = None,
) -> list[str]:
    """A table; with ``codes``, a first column of codes before the row headers."""
    out = [f"<h3>{_h(title)}</h3>"] if title else []
    head = "".join(
        f"<th{_classes('' if t else 'num')}>{_h(h)}</th>"
        for h, t in zip(header, text_columns, strict=True)
    )
    out.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
    leads = [f"<td>{_h(c)}</td>" for c in codes] if codes is not None else [""] * len(rows)
    out += [
        f'<tr>{lead}<th scope="row">{_h(label)}</th>{"".join(cells)}</tr>'
        for lead, (label, cells) in zip(leads, rows, strict=True)
    ]
    out.append("</tbody></table>")
    return out


def _html_block(block: Block, language: Language) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"<p>{_h(block.text.get(language))}</p>"]
    title = block.title.get(language) if block.title else None
    text_columns = _alignment(block, language)
    if isinstance(block, FigureList):
        header = [
            text("figure").get(language),
            text("value").get(language),
            text("source").get(language),
        ]
        value_is_text = text_columns[2 if block.show_codes else 1]
        rows = [
            (
                r.label.get(language),
                [
                    _html_cell(r.value, language, value_is_text),
                    f"<td>{_h(text(str(r.source)).get(language))}</td>",
                ],
            )
            for r in block.rows
        ]
        if block.show_codes:
            header.insert(0, text("code").get(language))
            codes = [_official(r.code) for r in block.rows]
            return _html_table(title, header, rows, text_columns, codes)
        return _html_table(title, header, rows, text_columns)
    header = ["", *(c.get(language) for c in block.columns)]
    rows = [
        (
            _label(r.label, language),
            [_html_cell(c, language, t) for c, t in zip(r.cells, text_columns[1:], strict=False)],
        )
        for r in block.rows
    ]
    return _html_table(title, header, rows, text_columns)


def _with_chart(lines: list[str], chart: str) -> list[str]:
    """A block's HTML with its chart (if any) under its heading, before its table."""
    if not chart:
        return lines
    at = 1 if lines and lines[0].startswith("<h3>") else 0
    return [*lines[:at], chart, *lines[at:]]


def _html_article(report: Report, lang: Language, index: int) -> list[str]:
    # Section ids are prefixed by the report's place, so several reports on one
    # page keep unique ids.
    prefix = f"r{index}-" if index else ""
    body = ["<article>"]
    marking = _confidential(report, lang)
    if marking:
        # One element at the top of the article; the print stylesheet writes the
        # marking in the top margin of every printed page (see _page_marking).
        body.append(f'<p class="confidential" role="note"><strong>{_h(marking)}</strong></p>')
    body += [f"<h1>{_h(_title(report, lang))}</h1>", '<dl class="facts">']
    body += [f"<dt>{_h(name)}</dt><dd>{_h(value)}</dd>" for name, value in _facts(report, lang)]
    body += ["</dl>", f'<p class="note">{_h(_note(report, lang))}</p>']
    for section in report.sections:
        if not section.blocks:
            continue
        title = _h(section.title.get(lang))
        body.append(f'<section id="{prefix}{_h(section.key)}"><h2>{title}</h2>')
        for number, block in enumerate(section.blocks):
            ident = f"{prefix}{section.key}-{number}"
            chart = chart_for(section.key, block, ident, lang, lambda c: _cell(c, lang))
            body += _with_chart(_html_block(block, lang), chart)
        body.append("</section>")
    body.append("</article>")
    return body


def render_html(report: Report | Sequence[Report], language: str = "fi") -> str:
    """The report as one self-contained HTML page, for printing or sharing.

    Several reports (say, the annual reports and the final report) make one page,
    each an article that starts on a new printed page.
    """
    lang = _check(language)
    reports = [report] if isinstance(report, Report) else list(report)
    if not reports:
        raise ValueError("render_html() needs at least one report")
    body: list[str] = []
    for index, one in enumerate(reports):
        body += _html_article(one, lang, index)
    body.append(f"<footer>{_h(text('generated_by').get(lang))}</footer>")
    title = _title(reports[-1], lang)
    # A page holding a funder's edition is confidential: its title says so (browsers
    # print the title on every page) and search engines are asked not to index it.
    confidential = any(r.edition is Edition.FUNDER for r in reports)
    if confidential:
        title = f"{text('confidential_short').get(lang)}: {title}"
    robots = '<meta name="robots" content="noindex">\n' if confidential else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{robots}'
        f"<title>{_h(title)}</title>\n<style>{_CSS}{_page_marking(reports, lang)}</style>\n"
        "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
