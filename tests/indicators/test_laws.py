"""The laws every calculation obeys, stated as properties over generated datasets."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from hankemalli import indicators as ind
from hankemalli.testing import strategies as hst

D = pendulum.date
PROGRAMME = (D(2015, 1, 1), D(2018, 12, 31))
EVERYTHING = ind.ESF_PLUS_2021 + ind.ESF_2014 + ind.SEED_FIGURES
CATALOGUES = (ind.ESF_PLUS_2021, ind.ESF_2014, ind.SEED_FIGURES, ind.cumulative(ind.ESF_PLUS_2021))

datasets = hst.datasets(period=PROGRAMME, max_participants=8)
years = st.integers(2015, 2018).map(ind.ReportingPeriod.year)
as_ofs = st.dates(D(2015, 6, 1), D(2020, 6, 1)).map(lambda d: D(d.year, d.month, d.day))
breakdowns = st.sampled_from(
    [None, ind.ByCharacteristic(name="gender"), ind.ByAgeBand(), ind.ByService()]
)


def run(records, period, as_of, catalogue=EVERYTHING, breakdown=None):
    return ind.compute(catalogue, records, period=period, as_of=as_of, breakdown=breakdown)


@given(datasets, years, as_ofs, breakdowns)
def test_a_share_never_exceeds_its_base_and_a_subgroup_never_its_total(
    dataset, period, as_of, breakdown
):
    for catalogue in CATALOGUES:
        results = run(dataset.participants, period, as_of, catalogue, breakdown)
        assert ind.check_results(results, catalogue) == ()
        for figure in results.values():
            assert figure.numerator >= 0
            if figure.statistic is ind.Statistic.SHARE:
                assert figure.denominator is not None
                assert figure.numerator <= figure.denominator


@given(datasets, years, as_ofs, st.randoms(use_true_random=False))
def test_the_order_of_records_does_not_matter(dataset, period, as_of, random):
    shuffled = list(dataset.participants)
    random.shuffle(shuffled)
    assert run(shuffled, period, as_of) == run(dataset.participants, period, as_of)


@given(datasets, years, as_ofs, breakdowns, st.data())
def test_split_and_merge_equals_the_whole(dataset, period, as_of, breakdown, data):
    records = dataset.participants
    cut = data.draw(st.integers(0, len(records)))
    calculation = ind.Calculation(
        indicators=EVERYTHING,
        context=ind.Context(period=period, as_of=as_of),
        breakdown=breakdown,
    )
    head, tail = calculation.start(), calculation.start()
    head.add_all(records[:cut])
    tail.add_all(records[cut:])
    head.merge(tail)
    assert head.results() == calculation.run(records)


@given(datasets, years, as_ofs)
def test_a_record_that_enters_after_the_period_changes_nothing(dataset, period, as_of):
    records = dataset.participants
    later = [r for r in records if r.first_entry > period.end]
    earlier = [r for r in records if r.first_entry <= period.end]
    assert run(earlier + later, period, as_of) == run(earlier, period, as_of)


@given(datasets, years, as_ofs)
def test_the_grand_total_counts_every_entry_and_statuses_add_up(dataset, period, as_of):
    results = run(dataset.participants, period, as_of)
    entered = [
        r for r in dataset.participants if period.contains(r.first_entry) and r.first_entry <= as_of
    ]
    assert results["EEGRANDTOTAL"].numerator == len(entered)
    complete = [
        r for r in entered if r.profile.is_complete and r.participant.age_at_entry is not None
    ]
    statuses = sum(results[code].numerator for code in ("EECO02", "EECO04", "EECO05"))
    assert results["EECO01"].numerator == statuses == len(complete)


@given(datasets, years, as_ofs)
def test_breakdown_groups_add_up_to_the_total_for_a_single_valued_key(dataset, period, as_of):
    results = run(
        dataset.participants, period, as_of, breakdown=ind.ByCharacteristic(name="gender")
    )
    for figure in results.values():
        if figure.statistic in (ind.Statistic.COUNT, ind.Statistic.ITEMS):
            parts = [group[figure.code].numerator for group in results.by_group.values()]
            assert sum(parts) == figure.numerator


@given(datasets, years, as_ofs)
def test_nothing_after_as_of_is_seen(dataset, period, as_of):
    # Cutting the records at as_of by hand gives the same figures.
    from attrs import evolve

    def cut(record):
        return evolve(record, events=tuple(e for e in record.events if e.date <= as_of))

    assert run([cut(r) for r in dataset.participants], period, as_of) == run(
        dataset.participants, period, as_of
    )
