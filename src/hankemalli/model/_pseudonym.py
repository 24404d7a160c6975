"""Pseudonymous identifiers, and the personal data that no text may hold.

Participants are known to hankemalli only by a pseudonym (pseudonyymi tunniste)
that the association's own system keeps the key to. An identifier that looks like a
Finnish personal identity code (henkilötunnus), an e-mail address or a phone number
is refused: such data must never travel in a hankemalli record.

The same detectors look into free text. A personal identity code is refused in
every text of the model; an e-mail address or a phone number is refused in every
text of a participant's record (episode providers and labels, event labels), while
the programme's own texts (organisation and partner names, areas, the operating
models and instruments) may hold the association's public contact details.

Every detector takes time linear in the length of the text, whatever the text: a
hostile 50 MB value is checked as fast as it is read (see :func:`find_in_text`).
A message never repeats the value it found personal data in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ._errors import PathPart, Problem, problem, shown
from ._terms import HIDDEN_VALUE

__all__ = [
    "EMAIL",
    "IDENTITY_CODE",
    "PHONE",
    "PSEUDONYM_LENGTH",
    "PSEUDONYM_PATTERN",
    "find_in_identifier",
    "find_in_text",
    "identifier_problems",
    "personal_data_problems",
    "pseudonym_problems",
    "shown_safely",
]

#: The longest pseudonym or identifier, in characters.
PSEUDONYM_LENGTH = 64

#: What a pseudonym may look like: 1–64 letters, digits and ``. _ : -``, no spaces.
PSEUDONYM_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")

#: The kinds of personal data the detectors find, as a message names them.
IDENTITY_CODE = "a Finnish personal identity code (henkilötunnus)"
EMAIL = "an e-mail address"
PHONE = "a phone number"

# Each kind as a message's parameter names it (a term of ._terms, given in each language).
_TERMS = {IDENTITY_CODE: "personal.identity_code", EMAIL: "personal.email", PHONE: "personal.phone"}

# Finnish personal identity code: DDMMYY (a day 01–31 and a month 01–12), a century
# sign, three digits and a check character. The century signs are those valid since
# 2023 (+, -, A–F, U–Y). Fixed width: one attempt per position, so linear.
_HETU = re.compile(
    r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d[-+A-FU-Y]\d{3}[0-9A-Y]",
    re.IGNORECASE | re.ASCII,
)
_HETU_LENGTH = 11  # DDMMYY, the century sign, three digits and the check character
# One character of a local part, '@', a domain with a dot inside it. Starting with a
# single character (not a run) keeps the search linear: a position is tried only
# where '@' follows it, and the domain runs after different '@'s do not overlap.
_EMAIL = re.compile(r"[^\s@]@[^\s@]+\.[^\s@]")
# A phone number in free text starts with '+', '0' or '(0', not right after a digit
# (nor a digit and a space or hyphen: "1 040 500 000" is an amount), and goes on in
# digits, brackets and single spaces or hyphens. The match takes the whole run
# (possessively: it never gives back), so no character is looked at twice;
# :func:`_is_phone` then judges it.
_PHONE_RUN = re.compile(r"(?<![\d+])(?<!\d[ \-])(?:\+|\(?0)(?:[\d()]++|[ \-](?=\(?\d))*+", re.ASCII)
_GROUPS = re.compile(r"[ \-]")
_NOT_DIGITS = str.maketrans("", "", "+() -")
# In an identifier, the whole value after dropping separators: an international
# (+358…, 00358…) or a national number (0…) with at least seven digits after the prefix.
_SEPARATORS = re.compile(r"[\s\-().]")
_LEADING_SEPARATORS = " \t\n\r\f\v-()."
_PHONE_IDENTIFIER = re.compile(r"(?:\+|00)\d{7,15}|0\d{6,11}", re.ASCII)
# Text without any digit (of any script) or '@' (or its small or fullwidth form)
# holds none of the three, in any spelling.
_CANNOT_HOLD_ANY = re.compile(r"[^\d@\ufe6b\uff20]*")


def _is_date(digits: str) -> bool:
    """True for eight digits that read as a date DDMMYYYY from 1900 to 2099."""
    if len(digits) != 8:
        return False
    day, month, century = int(digits[:2]), int(digits[2:4]), digits[4:6]
    return 1 <= day <= 31 and 1 <= month <= 12 and century in ("19", "20")


def _is_phone(run: str) -> bool:
    """True if a run of digits, brackets and separators reads as a phone number.

    International (+358 40 123 4567, 00358…): 7–15 digits after the prefix, not
    starting with 0. National (040 123 4567, (09) 1234 5678): 7–12 digits, the
    second not 0. Groups are at least two digits long (the one after the country
    code may be one: +358 9…), so a list such as "0 1 2 3 4 5 6" is no number, and
    a date written 01-03-2016 is not one either.
    """
    digits = run.translate(_NOT_DIGITS)
    if not 7 <= len(digits) <= 17:
        return False
    sizes = [len(group.translate(_NOT_DIGITS)) for group in _GROUPS.split(run)]
    if run.startswith("+") or digits.startswith("00"):
        rest = digits if run.startswith("+") else digits[2:]
        return 7 <= len(rest) <= 15 and rest[0] != "0" and min(sizes[2:], default=2) >= 2
    return len(digits) <= 12 and digits[1] != "0" and min(sizes) >= 2 and not _is_date(digits)


def _find(text: str, contacts: bool) -> tuple[str, int] | None:
    hetu = _HETU.search(text)
    if hetu is not None:
        return IDENTITY_CODE, hetu.start()
    if not contacts:
        return None
    email = _EMAIL.search(text)
    if email is not None:
        return EMAIL, email.start() + 1
    for run in _PHONE_RUN.finditer(text):
        if _is_phone(run.group()):
            return PHONE, run.start()
    return None


def find_in_text(text: str, *, contacts: bool = True) -> tuple[str, int | None] | None:
    """The first personal data in free text: its kind and where (0-based), or None.

    Looks for a personal identity code and, if ``contacts``, for an e-mail address
    and a phone number. Text in other scripts' compatibility forms (fullwidth
    digits, say) is also looked at in its NFKC form; a find there has no position.
    Linear in the length of the text: every pattern either has a bounded width or
    consumes what it scans.
    """
    if _CANNOT_HOLD_ANY.fullmatch(text):
        return None  # no digit and no '@': nothing to find (a quick look for most text)
    found = _find(text, contacts)
    if found is not None:
        return found
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        hit = _find(unicodedata.normalize("NFKC", text), contacts)
        if hit is not None:
            return hit[0], None
    return None


def find_in_identifier(value: str) -> str | None:
    """The kind of personal data an identifier looks like, or None.

    An identifier is refused if it contains a personal identity code or an e-mail
    address, or if the whole of it (spaces, hyphens, brackets and dots left out) is
    a phone number. Only an identifier's whole value is judged a phone number: the
    digits of "K-01234567" are a record number, not a phone.
    """
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    # An identity code is 11 characters: a shorter identifier holds none.
    if len(value) >= _HETU_LENGTH and _HETU.search(value):
        return IDENTITY_CODE
    if "@" in value and _EMAIL.search(value):
        return EMAIL
    # A phone number starts with '+' or '0' once the separators are left out.
    if value.lstrip(_LEADING_SEPARATORS)[:1] in ("+", "0") and _PHONE_IDENTIFIER.fullmatch(
        _SEPARATORS.sub("", value)
    ):
        return PHONE
    return None


def shown_safely(value: object) -> str:
    """A value as a message may show it (:func:`shown`), unless it looks like personal data.

    Only what would be shown is looked at, so the check costs the same for any value.
    The ellipsis that marks a shortened value is left out of the look: in its NFKC
    form it is three dots, which could make "a@…" look like an e-mail address.
    """
    text = shown(value)
    if find_in_text(text.replace("…", " ")) is not None or (
        isinstance(value, str)
        and len(value) <= PSEUDONYM_LENGTH
        and find_in_identifier(value) is not None
    ):
        return HIDDEN_VALUE
    return text


def personal_data_problems(
    path: tuple[PathPart, ...], text: str, *, contacts: bool
) -> Iterator[Problem]:
    """Yield a problem if free text holds personal data; the text is never repeated.

    A personal identity code is looked for always; an e-mail address and a phone
    number only if ``contacts`` (in the texts of a participant's record).
    """
    found = find_in_text(text, contacts=contacts)
    if found is None:
        return
    kind, at = found
    # Where it was found, when that is known (not in a text's NFKC form).
    where: dict[str, str | int] = (
        {"where": ""} if at is None else {"where": "text.near", "position": at + 1}
    )
    if kind == IDENTITY_CODE:
        yield problem(path, "text.identity_code", **where)
    else:
        yield problem(path, "text.contact_details", kind=_TERMS[kind], **where)


def pseudonym_problems(name: str, value: object) -> Iterable[Problem]:
    """What is wrong with ``value`` as a participant's pseudonym."""
    # Nearly every pseudonym is fine: answered without a generator.
    if (
        type(value) is str
        and len(value) <= PSEUDONYM_LENGTH
        and PSEUDONYM_PATTERN.fullmatch(value)
        and find_in_identifier(value) is None
    ):
        return ()
    return _pseudonym_problems(name, value)


def _pseudonym_problems(name: str, value: object) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield problem((name,), "value.type", expected="expected.text", got=type(value).__name__)
        return
    kind = find_in_identifier(value) if len(value) <= PSEUDONYM_LENGTH else None
    if kind == IDENTITY_CODE:
        yield problem((name,), "pseudonym.identity_code")
    elif kind is not None:
        yield problem((name,), "pseudonym.contact_details", kind=_TERMS[kind])
    else:
        yield from _alphabet_problems(name, value, "id.participant")


#: Identifiers found valid, by their text: a register repeats the same few (episode
#: ids "e0", "e1", dimension ids), and whether one is valid depends on its text alone.
#: Cleared when full, so that no input can make it grow without bound.
_VALID_IDENTIFIERS: set[str] = set()
_VALID_KEPT = 10_000


def identifier_problems(name: str, value: object, what: str) -> Iterable[Problem]:
    """The problem, if any, with ``value`` as an identifier of a ``what``.

    ``what`` names whose identifier it is, as a term of :mod:`._terms` (such as
    ``"id.episode"``). An identifier is never personal data: one that looks like a
    personal identity code, an e-mail address or a phone number is refused without
    being repeated.
    """
    if type(value) is str:
        if value in _VALID_IDENTIFIERS:
            return ()
        found = list(_identifier_problems(name, value, what))
        if not found:
            if len(_VALID_IDENTIFIERS) >= _VALID_KEPT:
                _VALID_IDENTIFIERS.clear()
            _VALID_IDENTIFIERS.add(value)
        return found
    return _identifier_problems(name, value, what)


def _identifier_problems(name: str, value: object, what: str) -> Iterator[Problem]:
    kind = (
        find_in_identifier(value)
        if isinstance(value, str) and len(value) <= PSEUDONYM_LENGTH
        else None
    )
    if kind is not None:
        yield problem((name,), "identifier.personal_data", kind=_TERMS[kind], what=what)
    else:
        yield from _alphabet_problems(name, value, what)


def _alphabet_problems(name: str, value: object, what: str) -> Iterator[Problem]:
    # The length is checked first, so a long value costs nothing more to refuse.
    if (
        not isinstance(value, str)
        or len(value) > PSEUDONYM_LENGTH
        or not PSEUDONYM_PATTERN.fullmatch(value)
    ):
        yield problem((name,), "identifier.format", what=what, value=shown_safely(value))
