"""Change on staged-scale instruments as indicators (indicators/_instruments.py)."""

from __future__ import annotations

from fractions import Fraction

import pendulum
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.testing._operating_models import assessed_datasets

D = pendulum.date
ENTRY, REVIEW = h.AssessmentKind.ENTRY, h.AssessmentKind.REVIEW
WHOLE = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2017, 12, 31))
AS_OF = D(2018, 6, 30)

LADDER = h.Instrument(
    id="ladder",
    name="Ladder",
    dimensions=(
        h.Dimension(id="search", name="Job search", stages=("0", "1", "2", "3", "4")),
        h.Dimension(id="skills", name="Basic skills", stages=("0", "1", "2")),
    ),
)


def scored(day, kind, **stages) -> h.Assessment:
    scores = tuple(h.Score(dimension=d, stage=s) for d, s in stages.items())
    return h.Assessment(instrument="ladder", date=day, kind=kind, scores=scores)


def assessed(rec, pid, *assessments, **profile) -> h.Participation:
    record = rec(pid, periods=((D(2016, 3, 1), D(2016, 12, 31)),), **profile)
    return evolve(record, assessments=assessments)


def value(measure, record, period=WHOLE, as_of=AS_OF):
    ctx = ind.Context(period=period, as_of=as_of)
    view = ctx.see(record)
    assert view is not None
    return measure.value(view, ctx)


def test_change_is_the_latest_review_minus_the_entry_stage(rec) -> None:
    record = assessed(
        rec,
        "P-1",
        scored(D(2016, 9, 1), REVIEW, search=2),
        scored(D(2016, 3, 1), ENTRY, search=1, skills=2),
        scored(D(2016, 12, 1), REVIEW, search=4, skills=0),
    )
    assert value(ind.StageChange(instrument="ladder", dimension="search"), record) == 3
    assert value(ind.StageChange(instrument="ladder", dimension="skills"), record) == -2
    assert value(ind.StageChange(instrument="ladder"), record) == 1  # summed over dimensions


def test_reviews_after_the_period_or_as_of_are_not_yet_known(rec) -> None:
    record = assessed(
        rec,
        "P-1",
        scored(D(2016, 3, 1), ENTRY, search=1),
        scored(D(2016, 6, 1), REVIEW, search=2),
        scored(D(2016, 12, 1), REVIEW, search=4),
    )
    change = ind.StageChange(instrument="ladder", dimension="search")
    assert value(change, record) == 3
    assert value(change, record, as_of=D(2016, 11, 30)) == 1
    assert value(change, record, period=ind.ReportingPeriod.year(2016)) == 3
    mid = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2016, 6, 30))
    assert value(change, record, period=mid) == 1
    assert value(change, record, as_of=D(2016, 5, 31)) is None


def test_without_an_entry_or_a_review_of_the_dimension_change_is_unknown(rec) -> None:
    no_entry = assessed(rec, "P-1", scored(D(2016, 6, 1), REVIEW, search=2))
    entry_only = assessed(rec, "P-2", scored(D(2016, 3, 1), ENTRY, search=1))
    other_dimension = assessed(
        rec,
        "P-3",
        scored(D(2016, 3, 1), ENTRY, search=1),
        scored(D(2016, 6, 1), REVIEW, skills=1),
    )
    for record in (no_entry, entry_only, other_dimension):
        assert value(ind.StageChange(instrument="ladder", dimension="search"), record) is None
    assert value(ind.StageChange(instrument="ladder"), other_dimension) is None
    assert value(ind.StageChange(instrument="other"), no_entry) is None


