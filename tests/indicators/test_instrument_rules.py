"""The rules of the staged-scale indicators, one test each (indicators/_instruments.py).

A dimension's figures are taken over the people assessed on that dimension at entry
and in review; its share improved lies within those assessed; every indicator is
labelled in three languages and cites the instrument.
"""

from __future__ import annotations

import pendulum
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
ENTRY, REVIEW = h.AssessmentKind.ENTRY, h.AssessmentKind.REVIEW
WHOLE = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2017, 12, 31))
AS_OF = D(2018, 6, 30)
LADDER = h.Instrument(
    id="ladder",
    name="Ladder",
    dimensions=(
        h.Dimension(id="search", name="Job search", stages=("0", "1", "2", "3", "4")),
        h.Dimension(id="skills", name="Basic skills", stages=("0", "1", "2")),
    ),
)
CATALOGUE = ind.instrument_indicators(LADDER)


def scored(day, kind, **stages) -> h.Assessment:
    scores = tuple(h.Score(dimension=d, stage=s) for d, s in stages.items())
    return h.Assessment(instrument="ladder", date=day, kind=kind, scores=scores)


def assessed(rec, pid, *assessments) -> h.Participation:
    record = rec(pid, periods=((D(2016, 3, 1), D(2016, 12, 31)),))
    return evolve(record, assessments=assessments)


def test_a_dimensions_figures_are_over_those_assessed_on_it(rec) -> None:
    records = [
        # Search assessed twice (and improved); skills only at entry.
        assessed(
            rec, "A", scored(D(2016, 3, 1), ENTRY, search=1, skills=0),
            scored(D(2016, 9, 1), REVIEW, search=3),
        ),
        # Both assessed twice; skills improved, search did not.
        assessed(
            rec, "B", scored(D(2016, 3, 1), ENTRY, search=2, skills=0),
            scored(D(2016, 9, 1), REVIEW, search=2, skills=1),
        ),
        assessed(rec, "C"),
    ]  # fmt: skip
    results = ind.compute(CATALOGUE, records, period=WHOLE, as_of=AS_OF)
    assert results["ladder.assessed"].numerator == 2
    search, skills = results["ladder.search.improved"], results["ladder.skills.improved"]
    assert (search.numerator, search.denominator) == (1, 2)
    assert (skills.numerator, skills.denominator) == (1, 1)
    assert (
        results["ladder.skills.change"].numerator,
        results["ladder.skills.change"].denominator,
    ) == (1, 1)
    members = ind.members(CATALOGUE["ladder.skills.change"], records, period=WHOLE, as_of=AS_OF)
    assert members.population == ("B",)


def test_an_assessed_selector_asks_about_its_own_dimension(rec) -> None:
    record = assessed(
        rec, "A", scored(D(2016, 3, 1), ENTRY, search=1, skills=0),
        scored(D(2016, 9, 1), REVIEW, search=3),
    )  # fmt: skip
    ctx = ind.Context(period=WHOLE, as_of=AS_OF)
    view = ctx.see(record)
    assert view is not None
    assert ind.Assessed(instrument="ladder", dimension="search").matches(view, ctx)
    assert not ind.Assessed(instrument="ladder", dimension="skills").matches(view, ctx)
    assert ind.Assessed(instrument="ladder").matches(view, ctx)


def test_each_indicator_of_an_instrument_is_labelled_and_cites_it() -> None:
    labels = {code: CATALOGUE[code].labels for code in CATALOGUE.codes}
    assert labels == {
        "ladder.assessed": ind.Labels(
            fi="Ladder: arvioitu alussa ja seurannassa",
            sv="Ladder: bedömda i början och vid uppföljning",
            en="Ladder: assessed at entry and in review",
        ),
        "ladder.change": ind.Labels(
            fi="Ladder: muutos (portaita)",
            sv="Ladder: förändring (steg)",
            en="Ladder: change (stages)",
        ),
        "ladder.improved": ind.Labels(
            fi="Ladder: edistyneet", sv="Ladder: förbättrade", en="Ladder: improved"
        ),
        "ladder.search.change": ind.Labels(
            fi="Ladder – Job search: muutos (portaita)",
            sv="Ladder – Job search: förändring (steg)",
            en="Ladder – Job search: change (stages)",
        ),
        "ladder.search.improved": ind.Labels(
            fi="Ladder – Job search: edistyneet",
            sv="Ladder – Job search: förbättrade",
            en="Ladder – Job search: improved",
        ),
        "ladder.skills.change": ind.Labels(
            fi="Ladder – Basic skills: muutos (portaita)",
            sv="Ladder – Basic skills: förändring (steg)",
            en="Ladder – Basic skills: change (stages)",
        ),
        "ladder.skills.improved": ind.Labels(
            fi="Ladder – Basic skills: edistyneet",
            sv="Ladder – Basic skills: förbättrade",
            en="Ladder – Basic skills: improved",
        ),
    }
    for code in CATALOGUE.codes:
        assert CATALOGUE[code].reference == "staged-scale instrument 'ladder'", code


def test_the_share_improved_lies_within_those_assessed_and_the_change_does_not() -> None:
    within = {code: CATALOGUE[code].within for code in CATALOGUE.codes}
    assert within == {
        "ladder.assessed": None,
        "ladder.change": None,
        "ladder.improved": "ladder.assessed",
        "ladder.search.change": None,
        "ladder.search.improved": "ladder.assessed",
        "ladder.skills.change": None,
        "ladder.skills.improved": "ladder.assessed",
    }


def test_an_instruments_figures_share_the_scope_asked_for() -> None:
    left = ind.instrument_indicators(LADDER, scope=ind.Scope.LEFT)
    assert {left[code].scope for code in left.codes} == {ind.Scope.LEFT}
    assert {CATALOGUE[code].scope for code in CATALOGUE.codes} == {ind.Scope.ENTERED_BY_END}


def test_an_instruments_catalogue_names_the_instrument() -> None:
    assert (CATALOGUE.name, CATALOGUE.version, CATALOGUE.description) == (
        "Ladder (staged scale)",
        "1",
        "Change on the staged-scale instrument 'Ladder', entry to latest review.",
    )
