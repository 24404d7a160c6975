"""Gathering the problems found while reading a document, within bounds.

The reader goes on after a problem, so that one :class:`DataError` lists every
problem of a document. :class:`Found` gathers them: it keeps the first
:attr:`DataError.LIMIT` problems and only counts the rest, so that a document
with 600,000 problems is read in bounded memory (see ``docs/serialization.md``,
"Hostile input"). Below the top, a value that cannot be read raises
:class:`Unreadable` with its problems; :func:`~hankemalli.serialization.from_dict`
turns them into one :class:`DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model._errors import DataError, PathPart, Problem, problem, shown
from ..model._pseudonym import shown_safely

__all__ = ["HIDDEN_KEY", "Found", "InvalidValueError", "Unreadable", "key_part", "safe_key"]


class InvalidValueError(ValueError):
    """A value that cannot be read as the type asked for: the problem with ``code``.

    ``params`` are the problem's parameters (see :func:`~hankemalli.model._errors.problem`);
    ``at`` names a key inside the value when the problem is there (an event's tag).
    """

    def __init__(self, code: str, *, at: PathPart | None = None, **params: str | int) -> None:
        self.problem = problem(() if at is None else (at,), code, **params)
        super().__init__(self.problem.message)


class Found:
    """Problems found so far: the first :attr:`DataError.LIMIT` kept, all counted.

    Problems past the limit are counted and dropped at once, so gathering the
    problems of a huge document takes as little memory as a short one. A
    :class:`Found` is true when it holds at least one problem.
    """

    __slots__ = ("count", "kept")

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.count = 0

    def __bool__(self) -> bool:
        return self.count > 0

    def add(self, problem: Problem) -> None:
        """Keep ``problem`` if there is room, and count it."""
        if len(self.kept) < DataError.LIMIT:
            self.kept.append(problem)
        self.count += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """:meth:`add` each of ``problems``, taken one at a time."""
        for one in problems:
            self.add(one)

    def merge(self, kept: Iterable[Problem], count: int, prefix: tuple[PathPart, ...]) -> None:
        """Add the first problems of ``count`` found below ``prefix``; only those with room."""
        room = DataError.LIMIT - len(self.kept)
        if room > 0:
            for problem in kept:
                if room == 0:
                    break
                self.kept.append(problem.under(*prefix) if prefix else problem)
                room -= 1
        self.count += count

    def add_exception(self, exc: BaseException, *prefix: PathPart) -> None:
        """Add the problems that ``exc``, raised while reading a value at ``prefix``, stands for."""
        if isinstance(exc, Unreadable):
            self.merge(exc.found.kept, exc.found.count, prefix)
        elif isinstance(exc, DataError):
            self.merge(exc.details, exc.count, prefix)
        elif isinstance(exc, InvalidValueError):
            self.add(exc.problem.under(*prefix))
        else:
            self.add(_unforeseen(exc, prefix))

    def error(self) -> DataError:
        """The :class:`DataError` of the problems found (at least one)."""
        return DataError(self.kept, count=self.count)


class Unreadable(Exception):  # noqa: N818 - a reading outcome, not a programming error
    """A value below the top that cannot be read; ``found`` holds its problems.

    Internal to the reader, and cheaper than a :class:`DataError`: no message is
    formatted until the problems reach the top.
    """

    def __init__(self, found: Found) -> None:
        super().__init__()
        self.found = found


#: What a path shows for a key that looks like personal data.
HIDDEN_KEY = "(a key not shown here: it looks like personal data)"


def key_part(key: object) -> PathPart:
    """A key of a mapping as a path part: a string as it is, anything else shown.

    A key that looks like personal data (an identity code, say) is not repeated:
    a problem's path would otherwise echo what the problem is about.
    """
    return safe_key(key if isinstance(key, str) else shown(key))


def safe_key(key: str) -> str:
    """``key``, or :data:`HIDDEN_KEY` if it looks like personal data (see :func:`shown_safely`)."""
    return key if shown_safely(key) == shown(key) else HIDDEN_KEY


def _unforeseen(exc: BaseException, path: tuple[PathPart, ...]) -> Problem:
    # An exception the reader did not expect: its type is named, but not its text,
    # which might repeat a value (even personal data) at any length.
    if isinstance(exc, KeyError):
        return problem(path, "document.missing_key")
    return problem(path, "value.unreadable", kind=type(exc).__name__)
