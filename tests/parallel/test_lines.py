"""One JSON Lines file read in ranges of lines gives one pass's figures, or its error.

:func:`hankemalli.parallel.compute_lines` (issue 14): the ranges are read and run
apart, and the rules across records (an id used once, no blank line between records)
are checked over the whole file, so a file is accepted or refused exactly as
:func:`~hankemalli.serialization.read_lines` accepts or refuses it.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankemalli import DataError, Dataset
from hankemalli import indicators as ind
from hankemalli.parallel import _spans as spans_of
from hankemalli.parallel import compute_lines
from hankemalli.reporting import catalogue_for
from hankemalli.serialization import dumps_lines, read_lines
from hankemalli.testing import strategies as hs


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


def one_pass(calculation: ind.Calculation, path: Path) -> ind.Results | DataError:
    """What a single pass with ``read_lines`` gives: the figures, or the DataError."""
    try:
        return calculation.run(read_lines(path))
    except DataError as error:
        return error


def in_ranges(calculation: ind.Calculation, path: Path, parts: int) -> ind.Results | DataError:
    try:
        return compute_lines(calculation, path, parts=parts)
    except DataError as error:
        return error


def same(found: ind.Results | DataError, expected: ind.Results | DataError) -> bool:
    """Equal figures, or errors with the same problems (paths, codes, order) and count."""
    if isinstance(expected, DataError):
        return (
            isinstance(found, DataError)
            and found.details == expected.details
            and found.count == expected.count
        )
    return found == expected


@pytest.fixture(scope="module")
def demo() -> Dataset:
    from hankemalli.demo import demo_dataset

    return demo_dataset()


@pytest.fixture
def demo_lines(tmp_path: Path, demo: Dataset) -> Path:
    path = tmp_path / "demo.jsonl"
    path.write_text(dumps_lines(demo), encoding="utf-8")
    return path


# Valid files ------------------------------------------------------------------------------


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hs.datasets(max_participants=10), st.integers(1, 5), st.booleans())
def test_ranges_of_a_valid_file_give_the_figures_of_one_pass(
    tmp_path: Path, dataset: Dataset, parts: int, by_age: bool
) -> None:
    path = tmp_path / "register.jsonl"
    path.write_text(dumps_lines(dataset), encoding="utf-8")
    calculation = calculation_for(dataset, ind.ByAgeBand() if by_age else None)
    assert compute_lines(calculation, path, parts=parts) == calculation.run(dataset.participants)


def test_the_ranges_cover_every_line_once_and_cut_only_between_lines(demo_lines: Path) -> None:
    data = demo_lines.read_bytes()
    header_end = data.index(b"\n") + 1
    for parts in (1, 2, 3, 7, 1000):
        spans = spans_of(demo_lines, parts)
        assert spans[0].start == header_end
        assert spans[-1].end == len(data)
        assert all(a.end == b.start for a, b in itertools.pairwise(spans))
        assert all(data[s.start - 1 : s.start] == b"\n" for s in spans)
        assert len(spans) <= parts


def test_ranges_read_in_other_processes_give_the_figures_of_one_pass(
    demo_lines: Path, demo: Dataset
) -> None:
    calculation = calculation_for(demo)
    with ProcessPoolExecutor(max_workers=2) as pool:
        found = compute_lines(calculation, demo_lines, parts=3, map=pool.map)
    assert found == calculation.run(demo.participants)


def test_the_reader_is_made_before_the_ranges_are_handed_out(
    demo_lines: Path, demo: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers forked by ``map`` find the record reader compiled, not each its own."""
    from hankemalli.serialization import _fast

    made: list[int] = []

    def watching(function: object, spans: list[object]) -> object:
        made.append(_fast._compiled_record_reader.cache_info().currsize)
        return map(function, spans)  # type: ignore[call-overload]

    _fast._compiled_record_reader.cache_clear()
    calculation = calculation_for(demo)
    assert compute_lines(calculation, demo_lines, parts=2, map=watching) == calculation.run(
        demo.participants
    )
    assert made == [1]


def test_a_file_of_a_header_only_gives_the_figures_of_no_records(tmp_path: Path, demo) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(dumps_lines(Dataset(programme=demo.programme)), encoding="utf-8")
    calculation = calculation_for(demo)
    assert compute_lines(calculation, path, parts=4) == calculation.run([])


