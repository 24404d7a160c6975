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
    assert comparison.verdict is ind.Verdict.BETTER
    assert comparison.difference == Fraction(1, 2)
    assert comparison.message == (
        "employed: 4 of 6 (66.7 %) of those who used the model's services, 1 of 6 (16.7 %) "
        "of those who did not: better with the model's services (+50.0 percentage points)"
    )


def test_a_group_below_the_threshold_is_too_few_to_compare(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 4, 4) + group(person, "N", (), 1, 20)
    (comparison,) = weigh(records)
    assert comparison.verdict is ind.Verdict.TOO_FEW
    assert comparison.difference is None
    assert comparison.message.endswith(
        "too few to compare (fewer than 5 people in a group or with the result)"
    )
    (comparison,) = weigh(records, threshold=4)
    assert comparison.verdict is ind.Verdict.BETTER


def test_a_difference_resting_on_fewer_people_than_the_threshold_is_no_claim(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    records = group(person, "U", both, 3, 10) + group(person, "N", (), 1, 10)
    assert weigh(records)["employed"].verdict is ind.Verdict.TOO_FEW  # 3 + 1 people employed
    assert weigh(records, threshold=4)["employed"].verdict is ind.Verdict.BETTER


def test_worse_and_same_are_said_as_plainly(person) -> None:
    both = (S.REHABILITATIVE_WORK, S.JOB_COACHING)
    worse = group(person, "U", both, 2, 6) + group(person, "N", (), 4, 6)
    assert weigh(worse)["employed"].verdict is ind.Verdict.WORSE
    same = group(person, "U", both, 3, 6) + group(person, "N", (), 3, 6)
    (comparison,) = weigh(same)
    assert (comparison.verdict, comparison.difference) == (ind.Verdict.SAME, 0)
    assert comparison.message.endswith("no difference")


def test_for_a_mean_lower_can_be_better(person) -> None:
    coached = group(person, "U", (S.REHABILITATIVE_WORK, S.JOB_COACHING), 0, 5, days=100)
    alone = group(person, "N", (S.REHABILITATIVE_WORK,), 0, 5, days=300)
    (comparison,) = weigh(coached + alone, criteria=(DAYS,))
    assert comparison.verdict is ind.Verdict.BETTER
    assert comparison.difference == -200
    assert "mean 100.0 days (n = 5)" in comparison.message
    assert comparison.message.endswith("better with the model's services (-200.0 days)")


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
    assert comparison.verdict is ind.Verdict.BETTER
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
        f"EECR0{i}" for i in range(1, 7)
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
    assert narrowed["placement"].verdict is ind.Verdict.BETTER


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
            sign = 1 if comparison.criterion.better is ind.Direction.HIGHER else -1
            gain = sign * comparison.difference
            expected = (
                ind.Verdict.BETTER
                if gain > 0
                else ind.Verdict.WORSE
                if gain < 0
                else ind.Verdict.SAME
            )
            assert comparison.verdict is expected
