"""The rules of the evidence for an operating model at their edges (indicators/_evidence.py).

An empty group is too few to compare whatever the threshold; a group nobody is in
still has its figure, of the indicator's own kind; the evidence records what it was
computed over and with which counting rules; its words give every number with its
unit, and a dash for a value that does not exist.
"""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
S = h.ServiceType
PERIOD = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="päivät", sv="dagar", en="days")
MODEL = h.OperatingModel(id="m", name="Model", services=(S.REHABILITATIVE_WORK,))
EMPLOYED = ind.Criterion(
    indicator=ind.Indicator(
        code="employed",
        labels=LABELS,
        statistic=ind.Share(of=ind.HadEvent(events=(ind.EventMatch(event="employment"),))),
    )
)
DAYS = ind.Criterion(
    indicator=ind.Indicator(
        code="rehab_days",
        labels=LABELS,
        statistic=ind.Mean(measure=ind.DaysInService(services=(S.REHABILITATIVE_WORK,))),
    ),
    better=ind.Direction.LOWER,
)


def person(rec, job, pid: str, *, used: bool, employed: bool = False, days: int = 30):
    episodes = (
        (
            h.ServiceEpisode(
                service=S.REHABILITATIVE_WORK,
                start=D(2016, 3, 1),
                end=D(2016, 3, 1).add(days=days - 1),
            ),
        )
        if used
        else ()
    )
    jobs = (job(D(2016, 9, 1)),) if employed else ()
    return rec(pid, periods=((D(2016, 3, 1), D(2016, 8, 31)),), episodes=episodes, situations=jobs)


def weigh(records, criteria=(EMPLOYED,), **options) -> ind.Evidence:
    return ind.evidence(MODEL, records, period=PERIOD, as_of=AS_OF, criteria=criteria, **options)


def test_an_empty_group_is_too_few_to_compare_even_at_threshold_one(rec, job) -> None:
    records = [person(rec, job, f"U{i}", used=True, employed=i < 2) for i in range(3)]
    (comparison,) = weigh(records, threshold=1)
    assert (comparison.used.denominator, comparison.not_used.denominator) == (3, 0)
    assert comparison.verdict is ind.Verdict.TOO_FEW
    assert comparison.message == (
        "employed: 2 of 3 (66.7 %) of those who used the model's services, 0 of 0 (–) of those "
        "who did not: too few to compare (fewer than 1 person in a group or with the result)"
    )


def test_a_group_nobody_is_in_has_an_empty_figure_of_the_indicators_kind(rec, job) -> None:
    # "post_exit_contact" counts from the programme start: so does its empty figure.
    contact = ind.Criterion(indicator=ind.SEED_FIGURES["post_exit_contact"])
    records = [person(rec, job, f"U{i}", used=True) for i in range(2)]
    found = weigh(records, criteria=(EMPLOYED, contact))
    assert found["post_exit_contact"].not_used == ind.Figure(
        code="post_exit_contact",
        statistic=ind.Statistic.SHARE,
        numerator=0,
        denominator=0,
        cumulative=True,
    )
    assert found["employed"].not_used == ind.Figure(
        code="employed", statistic=ind.Statistic.SHARE, numerator=0, denominator=0
    )


def test_an_empty_mean_is_shown_as_a_dash_with_its_unit(rec, job) -> None:
    records = [person(rec, job, f"U{i}", used=True, days=10 * (i + 1)) for i in range(5)]
    (comparison,) = weigh(records, criteria=(DAYS,))
    assert comparison.message == (
        "rehab_days: mean 30.0 days (n = 5) of those who used the model's services, mean – days "
        "(n = 0) of those who did not: too few to compare (fewer than 5 people in a group or "
        "with the result)"
    )


def test_a_mean_comparison_gives_both_means_in_their_unit(rec, job) -> None:
    model = h.OperatingModel(id="m", name="Model", services=(S.JOB_COACHING,))

    def coached(pid, days, coaching):
        rehab = h.ServiceEpisode(
            service=S.REHABILITATIVE_WORK, start=D(2016, 3, 1), end=D(2016, 3, 1).add(days=days - 1)
        )
        coach = h.ServiceEpisode(service=S.JOB_COACHING, start=D(2016, 3, 1), end=D(2016, 3, 2))
        episodes = (rehab, coach) if coaching else (rehab,)
        return rec(pid, periods=((D(2016, 3, 1), D(2016, 12, 31)),), episodes=episodes)

    records = [coached(f"C{i}", 100, True) for i in range(5)]
    records += [coached(f"N{i}", 150, False) for i in range(5)]
    (comparison,) = ind.evidence(model, records, period=PERIOD, as_of=AS_OF, criteria=(DAYS,))
    assert comparison.message == (
        "rehab_days: mean 100.0 days (n = 5) of those who used the model's services, mean "
        "150.0 days (n = 5) of those who did not: supported: better with the model's services, "
        "-50.0 days (95 % interval -50.0 to -50.0)"
    )


