"""The building blocks' own rules: periods, counting rules, labels, selectors, measures.

Each test names the rule it checks; most are at the edge where a rule changes its
answer (a day either side of a limit, an unknown value, an empty input).
"""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.indicators._targets import assess_targets_until
from hankemalli.rules import check_dataset, check_record

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
REG = h.InformationSource.REGISTER
LABELS = ind.Labels(fi="Testi", sv="Test", en="Test")


def ctx(as_of=AS_OF, period=YEAR, **rules):
    return ind.Context(period=period, as_of=as_of, rules=ind.CountingRules(**rules))


def view(record, context=None):
    seen = (context or ctx()).see(record)
    assert seen is not None
    return seen


def custom(statistic, *, code="X", scope=ind.Scope.ENTERED, population=None):
    return ind.Indicator(
        code=code,
        labels=LABELS,
        statistic=statistic,
        scope=scope,
        population=population or ind.Everyone(),
    )


# --- reporting periods and the context ---------------------------------------------


def test_a_period_that_ends_before_it_starts_is_refused_at_its_end():
    with pytest.raises(h.DataError) as caught:
        ind.ReportingPeriod(start=D(2016, 2, 1), end=D(2016, 1, 31))
    (problem,) = caught.value.details
    assert problem.path == ("end",)
    assert "ends (2016-01-31) before it starts (2016-02-01)" in problem.message


def test_a_period_of_one_day_is_allowed_and_has_one_day():
    day = ind.ReportingPeriod(start=D(2016, 2, 29), end=D(2016, 2, 29))
    assert day.days == 1
    assert ind.ReportingPeriod.year(2016).days == 366
    assert ind.ReportingPeriod.year(2017).days == 365


def test_a_period_needs_dates_at_both_ends():
    with pytest.raises(h.DataError) as caught:
        ind.ReportingPeriod(start="2016-01-01", end=None)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.details] == [("start",), ("end",)]


def test_a_context_needs_an_as_of_date():
    with pytest.raises(h.DataError) as caught:
        ind.Context(period=YEAR, as_of="2017-06-30")  # type: ignore[arg-type]
    assert [p.path for p in caught.value.details] == [("as_of",)]


def test_the_horizon_is_the_period_end_or_as_of_if_earlier():
    assert ctx().horizon == D(2016, 12, 31)
    assert ctx(as_of=D(2016, 7, 1)).horizon == D(2016, 7, 1)


# --- long-term unemployment (EU: over 6 months under 25, over 12 from 25; FI: 12) ---


@pytest.mark.parametrize(
    ("age", "since", "rule", "expected"),
    [
        (24, D(2015, 9, 1), ind.LongTermUnemploymentRule.EU, False),  # exactly 6 months
        (24, D(2015, 8, 31), ind.LongTermUnemploymentRule.EU, True),  # a day more
        (25, D(2015, 8, 31), ind.LongTermUnemploymentRule.EU, False),  # 25: 12 months
        (25, D(2015, 3, 1), ind.LongTermUnemploymentRule.EU, False),  # exactly 12 months
        (25, D(2015, 2, 28), ind.LongTermUnemploymentRule.EU, True),
        (24, D(2015, 3, 1), ind.LongTermUnemploymentRule.FINNISH, True),  # at least 12
        (24, D(2015, 3, 2), ind.LongTermUnemploymentRule.FINNISH, False),
        (None, D(2015, 3, 1), ind.LongTermUnemploymentRule.FINNISH, True),
        (None, D(2014, 1, 1), ind.LongTermUnemploymentRule.EU, None),  # EU needs the age
    ],
)
def test_long_term_unemployment_limits(rec, age, since, rule, expected):
    record = rec(age=age, since=since)  # first entry 2016-03-01
    rules = ind.CountingRules(long_term_unemployment=rule)
    assert rules.is_long_term_unemployed(record) is expected


def test_long_term_unemployment_is_unknown_without_status_or_start_and_no_for_the_employed(rec):
    rules = ind.CountingRules()
    assert rules.is_long_term_unemployed(rec(status=None)) is None
    assert rules.is_long_term_unemployed(rec(since=None)) is None
    employed = rec(status=h.LabourMarketStatus.EMPLOYED)  # no start: still a plain no
    assert rules.is_long_term_unemployed(employed) is False


# --- labels, definitions and catalogues ----------------------------------------------


