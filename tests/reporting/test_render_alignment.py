"""Text columns are left-aligned and numeric columns right-aligned, in Markdown and HTML."""

from __future__ import annotations

import re
from fractions import Fraction

import pendulum
import pytest

from hankemalli import reporting as rep
from hankemalli.indicators import DataSource, Labels, ReportingPeriod

L = Labels


def _report(*blocks: rep.Block) -> rep.Report:
    period = ReportingPeriod.year(2016)
    return rep.Report(
        kind=rep.ReportKind.ANNUAL,
        programme_name="Hanke",
        organisation="Yhdistys ry",
        areas=(),
        programme_period=period,
        period=period,
        as_of=pendulum.date(2017, 1, 31),
        threshold=5,
        sections=(
            rep.Section(key="s", title=L(fi="Osio", sv="Avsnitt", en="Section"), blocks=blocks),
        ),
    )


TARGETS = rep.Table(
    title=None,
    columns=(
        L(fi="Tavoite", sv="Mål", en="Target"),
        L(fi="Toteutuma", sv="Utfall", en="Actual"),
        L(fi="Toteutuminen", sv="Måluppfyllelse", en="Attainment"),
        L(fi="Huomautus", sv="Anmärkning", en="Note"),
    ),
    rows=(
        rep.TableRow(
            label="Osallistujat",
            cells=(
                rep.Text("30–40"),
                rep.Count(1234),
                rep.Text(L(fi="ylittyi", sv="överskreds", en="above")),
                None,
            ),
        ),
        rep.TableRow(
            label="Sijoittuneet",
            cells=(
                rep.Text(L(fi="vähintään 6", sv="minst 6", en="at least 6")),
                rep.Withheld(),
                None,
                rep.Text(L(fi="osajakso", sv="delperiod", en="part period")),
            ),
        ),
        # A target of one number is still in the column of target spans.
        rep.TableRow(label="Päättäneet", cells=(rep.Text("250"), rep.Count(3), None, None)),
    ),
)
#: A column of empty cells is text; one of withheld values numeric.
EMPTY = rep.Table(
    title=None,
    columns=(L(fi="Rooli", sv="Roll", en="Role"), L(fi="Arvo", sv="Värde", en="Value")),
    rows=(rep.TableRow(label="Kumppani", cells=(None, rep.Withheld())),),
)
#: A column of numbers written as text (a year, a signed change) is numeric.
CORRECTIONS = rep.Table(
    title=None,
    columns=(
        L(fi="Vuosi", sv="År", en="Year"),
        L(fi="Muutos", sv="Ändring", en="Change"),
        L(fi="Syy", sv="Orsak", en="Reason"),
        L(fi="Osuus", sv="Andel", en="Share"),
        L(fi="Määrä", sv="Belopp", en="Amount"),
    ),
    rows=(
        rep.TableRow(
            label="Päättäneet",
            cells=(
                rep.Text("2016"),
                rep.Text("−1 / +2"),
                rep.Text("myöhässä saapunut tieto"),
                rep.Ratio(3, 7),
                rep.Amount(Fraction(25, 2), places=1),
            ),
        ),
    ),
)
FIGURES = rep.FigureList(
    title=None,
    rows=(
        rep.FigureRow(
            code="x",
            label=L(fi="Osallistujat", sv="Deltagare", en="Participants"),
            value=rep.Count(12),
            source=DataSource.ESTIMATE,
        ),
        rep.FigureRow(
            code="y",
            label=L(fi="Osuus", sv="Andel", en="Share"),
            value=rep.Percent(Fraction(50)),
        ),
    ),
)


def _alignment_row(markdown: str, header_start: str) -> list[str]:
    lines = markdown.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    return lines[index + 1].strip("|").split("|")


@pytest.mark.parametrize("language", rep.LANGUAGES)
def test_markdown_aligns_text_left_and_numbers_right(language):
    markdown = rep.render_markdown(_report(TARGETS, CORRECTIONS, FIGURES, EMPTY), language)
    target = {"fi": "Tavoite", "sv": "Mål", "en": "Target"}[language]
    year = {"fi": "Vuosi", "sv": "År", "en": "Year"}[language]
    figure = {"fi": "Tunnusluku", "sv": "Nyckeltal", "en": "Figure"}[language]
    # Row label, target span, actual, attainment, note.
    assert _alignment_row(markdown, f"|  | {target} |") == [":---", ":---", "---:", ":---", ":---"]
    # Row label, year, change, reason, share, amount.
    assert _alignment_row(markdown, f"|  | {year} |") == [
        ":---",
        "---:",
        "---:",
        ":---",
        "---:",
        "---:",
    ]
    # Figure, value, source.
    assert _alignment_row(markdown, f"| {figure} |") == [":---", "---:", ":---"]
    role = {"fi": "Rooli", "sv": "Roll", "en": "Role"}[language]
    assert _alignment_row(markdown, f"|  | {role} |") == [":---", ":---", "---:"]


def _classes(page: str, tag: str) -> list[list[str]]:
    """For each table, the class of each cell of the tag in its rows, in order."""
    tables = re.findall(r"<table>.*?</table>", page, flags=re.DOTALL)
    found = []
    for table in tables:
        cells = re.findall(rf"<{tag}(?: class=\"([^\"]*)\")?(?: scope=\"row\")?>", table)
        found.append(cells)
    return found


def test_html_aligns_text_left_and_numbers_right():
    page = rep.render_html(_report(TARGETS, CORRECTIONS, FIGURES), "fi")
    assert "th.num, td.num { text-align: right; }" in page
    assert "text-align: left" in page
    targets, corrections, figures = _classes(page, "td")
    # Three rows of target, actual, attainment, note; the withheld value stays numeric.
    assert targets == ["", "num", "", "", "", "num withheld", "", "", "", "num", "", ""]
    assert corrections == ["num", "num", "", "num", "num"]
    assert figures == ["num", "", "num", ""]
    headers = _classes(page, "th")
    # Header cells (the empty corner first), then the row headers, which are text.
    assert headers[0][:5] == ["", "", "num", "", ""]
    assert headers[1][:6] == ["", "num", "num", "", "num", "num"]
    assert headers[2][:3] == ["", "num", ""]
