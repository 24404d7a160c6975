"""What a family of runs counts once for all of them (indicators/_feed.py, issue 14).

Runs that differ only in their period are fed as a family. Beyond what
test_feed.py and test_feed_answered.py check, a family

- takes a record that is in one group of its breakdown only into that group's own
  tallies, and merges them into the whole and the group at the end (the library's
  tallies merge in any order: a figure lists a distribution's groups sorted);
- counts a distribution by a key that does not read the period once per record, in
  the stretch of days that holds its entry (or exit), as it does counts and shares;
- takes each record's days of a headcount of everyone taking part once, over the
  days of every run, and gives each run the days of its own period.

The figures, and the headcounts' daily changes themselves, must be exactly those of
each run fed alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.demo import demo_dataset
from hankemalli.indicators import _feed
from hankemalli.indicators._statistics import _HeadcountTally
from hankemalli.testing import strategies as hst

D = pendulum.date
EVERYTHING = ind.ESF_PLUS_2021 + ind.ESF_2014 + ind.SEED_FIGURES
GENDER = ind.ByCharacteristic(name="gender")
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")


class HalfOfThePeriod(ind.Key):
    """A user's own key that reads the period: the half of it the entry falls in."""

    def groups(self, view: ind.RecordView, ctx: ind.Context) -> tuple[str, ...]:
        middle = ctx.period.start.add(days=ctx.period.days // 2)
        return ("first",) if view.first_entry < middle else ("second",)


def _years_and_whole(programme: h.Programme, as_of: pendulum.Date) -> list[ind.ReportingPeriod]:
    end = max(min(programme.end, as_of), programme.start)
    years = [
        ind.ReportingPeriod(
            start=max(D(year, 1, 1), programme.start), end=min(D(year, 12, 31), end)
        )
        for year in range(programme.start.year, end.year + 1)
    ]
    return [*years, ind.ReportingPeriod(start=programme.start, end=programme.end)]


def _calculations(
    indicators: tuple[ind.Indicator, ...],
    periods: list[ind.ReportingPeriod],
    as_of: pendulum.Date,
    breakdown: ind.Key | None,
) -> list[ind.Calculation]:
    return [
        ind.Calculation(
            indicators=indicators,
            context=ind.Context(period=period, as_of=as_of),
            breakdown=breakdown,
        )
        for period in periods
    ]


def test_a_record_in_one_group_is_counted_in_its_groups_own_tallies_and_merged_at_the_end(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    calculations = _calculations(EVERYTHING, _years_and_whole(programme, as_of), as_of, GENDER)
    family = _feed._Family([c.start() for c in calculations])
    assert family.alone_ok  # gender: one group per record, the library's tallies
    fed_together(calculations, list(dataset.participants))
    # Fed again as one family, to look inside: the records went into the groups' own rows.
    family = _feed._Family([c.start() for c in calculations])
    for record in dataset.participants:
        view = family.context.see(record)
        if view is not None:
            family.add_view(view)
    assert family.alone  # per group, each run's own tallies
    assert set(family.alone) <= {g for groups in family.grouped for g in groups}


def test_several_groups_per_record_are_taken_into_the_whole_and_each_group(
    fed_together: Callable[..., list[ind.Run]],
) -> None:
    dataset = demo_dataset()
    programme = dataset.programme
    as_of = D(programme.end.year + 1, 12, 31)
    calculations = _calculations(
        EVERYTHING, _years_and_whole(programme, as_of), as_of, ind.ByService()
    )
    family = _feed._Family([c.start() for c in calculations])
    for record in dataset.participants:
        view = family.context.see(record)
        if view is not None:
            family.add_view(view)
    several = [g for g in family.grouped if len(g) > 1]
    assert several  # the demo has participants of several services
    fed_together(calculations, list(dataset.participants))


def test_a_distribution_by_entry_is_counted_once_per_record_in_its_stretch() -> None:
    programme = demo_dataset().programme
    as_of = D(programme.end.year + 1, 12, 31)
    by_gender = ind.Indicator(
        code="D1",
        labels=LABELS,
        statistic=ind.Distribution(key=GENDER),
        scope=ind.Scope.ENTERED,
        population=ind.Everyone(),
    )
    by_half = ind.Indicator(
        code="D2",
        labels=LABELS,
        statistic=ind.Distribution(key=HalfOfThePeriod()),
        scope=ind.Scope.ENTERED,
        population=ind.Everyone(),
    )
    calculations = _calculations(
        (by_gender, by_half), _years_and_whole(programme, as_of), as_of, None
    )
    family = _feed._Family([c.start() for c in calculations])
    (entered,) = family.by_entry
    assert [index for index, _ in entered.members] == [0]  # not the one by the period's half
    assert [member[0] for _, members in family.by_scope for member in members] == [1]


@settings(max_examples=40, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.integers(-200, 900),
    st.sampled_from([None, GENDER, ind.ByService()]),
)
def test_distributions_by_keys_that_read_the_period_or_not_give_what_each_run_gives_alone(
    fed_together: Callable[..., list[ind.Run]],
    dataset: h.Dataset,
    days: int,
    breakdown: ind.Key | None,
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    indicators = tuple(
        ind.Indicator(
            code=f"D{n}",
            labels=LABELS,
            statistic=ind.Distribution(key=key),
            scope=scope,
            population=population,
        )
        for n, (key, scope, population) in enumerate(
            [
                (GENDER, ind.Scope.ENTERED, ind.Everyone()),
                (HalfOfThePeriod(), ind.Scope.ENTERED, ind.Everyone()),
                (ind.ByAgeBand(), ind.Scope.LEFT, ind.Complete()),
                (HalfOfThePeriod(), ind.Scope.LEFT_BY_END, ind.Everyone()),
                (ind.ByService(), ind.Scope.ENTERED_BY_END, ind.Everyone()),
            ]
        )
    )
    periods = _years_and_whole(programme, as_of)
    fed_together(_calculations(indicators, periods, as_of, breakdown), list(dataset.participants))


@settings(max_examples=60, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.integers(-400, 900),
    st.lists(st.tuples(st.integers(-200, 1500), st.integers(0, 500)), min_size=1, max_size=5),
    st.sampled_from([None, GENDER, ind.ByService()]),
)
def test_headcounts_taken_once_over_the_span_give_each_period_its_own_days(
    fed_together: Callable[..., list[ind.Run]],
    dataset: h.Dataset,
    days: int,
    spans: list[tuple[int, int]],
    breakdown: ind.Key | None,
) -> None:
    """Periods that overlap, leave gaps, or begin after as_of (no days): each run's own days."""
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    periods = [
        ind.ReportingPeriod(
            start=programme.start.add(days=shift), end=programme.start.add(days=shift + length)
        )
        for shift, length in spans
    ]
    periods = list(dict.fromkeys(periods))  # a family's runs have periods of their own
    # Those who entered in the period, each day: a scope other than taking part.
    entered = ind.Indicator(
        code="H1",
        labels=LABELS,
        statistic=ind.AverageHeadcount(),
        scope=ind.Scope.ENTERED,
        population=ind.Everyone(),
    )
    indicators = (
        *(EVERYTHING[code] for code in ("average_concurrent", "peak_concurrent", "participants")),
        entered,
    )
    calculations = _calculations(indicators, periods, as_of, breakdown)
    runs = fed_together(calculations, list(dataset.participants))
    if len(runs) > 1:
        family = _feed._Family([c.start() for c in calculations])
        assert [index for index, _ in family.spanned] == [0]  # the peak copies the average
    # The daily changes themselves, not only the figures read from them.
    alone = [c.start() for c in calculations]
    for run in alone:
        run.add_all(dataset.participants)
    for together, by_itself in zip(runs, alone, strict=True):
        for tallies, own in [
            (together._tallies, by_itself._tallies),
            *((together._groups[g], by_itself._groups[g]) for g in by_itself._groups),
        ]:
            for tally, expected in zip(tallies, own, strict=True):
                if isinstance(expected, _HeadcountTally):
                    assert isinstance(tally, _HeadcountTally)
                    assert tally.diff == expected.diff


class OnlyTheFirstHalf(ind.Context):
    """A user's own context: only those who entered in the first half of a year are in scope.

    Its scopes are not the library's, so a family of such runs counts no record once
    for several periods by where its days fall (that reasons from the library's own
    scopes): each run asks its context.
    """

    def scopes(self, view: ind.RecordView) -> frozenset[ind.Scope]:
        found = super().scopes(view)
        return found if view.first_entry.month <= 6 else frozenset()


@frozen(kw_only=True)
class EveryEvent(ind.Events):
    """A user's own count of items: every event, whatever the match and window."""

    def items(self, view: ind.RecordView, ctx: ind.Context) -> list[str | None]:
        return [None for _ in view.events]


@settings(max_examples=40, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.integers(-200, 900),
    st.sampled_from([None, GENDER, ind.ByService()]),
)
def test_runs_of_a_users_own_context_fed_together_give_what_each_gives_alone(
    fed_together: Callable[..., list[ind.Run]],
    dataset: h.Dataset,
    days: int,
    breakdown: ind.Key | None,
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    periods = _years_and_whole(programme, as_of)
    calculations = [
        ind.Calculation(
            indicators=EVERYTHING,
            context=OnlyTheFirstHalf(period=period, as_of=as_of),
            breakdown=breakdown,
        )
        for period in periods
    ]
    family = _feed._Family([c.start() for c in calculations])
    assert not family.by_entry
    assert not family.by_exit
    assert not family.spanned
    # A programme target's runs, over the programme up to each year's end: fed themselves.
    targets = [
        ind.Calculation(
            indicators=tuple(EVERYTHING[code] for code in ("participants", "CO01")),
            context=OnlyTheFirstHalf(
                period=ind.ReportingPeriod(start=programme.start, end=period.end), as_of=as_of
            ),
        )
        for period in periods
    ]
    fed_together(calculations + targets, list(dataset.participants))


@settings(max_examples=40, deadline=None)
@given(hst.datasets(max_participants=10), st.integers(-200, 900))
def test_a_users_own_count_of_items_beside_the_librarys_in_a_family_counts_its_own(
    fed_together: Callable[..., list[ind.Run]], dataset: h.Dataset, days: int
) -> None:
    """Each count of items reads its own items, in its own scope, whichever comes first."""
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    employment = ind.EventMatch(event="employment")
    indicators = tuple(
        ind.Indicator(code=f"E{n}", labels=LABELS, statistic=statistic, scope=scope)
        for n, (statistic, scope) in enumerate(
            [
                (ind.Events(match=employment, window=ind.Window.IN_PERIOD), ind.Scope.ACTIVE),
                (EveryEvent(match=employment, window=ind.Window.IN_PERIOD), ind.Scope.ACTIVE),
                (EveryEvent(match=employment, window=ind.Window.IN_PERIOD), ind.Scope.ENTERED),
                (ind.Events(match=employment, window=ind.Window.IN_PERIOD), ind.Scope.LEFT),
            ]
        )
    )
    periods = _years_and_whole(programme, as_of)
    fed_together(_calculations(indicators, periods, as_of, GENDER), list(dataset.participants))
