"""A dataset in JSON Lines, read and written one participant at a time (rivimuoto).

A register of hundreds of thousands of participants need not be in memory whole.
In the JSON Lines form (https://jsonlines.org: UTF-8, one JSON value per line,
lines separated by newlines) the first line is the dataset without its participants
(``schema_version``, ``programme`` and, when there are any, ``operating_models`` and
``instruments``), and every further line is one participant record, exactly as an
item of ``participants`` in the JSON document::

    {"schema_version": 2, "programme": {...}, "operating_models": [...]}
    {"participant": {"id": "K-0001", ...}, "periods": [...], ...}
    {"participant": {"id": "K-0002", ...}, "periods": [...], ...}

Reading applies every rule of the JSON document, with the same paths: the record on
line *n* is ``$.participants[n-2]``, so a problem reads the same in both forms (its
line is the index plus two). Problems are gathered while the records stream by and
raised together, as one :class:`~hankemalli.DataError`, when the last line has been
read: a record with a problem is not passed on, and a caller that computed figures
from the records gets the error instead of figures, never figures with records
silently left out.

Memory: the records are read one at a time; what is kept is the header, the
problems (the first :attr:`~hankemalli.DataError.LIMIT`) and, for the rule that a
participant id is used once, the ids seen so far (a set of short strings: some
80 bytes a participant, against some 10 KB for a record).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import IO, Any

import attrs

from .._files import write_atomically
from ..model import DataError, Dataset, Participation, Problem
from ..model._dataset import (
    all_inside_programme,
    duplicate_id_problems,
    inside_programme_problems,
    instrument_reference_problems,
)
from ..model._errors import problem
from ._converter import _raw_participant_id, converter
from ._errors import Found
from ._fast import line_reader
from ._json import parse, structure_problems
from ._migrate import migrate_tracked

__all__ = ["DatasetLines", "dumps_lines", "iter_lines", "read_lines", "write_lines"]

#: The converter's hook for a record, looked up once rather than for every line.
_structure_record = converter.get_structure_hook(Participation)

#: How deep a participant record lies in a dataset document: the dataset (1), its
#: ``participants`` array (2), the record (3). Nesting is counted as in the document.
_RECORD_DEPTH = 3


class DatasetLines:
    """A dataset in JSON Lines (rivimuotoinen aineisto): its header now, its records as read.

    ``header`` is the dataset without participants, read and checked when the
    stream is opened (a bad header raises :class:`~hankemalli.DataError` at once).
    Iterating gives each participant record that is valid, in the order of the
    lines, checked against the header (inside the programme period, assessments
    that fit the instruments) and against the records before it (ids used once);
    when the lines run out, every problem found is raised together as one
    :class:`~hankemalli.DataError`. A stream is read once: iterating it again
    raises ``RuntimeError``.

    Use :func:`read_lines` to open a file, or build one from any iterable of lines
    (text or bytes), such as an open file or ``sys.stdin.buffer``.
    """

    def __init__(self, lines: Iterable[str | bytes]) -> None:
        self._lines = iter(lines)
        self._used = False
        first = next(self._lines, None)
        if first is None or _blank(first):
            raise DataError([problem((), "lines.no_header")])
        data = parse(first)
        self.header: Dataset = _read_header(data)
        version = data.get("schema_version") if isinstance(data, dict) else None
        # Version-1 records are read through their version-2 form, as in a document.
        self._version1 = type(version) is int and version == 1
        self.count = 0  #: how many lines after the header have been read so far

    def __iter__(self) -> Iterator[Participation]:
        if self._used:
            raise RuntimeError("a DatasetLines stream can be read only once")
        self._used = True
        found = Found()
        seen: dict[str, int] = {}
        programme = self.header.programme
        instruments = self.header.instruments
        blanks: list[int] = []  # blank lines not yet followed by a record
        # Version-1 records are migrated first: the full reader reads them.
        read_fast = None if self._version1 else line_reader()
        for index, line in enumerate(self._lines):
            self.count = index + 1
            if _blank(line):
                blanks.append(index)
                continue
            # A blank line between records is a problem; blank lines at the very end
            # are not (a final newline, an editor's habit).
            found.extend(problem(("participants", blank), "lines.blank") for blank in blanks)
            blanks.clear()
            record = None if read_fast is None else read_fast(line)
            if record is not None and record.id not in seen:
                seen[record.id] = index
            else:
                record = self._record(line, index, found, seen)
                if record is None:
                    continue
            # Nearly every record is inside the programme and has no assessment.
            if record.assessments or not all_inside_programme(programme, record):
                problems = list(inside_programme_problems(programme, ((index, record),)))
                problems += instrument_reference_problems(instruments, ((index, record),))
                if problems:
                    found.extend(problems)
                    continue
            yield record
        if found:
            raise found.error()

    def _record(
        self, line: str | bytes, index: int, found: Found, seen: dict[str, int]
    ) -> Participation | None:
        """The record on one line read the full way, or None after adding its problems to ``found``.

        Its id is compared with those ``seen`` before as written, so that a repeated
        id is found even in a record that cannot be built for other reasons. (A
        valid line is read by the fast path, :mod:`._fast`, before this is asked.)
        """
        try:
            raw = parse(line)
        except DataError as error:
            where = ("participants", index)
            found.merge((_on_line(p, index) for p in error.details), error.count, where)
            return None
        here = Found()
        here.extend(structure_problems(raw, depth=_RECORD_DEPTH))
        written = None
        if self._version1:
            migrated, written = migrate_tracked({"schema_version": 1, "participants": [raw]})
            raw = migrated["participants"][0]
        record = None
        try:
            record = _structure_record(raw, Participation)
        except MemoryError:
            raise
        except Exception as exc:  # every problem is reported, none is lost
            here.add_exception(exc)
        raw_id = _raw_participant_id(raw)
        repeated = [] if raw_id is None else list(_duplicate(seen, raw_id, index))
        if not here and not repeated:
            return record
        found.extend(repeated)
        kept = [p.under("participants", 0) for p in here.kept]
        if written is not None:
            kept = [attrs.evolve(p, path=written(p.path)) for p in kept]
        found.merge((attrs.evolve(p, path=_at(p.path, index)) for p in kept), here.count, ())
        return None

    def dataset(self) -> Dataset:
        """The whole dataset, read into memory (for what needs every record at once)."""
        return attrs.evolve(self.header, participants=tuple(self))


def _blank(line: str | bytes) -> bool:
    """Whether a line holds nothing but white space (or a byte order mark)."""
    if isinstance(line, bytes):
        return not line.strip().removeprefix(b"\xef\xbb\xbf")
    return not line.strip().removeprefix("\ufeff")


def _read_header(data: Any) -> Dataset:
    """The dataset of the first line, without participants; every problem at once."""
    found = Found()
    if isinstance(data, dict) and "participants" in data:
        found.add(problem(("participants",), "lines.participants_in_header"))
        data = {key: value for key, value in data.items() if key != "participants"}
    found.extend(structure_problems(data))
    header = None
    try:
        header = converter.structure(data, Dataset)
    except MemoryError:
        raise
    except Exception as exc:  # every problem is reported, none is lost
        found.add_exception(exc)
    if found or header is None:
        raise found.error()
    return header


def _duplicate(seen: dict[str, int], pid: str, index: int) -> Iterator[Problem]:
    first = seen.setdefault(pid, index)
    if first != index:
        yield from duplicate_id_problems(((first, pid), (index, pid)))


def _at(path: tuple[Any, ...], index: int) -> tuple[Any, ...]:
    """A path under ``$.participants[0]`` moved to the record's own index."""
    return ("participants", index, *path[2:])


