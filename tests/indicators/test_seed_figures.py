"""The seed projects' own figures, pinned by hand-computed examples."""

from __future__ import annotations

from fractions import Fraction

import pendulum
from attrs import evolve

import hankemalli as h
from hankemalli import indicators as ind

D = pendulum.date
YEAR_2016 = ind.ReportingPeriod.year(2016)
AS_OF = D(2018, 12, 31)
T = h.ServiceType


def seed(records, period=YEAR_2016, as_of=AS_OF, **kw):
    return ind.compute(ind.SEED_FIGURES, records, period=period, as_of=as_of, **kw)


def episode(service, start, end=None, **kw):
    return h.ServiceEpisode(service=service, start=start, end=end, **kw)


def test_average_and_peak_headcount_over_the_days_of_the_period(rec):
    # Two people for 10 days each, overlapping on 5 days, in a 31-day period.
    period = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2016, 1, 31))
    a = rec("A", periods=((D(2016, 1, 1), D(2016, 1, 10)),))
    b = rec("B", periods=((D(2016, 1, 6), D(2016, 1, 15)),))
    result = seed([a, b], period=period)
    assert result["average_concurrent"].value == Fraction(20, 31)
    assert result["peak_concurrent"].numerator == 2
    assert result["participants"].numerator == 2


def test_headcount_counts_a_stayer_up_to_as_of_only(rec):
    period = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2016, 1, 31))
    stayer = rec(periods=((D(2016, 1, 1), None),))
    result = seed([stayer], period=period, as_of=D(2016, 1, 10))
    assert (result["average_concurrent"].numerator, result["average_concurrent"].denominator) == (
        10,
        10,
    )


def test_headcount_leaves_out_the_gap_between_periods(rec):
    period = ind.ReportingPeriod(start=D(2016, 1, 1), end=D(2016, 1, 31))
    person = rec(periods=((D(2016, 1, 1), D(2016, 1, 5)), (D(2016, 1, 11), D(2016, 1, 15))))
    assert seed([person], period=period)["average_concurrent"].numerator == 10


def test_placement_is_open_labour_market_or_degree_oriented_education(rec, job):
    exit_ = D(2016, 6, 1)
    span = ((D(2016, 3, 1), exit_),)
    degree = h.Education(
        start=D(2016, 6, 15),
        source=h.InformationSource.DOCUMENT,
        kind=h.EducationKind.VOCATIONAL,
        degree_oriented=True,
    )
    other_course = evolve(degree, degree_oriented=False)
    records = [
        rec("A", periods=span, situations=(job(D(2016, 5, 1)),)),  # during participation
        rec("B", periods=span, situations=(degree,)),
        rec("C", periods=span, situations=(other_course,)),
        rec("D", periods=span, situations=(job(D(2016, 6, 10), kind=h.EmploymentKind.SUBSIDISED),)),
        rec("E", periods=span, situations=(job(D(2016, 7, 1)),)),  # 30 days after: too late
    ]
    placement = seed(records)["placement"]
    assert (placement.numerator, placement.denominator) == (2, 5)
    assert placement.percent == 40


def test_placement_can_be_narrowed_to_job_coaching_participants(rec, job):
    span = ((D(2016, 3, 1), D(2016, 6, 1)),)
    coached = rec(
        "A",
        periods=span,
        episodes=(episode(T.JOB_COACHING, D(2016, 3, 1), D(2016, 6, 1)),),
        situations=(job(D(2016, 6, 2)),),
    )
    not_coached = rec("B", periods=span)
    kaiku = evolve(
        ind.SEED_FIGURES["placement"], population=ind.UsedService(services=(T.JOB_COACHING,))
    )
    result = ind.compute([kaiku], [coached, not_coached], period=YEAR_2016, as_of=AS_OF)
    assert (result["placement"].numerator, result["placement"].denominator) == (1, 1)


def test_started_from_rehabilitative_work_is_the_first_episode(rec):
    first = rec(
        "A",
        episodes=(
            episode(T.REHABILITATIVE_WORK, D(2016, 3, 1), D(2016, 4, 1)),
            episode(T.JOB_COACHING, D(2016, 3, 5), D(2016, 6, 1)),
        ),
    )
    later = rec(
        "B",
        episodes=(
            episode(T.JOB_COACHING, D(2016, 3, 1), D(2016, 4, 1)),
            episode(T.REHABILITATIVE_WORK, D(2016, 4, 2), D(2016, 6, 1)),
        ),
    )
    share = seed([first, later])["started_from_rehabilitative_work"]
    assert (share.numerator, share.denominator) == (1, 2)


