"""Migrating documents from an older schema version to the current one.

Schema version 2 (hankemalli 0.2.0) records employment, education and job seeking
as situation spells with a start and an optional end, because the ESF counts a
person's situation upon leaving, not the events that start then. A version-1
document still reads: :func:`migrate` turns it into version 2, and the reader does
so on its own.

What the migration does, record by record, and nothing else:

- an ``employment_started`` event becomes an ``employment`` spell starting on the
  event's date, with the same kind, contract, working time and ``via_episode``, and
  **no end**: version 1 could not say when a job ended, so the job is taken as
  still held as far as the record knows. Where the association knows the end, it
  should add it; until then the job counts as held upon leaving. Six months on,
  an open spell is no evidence (only a recorded follow-up or a spell with a recorded
  end is), so it does not count then;
- an ``education_started`` event becomes an ``education`` spell likewise, open,
  with ``own_training`` false (version 1 recorded only education outside the
  operation);
- a ``job_search_started`` event becomes an open ``job_seeking`` spell;
- every other event, and everything else in the document, is left as it is.

An item the migration cannot read (not an object, no known ``type``) is left where
it is, so that the reader reports it; nothing is dropped or guessed. The reader
reports every problem of a migrated document at its path in the version-1 document
as written (:func:`migrate_tracked`): a spell that came from ``events[2]`` is
reported there, its ``start`` as ``date``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model import SCHEMA_VERSION
from ..model._errors import PathPart

__all__ = ["MIGRATED_EVENTS", "migrate", "migrate_tracked"]

Path = tuple[PathPart, ...]
#: Per record: (key, index) in the migrated record -> index in the version-1 events.
_Origins = dict[tuple[str, int], int]

#: Version-1 event tags and the version-2 spell tags they become.
MIGRATED_EVENTS = {
    "employment_started": "employment",
    "education_started": "education",
    "job_search_started": "job_seeking",
}


def migrate(document: Mapping[str, Any]) -> dict[str, Any]:
    """The version-2 form of a version-1 (or version-2) document, as a new dict.

    A document already at the current version comes back as a shallow copy. A
    document of any other version, or one that is not an object, is returned
    unchanged for the reader to report: the migration never guesses.
    """
    return migrate_tracked(document)[0]


def migrate_tracked(
    document: Mapping[str, Any],
) -> tuple[dict[str, Any], Callable[[Path], Path]]:
    """:func:`migrate`, and a function from a path in its result to the path as written.

    Paths outside what the migration moved come back unchanged.
    """
    result = dict(document)
    version = result.get("schema_version")
    # Exactly the whole number 1: true and 1.0 are equal to 1 in Python, but not version 1.
    if type(version) is not int or version != 1:
        return result, _unchanged
    origins: dict[int, _Origins] = {}
    participants = result.get("participants")
    if isinstance(participants, list):
        migrated = [_migrate_record(record) for record in participants]
        result["participants"] = [record for record, _ in migrated]
        origins = {index: moved for index, (_, moved) in enumerate(migrated) if moved}
    result["schema_version"] = SCHEMA_VERSION

    def written(path: Path) -> Path:
        if len(path) < 4 or path[0] != "participants" or not isinstance(path[1], int):
            return path
        key, index, rest = path[2], path[3], path[4:]
        if not isinstance(key, str) or not isinstance(index, int):
            return path
        old = origins.get(path[1], {}).get((key, index))
        if old is None:
            return path
        if key == "situations" and rest[:1] == ("start",):
            rest = ("date", *rest[1:])
        return ("participants", path[1], "events", old, *rest)

    return result, written


def _unchanged(path: Path) -> Path:
    return path


def _migrate_record(record: object) -> tuple[object, _Origins]:
    if not isinstance(record, Mapping):
        return record, {}
    events = record.get("events")
    if not isinstance(events, list):
        return dict(record), {}
    existing = record.get("situations")
    spells: list[object] = list(existing) if isinstance(existing, list) else []
    kept: list[object] = []
    origins: _Origins = {}
    for index, event in enumerate(events):
        spell = _as_spell(event)
        if spell is None:
            origins["events", len(kept)] = index
            kept.append(event)
        else:
            origins["situations", len(spells)] = index
            spells.append(spell)
    migrated = {key: value for key, value in record.items() if key != "events"}
    if len(spells) > (len(existing) if isinstance(existing, list) else 0):
        migrated["situations"] = spells
    if kept:
        migrated["events"] = kept
    return migrated, origins


def _as_spell(event: object) -> dict[str, Any] | None:
    if not isinstance(event, Mapping):
        return None
    tag = event.get("type")
    if not isinstance(tag, str) or tag not in MIGRATED_EVENTS:  # [] or {} cannot be looked up
        return None
    spell: dict[str, Any] = {"type": MIGRATED_EVENTS[tag]}
    for key, value in event.items():
        if key == "type":
            continue
        spell["start" if key == "date" else key] = value
    return spell
