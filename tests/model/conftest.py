from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


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


@pytest.fixture
def build() -> ModuleType:
    """The builders of small valid objects and the error helpers (tests/_builders.py)."""
    return _load_builders()
