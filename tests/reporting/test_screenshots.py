"""The HTML report's charts and print layout in a real headless Chromium.

Skipped where Chromium is missing (Debian: ``apt-get install -y chromium``). The
screenshot is read with the standard library (zlib, struct): it must not be blank,
and the charts must add drawn pixels in the bars' colour; the printed PDF must be
A4 with several pages.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pendulum
import pytest

from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset

BROWSER = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)"
)

WIDTH, HEIGHT = 1000, 2600
BAR = (0x2A, 0x6F, 0x97)  # the bars' colour in _charts.py
HATCH = (0xE3, 0xED, 0xF3)  # the target band's ground
CHART = re.compile(r'<figure class="chart">.*?</figure>', re.S)


def _chromium(tmp_path: Path, page: Path, *args: str) -> None:
    profile = tmp_path / f"profile-{page.stem}-{len(args)}"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ]
    assert BROWSER is not None
    subprocess.run(
        [BROWSER, *flags, *args, page.as_uri()],
        capture_output=True,
        timeout=180,
        check=True,
    )


def _pixels(png: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGB pixels of an 8-bit RGB or RGBA PNG, without Pillow."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data, header = 8, b"", b""
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            data += body
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    assert colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(data)
    stride = width * size
    previous = bytearray(stride)
    out: list[tuple[int, ...]] = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        out += [tuple(line[x : x + 3]) for x in range(0, stride, size)]
        previous = line
    return width, height, out


@pytest.fixture(scope="module")
def annual():
    return rep.annual_report(demo_dataset(), 2016, as_of=pendulum.date(2017, 1, 31))


def test_the_charts_show_in_a_headless_browser(tmp_path, annual):
    page = rep.render_html(annual, "fi")
    with_charts, without = tmp_path / "charts.html", tmp_path / "tables.html"
    with_charts.write_text(page, encoding="utf-8")
    without.write_text(CHART.sub("", page), encoding="utf-8")
    counts = []
    for html in (with_charts, without):
        shot = tmp_path / f"{html.stem}.png"
        _chromium(tmp_path, html, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}")
        width, height, pixels = _pixels(shot.read_bytes())
        assert (width, height) == (WIDTH, HEIGHT)
        white = sum(1 for p in pixels if p == (255, 255, 255))
        assert white < 0.98 * len(pixels)  # not a blank page
        counts.append((sum(1 for p in pixels if p == BAR), sum(1 for p in pixels if p == HATCH)))
    (bars, hatch), (bars_before, hatch_before) = counts
    assert bars - bars_before > 3000  # the bars are drawn
    assert hatch > 200  # the target bands are drawn
    assert hatch_before == 0


def test_the_report_prints_to_a4_pages_with_the_funders_marking(tmp_path):
    exact = rep.annual_report(
        demo_dataset(), 2016, as_of=pendulum.date(2017, 1, 31), edition=rep.Edition.FUNDER
    )
    html, pdf = tmp_path / "exact.html", tmp_path / "exact.pdf"
    html.write_text(rep.render_html(exact, "sv"), encoding="utf-8")
    _chromium(tmp_path, html, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    document = pdf.read_bytes()
    assert document.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page(?![a-z])", document)
    assert len(pages) >= 3
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", document)
    assert boxes
    for width, height in boxes:  # A4 is 595 × 842 points
        assert abs(float(width) - 595.3) < 2
        assert abs(float(height) - 841.9) < 2
