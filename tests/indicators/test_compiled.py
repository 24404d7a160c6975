"""The compiled engine gives exactly the figures of the reference interpretation (_compiled.py).

Rule (issue 14): each calculation compiles its indicators' selectors and statistics
once into functions of a record; every figure is the one the selectors' own
``matches`` and the tallies' own ``part`` give. The reference is kept:
within ``interpreted()``, every selector is asked by ``matches``. A selector class the
compiler does not know (a user's own, or a user's subclass of a library selector
that answers in its own way) is asked by its own ``matches``.
"""

from __future__ import annotations

import pickle

import pendulum
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.indicators._assembled import blocks
from hankemalli.indicators._compiled import Compiler, inline_form, interpreted
from hankemalli.model._timeline import days_later, months_later
from hankemalli.reporting import catalogue_for
from hankemalli.testing import strategies as hst

D = pendulum.date
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
BREAKDOWNS = (
    None,
    ind.ByCharacteristic(name="gender"),
    ind.ByAgeBand(),
    ind.ByService(),
)


def _shipped(dataset: h.Dataset) -> list[tuple[ind.Indicator, ...]]:
    """Every catalogue the library ships, as a programme's reports and evidence use them."""
    programme = dataset.programme
    found = [
        ind.ESF_PLUS_2021.indicators,
        ind.ESF_2014.indicators,
        ind.SEED_FIGURES.indicators,
        ind.cumulative(ind.ESF_PLUS_2021).indicators,
        ind.cumulative(ind.ESF_2014).indicators,
        catalogue_for(programme).indicators,
    ]
    found += [ind.instrument_indicators(i).indicators for i in dataset.instruments]
    return found


def _both(calculation: ind.Calculation, records: list[h.Participation]) -> None:
    compiled = calculation.run(records)
    with interpreted():
        reference = calculation.run(records)
    assert compiled == reference
    assert compiled.groups == reference.groups


@st.composite
def _periods(draw: st.DrawFn, programme: h.Programme) -> ind.ReportingPeriod:
    start = draw(hst.dates_between(programme.start.subtract(days=60), programme.end))
    end = draw(hst.dates_between(start, programme.end.add(days=400)))
    return ind.ReportingPeriod(start=start, end=end)


@settings(max_examples=60, deadline=None)
@given(hst.assessed_datasets(max_participants=10), st.data())
def test_every_shipped_catalogue_compiled_gives_the_reference_figures(
    dataset: h.Dataset, data: st.DataObject
) -> None:
    programme = dataset.programme
    period = data.draw(_periods(programme), label="period")
    as_of = data.draw(
        hst.dates_between(programme.start, programme.end.add(days=900)), label="as_of"
    )
    breakdown = data.draw(st.sampled_from(BREAKDOWNS), label="breakdown")
    finnish = data.draw(st.booleans(), label="Finnish long-term unemployment")
    rules = ind.CountingRules.for_programme(
        programme,
        long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH
        if finnish
        else ind.LongTermUnemploymentRule.EU,
    )
    context = ind.Context(period=period, as_of=as_of, rules=rules)
    records = list(dataset.participants)
    for indicators in _shipped(dataset):
        _both(ind.Calculation(indicators=indicators, context=context, breakdown=breakdown), records)
    for model in dataset.operating_models:
        if model.services:
            _both(ind.EvidenceCalculation(model=model, context=context).calculation, records)


@settings(max_examples=30, deadline=None)
@given(hst.assessed_datasets(max_participants=8), st.integers(-100, 700))
def test_runs_fed_together_compiled_give_the_reference_figures(
    dataset: h.Dataset, days: int
) -> None:
    programme = dataset.programme
    as_of = programme.end.add(days=days)
    catalogue = catalogue_for(programme)
    periods = [ind.ReportingPeriod.year(y) for y in range(programme.start.year, as_of.year + 1)]
    periods.append(ind.ReportingPeriod(start=programme.start, end=programme.end))
    calculations = [
        ind.Calculation(
            indicators=catalogue,
            context=ind.Context(period=p, as_of=as_of),
            breakdown=ind.ByCharacteristic(name="gender"),
        )
        for p in periods
    ]
    calculations += [
        ind.Calculation(
            indicators=ind.instrument_indicators(i), context=ind.Context(period=p, as_of=as_of)
        )
        for i in dataset.instruments
        for p in periods
    ]
    records = list(dataset.participants)
    compiled = [c.start() for c in calculations]
    ind.feed(compiled, records)
    with interpreted():
        reference = [c.start() for c in calculations]
        ind.feed(reference, records)
    assert [r.results() for r in compiled] == [r.results() for r in reference]


