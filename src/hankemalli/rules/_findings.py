"""Findings: what a check has to say about data, returned rather than raised (havainto)."""

from __future__ import annotations

from attrs import evolve, frozen

from ..model._errors import PathPart, format_path
from ._messages import RULES, TERMS
from ._rule import Severity, fill, language_of

__all__ = ["Finding", "finding"]


@frozen(kw_only=True)
class Finding:
    """One thing a check found (havainto): which rule, how serious, where and what.

    ``path`` points into the dataset document, as in :class:`~hankemalli.DataError`;
    ``rule`` is the rule's stable code such as ``"completeness.education"`` (see
    :data:`~hankemalli.rules.RULES`). ``message`` says what was found, in English;
    ``params`` are the values it is built from, as text, and :meth:`text` gives it
    in Finnish, Swedish or English.
    """

    rule: str
    severity: Severity
    path: tuple[PathPart, ...]
    message: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, language: str = "en") -> str:
        """The message in ``language`` (``"fi"``, ``"sv"`` or ``"en"``).

        A finding of a rule the catalogue does not know (made outside the library)
        keeps its own ``message``.
        """
        rule = RULES.get(self.rule)
        if rule is None:
            language_of(language)  # checked all the same
            return self.message
        return fill(rule.message, language, dict(self.params), TERMS)

    def under(self, *prefix: PathPart) -> Finding:
        """The same finding seen from an enclosing object, at ``prefix``."""
        return evolve(self, path=(*prefix, *self.path))

    def __str__(self) -> str:
        return f"{self.severity}: {format_path(self.path)}: {self.message} [{self.rule}]"


def finding(code: str, path: tuple[PathPart, ...], /, **params: object) -> Finding:
    """A finding of the rule ``code`` at ``path``, its message filled from ``params``."""
    rule = RULES[code]
    values = tuple((name, str(value)) for name, value in params.items())
    return Finding(
        rule=code,
        severity=rule.severity,
        path=path,
        message=fill(rule.message, "en", dict(values), TERMS),
        params=values,
    )
