"""The engine: one pass, mergeable state, breakdowns, figures that combine."""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR_2016 = ind.ReportingPeriod.year(2016)
AS_OF = D(2018, 12, 31)
CATALOGUE = ind.ESF_PLUS_2021 + ind.SEED_FIGURES


def people(rec, job):
    return [
        rec("A", age=24, since=D(2015, 6, 1), situations=(job(D(2016, 6, 10)),)),
        rec("B", age=40, gender=h.Gender.MAN, periods=((D(2016, 2, 1), None),)),
        rec(
            "C",
            age=58,
            status=h.LabourMarketStatus.INACTIVE,
            periods=((D(2015, 12, 1), D(2016, 2, 1)),),
        ),
        rec("D", age=33, education=None),
    ]


def test_compute_reads_any_iterable_once(rec, job):
    records = people(rec, job)
    consumed = []

    def stream():
        for r in records:
            consumed.append(r.id)
            yield r

    result = ind.compute(CATALOGUE, stream(), period=YEAR_2016, as_of=AS_OF)
    assert consumed == ["A", "B", "C", "D"]
    # D lacks education: in the grand total, not in the total of complete records.
    assert (result["EECO01"].numerator, result["EEGRANDTOTAL"].numerator) == (2, 3)


def test_split_and_merge_equals_the_whole(rec, job):
    records = people(rec, job)
    calc = ind.Calculation(
        indicators=CATALOGUE,
        context=ind.Context(period=YEAR_2016, as_of=AS_OF),
        breakdown=ind.ByCharacteristic(name="gender"),
    )
    first, second = calc.start(), calc.start()
    first.add_all(records[:1])
    second.add_all(records[1:])
    first.merge(second)
    assert first.results() == calc.run(records)


def test_runs_of_different_calculations_do_not_merge(rec):
    a = ind.Calculation(
        indicators=CATALOGUE, context=ind.Context(period=YEAR_2016, as_of=AS_OF)
    ).start()
    b = ind.Calculation(
        indicators=CATALOGUE, context=ind.Context(period=YEAR_2016, as_of=D(2017, 1, 1))
    ).start()
    with pytest.raises(ValueError, match="same calculation"):
        a.merge(b)


def test_breakdown_by_gender_and_age_band(rec, job):
    records = people(rec, job)
    by_gender = ind.compute(
        CATALOGUE,
        records,
        period=YEAR_2016,
        as_of=AS_OF,
        breakdown=ind.ByCharacteristic(name="gender"),
    )
    assert by_gender.by_group["woman"]["EEGRANDTOTAL"].numerator == 2
    assert by_gender.by_group["woman"]["EECO01"].numerator == 1
    assert by_gender.by_group["man"]["EECO01"].numerator == 1
    by_age = ind.compute(
        CATALOGUE, records, period=YEAR_2016, as_of=AS_OF, breakdown=ind.ByAgeBand()
    )
    assert [g for g, _ in by_age.groups] == ["18-29", "30-54", "55+"]


def test_a_record_outside_the_period_changes_nothing(rec, job):
    records = people(rec, job)
    outside = rec("Z", periods=((D(2017, 3, 1), D(2017, 5, 1)),))
    assert ind.compute(
        CATALOGUE, [*records, outside], period=YEAR_2016, as_of=AS_OF
    ) == ind.compute(CATALOGUE, records, period=YEAR_2016, as_of=AS_OF)


def test_figures_keep_numerator_and_denominator_so_they_combine():
    a = ind.Figure(code="placement", statistic=ind.Statistic.SHARE, numerator=1, denominator=4)
    b = ind.Figure(code="placement", statistic=ind.Statistic.SHARE, numerator=3, denominator=4)
    c = ind.Figure(code="placement", statistic=ind.Statistic.SHARE, numerator=0, denominator=2)
    both = ind.combine([a, b, c])
    assert (both.numerator, both.denominator) == (4, 10)
    assert both.percent == 40  # not the mean of 25 %, 75 % and 0 %


def test_distributions_and_peaks_combine():
    a = ind.Figure(
        code="x",
        statistic=ind.Statistic.DISTRIBUTION,
        numerator=3,
        denominator=3,
        counts=(("man", 1), ("woman", 2)),
    )
    b = ind.Figure(
        code="x",
        statistic=ind.Statistic.DISTRIBUTION,
        numerator=1,
        denominator=1,
        counts=(("woman", 1),),
    )
    assert ind.combine([a, b]).count("woman") == 3
    p1 = ind.Figure(code="p", statistic=ind.Statistic.PEAK_HEADCOUNT, numerator=4)
    p2 = ind.Figure(code="p", statistic=ind.Statistic.PEAK_HEADCOUNT, numerator=7)
    assert ind.combine([p1, p2]).numerator == 7


def test_cumulative_figures_total_as_the_latest_value_not_a_sum():
    years = [
        ind.Figure(code="EECO01", statistic=ind.Statistic.COUNT, numerator=n, cumulative=True)
        for n in (10, 25, 31)
    ]
    assert ind.cumulative_total(years).numerator == 31
    with pytest.raises(h.DataError, match="cumulative"):
        ind.combine(years)


def test_combining_different_figures_is_refused():
    a = ind.Figure(code="a", statistic=ind.Statistic.COUNT, numerator=1)
    b = ind.Figure(code="b", statistic=ind.Statistic.COUNT, numerator=1)
    with pytest.raises(h.DataError, match="cannot combine"):
        ind.combine([a, b])


def test_mean_value_is_exact():
    figure = ind.Figure(code="m", statistic=ind.Statistic.MEAN, numerator=10, denominator=3)
    assert figure.value == Fraction(10, 3)
    assert (
        ind.Figure(code="m", statistic=ind.Statistic.MEAN, numerator=0, denominator=0).value is None
    )


def test_users_define_their_own_indicator_from_the_blocks(rec, job):
    young_placed = ind.Indicator(
        code="young_placed",
        labels=ind.Labels(fi="Nuoret sijoittuneet", sv="Unga placerade", en="Young people placed"),
        statistic=ind.Share(
            of=ind.HadEvent(events=ind.PLACEMENT_EVENTS, window=ind.Window.DURING_OR_UPON_LEAVING)
        ),
        scope=ind.Scope.LEFT,
        population=ind.AgeBetween(maximum=29),
    )
    result = ind.compute([young_placed], people(rec, job), period=YEAR_2016, as_of=AS_OF)
    assert (result["young_placed"].numerator, result["young_placed"].denominator) == (1, 1)


def test_catalogue_codes_are_unique_and_within_refers_to_a_code():
    indicator = ind.SEED_FIGURES["leavers"]
    with pytest.raises(h.DataError, match="used twice"):
        ind.Catalogue(name="x", version="1", indicators=(indicator, indicator))
    from attrs import evolve

    with pytest.raises(h.DataError, match="not in the catalogue"):
        ind.Catalogue(name="x", version="1", indicators=(evolve(indicator, within="nope"),))


def test_every_catalogue_indicator_has_three_labels_and_a_reference():
    for catalogue in (ind.ESF_PLUS_2021, ind.ESF_2014, ind.SEED_FIGURES):
        for indicator in catalogue.values():
            assert all(indicator.labels.get(lang) for lang in ("fi", "sv", "en")), indicator.code
            assert indicator.reference, indicator.code


def test_esf_plus_catalogue_has_every_common_participant_indicator():
    expected = {f"EECO{n:02}" for n in range(1, 18)} | {f"EECR{n:02}" for n in range(1, 7)}
    assert expected <= set(ind.ESF_PLUS_2021.codes)
