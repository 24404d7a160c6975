"""The languages of hankemalli's messages, and a text written in each (kieli, viesti).

A :class:`Message` holds one text in Finnish, Swedish and English, as templates for
:meth:`str.format` with named fields. The catalogues of problem codes
(:mod:`._catalogue`) and of the words and phrases around them (:mod:`._terms`) are
made of them; :mod:`._messages` fills them in.
"""

from __future__ import annotations

import string
from typing import Final, Literal

from attrs import frozen

__all__ = ["LANGUAGES", "Language", "Message"]

#: A language a message is written in: Finnish, Swedish or English.
Language = Literal["fi", "sv", "en"]

#: The languages of every message, in the order the documentation lists them.
LANGUAGES: Final[tuple[Language, ...]] = ("fi", "sv", "en")


@frozen(kw_only=True)
class Message:
    """One text in each language (viesti), as templates with the same named fields.

    A field is written ``{name}``, or ``{name:term}`` when its value names a word of
    :data:`~._terms.TERMS` to be given in the message's language, or
    ``{name:count}`` for a whole number written as the language writes numbers
    (``1,234`` in English, ``1 234`` in Finnish and Swedish).
    """

    fi: str
    sv: str
    en: str

    def template(self, language: Language) -> str:
        """The template in ``language``."""
        return {"fi": self.fi, "sv": self.sv, "en": self.en}[language]

    def fields(self, language: Language) -> frozenset[tuple[str, str]]:
        """The fields of the template in ``language``: each name with its format spec."""
        return frozenset(
            (name, spec or "")
            for _, name, spec, _ in string.Formatter().parse(self.template(language))
            if name is not None
        )
