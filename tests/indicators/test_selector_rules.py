"""The rules of selectors, keys and measures at their edges (indicators/_selectors.py,
_measures.py, _evidence.UsedModel, _context.CountingRules).

A refused definition says what is allowed; ``~`` selects exactly the records a
selector does not, as known in the calculation's context; an age band includes
both its ends; breakdown groups come in their natural order, unknowns apart.
"""

from __future__ import annotations

import pendulum
import pytest
from attrs import fields
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")


def count(code: str, population: ind.Selector, scope: ind.Scope = ind.Scope.ACTIVE):
    return ind.Indicator(
        code=code, labels=LABELS, statistic=ind.Count(), scope=scope, population=population
    )


def ctx(**rules) -> ind.Context:
    return ind.Context(period=YEAR, as_of=AS_OF, rules=ind.CountingRules(**rules))


# --- refused definitions say what is allowed -------------------------------------------


def test_an_unknown_event_is_refused_with_every_event_and_situation_allowed() -> None:
    with pytest.raises(h.DataError) as caught:
        ind.EventMatch(event="lottery_win")
    assert caught.value.problems == (
        "$.event: unknown event or situation type 'lottery_win'; allowed: qualification_gained, "
        "certificate_obtained, situation_after_six_months, post_exit_contact, employment, "
        "education, job_seeking",
    )


def test_every_known_event_and_situation_can_be_matched() -> None:
    for tag in (*h.EVENT_TAGS, *h.SITUATION_TAGS):
        assert ind.EventMatch(event=tag).event == tag


def test_an_event_match_on_attributes_the_event_has_is_accepted() -> None:
    match = ind.EventMatch(
        event="education", where=(("kind", h.EducationKind.VOCATIONAL), ("own_training", False))
    )
    assert len(match.where) == 2


def test_an_unknown_characteristic_is_refused_with_the_allowed_ones_in_order() -> None:
    allowed = ", ".join(sorted(a.name for a in fields(h.EntryProfile)))
    for make in (ind.ByCharacteristic, lambda name: ind.Characteristic(name=name, values=())):
        with pytest.raises(h.DataError) as caught:
            make(name="shoe_size")
        assert caught.value.problems == (
            f"$.name: unknown characteristic 'shoe_size'; allowed: {allowed}",
        )


# --- not: the records a selector does not select ------------------------------------


EMPLOYED_IN_PERIOD = ind.HadEvent(
    events=(ind.EventMatch(event="employment"),), window=ind.Window.IN_PERIOD
)


def test_not_selects_exactly_the_records_the_selector_does_not(rec, job) -> None:
    # The selector reads the context (the period): `~` must ask it with the same.
    employed = rec("A", situations=(job(D(2016, 5, 1)),))
    later = rec("B", situations=(job(D(2017, 2, 1)),))
    never = rec("C")
    indicators = [
        count("employed", EMPLOYED_IN_PERIOD),
        count("not_employed", ~EMPLOYED_IN_PERIOD),
        count("not_employed_explicit", ind.Not(part=EMPLOYED_IN_PERIOD)),
    ]
    results = ind.compute(indicators, [employed, later, never], period=YEAR, as_of=AS_OF)
    assert [results[code].numerator for code in ("employed", "not_employed")] == [1, 2]
    assert results["not_employed_explicit"].numerator == 2
    assert ind.Not(part=EMPLOYED_IN_PERIOD) == ~EMPLOYED_IN_PERIOD


# --- age bands ----------------------------------------------------------------------


def test_an_age_band_includes_both_its_ends() -> None:
    band = ind.AgeBand(label="18-29", minimum=18, maximum=29)
    assert [age for age in range(16, 32) if band.contains(age)] == list(range(18, 30))


@given(
    st.integers(0, 100),
    st.none() | st.integers(0, 100),
    st.none() | st.integers(0, 100),
)
def test_an_age_is_in_a_band_exactly_when_it_is_within_its_bounds(age, low, high) -> None:
    band = ind.AgeBand(label="band", minimum=low, maximum=high)
    expected = (low is None or low <= age) and (high is None or age <= high)
    assert band.contains(age) is expected


def test_the_esf_plus_age_bands_put_each_age_in_exactly_one_band() -> None:
    for age in range(0, 100):
        bands = [b.label for b in ind.ESF_PLUS_AGE_BANDS if b.contains(age)]
        assert len(bands) == 1, age
    edges = {17: "0-17", 18: "18-29", 29: "18-29", 30: "30-54", 54: "30-54", 55: "55+"}
    for age, label in edges.items():
        assert [b.label for b in ind.ESF_PLUS_AGE_BANDS if b.contains(age)] == [label]


# --- breakdown groups ---------------------------------------------------------------


def groups(records, key) -> list[tuple[str, int]]:
    results = ind.compute(
        [count("n", ind.Everyone())], records, period=YEAR, as_of=AS_OF, breakdown=key
    )
    return [(group, figures[0].numerator) for group, figures in results.groups]