def test_a_label_is_given_in_finnish_swedish_or_english_and_nothing_else():
    assert (LABELS.get(), LABELS.get("sv"), LABELS.get("en")) == ("Testi", "Test", "Test")
    with pytest.raises(ValueError, match="unknown language 'de'; allowed: fi, sv, en"):
        LABELS.get("de")


@pytest.mark.parametrize(
    ("statistic", "scope", "additive"),
    [
        (ind.Count(), ind.Scope.ENTERED, True),
        (ind.Count(), ind.Scope.LEFT, True),
        (ind.Count(), ind.Scope.ACTIVE, False),
        (ind.Count(), ind.Scope.STAYING, False),
        (ind.Count(), ind.Scope.ENTERED_BY_END, False),  # cumulative
        (ind.AverageHeadcount(), ind.Scope.ACTIVE, True),
        (ind.PeakHeadcount(), ind.Scope.ACTIVE, True),
        (ind.Episodes(services=(h.ServiceType.TET,)), ind.Scope.ACTIVE, False),
        (
            ind.Episodes(services=(h.ServiceType.TET,), window=ind.Window.IN_PERIOD),
            ind.Scope.ACTIVE,
            True,
        ),
        (
            ind.Events(match=ind.EventMatch(event="employment"), window=ind.Window.IN_PERIOD),
            ind.Scope.LEFT_BY_END,
            True,
        ),
    ],
)
def test_which_figures_of_disjoint_periods_add_up(statistic, scope, additive):
    assert custom(statistic, scope=scope).additive is additive


def test_a_catalogue_has_no_indicator_under_an_unknown_code():
    with pytest.raises(KeyError, match="NOPE"):
        ind.ESF_PLUS_2021["NOPE"]
    results = ind.compute(ind.SEED_FIGURES, [], period=YEAR, as_of=AS_OF)
    with pytest.raises(KeyError, match="NOPE"):
        results["NOPE"]


# --- figures --------------------------------------------------------------------------


def test_a_distributions_value_is_the_number_of_persons(rec):
    key = ind.ByCharacteristic(name="gender")
    results = ind.compute(
        [custom(ind.Distribution(key=key))],
        [rec("A"), rec("B"), rec("C", gender=h.Gender.MAN)],
        period=YEAR,
        as_of=AS_OF,
    )
    figure = results["X"]
    assert figure.statistic is ind.Statistic.DISTRIBUTION
    assert figure.value == figure.denominator == 3


def test_combining_or_totalling_needs_at_least_one_figure():
    with pytest.raises(ValueError, match="combine"):
        ind.combine([])
    with pytest.raises(ValueError, match="cumulative_total"):
        ind.cumulative_total({})


# --- selectors, measures and keys ---------------------------------------------------


def test_a_selector_measure_or_key_must_say_how_it_decides(rec):
    seen = view(rec())
    with pytest.raises(NotImplementedError):
        ind.Selector().matches(seen, ctx())
    with pytest.raises(NotImplementedError):
        ind.Measure().value(seen, ctx())
    with pytest.raises(NotImplementedError):
        ind.Key().groups(seen, ctx())
    assert ind.Key().order() == ()


def test_selectors_combine_with_and_or_not(rec):
    young, woman = (
        ind.AgeBetween(maximum=24),
        ind.Characteristic(name="gender", values=(h.Gender.WOMAN,)),
    )
    context = ctx()
    cases = {
        "young woman": view(rec(age=20), context),
        "old woman": view(rec(age=40), context),
        "young man": view(rec(age=20, gender=h.Gender.MAN), context),
    }
    either = young | woman
    both = young & woman
    assert isinstance(either, ind.AnyOf)
    assert [either.matches(v, context) for v in cases.values()] == [True, True, True]
    assert [both.matches(v, context) for v in cases.values()] == [True, False, False]
    assert [(~both).matches(v, context) for v in cases.values()] == [False, True, True]


def test_an_unknown_age_is_in_no_age_range_and_in_the_unknown_group(rec):
    seen = view(rec(age=None))
    assert not ind.AgeBetween().matches(seen, ctx())
    assert ind.ByAgeBand().groups(seen, ctx()) == ("unknown",)
    assert ind.AgeAtEntry().value(seen, ctx()) is None
    assert ind.AgeAtEntry().value(view(rec(age=31)), ctx()) == 31


