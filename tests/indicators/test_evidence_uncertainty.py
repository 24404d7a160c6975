"""Evidence with its uncertainty: verdicts weigh the 95 % interval (indicators/_evidence.py).

"Supported" only when the interval of the difference lies wholly on the better side
of zero, "against" when it lies wholly on the worse side, "inconclusive" otherwise;
the better side is the criterion's; the 0.1 verdict names still answer, deprecated;
the transferability assessment weighs the verdicts as a whole.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import pendulum
import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.indicators._evidence import _compare
from hankemalli.indicators._intervals import t_quantile
from hankemalli.testing import strategies as hst

D = pendulum.date
S = h.ServiceType
V = ind.Verdict
P = ind.PointStatus
LABELS = ind.Labels(fi="työllistyi", sv="anställd", en="employed")
SHARE = ind.Criterion(
    indicator=ind.Indicator(
        code="employed",
        labels=LABELS,
        statistic=ind.Share(of=ind.HadEvent(events=(ind.EventMatch(event="employment"),))),
    )
)


def share(k: int, n: int) -> ind.Figure:
    return ind.Figure(code="employed", statistic=ind.Statistic.SHARE, numerator=k, denominator=n)


def compare(
    used: tuple[int, int], not_used: tuple[int, int], criterion=SHARE, threshold=5
) -> ind.Comparison:
    one, two = share(*used), share(*not_used)
    overall = ind.combine([one, two])
    return _compare(criterion, used=one, not_used=two, overall=overall, threshold=threshold)


def flipped(criterion: ind.Criterion) -> ind.Criterion:
    other = (
        ind.Direction.LOWER if criterion.better is ind.Direction.HIGHER else ind.Direction.HIGHER
    )
    return evolve(criterion, better=other)


# Examples, one a rule ---------------------------------------------------------------------


def test_seven_of_47_against_two_of_16_is_inconclusive() -> None:
    comparison = compare((7, 47), (2, 16))
    assert comparison.verdict is V.INCONCLUSIVE
    between = comparison.difference_interval
    assert between is not None
    assert between.lower < 0 < between.upper


def test_a_large_clear_difference_is_supported() -> None:
    assert compare((40, 50), (10, 50)).verdict is V.SUPPORTED


def test_a_clear_worse_difference_is_against() -> None:
    assert compare((10, 50), (40, 50)).verdict is V.AGAINST


def test_too_few_stays_too_few_however_clear() -> None:
    # 4 of 4 against 0 of 4 is as clear as four people can be, but a group is below 5.
    comparison = compare((4, 4), (0, 4))
    assert comparison.verdict is V.TOO_FEW
    assert (comparison.difference, comparison.difference_interval) == (None, None)
    assert comparison.message.endswith("(fewer than 5 people in a group or with the result)")


def test_a_threshold_of_one_says_one_person() -> None:
    comparison = compare((0, 3), (0, 0), threshold=1)
    assert comparison.message.endswith("(fewer than 1 person in a group or with the result)")


def test_the_better_side_is_the_criterions() -> None:
    lower = flipped(SHARE)
    assert compare((40, 50), (10, 50), criterion=lower).verdict is V.AGAINST
    assert compare((10, 50), (40, 50), criterion=lower).verdict is V.SUPPORTED
    assert compare((7, 47), (2, 16), criterion=lower).verdict is V.INCONCLUSIVE


def test_job_searching_upon_leaving_has_no_better_direction_and_is_not_a_default() -> None:
    # EECR01 and CR01 exclude employment upon leaving (SFC2021 FAQ): more job searching
    # is not better than more in work, nor worse than more inactive.
    assert frozenset({"EECR01", "CR01"}) == ind.NO_DIRECTION
    for catalogue in (ind.ESF_PLUS_2021, ind.ESF_2014):
        codes = {c.indicator.code for c in ind.evidence_criteria(catalogue)}
        assert not codes & ind.NO_DIRECTION
        assert all(c.better is ind.Direction.HIGHER for c in ind.evidence_criteria(catalogue))
    assert {c.indicator.code for c in ind.EVIDENCE_CRITERIA} == {
        "placement",
        "EECR02",
        "EECR03",
        "EECR04",
        "EECR05",
        "EECR06",
    }


def test_the_0_1_verdict_names_still_answer_with_a_deprecation_warning() -> None:
    for old, new in (("BETTER", V.SUPPORTED), ("SAME", V.INCONCLUSIVE), ("WORSE", V.AGAINST)):
        with pytest.warns(DeprecationWarning, match=f"Verdict.{old} is deprecated.*{new.name}"):
            assert getattr(V, old) is new
        with pytest.warns(DeprecationWarning, match=f"Verdict.{old} is deprecated"):
            assert V(old.lower()) is new
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert V("supported") is V.SUPPORTED
        assert [v.name for v in V] == ["SUPPORTED", "INCONCLUSIVE", "AGAINST", "TOO_FEW"]
    with pytest.raises(AttributeError):
        V.NOTHING  # noqa: B018
    with pytest.raises(ValueError, match="'nothing' is not a valid Verdict"):
        V("nothing")


def test_student_t_quantiles_match_the_table() -> None:
    # Two-sided 95 % critical values of Student's t (any statistics table).
    for df, value in ((1, 12.706), (2, 4.303), (4, 2.776), (8, 2.306), (30, 2.042)):
        assert t_quantile(0.975, df) == pytest.approx(value, abs=0.001)
    assert t_quantile(0.975, 1e7) == pytest.approx(1.960, abs=0.001)
    assert t_quantile(0.5, 3) == pytest.approx(0, abs=1e-9)
    with pytest.raises(ValueError, match="probability"):
        t_quantile(0.2, 3)


def test_welch_has_no_interval_below_two_values_and_so_is_inconclusive() -> None:
    assert ind.welch_difference((1, 5.0, 0.0), (10, 3.0, 1.0)) is None
    days = ind.Criterion(
        indicator=ind.Indicator(
            code="d",
            labels=LABELS,
            statistic=ind.Mean(measure=ind.DaysInService(services=(S.JOB_COACHING,))),
        ),
        better=ind.Direction.LOWER,
    )
    one = ind.Figure(code="d", statistic=ind.Statistic.MEAN, numerator=10, denominator=1)
    two = ind.Figure(code="d", statistic=ind.Statistic.MEAN, numerator=90, denominator=3)
    found = _compare(days, used=one, not_used=two, overall=ind.combine([one, two]), threshold=1)
    assert (found.verdict, found.difference_interval) == (V.INCONCLUSIVE, None)
    assert found.difference == -20
    assert found.message.endswith(
        "inconclusive: -20.0 days, with no interval (a group has fewer than two values)"
    )


# The evidence as a whole, in the transferability assessment -------------------------------


def evidence_of(*verdicts: tuple[str, V]) -> ind.Evidence:
    figure = share(0, 0)
    return ind.Evidence(
        model="m",
        services=(S.JOB_COACHING,),
        use=ind.ServiceUse.ALL,
        period=ind.ReportingPeriod.year(2016),
        as_of=D(2017, 6, 30),
        threshold=5,
        comparisons=tuple(
            ind.Comparison(
                criterion=evolve(SHARE, indicator=evolve(SHARE.indicator, code=code)),
                used=figure,
                not_used=figure,
                overall=figure,
                verdict=verdict,
                difference=None,
                message=code,
            )
            for code, verdict in verdicts
        ),
    )


MODEL = h.OperatingModel(id="m", name="M", services=(S.JOB_COACHING,))


@pytest.mark.parametrize(
    ("verdicts", "status", "message"),
    [
        (
            (("a", V.SUPPORTED), ("b", V.INCONCLUSIVE), ("c", V.TOO_FEW)),
            P.SUPPORTED,
            "supported on a, against on none",
        ),
        (
            (("a", V.SUPPORTED), ("b", V.AGAINST)),
            P.NOT_SUPPORTED,
            "mixed: supported on a, against on b",
        ),
        ((("a", V.AGAINST), ("b", V.TOO_FEW)), P.AGAINST, "against on a, supported on none"),
        (
            (("a", V.INCONCLUSIVE), ("b", V.TOO_FEW)),
            P.NOT_SUPPORTED,
            "inconclusive on a: no difference beyond chance",
        ),
        ((("a", V.TOO_FEW),), P.TOO_FEW, "too few to compare on every criterion"),
    ],
)
def test_the_evidence_is_supported_only_when_something_is_and_nothing_is_against(
    verdicts, status, message
) -> None:
    assessment = ind.assess_transferability(MODEL, evidence_of(*verdicts))
    assert (assessment["evidence"].status, assessment["evidence"].message) == (status, message)
    for code, verdict in verdicts:
        expected = {
            V.SUPPORTED: P.SUPPORTED,
            V.INCONCLUSIVE: P.NOT_SUPPORTED,
            V.AGAINST: P.AGAINST,
            V.TOO_FEW: P.TOO_FEW,
        }[verdict]
        assert assessment[f"evidence.{code}"].status is expected


# Properties -------------------------------------------------------------------------------

populous = hst.datasets(
    period=(D(2015, 1, 1), D(2018, 12, 31)),
    max_participants=16,
    service_types=(S.REHABILITATIVE_WORK, S.JOB_COACHING, S.TET),
)
model_services = st.lists(
    st.sampled_from([S.REHABILITATIVE_WORK, S.JOB_COACHING]), min_size=1, unique=True
)
years = st.integers(2015, 2018).map(ind.ReportingPeriod.year)
DAYS = ind.Criterion(
    indicator=ind.Indicator(
        code="rehab_days",
        labels=LABELS,
        statistic=ind.Mean(measure=ind.DaysInService(services=(S.REHABILITATIVE_WORK,))),
    ),
    better=ind.Direction.LOWER,
)
EVER_EMPLOYED = evolve(SHARE, indicator=evolve(SHARE.indicator, scope=ind.Scope.ENTERED_BY_END))


@given(populous, model_services, st.sampled_from(list(ind.ServiceUse)), years, st.integers(1, 4))
def test_a_verdict_says_where_the_interval_of_the_difference_lies(
    dataset, chosen, use, period, threshold
) -> None:
    model = h.OperatingModel(id="m", name="M", services=tuple(chosen))
    found = ind.evidence(
        model,
        dataset.participants,
        period=period,
        as_of=D(2019, 6, 30),
        criteria=(*ind.EVIDENCE_CRITERIA, EVER_EMPLOYED, DAYS, flipped(EVER_EMPLOYED)),
        use=use,
        threshold=threshold,
    )
    for comparison in found:
        between = comparison.difference_interval
        if comparison.verdict is V.TOO_FEW:
            assert between is comparison.used_interval is comparison.not_used_interval is None
            continue
        higher = comparison.criterion.better is ind.Direction.HIGHER
        if between is None:
            assert comparison.verdict is V.INCONCLUSIVE
            continue
        # The interval holds the observed difference.
        assert between.lower <= float(comparison.difference) <= between.upper  # type: ignore[arg-type]
        better_side = between.lower > 0 if higher else between.upper < 0
        worse_side = between.upper < 0 if higher else between.lower > 0
        expected = V.SUPPORTED if better_side else V.AGAINST if worse_side else V.INCONCLUSIVE
        assert comparison.verdict is expected


counts = st.integers(0, 80).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@given(counts, counts, st.sampled_from(list(ind.Direction)), st.integers(1, 8))
def test_swapping_the_groups_and_the_better_side_keeps_the_verdict(
    used, not_used, better, threshold
) -> None:
    criterion = evolve(SHARE, better=better)
    there = compare(used, not_used, criterion=criterion, threshold=threshold)
    back = compare(not_used, used, criterion=flipped(criterion), threshold=threshold)
    assert back.verdict is there.verdict
    if there.difference is not None:
        assert back.difference == -there.difference
        assert there.difference_interval is not None
        assert back.difference_interval is not None
        assert back.difference_interval.lower == pytest.approx(-there.difference_interval.upper)
        assert back.difference_interval.upper == pytest.approx(-there.difference_interval.lower)


@given(counts, counts)
def test_supported_needs_at_least_as_clear_a_difference_as_inconclusive(used, not_used) -> None:
    # Moving one person of the used group to the result never turns supported into less.
    verdict = compare(used, not_used).verdict
    k, n = used
    if k < n and verdict is V.SUPPORTED:
        assert compare((k + 1, n), not_used).verdict is V.SUPPORTED
    if k < n and verdict is V.INCONCLUSIVE:
        assert compare((k + 1, n), not_used).verdict in (V.INCONCLUSIVE, V.SUPPORTED)


def test_the_difference_is_exact_and_its_interval_approximate() -> None:
    comparison = compare((7, 47), (2, 16))
    assert comparison.difference == Fraction(7, 47) - Fraction(2, 16)
    assert comparison.difference_interval is not None
    assert comparison.difference_interval.estimate == pytest.approx(float(comparison.difference))
