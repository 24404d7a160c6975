"""Example tests for Problem, DataError and format_path (_errors.py)."""

import pytest

from hankemalli import DataError, Problem, format_path

# The problems below are made by hand, without a code (tests/_problem_codes.py).
pytestmark = pytest.mark.hand_made_problems


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), "$"),
        (("programme",), "$.programme"),
        (("participants", 3, "episodes", 0, "end"), "$.participants[3].episodes[0].end"),
    ],
)
def test_path_is_rendered_as_a_json_path(path, text):
    assert format_path(path) == text


def test_problem_reads_as_json_path_and_message():
    problem = Problem(path=("periods", 1, "entry"), message="a re-entry must come later")
    assert str(problem) == "$.periods[1].entry: a re-entry must come later"


def test_problem_seen_from_an_enclosing_object_gets_its_prefix():
    problem = Problem(path=("entry",), message="m").under("participants", 2, "periods", 0)
    assert problem.path == ("participants", 2, "periods", 0, "entry")


def test_data_error_is_a_value_error_that_lists_every_problem():
    details = [Problem(path=("a",), message="one"), Problem(path=("b", 0), message="two")]
    error = DataError(details)
    assert isinstance(error, ValueError)
    assert error.details == tuple(details)
    assert error.problems == ("$.a: one", "$.b[0]: two")
    assert str(error) == "2 problems:\n  $.a: one\n  $.b[0]: two"


def test_data_error_with_one_problem_says_so():
    assert str(DataError([Problem(path=(), message="m")])) == "1 problem:\n  $: m"


def test_data_error_without_problems_is_refused():
    with pytest.raises(ValueError, match="at least one problem"):
        DataError([])


def test_data_error_seen_from_an_enclosing_object_moves_every_problem():
    error = DataError([Problem(path=("a",), message="x"), Problem(path=(), message="y")])
    assert error.under("participants", 1).problems == (
        "$.participants[1].a: x",
        "$.participants[1]: y",
    )
