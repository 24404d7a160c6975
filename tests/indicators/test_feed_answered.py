"""Runs a family answers, and what a family takes once for several tallies (indicators/_feed.py).

A report set feeds, beside each year's figures and the whole programme's by gender,
a programme target's runs: a count of the programme up to each year's end, without
a breakdown. A family answers them without feeding them: an indicator anchored to
the entry or the exit is the merge of the family's stretches of days, and the count
of everyone taking part over a period made up of the family's years is the count of
the records taking part in any of those years (no exit comes before its entry). The
figures must be exactly those of each run fed alone; so must those of the counts of
everyone in a scope, added up by the scopes each record is in, and of a peak taken
as the average's days.
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.indicators import _feed
from hankemalli.testing import strategies as hst

D = pendulum.date
EVERYTHING = ind.ESF_PLUS_2021 + ind.ESF_2014 + ind.SEED_FIGURES
GENDER = ind.ByCharacteristic(name="gender")
#: A programme target's indicators: everyone taking part, a share of the leavers, a
#: count of those who entered.
TARGETS = tuple(EVERYTHING[code] for code in ("participants", "placement", "CO01"))


def _years(programme: h.Programme, as_of: pendulum.Date) -> list[ind.ReportingPeriod]:
    end = min(programme.end, as_of)
    return [
        ind.ReportingPeriod(
            start=max(D(year, 1, 1), programme.start), end=min(D(year, 12, 31), end)
        )
        for year in range(programme.start.year, end.year + 1)
    ]


def _calculations(
    programme: h.Programme, as_of: pendulum.Date, indicators: tuple[ind.Indicator, ...]
) -> tuple[list[ind.Calculation], list[ind.Calculation]]:
    """A report set's family (each year and the whole, by gender) and the target's runs."""
    rules = ind.CountingRules.for_programme(programme)
    years = _years(programme, as_of)
    whole = ind.ReportingPeriod(start=programme.start, end=min(programme.end, as_of))
    family = [
        ind.Calculation(
            indicators=EVERYTHING,
            context=ind.Context(period=period, as_of=as_of, rules=rules),
            breakdown=GENDER,
        )
        for period in [*years, whole]
    ]
    targets = [
        ind.Calculation(
            indicators=indicators,
            context=ind.Context(
                period=ind.ReportingPeriod(start=programme.start, end=year.end),
                as_of=as_of,
                rules=rules,
            ),
        )
        for year in years
    ]
    return family, targets


def _answered(calculations: list[ind.Calculation]) -> int:
    """How many of the calculations' runs a family answers (not fed themselves)."""
    members = _feed._families([c.start() for c in calculations])
    kept = _feed._answered(members)
    runs = {id(r) for m in kept for r in (m.runs if isinstance(m, _feed._Family) else (m,))}
    every = {id(r) for m in members for r in (m.runs if isinstance(m, _feed._Family) else (m,))}
    return len(every - runs)


@settings(max_examples=40, deadline=None)
@given(hst.datasets(max_participants=10), st.integers(-200, 900))
def test_a_targets_runs_answered_by_the_years_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]], dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    if as_of < programme.start:
        return  # no year to report
    family, targets = _calculations(programme, as_of, TARGETS)
    fed_together(family + targets, list(dataset.participants))


def test_the_targets_runs_of_the_demo_are_answered_and_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    family, targets = _calculations(programme, as_of, TARGETS)
    # Every target's run is answered by the family (none is fed itself) ...
    assert _answered(family + targets) == len(targets)
    # ... and each figure is the one the run gives alone.
    fed_together(family + targets, list(dataset.participants))


def test_someone_taking_part_over_several_years_is_counted_once_over_the_programme() -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    family, targets = _calculations(programme, as_of, (EVERYTHING["participants"],))
    records = list(dataset.participants)
    runs = [c.start() for c in family + targets]
    ind.feed(runs, iter(records))
    answered = [r.results()["participants"].numerator for r in runs[len(family) :]]
    years = [r.results()["participants"].numerator for r in runs[: len(family) - 1]]
    # Someone who took part in two years is one person of the programme up to the second.
    assert answered[-1] < sum(years)
    ctx = family[0].context
    spanning = 0
    for record in records:
        view = ctx.see(record)
        if view is None:
            continue
        if sum(ind.Scope.ACTIVE in c.context.scopes(view) for c in family[:-1]) > 1:
            spanning += 1
    assert spanning > 0  # the demo has such people, so the rule is put to the test
    assert answered == [t.run(records)["participants"].numerator for t in targets]


