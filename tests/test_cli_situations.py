"""The command line's ``migrate`` and ``explain``: version-1 documents, and why a person counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import hankemalli as h
from hankemalli.cli import main
from hankemalli.serialization import loads

V1 = {
    "schema_version": 1,
    "programme": {
        "id": "demo-p",
        "name": "Testihanke",
        "organisation": "Testiyhdistys ry",
        "start": "2016-01-01",
        "end": "2017-12-31",
    },
    "participants": [
        {
            "participant": {"id": "T-0001", "age_at_entry": 30},
            "profile": {
                "gender": "woman",
                "labour_market_status": "unemployed",
                "education": "isced_0_2",
            },
            "periods": [{"entry": "2016-03-01", "exit": "2016-06-01"}],
            "events": [
                {
                    "type": "employment_started",
                    "date": "2016-05-29",
                    "source": "register",
                    "kind": "open_labour_market",
                },
                {
                    "type": "qualification_gained",
                    "date": "2016-05-20",
                    "source": "document",
                    "kind": "vocational",
                },
            ],
        }
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    return path


def test_migrate_writes_a_version_2_document_with_the_job_as_an_open_spell(
    capsys, v1_file, tmp_path
) -> None:
    target = tmp_path / "new.json"
    status, _, err = run(capsys, "migrate", str(v1_file), "-o", str(target))
    assert status == 0
    assert "written as version 2" in err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema_version"] == 2
    record = document["participants"][0]
    assert record["situations"] == [
        {
            "type": "employment",
            "start": "2016-05-29",
            "source": "register",
            "kind": "open_labour_market",
        }
    ]
    assert [e["type"] for e in record["events"]] == ["qualification_gained"]
    assert loads(target.read_text(encoding="utf-8")) == loads(json.dumps(V1))


def test_migrate_reports_every_problem_of_an_invalid_document(capsys, tmp_path) -> None:
    broken = json.loads(json.dumps(V1))
    broken["participants"][0]["events"][0]["date"] = "2016-02-30"
    broken["participants"][0]["events"][1]["kind"] = "juggling"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    target = tmp_path / "new.json"
    status, out, _ = run(capsys, "migrate", str(path), "-o", str(target))
    assert status == 1
    # Where they are in the document as written, not in its migrated form.
    assert "$.participants[0].events[0].date: '2016-02-30' is not a date in the calendar" in out
    assert "$.participants[0].events[1].kind: unknown EducationKind 'juggling'" in out
    assert not target.exists()


def test_migrate_of_a_missing_file_is_exit_status_2(capsys, tmp_path) -> None:
    status, _, err = run(capsys, "migrate", str(tmp_path / "nope.json"))
    assert status == 2
    assert "cannot read" in err


def test_explain_says_why_the_person_is_counted(capsys, v1_file) -> None:
    status, out, _ = run(
        capsys, "explain", str(v1_file), "--participant", "T-0001", "--code", "EECR04"
    )
    assert status == 0
    assert "T-0001 in EECR04" in out
    assert ": counted" in out
    assert "employment spell 2016-05-29–open" in out


def test_explain_without_a_code_gives_a_line_per_indicator(capsys, v1_file) -> None:
    status, out, _ = run(
        capsys, "explain", str(v1_file), "--participant", "T-0001", "--year", "2016"
    )
    assert status == 0
    lines = dict(line.split(": ", 1) for line in out.splitlines())
    # A 2015–2018 programme: the 2014–2020 set, then the seed figures, and no other.
    assert lines["CR04"] == "counted"
    assert lines["CR01"] == "in scope, not in the population"
    assert lines["COTOTAL"] == "counted"
    assert not any(code.startswith("EE") for code in lines)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--participant", "T-9999"), "no participant 'T-9999'"),
        (("--participant", "T-0001", "--code", "NOPE"), "unknown indicator 'NOPE'"),
        (("--participant", "T-0001", "--year", "99999"), "the programme has no year 99999"),
        (("--participant", "T-0001", "--year", "2015"), "the programme has no year 2015"),
    ],
)
def test_explain_refuses_an_unknown_participant_or_code(capsys, v1_file, argv, message) -> None:
    status, _, err = run(capsys, "explain", str(v1_file), *argv)
    assert status == 2
    assert message in err


def test_deprecated_event_names_still_build_the_spell_with_a_warning() -> None:
    import pendulum

    with pytest.warns(DeprecationWarning, match="EmploymentStarted is deprecated"):
        spell = h.EmploymentStarted(
            date=pendulum.date(2016, 5, 1),
            source=h.InformationSource.REGISTER,
            kind=h.EmploymentKind.OPEN_LABOUR_MARKET,
        )
    assert spell == h.Employment(
        start=pendulum.date(2016, 5, 1),
        source=h.InformationSource.REGISTER,
        kind=h.EmploymentKind.OPEN_LABOUR_MARKET,
    )
