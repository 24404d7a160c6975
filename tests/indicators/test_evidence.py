"""Evidence for an operating model from the records (indicators/_evidence.py)."""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.testing import strategies as hst

D = pendulum.date
S = h.ServiceType
PERIOD = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
EMPLOYED = ind.Criterion(
    indicator=ind.Indicator(
        code="employed",
        labels=ind.Labels(fi="työllistyi", sv="anställd", en="employed"),
        statistic=ind.Share(of=ind.HadEvent(events=(ind.EventMatch(event="employment"),))),
    )
)
DAYS = ind.Criterion(
    indicator=ind.Indicator(
        code="rehab_days",
        labels=ind.Labels(fi="päivät", sv="dagar", en="days"),
        statistic=ind.Mean(measure=ind.DaysInService(services=(S.REHABILITATIVE_WORK,))),
        population=ind.UsedService(services=(S.REHABILITATIVE_WORK,)),
    ),
    better=ind.Direction.LOWER,
)
MODEL = h.OperatingModel(id="m", name="Model", services=(S.REHABILITATIVE_WORK, S.JOB_COACHING))


@pytest.fixture
def person(rec, job):
    """A 2016 participant with episodes of ``services`` (``days`` long) and maybe a job."""

    def make(pid, services=(), employed=False, days=60):
        episodes = [
            h.ServiceEpisode(service=s, start=D(2016, 3, 1), end=D(2016, 3, 1).add(days=days - 1))
            for s in services
        ]
        jobs = [job(D(2016, 5, 1))] if employed else []
        return rec(
            pid, periods=((D(2016, 3, 1), D(2016, 12, 31)),), episodes=episodes, situations=jobs
        )

    return make


def group(person, stem, services, employed, size, days=60):
    return [person(f"{stem}-{i}", services, i < employed, days) for i in range(size)]


def weigh(records, criteria=(EMPLOYED,), model=MODEL, **options):
    return ind.evidence(model, records, period=PERIOD, as_of=AS_OF, criteria=criteria, **options)


def test_used_and_not_used_are_compared_with_their_numbers(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 4, 6) + group(person, "N", (), 1, 6)
    (comparison,) = weigh(records)
    assert (comparison.used.numerator, comparison.used.denominator) == (4, 6)
    assert (comparison.not_used.numerator, comparison.not_used.denominator) == (1, 6)
    assert (comparison.overall.numerator, comparison.overall.denominator) == (5, 12)
    # +50 points, but on six people a side the interval holds zero.
    assert comparison.verdict is ind.Verdict.INCONCLUSIVE
    assert comparison.difference == Fraction(1, 2)
    assert comparison.used_interval == ind.wilson(4, 6)
    assert comparison.not_used_interval == ind.wilson(1, 6)
    assert comparison.difference_interval == ind.newcombe_difference((4, 6), (1, 6))
    assert comparison.message == (
        "employed: 4 of 6 (66.7 %) of those who used the model's services, 1 of 6 (16.7 %) "
        "of those who did not: inconclusive: +50.0 percentage points (95 % interval -4.0 to "
        "+77.3), a difference chance alone could give"
    )


def test_a_group_below_the_threshold_is_too_few_to_compare(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 4, 4) + group(person, "N", (), 1, 20)
    (comparison,) = weigh(records)
    assert comparison.verdict is ind.Verdict.TOO_FEW
    assert comparison.difference is None
    assert comparison.difference_interval is comparison.used_interval is None
    assert comparison.message.endswith(
        "too few to compare (fewer than 5 people in a group or with the result)"
    )
    (comparison,) = weigh(records, threshold=4)
    assert comparison.verdict is ind.Verdict.SUPPORTED  # 4 of 4 against 1 of 20


