"""The README's Quickstart, CI script and the examples in README.md and docs/ are tested.

Every ```python block of a page runs, in order, in one namespace of its own per page,
with a temporary directory as the working directory. A block right after a
``<!-- no-test -->`` line is skipped. A ```json block holding a ``"schema_version"`` is a
whole document and must read as a valid Dataset.
"""

import re
from pathlib import Path

import pytest

from hankemalli import Dataset
from hankemalli.serialization import loads

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, *sorted(p for p in (ROOT / "docs").rglob("*.md") if "_build" not in p.parts)]

NO_TEST = "<!-- no-test -->"
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def blocks(text: str, language: str) -> list[tuple[int, str]]:
    """``(line, code)`` of each fenced block in ``language`` not marked no-test."""
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if match[1] == language and before.strip() != NO_TEST:
            found.append((text.count("\n", 0, match.start()) + 2, match[2]))
    return found


def pages_with(language: str, marker: str = "") -> list[Path]:
    """The pages that have a tested block in ``language`` (containing ``marker``)."""
    return [
        p
        for p in PAGES
        if any(marker in code for _, code in blocks(p.read_text("utf-8"), language))
    ]


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def quickstart_commands() -> list[str]:
    """The command lines of the README's Quickstart section (shell blocks, no comments)."""
    section = re.search(r"^## Quickstart\n(.*?)(?=^## |\Z)", README.read_text("utf-8"), re.M | re.S)
    assert section, "README.md has no '## Quickstart' section"
    commands = []
    for match in FENCE.finditer(section[1]):
        if match[1] in ("sh", "bash", "shell", "console"):
            lines = (line.strip().removeprefix("$ ") for line in match[2].splitlines())
            commands += [line for line in lines if line and not line.startswith("#")]
    return commands


def test_quickstart_has_exactly_two_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2, commands
    demo, tests = commands
    assert "-m hankemalli demo" in demo
    assert "-m pytest" in tests


def test_ci_runs_the_quickstart_test_command_verbatim() -> None:
    script = ROOT / ".ci" / "run"
    lines = script.read_text("utf-8").splitlines()
    assert quickstart_commands()[1] in lines
    assert "set -euo pipefail" in lines
    assert script.stat().st_mode & 0o111, ".ci/run is not executable"


def test_marked_blocks_are_skipped_and_lines_counted() -> None:
    text = "a\n```python\nx = 1\n```\n<!-- no-test -->\n```python\nraise\n```\n"
    assert blocks(text, "python") == [(3, "x = 1\n")]


@pytest.mark.parametrize("page", pages_with("python"), ids=page_id)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_example_{page.stem}"}
    for line, code in blocks(page.read_text("utf-8"), "python"):
        # Padding keeps the line numbers of a traceback those of the page.
        exec(compile("\n" * (line - 1) + code, str(page), "exec"), namespace)


@pytest.mark.parametrize("page", pages_with("json", '"schema_version"'), ids=page_id)
def test_json_documents_are_valid(page: Path) -> None:
    for _, code in blocks(page.read_text("utf-8"), "json"):
        if '"schema_version"' in code:
            assert isinstance(loads(code), Dataset)
