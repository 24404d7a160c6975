"""Fixtures of the frames tests: each backend, and frames read back as plain rows.

With ``--import-mode=importlib`` test modules cannot import helpers from one another,
so the helpers are fixtures. A backend whose library is not installed is skipped with
the reason (the ``test`` extra installs pandas, polars and pyarrow).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("narwhals", reason="hankemalli.frames needs the 'frames' extra (narwhals)")

import narwhals.stable.v2 as nw

#: Each backend and the libraries it needs (pandas frames keep dates in pyarrow).
NEEDS = {"pandas": ("pandas", "pyarrow"), "polars": ("polars",), "pyarrow": ("pyarrow",)}


def _installed(backend: str) -> bool:
    return all(importlib.util.find_spec(name) is not None for name in NEEDS[backend])


BACKENDS = [
    pytest.param(
        name,
        marks=pytest.mark.skipif(
            not _installed(name), reason=f"{name} is not installed (the 'test' extra has it)"
        ),
    )
    for name in NEEDS
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each dataframe library in turn."""
    return str(request.param)


def _rows(frame: Any) -> list[dict[str, Any]]:
    return nw.from_native(frame, eager_only=True).rows(named=True)


def _schema(frame: Any) -> dict[str, str]:
    return {
        name: str(dtype) for name, dtype in nw.from_native(frame, eager_only=True).schema.items()
    }


@pytest.fixture(scope="session")
def rows() -> Callable[[Any], list[dict[str, Any]]]:
    """A native frame of any backend as a list of rows, each a dict of Python values.

    A pure function, so it is session-wide and Hypothesis tests may use it.
    """
    return _rows


@pytest.fixture(scope="session")
def schema() -> Callable[[Any], dict[str, str]]:
    """A native frame's column names and narwhals types (``Date``, ``String``, ...)."""
    return _schema
