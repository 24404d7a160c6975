"""Several runs fed in one pass give what each gives alone (indicators/_feed.py).

A report set feeds every year, the whole programme, the targets' periods, the
evidence and the instruments in one pass over the records; runs that differ only in
their period are fed as a family, a record asked once per indicator, and an indicator
anchored to the entry or the exit counted once per record and merged per period.
The figures must be exactly those of each run alone.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pendulum
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.indicators._selectors import reads_period
from hankemalli.testing import strategies as hst

D = pendulum.date
EVERYTHING = ind.ESF_PLUS_2021 + ind.ESF_2014 + ind.SEED_FIGURES
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
BREAKDOWNS = (
    None,
    ind.ByCharacteristic(name="gender"),
    ind.ByAgeBand(),
    ind.ByService(),
)


def _periods(programme: h.Programme, as_of: pendulum.Date) -> list[ind.ReportingPeriod]:
    """Each year, the whole programme and the programme up to each year's end."""
    end = min(programme.end, as_of)
    if end < programme.start:
        return [ind.ReportingPeriod(start=programme.start, end=programme.end)]
    found = []
    for year in range(programme.start.year, end.year + 1):
        first = max(D(year, 1, 1), programme.start)
        last = min(D(year, 12, 31), end)
        found.append(ind.ReportingPeriod(start=first, end=last))
        found.append(ind.ReportingPeriod(start=programme.start, end=last))
    found.append(ind.ReportingPeriod(start=programme.start, end=programme.end))
    return found


@settings(max_examples=40, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.integers(-200, 900),
    st.sampled_from(BREAKDOWNS),
)
def test_runs_over_every_period_fed_together_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]],
    dataset: h.Dataset,
    days: int,
    breakdown: ind.Key | None,
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    rules = ind.CountingRules.for_programme(programme)
    calculations = [
        ind.Calculation(
            indicators=EVERYTHING,
            context=ind.Context(period=period, as_of=as_of, rules=rules),
            breakdown=breakdown,
        )
        for period in _periods(programme, as_of)
    ]
    # Other as_of dates and rules: their runs share nothing with the first ones.
    other = ind.Context(period=calculations[0].context.period, as_of=programme.end)
    calculations.append(ind.Calculation(indicators=EVERYTHING, context=other))
    calculations.append(evolve_rules(calculations[0]))
    fed_together(calculations, list(dataset.participants))


def evolve_rules(calculation: ind.Calculation) -> ind.Calculation:
    """The same calculation by the Finnish rule of long-term unemployment."""
    rules = ind.CountingRules(long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH)
    context = ind.Context(
        period=calculation.context.period, as_of=calculation.context.as_of, rules=rules
    )
    return ind.Calculation(
        indicators=calculation.indicators, context=context, breakdown=calculation.breakdown
    )


@settings(max_examples=25, deadline=None)
@given(hst.assessed_datasets(max_participants=8), st.integers(0, 400))
def test_evidence_and_instruments_over_every_period_fed_together_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]], dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    contexts = [ind.Context(period=p, as_of=as_of) for p in _periods(programme, as_of)]
    calculations = []
    for context in contexts:
        for model in dataset.operating_models:
            if model.services:
                evidence = ind.EvidenceCalculation(model=model, context=context)
                calculations.append(evidence.calculation)
        for instrument in dataset.instruments:
            catalogue = ind.instrument_indicators(instrument)
            calculations.append(ind.Calculation(indicators=catalogue, context=context))
    fed_together(calculations, list(dataset.participants))


# What may be asked once for every period ---------------------------------------------------


def test_a_selector_reads_the_period_only_through_a_window_in_the_period() -> None:
    employed = ind.HadEvent(events=(ind.EventMatch(event="employment"),))
    assert not reads_period(employed)
    assert not reads_period(ind.Complete() & ~ind.HasStatus(status=h.LabourMarketStatus.EMPLOYED))
    in_period = ind.HadEvent(events=employed.events, window=ind.Window.IN_PERIOD)
    assert reads_period(in_period)
    assert reads_period(ind.Complete() & (ind.Everyone() | in_period))