_LEAVING = (
    h.LeavingStatus.EMPLOYED,
    h.LeavingStatus.SELF_EMPLOYED,
    h.LeavingStatus.JOB_SEARCHING,
    h.LeavingStatus.INACTIVE,
)
_EVENTS = st.builds(
    ind.EventMatch,
    event=st.sampled_from([*h.EVENT_TAGS, *h.SITUATION_TAGS]),
    via=st.none() | st.sampled_from(list(h.ServiceType)),
)
_LEAVES: st.SearchStrategy[ind.Selector] = st.one_of(
    st.just(ind.Everyone()),
    st.just(ind.Complete()),
    st.just(ind.LongTermUnemployed()),
    st.builds(ind.HasStatus, status=st.sampled_from(list(h.LabourMarketStatus))),
    st.builds(ind.HasEducation, band=st.sampled_from(list(h.IscedBand))),
    st.builds(
        ind.AgeBetween,
        minimum=st.none() | st.integers(15, 60),
        maximum=st.none() | st.integers(20, 70),
    ),
    st.builds(
        ind.Characteristic,
        name=st.just("disability"),
        values=st.lists(st.sampled_from(list(h.Answer)), max_size=2).map(tuple),
    ),
    st.builds(
        ind.UsedService,
        services=st.lists(st.sampled_from(list(h.ServiceType)), max_size=2).map(tuple),
    ),
    st.builds(ind.StartedWith, service=st.sampled_from(list(h.ServiceType))),
    st.builds(
        ind.HadEvent,
        events=st.lists(_EVENTS, min_size=1, max_size=2).map(tuple),
        window=st.sampled_from(list(ind.Window)),
    ),
    st.builds(
        ind.StatusUponLeaving, statuses=st.lists(st.sampled_from(_LEAVING), max_size=2).map(tuple)
    ),
    st.builds(
        ind.StatusSixMonthsAfter,
        statuses=st.lists(st.sampled_from(_LEAVING), max_size=2).map(tuple),
    ),
    st.just(ind.InEducationUponLeaving()),
    st.just(ind.GainedQualification()),
    st.deferred(lambda: st.just(EnteredInSpring())),  # a user's own, defined below
)
#: Every event kind, in each window (the random trees seldom meet a rare one).
_ANY_EVENT = tuple(ind.EventMatch(event=tag) for tag in [*h.EVENT_TAGS, *h.SITUATION_TAGS])
EVERY_BLOCK = [
    (scope, ind.Everyone(), trait)
    for scope in (ind.Scope.LEFT_BY_END, ind.Scope.ACTIVE)
    for trait in [
        *(ind.HadEvent(events=_ANY_EVENT, window=window) for window in ind.Window),
        ind.StatusUponLeaving(statuses=_LEAVING[:2]),
        ind.StatusSixMonthsAfter(statuses=_LEAVING[:2]),
        ind.InEducationUponLeaving(),
        ind.GainedQualification(),
        ind.LongTermUnemployed(),
    ]
]


def _trees(
    leaves: st.SearchStrategy[ind.Selector], max_leaves: int
) -> st.SearchStrategy[ind.Selector]:
    """Selector trees of ``leaves``, nested (AllOf, AnyOf and Not of any of them)."""
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3).map(lambda parts: ind.AllOf(parts=tuple(parts))),
            st.lists(inner, max_size=3).map(lambda parts: ind.AnyOf(parts=tuple(parts))),
            inner.map(lambda part: ind.Not(part=part)),
        ),
        max_leaves=max_leaves,
    )


#: Selector trees of every block.
SELECTORS = _trees(_LEAVES, max_leaves=8)