def test_age_ranges_include_both_ends(rec):
    context = ctx()
    between = ind.AgeBetween(minimum=18, maximum=29)
    assert [between.matches(view(rec(age=a)), context) for a in (17, 18, 29, 30)] == [
        False,
        True,
        True,
        False,
    ]


def test_a_yes_no_characteristic_is_grouped_as_yes_or_no(rec):
    key = ind.ByCharacteristic(name="in_education_or_training")
    assert key.groups(view(rec(in_education_or_training=True)), ctx()) == ("yes",)
    assert key.groups(view(rec(in_education_or_training=False)), ctx()) == ("no",)
    assert ind.ByCharacteristic(name="education").groups(view(rec(education=None)), ctx()) == (
        "unknown",
    )


def test_an_unknown_characteristic_is_refused_with_the_allowed_ones():
    with pytest.raises(h.DataError) as caught:
        ind.ByCharacteristic(name="shoe_size")
    (problem,) = caught.value.details
    assert problem.path == ("name",)
    assert "unknown characteristic 'shoe_size'; allowed: " in problem.message
    assert "gender" in problem.message


def test_days_in_service_are_unknown_without_such_an_episode(rec):
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 3, 1), end=D(2016, 3, 10))
    measure = ind.DaysInService(services=(h.ServiceType.JOB_COACHING,))
    assert measure.value(view(rec(episodes=(tet,))), ctx()) is None
    assert (
        ind.DaysInService(services=(h.ServiceType.TET,)).value(view(rec(episodes=(tet,))), ctx())
        == 10
    )


def test_an_event_match_names_a_known_event_and_its_attributes():
    with pytest.raises(h.DataError) as caught:
        ind.EventMatch(event="lottery_win")
    assert caught.value.details[0].path == ("event",)
    assert "unknown event or situation type 'lottery_win'" in caught.value.details[0].message
    with pytest.raises(h.DataError) as caught:
        ind.EventMatch(event="employment", where=(("kind", None), ("salary", 1), ("colour", 2)))
    assert [(p.path, p.message) for p in caught.value.details] == [
        (("where", 1), "employment has no attribute 'salary'"),
        (("where", 2), "employment has no attribute 'colour'"),
    ]


def test_windows_after_leaving_do_not_exist_for_a_stayer(rec, job):
    stayer = view(rec(periods=((D(2016, 3, 1), None),), situations=(job(D(2016, 5, 1)),)))
    context = ctx()
    assert ind.Window.DURING.bounds(stayer, context) == (D(2016, 3, 1), AS_OF)
    for window in (
        ind.Window.UPON_LEAVING,
        ind.Window.DURING_OR_UPON_LEAVING,
        ind.Window.SIX_MONTHS_AFTER,
        ind.Window.AFTER_LEAVING,
    ):
        assert window.bounds(stayer, context) is None
        match = ind.EventMatch(event="employment")
        assert not ind.HadEvent(events=(match,), window=window).matches(stayer, context)
        assert ind.Events(match=match, window=window).items(stayer, context) == []
        assert (
            ind.Episodes(services=tuple(h.ServiceType), window=window).items(stayer, context) == []
        )
    assert ind.HadEvent(events=(ind.EventMatch(event="employment"),)).matches(stayer, context)
    assert not ind.GainedQualification().matches(stayer, context)


def test_the_window_bounds_of_a_leaver(rec):
    leaver = view(rec())  # 2016-03-01 to 2016-06-01
    context = ctx(upon_leaving_days=10, follow_up_days=5)
    bounds = {w: w.bounds(leaver, context) for w in ind.Window}
    assert bounds == {
        ind.Window.ANY_TIME: (D(2016, 3, 1), AS_OF),
        ind.Window.DURING: (D(2016, 3, 1), D(2016, 6, 1)),
        ind.Window.UPON_LEAVING: (D(2016, 6, 1), D(2016, 6, 11)),
        ind.Window.DURING_OR_UPON_LEAVING: (D(2016, 3, 1), D(2016, 6, 11)),
        ind.Window.SIX_MONTHS_AFTER: (D(2016, 12, 1), D(2016, 12, 6)),
        ind.Window.AFTER_LEAVING: (D(2016, 6, 2), AS_OF),
        ind.Window.IN_PERIOD: (D(2016, 1, 1), D(2016, 12, 31)),
    }


# --- targets ------------------------------------------------------------------------


