"""Reading and writing documents: the public functions of :mod:`hankemalli.serialization`."""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from .._files import write_atomically
from ..model import Dataset
from ._converter import converter
from ._errors import Found
from ._fast import fast_dataset
from ._json import parse, structure_problems

__all__ = ["dumps", "from_dict", "loads", "read", "to_dict", "write"]

T = TypeVar("T")


def to_dict(obj: object) -> Any:
    """The JSON-like form of a model object: dicts, lists, strings, numbers, booleans."""
    return converter.unstructure(obj, type(obj))


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from JSON-like data; raise :class:`DataError` with every problem.

    Any data at all either builds or raises :class:`DataError`: data nested
    more than 32 arrays and objects deep (even data that contains itself) and keys
    repeated in an object (which :func:`loads` finds) are reported with the other
    problems. Only a ``MemoryError`` goes up as it is: it says nothing about the data.
    """
    found = Found()
    found.extend(structure_problems(data))
    try:
        result: T = converter.structure(data, cls)
    except MemoryError:
        raise
    except Exception as exc:  # every problem, from anywhere below, is reported
        found.add_exception(exc)
    if found:
        raise found.error() from None
    return result


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """The JSON text of a model object (UTF-8, keys in the model's order)."""
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False)


def loads(text: str | bytes, cls: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Read JSON text as a ``cls`` (a :class:`Dataset` unless told otherwise).

    Raises :class:`DataError` listing every problem, each with its JSON path, for
    any text or bytes whatever: bytes must be UTF-8, and the rules for hostile
    input in ``docs/serialization.md`` apply (no repeated keys, numbers and nesting
    within bounds).

    A valid document is read by a fast path that proves it valid in one walk
    (:mod:`._fast`); any other is read the full way, which finds its problems.
    The result, and every problem reported, are the same either way.
    """
    if cls is Dataset:
        dataset = fast_dataset(text)
        if dataset is not None:
            return dataset  # type: ignore[return-value]
    return from_dict(parse(text), cls)


def read(path: str | PathLike[str], cls: type[T] = Dataset) -> T:  # type: ignore[assignment]
    """Read a JSON document from a file; see :func:`loads`."""
    return loads(Path(path).read_bytes(), cls)


def write(obj: object, path: str | PathLike[str]) -> None:
    """Write a model object to a file as JSON (UTF-8); see :func:`dumps`.

    The file is written whole or not at all: to a temporary file beside it, then
    renamed over it, so a failure never leaves a truncated file.
    """
    write_atomically(Path(path), dumps(obj) + "\n")
