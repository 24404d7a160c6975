"""The command line: ``python -m hankemalli demo`` and ``validate``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
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


def test_demo_summarises_the_demo_programme(capsys) -> None:
    status, out, err = run(capsys, "demo")
    assert (status, err) == (0, "")
    dataset = demo_dataset()
    programme = dataset.programme
    assert programme.name in out
    assert "Pohjois-Karjalan Sosiaaliturvayhdistys ry" in out
    assert "2015-08-01 – 2018-12-31" in out
    assert "Joensuu, Kontiolahti" in out
    for funder in programme.funders:
        assert funder.share is not None
        percent = f"{funder.share * 100:f}".rstrip("0").rstrip(".")
        assert f"{funder.name} ({funder.kind.value}): {percent} %" in out
    assert "45.6 %" in out
    assert "new participants, each year: 40–80" in out
    assert "Siun sote (wellbeing services)" in out
    total = len(dataset.participants)
    assert f"Participants: {total} ({total} left by 2018-12-31, 0 still taking part)" in out
    people = Counter(s for r in dataset.participants for s in {e.service for e in r.episodes})
    events = Counter(type(e).tag for r in dataset.participants for e in r.events)
    rows = dict(re.findall(r"^  ([a-z][a-z ]+?) +(\d+)$", out, re.MULTILINE))
    assert rows["job coaching"] == str(people[h.ServiceType.JOB_COACHING]) == "135"
    assert rows["tet"] == str(people[h.ServiceType.TET])
    assert rows["certificate obtained"] == str(events["certificate_obtained"])
    assert rows["hygiene passport"] == "79"
    assert rows["occupational safety card"] == "42"


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
    assert result.stdout.startswith("Programme:    KAIKU")
    assert "Participants: 270" in result.stdout


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
    status, out, _ = run(capsys, "demo", "--export", str(target))
    assert status == 0
    assert str(target) in out
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
    events = document["participants"][2]["events"]
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
