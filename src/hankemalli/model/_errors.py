"""Problems found in data, and the one exception that carries them all.

A :class:`Problem` names *where* (a path into the record or its JSON document),
and *what* was wrong, in the domain's words together with what is allowed.
:class:`DataError` carries every problem found at once, so a user fixing a
document sees the whole list instead of one error per attempt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

__all__ = ["DataError", "PathPart", "Problem", "format_path"]

#: One step of a path: an attribute or key name, or a list index.
PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Render a path as a JSON path, such as ``$.participants[3].episodes[0].end``."""
    out = ["$"]
    for part in path:
        out.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return "".join(out)


@frozen(kw_only=True)
class Problem:
    """One thing wrong with a record or document (virhe).

    ``path`` is relative to the object being built or read; ``message`` says what was
    wrong and what is allowed.
    """

    path: tuple[PathPart, ...]
    message: str

    def under(self, *prefix: PathPart) -> Problem:
        """The same problem seen from an enclosing object, at ``prefix``."""
        return Problem(path=(*prefix, *self.path), message=self.message)

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


class DataError(ValueError):
    """Data that breaks the rules of the domain (virheellinen aineisto).

    Raised by the model when a record would break an invariant, and by
    :mod:`hankemalli.serialization` when a document cannot be read. It is a
    :class:`ValueError`. ``details`` holds every :class:`Problem` found, and
    ``problems`` the same as text, each ``JSON path: message``.
    """

    def __init__(self, details: Iterable[Problem]) -> None:
        self.details: tuple[Problem, ...] = tuple(details)
        if not self.details:
            raise ValueError("a DataError needs at least one problem")
        self.problems: tuple[str, ...] = tuple(str(p) for p in self.details)
        count = len(self.details)
        head = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))

    def under(self, *prefix: PathPart) -> DataError:
        """The same problems seen from an enclosing object, at ``prefix``."""
        return DataError(p.under(*prefix) for p in self.details)


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise :class:`DataError` with every problem given, if there is any."""
    found = list(problems)
    if found:
        raise DataError(found)