def test_a_difference_resting_on_fewer_people_than_the_threshold_is_no_claim(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 3, 10) + group(person, "N", (), 1, 10)
    assert weigh(records)["employed"].verdict is ind.Verdict.TOO_FEW  # 3 + 1 people employed
    assert weigh(records, threshold=4)["employed"].verdict is ind.Verdict.INCONCLUSIVE


def test_the_issue_example_seven_of_47_against_two_of_16_is_inconclusive(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 7, 47) + group(person, "N", (), 2, 16)
    (comparison,) = weigh(records)
    assert comparison.verdict is ind.Verdict.INCONCLUSIVE
    assert comparison.message.endswith(
        "inconclusive: +2.4 percentage points (95 % interval -22.3 to +18.0), a difference "
        "chance alone could give"
    )


def test_a_large_clear_difference_is_supported(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 40, 50) + group(person, "N", (), 10, 50)
    (comparison,) = weigh(records)
    assert comparison.verdict is ind.Verdict.SUPPORTED
    assert comparison.difference_interval.lower > 0  # type: ignore[union-attr]
    assert comparison.message.endswith(
        "supported: better with the model's services, +60.0 percentage points (95 % interval "
        "+41.6 to +72.4)"
    )


def test_a_clear_worse_difference_is_against(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 10, 50) + group(person, "N", (), 40, 50)
    (comparison,) = weigh(records)
    assert comparison.verdict is ind.Verdict.AGAINST
    assert comparison.message.endswith(
        "against: worse with the model's services, -60.0 percentage points (95 % interval "
        "-72.4 to -41.6)"
    )


def test_a_small_difference_either_way_or_none_is_inconclusive(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    worse = group(person, "U", both, 2, 6) + group(person, "N", (), 4, 6)
    assert weigh(worse)["employed"].verdict is ind.Verdict.INCONCLUSIVE
    same = group(person, "U", both, 3, 6) + group(person, "N", (), 3, 6)
    (comparison,) = weigh(same)
    assert (comparison.verdict, comparison.difference) == (ind.Verdict.INCONCLUSIVE, 0)
    assert comparison.message.endswith(
        "inconclusive: +0.0 percentage points (95 % interval -44.2 to +44.2), a difference "
        "chance alone could give"
    )


def test_the_better_direction_is_the_criterions(person) -> None:
    # The same clear difference is supported where higher is better, against where lower is.
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 40, 50) + group(person, "N", (), 10, 50)
    lower = evolve(EMPLOYED, better=ind.Direction.LOWER)
    assert weigh(records)["employed"].verdict is ind.Verdict.SUPPORTED
    assert weigh(records, criteria=(lower,))["employed"].verdict is ind.Verdict.AGAINST


def test_for_a_mean_lower_can_be_better(person) -> None:
    coached = group(person, "U", (S.REHABILITATIVE_WORK, S.JOB_COACHING), 0, 5, days=100)
    alone = group(person, "N", (S.REHABILITATIVE_WORK,), 0, 5, days=300)
    (comparison,) = weigh(coached + alone, criteria=(DAYS,))
    # Nobody's days vary within a group: the interval is the difference itself.
    assert comparison.verdict is ind.Verdict.SUPPORTED
    assert comparison.difference == -200
    assert "mean 100.0 days (n = 5)" in comparison.message
    assert comparison.message.endswith(
        "supported: better with the model's services, -200.0 days (95 % interval -200.0 to -200.0)"
    )