def test_parts_must_be_at_least_one(demo_lines: Path, demo: Dataset) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        compute_lines(calculation_for(demo), demo_lines, parts=0)


# Files with problems: the error of one pass ------------------------------------------------


def test_an_id_used_in_two_ranges_is_refused_as_in_one_pass(demo_lines: Path, demo) -> None:
    lines = demo_lines.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append(lines[1])  # the first record again, at the end: another range
    demo_lines.write_text("".join(lines), encoding="utf-8")
    calculation = calculation_for(demo)
    expected = one_pass(calculation, demo_lines)
    assert isinstance(expected, DataError)
    assert any(p.code == "participant.duplicate" for p in expected.details)
    assert same(in_ranges(calculation, demo_lines, 4), expected)


def test_a_blank_line_between_two_ranges_is_refused_as_in_one_pass(demo_lines: Path, demo) -> None:
    lines = demo_lines.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    demo_lines.write_text("".join([*lines[:middle], "\n", "  \n", *lines[middle:]]))
    calculation = calculation_for(demo)
    expected = one_pass(calculation, demo_lines)
    assert isinstance(expected, DataError)
    for parts in (2, 3, 5):
        assert same(in_ranges(calculation, demo_lines, parts), expected)


def test_blank_lines_where_one_range_ends_are_refused_as_in_one_pass(
    demo_lines: Path, demo
) -> None:
    # Records A, then blank lines, then records B, with the blank lines just long
    # enough that the cut into two ranges falls right after them: the first range ends
    # with blank lines and the second begins with a record, so neither range alone
    # sees a blank line between records.
    header, *records = demo_lines.read_bytes().splitlines(keepends=True)
    split = max(
        m for m in range(len(records)) if sum(map(len, records[:m])) * 2 < sum(map(len, records))
    )
    before, after = b"".join(records[:split]), b"".join(records[split:])
    blanks = b"\n" * (len(after) - len(before))
    demo_lines.write_bytes(header + before + blanks + after)
    _first, second = spans_of(demo_lines, 2)
    assert second.start == len(header) + len(before) + len(blanks)  # right after the blanks
    calculation = calculation_for(demo)
    expected = one_pass(calculation, demo_lines)
    assert isinstance(expected, DataError)
    assert {p.code for p in expected.details} == {"lines.blank"}
    assert expected.count == len(blanks)
    assert same(in_ranges(calculation, demo_lines, 2), expected)


def test_blank_lines_at_the_end_are_no_problem_in_ranges_either(demo_lines: Path, demo) -> None:
    with demo_lines.open("a", encoding="utf-8") as file:
        file.write("\n\n   \n")
    calculation = calculation_for(demo)
    assert compute_lines(calculation, demo_lines, parts=4) == calculation.run(demo.participants)


def test_a_bad_header_is_refused_at_once(tmp_path: Path, demo) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"schema_version": 2}\n', encoding="utf-8")
    with pytest.raises(DataError, match="programme"):
        compute_lines(calculation_for(demo), path, parts=2)


@st.composite
def broken_lines(draw: st.DrawFn) -> tuple[Dataset, str]:
    """A generated register in JSON Lines, with lines repeated, blanked or broken."""
    dataset = draw(hs.datasets(max_participants=8))
    lines = dumps_lines(dataset).splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(1, len(lines)))
        change = draw(st.sampled_from(["repeat", "blank", "garbage", "drop"]))
        if change == "repeat" and len(lines) > 1:
            lines.insert(at, lines[draw(st.integers(1, len(lines) - 1))])
        elif change == "blank":
            lines.insert(at, draw(st.sampled_from(["\n", "   \n", "\ufeff\n"])))
        elif change == "garbage":
            lines.insert(at, draw(st.sampled_from(['{"participant": 1}\n', "{\n", "[]\n"])))
        elif change == "drop" and at < len(lines):
            del lines[at]
    return dataset, "".join(lines)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken_lines(), st.integers(1, 5))
def test_any_file_is_accepted_or_refused_as_one_pass_does(
    tmp_path: Path, broken: tuple[Dataset, str], parts: int
) -> None:
    dataset, text = broken
    path = tmp_path / "register.jsonl"
    path.write_text(text, encoding="utf-8")
    calculation = calculation_for(dataset)
    assert same(in_ranges(calculation, path, parts), one_pass(calculation, path))