def test_a_run_over_a_period_not_made_of_the_familys_periods_is_fed_itself(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    family, _ = _calculations(programme, as_of, TARGETS)
    # From the middle of the first year: neither the stretches nor the years make it up.
    odd = ind.Calculation(
        indicators=TARGETS,
        context=ind.Context(
            period=ind.ReportingPeriod(start=programme.start.add(days=40), end=programme.end),
            as_of=as_of,
            rules=family[0].context.rules,
        ),
    )
    assert _answered([*family, odd]) == 0
    fed_together([*family, odd], list(dataset.participants))


def test_a_run_of_an_indicator_the_family_does_not_count_once_per_record_is_fed_itself(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    # The number of stayers is no merge of the years': the run is fed itself.
    family, targets = _calculations(programme, as_of, (EVERYTHING["stayers"],))
    assert _answered(family + targets) == 0
    fed_together(family + targets, list(dataset.participants))


@settings(max_examples=25, deadline=None)
@given(hst.datasets(max_participants=10), st.integers(-200, 900))
def test_counts_of_everyone_and_a_peak_taken_as_the_average_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]], dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    if as_of < programme.start:
        return
    indicators = tuple(
        EVERYTHING[code]
        for code in ("participants", "stayers", "average_concurrent", "peak_concurrent")
    )
    family, _ = _calculations(programme, as_of, ())
    calculations = [
        ind.Calculation(indicators=indicators, context=c.context, breakdown=c.breakdown)
        for c in family
    ]
    family_of = _feed._Family([c.start() for c in calculations])
    assert family_of.copies  # the peak takes nothing of its own
    assert family_of.scope_counts  # participants and stayers are added up at the end
    fed_together(calculations, list(dataset.participants))


def test_a_run_fed_before_keeps_its_peak_and_adds_the_new_records() -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    family, _ = _calculations(programme, as_of, ())
    records = list(dataset.participants)
    half = len(records) // 2
    runs = [c.start() for c in family]
    ind.feed(runs, iter(records[:half]))
    ind.feed(runs, iter(records[half:]))  # tallies already hold the first half
    assert [r.results() for r in runs] == [c.run(records) for c in family]


@settings(max_examples=60, deadline=None)
@given(hst.datasets(max_participants=10), st.integers(-400, 900), st.integers(0, 400))
def test_the_scopes_a_family_tells_by_the_edges_are_each_periods_own(
    dataset: h.Dataset, days: int, shift: int
) -> None:
    """Told by where the entry and exit fall among the periods' edges: as each context tells."""
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    rules = ind.CountingRules.for_programme(programme)
    start = programme.start.add(days=shift)  # a period that begins mid-year, too
    periods = [
        *_years(programme, max(as_of, programme.start)),
        ind.ReportingPeriod(start=programme.start, end=programme.end),
        ind.ReportingPeriod(start=min(start, programme.end), end=programme.end),
    ]
    calculations = [
        ind.Calculation(indicators=TARGETS, context=ind.Context(period=p, as_of=as_of, rules=rules))
        for p in periods
    ]
    family = _feed._Family([c.start() for c in calculations])
    for record in dataset.participants:
        view = family.context.see(record)
        if view is None:
            continue
        told = family.scopes(view)
        # The same again, from the places already told (another record, the same places).
        again = family.scopes(family.context.see(record))  # type: ignore[arg-type]
        expected = tuple(c.context._work_out_scopes(view) for c in calculations)
        assert told == expected
        assert again == expected


def test_the_plans_of_indicators_counted_once_per_record_are_compiled_once(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    family, targets = _calculations(programme, as_of, TARGETS)
    records = list(dataset.participants)
    _feed._PLANS.clear()
    fed_together(family + targets, records)
    kept = dict(_feed._PLANS)
    assert kept  # the indicators by entry and by exit
    # Fed again: the same plans (not compiled anew), and the same figures.
    fed_together(family + targets, records)
    assert kept == _feed._PLANS
    assert all(_feed._PLANS[k] is kept[k] for k in kept)


#: Periods of a report set whose edges fall on different days: a first year begun in
#: August, whole years, the programme, and the programme up to a year's end.
EDGE_PERIODS = (
    ind.ReportingPeriod(start=D(2015, 8, 1), end=D(2015, 12, 31)),
    ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2016, 12, 31)),
    ind.ReportingPeriod(start=D(2017, 1, 1), end=D(2017, 12, 31)),
    ind.ReportingPeriod(start=D(2015, 8, 1), end=D(2017, 12, 31)),
    ind.ReportingPeriod(start=D(2015, 8, 1), end=D(2016, 12, 31)),
)
#: Days on, just before and just after every edge (and as_of, mid-year, below).
EDGE_DAYS = sorted(
    {
        day.add(days=shift)
        for p in EDGE_PERIODS
        for day in (p.start, p.end, D(2017, 6, 30))
        for shift in (-1, 0, 1)
    }
)


@pytest.mark.parametrize("as_of", [D(2016, 1, 1), D(2017, 6, 30), D(2017, 12, 31), D(2018, 12, 31)])
@pytest.mark.parametrize("backwards", [False, True])
def test_stays_beginning_and_ending_on_the_edges_are_told_the_scopes_each_period_tells(
    as_of: pendulum.Date, backwards: bool, rec: Callable[..., h.Participation]
) -> None:
    """Every stay from a day around an edge to another (or still going), in either order.

    The order matters: the first stay seen at a place tells the scopes of the others.
    """
    calculations = [
        ind.Calculation(indicators=TARGETS, context=ind.Context(period=p, as_of=as_of))
        for p in EDGE_PERIODS
    ]
    family = _feed._Family([c.start() for c in calculations])
    stays = [
        (entry, exit_)
        for entry in EDGE_DAYS
        for exit_ in (None, *(day for day in EDGE_DAYS if day >= entry))
    ]
    for index, (entry, exit_) in enumerate(reversed(stays) if backwards else stays):
        view = family.context.see(rec(f"P{index}", periods=((entry, exit_),)))
        if view is None:
            continue  # not entered by as_of
        expected = tuple(c.context._work_out_scopes(view) for c in calculations)
        assert family.scopes(view) == expected, (entry, exit_, as_of)
