"""Results from the participant's situation: each rule of upon leaving, with its source.

Every example names the rule it checks; the expected values come from the rule's
source (Regulation (EU) 2021/1057 Annex I, Regulation (EU) No 1304/2013 Annex I, the
Commission's SFC FAQs), not from what the code happens to give.
"""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.rules import check_record
from hankemalli.testing import strategies as hst

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
ENTRY, EXIT = D(2016, 3, 1), D(2016, 6, 1)
REG = h.InformationSource.REGISTER
U = h.LabourMarketStatus.UNEMPLOYED
I = h.LabourMarketStatus.INACTIVE  # noqa: E741 - the status letters read as in the issue
E = h.LabourMarketStatus.EMPLOYED


def figures(*records, catalogue=ind.ESF_PLUS_2021, rules=None):
    return ind.compute(catalogue, records, period=YEAR, as_of=AS_OF, rules=rules)


def counted(code, record, catalogue=ind.ESF_PLUS_2021, rules=None):
    return figures(record, catalogue=catalogue, rules=rules)[code].numerator == 1


def members(code, *records):
    indicator = ind.ESF_PLUS_2021[code]
    return ind.members(indicator, records, period=YEAR, as_of=AS_OF).numerator


def course(start, end=None, *, own=False):
    return h.Education(
        start=start,
        end=end,
        source=REG,
        kind=h.EducationKind.VOCATIONAL,
        degree_oriented=True,
        own_training=own,
    )


def seeking(start, end=None):
    return h.JobSeeking(start=start, end=end, source=REG)


# --- the table, row by row ---------------------------------------------------


def test_a_job_begun_three_days_before_exit_and_held_at_exit_is_employment_upon_leaving(rec, job):
    record = rec(situations=[job(EXIT.subtract(days=3))])
    assert counted("EECR04", record)
    assert counted("CR04", record, ind.ESF_2014)


def test_a_job_begun_during_participation_and_ended_before_exit_is_not_employment(rec, job):
    record = rec(situations=[job(D(2016, 4, 1), D(2016, 5, 15))])
    assert not counted("EECR04", record)


def test_a_vocational_course_begun_during_participation_and_going_on_at_exit_counts(rec):
    record = rec(situations=[course(D(2016, 5, 2))])
    assert counted("EECR02", record)
    assert counted("CR02", record, ind.ESF_2014)


def test_inactive_job_seeker_after_exit_then_a_job_in_the_28_days_counts_once_as_employment(
    rec, job
):
    # SFC2021 FAQ on the reference period: the last status counts; EECR01 and EECR04
    # are mutually exclusive, and this very example goes to EECR04 only.
    record = rec(
        status=I,
        situations=[seeking(EXIT.add(days=2)), job(EXIT.add(days=20))],
    )
    results = figures(record)
    assert (results["EECR01"].numerator, results["EECR04"].numerator) == (0, 1)


def test_a_job_at_once_then_unemployed_within_the_28_days_counts_as_job_searching(rec, job):
    # The FAQ's second example: the last status, job searching, is the one counted.
    record = rec(
        status=I,
        situations=[job(EXIT.add(days=1), EXIT.add(days=10)), seeking(EXIT.add(days=11))],
    )
    results = figures(record)
    assert (results["EECR01"].numerator, results["EECR04"].numerator) == (1, 0)


def test_the_total_is_the_sum_of_the_three_statuses_and_the_rest_go_to_the_grand_total(rec):
    # Reg. 1304/2013 Annex I: the total is calculated from the output indicators on
    # labour-market status; SFC2014 FAQ: incomplete records are in the grand total only.
    records = [
        rec("P-1", status=U),
        rec("P-2", status=I),
        rec("P-3", status=E),
        rec("P-4", status=None),
    ]
    results = figures(*records)
    total = sum(results[c].numerator for c in ("EECO02", "EECO04", "EECO05"))
    assert results["EECO01"].numerator == total == 3
    assert results["EEGRANDTOTAL"].numerator == 4
    plus_2014 = figures(*records, catalogue=ind.ESF_2014)
    assert plus_2014["COTOTAL"].numerator == 3
    assert plus_2014["COGRANDTOTAL"].numerator == 4


def test_esf_2014_co09_counts_isced_1_to_2_and_esf_plus_eeco09_counts_isced_0_to_2(rec):
    below_primary = rec("P-1", education=h.IscedBand.ISCED_0)
    at_most_lower_secondary = rec("P-2", education=h.IscedBand.ISCED_0_2)
    esf_2014 = figures(below_primary, at_most_lower_secondary, catalogue=ind.ESF_2014)
    esf_plus = figures(below_primary, at_most_lower_secondary)
    assert esf_2014["CO09"].numerator == 1
    assert esf_plus["EECO09"].numerator == 2


def test_every_esf_plus_indicator_cites_annex_i_of_regulation_2021_1057():
    for indicator in ind.ESF_PLUS_2021.values():
        assert "Regulation (EU) 2021/1057, Annex I" in indicator.reference
        assert "Annex II" not in indicator.reference
    assert "Annexes" not in ind.ESF_PLUS_2021.description