@settings(max_examples=80, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.lists(
        st.tuples(st.sampled_from(list(ind.Scope)), SELECTORS, SELECTORS), min_size=1, max_size=6
    ),
    st.data(),
)
def test_any_selector_of_the_librarys_blocks_compiled_counts_as_its_matches(
    dataset: h.Dataset,
    made: list[tuple[ind.Scope, ind.Selector, ind.Selector]],
    data: st.DataObject,
) -> None:
    programme = dataset.programme
    period = data.draw(_periods(programme), label="period")
    as_of = data.draw(
        hst.dates_between(programme.start, programme.end.add(days=900)), label="as_of"
    )
    indicators = [
        ind.Indicator(
            code=f"X{i}",
            labels=LABELS,
            scope=scope,
            population=population,
            statistic=ind.Share(of=trait),
        )
        for i, (scope, population, trait) in enumerate([*made, *EVERY_BLOCK])
    ]
    context = ind.Context(period=period, as_of=as_of)
    breakdown = data.draw(st.sampled_from(BREAKDOWNS), label="breakdown")
    _both(
        ind.Calculation(indicators=indicators, context=context, breakdown=breakdown),
        list(dataset.participants),
    )


def _written_inline(test: object) -> tuple[str, dict[str, object]] | None:
    """The test's inline form as the per-record code has it, with the names it binds."""
    form = inline_form(test)
    if form is None:
        return None
    names: dict[str, object] = {}

    def name(prefix: str, value: object) -> str:
        names[f"{prefix}{len(names)}"] = value
        return f"{prefix}{len(names) - 1}"

    return form(name), names


def _answer_inline(written: tuple[str, dict[str, object]], view: ind.RecordView) -> object:
    expression, names = written
    record = view.record
    local = {
        **names,
        "view": view,
        "profile": record.profile,
        "age": record.participant.age_at_entry,
    }
    return eval(expression, {"__builtins__": {}}, local)


