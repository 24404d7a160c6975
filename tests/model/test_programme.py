"""Example tests for Programme, Funder, Partner and Target (_programme.py)."""

from decimal import Decimal

import pendulum
import pytest

from hankemalli import (
    DataError,
    Funder,
    FunderKind,
    OrganisationKind,
    Partner,
    ServiceType,
    Target,
    TargetMetric,
    TargetPeriod,
)

D = pendulum.date
EU, OWN = FunderKind.EU, FunderKind.OWN


# Programme ---------------------------------------------------------------------------


def test_programme_ending_before_it_starts_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.programme(start=D(2015, 8, 1), end=D(2015, 7, 31))
    path, message = build.the_problem(caught.value)
    assert path == "$.end"
    assert "cannot end (2015-07-31) before it starts (2015-08-01)" in message


def test_one_day_programme_is_accepted(build):
    programme = build.programme(start=D(2015, 8, 1), end=D(2015, 8, 1))
    assert programme.contains(D(2015, 8, 1))


def test_programme_contains_both_ends_of_its_period(build):
    programme = build.programme()
    assert programme.contains(D(2015, 8, 1))
    assert programme.contains(D(2018, 12, 31))
    assert not programme.contains(D(2015, 7, 31))
    assert not programme.contains(D(2019, 1, 1))


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_blank_programme_text_is_rejected(build, field):
    with pytest.raises(DataError) as caught:
        build.programme(**{field: "  "})
    assert build.the_problem(caught.value) == (f"$.{field}", "must not be blank")


@pytest.mark.parametrize("identifier", ["KAIKU 2015", "", "-x"])
def test_programme_id_that_is_not_an_identifier_is_rejected(build, identifier):
    with pytest.raises(DataError) as caught:
        build.programme(id=identifier)
    path, message = build.the_problem(caught.value)
    assert path == "$.id"
    assert f"not a valid programme identifier {identifier!r}" in message


def test_service_listed_twice_is_rejected(build):
    services = (ServiceType.TET, ServiceType.JOB_COACHING, ServiceType.TET)
    with pytest.raises(DataError) as caught:
        build.programme(services=services)
    path, message = build.the_problem(caught.value)
    assert path == "$.services[2]"
    assert "service tet is listed twice (first at index 0)" in message


def test_unknown_service_code_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.programme(services=(ServiceType.TET, "kahvila"))
    path, message = build.the_problem(caught.value)
    assert path == "$.services[1]"
    assert "expected ServiceType, got str" in message


def test_collection_given_as_text_is_rejected_not_taken_apart(build):
    with pytest.raises(DataError) as caught:
        build.programme(areas="Joensuu")
    assert build.the_problem(caught.value) == ("$.areas", "expected a tuple or a list, got str")


def test_blank_area_is_rejected(build):
    with pytest.raises(DataError) as caught:
        build.programme(areas=("Joensuu", ""))
    assert build.the_problem(caught.value) == ("$.areas[1]", "must not be blank")


def test_several_problems_in_one_programme_are_reported_at_once(build):
    with pytest.raises(DataError) as caught:
        build.programme(
            id="KAIKU 2015",
            name="",
            start=D(2016, 1, 1),
            end=D(2015, 1, 1),
            services=(ServiceType.TET, ServiceType.TET),
        )
    assert build.paths(caught.value) == ["$.id", "$.name", "$.end", "$.services[1]"]


# Funding shares ----------------------------------------------------------------------


def test_funding_shares_summing_to_one_are_accepted(build):
    funders = (
        Funder(name="ESR", kind=EU, share=Decimal("0.64")),
        Funder(name="ELY", kind=FunderKind.STATE, share=Decimal("0.26")),
        Funder(name="Yhdistys", kind=OWN, share=Decimal("0.10")),
    )
    assert build.programme(funders=funders).funders == funders


@pytest.mark.parametrize(("second", "total"), [("0.35", "0.99"), ("0.37", "1.01")])
def test_funding_shares_not_summing_to_one_are_rejected(build, second, total):
    funders = (
        Funder(name="ESR", kind=EU, share=Decimal("0.64")),
        Funder(name="Yhdistys", kind=OWN, share=Decimal(second)),
    )
    with pytest.raises(DataError) as caught:
        build.programme(funders=funders)
    path, message = build.the_problem(caught.value)
    assert path == "$.funders"
    assert f"funding shares add up to {total}, not 1" in message


