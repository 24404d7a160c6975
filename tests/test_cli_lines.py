"""The command line reads JSON Lines datasets (.jsonl), validating a record at a time (issue 14)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from hankemalli import cli
from hankemalli.cli import main
from hankemalli.demo import demo_dataset, demo_json
from hankemalli.serialization import write_lines


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo dataset as a JSON document and as JSON Lines."""
    folder = tmp_path_factory.mktemp("lines")
    whole, lines = folder / "kaiku.json", folder / "kaiku.jsonl"
    whole.write_text(demo_json(), encoding="utf-8")
    write_lines(demo_dataset(), lines)
    return whole, lines


def test_validate_reads_json_lines_and_says_what_it_read(capsys, documents) -> None:
    whole, lines = documents
    status, out, _ = run(capsys, "validate", str(lines))
    assert status == 0
    expected = run(capsys, "validate", str(whole))[1].replace(str(whole), str(lines))
    assert out == expected
    assert "270 participants" in out


def test_validate_lists_the_problems_of_json_lines_at_the_documents_paths(
    capsys, documents, tmp_path
) -> None:
    whole, lines = documents
    broken_lines = lines.read_text(encoding="utf-8").splitlines()
    record = json.loads(broken_lines[2])
    record["periods"][0]["entry"] = "1.8.2015"
    broken_lines[2] = json.dumps(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(broken_lines) + "\n", encoding="utf-8")
    document = json.loads(whole.read_text(encoding="utf-8"))
    document["participants"][1]["periods"][0]["entry"] = "1.8.2015"
    bad_whole = tmp_path / "bad.json"
    bad_whole.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(bad), "--lang", "fi")
    assert status == 1
    assert out == run(capsys, "validate", str(bad_whole), "--lang", "fi")[1]
    assert out.startswith("$.participants[1].periods[0].entry: päivämäärän pitää olla")
    assert "1 ongelma" in err


def test_report_reads_json_lines_as_it_reads_the_document(capsys, documents) -> None:
    whole, lines = documents
    argv = ("--year", "2016", "--as-of", "2017-01-31", "--lang", "en")
    status, out, _ = run(capsys, "report", str(lines), *argv)
    assert status == 0
    assert out == run(capsys, "report", str(whole), *argv)[1]


def test_a_missing_json_lines_file_cannot_be_read(capsys, tmp_path) -> None:
    status, _, err = run(capsys, "validate", str(tmp_path / "none.jsonl"))
    assert status == 2
    assert "cannot read" in err


def test_progress_is_shown_on_a_terminal_and_cleared(capsys, documents, monkeypatch) -> None:
    _, lines = documents
    monkeypatch.setattr(cli, "_PROGRESS_EVERY", 50)
    ticks = iter(range(0, 10_000))
    monkeypatch.setattr(cli.time, "monotonic", lambda: float(next(ticks)))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = run(capsys, "validate", str(lines))
    assert status == 0
    shown = [part for part in err.split("\r") if "participants" in part]
    assert shown == [f"hankemalli validate: {n} participants" for n in range(50, 270, 50)]
    assert err.endswith("\r")  # the line is cleared before the result
    assert "OK" in out


def test_no_progress_when_the_standard_error_is_not_a_terminal(capsys, documents) -> None:
    _, lines = documents
    status, _, err = run(capsys, "validate", str(lines))
    assert status == 0
    assert err == ""
