from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from hankemalli.serialization import to_dict


def _load(name: str, file: str) -> ModuleType:
    # A helper under tests/ is loaded by file: with --import-mode=importlib and no
    # pythonpath, "tests" is not an importable package on every pytest version.
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / file)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _load_builders() -> ModuleType:
    return _load("hankemalli_test_builders", "_builders.py")


# Loaded now, before the test modules beside this file, which may take it from
# sys.modules under its name at import time.
_load_builders()


@pytest.fixture
def build() -> ModuleType:
    """The builders of small valid objects and the error helpers (tests/_builders.py)."""
    return _load_builders()


@pytest.fixture
def full_dataset(build):
    """A dataset that uses every class, every event kind and every code list."""
    return build.full_dataset()


@pytest.fixture
def document(full_dataset):
    """The JSON-like form of :func:`full_dataset`, fresh for each test to break."""
    return to_dict(full_dataset)


@pytest.fixture(autouse=True)
def _each_test_reads_with_a_fresh_converter(fresh_converter):
    """Every serialization test reads and writes with hooks built while it runs."""
    return fresh_converter


def _load_problem_codes() -> ModuleType:
    return _load("hankemalli_test_problem_codes", "_problem_codes.py")


#: The test modules here whose every DataError is checked for codes and languages
#: (tests/_problem_codes.py); a module another part of the project adds is not.
CODED_MODULES = (
    "test_errors",
    "test_hostile",
    "test_messages",
    "test_migration",
    "test_roundtrip",
)

coded_problems = _load_problem_codes().coded_problems


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hand_made_problems: the test makes problems without a code by hand"
    )


@pytest.fixture(autouse=True)
def _every_problem_is_coded(request: pytest.FixtureRequest) -> None:
    if request.module.__name__.rpartition(".")[2] in CODED_MODULES:
        request.getfixturevalue("coded_problems")