def test_an_unknown_age_is_its_own_group_after_the_bands(rec) -> None:
    records = [rec("A", age=None), rec("B", age=17), rec("C", age=40)]
    assert groups(records, ind.ByAgeBand()) == [("0-17", 1), ("30-54", 1), ("unknown", 1)]


def test_services_are_grouped_in_the_order_of_the_code_list(rec) -> None:
    # rehabilitative work comes first in the code list, job coaching after it.
    def episode(service):
        return h.ServiceEpisode(service=service, start=D(2016, 4, 1), end=D(2016, 4, 30))

    records = [
        rec("A", episodes=(episode(h.ServiceType.JOB_COACHING),)),
        rec("B", episodes=(episode(h.ServiceType.REHABILITATIVE_WORK),)),
    ]
    assert groups(records, ind.ByService()) == [("rehabilitative_work", 1), ("job_coaching", 1)]
    assert ind.ByService().order() == tuple(str(s) for s in h.ServiceType)


def test_those_who_used_a_model_come_first_and_are_asked_in_context(rec, job) -> None:
    # A key's selector is asked with the calculation's context (here, its period).
    records = [
        rec("A"),
        rec("B", situations=(job(D(2016, 5, 1)),)),
        rec("C", situations=(job(D(2016, 5, 1)),)),
    ]
    key = ind.UsedModel(selector=EMPLOYED_IN_PERIOD)
    assert groups(records, key) == [("used", 2), ("not_used", 1)]
    assert key.order() == ("used", "not_used")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # rec is stateless
@given(st.lists(st.none() | st.integers(0, 90), min_size=1, max_size=8))
def test_each_person_is_in_one_age_group_and_the_groups_add_up(rec, ages) -> None:
    records = [rec(f"P{i}", age=age) for i, age in enumerate(ages)]
    found = groups(records, ind.ByAgeBand())
    assert sum(n for _, n in found) == len(ages)
    assert dict(found).get("unknown", 0) == ages.count(None)
    labels = [g for g, _ in found]
    order = [b.label for b in ind.ESF_PLUS_AGE_BANDS] + ["unknown"]
    assert labels == [g for g in order if g in labels]


# --- counting rules for a programme -------------------------------------------------


def test_a_programmes_rules_keep_its_certificates_and_take_the_changes_asked() -> None:
    programme = h.Programme(
        id="X", name="X", organisation="Y", start=D(2015, 1, 1), end=D(2018, 12, 31),
        qualifying_certificates=(h.CertificateKind.HYGIENE_PASSPORT,),
    )  # fmt: skip
    rules = ind.CountingRules.for_programme(
        programme,
        upon_leaving_days=14,
        long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH,
    )
    assert rules == ind.CountingRules(
        upon_leaving_days=14,
        long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH,
        qualifying_certificates=(h.CertificateKind.HYGIENE_PASSPORT,),
    )
    assert ind.CountingRules.for_programme(programme).upon_leaving_days == 28


# --- events and the episodes they came from -------------------------------------------


def test_an_employment_that_came_from_an_episode_of_the_service_matches_via_it(rec, job) -> None:
    tet = h.ServiceEpisode(
        service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10), id="t1"
    )
    coaching = h.ServiceEpisode(
        service=h.ServiceType.JOB_COACHING, start=D(2016, 4, 1), end=D(2016, 4, 10), id="c1"
    )
    via_tet = ind.HadEvent(events=(ind.EventMatch(event="employment", via=h.ServiceType.TET),))
    from_tet = rec("A", episodes=(tet,), situations=(job(D(2016, 5, 1), via_episode="t1"),))
    from_coaching = rec(
        "B", episodes=(coaching,), situations=(job(D(2016, 5, 1), via_episode="c1"),)
    )
    on_its_own = rec("C", episodes=(tet,), situations=(job(D(2016, 5, 1)),))
    ctx_ = ctx()
    found = {
        r.id: via_tet.matches(ctx_.see(r), ctx_) for r in (from_tet, from_coaching, on_its_own)
    }
    assert found == {"A": True, "B": False, "C": False}


def test_an_event_that_cannot_come_from_an_episode_never_matches_a_via(rec) -> None:
    passport = h.CertificateObtained(
        date=D(2016, 4, 1),
        source=h.InformationSource.REGISTER,
        certificate=h.CertificateKind.HYGIENE_PASSPORT,
    )
    record = rec(events=(passport,))
    ctx_ = ctx()
    via = ind.EventMatch(event="certificate_obtained", via=h.ServiceType.CERTIFICATE_COURSE)
    assert not ind.HadEvent(events=(via,)).matches(ctx_.see(record), ctx_)
    plain = ind.EventMatch(event="certificate_obtained")
    assert ind.HadEvent(events=(plain,)).matches(ctx_.see(record), ctx_)


def test_a_period_needs_dates_and_says_so_at_each_end() -> None:
    with pytest.raises(h.DataError) as caught:
        ind.ReportingPeriod(start="2016-01-01", end=None)  # type: ignore[arg-type]
    start, end = caught.value.problems
    assert start.startswith("$.start: expected a pendulum Date")
    assert start.endswith("got str")
    assert end.startswith("$.end: expected a pendulum Date")
    assert end.endswith("got NoneType")
