"""The project's quality gates, run by the test command: lint, format, types and docs.

Each tool runs with the current interpreter from the repository root, so the test
command needs nothing else installed; a failure shows the tool's own output.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_tool(*args: str) -> None:
    """Run ``python -m <args>`` in the repository root and fail with its output."""
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(args)} exited with {result.returncode}\n{result.stdout}\n{result.stderr}"
    )


def test_ruff_check() -> None:
    run_tool("ruff", "check", "src", "tests")


def test_ruff_format() -> None:
    run_tool("ruff", "format", "--check", "src", "tests")


def test_mypy_strict() -> None:
    # Strictness and the files (src) come from [tool.mypy] in pyproject.toml.
    run_tool("mypy")


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    run_tool("sphinx", "-W", "--keep-going", "-b", "html", "docs", str(tmp_path))
