"""The record checks as properties: they judge any valid record without raising."""

from __future__ import annotations

from hypothesis import given

from hankemalli import Answer, Gender
from hankemalli.rules import Severity, check_dataset, check_record
from hankemalli.testing import strategies as hst


def _resolve(record, path):
    value = record
    for step in path:
        value = value[step] if isinstance(step, int) else getattr(value, step)
    return value


@given(hst.participations())
def test_findings_never_raise_and_point_at_real_places(record):
    for finding in check_record(record):
        assert isinstance(finding.severity, Severity)
        _resolve(record, finding.path)  # the path exists in the record


@given(hst.participations())
def test_a_completeness_warning_exactly_when_a_characteristic_is_missing(record):
    rules = {f.rule for f in check_record(record)}
    profile = record.profile
    assert ("completeness.gender" in rules) == (profile.gender in (None, Gender.NOT_TOLD))
    assert ("completeness.education" in rules) == (profile.education is None)
    assert ("completeness.age" in rules) == (record.participant.age_at_entry is None)
    assert ("completeness.labour_market_status" in rules) == (profile.labour_market_status is None)
    complete = profile.is_complete and record.participant.age_at_entry is not None
    # Two completeness warnings are not about the four characteristics that decide
    # whether a record counts beyond the grand total: the unemployment start, and the
    # foreign-background question not asked of a third-country national.
    others = {"completeness.unemployed_since", "completeness.foreign_background_not_asked"}
    missing = {r for r in rules if r.startswith("completeness.") and r not in others}
    assert complete == (not missing)
    assert ("completeness.foreign_background_not_asked" in rules) == (
        profile.third_country_national is Answer.YES
        and profile.foreign_background is Answer.NOT_ASKED
    )


@given(hst.datasets(max_participants=4))
def test_dataset_findings_are_the_record_findings_under_their_index(dataset):
    expected = [
        (("participants", i, *f.path), f.rule)
        for i, record in enumerate(dataset.participants)
        for f in check_record(record, dataset.programme)
    ]
    assert [(f.path, f.rule) for f in check_dataset(dataset)] == expected
