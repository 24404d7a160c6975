"""Computed figures as frames: the same numbers as the Results, labelled."""

from __future__ import annotations

import pytest

from hankemalli import frames
from hankemalli.demo import demo_dataset
from hankemalli.indicators import (
    ESF_PLUS_2021,
    SEED_FIGURES,
    ByCharacteristic,
    Count,
    Indicator,
    Labels,
    ReportingPeriod,
    compute,
)

DATASET = demo_dataset()
AS_OF = DATASET.programme.end.add(months=7)
CATALOGUE = ESF_PLUS_2021 + SEED_FIGURES
PERIOD = ReportingPeriod.year(2016)
RESULTS = compute(
    CATALOGUE,
    DATASET.participants,
    period=PERIOD,
    as_of=AS_OF,
    breakdown=ByCharacteristic(name="gender"),
)
OWN = Indicator(code="own", labels=Labels(fi="Oma", sv="Egen", en="Own"), statistic=Count())


def test_the_figures_frame_is_the_results(rows, backend: str) -> None:
    found = rows(frames.figures(RESULTS, backend=backend, catalogue=CATALOGUE))
    expected = [(None, f) for f in RESULTS.figures] + [
        (group, f) for group, figures in RESULTS.groups for f in figures
    ]
    assert len(RESULTS.groups) > 1
    assert len(found) == len(expected)
    for row, (group, figure) in zip(found, expected, strict=True):
        assert (row["code"], row["group"]) == (figure.code, group)
        assert row["statistic"] == str(figure.statistic)
        assert (row["numerator"], row["denominator"]) == (figure.numerator, figure.denominator)
        if figure.value is None:
            assert row["value"] is None
        else:
            assert row["value"] == pytest.approx(float(figure.value))
        assert row["median"] == (
            None if figure.median is None else pytest.approx(float(figure.median))
        )
        assert (row["missing"], row["cumulative"]) == (figure.missing, figure.cumulative)


def test_a_share_is_its_numerator_over_its_denominator(rows) -> None:
    found = rows(frames.figures(RESULTS, backend="polars", catalogue=CATALOGUE))
    shares = [r for r in found if r["statistic"] == "share" and r["denominator"]]
    assert shares
    for row in shares:
        assert row["value"] == pytest.approx(row["numerator"] / row["denominator"])


def test_group_rows_add_up_to_the_whole_for_a_count(rows) -> None:
    found = rows(frames.figures(RESULTS, backend="pyarrow", catalogue=CATALOGUE))
    whole = next(r for r in found if r["code"] == "EEGRANDTOTAL" and r["group"] is None)
    groups = [r for r in found if r["code"] == "EEGRANDTOTAL" and r["group"] is not None]
    assert {r["group"] for r in groups} >= {"woman", "man"}
    assert sum(r["numerator"] for r in groups) == whole["numerator"] > 0


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_labels_are_in_the_chosen_language(rows, language: str) -> None:
    found = rows(frames.figures(RESULTS, backend="polars", language=language))
    for row in found:
        assert row["label"] == CATALOGUE[row["code"]].labels.get(language)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language: 'de' is not one of fi, sv, en"):
        frames.figures(RESULTS, backend="polars", language="de")


def test_own_indicators_are_labelled_from_their_catalogue(rows) -> None:
    results = compute([OWN], DATASET.participants, period=PERIOD, as_of=AS_OF)
    (row,) = rows(frames.figures(results, backend="polars", catalogue=[OWN], language="sv"))
    assert (row["code"], row["label"]) == ("own", "Egen")
    # Without the catalogue the built-in ones do not know the code: no label.
    (row,) = rows(frames.figures(results, backend="polars"))
    assert row["label"] is None
    assert row["numerator"] == results["own"].numerator


def test_a_catalogue_that_lacks_a_code_is_refused_naming_it() -> None:
    expected = r"catalogue: no definition for EEGRANDTOTAL, EECO01, .*, EECR06; pass"
    with pytest.raises(ValueError, match=expected):
        frames.figures(RESULTS, backend="polars", catalogue=SEED_FIGURES)


def test_counts_per_category_are_the_figures_counts(rows, backend: str) -> None:
    found = rows(frames.figure_counts(RESULTS, backend=backend, language="en"))
    expected = [
        (group, f.code, category, count)
        for group, figures in ((None, RESULTS.figures), *RESULTS.groups)
        for f in figures
        for category, count in f.counts
    ]
    assert any(code == "referral_sources" for _, code, _, _ in expected)
    assert [(r["group"], r["code"], r["category"], r["count"]) for r in found] == expected
    assert all(r["label"] == CATALOGUE[r["code"]].labels.en for r in found)


def test_no_figures_give_empty_frames_with_every_column(rows, schema, backend: str) -> None:
    results = compute([], DATASET.participants, period=PERIOD, as_of=AS_OF)
    kinds = {
        "text": "String",
        "integer": "Int64",
        "number": "Float64",
        "boolean": "Boolean",
        "date": "Date",
    }
    for made, columns in (
        (frames.figures(results, backend=backend), frames.FIGURE_COLUMNS),
        (frames.figure_counts(results, backend=backend), frames.COUNT_COLUMNS),
    ):
        assert rows(made) == []
        assert schema(made) == {name: kinds[kind] for name, kind in columns}


def test_figures_of_no_records_are_zero_not_missing(rows) -> None:
    results = compute(CATALOGUE, [], period=PERIOD, as_of=AS_OF)
    found = rows(frames.figures(results, backend="polars"))
    assert len(found) == len(CATALOGUE)
    assert {r["numerator"] for r in found} == {0}
