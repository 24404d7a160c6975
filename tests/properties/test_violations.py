"""A document that breaks one rule is refused with a DataError pointing at the break."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from property_helpers import fewer

from hankemalli import EVENT_TAGS, SITUATION_TAGS, DataError, Dataset, format_path
from hankemalli.serialization import from_dict, loads
from hankemalli.testing import RULES, Violation
from hankemalli.testing import strategies as hs

# Every property here reads with hooks built while it runs (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_converter")

# What the message at the path says for each rule: the right rule was caught.
MESSAGES = {
    "wrong_type": r"^expected |^unsupported schema version",
    "missing_key": r"^required key is missing",
    "extra_key": r"^unknown key; allowed keys: \w+(, \w+)*$",
    "bad_date": r"expected a date as YYYY-MM-DD|is not a date in the calendar",
    "end_before_start": r"cannot (end|come) .*before",  # programme, period, episode, spell
    "unknown_code": r"^unknown \w+ '.*'; allowed: [a-z0-9_]+(, [a-z0-9_]+)+$",
    "unknown_event_tag": r"^unknown event type .*; allowed: " + ", ".join(EVENT_TAGS) + "$",
    "unknown_situation_tag": r"^unknown situation type .*; allowed: "
    + ", ".join(SITUATION_TAGS)
    + "$",
    "duplicate_id": r"twice",
    "personal_identity_code_id": r"personal identity code",
    "contact_details_id": r"e-mail address|phone number",
    "episode_outside_participation": r"episode .*(before the first entry|after)",
    "event_before_entry": r"before the first entry",
    "overlapping_periods": r"re-entry .* must come after the previous exit",
    "unknown_episode_reference": r"no service episode has the id",
    "exit_situation_without_exit": r"needs an exit; the participation is still open",
    "exit_situation_off_last_exit": r"describes the last exit \(.*\), not ",
}


def refusal(violation: Violation, *, as_text: bool = False) -> DataError:
    """What a reader raises; any exception but a DataError fails the test."""
    text = json.dumps(violation.document)
    with pytest.raises(DataError) as caught:
        loads(text) if as_text else from_dict(violation.document, Dataset)
    return caught.value


def test_every_rule_has_a_message() -> None:
    assert set(MESSAGES) == set(RULES)


@given(hs.violations())
def test_a_broken_document_is_refused_at_the_broken_place(violation: Violation) -> None:
    error = refusal(violation)
    # Exactly one rule is broken, so exactly one problem is reported, at its path.
    assert [format_path(p.path) for p in error.details] == [violation.path]
    assert re.search(MESSAGES[violation.rule], error.details[0].message)


@given(hs.violations())
def test_the_same_holds_for_json_text(violation: Violation) -> None:
    error = refusal(violation, as_text=True)
    assert [format_path(p.path) for p in error.details] == [violation.path]


@pytest.mark.parametrize("rule", RULES)
@fewer(5)
@given(data=st.data())
def test_each_rule_can_be_asked_for(rule: str, data: st.DataObject) -> None:
    violation = data.draw(hs.violations(rules=[rule]))
    assert violation.rule == rule
    assert violation.path in refusal(violation).problems[0]
