"""Pseudonymous identifiers and the personal data they must not contain.

Participants are known to hankemalli only by a pseudonym (pseudonyymi tunniste)
that the association's own system keeps the key to. An identifier that looks like a
Finnish personal identity code (henkilötunnus), an e-mail address or a phone number
is refused: such data must never travel in a hankemalli record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._errors import Problem

__all__ = ["PSEUDONYM_PATTERN", "identifier_problems", "pseudonym_problems"]

#: What a pseudonym may look like: 1–64 letters, digits and ``. _ : -``, no spaces.
PSEUDONYM_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")

# Finnish personal identity code: DDMMYY, a century sign, three digits and a check
# character. The century signs are those valid since 2023 (+, -, A–F, U–Y).
_HETU = re.compile(r"(?<!\d)\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]", re.IGNORECASE | re.ASCII)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_SEPARATORS = re.compile(r"[\s\-().]")
# After dropping separators: an international (+358…, 00358…) or a national number
# (0…) with at least seven digits after the prefix.
_PHONE = re.compile(r"(?:\+|00)\d{7,15}|0\d{6,11}")


def pseudonym_problems(name: str, value: object) -> Iterator[Problem]:
    """Yield what is wrong with ``value`` as a participant's pseudonym."""
    if not isinstance(value, str):
        yield Problem(path=(name,), message=f"expected text, got {type(value).__name__}")
        return
    if _HETU.search(value):
        yield Problem(
            path=(name,),
            message="looks like a Finnish personal identity code (henkilötunnus); "
            "use a pseudonym that your own system maps to the person",
        )
    elif _EMAIL.search(value):
        yield Problem(
            path=(name,),
            message="looks like an e-mail address; use a pseudonym instead",
        )
    elif _PHONE.fullmatch(_SEPARATORS.sub("", value)):
        yield Problem(
            path=(name,),
            message="looks like a phone number; use a pseudonym instead",
        )
    else:
        yield from identifier_problems(name, value, "participant")


def identifier_problems(name: str, value: object, what: str) -> Iterator[Problem]:
    """Yield a problem if ``value`` is not a valid identifier of a ``what``."""
    if not isinstance(value, str) or not PSEUDONYM_PATTERN.fullmatch(value):
        yield Problem(
            path=(name,),
            message=f"not a valid {what} identifier {value!r}: use 1–64 letters, digits "
            "and '.', '_', ':', '-', starting with a letter or digit, no spaces",
        )
