"""Problem codes and their messages in Finnish, Swedish and English (virhekoodit).

Every :class:`~hankemalli.model.Problem` the library raises carries a stable code,
such as ``"date.format"``, and the values its message is built from. A user
interface shows the message in its own language with :meth:`Problem.text`, or
translates by the code itself. Codes are public: they are renamed or removed only
under the compatibility policy (docs/compatibility.md); messages may be reworded.

A message is a template for :meth:`str.format` with named fields, the same fields in
every language. The English template is the one :attr:`Problem.message` holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from attrs import frozen

__all__ = ["LANGUAGES", "MESSAGES", "Language", "Message", "render"]

#: A language a message is written in: Finnish, Swedish or English.
Language = Literal["fi", "sv", "en"]

#: The languages of every message, in the order the documentation lists them.
LANGUAGES: Final[tuple[Language, ...]] = ("fi", "sv", "en")

#: The code of a problem raised without one (by code outside the library).
UNSPECIFIED: Final = "unspecified"


@frozen(kw_only=True)
class Message:
    """One problem's message in each language (virheilmoitus), as templates."""

    fi: str
    sv: str
    en: str

    def template(self, language: Language) -> str:
        """The template in ``language``."""
        return {"fi": self.fi, "sv": self.sv, "en": self.en}[language]


#: Every problem code the library raises, with its message in each language.
MESSAGES: Final[Mapping[str, Message]] = {}


def render(code: str, language: Language, params: Mapping[str, str], fallback: str) -> str:
    """The message of ``code`` in ``language`` filled with ``params``.

    ``fallback`` (the English message the problem was raised with) is returned for
    a code the catalogue does not know.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    message = MESSAGES.get(code)
    if message is None:
        return fallback
    return message.template(language).format_map(params)
