"""The reports' problems carry codes with their messages in Finnish, Swedish and English."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest

import hankemalli as h
from hankemalli import reporting as rep
from hankemalli.demo import demo_dataset
from hankemalli.model._messages import LANGUAGES, MESSAGES
from hankemalli.reporting._messages import PROBLEMS

D = pendulum.date


def _correction(**changes: object) -> rep.Correction:
    fields: dict[str, object] = {
        "year": 2016,
        "code": "EECO01",
        "numerator": 1,
        "reason": "a late record",
        "dated": D(2017, 3, 1),
    }
    return rep.Correction(**{**fields, **changes})  # type: ignore[arg-type]


def _derive(corrections: list[rep.Correction], catalogue: object = None) -> object:
    dataset = demo_dataset()
    reports = [
        rep.issue_annual_report(
            dataset.programme,
            dataset.participants,
            year=2016,
            as_of=D(2017, 1, 31),
            issued=D(2017, 2, 1),
        )
    ]
    return rep.derive_final(
        reports,
        corrections,
        programme=dataset.programme,
        **({} if catalogue is None else {"catalogue": catalogue}),
    )


EXAMPLES: dict[str, tuple[Callable[[], object], tuple[str, ...]]] = {
    "correction.no_reason": (lambda: _correction(reason=" "), ()),
    "correction.no_change": (lambda: _correction(numerator=0), ()),
    "correction.no_annual_report": (lambda: _derive([_correction(year=2015)]), ("2015",)),
    "correction.unknown_indicator": (lambda: _derive([_correction(code="XX99")]), ("'XX99'",)),
    "annual_report.other_catalogue": (
        lambda: _derive([], catalogue=h.indicators.SEED_FIGURES),
        ("2016",),
    ),
}


def test_every_code_has_an_example_and_is_registered() -> None:
    assert set(EXAMPLES) == set(PROBLEMS)
    assert all(MESSAGES[code] is PROBLEMS[code] for code in PROBLEMS)


@pytest.mark.parametrize("code", list(PROBLEMS))
def test_each_problem_has_its_code_and_its_message_in_every_language(code) -> None:
    build, shown = EXAMPLES[code]
    with pytest.raises(h.DataError) as caught:
        build()
    found = next(p for p in caught.value.details if p.code == code)
    texts = {language: found.text(language) for language in LANGUAGES}
    assert texts["en"] == found.message
    assert len(set(texts.values())) == 3, texts
    for text in texts.values():
        assert "{" not in text
        for value in shown:
            assert value in text, (value, text)