def _on_line(found: Problem, index: int) -> Problem:
    """A syntax problem of one line, with the line counted in the whole file."""
    if found.code != "json.syntax":
        return found
    params = dict(found.params)
    params["line"] = str(index + 2)
    return problem(
        found.path,
        found.code,
        reason=params["reason"],
        line=params["line"],
        column=params["column"],
    )


def iter_lines(dataset: Dataset, records: Iterable[Participation] | None = None) -> Iterator[str]:
    """The lines of ``dataset`` in JSON Lines, each ending in a newline.

    ``records`` replaces the dataset's own participants (any iterable, read once),
    so a register can be written as it is produced.
    """
    head = converter.unstructure(attrs.evolve(dataset, participants=()), Dataset)
    head.pop("participants", None)
    yield _line(head)
    for record in dataset.participants if records is None else records:
        yield _line(converter.unstructure(record, Participation))


def _line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def dumps_lines(dataset: Dataset) -> str:
    """The JSON Lines text of ``dataset`` (see :func:`iter_lines`)."""
    return "".join(iter_lines(dataset))


def write_lines(
    dataset: Dataset,
    path: str | PathLike[str],
    records: Iterable[Participation] | None = None,
) -> None:
    """Write ``dataset`` (or its header and ``records``) to a JSON Lines file.

    Written line by line to a temporary file, then renamed over ``path``: whole or
    not at all, and never the whole text in memory.
    """
    write_atomically(Path(path), iter_lines(dataset, records))


def read_lines(source: str | PathLike[str] | IO[bytes]) -> DatasetLines:
    """Open a JSON Lines dataset: a path, or a binary file already open.

    Reads and checks the header line now (raising :class:`~hankemalli.DataError`
    if it is not a valid dataset without participants); the records are read as
    the result is iterated. See :class:`DatasetLines`.
    """
    if isinstance(source, str | PathLike):
        return DatasetLines(_file_lines(Path(source)))
    return DatasetLines(source)


def _file_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as file:
        yield from file