def test_a_difference_of_means_has_welchs_interval(person) -> None:
    # 100..140 days against 200..240: means 120 and 220, variances 250 each, so the
    # standard error is 10 on 8 degrees of freedom; t(0.975, 8) = 2.306 (a t table).
    coached = [
        person(f"U{i}", (S.REHABILITATIVE_WORK, S.JOB_COACHING), days=100 + 10 * i)
        for i in range(5)
    ]
    alone = [person(f"N{i}", (S.REHABILITATIVE_WORK,), days=200 + 10 * i) for i in range(5)]
    (comparison,) = weigh(coached + alone, criteria=(DAYS,))
    between = comparison.difference_interval
    assert between is not None
    assert between.estimate == -100
    assert between.lower == pytest.approx(-100 - 23.06, abs=0.01)
    assert between.upper == pytest.approx(-100 + 23.06, abs=0.01)
    assert comparison.verdict is ind.Verdict.SUPPORTED  # lower is better for days
    # Each mean's own interval: 120 ± t(0.975, 4) · √(250 / 5), t(0.975, 4) = 2.776.
    used = comparison.used_interval
    assert used is not None
    assert (used.lower, used.upper) == pytest.approx((120 - 19.63, 120 + 19.63), abs=0.01)


def test_all_or_any_of_the_model_services(person) -> None:
    records = (
        group(person, "B", (S.REHABILITATIVE_WORK, S.JOB_COACHING), 5, 5)
        + group(person, "C", (S.JOB_COACHING,), 0, 5)
        + group(person, "N", (), 0, 5)
    )
    strict = weigh(records)["employed"]
    assert (strict.used.denominator, strict.not_used.denominator) == (5, 10)
    loose = weigh(records, use=ind.ServiceUse.ANY)["employed"]
    assert (loose.used.denominator, loose.not_used.denominator) == (10, 5)


def test_among_narrows_the_comparison(person) -> None:
    records = (
        group(person, "B", (S.REHABILITATIVE_WORK, S.JOB_COACHING), 4, 6)
        + group(person, "R", (S.REHABILITATIVE_WORK,), 1, 6)
        + group(person, "N", (), 6, 6)
    )
    narrowed = weigh(records, among=ind.UsedService(services=(S.REHABILITATIVE_WORK,)))
    comparison = narrowed["employed"]
    assert (comparison.not_used.numerator, comparison.not_used.denominator) == (1, 6)
    assert comparison.verdict is ind.Verdict.INCONCLUSIVE
    assert weigh(records)["employed"].not_used.denominator == 12


def test_only_shares_and_means_are_compared() -> None:
    with pytest.raises(h.DataError) as caught:
        ind.Criterion(indicator=ind.SEED_FIGURES["leavers"])
    assert caught.value.problems == (
        "$.indicator.statistic: leavers is a Count; evidence compares groups of different "
        "sizes, so only a Share or a Mean will do",
    )


def test_a_model_without_services_has_no_evidence_and_the_threshold_is_positive() -> None:
    with pytest.raises(h.DataError) as caught:
        weigh([], model=h.OperatingModel(id="m", name="M"), threshold=0)
    assert [p.split(":")[0] for p in caught.value.problems] == ["$.model.services", "$.threshold"]


def test_esf_results_become_shares_of_the_leavers() -> None:
    dataset = demo_dataset()
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    counts = ind.compute(ind.ESF_PLUS_2021, dataset.participants, period=period, as_of=AS_OF)
    share = ind.share_within(ind.ESF_PLUS_2021["EECR04"], ind.ESF_PLUS_2021["EELEAVERS"])
    (figure,) = ind.compute([share], dataset.participants, period=period, as_of=AS_OF).values()
    assert (figure.numerator, figure.denominator) == (
        counts["EECR04"].numerator,
        counts["EELEAVERS"].numerator,
    )
    assert [c.indicator.code for c in ind.EVIDENCE_CRITERIA] == ["placement"] + [
        f"EECR0{i}" for i in range(2, 7)
    ]


