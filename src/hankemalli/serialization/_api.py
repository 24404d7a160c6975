"""Reading and writing documents: the public functions of :mod:`hankemalli.serialization`."""

from __future__ import annotations

import json
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from ..model import Dataset
from ..model._errors import DataError, Problem
from ._converter import converter
from ._errors import problems_from

__all__ = ["dumps", "from_dict", "loads", "read", "to_dict", "write"]

T = TypeVar("T")


def to_dict(obj: object) -> Any:
    """The JSON-like form of a model object: dicts, lists, strings, numbers, booleans."""
    return converter.unstructure(obj, type(obj))


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from JSON-like data; raise :class:`DataError` with every problem."""
    try:
        return converter.structure(data, cls)
    except DataError:
        raise
    except Exception as exc:  # cattrs errors carry the problems
        raise DataError(problems_from(exc)) from None


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """The JSON text of a model object (UTF-8, keys in the model's order)."""
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False)


def loads(text: str | bytes, cls: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Read JSON text as a ``cls`` (a :class:`Dataset` unless told otherwise).

    Raises :class:`DataError` listing every problem, each with its JSON path.
    """
    try:
        # Decimals keep what the writer typed (0.1 stays exactly 0.1).
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise DataError(
            [
                Problem(
                    path=(),
                    message=f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                )
            ]
        ) from None
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(path=(), message=f"not valid JSON: not UTF-8 text (byte {exc.start})")]
        ) from None
    return from_dict(data, cls)


def read(path: str | PathLike[str], cls: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Read a JSON document from a file; see :func:`loads`."""
    return loads(Path(path).read_bytes(), cls)


def write(obj: object, path: str | PathLike[str]) -> None:
    """Write a model object to a file as JSON (UTF-8); see :func:`dumps`."""
    Path(path).write_text(dumps(obj) + "\n", encoding="utf-8")