def test_instrument_indicators_give_change_and_share_improved(rec) -> None:
    records = [
        assessed(
            rec,
            "P-1",
            scored(D(2016, 3, 1), ENTRY, search=1, skills=0),
            scored(D(2016, 9, 1), REVIEW, search=3, skills=0),
        ),
        assessed(
            rec,
            "P-2",
            scored(D(2016, 3, 1), ENTRY, search=2, skills=1),
            scored(D(2016, 9, 1), REVIEW, search=1, skills=2),
        ),
        assessed(rec, "P-3", scored(D(2016, 3, 1), ENTRY, search=0)),
        rec("P-4"),
    ]
    catalogue = ind.instrument_indicators(LADDER)
    assert catalogue.codes == (
        "ladder.assessed",
        "ladder.change",
        "ladder.improved",
        "ladder.search.change",
        "ladder.search.improved",
        "ladder.skills.change",
        "ladder.skills.improved",
    )
    results = ind.compute(catalogue, records, period=WHOLE, as_of=AS_OF)
    assert results["ladder.assessed"].numerator == 2
    assert (results["ladder.change"].numerator, results["ladder.change"].denominator) == (2, 2)
    assert results["ladder.improved"].value == Fraction(1, 2)  # P-2 is level overall
    search = results["ladder.search.change"]
    assert (search.numerator, search.denominator, search.median) == (1, 2, Fraction(1, 2))
    assert results["ladder.search.improved"].value == Fraction(1, 2)
    assert results["ladder.skills.improved"].value == Fraction(1, 2)
    assert ind.check_results(results, catalogue) == ()
    assert catalogue["ladder.search.change"].labels.fi == "Ladder – Job search: muutos (portaita)"


def test_results_break_down_by_group(rec) -> None:
    women = [
        assessed(
            rec,
            f"W-{i}",
            scored(D(2016, 3, 1), ENTRY, search=0),
            scored(D(2016, 9, 1), REVIEW, search=i),
            gender=h.Gender.WOMAN,
        )
        for i in range(3)
    ]
    man = assessed(
        rec,
        "M-1",
        scored(D(2016, 3, 1), ENTRY, search=2),
        scored(D(2016, 9, 1), REVIEW, search=2),
        gender=h.Gender.MAN,
    )
    results = ind.compute(
        ind.instrument_indicators(LADDER),
        [*women, man],
        period=WHOLE,
        as_of=AS_OF,
        breakdown=ind.ByCharacteristic(name="gender"),
    )
    groups = results.by_group
    improved = "ladder.search.improved"
    assert (groups["woman"][improved].numerator, groups["woman"][improved].denominator) == (2, 3)
    assert (groups["man"][improved].numerator, groups["man"][improved].denominator) == (0, 1)


def test_the_demo_ladder_figures_match_a_plain_recomputation() -> None:
    dataset = demo_dataset()
    (ladder,) = dataset.instruments
    period = ind.ReportingPeriod(start=dataset.programme.start, end=dataset.programme.end)
    results = ind.compute(
        ind.instrument_indicators(ladder), dataset.participants, period=period, as_of=D(2019, 1, 1)
    )
    changes = []
    for record in dataset.participants:
        entry = [a for a in record.assessments if a.kind is ENTRY]
        reviews = sorted((a for a in record.assessments if a.kind is REVIEW), key=lambda a: a.date)
        if entry and reviews:
            changes.append(
                reviews[-1].stage("job_search") - entry[0].stage("job_search")  # type: ignore[operator]
            )
    figure = results[f"{ladder.id}.job_search.change"]
    assert (figure.numerator, figure.denominator) == (sum(changes), len(changes))
    improved = results[f"{ladder.id}.job_search.improved"]
    assert improved.numerator == sum(c > 0 for c in changes)
    assert 0 < improved.numerator < improved.denominator


periods = st.sampled_from([ind.ReportingPeriod.year(y) for y in range(2014, 2021)])
as_ofs = st.dates(pendulum.date(2014, 6, 1), pendulum.date(2030, 1, 1)).map(
    lambda d: D(d.year, d.month, d.day)
)
keys = st.sampled_from([None, ind.ByCharacteristic(name="gender"), ind.ByAgeBand()])


@given(assessed_datasets(max_participants=6), periods, as_ofs, keys)
def test_share_improved_is_within_zero_and_one(dataset, period, as_of, key) -> None:
    for instrument in dataset.instruments:
        catalogue = ind.instrument_indicators(instrument)
        results = ind.compute(
            catalogue, dataset.participants, period=period, as_of=as_of, breakdown=key
        )
        figures = [*results.values(), *(f for _, group in results.groups for f in group)]
        for figure in figures:
            if figure.statistic is ind.Statistic.SHARE and figure.denominator:
                assert 0 <= figure.value <= 1  # type: ignore[operator]
        assert ind.check_results(results, catalogue) == ()