def test_kaiku_evidence_counts_match_a_plain_recomputation() -> None:
    dataset = demo_dataset()
    model = dataset.operating_model("kaiku-malli")
    as_of = D(2019, 12, 31)
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    found = ind.evidence(model, dataset.participants, period=period, as_of=as_of)
    used = [
        r
        for r in dataset.participants
        if {S.REHABILITATIVE_WORK, S.JOB_COACHING} <= {e.service for e in r.episodes}
    ]
    placement = found["placement"]
    assert placement.used.denominator == len(used) == 74
    assert placement.not_used.denominator == 270 - 74
    assert placement.overall.numerator == placement.used.numerator + placement.not_used.numerator
    # Like with like: among the people in rehabilitative work, with and without coaching.
    rehab = ind.UsedService(services=(S.REHABILITATIVE_WORK,))
    narrowed = ind.evidence(model, dataset.participants, period=period, as_of=as_of, among=rehab)
    assert narrowed["placement"].not_used.denominator == 15
    assert narrowed["placement"].verdict is ind.Verdict.SUPPORTED  # 30 of 74 against 0 of 15


services = st.lists(st.sampled_from(list(S)), min_size=1, max_size=3, unique=True)
datasets = hst.datasets(period=(D(2015, 1, 1), D(2018, 12, 31)), max_participants=10)
years = st.integers(2015, 2018).map(ind.ReportingPeriod.year)
criteria = st.just((*ind.EVIDENCE_CRITERIA, DAYS))


@given(datasets, services, st.sampled_from(list(ind.ServiceUse)), years, criteria)
def test_used_plus_not_used_is_everyone(dataset, chosen, use, period, criteria) -> None:
    model = h.OperatingModel(id="m", name="M", services=tuple(chosen))
    found = ind.evidence(
        model, dataset.participants, period=period, as_of=D(2019, 6, 30), criteria=criteria, use=use
    )
    for comparison in found:
        together = ind.combine([comparison.used, comparison.not_used])
        assert together.numerator == comparison.overall.numerator
        assert together.denominator == comparison.overall.denominator
        assert together.missing == comparison.overall.missing


@given(datasets, services, years, st.integers(1, 8), st.data())
def test_split_and_merge_equals_the_whole(dataset, chosen, period, threshold, data) -> None:
    model = h.OperatingModel(id="m", name="M", services=tuple(chosen))
    calculation = ind.EvidenceCalculation(
        model=model,
        context=ind.Context(period=period, as_of=D(2019, 6, 30)),
        threshold=threshold,
    )
    records = dataset.participants
    cut = data.draw(st.integers(0, len(records)))
    head, tail = calculation.start(), calculation.start()
    head.add_all(records[:cut])
    tail.add_all(records[cut:])
    head.merge(tail)
    assert calculation.weigh(head.results()) == calculation.run(records)


# Fewer kinds of service and more people, so that comparisons are often made.
populous = hst.datasets(
    period=(D(2015, 1, 1), D(2018, 12, 31)),
    max_participants=16,
    service_types=(S.REHABILITATIVE_WORK, S.JOB_COACHING, S.TET),
)
model_services = st.lists(
    st.sampled_from([S.REHABILITATIVE_WORK, S.JOB_COACHING]), min_size=1, unique=True
)
EVER_EMPLOYED = ind.Criterion(indicator=evolve(EMPLOYED.indicator, scope=ind.Scope.ENTERED_BY_END))


@given(populous, model_services, st.sampled_from(list(ind.ServiceUse)), years, st.integers(1, 4))
def test_no_claim_is_made_on_too_few_people(dataset, chosen, use, period, threshold) -> None:
    model = h.OperatingModel(id="m", name="M", services=tuple(chosen))
    found = ind.evidence(
        model,
        dataset.participants,
        period=period,
        as_of=D(2019, 6, 30),
        criteria=(*ind.EVIDENCE_CRITERIA, EVER_EMPLOYED, DAYS),
        use=use,
        threshold=threshold,
    )
    for comparison in found:
        used, not_used = comparison.used, comparison.not_used
        few = (
            min(used.denominator or 0, not_used.denominator or 0) < threshold
            or used.numerator + not_used.numerator < threshold
        )
        assert (comparison.verdict is ind.Verdict.TOO_FEW) == few
        if not few:
            assert comparison.difference == used.value - not_used.value  # type: ignore[operator]
