"""Wilson's and Newcombe's intervals (indicators/_intervals.py) against the published values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankemalli.indicators._intervals import Interval, newcombe_difference, wilson

# Newcombe (1998), Statistics in Medicine 17: 873-890, Table II, method 10 (hybrid score,
# no continuity correction): eight worked pairs, bounds to four decimals.
NEWCOMBE_TABLE_II = [
    ((56, 70), (48, 80), 0.0524, 0.3339),
    ((9, 10), (3, 10), 0.1705, 0.8090),
    ((6, 7), (2, 7), 0.0582, 0.8062),
    ((5, 56), (0, 29), -0.0381, 0.1926),
    ((0, 10), (0, 20), -0.1611, 0.2775),
    ((0, 10), (0, 10), -0.2775, 0.2775),
    ((10, 10), (0, 20), 0.6791, 1.0000),
    ((10, 10), (0, 10), 0.6075, 1.0000),
]


@pytest.mark.parametrize(("first", "second", "lower", "upper"), NEWCOMBE_TABLE_II)
def test_newcombe_hybrid_score_interval_gives_the_published_bounds(first, second, lower, upper):
    found = newcombe_difference(first, second)
    assert found.estimate == pytest.approx(first[0] / first[1] - second[0] / second[1])
    assert (round(found.lower, 4), round(found.upper, 4)) == (lower, upper)


def test_wilson_score_interval_gives_the_published_bounds():
    # Newcombe (1998), Statistics in Medicine 17: 857-872, the example 81 of 263.
    found = wilson(81, 263)
    assert (round(found.lower, 4), round(found.upper, 4)) == (0.2553, 0.3662)
    assert found.confidence == 0.95


def test_the_issue_example_is_inconclusive_seven_of_47_against_two_of_16():
    found = newcombe_difference((7, 47), (2, 16))
    assert round(100 * found.estimate, 1) == 2.4
    assert found.lower < 0 < found.upper
    assert not found.excludes(0)


def test_a_wider_confidence_gives_a_wider_interval():
    narrow = wilson(3, 12, confidence=0.90)
    wide = wilson(3, 12, confidence=0.99)
    assert wide.lower < narrow.lower < narrow.upper < wide.upper


@pytest.mark.parametrize(
    ("successes", "total", "confidence"),
    [(-1, 5, 0.95), (6, 5, 0.95), (0, 0, 0.95), (1, 5, 0.0), (1, 5, 1.0), (1, 5, 1.5)],
)
def test_impossible_shares_and_levels_are_refused(successes, total, confidence):
    with pytest.raises(ValueError, match=r"expected|confidence"):
        wilson(successes, total, confidence=confidence)


def test_excludes_is_strictly_outside():
    interval = Interval(estimate=0.1, lower=-0.2, upper=0.3)
    assert interval.excludes(-0.25)
    assert interval.excludes(0.31)
    assert not interval.excludes(-0.2)
    assert not interval.excludes(0.3)
    assert not interval.excludes(0)


shares = st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@given(shares)
def test_a_wilson_interval_holds_its_share_and_stays_within_zero_and_one(share):
    found = wilson(*share)
    assert 0.0 <= found.lower <= found.estimate <= found.upper <= 1.0
    assert (found.lower == 0.0) == (share[0] == 0)
    assert (found.upper == 1.0) == (share[0] == share[1])


@given(shares, shares)
def test_a_newcombe_interval_holds_the_difference_and_turns_over_with_the_groups(one, two):
    found = newcombe_difference(one, two)
    assert -1.0 <= found.lower <= found.estimate <= found.upper <= 1.0
    swapped = newcombe_difference(two, one)
    assert swapped.lower == pytest.approx(-found.upper)
    assert swapped.upper == pytest.approx(-found.lower)
