"""A report as a document: sections of figures, tables and text, ready to render.

The document holds labels in every language and numbers, never formatted text,
so one document renders in Finnish, Swedish and English, as Markdown, HTML or
JSON. Disclosure control is applied when the document is built: a withheld
value is not in the document at all, so no renderer can leak it.
"""

from __future__ import annotations

from enum import StrEnum, unique
from fractions import Fraction
from typing import TypeAlias

import pendulum
from attrs import frozen

from ..indicators import DataSource, Labels, ReportingPeriod

__all__ = [
    "Amount",
    "Block",
    "Cell",
    "Count",
    "Disclosure",
    "Edition",
    "Estimate",
    "FigureList",
    "FigureRow",
    "Paragraph",
    "Percent",
    "Ratio",
    "Report",
    "ReportKind",
    "Section",
    "Table",
    "TableRow",
    "Text",
    "Withheld",
]


@frozen
class Count:
    """A whole number of people, episodes or events (lukumäärä)."""

    value: int


@frozen
class Ratio:
    """A share: the numerator of its base, shown as a percentage (osuus)."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> Fraction:
        """The share as an exact percentage."""
        return Fraction(100 * self.numerator, self.denominator)


@frozen
class Percent:
    """A percentage that is not a share of people, such as a funding share (prosentti)."""

    value: Fraction
    places: int = 1


@frozen
class Amount:
    """A number with decimals, such as an average (luku), with its unit label."""

    value: Fraction
    places: int = 1
    unit: Labels | None = None


@frozen(kw_only=True)
class Estimate:
    """A point estimate with its 95 % confidence interval (estimaatti ja luottamusväli).

    ``value``, ``low`` and ``high`` are in the unit shown, ``places`` decimals: a
    share of 14.9 % is ``value=14.9`` with the unit "%", a difference of shares
    ``value=2.4, low=-22.3, high=18.0`` in percentage points. With ``signed``, a
    positive number is written with its plus sign, as a difference is. Rendered
    "+2,4 (−22,3 … +18,0) %-yks." in Finnish, "+2.4 (-22.3 … +18.0) pp" in English,
    and written in JSON as ``{"value", "low", "high"}``.
    """

    value: float
    low: float
    high: float
    places: int = 1
    unit: Labels | None = None
    signed: bool = False


@frozen
class Text:
    """Text in every language, or the same text in all (e.g. a name)."""

    value: Labels | str


@frozen
class Withheld:
    """A value withheld to protect people (suojattu): shown as •, written as null."""


#: Anything a report cell can hold.
Cell: TypeAlias = Count | Ratio | Percent | Amount | Estimate | Text | Withheld | None


@frozen(kw_only=True)
class FigureRow:
    """One figure: its label, value, base and source (tunnusluku)."""

    code: str
    label: Labels
    value: Cell
    source: DataSource = DataSource.COLLECTED


@frozen(kw_only=True)
class FigureList:
    """A list of figures under an optional heading.

    With ``show_codes``, each row also shows its indicator's official code (CO01,
    EECR04, ...), as a funder's monitoring system names it; a code of the library's
    own (COTOTAL, a seed figure's name) is left blank.
    """

    title: Labels | None
    rows: tuple[FigureRow, ...]
    show_codes: bool = False


@frozen(kw_only=True)
class TableRow:
    """A labelled row of cells."""

    label: Labels | str
    cells: tuple[Cell, ...]


@frozen(kw_only=True)
class Table:
    """A table of cells under an optional heading, with its column labels (taulukko)."""

    title: Labels | None
    columns: tuple[Labels, ...]
    rows: tuple[TableRow, ...]


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of text (kappale)."""

    text: Labels


#: Anything a section holds.
Block: TypeAlias = FigureList | Table | Paragraph


@frozen(kw_only=True)
class Section:
    """A section of a report (luku): a key such as ``"results"``, a title and blocks."""

    key: str
    title: Labels
    blocks: tuple[Block, ...]


@frozen(kw_only=True)
class Disclosure:
    """How much a report withholds to protect people (suojauksen laajuus).

    ``counts`` is how many different counts of people the report gives (a count
    shown in two places is one), ``withheld`` how many of them are withheld:
    ``primary`` for being from 1 to the threshold less one, ``secondary`` because
    they could otherwise be worked out from what is published with them (the
    report itself, the other reports of its set, reports published before).
    ``exposed`` counts withheld counts that reports published before already let
    anyone work out: nothing withheld now can protect them.
    """

    counts: int
    withheld: int
    primary: int
    secondary: int
    exposed: int = 0

    @property
    def share(self) -> Fraction:
        """The withheld counts' share of all counts, from 0 to 1."""
        return Fraction(self.withheld, self.counts) if self.counts else Fraction(0)


@unique
class ReportKind(StrEnum):
    """Annual or final (raportin laji)."""

    ANNUAL = "annual"  #: vuosiraportti
    FINAL = "final"  #: loppuraportti


@unique
class Edition(StrEnum):
    """Who a report is for (raportin versio).

    The public edition withholds small counts and every count that could be worked
    out from what is published with it; the funder's edition has the exact figures
    and is marked confidential (luottamuksellinen) on every page.
    """

    PUBLIC = "public"  #: julkinen versio: protected, for anyone
    FUNDER = "funder"  #: rahoittajan versio: exact, confidential


@frozen(kw_only=True)
class Report:
    """A report ready to render (raportti): its heading facts and sections.

    ``threshold`` is the disclosure threshold applied: counts of people below it
    are withheld.
    """

    kind: ReportKind
    programme_name: str
    organisation: str
    areas: tuple[str, ...]
    programme_period: ReportingPeriod
    period: ReportingPeriod
    as_of: pendulum.Date
    threshold: int
    sections: tuple[Section, ...]
    edition: Edition = Edition.PUBLIC
    disclosure: Disclosure | None = None

    def section(self, key: str) -> Section:
        """The section with this key."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)