def test_weak_finnish_because_of_immigrant_background_needs_both(rec):
    records = [
        rec("A", language_skill=h.LanguageSkill.WEAK, foreign_background=h.Answer.YES),
        rec("B", language_skill=h.LanguageSkill.NONE, foreign_background=h.Answer.YES),
        rec("C", language_skill=h.LanguageSkill.WEAK, foreign_background=h.Answer.REFUSED),
        rec("D", language_skill=h.LanguageSkill.GOOD, foreign_background=h.Answer.YES),
    ]
    share = seed(records)["weak_language_foreign_background"]
    assert (share.numerator, share.denominator) == (2, 4)


def test_mean_and_median_unemployment_duration_in_days(rec):
    entry = D(2016, 3, 1)
    records = [
        rec("A", periods=((entry, None),), since=entry.subtract(days=100)),
        rec("B", periods=((entry, None),), since=entry.subtract(days=200)),
        rec("C", periods=((entry, None),), since=entry.subtract(days=600)),
        rec("D", periods=((entry, None),), since=None),
        rec("E", periods=((entry, None),), status=h.LabourMarketStatus.INACTIVE),
    ]
    duration = seed(records)["unemployment_duration"]
    assert duration.value == 300
    assert duration.median == 200
    assert duration.missing == 1


def test_tet_periods_and_the_employment_relationships_they_led_to(rec, job):
    span = ((D(2016, 3, 1), D(2016, 9, 1)),)
    tet1 = episode(T.TET, D(2016, 3, 1), D(2016, 3, 14), id="tet1")
    tet2 = episode(T.TET, D(2016, 4, 1), D(2016, 4, 14), id="tet2")
    course = episode(T.CERTIFICATE_COURSE, D(2016, 5, 1), D(2016, 5, 2), id="c1")
    person = rec(
        periods=span,
        episodes=(tet1, tet2, course),
        situations=(
            job(D(2016, 5, 1), via_episode="tet2"),
            job(D(2016, 6, 1), via_episode="c1"),
            job(D(2016, 7, 1)),
        ),
    )
    result = seed([person])
    assert result["tet_periods"].numerator == 2
    assert result["employment_from_tet"].numerator == 1


def test_certificates_are_counted_by_kind(rec):
    def cert(kind, day):
        return h.CertificateObtained(
            date=day, source=h.InformationSource.DOCUMENT, certificate=kind
        )

    hygiene, safety = h.CertificateKind.HYGIENE_PASSPORT, h.CertificateKind.OCCUPATIONAL_SAFETY_CARD
    a = rec("A", events=(cert(hygiene, D(2016, 4, 1)), cert(safety, D(2016, 4, 2))))
    b = rec("B", events=(cert(hygiene, D(2016, 4, 1)), cert(hygiene, D(2017, 1, 5))))
    certificates = seed([a, b])["certificates"]
    assert certificates.numerator == 3  # the 2017 one is outside the period
    assert dict(certificates.counts) == {"hygiene_passport": 2, "occupational_safety_card": 1}


def test_rehabilitative_days_with_and_without_coaching(rec):
    span = ((D(2016, 1, 1), D(2016, 12, 31)),)
    coached = rec(
        "A",
        periods=span,
        episodes=(
            episode(T.REHABILITATIVE_WORK, D(2016, 1, 1), D(2016, 1, 30)),
            episode(T.JOB_COACHING, D(2016, 1, 10), D(2016, 3, 1)),
            episode(T.REHABILITATIVE_WORK, D(2016, 1, 21), D(2016, 2, 9)),  # overlaps 10 days
        ),
    )
    alone = rec(
        "B", periods=span, episodes=(episode(T.REHABILITATIVE_WORK, D(2016, 1, 1), D(2016, 4, 9)),)
    )
    result = seed([coached, alone])
    assert result["rehabilitative_days_with_coaching"].value == 40
    assert result["rehabilitative_days_without_coaching"].value == 100


def test_post_exit_contact_is_a_share_of_leavers(rec):
    contact = h.PostExitContact(
        date=D(2016, 8, 1),
        source=h.InformationSource.PARTICIPANT_REPORTED,
        kind=h.ContactKind.VOLUNTEERING,
    )
    kept = rec("A", events=(contact,))
    lost = rec("B")
    share = seed([kept, lost])["post_exit_contact"]
    assert (share.numerator, share.denominator) == (1, 2)


def test_participants_by_service_counts_a_person_in_each_service_used(rec):
    person = rec(
        episodes=(
            episode(T.TET, D(2016, 3, 1), D(2016, 3, 2)),
            episode(T.TET, D(2016, 4, 1), D(2016, 4, 2)),
            episode(T.JOB_COACHING, D(2016, 4, 1), D(2016, 5, 1)),
        )
    )
    figure = seed([person])["participants_by_service"]
    assert dict(figure.counts) == {"tet": 1, "job_coaching": 1}
    assert figure.denominator == 1
