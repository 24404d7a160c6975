"""The rules a document can break, and a document that breaks one (sääntörikkomus)."""

from __future__ import annotations

from typing import Any

from attrs import frozen

__all__ = ["RULES", "Violation"]

#: Every rule that :func:`hankemalli.testing.strategies.violations` knows how to break.
RULES: tuple[str, ...] = (
    "wrong_type",
    "missing_key",
    "extra_key",
    "bad_date",
    "end_before_start",
    "unknown_code",
    "unknown_event_tag",
    "unknown_situation_tag",
    "duplicate_id",
    "personal_identity_code_id",
    "contact_details_id",
    "episode_outside_participation",
    "event_before_entry",
    "overlapping_periods",
    "unknown_episode_reference",
    "exit_situation_without_exit",
    "exit_situation_off_last_exit",
)


@frozen(kw_only=True)
class Violation:
    """A JSON-like dataset document that breaks exactly one rule (sääntörikkomus).

    ``rule`` names the rule (one of :data:`RULES`), ``document`` is the document
    (dicts, lists, strings, numbers, booleans and nulls, ready for ``json.dumps``)
    and ``path`` is the JSON path, such as ``$.participants[0].periods[1].entry``,
    at which a reader must report the problem.
    """

    rule: str
    document: dict[str, Any]
    path: str