def test_the_evidence_records_what_it_was_computed_over(rec, job) -> None:
    found = weigh([], use=ind.ServiceUse.ANY, threshold=3)
    assert (found.model, found.services, found.use) == ("m", (S.REHABILITATIVE_WORK,), "any")
    assert (found.period, found.as_of, found.threshold) == (PERIOD, AS_OF, 3)


def test_the_evidence_counts_by_the_rules_given(rec, job) -> None:
    # Employed 20 days after leaving: a placement by the default 28 days, not by 10.
    placement = ind.Criterion(indicator=ind.SEED_FIGURES["placement"])

    def leaver(pid, used):
        episodes = (
            (
                h.ServiceEpisode(
                    service=S.REHABILITATIVE_WORK, start=D(2016, 3, 1), end=D(2016, 4, 1)
                ),
            )
            if used
            else ()
        )
        return rec(
            pid,
            periods=((D(2016, 3, 1), D(2016, 6, 1)),),
            episodes=episodes,
            situations=(job(D(2016, 6, 21)),),
        )

    records = [leaver(f"U{i}", True) for i in range(2)]
    default = weigh(records, criteria=(placement,))["placement"]
    strict = weigh(records, criteria=(placement,), rules=ind.CountingRules(upon_leaving_days=10))[
        "placement"
    ]
    assert (default.used.numerator, strict.used.numerator) == (2, 0)


def test_asking_for_a_criterion_the_evidence_has_not_is_a_key_error(rec, job) -> None:
    found = weigh([])
    assert found["employed"].code == "employed"
    with pytest.raises(KeyError) as caught:
        found["EECR04"]
    assert caught.value.args == ("EECR04",)


def test_a_mean_without_a_unit_is_told_as_a_bare_number(rec, job) -> None:
    class Age(ind.Measure):
        __slots__ = ()

        def value(self, view, ctx) -> int | None:
            return view.record.participant.age_at_entry

    age = ind.Criterion(
        indicator=ind.Indicator(code="age", labels=LABELS, statistic=ind.Mean(measure=Age()))
    )
    records = [rec(f"U{i}", age=30, episodes=(rehab(),)) for i in range(5)]
    records += [rec(f"N{i}", age=25) for i in range(5)]
    (comparison,) = weigh(records, criteria=(age,))
    assert comparison.message == (
        "age: mean 30.0 (n = 5) of those who used the model's services, mean 25.0 (n = 5) of "
        "those who did not: supported: better with the model's services, +5.0 (95 % interval "
        "+5.0 to +5.0)"
    )


def rehab() -> h.ServiceEpisode:
    return h.ServiceEpisode(service=S.REHABILITATIVE_WORK, start=D(2016, 3, 1), end=D(2016, 3, 9))


def test_evidence_for_a_model_without_services_or_with_no_threshold_is_refused() -> None:
    with pytest.raises(h.DataError) as caught:
        ind.evidence(
            h.OperatingModel(id="m", name="M"), [], period=PERIOD, as_of=AS_OF, threshold=0
        )
    assert caught.value.problems == (
        "$.model.services: operating model 'm' names no services; evidence compares the "
        "pathways that used them with those that did not",
        "$.threshold: expected 1 or more, got 0",
    )


def test_a_group_where_nobody_has_the_result_counts_as_none_not_one(rec, job) -> None:
    records = [person(rec, job, f"U{i}", used=True) for i in range(6)]
    records += [person(rec, job, f"N{i}", used=False, employed=i < 5) for i in range(6)]
    (comparison,) = weigh(records)
    assert comparison.used.value == 0
    assert (comparison.verdict, comparison.difference) == (ind.Verdict.AGAINST, Fraction(-5, 6))
    assert comparison.message.endswith(
        "against: worse with the model's services, -83.3 percentage points (95 % interval "
        "-97.0 to -27.7)"
    )
