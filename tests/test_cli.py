"""The command line: ``python -m hankemalli demo`` and ``validate``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import hankemalli as h
from hankemalli.cli import main
from hankemalli.demo import demo_dataset, demo_json
from hankemalli.serialization import loads

PROBLEM_LINE = re.compile(r"\$[.\[]\S*: \S.*")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_demo_prints_every_annual_report_and_the_final_report(capsys) -> None:
    status, out, err = run(capsys, "demo")
    assert (status, err) == (0, "")
    titles = re.findall(r"^# (.+)$", out, re.MULTILINE)
    name = demo_dataset().programme.name
    assert titles == [f"{name}: Vuosiraportti {y}" for y in (2015, 2016, 2017, 2018)] + [
        f"{name}: Loppuraportti"
    ]
    assert "- **Toteuttaja:** Pohjois-Karjalan Sosiaaliturvayhdistys ry" in out
    assert "- **Hankkeen kesto:** 1.8.2015–31.12.2018" in out
    # The final report derives from the annual reports and their corrections,
    # and says that they agree with the records.
    final = out.split("# " + titles[-1])[1]
    assert "## Vuosiraporteista" in final
    assert "### Korjaukset" in final
    assert "Vuosiraportit ja korjaukset vastaavat aineistoa." in final


@pytest.mark.parametrize(
    ("lang", "final_title"),
    [("fi", "Loppuraportti"), ("sv", "Slutrapport"), ("en", "Final report")],
)
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_demo_renders_in_every_language_and_format(capsys, lang, final_title, fmt) -> None:
    status, out, err = run(capsys, "demo", "--lang", lang, "--format", fmt)
    assert (status, err) == (0, "")
    assert final_title in out
    if fmt == "json":
        documents = json.loads(out)
        assert [d["kind"] for d in documents] == ["annual"] * 4 + ["final"]
        assert all(d["language"] == lang for d in documents)
    if fmt == "html":  # one page, an article a report
        assert out.count("<!DOCTYPE html>") == 1
        assert out.count("<article>") == 5
        assert f'<html lang="{lang}">' in out


def test_demo_runs_as_a_module() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "hankemalli", "demo"],
        capture_output=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# KAIKU (synthetic demo data): Vuosiraportti 2015")
    assert "Osallistujat yhteensä | 239 |" in result.stdout
    assert "Kaikki osallistujat, myös puutteelliset tiedot | 270 |" in result.stdout


def _demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "kaiku.json"
    path.write_text(demo_json(), encoding="utf-8")
    return path


def test_report_renders_an_annual_report(capsys, tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    status, out, err = run(capsys, "report", str(path), "--year", "2016", "--as-of", "2017-01-31")
    assert (status, err) == (0, "")
    assert out.startswith("# KAIKU (synthetic demo data): Vuosiraportti 2016")
    assert "- **Tilannepäivä:** 31.1.2017" in out


def test_report_final_is_the_default_and_takes_the_programme_end_as_of(
    capsys, tmp_path: Path
) -> None:
    path = _demo_file(tmp_path)
    status, out, _ = run(capsys, "report", str(path), "--lang", "en")
    assert status == 0
    assert out.startswith("# KAIKU (synthetic demo data): Final report")
    assert "- **Data as of:** 2018-12-31" in out


def test_report_threshold_withholds_more_counts(capsys, tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    _, five, _ = run(capsys, "report", str(path), "--final")
    _, twenty, _ = run(capsys, "report", str(path), "--final", "--threshold", "20")
    assert twenty.count("•") > five.count("•")
    assert "Alle 20 henkilön luvut" in twenty


def test_report_writes_html_to_a_file(capsys, tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    target = tmp_path / "final.html"
    status, out, err = run(capsys, "report", str(path), "--format", "html", "-o", str(target))
    assert (status, out) == (0, "")
    assert str(target) in err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_on_a_year_outside_the_programme_fails(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "report", str(_demo_file(tmp_path)), "--year", "2030")
    assert (status, out) == (2, "")
    assert "no year 2030" in err


def test_report_on_an_invalid_document_lists_its_problems(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": 1}', encoding="utf-8")
    status, out, err = run(capsys, "report", str(path))
    assert status == 1
    assert "$.programme: required key is missing" in out
    assert "invalid" in err


def test_report_rejects_a_bad_threshold_and_date(capsys, tmp_path: Path) -> None:
    path = str(_demo_file(tmp_path))
    assert run(capsys, "report", path, "--threshold", "0")[0] == 2
    assert run(capsys, "report", path, "--as-of", "2018-02-30")[0] == 2


def test_importing_hankemalli_leaves_the_cli_and_the_demo_out() -> None:
    code = (
        "import sys, hankemalli\n"
        "edges = ('hankemalli.cli', 'hankemalli.demo')\n"
        "print(sorted(m for m in sys.modules if m.startswith(edges)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_demo_export_writes_the_demo_document(capsys, tmp_path: Path) -> None:
    target = tmp_path / "kaiku-demo.json"
    status, out, err = run(capsys, "demo", "--export", str(target))
    assert (status, out) == (0, "")
    assert err == f"wrote the demo dataset to {target}\n"
    assert target.read_text(encoding="utf-8") == demo_json()
    assert loads(target.read_bytes()) == demo_dataset()


def test_demo_export_to_a_missing_folder_fails(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "demo", "--export", str(tmp_path / "no" / "such.json"))
    assert (status, out) == (2, "")
    assert "cannot write" in err


def test_validate_accepts_a_valid_document(capsys, tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(demo_json(), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(path))
    assert (status, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith(f"{path}: OK")
    assert "270 participants" in out


def test_validate_lists_every_problem(capsys, tmp_path: Path) -> None:
    document = json.loads(demo_json())
    document["programme"]["colour"] = "blue"
    document["participants"][0]["participant"]["id"] = "131052-308T"
    document["participants"][1]["periods"][0]["entry"] = "2016-02-30"
    events = document["participants"][2].setdefault("events", [])
    events.append({"type": "lottery_win", "date": "2016-05-01"})
    document["participants"][3]["participant"]["id"] = document["participants"][4]["participant"][
        "id"
    ]
    document["participants"][5]["episodes"][0]["end"] = "2014-01-01"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    status, out, err = run(capsys, "validate", str(path))

    assert status == 1
    lines = out.splitlines()
    assert all(PROBLEM_LINE.fullmatch(line) for line in lines), lines
    with pytest.raises(h.DataError) as caught:
        loads(path.read_bytes())
    assert lines == list(caught.value.problems)
    assert [line.split(": ", 1)[0] for line in lines] == [
        "$.programme.colour",
        "$.participants[0].participant.id",
        "$.participants[1].periods[0].entry",
        f"$.participants[2].events[{len(events) - 1}].type",
        "$.participants[5].episodes[0].end",
        "$.participants[4].participant.id",
    ]
    assert "henkilötunnus" in out
    assert "131052-308T" not in out
    assert f"{len(lines)} problems" in err


def test_validate_reports_text_that_is_not_json(capsys, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("participants: 12\n", encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert out.startswith("$: not valid JSON")


def test_validate_a_missing_file_is_unreadable(capsys, tmp_path: Path) -> None:
    path = tmp_path / "missing.json"
    status, out, err = run(capsys, "validate", str(path))
    assert (status, out) == (2, "")
    assert f"cannot read {path}" in err


def test_validate_a_folder_is_unreadable(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert (status, out) == (2, "")
    assert "cannot read" in err


def test_version(capsys) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"hankemalli {h.__version__}\n")


def test_a_command_is_required(capsys) -> None:
    status, _, err = run(capsys)
    assert status == 2
    assert "usage: hankemalli" in err


def test_a_closed_pipe_ends_the_output_quietly() -> None:
    # More in test_cli_hostile.py: the status is 0, never 1 ("invalid document").
    command = f"{sys.executable} -m hankemalli demo | head -n 1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, encoding="utf-8", check=False
    )
    assert result.stdout.startswith("# KAIKU")
    assert (result.returncode, result.stderr) == (0, "")
