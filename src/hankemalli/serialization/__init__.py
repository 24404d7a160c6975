"""The JSON form of hankemalli's model (JSON-muoto).

``dumps`` and ``loads`` turn any model object, usually a whole
:class:`~hankemalli.Dataset`, into JSON text and back; ``to_dict`` and
``from_dict`` do the same with JSON-like Python data. Reading is lossless and
strict: dates come back as pendulum Dates, unknown keys and codes are refused, and
every problem in a document is raised at once as one
:class:`~hankemalli.DataError`, each with its JSON path (the first hundred kept,
all counted). Any text or bytes at all either read or raise that one error: see
"Hostile input" in docs/serialization.md for the rules that keep this promise.

A large register is read and written in JSON Lines, one participant a line, with
memory that does not grow with the number of participants: :func:`read_lines`,
:func:`write_lines` (:class:`DatasetLines`).
"""

from ._api import dumps, from_dict, loads, read, to_dict, write
from ._converter import TAG_KEY
from ._lines import DatasetLines, dumps_lines, iter_lines, read_lines, write_lines
from ._migrate import migrate
from ._schema import json_schema

__all__ = [
    "TAG_KEY",
    "DatasetLines",
    "dumps",
    "dumps_lines",
    "from_dict",
    "iter_lines",
    "json_schema",
    "loads",
    "migrate",
    "read",
    "read_lines",
    "to_dict",
    "write",
    "write_lines",
]
