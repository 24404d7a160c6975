"""The rules of runs and catalogues, one test each (indicators/_engine.py, _definition.py,
_esf.cumulative).

Runs of one calculation merge into the run of all their records, every tally's
numbers included; runs of different calculations do not. Catalogues put together
or made cumulative say so in their name and version.
"""

from __future__ import annotations

import re

import pendulum
import pytest
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")
UNEMPLOYMENT = ind.Indicator(
    code="unemployment_days",
    labels=LABELS,
    statistic=ind.Mean(measure=ind.UnemploymentDaysAtEntry()),
    scope=ind.Scope.ENTERED,
)


def calculation(*indicators: ind.Indicator, key: ind.Key | None = None) -> ind.Calculation:
    return ind.Calculation(
        indicators=indicators, context=ind.Context(period=YEAR, as_of=AS_OF), breakdown=key
    )


def test_only_runs_of_the_same_calculation_merge() -> None:
    mine = calculation(UNEMPLOYMENT).start()
    other = ind.Calculation(
        indicators=(UNEMPLOYMENT,), context=ind.Context(period=YEAR, as_of=D(2017, 1, 1))
    ).start()
    message = "only runs of the same calculation can be merged"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        mine.merge(other)


def test_merged_runs_count_the_unknown_values_of_both(rec) -> None:
    # Unemployed with no known start: the mean cannot use them, but counts them apart.
    unknown = [rec(f"U{i}", since=None) for i in range(3)]
    known = [rec("K1", since=D(2015, 3, 1)), rec("K2", since=D(2016, 1, 1))]
    calc = calculation(UNEMPLOYMENT, key=ind.ByCharacteristic(name="gender"))
    head, tail = calc.start(), calc.start()
    head.add_all([unknown[0], known[0]])
    tail.add_all([*unknown[1:], known[1]])
    head.merge(tail)
    merged = head.results()
    assert merged == calc.run([*unknown, *known])
    figure = merged["unemployment_days"]
    assert (figure.denominator, figure.missing) == (2, 3)
    assert merged.by_group["woman"]["unemployment_days"].missing == 3


def test_merging_brings_in_groups_only_the_other_run_has(rec) -> None:
    calc = calculation(UNEMPLOYMENT, key=ind.ByCharacteristic(name="gender"))
    head, tail = calc.start(), calc.start()
    head.add(rec("W", since=D(2015, 3, 1)))
    tail.add(rec("M", since=D(2015, 3, 1), gender=h.Gender.MAN))
    head.merge(tail)
    assert [group for group, _ in head.results().groups] == ["man", "woman"]


def test_a_catalogue_put_together_names_both_parts_and_versions() -> None:
    both = ind.ESF_PLUS_2021 + ind.SEED_FIGURES
    assert both.name == f"{ind.ESF_PLUS_2021.name} + {ind.SEED_FIGURES.name}"
    assert both.version == f"{ind.ESF_PLUS_2021.version}+{ind.SEED_FIGURES.version}"
    assert both.codes == ind.ESF_PLUS_2021.codes + ind.SEED_FIGURES.codes


def test_a_cumulative_catalogue_says_so_and_counts_from_the_start() -> None:
    catalogue = ind.cumulative(ind.SEED_FIGURES)
    assert catalogue.name == "hankemalli seed figures (cumulative)"
    assert catalogue.codes == ind.SEED_FIGURES.codes
    # Entered and left run from the programme start; every other scope stays as it was.
    expected = {
        ind.Scope.ENTERED: ind.Scope.ENTERED_BY_END,
        ind.Scope.LEFT: ind.Scope.LEFT_BY_END,
    }
    for code in ind.SEED_FIGURES.codes:
        scope = ind.SEED_FIGURES[code].scope
        assert catalogue[code].scope is expected.get(scope, scope), code
    assert catalogue["participants"].scope is ind.Scope.ACTIVE
    assert catalogue["stayers"].scope is ind.Scope.STAYING


def test_a_badly_put_together_catalogue_is_refused_at_each_indicator() -> None:
    leavers = ind.SEED_FIGURES["leavers"]
    with pytest.raises(h.DataError) as caught:
        ind.Catalogue(
            name="x",
            version="1",
            indicators=(leavers, evolve(leavers, code="part", within="nope"), leavers),
        )
    assert caught.value.problems == (
        "$.indicators[2]: indicator code 'leavers' is used twice",
        "$.indicators[1].within: part is within 'nope', which is not in the catalogue",
    )


def test_iterating_a_catalogue_or_results_warns_the_caller_it_will_give_codes(rec) -> None:
    results = ind.compute(ind.SEED_FIGURES, [rec()], period=YEAR, as_of=AS_OF)
    for mapping, start, end in (
        (ind.SEED_FIGURES, "iterating a Catalogue gives", "catalogue.keys() for the codes"),
        (results, "iterating Results gives", "results.keys() for the codes"),
    ):
        with pytest.warns(DeprecationWarning, match="until 0.3.0") as caught:
            items = list(mapping)
        assert items == list(mapping.values())
        (warning,) = caught
        message = str(warning.message)
        assert message.startswith(start), message
        assert "until 0.3.0" in message
        assert message.endswith(end), message


def test_a_catalogue_is_used_without_a_warning(rec, recwarn) -> None:
    results = ind.compute(ind.SEED_FIGURES, [rec()], period=YEAR, as_of=AS_OF)
    ind.check_results(results, ind.SEED_FIGURES)
    assert [w for w in recwarn if issubclass(w.category, DeprecationWarning)] == []


def test_computing_codes_instead_of_indicators_is_refused_with_what_to_pass(rec) -> None:
    with pytest.raises(TypeError) as caught:
        ind.compute(tuple(ind.SEED_FIGURES.keys()), [rec()], period=YEAR, as_of=AS_OF)
    assert str(caught.value) == (
        "expected Indicator objects, got str 'new_participants'; those are codes: pass the "
        "catalogue itself, or catalogue.values()"
    )
    with pytest.raises(TypeError) as caught:
        ind.compute([1], [rec()], period=YEAR, as_of=AS_OF)  # type: ignore[list-item]
    assert str(caught.value) == "expected Indicator objects, got int 1"
