"""The command line's ``check`` (a data-quality report) and ``schema`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hankemalli.cli import main
from hankemalli.demo import demo_json
from hankemalli.rules import quality_report
from hankemalli.serialization import json_schema, loads


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _write(tmp_path: Path, document: dict[str, object]) -> Path:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _demo(tmp_path: Path) -> Path:
    return _write(tmp_path, json.loads(demo_json()))


@pytest.mark.parametrize(
    ("lang", "heading", "own_use"),
    [
        ("fi", "# Tietojen laatu: KAIKU", "Yhdistyksen omaan käyttöön."),
        ("sv", "# Uppgifternas kvalitet: KAIKU", "För föreningens eget bruk."),
        ("en", "# Data quality: KAIKU", "For the association's own use."),
    ],
)
def test_check_lists_the_findings_by_rule_in_the_language(
    capsys, tmp_path, lang, heading, own_use
) -> None:
    """Warnings only (the demo's incomplete records): exit status 0."""
    status, out, err = run(capsys, "check", str(_demo(tmp_path)), "--lang", lang)
    assert (status, err) == (0, "")
    assert out.startswith(heading)
    assert own_use in out
    report = quality_report(loads(demo_json()))
    assert not report.has_errors
    assert out == report.text(lang)
    assert "(completeness.education)" in out
    assert "K-0021" in out  # a pseudonym affected, named for the association


def test_check_speaks_finnish_by_default(capsys, tmp_path) -> None:
    _, out, _ = run(capsys, "check", str(_demo(tmp_path)))
    assert "## Varoitus: Koulutustaso puuttuu (completeness.education)" in out


def test_check_exits_1_when_a_finding_is_an_error(capsys, tmp_path) -> None:
    document = json.loads(demo_json())
    record = document["participants"][0]  # left on 2016-04-12
    record.setdefault("events", []).append(
        {
            "type": "post_exit_contact",
            "date": "2016-04-01",
            "source": "participant_reported",
            "kind": "volunteering",
        }
    )
    status, out, err = run(capsys, "check", str(_write(tmp_path, document)), "--lang", "en")
    assert (status, err) == (1, "")
    assert "## Error: Contact after leaving dated before the exit" in out
    assert "Participants 270, findings 33: errors 1," in out


def test_check_writes_to_a_file(capsys, tmp_path) -> None:
    target = tmp_path / "laatu.md"
    status, out, err = run(capsys, "check", str(_demo(tmp_path)), "-o", str(target))
    assert (status, out) == (0, "")
    assert str(target) in err
    assert target.read_text(encoding="utf-8").startswith("# Tietojen laatu")


def test_check_of_an_invalid_or_unreadable_document(capsys, tmp_path) -> None:
    path = _write(tmp_path, {"schema_version": 2})
    status, out, _err = run(capsys, "check", str(path))
    assert status == 1
    assert "$.programme: required key is missing" in out
    assert run(capsys, "check", str(tmp_path / "missing.json"))[0] == 2
    assert run(capsys, "check", str(path), "--lang", "de")[0] == 2


def test_schema_prints_the_json_schema(capsys) -> None:
    status, out, err = run(capsys, "schema")
    assert (status, err) == (0, "")
    assert json.loads(out) == json_schema()


def test_schema_writes_to_a_file(capsys, tmp_path) -> None:
    target = tmp_path / "hankemalli.schema.json"
    status, out, _ = run(capsys, "schema", "--output", str(target))
    assert (status, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    unwritable = tmp_path / "no" / "such" / "folder.json"
    assert run(capsys, "schema", "-o", str(unwritable))[0] == 2
