from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from hankemalli.serialization import to_dict


def _load_builders() -> ModuleType:
    # tests/_builders.py is loaded by file: with --import-mode=importlib and no
    # pythonpath, "tests" is not an importable package on every pytest version.
    name = "hankemalli_test_builders"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).parents[1] / "_builders.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


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
