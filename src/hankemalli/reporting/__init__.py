"""Reports: annual reports that cumulate into the final report (raportointi).

:func:`annual_report` and :func:`final_report` build a :class:`Report` for a
dataset; :func:`render_markdown`, :func:`render_html` and :func:`render_json`
render it in Finnish (default), Swedish or English, and :func:`render_csv` and
:func:`render_xlsx` as tables for funders' forms. Underneath,
:func:`issue_annual_reports` makes the immutable yearly snapshots,
:class:`Correction` records a change to a closed year, and :func:`derive_final`
derives the final figures from both and compares them with the records.
Published tables withhold counts below a threshold (default 5) so that no
withheld cell can be worked out from the others.
"""

from . import _messages  # noqa: F401  (registers the reports' problem codes)
from ._api import annual_report, final_report, published_set
from ._build import annual_document, final_document
from ._cumulation import (
    DEFAULT_CATALOGUE,
    AnnualReport,
    Comparison,
    Correction,
    FinalFigures,
    catalogue_for,
    derive_final,
    issue_annual_report,
    issue_annual_reports,
    programme_years,
    propose_corrections,
)
from ._disclosure import DEFAULT_THRESHOLD, ProtectedGrid, determined_cells, protect
from ._document import (
    Amount,
    Block,
    Cell,
    Count,
    Disclosure,
    Edition,
    Estimate,
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
from ._format import format_date, format_number, format_percent
from ._labels import LANGUAGES, Language, code_label, code_labels, text
from ._linked import LinkedProtection, derivable_counts, protect_linked
from ._models import model_blocks
from ._render import render_html, render_json, render_markdown
from ._tables import CSV_COLUMNS, render_csv, render_xlsx

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_CATALOGUE",
    "DEFAULT_THRESHOLD",
    "LANGUAGES",
    "Amount",
    "AnnualReport",
    "Block",
    "Cell",
    "Comparison",
    "Correction",
    "Count",
    "Disclosure",
    "Edition",
    "Estimate",
    "FigureList",
    "FigureRow",
    "FinalFigures",
    "Language",
    "LinkedProtection",
    "Paragraph",
    "Percent",
    "ProtectedGrid",
    "Ratio",
    "Report",
    "ReportKind",
    "Section",
    "Table",
    "TableRow",
    "Text",
    "Withheld",
    "annual_document",
    "annual_report",
    "catalogue_for",
    "code_label",
    "code_labels",
    "derivable_counts",
    "derive_final",
    "determined_cells",
    "final_document",
    "final_report",
    "format_date",
    "format_number",
    "format_percent",
    "issue_annual_report",
    "issue_annual_reports",
    "model_blocks",
    "programme_years",
    "propose_corrections",
    "protect",
    "protect_linked",
    "published_set",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_xlsx",
    "text",
]
