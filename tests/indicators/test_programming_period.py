"""The programming period picks the common indicators; the 2014–2020 set is complete.

Sources: Regulation (EU) No 1303/2013 Art. 65(2) (2014–2020 expenditure eligible until
31 December 2023), Regulation (EU) 2021/1060 Art. 63(2) (2021–2027 expenditure eligible
from 1 January 2021), Regulation (EU) No 1304/2013 Annex I (CO17, CR05, CR09), the
SFC2014 FAQ on sensitive data (other disadvantaged, and the two results on
disadvantaged participants, are special-category data a participant may refuse).
"""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.testing import strategies as hst

D = pendulum.date
YEAR = ind.ReportingPeriod.year(2016)
AS_OF = D(2017, 6, 30)
EXIT = D(2016, 6, 1)
REG = h.InformationSource.REGISTER
YES, NO, REFUSED = h.Answer.YES, h.Answer.NO, h.Answer.REFUSED
ESF_2014, ESF_PLUS = h.ProgrammingPeriod.ESF_2014_2020, h.ProgrammingPeriod.ESF_PLUS_2021_2027


def programme(start, end, **kw):
    return h.Programme(
        id="p-1", name="Hanke", organisation="Yhdistys ry", start=start, end=end, **kw
    )


def figures(*records):
    return ind.compute(ind.ESF_2014, records, period=YEAR, as_of=AS_OF)


def seeking(start):
    return h.JobSeeking(start=start, source=REG)


# --- the programming period -----------------------------------------------------------


def test_a_programme_starting_before_2021_reports_under_2014_2020_and_from_2021_under_esf_plus():
    # Reg. 2021/1060 Art. 63(2): 2021–2027 expenditure is eligible from 1.1.2021.
    assert programme(D(2020, 12, 31), D(2022, 6, 30)).programming_period is ESF_2014
    assert programme(D(2021, 1, 1), D(2022, 6, 30)).programming_period is ESF_PLUS
    assert ind.common_indicators(ESF_2014) is ind.ESF_2014
    assert ind.common_indicators(ESF_PLUS) is ind.ESF_PLUS_2021


def test_a_programme_starting_in_2021_to_2023_may_say_it_is_funded_from_2014_2020():
    # Reg. 1303/2013 Art. 65(2): 2014–2020 expenditure is eligible until 31.12.2023.
    late = programme(D(2023, 12, 31), D(2024, 6, 30), programming_period=ESF_2014)
    assert late.programming_period is ESF_2014


@pytest.mark.parametrize(
    ("start", "end", "period", "words"),
    [
        (D(2024, 1, 1), D(2024, 6, 30), ESF_2014, "eligible until 2023-12-31"),
        (D(2015, 1, 1), D(2020, 12, 31), ESF_PLUS, "eligible from 2021-01-01"),
    ],
)
def test_a_period_no_expenditure_of_the_programme_could_be_eligible_in_is_refused(
    start, end, period, words
):
    with pytest.raises(h.DataError) as caught:
        programme(start, end, programming_period=period)
    (problem,) = caught.value.details
    assert h.format_path(problem.path) == "$.programming_period"
    assert words in problem.message


@given(hst.programmes())
def test_every_programme_reports_under_a_period_its_dates_allow(prog):
    period = prog.programming_period
    if period is ESF_2014:
        assert prog.start <= D(2023, 12, 31)
    else:
        assert prog.end >= D(2021, 1, 1)
    if prog.programming_period is h.programming_period_of(prog.start):
        return
    # Otherwise it was given: a programme starting 2021–2023 funded from 2014–2020, or
    # one starting before 2021 and ending after it funded from 2021–2027 (its end was
    # checked above).
    if period is ESF_2014:
        assert D(2021, 1, 1) <= prog.start <= D(2023, 12, 31)
    else:
        assert prog.start < D(2021, 1, 1)


# --- CO17, CR05 and CR09 ----------------------------------------------------------------


def test_co17_counts_other_disadvantaged_and_a_refusal_stays_in_the_total(rec):
    results = figures(
        rec("P-1", other_disadvantaged=YES),
        rec("P-2", other_disadvantaged=REFUSED),
        rec("P-3", other_disadvantaged=NO),
    )
    assert results["CO17"].numerator == 1
    assert results["COTOTAL"].numerator == 3
    assert ind.ESF_2014["CO17"].sensitive


def test_cr05_takes_each_result_of_cr01_to_cr04_with_its_own_reference_group(rec):
    # An unemployed person seeking work after leaving is no result (CR01 is for the
    # inactive); an inactive one is.
    unemployed = rec("P-1", other_disadvantaged=YES, situations=[seeking(EXIT)])
    inactive = rec(
        "P-2",
        status=h.LabourMarketStatus.INACTIVE,
        disability=YES,
        situations=[seeking(EXIT)],
    )
    results = figures(unemployed, inactive)
    assert results["CR05"].numerator == 1
    assert results["CR01"].numerator == 1


