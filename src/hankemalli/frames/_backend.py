"""From columns of Python values to a frame of the user's library, through narwhals.

narwhals makes the frame, so hankemalli depends on none of pandas, polars and
pyarrow: the user's choice of ``backend`` is imported when a frame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any, Literal

import narwhals.stable.v2 as nw

from ._columns import Columns, Kind

__all__ = ["BACKENDS", "make_frame"]

_Name = Literal["pandas", "polars", "pyarrow"]

#: The dataframe libraries a frame can be made in.
BACKENDS: tuple[_Name, ...] = ("pandas", "polars", "pyarrow")

_DTYPES = {
    Kind.TEXT: nw.String(),
    Kind.DATE: nw.Date(),
    Kind.INTEGER: nw.Int64(),
    Kind.BOOLEAN: nw.Boolean(),
    Kind.NUMBER: nw.Float64(),
}
_ALLOWED: dict[nw.Implementation, _Name] = {
    nw.Implementation.PANDAS: "pandas",
    nw.Implementation.POLARS: "polars",
    nw.Implementation.PYARROW: "pyarrow",
}


def _chosen(backend: object) -> tuple[nw.Implementation, ModuleType]:
    """The library ``backend`` names and its module, imported."""
    implementation = nw.Implementation.from_backend(backend)  # type: ignore[arg-type]
    if implementation not in _ALLOWED:
        allowed = ", ".join(repr(name) for name in BACKENDS)
        raise ValueError(
            f"backend: {backend!r} is not a dataframe library hankemalli.frames makes "
            f"frames in; allowed: {allowed} (by name, as the imported module or as a "
            "narwhals Implementation)"
        )
    return implementation, _require(implementation, f"backend={_ALLOWED[implementation]!r}")


def _require(implementation: nw.Implementation, why: str) -> ModuleType:
    name = _ALLOWED[implementation]
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(
            f"{why} needs {name}, which is not installed: pip install {name}"
        ) from exc


def make_frame(columns: Columns, data: Mapping[str, Sequence[object]], backend: object) -> Any:
    """A native frame of ``backend`` with ``columns`` in order, holding ``data``.

    pandas has no date type of its own, so a pandas frame is made with pyarrow-backed
    columns (``string[pyarrow]``, ``date32[pyarrow]``, ``int64[pyarrow]``,
    ``bool[pyarrow]``, ``double[pyarrow]``), which also keep nulls in whole numbers
    and truth values; it needs pyarrow.
    """
    implementation, module = _chosen(backend)
    schema = {name: _DTYPES[kind] for name, kind in columns}
    values = {name: data[name] for name, _ in columns}
    if implementation is not nw.Implementation.PANDAS:
        return nw.from_dict(values, schema, backend=_ALLOWED[implementation]).to_native()
    _require(
        nw.Implementation.PYARROW,
        "backend='pandas' keeps dates in pyarrow-backed columns (pandas has no date type "
        "of its own), so it",
    )
    table = nw.from_dict(values, schema, backend="pyarrow").to_native()
    return table.to_pandas(types_mapper=module.ArrowDtype)
