"""Friendly construction (_construction.py): ``datetime.date`` and lists in, the model kept.

The rule: building a model object in Python takes a ``datetime.date`` wherever a date
is taken, keeping it as the same day's ``pendulum.Date`` (of exactly that type), and a
list wherever a tuple is taken, keeping it as a tuple; a ``datetime.datetime`` and a
text where a tuple goes are still refused. The JSON form stays strict
(tests/serialization/test_roundtrip.py and test_errors.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hankemalli import (
    DataError,
    EntryProfile,
    InformationSource,
    JobSeeking,
    LabourMarketStatus,
    Participant,
    Participation,
    ParticipationPeriod,
    Programme,
    ServiceEpisode,
    ServiceType,
)
from hankemalli.serialization import from_dict
from hankemalli.testing import strategies as hs

D = pendulum.date


class DjangoParticipant:
    """What an association's Django model gives: ``datetime.date`` fields and lists."""

    pseudonym = "K-0001"
    entry_date = dt.date(2016, 3, 1)
    exit_date = dt.date(2016, 9, 30)
    unemployed_since = dt.date(2014, 1, 15)
    services: ClassVar[list[tuple[str, dt.date, dt.date]]] = [
        ("tet", dt.date(2016, 3, 7), dt.date(2016, 4, 1))
    ]


def record_from(row: DjangoParticipant) -> Participation:
    return Participation(
        participant=Participant(id=row.pseudonym),
        profile=EntryProfile(
            labour_market_status=LabourMarketStatus.UNEMPLOYED,
            unemployed_since=row.unemployed_since,
        ),
        periods=[ParticipationPeriod(entry=row.entry_date, exit=row.exit_date)],
        episodes=[
            ServiceEpisode(service=ServiceType(code), start=start, end=end)
            for code, start, end in row.services
        ],
        situations=[JobSeeking(start=row.entry_date, source=InformationSource.REGISTER)],
    )


def test_a_django_like_record_is_built_from_datetime_dates_and_lists():
    record = record_from(DjangoParticipant())
    assert type(record.periods) is tuple
    assert type(record.episodes) is tuple
    assert type(record.situations) is tuple
    assert type(record.first_entry) is pendulum.Date
    assert record.first_entry == D(2016, 3, 1)
    assert type(record.last_exit) is pendulum.Date
    assert type(record.profile.unemployed_since) is pendulum.Date
    assert type(record.episodes[0].end) is pendulum.Date
    # The same record as one built from pendulum Dates and tuples.
    assert record == Participation(
        participant=Participant(id="K-0001"),
        profile=EntryProfile(
            labour_market_status=LabourMarketStatus.UNEMPLOYED, unemployed_since=D(2014, 1, 15)
        ),
        periods=(ParticipationPeriod(entry=D(2016, 3, 1), exit=D(2016, 9, 30)),),
        episodes=(ServiceEpisode(service=ServiceType.TET, start=D(2016, 3, 7), end=D(2016, 4, 1)),),
        situations=(JobSeeking(start=D(2016, 3, 1), source=InformationSource.REGISTER),),
    )


def test_a_list_given_to_evolve_is_kept_as_a_tuple_too():
    record = record_from(DjangoParticipant())
    longer = attrs.evolve(record, episodes=[*record.episodes, *record.episodes])
    assert type(longer.episodes) is tuple
    assert len(longer.episodes) == 2


def test_the_checks_still_judge_what_was_converted():
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=dt.date(2016, 3, 1), exit=dt.date(2016, 2, 1))
    assert [(p.path, p.code) for p in caught.value.details] == [
        (("exit",), "period.exit_before_entry")
    ]
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=dt.date(1899, 12, 31))
    assert caught.value.details[0].code == "date.out_of_range"


@pytest.mark.parametrize(
    "moment",
    [dt.datetime(2016, 3, 1, 8, 0), pendulum.datetime(2016, 3, 1)],
    ids=["datetime", "pendulum"],
)
def test_a_datetime_is_still_refused_it_is_a_moment_not_a_date(moment):
    with pytest.raises(DataError) as caught:
        ParticipationPeriod(entry=moment)
    (found,) = caught.value.details
    assert (found.path, found.code) == (("entry",), "value.type")
    assert found.message == (
        "expected a date such as pendulum.date(2016, 1, 31) or datetime.date(2016, 1, 31), "
        f"got {type(moment).__name__}"
    )


@pytest.mark.parametrize("given", ["Joensuu", {"Joensuu"}, ("Joensuu" for _ in range(1))])
def test_only_a_list_becomes_a_tuple_text_or_a_set_is_refused(given):
    with pytest.raises(DataError) as caught:
        Programme(
            id="kaiku",
            name="KAIKU",
            organisation="PKSTY",
            start=dt.date(2015, 8, 1),
            end=dt.date(2018, 12, 31),
            areas=given,
        )
    (found,) = caught.value.details
    assert (found.path, found.code) == (("areas",), "value.type")
    assert found.message == f"expected a tuple or a list, got {type(given).__name__}"


def test_the_json_form_stays_strict():
    with pytest.raises(DataError) as caught:
        from_dict({"entry": dt.date(2016, 3, 1)}, ParticipationPeriod)
    assert caught.value.problems == ("$.entry: expected a date as a string YYYY-MM-DD, got date",)


# The rule in general ----------------------------------------------------------------------


def loosened(value: Any) -> Any:
    """``value`` as other code would give it: datetime.dates and lists, all the way down."""
    if attrs.has(type(value)):
        fields = {
            f.alias: loosened(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.init
        }
        return _Loose(type(value), fields)
    if isinstance(value, tuple):
        return [loosened(item) for item in value]
    if type(value) is pendulum.Date:
        return dt.date(value.year, value.month, value.day)
    return value


@attrs.frozen
class _Loose:
    """An object to build later, once its parts are loosened."""

    cls: type
    fields: dict[str, Any]


def rebuilt(loose: Any) -> Any:
    """Build what :func:`loosened` gave, innermost first, through the classes' constructors."""
    if isinstance(loose, _Loose):
        return loose.cls(**{name: rebuilt(item) for name, item in loose.fields.items()})
    if isinstance(loose, list):
        return [rebuilt(item) for item in loose]
    return loose


def assert_same(expected: Any, actual: Any, path: str = "$") -> None:
    """Equal, and of exactly the same types all the way down."""
    assert type(actual) is type(expected), f"{path}: {type(actual)} is not {type(expected)}"
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):
            assert_same(
                getattr(expected, field.name), getattr(actual, field.name), f"{path}.{field.name}"
            )
    elif isinstance(expected, tuple):
        assert len(actual) == len(expected), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, f"{path}[{index}]")
    else:
        assert actual == expected, path


@given(
    st.one_of(
        hs.datasets(),
        hs.participations(),
        hs.programmes(),
        hs.operating_models(),
        hs.instruments(),
        hs.assessed_datasets(),
    )
)
def test_any_record_rebuilt_from_datetime_dates_and_lists_is_the_same(original):
    loose = loosened(original)
    assert_same(original, rebuilt(loose))
    assert type(rebuilt(loose)) is type(original)


def test_loosening_changes_what_it_should():
    # The property above would pass trivially if nothing were loosened.
    record = record_from(DjangoParticipant())
    loose = loosened(record)
    assert isinstance(loose.fields["periods"], list)
    assert type(loose.fields["periods"][0].fields["entry"]) is dt.date
