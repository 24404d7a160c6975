"""Figures over records split into parts equal those of one pass (hankemalli.parallel, issue 14)."""

from __future__ import annotations

import itertools
import pickle
from concurrent.futures import ProcessPoolExecutor

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset, Participation
from hankemalli import indicators as ind
from hankemalli.parallel import bag_of_lines, compute_bag, compute_parts, merged, run_part
from hankemalli.reporting import catalogue_for
from hankemalli.serialization import to_dict, write_lines
from hankemalli.testing import strategies as hs

dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def demo() -> Dataset:
    """The embedded demo dataset: 270 participants of the KAIKU programme."""
    from hankemalli.demo import demo_dataset

    return demo_dataset()


def calculation_for(dataset: Dataset, breakdown: ind.Key | None = None) -> ind.Calculation:
    """Every figure of the programme's catalogue, over the programme, a year after its end."""
    programme = dataset.programme
    context = ind.Context(
        period=ind.ReportingPeriod(start=programme.start, end=programme.end),
        as_of=programme.end.add(years=1),
    )
    return ind.Calculation(
        indicators=catalogue_for(programme), context=context, breakdown=breakdown
    )


@st.composite
def split_datasets(draw: st.DrawFn) -> tuple[Dataset, list[tuple[Participation, ...]]]:
    """A dataset and its records cut into consecutive parts (some of them empty)."""
    dataset = draw(hs.datasets(max_participants=10))
    records = dataset.participants
    cuts = sorted(draw(st.lists(st.integers(0, len(records)), max_size=4)))
    bounds = [0, *cuts, len(records)]
    parts = [records[a:b] for a, b in itertools.pairwise(bounds)]
    return dataset, parts


# Merging is exact ------------------------------------------------------------------------


@settings(max_examples=40)
@given(split_datasets())
def test_parts_computed_apart_and_merged_give_the_figures_of_one_pass(split) -> None:
    dataset, parts = split
    for breakdown in (None, ind.ByAgeBand()):
        calculation = calculation_for(dataset, breakdown)
        one_pass = calculation.run(dataset.participants)
        assert compute_parts(calculation, parts) == one_pass
        assert compute_parts(calculation, reversed(parts)) == one_pass  # in any order


@settings(max_examples=25)
@given(split_datasets())
def test_a_run_pickles_and_merges_after_the_round_trip(split) -> None:
    dataset, parts = split
    calculation = calculation_for(dataset)
    runs = [pickle.loads(pickle.dumps(run_part(calculation, part))) for part in parts]
    assert merged(calculation, runs).results() == calculation.run(dataset.participants)


def test_no_parts_give_the_empty_figures(demo) -> None:
    calculation = calculation_for(demo)
    assert compute_parts(calculation, []) == calculation.run([])


def test_runs_of_different_calculations_are_not_merged(demo) -> None:
    dataset = demo
    one = calculation_for(dataset)
    other = ind.Calculation(indicators=ind.SEED_FIGURES, context=one.context)
    with pytest.raises(ValueError, match="same calculation"):
        merged(one, [run_part(other, dataset.participants)])


def test_parts_run_in_other_processes_give_the_figures_of_one_pass(demo) -> None:
    dataset = demo
    calculation = calculation_for(dataset)
    records = dataset.participants
    parts = [records[i::3] for i in range(3)]  # not even in order
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert compute_parts(calculation, parts, map=pool.map) == calculation.run(records)


# Dask -------------------------------------------------------------------------------------


@settings(max_examples=20)
@given(hs.datasets(max_participants=10), st.integers(1, 4), st.integers(2, 4))
def test_a_dask_bag_gives_the_figures_of_one_pass(dataset, partitions, split_every) -> None:
    calculation = calculation_for(dataset, ind.ByAgeBand())
    bag = dask_bag.from_sequence(dataset.participants or [], npartitions=partitions)
    found = compute_bag(calculation, bag, split_every=split_every, scheduler="synchronous")
    assert found == calculation.run(dataset.participants)


def test_a_dask_bag_computed_in_processes_gives_the_figures_of_one_pass(demo) -> None:
    dataset = demo
    calculation = calculation_for(dataset)
    bag = dask_bag.from_sequence(dataset.participants, npartitions=3)
    found = compute_bag(calculation, bag, scheduler="processes", num_workers=2)
    assert found == calculation.run(dataset.participants)


def test_json_lines_files_are_read_one_partition_each(tmp_path, demo) -> None:
    dataset = demo
    records = dataset.participants
    header = attrs.evolve(dataset, participants=())  # the programme, models, instruments
    paths = []
    for index in range(3):
        path = tmp_path / f"part-{index}.jsonl"
        write_lines(header, path, records=records[index::3])
        paths.append(path)
    bag = bag_of_lines(paths)
    assert bag.npartitions == 3
    calculation = calculation_for(dataset)
    assert compute_bag(calculation, bag, scheduler="synchronous") == calculation.run(records)


def test_a_problem_in_any_file_fails_the_computation_with_its_data_error(tmp_path, demo):
    dataset = demo
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    write_lines(dataset, good)
    document = to_dict(dataset)
    lines = good.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(document["participants"][0]["periods"][0]["entry"], "1.8.2015")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    calculation = calculation_for(dataset)
    with pytest.raises(DataError, match=r"participants\[0\]\.periods\[0\]\.entry"):
        compute_bag(calculation, bag_of_lines([good, bad]), scheduler="synchronous")


def test_an_as_of_before_the_records_still_merges(demo) -> None:
    dataset = demo
    early = ind.Calculation(
        indicators=ind.ESF_PLUS_2021,
        context=ind.Context(
            period=ind.ReportingPeriod.year(dataset.programme.start.year),
            as_of=pendulum.date(1990, 1, 1),
        ),
    )
    parts = [dataset.participants[:1], dataset.participants[1:]]
    assert compute_parts(early, parts) == early.run(dataset.participants)
