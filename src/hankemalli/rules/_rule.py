"""A rule of the checks, its severity and its words in Finnish, Swedish and English (sääntö).

A finding's message is a template with named fields, the same fields in every
language (see :class:`~hankemalli.model._language.Message`). A field written
``{name:family}`` names a word: its value is looked up as ``family.value`` in the
rules' terms and given in the message's language (``{status:status}`` with the value
``"employed"`` is "työssä" in Finnish); a term may hold fields of its own, filled
from the same values. Any other field is shown as it is: dates as ``YYYY-MM-DD``,
codes and pseudonyms as the document writes them.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from enum import StrEnum, unique
from typing import Any

from attrs import frozen

from ..model._language import LANGUAGES, Language, Message

__all__ = ["Rule", "Severity", "fill", "language_of"]


@unique
class Severity(StrEnum):
    """How much a finding matters (vakavuus)."""

    ERROR = "error"  #: the figures will be wrong until it is fixed (virhe)
    WARNING = "warning"  #: the figures may be incomplete or doubtful (varoitus)
    NOTE = "note"  #: worth knowing, nothing wrong (huomio)


@frozen(kw_only=True)
class Rule:
    """One rule of the checks (sääntö): its stable code, severity and words.

    ``code`` is public and stable, such as ``"completeness.education"``: a user
    interface may translate by it. ``title`` names the rule in a report's heading;
    ``message`` is the template of each finding's message.
    """

    code: str
    severity: Severity
    title: Message
    message: Message


class _Filler(string.Formatter):
    def __init__(
        self, language: Language, params: Mapping[str, str], terms: Mapping[str, Message]
    ) -> None:
        super().__init__()
        self.language = language
        self.params = params
        self.terms = terms

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec:
            term = self.terms.get(f"{format_spec}.{value}")
            if term is not None:
                return self.vformat(term.template(self.language), (), self.params)
        return str(value)


def fill(
    message: Message,
    language: str,
    params: Mapping[str, str],
    terms: Mapping[str, Message],
) -> str:
    """``message`` in ``language`` with its fields filled from ``params``.

    A ``{name:family}`` field is the term ``family.value`` in ``language`` (the value
    itself if there is no such term). Raises :class:`ValueError` for a language other
    than fi, sv and en.
    """
    known = language_of(language)
    return _Filler(known, params, terms).vformat(message.template(known), (), params)


def language_of(language: str) -> Language:
    """``language`` as one of fi, sv and en; :class:`ValueError` for any other."""
    for known in LANGUAGES:
        if language == known:
            return known
    raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
