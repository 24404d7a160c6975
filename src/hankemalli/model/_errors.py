"""Problems found in data, and the one exception that carries them all.

A :class:`Problem` names *where* (a path into the record or its JSON document),
and *what* was wrong, in the domain's words together with what is allowed.
:class:`DataError` carries every problem found at once, so a user fixing a
document sees the whole list instead of one error per attempt; a list too long to
read is cut to its first :data:`MAX_PROBLEMS` problems and the rest are counted.
"""

from __future__ import annotations

import re
import reprlib
import sys
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import ClassVar

from attrs import evolve, frozen

from ._messages import MESSAGES, UNSPECIFIED, Language, fill, phrase, render

__all__ = [
    "MAX_PROBLEMS",
    "DataError",
    "PathPart",
    "Problem",
    "format_path",
    "problem",
    "shown",
]

#: One step of a path: an attribute or key name, or a list index.
PathPart = str | int

#: How many characters of a value a message shows before shortening it.
SHOWN_LENGTH = 60

#: The most problems a :class:`DataError` keeps and shows; the rest are only counted.
#: A document with 200,000 broken records has 600,000 problems: listed in full they
#: made a 35 MB message and took 322 MB to build, and nobody reads past the first
#: screens anyway. Fixing the first hundred and reading again shows the next.
MAX_PROBLEMS = 100

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# A whole number longer than this many bits (about 60 digits) is shown by its length.
_LONG_INT_BITS = 200


class _ShortRepr(reprlib.Repr):
    """``reprlib``'s bounded repr, which also never turns a huge whole number to text.

    Nested lists and dicts are shown two levels deep and a few items wide, so a
    value nested a thousand levels or holding a million items is shown at once.
    """

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxstring = SHOWN_LENGTH
        self.maxother = SHOWN_LENGTH

    def repr_int(self, x: int, level: int) -> str:
        return _int_text(x)


_SHORT_REPR = _ShortRepr()


def _int_text(value: int) -> str:
    """A whole number as text, or its length when it is long (never a 5,000-digit text)."""
    if value.bit_length() <= _LONG_INT_BITS:
        return repr(value)
    limit = sys.get_int_max_str_digits()
    try:
        digits = len(str(abs(value)))
    except ValueError:  # more digits than Python turns into text
        return f"a number of more than {limit:,} digits"
    return f"a number of {digits:,} digits"


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """A value as a message may show it: its ``repr``, escaped and shortened.

    ``repr`` escapes control characters, ANSI escapes and lone surrogates, so a
    value cannot fake a line of the message or colour a terminal; a long value is
    cut to ``limit`` characters and its length given, so a 50 MB value makes a
    short message. Only the start of a string is ever looked at. Any value can be
    shown: a whole number too long to turn into text is shown by its number of
    digits, a list or dict only two levels deep, and a value whose ``repr`` fails
    by its type.
    """
    if isinstance(value, str):
        if len(value) > limit:
            head = repr(value[:limit])
            return f"{head[:-1]}…{head[-1]} ({len(value):,} characters)"
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = _int_text(value)
    else:
        try:
            text = _SHORT_REPR.repr(value)
        except Exception:  # a broken __repr__ of someone else's object
            return f"<{type(value).__name__}>"
    if len(text) > limit:
        return f"{text[:limit]}… ({type(value).__name__})"
    return text


def _key(part: str) -> str:
    """A key as a JSON path writes it: ``.name``, or ``['odd key']`` escaped.

    A key longer than :data:`SHOWN_LENGTH` is written shortened in brackets, so
    that a 50 MB key is neither scanned nor shown whole.
    """
    if len(part) <= SHOWN_LENGTH and _PLAIN_KEY.fullmatch(part):
        return f".{part}"
    return f"[{shown(part)}]"


def format_path(path: Sequence[PathPart]) -> str:
    """Render a path as a JSON path, such as ``$.participants[3].episodes[0].end``.

    A key that is not a plain name (spaces, control characters, a 50 MB key) is
    written in brackets, escaped and shortened, so it cannot break the line.
    """
    out = ["$"]
    for part in path:
        out.append(f"[{part}]" if isinstance(part, int) else _key(part))
    return "".join(out)


