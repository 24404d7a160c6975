"""The command line's editions (``--edition public|funder``) and its as-of warning.

``report`` and ``demo`` make the public edition by default and the funder's with
``--edition funder``; ``report`` without ``--as-of`` is as of the programme's end
and warns, in ``--lang``, when six-month results are not known by then.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings

from hankemalli.cli import main
from hankemalli.demo import demo_dataset, demo_json
from hankemalli.serialization import dumps
from hankemalli.testing import strategies as hst

MARKING = {
    "fi": "LUOTTAMUKSELLINEN – rahoittajan versio, ei julkaistavaksi",
    "sv": "KONFIDENTIELL – finansiärens version, ej för publicering",
    "en": "CONFIDENTIAL – funder's edition, not for publication",
}
WARNING = {"fi": "varoitus", "sv": "varning", "en": "warning"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("editions") / "kaiku.json"
    path.write_text(demo_json(), encoding="utf-8")
    return path


# Editions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_report_makes_the_funders_edition_marked_confidential(capsys, demo_file, language):
    options = ("--as-of", "2019-07-31", "--edition", "funder", "--lang", language)
    status, out, err = run(capsys, "report", str(demo_file), *options)
    assert (status, err) == (0, "")
    assert out.startswith(f"**{MARKING[language]}**")
    assert out.rstrip().endswith(f"**{MARKING[language]}**")
    assert "•" not in out  # exact figures: nothing withheld


def test_report_makes_the_public_edition_by_default(capsys, demo_file):
    args = ("report", str(demo_file), "--as-of", "2019-07-31", "--lang", "en")
    status, default, err = run(capsys, *args)
    assert (status, err) == (0, "")
    assert run(capsys, *args, "--edition", "public")[1] == default
    assert "- **Edition:** public edition" in default
    assert "CONFIDENTIAL" not in default
    assert "•" in default  # small counts withheld


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_report_marks_the_funders_edition_in_every_format(capsys, demo_file, fmt):
    options = ("--year", "2016", "--as-of", "2017-01-31", "--edition", "funder", "--format", fmt)
    status, out, err = run(capsys, "report", str(demo_file), *options)
    assert (status, err) == (0, "")
    assert MARKING["fi"] in out
    if fmt == "json":
        assert json.loads(out)["edition"] == "funder"
    if fmt == "html":
        assert '<p class="confidential"' in out
        assert '<meta name="robots" content="noindex">' in out


def test_report_writes_the_funders_workbook_marked_on_every_sheet(capsys, demo_file, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "rahoittaja.xlsx"
    status, out, _ = run(
        capsys,
        "report",
        str(demo_file),
        "--as-of",
        "2019-07-31",
        "--edition",
        "funder",
        "--format",
        "xlsx",
        "-o",
        str(target),
    )
    assert (status, out) == (0, "")
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    assert all(s.oddHeader.center.text == MARKING["fi"] for s in book.worksheets)


def test_an_unknown_edition_is_a_usage_error(capsys, demo_file):
    status, out, err = run(capsys, "report", str(demo_file), "--edition", "press")
    assert (status, out) == (2, "")
    assert "--edition" in err
    assert "public" in err
    assert "funder" in err
    assert run(capsys, "demo", "--edition", "secret")[0] == 2


def test_demo_makes_both_editions(capsys):
    status, public, err = run(capsys, "demo", "--format", "html")
    assert (status, err) == (0, "")
    assert 'class="confidential"' not in public
    status, funder, err = run(capsys, "demo", "--format", "html", "--edition", "funder")
    assert (status, err) == (0, "")
    # Each of the five reports (four annual, one final) is marked at its top.
    assert funder.count('<p class="confidential"') == funder.count("<article>") == 5
    assert "•" in public
    assert "•" not in funder


def test_the_help_names_the_editions(capsys):
    for command in ("report", "demo"):
        status, out, _ = run(capsys, command, "--help")
        assert status == 0
        assert "--edition {public,funder}" in out


# The as-of warning -----------------------------------------------------------------------------


def _last_exit(records, start: pendulum.Date, end: pendulum.Date) -> pendulum.Date:
    exits = [r.last_exit for r in records if r.last_exit is not None]
    return max(e for e in exits if start <= e <= end)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_report_without_as_of_warns_that_six_month_results_are_missing(capsys, demo_file, language):
    """Rule: without --as-of, report names the date six-month results need."""
    programme = demo_dataset().programme
    last = _last_exit(demo_dataset().participants, programme.start, programme.end)
    # Six calendar months after the last exit, and the 28 days of the follow-up window.
    needed = last.add(months=6).add(days=28)
    assert needed > programme.end  # the demo has leavers in its last six months
    status, out, err = run(capsys, "report", str(demo_file), "--lang", language)
    assert status == 0
    assert out  # the report is still written
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"hankemalli report: {WARNING[language]}:")
    assert f"--as-of {needed.isoformat()}" in lines[0]
    assert programme.end.isoformat() in lines[0]
    assert last.isoformat() in lines[0]


def test_report_with_as_of_does_not_warn(capsys, demo_file):
    end = demo_dataset().programme.end.isoformat()
    for as_of in (end, "2019-07-31"):
        status, out, err = run(capsys, "report", str(demo_file), "--as-of", as_of)
        assert (status, err) == (0, "")
        assert out


def test_an_annual_report_warns_only_when_its_leavers_results_are_not_due(capsys, demo_file):
    # Everyone who left in 2016 has their six-month result by the programme's end.
    status, _, err = run(capsys, "report", str(demo_file), "--year", "2016", "--lang", "en")
    assert (status, err) == (0, "")
    status, _, err = run(capsys, "report", str(demo_file), "--year", "2018", "--lang", "en")
    assert status == 0
    assert err.startswith("hankemalli report: warning:")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hst.datasets(max_participants=6))
def test_the_warning_comes_exactly_when_a_leavers_follow_up_ends_after_the_programme(
    tmp_path_factory, dataset
):
    """Rule: the warning names the last exit's follow-up end, and only when it is late."""
    path = tmp_path_factory.mktemp("warning") / "data.json"
    path.write_text(dumps(dataset), encoding="utf-8")
    programme = dataset.programme
    exits = [
        r.last_exit
        for r in dataset.participants
        if r.last_exit is not None and programme.start <= r.last_exit <= programme.end
    ]
    late = [e.add(months=6).add(days=28) for e in exits]
    late = [d for d in late if d > programme.end]
    errors = io.StringIO()
    # The warning is the same in both editions; the funder's has no protection to
    # work out, so this stays about the as-of date.
    command = ["report", str(path), "--lang", "en", "--format", "json", "--edition", "funder"]
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        status = main(command)
    assert status == 0
    if late:
        assert f"--as-of {max(late).isoformat()} or later" in errors.getvalue()
    else:
        assert errors.getvalue() == ""
