"""Every problem the library raises has a code of the catalogue and reads in each language.

tests/model/conftest.py and tests/serialization/conftest.py load this file and, in the
test modules they name, record every :class:`DataError` made during a test; at its
end :func:`check_problem` looks at each problem kept. So the whole corpus of broken
objects and documents those tests build (tests/serialization/test_hostile.py, the
model's hostile rows, every example of a refusal) checks that:

- the problem's code is in :data:`MESSAGES`: none is ``"unspecified"``;
- its English message is its code's English template filled with its parameters;
- in Finnish, Swedish and English every field its template and terms need is among
  its parameters, and the text renders, is printable, and holds nothing that looks
  like a personal identity code.

A test that makes problems by hand, without a code, is marked ``hand_made_problems``.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping

import pytest

from hankemalli import DataError, Problem
from hankemalli.model._messages import LANGUAGES, MESSAGES, TERMS, Language, render
from hankemalli.model._pseudonym import find_in_text

MARKER = "hand_made_problems"


def needed_fields(template: str, params: Mapping[str, str], depth: int = 0) -> set[str]:
    """The parameters ``template`` needs, with those of every term its values name."""
    needed: set[str] = set()
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is None:
            continue
        needed.add(name)
        term = TERMS.get(params.get(name, "")) if spec == "term" else None
        if term is not None and depth < 3:
            for language in LANGUAGES:
                needed |= needed_fields(term.template(language), params, depth + 1)
    return needed


def check_problem(problem: Problem) -> None:
    """What every problem the library raises keeps to (see the module docstring)."""
    where = f"{problem} [{problem.code}]"
    assert problem.code in MESSAGES, f"{where}: the code is not in the catalogue"
    params = dict(problem.params)
    assert render(problem.code, "en", params, "") == problem.message, where
    for language in LANGUAGES:
        template = MESSAGES[problem.code].template(language)
        missing = needed_fields(template, params) - params.keys()
        assert not missing, f"{where}: no parameter {sorted(missing)}"
        text = problem.text(language)
        assert text.isprintable(), f"{where} in {language}: {text!r}"
        assert find_in_text(text, contacts=False) is None, f"{where} in {language}: {text}"


def check_error(error: DataError, language: Language = "fi") -> None:
    """Every problem kept by ``error``, and its whole message in ``language``."""
    for problem in error.details:
        check_problem(problem)
    assert error.text(language).count("\n") == str(error).count("\n")


@pytest.fixture
def coded_problems(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Check every DataError made during the test, once it has passed."""
    made: list[DataError] = []
    init = DataError.__init__

    def recording(self: DataError, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(DataError, "__init__", recording)
    yield
    monkeypatch.undo()
    if request.node.get_closest_marker(MARKER) is None:
        for error in made:
            check_error(error)
