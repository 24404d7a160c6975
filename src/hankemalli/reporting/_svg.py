"""Drawing blocks of the report's charts as SVG text (kaavioiden piirto).

Plain strings, no library: geometry, a linear scale with round ticks, labels
wrapped to the label column, the mark of a withheld value and the figure that
holds a chart with its title and text alternative. :mod:`._charts` says what each
chart shows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from math import floor, log10

from attrs import frozen

from ._format import format_number
from ._labels import Language

__all__ = [
    "BAR",
    "INK",
    "LABEL_WIDTH",
    "LINE",
    "SECOND",
    "TRACK",
    "WIDTH",
    "Scale",
    "axis",
    "esc",
    "figure",
    "label_lines",
    "legend",
    "nice",
    "num",
    "withheld_mark",
    "wrap",
]

#: Geometry, in SVG user units (px at 100 %).
WIDTH = 720
LABEL_WIDTH = 250
VALUE_WIDTH = 170
TRACK = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20
LINE = 16
FONT = 13
CHARS = 34  # characters of a label per line at 13 px in the label column

INK = "#1d2329"
BAR = "#2a6f97"
SECOND = "#b35806"
GRID = "#d0d7de"


def esc(value: str) -> str:
    """Text for SVG or HTML."""
    return html.escape(value, quote=True)


def num(value: float) -> str:
    """A coordinate, short and exact enough."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def wrap(label: str, limit: int = CHARS, lines: int = 3) -> list[str]:
    """A label in at most ``lines`` lines of about ``limit`` characters; … where cut."""
    out: list[str] = []
    current = ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > limit:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: limit - 1].rstrip() + "…"
    return out


def nice(low: float, high: float) -> tuple[float, float, float]:
    """A domain covering [low, high] with round ends, and its tick step (1, 2 or 5 × 10ⁿ)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / 5
    power = 10 ** floor(log10(raw))
    step = next(s * power for s in (1, 2, 5, 10) if s * power >= raw)
    return floor(low / step) * step, -floor(-high / step) * step, step


@frozen
class Scale:
    """A linear scale from ``low`` to ``high`` drawn from ``x0`` over ``width`` units."""

    low: float
    high: float
    step: float
    x0: float
    width: float

    def x(self, value: float) -> float:
        """Where ``value`` is drawn."""
        return self.x0 + (value - self.low) / (self.high - self.low) * self.width


def axis(scale: Scale, top: float, bottom: float, language: Language) -> list[str]:
    """Grid lines with their numbers under the chart."""
    out = []
    tick = scale.low
    while tick <= scale.high + scale.step / 1000:
        x = num(scale.x(tick))
        # Zero inside the scale (a difference) is the line to read against.
        zero = tick == 0 and scale.low < 0
        style = 'stroke="#57606a" stroke-dasharray="4 3"' if zero else f'stroke="{GRID}"'
        out.append(f'<line x1="{x}" y1="{num(top)}" x2="{x}" y2="{num(bottom)}" {style}/>')
        places = 0 if float(tick).is_integer() else 1
        number = format_number(Decimal(str(round(tick, places))), language, places)
        out.append(
            f'<text x="{x}" y="{num(bottom + 14)}" text-anchor="middle" font-size="11">'
            f"{esc(number)}</text>"
        )
        tick += scale.step
    return out


def label_lines(lines: Sequence[str], y: float, *, x: float = 0, bold: bool = False) -> str:
    """Lines of a label, one under another, from ``y``."""
    weight = ' font-weight="600"' if bold else ""
    spans = "".join(
        f'<tspan x="{num(x)}" dy="{0 if i == 0 else LINE}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text y="{num(y)}"{weight}>{spans}</text>'


def withheld_mark(x: float, y: float, row: int, word: str, column: int = 0) -> str:
    """The mark of a withheld value (• and the word) where its bar or point would be."""
    return (
        f'<text class="withheld" data-row="{row}" data-column="{column}" x="{num(x)}" '
        f'y="{num(y)}" font-style="italic">• {esc(word)}</text>'
    )


def figure(
    ident: str, title: str, desc: str, height: float, body: list[str], *, caption: bool
) -> str:
    """The chart as a figure; with ``caption``, its title shows above it."""
    shown = f"<figcaption>{esc(title)}</figcaption>" if caption else ""
    return (
        f'<figure class="chart">{shown}'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {num(height)}"'
        f' width="{WIDTH}" height="{num(height)}" aria-labelledby="{ident}-t {ident}-d"'
        f' font-family="system-ui, sans-serif" font-size="{FONT}" fill="{INK}">'
        f'<title id="{ident}-t">{esc(title)}</title><desc id="{ident}-d">{esc(desc)}</desc>'
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#e3edf3"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="1.2" '
        'stroke-opacity=".45"/></pattern></defs>' + "".join(body) + "</svg></figure>"
    )


def legend(items: Sequence[tuple[str, str]], y: float) -> tuple[list[str], float]:
    """Swatches (SVG snippets drawn at x=0, y=0) and their words, in lines; and the last y."""
    out = []
    x = 0.0
    for swatch, word in items:
        width = 40 + 7.2 * len(word)
        if x and x + width > WIDTH:
            x, y = 0.0, y + 20
        out.append(f'<g transform="translate({num(x)},{num(y - 10)})">{swatch}</g>')
        out.append(f'<text x="{num(x + 22)}" y="{num(y)}">{esc(word)}</text>')
        x += width
    return out, y