@frozen(kw_only=True)
class InThePeriodsFirstHalf(ind.Selector):
    """A user's own selector: entered in the first half of the period."""

    def matches(self, view: ind.RecordView, ctx: ind.Context) -> bool:
        middle = ctx.period.start.add(days=ctx.period.days // 2)
        return view.first_entry < middle


@frozen(kw_only=True)
class StatusAndPeriod(ind.HasStatus):
    """A subclass of a selector that does not read the period, that does."""

    def matches(self, view: ind.RecordView, ctx: ind.Context) -> bool:
        return super().matches(view, ctx) and ctx.period.start.month == 1


def test_a_users_own_selector_is_taken_to_read_the_period() -> None:
    assert reads_period(InThePeriodsFirstHalf())
    # A subclass answers in its own way: its parent's word does not cover it.
    assert reads_period(StatusAndPeriod(status=h.LabourMarketStatus.EMPLOYED))
    assert not reads_period(ind.HasStatus(status=h.LabourMarketStatus.EMPLOYED))


@settings(max_examples=30, deadline=None)
@given(hst.datasets(max_participants=6), st.integers(-100, 700))
def test_a_users_own_selector_over_several_periods_counts_per_period(
    fed_together: Callable[..., list[ind.Run]], dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    indicators = [
        ind.Indicator(code=f"X{n}", labels=LABELS, statistic=statistic, scope=scope, population=p)
        for n, (statistic, scope, p) in enumerate(
            [
                (ind.Count(), ind.Scope.ENTERED, InThePeriodsFirstHalf()),
                (ind.Count(of=InThePeriodsFirstHalf()), ind.Scope.LEFT_BY_END, ind.Everyone()),
                (ind.Share(of=InThePeriodsFirstHalf()), ind.Scope.ENTERED_BY_END, ind.Complete()),
            ]
        )
    ]
    calculations = [
        ind.Calculation(
            indicators=indicators,
            context=ind.Context(period=period, as_of=as_of),
            breakdown=ind.ByCharacteristic(name="gender"),
        )
        for period in _periods(programme, as_of)
    ]
    fed_together(calculations, list(dataset.participants))


@settings(max_examples=50, deadline=None)
@given(hst.datasets(max_participants=6), st.integers(-400, 900))
def test_the_scopes_of_a_record_are_those_it_is_in_one_by_one(
    dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    for period in _periods(programme, as_of):
        ctx = ind.Context(period=period, as_of=as_of)
        for record in dataset.participants:
            view = ctx.see(record)
            if view is not None:
                expected = {s for s in ind.Scope if ctx.in_scope(view, s)}
                assert ctx.scopes(view) == expected
                assert ctx.scopes(view) is ctx.scopes(view)  # worked out once


@frozen(kw_only=True)
class EveryEvent(ind.Events):
    """A user's own count of items: every event, whatever the match and window."""

    def items(self, view: ind.RecordView, ctx: ind.Context) -> list[str | None]:
        return [None for _ in view.events]


def test_a_users_own_count_of_items_is_asked_through_its_items(rec) -> None:
    record = rec(
        periods=((D(2016, 2, 1), D(2016, 8, 31)),),
        events=(
            h.QualificationGained(
                date=D(2016, 5, 1),
                source=h.InformationSource.REGISTER,
                kind=h.EducationKind.VOCATIONAL,
            ),
        ),
    )
    indicator = ind.Indicator(
        code="E",
        labels=LABELS,
        statistic=EveryEvent(match=ind.EventMatch(event="employment")),
        scope=ind.Scope.ENTERED,
    )
    year = ind.ReportingPeriod.year(2016)
    assert ind.compute([indicator], [record], period=year, as_of=D(2017, 1, 1))["E"].numerator == 1


@settings(max_examples=25, deadline=None)
@given(hst.datasets(max_participants=10), st.integers(0, 10))
def test_a_runs_state_pickled_and_merged_gives_the_figures_of_one_pass(
    dataset: h.Dataset, cut: int
) -> None:
    programme = dataset.programme
    context = ind.Context(
        period=ind.ReportingPeriod(start=programme.start, end=programme.end),
        as_of=programme.end.add(months=8),
    )
    calculation = ind.Calculation(
        indicators=EVERYTHING, context=context, breakdown=ind.ByCharacteristic(name="gender")
    )
    records = list(dataset.participants)
    first, second = calculation.start(), calculation.start()
    ind.feed([first], records[:cut])
    ind.feed([second], records[cut:])
    # What a process remembers by (its keys for selectors and item counts) stays behind.
    moved = pickle.loads(pickle.dumps(second))
    first.merge(moved)
    assert first.results() == calculation.run(records)


def test_the_key_a_view_remembers_items_by_is_worked_out_again_where_a_tally_is_unpickled() -> None:
    tally = ind.Events(match=ind.EventMatch(event="employment")).tally(
        ind.Context(period=ind.ReportingPeriod.year(2016), as_of=D(2017, 1, 1))
    )
    assert "key" not in tally.__getstate__()  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(tally)).key == tally.key  # type: ignore[attr-defined]


@settings(max_examples=30, deadline=None)
@given(hst.datasets(max_participants=8), st.integers(-100, 500), st.sampled_from(BREAKDOWNS))
def test_what_a_record_adds_worked_out_once_is_what_each_tally_adds_by_itself(
    dataset: h.Dataset, days: int, breakdown: ind.Key | None
) -> None:
    programme = dataset.programme
    period = ind.ReportingPeriod(start=programme.start, end=programme.end)
    ctx = ind.Context(period=period, as_of=programme.end.add(days=days))
    records = list(dataset.participants)
    results = ind.compute(EVERYTHING, records, period=period, as_of=ctx.as_of, breakdown=breakdown)
    # The reference: every tally (of the whole and of each group) adds each record itself.
    indicators = EVERYTHING.indicators
    wholes = [i.statistic.tally(ctx) for i in indicators]
    groups: dict[str, list[ind.Tally]] = {}
    for record in records:
        view = ctx.see(record)
        if view is None:
            continue
        in_groups = [] if breakdown is None else list(breakdown.groups(view, ctx))
        for group in in_groups:
            groups.setdefault(group, [i.statistic.tally(ctx) for i in indicators])
        for n, indicator in enumerate(indicators):
            if ctx.in_scope(view, indicator.scope) and indicator.population.matches(view, ctx):
                wholes[n].add(view, ctx)
                for group in in_groups:
                    groups[group][n].add(view, ctx)

    def figures(tallies: list[ind.Tally]) -> tuple[ind.Figure, ...]:
        return tuple(
            t.figure(i.code, i.cumulative) for i, t in zip(indicators, tallies, strict=True)
        )

    assert results.figures == figures(wholes)
    assert dict(results.groups) == {g: figures(t) for g, t in groups.items()}