def test_cr05_counts_a_person_once_however_many_results_apply(rec, job):
    course = h.Education(
        start=D(2016, 5, 2), source=REG, kind=h.EducationKind.VOCATIONAL, degree_oriented=True
    )
    record = rec(homeless=YES, situations=[course, job(EXIT.subtract(days=3))])
    results = figures(record)
    assert (results["CR02"].numerator, results["CR04"].numerator) == (1, 1)
    assert results["CR05"].numerator == 1


def test_cr05_and_cr09_count_only_the_disadvantaged(rec, job):
    plain = rec("P-1", situations=[job(EXIT.subtract(days=3), D(2017, 3, 1))])
    migrant = rec(
        "P-2", foreign_background=YES, situations=[job(EXIT.subtract(days=3), D(2017, 3, 1))]
    )
    results = figures(plain, migrant)
    assert results["CR04"].numerator == 2
    assert results["CR05"].numerator == 1
    assert results["CR06"].numerator == 2
    assert results["CR09"].numerator == 1
    assert ind.ESF_2014["CR05"].sensitive
    assert ind.ESF_2014["CR09"].sensitive


def test_the_household_indicators_are_left_out_with_their_reason():
    assert not {"CO12", "CO13", "CO14"} & set(ind.ESF_2014.codes)
    assert "household" in ind.ESF_2014.description
    expected = {f"CO{n:02d}" for n in (*range(1, 12), *range(15, 20))}
    expected |= {f"CR{n:02d}" for n in range(1, 10)}
    assert expected <= set(ind.ESF_2014.codes)


@given(st.lists(hst.participations(), max_size=8, unique_by=lambda r: r.id))
def test_cr05_is_at_most_the_results_it_is_made_of_and_cr09_at_most_cr06(records):
    results = figures(*records)
    parts = sum(results[c].numerator for c in ("CR01", "CR02", "CR03", "CR04"))
    assert results["CR05"].numerator <= parts
    assert results["CR09"].numerator <= results["CR06"].numerator
    for record in records:
        disadvantaged = (
            any(
                getattr(record.profile, name) is YES
                for name in ("foreign_background", "minority", "disability", "other_disadvantaged")
            )
            or record.profile.homeless is YES
        )
        if not disadvantaged:
            for code in ("CR05", "CR09"):
                alone = figures(record)[code]
                assert alone.numerator == 0


def test_operating_models_are_compared_on_the_results_of_the_programmes_own_set():
    # Results taken directly of the leavers; CR08 and CR09 are of a subgroup (within CR06);
    # job searching upon leaving (CR01, EECR01) has no better direction.
    codes = [c.indicator.code for c in ind.evidence_criteria(ind.ESF_2014)]
    assert codes == ["placement", *(f"CR0{n}" for n in range(2, 8))]
    plus = [c.indicator.code for c in ind.evidence_criteria(ind.ESF_PLUS_2021)]
    assert plus == ["placement", *(f"EECR0{n}" for n in range(2, 7))]
    assert ind.evidence_criteria(ind.ESF_PLUS_2021) == ind.EVIDENCE_CRITERIA


def test_explain_says_in_words_why_a_disadvantaged_leaver_is_in_cr05(rec, job):
    # The whole account: the disadvantage that put the person in the population, each
    # result of CR01-CR04 with its own reference group, and no job offered as evidence
    # of a qualification.
    record = rec("K-1", other_disadvantaged=YES, situations=[job(D(2016, 5, 20))])
    found = ind.explain(record, ind.ESF_2014["CR05"], period=YEAR, as_of=AS_OF)
    assert found.counted
    assert found.reasons == (
        "first entry 2016-03-01, last exit known on 2017-06-30: 2016-06-01",
        "scope left (last exit inside the period, period 2016-01-01–2016-12-31): yes",
        "population: complete record (gender, status, age, education known): yes",
        "population: foreign_background at entry is yes: no",
        "population: minority at entry is yes: no",
        "population: disability at entry is yes: no",
        "population: other_disadvantaged at entry is yes: yes",
        "population: homeless at entry is yes: no",
        "numerator: status at entry inactive: no (recorded: unemployed)",
        "numerator: last status upon leaving is job_searching: no (employed on 2016-06-29 "
        "(window 2016-06-01–2016-06-29), from the employment spell 2016-05-20–open; "
        "not in education)",
        "numerator: in education or training upon leaving (not the operation's own): no "
        "(employed on 2016-06-29 (window 2016-06-01–2016-06-29), from the employment "
        "spell 2016-05-20–open; not in education)",
        "numerator: gained a qualification during participation or upon leaving: no "
        "(dated 2016-03-01–2016-06-29: none)",
        "numerator: status at entry unemployed: yes (recorded: unemployed)",
        "numerator: status at entry inactive: no (recorded: unemployed)",
        "numerator: last status upon leaving is employed or self_employed: yes (employed "
        "on 2016-06-29 (window 2016-06-01–2016-06-29), from the employment spell "
        "2016-05-20–open; not in education)",
        "count: counted",
    )
    long_term = ind.explain(record, ind.ESF_2014["CO02"], period=YEAR, as_of=AS_OF)
    assert "population: long-term unemployed at entry (by the counting rules' limit): no" in (
        long_term.reasons
    )