@frozen(kw_only=True)
class Problem:
    """One thing wrong with a record or document (virhe).

    ``path`` is relative to the object being built or read; ``message`` says what was
    wrong and what is allowed, in English. ``code`` is the problem's stable code
    (see :mod:`hankemalli.model._messages`) and ``params`` the values its message is
    built from, as text; :meth:`text` gives the message in Finnish, Swedish or
    English.
    """

    path: tuple[PathPart, ...]
    message: str
    code: str = UNSPECIFIED
    params: tuple[tuple[str, str], ...] = ()

    def under(self, *prefix: PathPart) -> Problem:
        """The same problem seen from an enclosing object, at ``prefix``."""
        return evolve(self, path=(*prefix, *self.path))

    def text(self, language: Language = "en") -> str:
        """The message in ``language`` (``"fi"``, ``"sv"`` or ``"en"``).

        In English it is :attr:`message`; a code the catalogue does not know gives
        :attr:`message` in every language.
        """
        if language == "en":
            return self.message
        return render(self.code, language, dict(self.params), self.message)

    def line(self, language: Language = "en") -> str:
        """The problem as one line, ``JSON path: message``, in ``language``."""
        return f"{format_path(self.path)}: {self.text(language)}"

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


def problem(path: tuple[PathPart, ...], code: str, **params: str | int) -> Problem:
    """A :class:`Problem` with its code and parameters, its message in English.

    ``code`` must be in the catalogue (:data:`~._messages.MESSAGES`); each
    parameter is text (a whole number is written as text), already made safe to
    show (:func:`shown`, :func:`~._pseudonym.shown_safely`), since it appears in
    the message in every language.
    """
    texts = tuple((name, str(value)) for name, value in params.items())
    message = fill(MESSAGES[code].en, "en", dict(texts))
    return Problem(path=path, message=message, code=code, params=texts)


class DataError(ValueError):
    """Data that breaks the rules of the domain (virheellinen aineisto).

    Raised by the model when a record would break an invariant, and by
    :mod:`hankemalli.serialization` when a document cannot be read. It is a
    :class:`ValueError`. ``details`` holds the problems found, each a
    :class:`Problem`, and ``problems`` the same as text, each ``JSON path: message``;
    ``count`` is how many problems there are in all.

    At most :attr:`LIMIT` problems (:data:`MAX_PROBLEMS`) are kept; any more are
    counted, not kept, and the message ends with how many more there are, so that
    a document with a million broken values makes a short message in little
    memory. ``count`` may be given when the problems passed are already the first
    of more (as :meth:`under` does).
    """

    #: The most problems kept in ``details`` (see :data:`MAX_PROBLEMS`).
    LIMIT: ClassVar[int] = MAX_PROBLEMS

    def __init__(self, details: Iterable[Problem], *, count: int = 0) -> None:
        kept: list[Problem] = []
        seen = 0
        limit = self.LIMIT
        for problem in details:  # counted one by one: never all of them in memory
            if seen < limit:
                kept.append(problem)
            seen += 1
        if not kept:
            raise ValueError("a DataError needs at least one problem")
        self.details: tuple[Problem, ...] = tuple(kept)
        self.problems: tuple[str, ...] = tuple(str(p) for p in self.details)
        self.count: int = max(count, seen)
        super().__init__(self.text("en"))

    def text(self, language: Language = "en") -> str:
        """The whole message in ``language``: how many problems, then one a line.

        ``3 ongelmaa:`` / ``3 problem:`` / ``3 problems:``, each problem as
        ``JSON path: message``, and a last line counting the problems not kept.
        """
        head = phrase(
            "problems.one" if self.count == 1 else "problems.many", language, count=self.count
        )
        lines = [f"  {p.line(language)}" for p in self.details]
        more = self.count - len(self.details)
        if more:
            tail = "problems.more.one" if more == 1 else "problems.more.many"
            lines.append("  " + phrase(tail, language, more=more, shown=len(self.details)))
        return head + ":\n" + "\n".join(lines)

    def under(self, *prefix: PathPart) -> DataError:
        """The same problems seen from an enclosing object, at ``prefix``."""
        return DataError((p.under(*prefix) for p in self.details), count=self.count)


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise :class:`DataError` with every problem given, if there is any.

    The problems are taken one at a time, so a long run of them is counted
    without being kept.
    """
    found = iter(problems)
    first = next(found, None)
    if first is not None:
        raise DataError(chain((first,), found))