def test_funding_shares_are_not_summed_while_one_is_unknown(build):
    funders = (
        Funder(name="ESR", kind=EU, share=Decimal("0.64")),
        Funder(name="Yhdistys", kind=OWN),
    )
    assert build.programme(funders=funders).funders[1].share is None


@pytest.mark.parametrize(
    ("share", "words"),
    [
        (Decimal("1.01"), "must be between 0 and 1, got 1.01"),
        (Decimal("-0.1"), "must be between 0 and 1, got -0.1"),
        (Decimal("NaN"), "expected a finite Decimal"),
        (0.5, "expected a finite Decimal, got 0.5"),
    ],
)
def test_funding_share_outside_0_to_1_or_not_a_decimal_is_rejected(build, share, words):
    with pytest.raises(DataError) as caught:
        Funder(name="ESR", kind=EU, share=share)
    path, message = build.the_problem(caught.value)
    assert path == "$.share"
    assert words in message


@pytest.mark.parametrize("share", [Decimal(0), Decimal(1)])
def test_funding_share_of_0_or_1_is_accepted(share):
    assert Funder(name="ESR", kind=EU, share=share).share == share


def test_negative_funding_amount_is_rejected(build):
    with pytest.raises(DataError) as caught:
        Funder(name="ESR", kind=EU, amount=Decimal("-1"))
    path, message = build.the_problem(caught.value)
    assert path == "$.amount"
    assert "must be between 0 and" in message


def test_unknown_funder_kind_is_rejected(build):
    with pytest.raises(DataError) as caught:
        Funder(name="ESR", kind="esf")
    path, message = build.the_problem(caught.value)
    assert path == "$.kind"
    assert "unknown FunderKind 'esf'; allowed: eu, state" in message


def test_problems_of_a_funder_are_reported_under_its_index(build):
    # A Funder cannot be built broken, so the check of the tuple's items is what
    # reports a wrong kind of item at its index.
    with pytest.raises(DataError) as caught:
        build.programme(funders=(Funder(name="ESR", kind=EU), "STEA"))
    path, message = build.the_problem(caught.value)
    assert path == "$.funders[1]"
    assert "expected Funder, got str" in message


# Partners ----------------------------------------------------------------------------


def test_partner_with_unknown_kind_and_blank_role_reports_both(build):
    with pytest.raises(DataError) as caught:
        Partner(name="TE-toimisto", kind="te_office", role=" ")
    assert build.paths(caught.value) == ["$.kind", "$.role"]
    assert "unknown OrganisationKind 'te_office'" in caught.value.problems[0]


def test_partner_without_role_is_accepted():
    partner = Partner(name="Joensuun kaupunki", kind=OrganisationKind.MUNICIPALITY)
    assert partner.role is None


# Targets -----------------------------------------------------------------------------

PARTICIPANTS, YEAR = TargetMetric.PARTICIPANTS, TargetPeriod.YEAR


def test_target_range_with_maximum_below_minimum_is_rejected(build):
    with pytest.raises(DataError) as caught:
        Target(metric=PARTICIPANTS, per=YEAR, minimum=40, maximum=30)
    path, message = build.the_problem(caught.value)
    assert path == "$.maximum"
    assert "the maximum 30 is below the minimum 40" in message


@pytest.mark.parametrize(
    ("minimum", "maximum"), [(30, 40), (15, 15), (30, None), (None, 15), (0, 0)]
)
def test_target_range_open_or_closed_with_minimum_up_to_maximum_is_accepted(minimum, maximum):
    target = Target(metric=PARTICIPANTS, per=YEAR, minimum=minimum, maximum=maximum)
    assert (target.minimum, target.maximum) == (minimum, maximum)


def test_target_without_minimum_or_maximum_is_rejected(build):
    with pytest.raises(DataError) as caught:
        Target(metric=PARTICIPANTS, per=YEAR)
    assert build.the_problem(caught.value) == (
        "$",
        "a target needs a minimum, a maximum or both",
    )


@pytest.mark.parametrize("bound", [-1, 1.5, True, "30"])
def test_target_bound_that_is_not_a_whole_number_of_at_least_0_is_rejected(build, bound):
    with pytest.raises(DataError) as caught:
        Target(metric=PARTICIPANTS, per=YEAR, minimum=bound)
    path, message = build.the_problem(caught.value)
    assert path == "$.minimum"
    assert f"expected a whole number ≥ 0, got {bound!r}" in message


def test_target_with_unknown_metric_and_period_reports_both(build):
    with pytest.raises(DataError) as caught:
        Target(metric="clients", per="month", maximum=5)
    assert build.paths(caught.value) == ["$.metric", "$.per"]