# --- the populations ------------------------------------------------------------------


def test_people_employed_at_entry_are_not_in_employment_upon_leaving(rec, job):
    # SFC2014 FAQ: "employed" is not a base for the results addressing the unemployed
    # and the inactive.
    record = rec(status=E, situations=[job(D(2015, 1, 1))])
    assert not counted("EECR04", record)
    assert not counted("CR04", record, ind.ESF_2014)


def test_only_people_inactive_at_entry_are_job_searching_upon_leaving(rec):
    unemployed = rec("P-1", status=U, situations=[seeking(D(2016, 1, 1))])
    inactive = rec("P-2", status=I, situations=[seeking(EXIT)])
    assert not counted("EECR01", unemployed)
    assert counted("EECR01", inactive)
    assert counted("CR01", inactive, ind.ESF_2014)


def test_the_operations_own_training_is_not_education_upon_leaving(rec):
    assert not counted("EECR02", rec(situations=[course(D(2016, 5, 2), own=True)]))


def test_a_course_starting_on_day_28_counts_and_on_day_29_does_not(rec):
    assert counted("EECR02", rec(situations=[course(EXIT.add(days=28))]))
    assert not counted("EECR02", rec(situations=[course(EXIT.add(days=29))]))


def test_the_recorded_exit_situation_is_the_source_when_there_is_one(rec, job):
    snapshot = h.ExitSituation(
        date=EXIT, status=h.LeavingStatus.JOB_SEARCHING, in_education=False, source=REG
    )
    record = rec(status=I, situations=[job(EXIT.subtract(days=3))], exit_situation=snapshot)
    results = figures(record)
    assert (results["EECR01"].numerator, results["EECR04"].numerator) == (1, 0)


def test_a_disagreement_between_the_exit_situation_and_the_spells_is_a_finding(rec, job):
    snapshot = h.ExitSituation(
        date=EXIT, status=h.LeavingStatus.INACTIVE, in_education=False, source=REG
    )
    record = rec(situations=[job(EXIT.subtract(days=3))], exit_situation=snapshot)
    rules = [f.rule for f in check_record(record)]
    assert "consistency.exit_situation_disagrees_with_spells" in rules


def test_a_consistent_exit_situation_gives_no_finding(rec, job):
    snapshot = h.ExitSituation(
        date=EXIT, status=h.LeavingStatus.EMPLOYED, in_education=False, source=REG
    )
    record = rec(situations=[job(EXIT.subtract(days=3))], exit_situation=snapshot)
    assert all(
        f.rule != "consistency.exit_situation_disagrees_with_spells" for f in check_record(record)
    )


def test_a_third_country_national_not_asked_about_foreign_background_is_a_finding(rec):
    record = rec(third_country_national=h.Answer.YES, foreign_background=h.Answer.NOT_ASKED)
    findings = {f.rule: f for f in check_record(record)}
    assert "completeness.foreign_background_not_asked" in findings
    # Never a guess: the record still says "not asked", and EECO14 does not count it.
    assert not counted("EECO14", record)


def test_certificates_gain_a_qualification_only_where_the_programme_accepts_them(rec):
    passport = h.CertificateObtained(
        date=D(2016, 5, 20), source=REG, certificate=h.CertificateKind.HYGIENE_PASSPORT
    )
    record = rec(events=[passport])
    assert not counted("EECR03", record)
    accepting = ind.CountingRules(qualifying_certificates=(h.CertificateKind.HYGIENE_PASSPORT,))
    assert counted("EECR03", record, rules=accepting)


def test_the_programme_setting_for_qualifying_certificates_reaches_the_rules():
    programme = h.Programme(
        id="P",
        name="P",
        organisation="ry",
        start=D(2015, 1, 1),
        end=D(2018, 12, 31),
        qualifying_certificates=(h.CertificateKind.OCCUPATIONAL_SAFETY_CARD,),
    )
    rules = ind.CountingRules.for_programme(programme)
    assert rules.qualifying_certificates == (h.CertificateKind.OCCUPATIONAL_SAFETY_CARD,)


def test_employment_six_months_after_comes_from_the_follow_up_else_from_the_spells(rec, job):
    follow_up = h.SituationAfterSixMonths(
        date=D(2016, 12, 1), source=REG, situation=h.SituationKind.JOB_SEARCHING
    )
    # Six months after the exit of 1.6.2016 is 1.12.2016.
    recorded = rec("P-1", situations=[job(EXIT, D(2017, 5, 31))], events=[follow_up])
    held = rec("P-2", situations=[job(EXIT, D(2017, 5, 31))])
    ended = rec("P-3", situations=[job(EXIT, D(2016, 9, 1))])
    results = figures(recorded, held, ended)
    assert members("EECR05", recorded, held, ended) == ("P-2",)
    assert results["EECR05"].numerator == 1


def test_an_open_spell_is_no_evidence_of_employment_six_months_on(rec, job):
    assert not counted("EECR05", rec(situations=[job(EXIT)]))


