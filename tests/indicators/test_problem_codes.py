"""The indicators' problems carry codes with their messages in Finnish, Swedish and English."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.indicators._messages import PROBLEMS
from hankemalli.model._messages import LANGUAGES, MESSAGES

D = pendulum.date

MODEL = h.OperatingModel(id="kaiku-malli", name="KAIKU", services=(h.ServiceType.JOB_COACHING,))
CONTEXT = ind.Context(period=ind.ReportingPeriod.year(2016), as_of=D(2017, 1, 31))
FIGURE = ind.Figure(code="EECO01", statistic=ind.Statistic.COUNT, numerator=3)


def _evidence_for_another_model() -> object:
    other = ind.Evidence(
        model="toinen",
        services=(),
        use=ind.ServiceUse.ALL,
        period=CONTEXT.period,
        as_of=CONTEXT.as_of,
        threshold=5,
        comparisons=(),
    )
    return ind.assess_transferability(MODEL, other)


#: Each code, a call that raises it, and the parameters its message must show.
EXAMPLES: dict[str, tuple[Callable[[], object], tuple[str, ...]]] = {
    "date.pendulum_expected": (
        lambda: ind.ReportingPeriod(start="2016-01-01", end=D(2016, 12, 31)),  # type: ignore[arg-type]
        ("str",),
    ),
    "reporting_period.ends_before_start": (
        lambda: ind.ReportingPeriod(start=D(2016, 2, 1), end=D(2016, 1, 1)),
        ("2016-02-01", "2016-01-01"),
    ),
    "catalogue.duplicate_code": (
        lambda: ind.Catalogue(name="x", version="1", indicators=(ind.ESF_PLUS_2021["EECO01"],) * 2),
        ("'EECO01'",),
    ),
    "catalogue.unknown_within": (
        lambda: ind.Catalogue(name="x", version="1", indicators=(ind.ESF_PLUS_2021["EECO02"],)),
        ("EECO02", "'EECO01'"),
    ),
    "figure.combine_different": (
        lambda: ind.combine([FIGURE, evolve(FIGURE, code="EECO02")]),
        ("EECO02", "EECO01"),
    ),
    "figure.combine_cumulative": (
        lambda: ind.combine([evolve(FIGURE, cumulative=True)] * 2),
        ("EECO01",),
    ),
    "evidence.statistic": (
        lambda: ind.Criterion(indicator=ind.ESF_PLUS_2021["EECO01"]),
        ("EECO01", "Count"),
    ),
    "evidence.model_without_services": (
        lambda: ind.EvidenceCalculation(model=evolve(MODEL, services=()), context=CONTEXT),
        ("'kaiku-malli'",),
    ),
    "evidence.threshold": (
        lambda: ind.EvidenceCalculation(model=MODEL, context=CONTEXT, threshold=0),
        ("0",),
    ),
    "evidence.other_model": (_evidence_for_another_model, ("'toinen'", "'kaiku-malli'")),
    "selector.unknown_characteristic": (
        lambda: ind.Characteristic(name="shoe_size", values=()),
        ("'shoe_size'",),
    ),
    "selector.unknown_event": (lambda: ind.EventMatch(event="lottery_win"), ("'lottery_win'",)),
    "selector.unknown_attribute": (
        lambda: ind.EventMatch(event="employment", where=(("salary", 1),)),
        ("employment", "'salary'"),
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
