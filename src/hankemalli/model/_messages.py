"""Problem codes and their messages in Finnish, Swedish and English (virhekoodit).

Every :class:`~hankemalli.model.Problem` the library raises carries a stable code,
such as ``"date.format"``, and the values its message is built from. A user
interface shows the message in its own language with :meth:`Problem.text`, or
translates by the code itself. Codes are public: they are never renamed, and a new
one comes in a minor release (docs/compatibility.md); messages may be reworded.

A message is a template for :meth:`str.format` with named fields, the same fields in
every language (see :class:`Message`). The English template is the one
:attr:`Problem.message` holds. :data:`MESSAGES` is a read-only view of every code:
those of the model and of reading a JSON document are all in
:mod:`._catalogue`; another layer of hankemalli adds its own with
:func:`register`, which refuses a code that is already there or a message whose
languages disagree on their fields.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from ._catalogue import PROBLEMS
from ._language import LANGUAGES, Language, Message
from ._terms import HIDDEN_VALUE, PHRASES, TERMS

__all__ = [
    "HIDDEN_VALUE",
    "LANGUAGES",
    "MESSAGES",
    "PHRASES",
    "TERMS",
    "UNSPECIFIED",
    "Language",
    "Message",
    "fill",
    "phrase",
    "register",
    "render",
]

#: The code of a problem raised without one (by code outside the library).
UNSPECIFIED: Final = "unspecified"

_MESSAGES: dict[str, Message] = dict(PROBLEMS)

#: Every problem code the library raises, with its message in each language.
MESSAGES: Final[Mapping[str, Message]] = MappingProxyType(_MESSAGES)

# A term may hold fields of its own, and a value of one of them could name another
# term; this deep and no deeper, so no chain of terms is followed for ever.
_DEEPEST_TERM = 3


def register(messages: Mapping[str, Message]) -> None:
    """Add problem codes of another layer of hankemalli to :data:`MESSAGES`.

    Each code must be new, lower-case and dotted, and each message must have the
    same fields in Finnish, Swedish and English; otherwise nothing is added and
    :class:`ValueError` says why.
    """
    for code, message in messages.items():
        if code in _MESSAGES or code == UNSPECIFIED:
            raise ValueError(f"the problem code {code!r} is already in the catalogue")
        if not code.replace("_", "").replace(".", "").isalnum() or code != code.lower():
            raise ValueError(f"a problem code is lower-case and dotted, not {code!r}")
        if len({message.fields(language) for language in LANGUAGES}) != 1:
            raise ValueError(f"the languages of {code!r} do not have the same fields")
    _MESSAGES.update(messages)


class _Formatter(string.Formatter):
    """Fills a template in one language: ``{name:term}`` and ``{name:count}`` fields too.

    A missing parameter is shown as its field, ``{name}``, so that a message always
    renders; a value that names no term stands for itself.
    """

    def __init__(self, language: Language, params: Mapping[str, str], depth: int = 0) -> None:
        super().__init__()
        self.language = language
        self.params = params
        self.depth = depth

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        value = self.params.get(str(key))
        if value is None:
            return f"{{{key}}}"
        if value == HIDDEN_VALUE:
            return TERMS["value.hidden"].template(self.language)
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        text = str(value)
        if format_spec == "term":
            term = TERMS.get(text)
            if term is None or self.depth >= _DEEPEST_TERM:
                return text
            inner = _Formatter(self.language, self.params, self.depth + 1)
            return inner.vformat(term.template(self.language), (), {})
        if format_spec == "count":
            return _count(text, self.language)
        return text


def _count(text: str, language: Language) -> str:
    """A whole number as ``language`` writes it: ``1,234`` or ``1 234``; other text as is."""
    if not text.lstrip("-").isdigit() or not text.isascii() or len(text) > 100:
        return text
    grouped = f"{int(text):,}"
    return grouped if language == "en" else grouped.replace(",", " ")


def fill(template: str, language: Language, params: Mapping[str, str]) -> str:
    """``template`` in ``language`` filled with ``params`` (terms and counts too)."""
    return _Formatter(language, params).vformat(template, (), {})


def _check(language: Language) -> Language:
    # Checked all the same: a caller without mypy may pass any text.
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def render(code: str, language: Language, params: Mapping[str, str], fallback: str) -> str:
    """The message of ``code`` in ``language`` filled with ``params``.

    ``fallback`` (the English message the problem was raised with) is returned for
    a code the catalogue does not know.
    """
    language = _check(language)
    message = MESSAGES.get(code)
    if message is None:
        return fallback
    return fill(message.template(language), language, params)


def phrase(key: str, language: Language = "en", **params: str | int) -> str:
    """One of the library's :data:`PHRASES` in ``language``, such as ``"3 ongelmaa"``."""
    language = _check(language)
    texts = {name: str(value) for name, value in params.items()}
    return fill(PHRASES[key].template(language), language, texts)
