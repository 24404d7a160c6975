"""Every example under examples/ runs and prints what it promises.

Each script runs as a subprocess with the current interpreter, from a temporary working
directory, and must exit with status 0 and print its key lines. The notebook is executed
with a python3 kernel and no cell may fail. The comparison scripts must also be able to
fail: given records or targets that disagree with what was published, they exit with 1.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from attrs import evolve

import hankemalli as h
from hankemalli.demo import demo_dataset
from hankemalli.serialization import read, write

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PROSESSI_JSON = EXAMPLES / "prosessi" / "prosessi.json"

#: Each script: the arguments it runs with ({tmp} is the working directory) and lines
#: its output must contain, whole (runs of spaces count as one).
SCRIPTS: dict[str, tuple[list[str], list[str]]] = {
    "kaiku/reproduce.py": (
        [],
        [
            "Job-coaching participants 135 135 ✓",
            "to open labour market or degree-oriented education 44 % 44 % (59/135) ✓",
            "all 13 figures match",
        ],
    ),
    "prosessi/build.py": (
        ["--output", "{tmp}/prosessi.json"],
        ["wrote 100 participant records to {tmp}/prosessi.json"],
    ),
    "prosessi/reproduce.py": (
        [],
        [
            "2016 56 above 26.0 above",
            "2017 38 within 11.6 within",
            "2018 33 within 13.0 within",
            "2016 above both targets, as published ('the targets were clearly exceeded'): ✓",
            "communicated in Oulun TE-toimisto from 2016-10-01",
            "Contact kept after leaving: 39 of 100 leavers",
            "Contacts after leaving: employed by association 5, volunteering 34",
        ],
    ),
    "embedding/sqlite_adapter.py": (
        [],
        [
            "TP-012, stay row 12: $.periods[0].exit: an exit (2022-12-25) cannot come "
            "before its entry (2023-01-24)",
            "TP-007, warning: $.participants[6].profile.education: education (ISCED band) "
            "is not known; the record counts in the grand total only, not in the indicators "
            "[completeness.education]",
            "EEGRANDTOTAL 39 Grand total of participants, incomplete records included",
            "EECO01 38 Total number of participants",
            "EECR04 13 Participants in employment, including self-employment, upon leaving",
            "Aggregate checks (Annex D): all pass",
        ],
    ),
}


def words(line: str) -> str:
    return " ".join(line.split())


def run(script: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def load(script: str) -> ModuleType:
    """Import an example script as a module (its main() does not run)."""
    path = EXAMPLES / script
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_script_is_run_here() -> None:
    found = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.py")}
    assert found == set(SCRIPTS)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_script_runs_and_prints_its_key_lines(script: str, tmp_path: Path) -> None:
    args, expected = SCRIPTS[script]
    result = run(script, tmp_path, *(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [words(line) for line in result.stdout.splitlines()]
    for line in expected:
        assert words(line.format(tmp=tmp_path)) in lines, result.stdout


def test_kaiku_every_published_figure_matches(tmp_path: Path) -> None:
    rows = run("kaiku/reproduce.py", tmp_path).stdout.splitlines()
    table = rows[rows.index(next(r for r in rows if r.startswith("---"))) + 1 :]
    table = table[: table.index("")]
    assert len(table) == 13
    assert all(row.endswith("  ✓") for row in table)
    assert any("44 % (59/135)" in row for row in table)


def test_kaiku_reports_a_mismatch(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    module = load("kaiku/reproduce.py")
    dataset = demo_dataset()
    coached = next(
        i
        for i, r in enumerate(dataset.participants)
        if any(e.service is h.ServiceType.JOB_COACHING for e in r.episodes)
    )
    fewer = dataset.participants[:coached] + dataset.participants[coached + 1 :]
    monkeypatch.setattr(module, "demo_dataset", lambda: evolve(dataset, participants=fewer))
    assert module.main() == 1
    out = capsys.readouterr().out
    assert "Job-coaching participants 135 134 ✗" in map(words, out.splitlines())
    assert "do not match: Job-coaching participants" in out


def test_sqlite_adapter_reads_spells_and_exit_situations() -> None:
    module = load("embedding/sqlite_adapter.py")
    db = sqlite3.connect(":memory:")
    module.fill(db)
    records = list(module.read_records(db))
    assert len(records) == 39
    spells = [s for r in records for s in r.situations]
    assert {type(s) for s in spells} == {h.Employment, h.Education, h.JobSeeking}
    assert any(s.end is None for s in spells)
    assert any(s.end is not None for s in spells)
    recorded = [r for r in records if r.exit_situation is not None]
    assert 0 < len(recorded) < len(records)
    for r in recorded:
        derived = h.derived_upon_leaving(r)
        assert derived is not None
        assert r.exit_situation is not None
        assert (derived.status, derived.in_education) == (
            r.exit_situation.status,
            r.exit_situation.in_education,
        )
    # A situation recorded for another day than the exit is reported and left out.
    who = recorded[0].id
    db.execute("UPDATE leaving SET dated = '2022-01-01' WHERE client = ?", (who,))
    rejected: list[str] = []
    assert len(list(module.read_records(db, rejected))) == 38
    assert len(rejected) == 3  # and the two rows of TP-012, as always
    assert rejected[0].startswith(f"{who}, client row: $.exit_situation.date: ")


def test_prosessi_json_is_a_fresh_build(tmp_path: Path) -> None:
    target = tmp_path / "prosessi.json"
    assert run("prosessi/build.py", tmp_path, "--output", str(target)).returncode == 0
    assert target.read_bytes() == PROSESSI_JSON.read_bytes()


def test_prosessi_fails_when_2016_is_not_above_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    dataset = read(PROSESSI_JSON)
    year, metric = h.TargetPeriod.YEAR, h.TargetMetric
    higher = (
        h.Target(metric=metric.PARTICIPANTS, per=year, minimum=50, maximum=60),
        h.Target(metric=metric.AVERAGE_CONCURRENT, per=year, minimum=20, maximum=30),
    )
    write(evolve(dataset, programme=evolve(dataset.programme, targets=higher)), tmp_path / "p.json")
    module = load("prosessi/reproduce.py")
    monkeypatch.setattr(module, "DATA", tmp_path / "p.json")
    assert module.main() == 1
    assert "clearly exceeded'): ✗" in capsys.readouterr().out


def test_docs_show_the_kaiku_output_as_it_is(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "examples.md").read_text("utf-8")
    shown = re.search(r"```text\n(KAIKU: .*?)```", page, re.S)
    assert shown, "docs/examples.md shows no KAIKU output"
    assert shown[1] == run("kaiku/reproduce.py", tmp_path).stdout


def test_docs_show_excerpts_of_the_real_output(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "examples.md").read_text("utf-8")
    marked = re.findall(r"<!-- output of examples/(\S+) -->\n```text\n(.*?)```", page, re.S)
    assert {script for script, _ in marked} == {
        "prosessi/reproduce.py",
        "embedding/sqlite_adapter.py",
    }
    for script, excerpt in marked:
        output = run(script, tmp_path).stdout
        assert output.startswith(excerpt), f"docs/examples.md shows an old output of {script}"


def test_notebook_is_stored_without_outputs() -> None:
    import nbformat

    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    assert all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_without_errors(tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError if a cell fails
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors
    printed = "".join(
        o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
    )
    assert "job coaching: 59 of 135 placed (44 %)" in printed
    for chart in ("targets.png", "pathways.png"):
        assert (tmp_path / chart).stat().st_size > 10_000