#: Selector trees of every block and characteristics of several fields.
_INLINE_TREES = _trees(
    st.one_of(
        _LEAVES,
        st.builds(
            ind.Characteristic,
            name=st.sampled_from(["gender", "foreign_background", "minority", "rural"]),
            values=st.lists(st.sampled_from([*h.Answer, *h.Gender]), max_size=3).map(tuple),
        ),
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(hst.datasets(max_participants=10), _INLINE_TREES, st.data())
def test_a_selector_written_inline_answers_as_its_matches(
    dataset: h.Dataset, selector: ind.Selector, data: st.DataObject
) -> None:
    """Rule: a compiled test's inline form (in the per-record code) is its transcription."""
    programme = dataset.programme
    period = data.draw(_periods(programme), label="period")
    as_of = data.draw(hst.dates_between(programme.start, programme.end.add(days=900)))
    context = ind.Context(period=period, as_of=as_of)
    test = Compiler(context).test(selector)
    written = _written_inline(test)
    if written is None:
        return
    for record in dataset.participants:
        view = context.see(record)
        if view is not None:
            assert _answer_inline(written, view) == selector.matches(view, context)


def test_the_simplest_selectors_are_written_inline_without_a_call() -> None:
    """Rule: a status, age band, education or characteristic is read in the per-record code."""
    compiler = Compiler(CONTEXT)
    view = CONTEXT.see(RECORDS[0])
    assert view is not None
    for selector, expected in [
        (ind.HasStatus(status=h.LabourMarketStatus.UNEMPLOYED), True),
        (ind.HasStatus(status=h.LabourMarketStatus.EMPLOYED), False),
        (ind.AgeBetween(minimum=25, maximum=54), True),
        (ind.AgeBetween(maximum=24), False),
        (ind.HasEducation(band=h.IscedBand.ISCED_3_4), True),
        (ind.Not(part=ind.HasEducation(band=h.IscedBand.ISCED_3_4)), False),
        (ind.Characteristic(name="gender", values=(h.Gender.WOMAN,)), True),
    ]:
        written = _written_inline(compiler.test(selector))
        assert written is not None, selector
        assert "(view)" not in written[0]  # nothing is called
        assert _answer_inline(written, view) is expected, selector
    # A selector that is worked out from the pathway is called, not written inline.
    assert _written_inline(compiler.test(ind.LongTermUnemployed())) is None


@given(hst.dates_between(D(1990, 1, 1), D(2060, 12, 31)), st.integers(0, 36), st.integers(0, 400))
def test_dates_after_an_exit_are_pendulums_own(day: pendulum.Date, months: int, days: int) -> None:
    assert months_later(day, months) == day.add(months=months)
    assert type(months_later(day, months)) is type(day.add(months=months))
    assert days_later(day, days) == day.add(days=days)


# Examples ------------------------------------------------------------------------------------


def test_a_day_later_is_of_the_type_of_the_day_given() -> None:
    """Rule: days_later remembers by date *and* type: an equal plain date stays a plain date."""
    import datetime

    assert type(days_later(D(2020, 2, 28), 1)) is pendulum.Date
    plain = days_later(datetime.date(2020, 2, 28), 1)
    assert type(plain) is datetime.date
    assert plain == D(2020, 2, 29)


def _record(entry: pendulum.Date, exit_: pendulum.Date | None, index: int) -> h.Participation:
    return h.Participation(
        participant=h.Participant(id=f"P{index}", age_at_entry=30),
        profile=h.EntryProfile(
            gender=h.Gender.WOMAN,
            labour_market_status=h.LabourMarketStatus.UNEMPLOYED,
            education=h.IscedBand.ISCED_3_4,
        ),
        periods=(h.ParticipationPeriod(entry=entry, exit=exit_),),
    )


RECORDS = [
    _record(D(2024, 1, 10), D(2024, 3, 1), 1),
    _record(D(2024, 2, 10), None, 2),
    _record(D(2024, 5, 10), D(2024, 6, 1), 3),
]
CONTEXT = ind.Context(period=ind.ReportingPeriod.year(2024), as_of=D(2024, 12, 31))


@frozen(kw_only=True)
class EnteredInSpring(ind.Selector):
    """A user's own selector that only defines ``matches``: entered from March on."""

    def matches(self, view: ind.RecordView, ctx: ind.Context) -> bool:
        return view.first_entry.month >= 3


@frozen(kw_only=True)
class NeverUnemployed(ind.HasStatus):
    """A user's subclass of a library selector that answers in its own way."""

    def matches(self, view: ind.RecordView, ctx: ind.Context) -> bool:
        return False


def _count(population: ind.Selector, *, of: ind.Selector | None = None) -> ind.Indicator:
    return ind.Indicator(
        code="MINE",
        labels=LABELS,
        scope=ind.Scope.ENTERED,
        population=population,
        statistic=ind.Count(of=of),
    )


def test_a_users_own_selector_that_only_defines_matches_still_counts() -> None:
    spring = EnteredInSpring()
    results = ind.compute(
        [_count(ind.Complete() & spring)], RECORDS, period=CONTEXT.period, as_of=CONTEXT.as_of
    )
    assert results["MINE"].numerator == 1
    results = ind.compute(
        [_count(ind.Everyone(), of=~spring)], RECORDS, period=CONTEXT.period, as_of=CONTEXT.as_of
    )
    assert results["MINE"].numerator == 2


def test_a_users_subclass_of_a_library_selector_answers_by_its_own_matches() -> None:
    never = NeverUnemployed(status=h.LabourMarketStatus.UNEMPLOYED)
    plain = ind.HasStatus(status=h.LabourMarketStatus.UNEMPLOYED)
    found = ind.compute(
        [_count(never), evolve_code(_count(plain), "PLAIN")],
        RECORDS,
        period=CONTEXT.period,
        as_of=CONTEXT.as_of,
    )
    assert (found["MINE"].numerator, found["PLAIN"].numerator) == (0, 3)


def evolve_code(indicator: ind.Indicator, code: str) -> ind.Indicator:
    return ind.Indicator(
        code=code,
        labels=indicator.labels,
        scope=indicator.scope,
        population=indicator.population,
        statistic=indicator.statistic,
    )


@frozen(kw_only=True)
class Asked(ind.Selector):
    """Counts how often it is asked, through a list it holds (not part of its value)."""

    asked: list[int]

    def matches(self, view: ind.RecordView, ctx: ind.Context) -> bool:
        self.asked.append(1)
        return True


def test_the_reference_asks_every_selector_by_matches_and_the_compiled_engine_once_per_record() -> (
    None
):
    asked: list[int] = []
    selector = ind.AllOf(parts=(ind.Complete(), Asked(asked=asked)))
    calculation = ind.Calculation(indicators=[_count(selector)], context=CONTEXT)
    with interpreted():
        assert calculation.run(RECORDS)["MINE"].numerator == 3
    assert len(asked) == 3
    assert calculation.run(RECORDS)["MINE"].numerator == 3
    assert len(asked) == 6


def test_a_run_compiled_pickles_and_goes_on_counting_after_the_round_trip() -> None:
    calculation = ind.Calculation(indicators=ind.ESF_PLUS_2021, context=CONTEXT)
    run = calculation.start()
    run.add(RECORDS[0])
    again = pickle.loads(pickle.dumps(run))
    for record in RECORDS[1:]:
        again.add(record)
    assert again.results() == calculation.run(RECORDS)


@settings(max_examples=60, deadline=None)
@given(
    hst.datasets(max_participants=10),
    st.lists(
        st.tuples(
            st.sampled_from(list(ind.Scope)),
            st.lists(SELECTORS, min_size=1, max_size=3),
            st.lists(st.integers(0, 2), max_size=3),
            st.lists(SELECTORS, max_size=2),
            st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    st.data(),
)
def test_a_trait_repeating_its_populations_selectors_counts_as_its_matches(
    dataset: h.Dataset,
    made: list[tuple[ind.Scope, list[ind.Selector], list[int], list[ind.Selector], bool]],
    data: st.DataObject,
) -> None:
    """A count's or share's trait asks only what its population has not (``_within``)."""
    programme = dataset.programme
    indicators = []
    for i, (scope, asked, again, more, share) in enumerate(made):
        population = ind.AllOf(parts=tuple(asked))
        # Some of the population's own selectors again, in any order, and others.
        trait = ind.AllOf(parts=(*(asked[k % len(asked)] for k in again), *more))
        statistic = ind.Share(of=trait) if share else ind.Count(of=trait)
        indicators.append(
            ind.Indicator(
                code=f"X{i}", labels=LABELS, scope=scope, population=population, statistic=statistic
            )
        )
    as_of = data.draw(hst.dates_between(programme.start, programme.end.add(days=900)))
    context = ind.Context(period=data.draw(_periods(programme)), as_of=as_of)
    breakdown = data.draw(st.sampled_from(BREAKDOWNS))
    _both(
        ind.Calculation(indicators=indicators, context=context, breakdown=breakdown),
        list(dataset.participants),
    )


def test_a_trait_asks_only_what_its_population_has_not_asked() -> None:
    """The operating models' shares: ``Complete`` and the reference group are not asked again."""
    reference = ind.HasStatus(status=h.LabourMarketStatus.UNEMPLOYED)
    result = ind.StatusUponLeaving(statuses=(h.LeavingStatus.EMPLOYED,))
    context = ind.Context(period=ind.ReportingPeriod.year(2024), as_of=D(2025, 12, 31))
    compiler = Compiler(context)
    population = ind.AllOf(parts=(ind.Complete(), reference))
    for statistic in (
        ind.Share(of=ind.AllOf(parts=(ind.AllOf(parts=(ind.Complete(), reference)), result))),
        ind.Count(of=ind.AllOf(parts=(reference, result))),
    ):
        ((_, ((_, _, part),)),) = blocks(compiler, [(0, population, statistic, None)])  # type: ignore[list-item]
        assert part is compiler.test(result)
    # Nothing left to ask: everyone of the population has the trait.
    everyone = ind.Share(of=ind.AllOf(parts=(reference, ind.Complete())))
    ((_, ((_, _, part),)),) = blocks(compiler, [(0, population, everyone, None)])  # type: ignore[list-item]
    assert part is None