@given(assessed_datasets(max_participants=6), periods, as_ofs, keys, st.data())
def test_split_and_merge_equals_the_whole(dataset, period, as_of, key, data) -> None:
    for instrument in dataset.instruments:
        calculation = ind.Calculation(
            indicators=ind.instrument_indicators(instrument),
            context=ind.Context(period=period, as_of=as_of),
            breakdown=key,
        )
        records = dataset.participants
        cut = data.draw(st.integers(0, len(records)))
        head, tail = calculation.start(), calculation.start()
        head.add_all(records[:cut])
        tail.add_all(records[cut:])
        head.merge(tail)
        assert head.results() == calculation.run(records)


@given(assessed_datasets(max_participants=6), periods, as_ofs)
def test_the_change_is_the_mean_of_each_persons_change(dataset, period, as_of) -> None:
    ctx = ind.Context(period=period, as_of=as_of)
    for instrument in dataset.instruments:
        results = ind.compute(
            ind.instrument_indicators(instrument), dataset.participants, period=period, as_of=as_of
        )
        for dimension in instrument.dimensions:
            measure = ind.StageChange(instrument=instrument.id, dimension=dimension.id)
            known = []
            for record in dataset.participants:
                view = ctx.see(record)
                if view is not None and ctx.in_scope(view, ind.Scope.ENTERED_BY_END):
                    change = measure.value(view, ctx)
                    if change is not None:
                        top = len(dimension.stages) - 1
                        assert -top <= change <= top
                        known.append(change)
            figure = results[f"{instrument.id}.{dimension.id}.change"]
            assert (figure.numerator, figure.denominator) == (sum(known), len(known))


def test_instrument_indicators_are_labelled_in_three_languages_and_anchored_as_documented():
    """Labels name the instrument and dimension; every figure is cumulative by default."""
    catalogue = ind.instrument_indicators(LADDER)
    assert catalogue.name == "Ladder (staged scale)"
    assert catalogue.version == "1"
    assert catalogue.description == (
        "Change on the staged-scale instrument 'Ladder', entry to latest review."
    )
    labels = {i.code: (i.labels.fi, i.labels.sv, i.labels.en) for i in catalogue.indicators}
    assert labels == {
        "ladder.assessed": (
            "Ladder: arvioitu alussa ja seurannassa",
            "Ladder: bedömda i början och vid uppföljning",
            "Ladder: assessed at entry and in review",
        ),
        "ladder.change": (
            "Ladder: muutos (portaita)",
            "Ladder: förändring (steg)",
            "Ladder: change (stages)",
        ),
        "ladder.improved": ("Ladder: edistyneet", "Ladder: förbättrade", "Ladder: improved"),
        "ladder.search.change": (
            "Ladder – Job search: muutos (portaita)",
            "Ladder – Job search: förändring (steg)",
            "Ladder – Job search: change (stages)",
        ),
        "ladder.search.improved": (
            "Ladder – Job search: edistyneet",
            "Ladder – Job search: förbättrade",
            "Ladder – Job search: improved",
        ),
        "ladder.skills.change": (
            "Ladder – Basic skills: muutos (portaita)",
            "Ladder – Basic skills: förändring (steg)",
            "Ladder – Basic skills: change (stages)",
        ),
        "ladder.skills.improved": (
            "Ladder – Basic skills: edistyneet",
            "Ladder – Basic skills: förbättrade",
            "Ladder – Basic skills: improved",
        ),
    }
    assert {i.scope for i in catalogue.indicators} == {ind.Scope.ENTERED_BY_END}
    assert {i.reference for i in catalogue.indicators} == {"staged-scale instrument 'ladder'"}
    within = {i.code: i.within for i in catalogue.indicators}
    assert within["ladder.assessed"] is None
    assert within["ladder.change"] is None
    assert within["ladder.improved"] == within["ladder.skills.improved"] == "ladder.assessed"
    populations = {i.code: i.population for i in catalogue.indicators}
    assert populations["ladder.assessed"] == ind.Assessed(instrument="ladder")
    assert populations["ladder.skills.change"] == ind.Assessed(
        instrument="ladder", dimension="skills"
    )
    other = ind.instrument_indicators(LADDER, scope=ind.Scope.ENTERED)
    assert {i.scope for i in other.indicators} == {ind.Scope.ENTERED}