def _programme(*targets, services=()):
    return h.Programme(
        id="P",
        name="P",
        organisation="O",
        start=D(2015, 11, 1),
        end=D(2017, 12, 31),
        targets=targets,
        services=services,
    )


def test_a_placement_target_counts_people_placed_not_their_share(rec, job):
    target = h.Target(metric=h.TargetMetric.PLACEMENTS, per=h.TargetPeriod.PROGRAMME, minimum=1)
    placed = rec("A", situations=(job(D(2016, 6, 10)),))
    others = [rec(name) for name in ("B", "C", "D")]
    (attainment,) = ind.assess_targets(_programme(target), [placed, *others], as_of=D(2016, 12, 31))
    assert attainment.figure.value == Fraction(1, 4)
    assert attainment.value == 1
    assert attainment.level is ind.AttainmentLevel.WITHIN
    assert attainment.period == ind.ReportingPeriod(start=D(2015, 11, 1), end=D(2016, 12, 31))
    assert attainment.partial


def test_a_programme_target_over_the_whole_programme_is_not_partial(rec):
    target = h.Target(
        metric=h.TargetMetric.NEW_PARTICIPANTS, per=h.TargetPeriod.PROGRAMME, minimum=1
    )
    (attainment,) = ind.assess_targets(_programme(target), [rec()], as_of=D(2018, 6, 30))
    assert attainment.period == ind.ReportingPeriod(start=D(2015, 11, 1), end=D(2017, 12, 31))
    assert not attainment.partial
    assert attainment.value == 1


def test_no_target_is_assessed_before_the_programme_starts(rec):
    yearly = h.Target(metric=h.TargetMetric.PARTICIPANTS, per=h.TargetPeriod.YEAR, maximum=9)
    whole = h.Target(metric=h.TargetMetric.PARTICIPANTS, per=h.TargetPeriod.PROGRAMME, maximum=9)
    programme = _programme(yearly, whole)
    assert ind.assess_targets(programme, [rec()], as_of=D(2015, 10, 31)) == ()
    assert len(ind.assess_targets(programme, [rec()], as_of=D(2015, 11, 1))) == 2


def test_a_year_two_reports_share_is_assessed_alike_for_both(rec):
    yearly = h.Target(metric=h.TargetMetric.PARTICIPANTS, per=h.TargetPeriod.YEAR, minimum=1)
    first, second = assess_targets_until(
        _programme(yearly),
        [rec()],
        as_of=D(2017, 12, 31),
        untils=[D(2016, 12, 31), D(2017, 12, 31)],
    )
    assert [a.period.start.year for a in first] == [2015, 2016]
    assert [a.period.start.year for a in second] == [2015, 2016, 2017]
    assert second[:2] == first
    assert [a.level for a in second] == [
        ind.AttainmentLevel.BELOW,
        ind.AttainmentLevel.WITHIN,
        ind.AttainmentLevel.BELOW,
    ]


# --- lookups by code or topic -------------------------------------------------------


def test_evidence_and_transferability_have_nothing_under_an_unknown_name(rec):
    model = h.OperatingModel(
        id="valmennus",
        name="Valmennus",
        services=(h.ServiceType.JOB_COACHING,),
    )
    found = ind.evidence(model, [rec()], period=YEAR, as_of=AS_OF)
    with pytest.raises(KeyError, match="NOPE"):
        found["NOPE"]
    assessment = ind.assess_transferability(model)
    with pytest.raises(KeyError, match="nope"):
        assessment["nope"]


def test_a_count_within_a_base_becomes_a_share_of_the_base_narrowed_to_its_own_population():
    base = custom(ind.Count(), code="BASE", scope=ind.Scope.LEFT)
    young = ind.AgeBetween(maximum=24)
    counted = custom(ind.Count(), code="YOUNG", population=young)
    share = ind.share_within(counted, base)
    assert share.statistic == ind.Share(of=young)
    assert share.scope is ind.Scope.LEFT
    assert share.population == ind.Everyone()


# --- explanations -------------------------------------------------------------------


def test_explain_a_mean_counts_a_person_with_a_value(rec):
    indicator = custom(ind.Mean(measure=ind.UnemploymentDaysAtEntry()))
    known = ind.explain(rec(since=D(2016, 1, 1)), indicator, period=YEAR, as_of=AS_OF)
    unknown = ind.explain(rec(since=None), indicator, period=YEAR, as_of=AS_OF)
    assert known.counted
    assert not unknown.counted
    assert unknown.in_population
    assert unknown.reasons[-1] == "mean: not counted"


