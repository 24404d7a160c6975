"""Findings: what a check has to say about data, returned rather than raised (havainto)."""

from __future__ import annotations

from enum import StrEnum, unique

from attrs import frozen

from ..model._errors import PathPart, format_path

__all__ = ["Finding", "Severity"]


@unique
class Severity(StrEnum):
    """How much a finding matters (vakavuus)."""

    ERROR = "error"  #: the figures will be wrong until it is fixed (virhe)
    WARNING = "warning"  #: the figures may be incomplete or doubtful (varoitus)
    NOTE = "note"  #: worth knowing, nothing wrong (huomio)


@frozen(kw_only=True)
class Finding:
    """One thing a check found (havainto): which rule, how serious, where and what.

    ``path`` points into the dataset document, as in :class:`~hankemalli.DataError`;
    ``rule`` is a stable code such as ``"completeness.education"``.
    """

    rule: str
    severity: Severity
    path: tuple[PathPart, ...]
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {format_path(self.path)}: {self.message} [{self.rule}]"
