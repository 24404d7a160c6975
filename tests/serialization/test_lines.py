"""JSON Lines: a dataset read and written one participant a line (issue 14)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given

from hankemalli import DataError, Dataset, format_path
from hankemalli.serialization import (
    DatasetLines,
    dumps,
    dumps_lines,
    from_dict,
    iter_lines,
    migrate,
    read_lines,
    to_dict,
    write_lines,
)
from hankemalli.serialization._json import MAX_DEPTH
from hankemalli.testing import Violation
from hankemalli.testing import strategies as hs

pytestmark = pytest.mark.usefixtures("fresh_converter")


def lines_of(document: dict[str, Any]) -> list[str]:
    """A dataset document in JSON Lines, written by hand (not by the code under test)."""
    head = {key: value for key, value in document.items() if key != "participants"}
    return [json.dumps(head)] + [json.dumps(r) for r in document.get("participants", [])]


def refusal(lines: list[str]) -> DataError:
    with pytest.raises(DataError) as caught:
        list(DatasetLines(lines))
    return caught.value


def paths(error: DataError) -> list[str]:
    return [format_path(p.path) for p in error.details]


# Round trips ------------------------------------------------------------------------


@given(hs.datasets())
def test_a_dataset_comes_back_equal_from_its_lines(dataset: Dataset) -> None:
    text = dumps_lines(dataset)
    assert text.count("\n") == 1 + len(dataset.participants)
    stream = DatasetLines(text.splitlines(keepends=True))
    assert stream.header.participants == ()
    assert stream.dataset() == dataset


@given(hs.datasets())
def test_each_line_is_the_json_form_of_the_document(dataset: Dataset) -> None:
    document = to_dict(dataset)
    head, *records = (json.loads(line) for line in iter_lines(dataset))
    assert records == document.pop("participants")
    assert head == document


def test_a_file_is_written_whole_and_read_as_bytes(tmp_path, build) -> None:
    dataset = build.dataset()
    path = tmp_path / "register.jsonl"
    path.write_text("old contents\n", encoding="utf-8")
    write_lines(dataset, path)
    assert read_lines(path).dataset() == dataset
    with path.open("rb") as file:
        assert read_lines(file).dataset() == dataset
    assert [p.name for p in tmp_path.iterdir()] == ["register.jsonl"]  # no temporary left


def test_records_can_be_written_as_they_are_produced(tmp_path, build) -> None:
    dataset = build.dataset()
    header = Dataset(programme=dataset.programme)
    path = tmp_path / "register.jsonl"
    write_lines(header, path, records=iter(dataset.participants))
    assert read_lines(path).dataset() == dataset


def test_a_stream_is_read_once(build) -> None:
    stream = DatasetLines(dumps_lines(build.dataset()).splitlines())
    list(stream)
    with pytest.raises(RuntimeError, match="only once"):
        list(stream)


# The same rules, at the same paths -------------------------------------------------------


@given(hs.violations())
def test_a_broken_document_is_refused_at_the_same_path_in_lines(violation: Violation) -> None:
    # One rule broken in one place: the lines report the problem the document does.
    with pytest.raises(DataError) as caught:
        from_dict(violation.document, Dataset)
    expected = [(format_path(p.path), p.code) for p in caught.value.details]
    with pytest.raises(DataError) as streamed:
        list(DatasetLines(lines_of(violation.document)))
    assert [(format_path(p.path), p.code) for p in streamed.value.details] == expected


def test_every_problem_of_every_line_is_reported_at_the_end(build) -> None:
    document = to_dict(build.dataset())
    records = document["participants"]
    assert len(records) >= 2
    records[0]["periods"][0]["entry"] = "1.8.2015"
    records[-1]["participant"]["id"] = records[0]["participant"]["id"]
    lines = lines_of(document)
    lines.insert(2, "{not json")
    found = paths(refusal(lines))
    assert "$.participants[0].periods[0].entry" in found
    assert "$.participants[1]" in found  # the line that is not JSON
    assert any(path.startswith(f"$.participants[{len(records)}]") for path in found)


def test_valid_records_are_passed_on_and_the_error_comes_after_the_last(build) -> None:
    document = to_dict(build.dataset())
    document["participants"][0]["periods"][0]["entry"] = "2015-02-30"
    given_on: list[str] = []
    stream = DatasetLines(lines_of(document))
    records = iter(stream)
    given_on.extend(next(records).id for _ in document["participants"][1:])
    with pytest.raises(DataError):
        next(records)
    assert given_on == [r["participant"]["id"] for r in document["participants"][1:]]
    assert stream.count == len(document["participants"])


def test_a_syntax_error_names_its_line_in_the_file(build) -> None:
    lines = lines_of(to_dict(build.dataset()))
    lines[2] = '{"participant": '
    (found,) = refusal(lines).details
    assert format_path(found.path) == "$.participants[1]"
    assert found.code == "json.syntax"
    assert dict(found.params)["line"] == "3"


def test_a_blank_line_between_records_is_refused_but_a_final_newline_is_not(build) -> None:
    dataset = build.dataset()
    text = dumps_lines(dataset)
    assert DatasetLines(io.BytesIO(text.encode() + b"\n\n")).dataset() == dataset
    lines = text.splitlines()
    lines.insert(2, "   ")
    (found,) = refusal(lines).details
    assert (format_path(found.path), found.code) == ("$.participants[1]", "lines.blank")


@pytest.mark.parametrize("empty", [[], [""], ["\n"], [b"\xef\xbb\xbf\n"]])
def test_an_empty_file_is_refused(empty: list[Any]) -> None:
    with pytest.raises(DataError) as caught:
        DatasetLines(empty)
    assert [p.code for p in caught.value.details] == ["lines.no_header"]


def test_a_header_with_participants_is_refused(build) -> None:
    with pytest.raises(DataError) as caught:
        DatasetLines([dumps(build.dataset(), indent=None)])
    assert [p.code for p in caught.value.details] == ["lines.participants_in_header"]


def test_a_bad_header_reports_every_problem_at_once(build) -> None:
    head = json.loads(lines_of(to_dict(build.dataset()))[0])
    head["schema_version"] = 99
    head["programme"]["start"] = "2015-13-01"
    head["participants"] = []
    with pytest.raises(DataError) as caught:
        DatasetLines([json.dumps(head)])
    codes = {p.code for p in caught.value.details}
    assert {"lines.participants_in_header", "schema_version.unsupported"} <= codes
    assert "$.programme.start" in paths(caught.value)


def test_a_record_nested_too_deep_is_counted_from_the_top_of_the_document(build) -> None:
    lines = lines_of(to_dict(build.dataset()))
    record = json.loads(lines[1])
    deep: Any = 0
    for _ in range(MAX_DEPTH):
        deep = [deep]
    record["notes"] = deep
    lines[1] = json.dumps(record)
    with pytest.raises(DataError) as whole:
        from_dict({**json.loads(lines[0]), "participants": [record]}, Dataset)
    expected = [format_path(p.path) for p in whole.value.details if p.code == "json.too_deep"]
    streamed = refusal(lines).details
    assert [format_path(p.path) for p in streamed if p.code == "json.too_deep"] == expected
    assert expected


def test_a_version_1_register_is_read_through_its_version_2_form(build) -> None:
    old = to_dict(build.dataset())
    old["schema_version"] = 1
    for record in old["participants"]:
        record["events"] = [
            {
                "type": "job_search_started",
                "date": record["periods"][0]["entry"],
                "source": "participant_reported",
            }
        ]
    expected = from_dict(migrate(old), Dataset)
    assert DatasetLines(lines_of(old)).dataset() == expected