def test_explain_a_negated_population_shows_the_part_it_negates(rec):
    indicator = custom(ind.Count(), population=~ind.HasStatus(status=h.LabourMarketStatus.EMPLOYED))
    found = ind.explain(rec(), indicator, period=YEAR, as_of=AS_OF)
    assert found.counted
    assert "population: not (yes):" in found.reasons
    assert "  population: status at entry employed: no (recorded: unemployed)" in found.reasons


def test_explain_a_person_not_yet_known(rec):
    found = ind.explain(rec(), ind.ESF_PLUS_2021["EECO01"], period=YEAR, as_of=D(2016, 1, 1))
    assert (found.known, found.in_scope, found.in_population, found.counted) == (False,) * 4
    assert found.reasons == ("not known: the first entry (2016-03-01) is after 2016-01-01",)


def test_explain_the_six_month_result_and_the_qualification_window(rec, job):
    record = rec(
        situations=(job(D(2016, 11, 20), D(2017, 3, 1)),),  # an open spell is no evidence
        events=(
            h.QualificationGained(date=D(2016, 5, 1), source=REG, kind=h.EducationKind.VOCATIONAL),
        ),
    )
    later = ind.explain(record, ind.ESF_PLUS_2021["EECR05"], period=YEAR, as_of=AS_OF)
    assert later.counted
    assert any("status six months after leaving is employed" in r for r in later.reasons)
    early = ind.explain(record, ind.ESF_PLUS_2021["EECR05"], period=YEAR, as_of=D(2016, 11, 1))
    assert any("(six-month date not reached or no exit)" in r for r in early.reasons)
    qualified = ind.explain(record, ind.ESF_PLUS_2021["EECR03"], period=YEAR, as_of=AS_OF)
    assert qualified.counted
    assert any(
        r.split(": ", 1)[1] == "gained a qualification during participation or upon leaving: "
        "yes (dated 2016-03-01–2016-06-29: qualification_gained 2016-05-01)"
        for r in qualified.reasons
    )


def test_explain_names_the_events_a_figure_looks_for(rec, job):
    indicator = custom(
        ind.Count(
            of=ind.HadEvent(
                events=(ind.EventMatch(event="employment"),), window=ind.Window.UPON_LEAVING
            )
        ),
        population=ind.AgeBetween(minimum=18, maximum=64),
    )
    found = ind.explain(rec(situations=(job(D(2016, 7, 20)),)), indicator, period=YEAR, as_of=AS_OF)
    assert not found.counted
    assert "population: aged 18–64 at entry: yes" in found.reasons
    assert (
        "numerator: had employment dated upon_leaving: no (dated 2016-06-01–2016-06-29: none)"
        in found.reasons
    )


# --- record rules -------------------------------------------------------------------


def test_check_dataset_takes_plain_records_and_a_programme(rec):
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10))
    coaching = h.ServiceEpisode(
        service=h.ServiceType.JOB_COACHING, start=D(2016, 4, 1), end=D(2016, 4, 10)
    )
    programme = _programme(services=(h.ServiceType.JOB_COACHING,))
    records = iter([rec("A", since=D(2015, 1, 1), episodes=(coaching, tet))])
    findings = check_dataset(records, programme)
    assert [(f.rule, f.path) for f in findings] == [
        ("consistency.service_not_offered", ("participants", 0, "episodes", 1, "service"))
    ]
    assert findings[0].message == "the programme does not list tet among its services"
    assert check_dataset([rec("A", since=D(2015, 1, 1), episodes=(tet,))]) == ()


def test_an_exit_situation_disagreeing_on_education_is_a_finding(rec, job):
    snapshot = h.ExitSituation(
        date=D(2016, 6, 1),
        source=REG,
        status=h.LeavingStatus.EMPLOYED,
        in_education=True,
    )
    record = rec(since=D(2015, 1, 1), situations=(job(D(2016, 5, 1)),), exit_situation=snapshot)
    (finding,) = check_record(record)
    assert finding.rule == "consistency.exit_situation_disagrees_with_spells"
    assert finding.path == ("exit_situation",)
    assert finding.message.startswith(
        "the exit situation says in education or training, the spells say not in"
    )
