"""Turning what went wrong while reading a document into :class:`Problem` objects."""

from __future__ import annotations

from attrs import fields, has
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ..model._errors import DataError, PathPart, Problem

__all__ = ["InvalidValueError", "problems_from"]


class InvalidValueError(ValueError):
    """A value that cannot be read as the type asked for; its message says why.

    ``at`` names a key inside the value when the problem is there (an event's tag).
    """

    def __init__(self, message: str, *, at: PathPart | None = None) -> None:
        super().__init__(message)
        self.at: tuple[PathPart, ...] = () if at is None else (at,)


def problems_from(exc: BaseException, path: tuple[PathPart, ...] = ()) -> list[Problem]:
    """Every problem in ``exc``, a cattrs error tree or a :class:`DataError`, with paths."""
    if isinstance(exc, DataError):
        return [p.under(*path) for p in exc.details]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in exc.exceptions:
            found.extend(problems_from(sub, (*path, *_step(sub))))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(_allowed_keys(exc.cl)) or "none"
        return [
            Problem(path=(*path, key), message=f"unknown key; allowed keys: {allowed}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, InvalidValueError):
        return [Problem(path=(*path, *exc.at), message=str(exc))]
    return [Problem(path=path, message=_message(exc))]


def _step(exc: BaseException) -> tuple[PathPart, ...]:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()


def _allowed_keys(cl: type) -> list[str]:
    return [a.name for a in fields(cl)] if has(cl) else []


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "required key is missing"
    return f"invalid value ({type(exc).__name__}: {exc})"
