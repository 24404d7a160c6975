"""The words of ``explain``, pinned for every indicator (perustelut).

An auditor reads these explanations beside the figures, so a change in their wording
or in the facts they quote is a change to review, not an accident. For every indicator
of every catalogue, over three reporting periods, the test explains the first of a
fixed set of demo participants in each state (not known, out of scope, outside the
population, in it but not counted, counted) and compares the text with the stored
snapshot (syrupy). After a deliberate change, review the difference and update with
``pytest tests/indicators/test_explanations.py --snapshot-update``.
"""

from __future__ import annotations

import pendulum
import pytest

from hankemalli import demo
from hankemalli import indicators as ind

#: Demo participants whose outcomes, together, reach every state of every indicator of
#: the three catalogues in the periods below (found once by a greedy cover).
PARTICIPANTS = (
    "K-0001", "K-0075", "K-0066", "K-0095", "K-0157", "K-0041", "K-0002", "K-0026",
    "K-0022", "K-0063", "K-0078", "K-0024", "K-0046", "K-0108", "K-0007", "K-0106",
)  # fmt: skip

#: (period, as_of): a year seen at its end (later entrants not yet known), a year seen
#: a month after, and the whole programme seen seven months after its end.
PERIODS = (
    (ind.ReportingPeriod.year(2015), pendulum.Date(2015, 12, 31)),
    (ind.ReportingPeriod.year(2016), pendulum.Date(2017, 1, 31)),
    (ind.ReportingPeriod(start=pendulum.Date(2015, 8, 1), end=pendulum.Date(2018, 12, 31)),
     pendulum.Date(2019, 7, 31)),
)  # fmt: skip

CATALOGUES = {catalogue.version: catalogue for catalogue in ind.COMMON_CATALOGUES}
CATALOGUES["seed"] = ind.SEED_FIGURES
CATALOGUES["instrument"] = ind.instrument_indicators(demo.demo_dataset().instruments[0])


@pytest.fixture(scope="module")
def records():
    by_id = {record.id: record for record in demo.demo_dataset().participants}
    return [by_id[pseudonym] for pseudonym in PARTICIPANTS]


def explanations(catalogue, records):
    """One explanation per indicator, period and state reached, in a fixed order."""
    out = []
    for indicator in catalogue.indicators:
        for period, as_of in PERIODS:
            seen = set()
            for record in records:
                found = ind.explain(record, indicator, period=period, as_of=as_of)
                state = (found.known, found.in_scope, found.in_population, found.counted)
                if state not in seen:
                    seen.add(state)
                    out.append(str(found))
    return "\n\n".join(out) + "\n"


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_explanations_of_every_indicator_read_as_reviewed(name, records, snapshot):
    assert explanations(CATALOGUES[name], records) == snapshot


def test_every_state_of_an_explanation_is_in_the_snapshots(records):
    """The fixed participants still reach every state, so the snapshots cover them all."""
    states = set()
    for catalogue in CATALOGUES.values():
        for indicator in catalogue.indicators:
            for period, as_of in PERIODS:
                for record in records:
                    found = ind.explain(record, indicator, period=period, as_of=as_of)
                    states.add((found.known, found.in_scope, found.in_population, found.counted))
    assert states == {
        (False, False, False, False),
        (True, False, False, False),
        (True, True, False, False),
        (True, True, True, False),
        (True, True, True, True),
    }


def test_a_selector_explain_has_no_words_for_is_shown_with_its_fields(rec):
    """A user's own selector is named by its class and fields, tuples written out."""
    from attrs import frozen

    @frozen(kw_only=True)
    class Aged(ind.Selector):
        ages: tuple[int, ...]
        note: str

        def matches(self, view, ctx):
            return view.record.participant.age_at_entry in self.ages

    indicator = ind.Indicator(
        code="OWN",
        labels=ind.Labels(fi="oma", sv="egen", en="own"),
        statistic=ind.Count(),
        scope=ind.Scope.ENTERED,
        population=Aged(ages=(24, 25), note="x"),
        reference="a test",
    )
    record = rec("P-1", age=24)
    found = ind.explain(
        record, indicator, period=ind.ReportingPeriod.year(2016), as_of=pendulum.Date(2017, 1, 31)
    )
    assert "population: Aged(ages=(24, 25), note=x): yes" in found.reasons