# --- explain and members --------------------------------------------------------------


def test_explain_names_the_spell_and_window_that_decided(rec, job):
    record = rec(situations=[job(EXIT.subtract(days=3))])
    found = ind.explain(record, ind.ESF_PLUS_2021["EECR04"], period=YEAR, as_of=AS_OF)
    assert found.counted
    assert found.in_scope
    assert found.in_population
    text = str(found)
    assert "employment spell 2016-05-29–open" in text
    assert "window 2016-06-01–2016-06-29" in text


def test_explain_says_why_a_stayer_is_not_counted(rec, job):
    record = rec(periods=((ENTRY, None),), situations=[job(ENTRY)])
    found = ind.explain(record, ind.ESF_PLUS_2021["EECR04"], period=YEAR, as_of=AS_OF)
    assert not found.in_scope
    assert not found.counted
    assert "last exit known on 2017-06-30: none (a stayer)" in str(found)


def test_members_lists_the_pseudonyms_behind_a_figure(rec, job):
    records = [
        rec("P-1", situations=[job(EXIT)]),
        rec("P-2"),
        rec("P-3", periods=((ENTRY, None),)),
    ]
    found = ind.members(ind.ESF_PLUS_2021["EECR04"], records, period=YEAR, as_of=AS_OF)
    assert found.population == ("P-1", "P-2")
    assert found.numerator == ("P-1",)


# --- the rules in general ----------------------------------------------------------------

PROGRAMME = (D(2015, 1, 1), D(2018, 12, 31))
datasets = hst.datasets(period=PROGRAMME, max_participants=8)
periods = st.one_of(
    st.integers(2015, 2018).map(ind.ReportingPeriod.year),
    st.just(ind.ReportingPeriod(start=PROGRAMME[0], end=PROGRAMME[1])),
)
as_ofs = st.dates(D(2015, 6, 1), D(2020, 6, 1)).map(lambda d: D(d.year, d.month, d.day))
BOTH = ind.ESF_PLUS_2021 + ind.ESF_2014
RESULTS = [i for i in BOTH.values() if i.within in ("EELEAVERS", "CRLEAVERS")]


@given(datasets, periods, as_ofs)
def test_the_total_always_equals_the_sum_of_the_three_status_indicators(dataset, period, as_of):
    for catalogue, total, parts in (
        (ind.ESF_PLUS_2021, "EECO01", ("EECO02", "EECO04", "EECO05")),
        (ind.ESF_2014, "COTOTAL", ("CO01", "CO03", "CO05")),
    ):
        results = ind.compute(catalogue, dataset.participants, period=period, as_of=as_of)
        assert results[total].numerator == sum(results[c].numerator for c in parts)


@given(datasets, periods, as_ofs)
def test_job_searching_and_employment_upon_leaving_never_count_the_same_person(
    dataset, period, as_of
):
    for searching, employed in (("EECR01", "EECR04"), ("CR01", "CR04")):
        catalogue = ind.ESF_PLUS_2021 + ind.ESF_2014
        a, b = (
            set(
                ind.members(
                    catalogue[code], dataset.participants, period=period, as_of=as_of
                ).numerator
            )
            for code in (searching, employed)
        )
        assert not a & b


@given(datasets, periods, as_ofs)
def test_every_result_is_within_its_population_and_its_leavers(dataset, period, as_of):
    catalogue = ind.ESF_PLUS_2021 + ind.ESF_2014
    results = ind.compute(catalogue, dataset.participants, period=period, as_of=as_of)
    for indicator in RESULTS:
        found = ind.members(indicator, dataset.participants, period=period, as_of=as_of)
        assert set(found.numerator) <= set(found.population)
        assert len(found.numerator) == results[indicator.code].numerator
        assert results[indicator.code].numerator <= results[indicator.within].numerator


@given(datasets, periods, as_ofs, st.sampled_from(list(BOTH.values())))
def test_explain_says_counted_exactly_when_compute_counts_the_person(
    dataset, period, as_of, indicator
):
    counted_ids = {
        record.id
        for record in dataset.participants
        if ind.explain(record, indicator, period=period, as_of=as_of).counted
    }
    found = ind.members(indicator, dataset.participants, period=period, as_of=as_of)
    assert counted_ids == set(found.numerator)
    result = ind.compute([indicator], dataset.participants, period=period, as_of=as_of)
    assert len(counted_ids) == result[indicator.code].numerator


@pytest.mark.parametrize("code", ["EECR01", "EECR02", "EECR03", "EECR04", "EECR05", "EECR06"])
def test_each_esf_plus_result_has_its_2014_twin_built_from_the_same_rule(code):
    twins = {"EECR01": "CR01", "EECR02": "CR02", "EECR03": "CR03", "EECR04": "CR04"}
    twins |= {"EECR05": "CR06", "EECR06": "CR07"}
    plus, esf_2014 = ind.ESF_PLUS_2021[code], ind.ESF_2014[twins[code]]
    assert (plus.population, plus.statistic) == (esf_2014.population, esf_2014.statistic)
