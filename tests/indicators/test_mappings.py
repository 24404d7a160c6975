"""Results and catalogues are read-only mappings from code to figure and to indicator."""

from __future__ import annotations

from collections.abc import Mapping

import pendulum
import pytest
from attrs import evolve
from hypothesis import given

from hankemalli import indicators as ind
from hankemalli.testing import strategies as hst

D = pendulum.date
PERIOD = ind.ReportingPeriod.year(2016)


def test_a_catalogue_is_a_mapping_from_code_to_indicator() -> None:
    catalogue = ind.ESF_PLUS_2021
    assert isinstance(catalogue, Mapping)
    assert "EECR04" in catalogue
    assert "CR04" not in catalogue
    assert 5 not in catalogue
    assert len(catalogue) == len(catalogue.indicators)
    assert list(catalogue.keys()) == list(catalogue.codes)
    assert list(catalogue.values()) == list(catalogue.indicators)
    assert dict(catalogue.items()) == {i.code: i for i in catalogue.indicators}
    assert catalogue.get("EECR04") is catalogue["EECR04"]
    assert catalogue.get("CR04") is None
    with pytest.raises(KeyError):
        catalogue["CR04"]


def test_catalogues_keep_their_equality_hash_and_sum() -> None:
    same = ind.Catalogue(
        name=ind.ESF_PLUS_2021.name,
        version=ind.ESF_PLUS_2021.version,
        indicators=ind.ESF_PLUS_2021.indicators,
        description=ind.ESF_PLUS_2021.description,
        title=ind.ESF_PLUS_2021.title,
    )
    assert same == ind.ESF_PLUS_2021
    assert hash(same) == hash(ind.ESF_PLUS_2021)
    assert evolve(same, name="other") != ind.ESF_PLUS_2021  # the fields, not only the items
    both = ind.ESF_PLUS_2021 + ind.SEED_FIGURES
    assert list(both.values()) == [*ind.ESF_PLUS_2021.values(), *ind.SEED_FIGURES.values()]
    assert "placement" in both
    assert "EECO01" in both


def test_results_are_a_mapping_from_code_to_figure(rec) -> None:
    results = ind.compute(
        ind.ESF_PLUS_2021, [rec("A"), rec("B")], period=PERIOD, as_of=D(2017, 6, 1)
    )
    assert isinstance(results, Mapping)
    assert "EECR04" in results
    assert "placement" not in results
    assert len(results) == len(results.figures) == len(ind.ESF_PLUS_2021)
    assert list(results.keys()) == [f.code for f in results.figures]
    assert list(results.values()) == list(results.figures)
    assert results.get("EECO01") is results["EECO01"]
    assert results["EECO01"].numerator == 2  # two unemployed participants entered
    assert results.get("placement") is None
    with pytest.raises(KeyError):
        results["placement"]


def test_compute_takes_a_catalogue_or_its_indicators_alike(rec) -> None:
    records = [rec("A"), rec("B", status=None)]
    by_catalogue = ind.compute(ind.SEED_FIGURES, records, period=PERIOD, as_of=D(2017, 6, 1))
    by_indicators = ind.compute(
        ind.SEED_FIGURES.values(), records, period=PERIOD, as_of=D(2017, 6, 1)
    )
    assert by_catalogue == by_indicators


@given(hst.datasets(max_participants=4))
def test_any_results_map_each_computed_code_to_its_figure(dataset) -> None:
    catalogue = ind.ESF_2014 + ind.SEED_FIGURES
    programme = dataset.programme
    period = ind.ReportingPeriod(start=programme.start, end=programme.end)
    results = ind.compute(
        catalogue,
        dataset.participants,
        period=period,
        as_of=programme.end,
        breakdown=ind.ByCharacteristic(name="gender"),
    )
    assert list(results.keys()) == list(catalogue.keys())
    assert all(results[code].code == code for code in catalogue.codes)
    assert dict(results) == {f.code: f for f in results.figures}
    for group, figures in results.by_group.items():
        assert list(figures) == list(catalogue.keys()), group


def test_a_calculation_takes_a_catalogue_and_says_what_to_pass_for_its_codes() -> None:
    context = ind.Context(period=PERIOD, as_of=D(2017, 6, 1))
    by_catalogue = ind.Calculation(indicators=ind.SEED_FIGURES, context=context)
    assert by_catalogue.indicators == ind.SEED_FIGURES.indicators
    assert ind.Calculation(indicators=ind.SEED_FIGURES.values(), context=context) == by_catalogue
    with pytest.raises(TypeError, match=r"got str 'new_participants'.*catalogue\.values\(\)"):
        ind.Calculation(indicators=tuple(ind.SEED_FIGURES.keys()), context=context)


def test_iterating_a_catalogue_or_results_still_gives_indicators_and_figures_with_a_warning(
    rec,
) -> None:
    """The compatibility policy: deprecated in 0.2.0, the codes from 0.3.0."""
    with pytest.warns(DeprecationWarning, match=r"catalogue\.values\(\)"):
        indicators = list(ind.SEED_FIGURES)
    assert indicators == list(ind.SEED_FIGURES.indicators)
    results = ind.compute(ind.SEED_FIGURES, [rec("A")], period=PERIOD, as_of=D(2017, 6, 1))
    with pytest.warns(DeprecationWarning, match=r"results\.values\(\)"):
        figures = list(results)
    assert figures == list(results.figures)
