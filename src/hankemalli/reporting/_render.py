"""Renderers: a report document as Markdown, JSON or a one-page HTML (esitysmuodot)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from ..indicators import Labels
from ._document import (
    Amount,
    Block,
    Cell,
    Count,
    FigureList,
    Paragraph,
    Percent,
    Ratio,
    Report,
    ReportKind,
    Withheld,
)
from ._format import format_date, format_number, format_percent
from ._labels import LANGUAGES, Language, text

__all__ = ["render_html", "render_json", "render_markdown"]

WITHHELD = "•"
EMPTY = "–"


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
    return _label(value.value, language)


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
    ]
    if report.areas:
        facts.insert(1, (text("areas").get(language), ", ".join(report.areas)))
    return facts


def _note(report: Report, language: Language) -> str:
    return text("suppressed_note").get(language).format(n=report.threshold)


# Markdown -------------------------------------------------------------------------------------


def _md_escape(value: str) -> str:
    return value.replace("|", "\\|")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |"]
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
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
        return [*head, *_md_table(header, rows), ""]
    header = ["", *(c.get(language) for c in block.columns)]
    rows = [[_label(r.label, language), *(_cell(c, language) for c in r.cells)] for r in block.rows]
    head = [f"### {block.title.get(language)}", ""] if block.title else []
    return [*head, *_md_table(header, rows), ""]


def render_markdown(report: Report, language: str = "fi") -> str:
    """The report as Markdown, in ``language`` (fi, sv or en)."""
    lang = _check(language)
    lines = [f"# {_title(report, lang)}", ""]
    lines += [f"- **{name}:** {value}" for name, value in _facts(report, lang)]
    lines += ["", f"*{_note(report, lang)}*", ""]
    for section in report.sections:
        if not section.blocks:
            continue
        lines += [f"## {section.title.get(lang)}", ""]
        for block in section.blocks:
            lines += _md_block(block, lang)
    lines.append(f"*{text('generated_by').get(lang)}*")
    return "\n".join(lines) + "\n"


# JSON -----------------------------------------------------------------------------------------


def _json_cell(value: Cell, language: Language) -> Any:
    if value is None:
        return None
    if isinstance(value, Withheld):
        return {"withheld": True}
    if isinstance(value, Count):
        return value.value
    if isinstance(value, Ratio):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "percent": float(round(value.percent, 1)),
        }
    if isinstance(value, Percent):
        return {"percent": float(round(value.value, value.places))}
    if isinstance(value, Amount):
        return {
            "value": float(round(value.value, 2)),
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
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
tbody th { font-weight: normal; }
thead th { background: #eef4f8; }
td.withheld { color: #8a6d00; }
p.note, footer { color: #57606a; font-size: .9rem; }
article + article { break-before: page; margin-top: 3rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               table { break-inside: avoid; } }
"""


def _h(value: str) -> str:
    return html.escape(value, quote=True)


def _html_cell(value: Cell, language: Language) -> str:
    kind = ' class="withheld"' if isinstance(value, Withheld) else ""
    return f"<td{kind}>{_h(_cell(value, language))}</td>"


def _html_table(
    title: str | None, header: list[str], rows: list[tuple[str, list[str]]]
) -> list[str]:
    out = [f"<h3>{_h(title)}</h3>"] if title else []
    out.append(
        "<table><thead><tr>" + "".join(f"<th>{_h(h)}</th>" for h in header) + "</tr></thead><tbody>"
    )
    out += [f'<tr><th scope="row">{_h(label)}</th>{"".join(cells)}</tr>' for label, cells in rows]
    out.append("</tbody></table>")
    return out


def _html_block(block: Block, language: Language) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"<p>{_h(block.text.get(language))}</p>"]
    if isinstance(block, FigureList):
        header = [
            text("figure").get(language),
            text("value").get(language),
            text("source").get(language),
        ]
        rows = [
            (
                r.label.get(language),
                [
                    _html_cell(r.value, language),
                    f"<td>{_h(text(str(r.source)).get(language))}</td>",
                ],
            )
            for r in block.rows
        ]
        return _html_table(block.title.get(language) if block.title else None, header, rows)
    header = ["", *(c.get(language) for c in block.columns)]
    rows = [
        (_label(r.label, language), [_html_cell(c, language) for c in r.cells]) for r in block.rows
    ]
    return _html_table(block.title.get(language) if block.title else None, header, rows)


def _html_article(report: Report, lang: Language, index: int) -> list[str]:
    # Section ids are prefixed by the report's place, so several reports on one
    # page keep unique ids.
    prefix = f"r{index}-" if index else ""
    body = ["<article>", f"<h1>{_h(_title(report, lang))}</h1>", '<dl class="facts">']
    body += [f"<dt>{_h(name)}</dt><dd>{_h(value)}</dd>" for name, value in _facts(report, lang)]
    body += ["</dl>", f'<p class="note">{_h(_note(report, lang))}</p>']
    for section in report.sections:
        if not section.blocks:
            continue
        title = _h(section.title.get(lang))
        body.append(f'<section id="{prefix}{_h(section.key)}"><h2>{title}</h2>')
        for block in section.blocks:
            body += _html_block(block, lang)
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
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
