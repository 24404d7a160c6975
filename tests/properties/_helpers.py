"""Helpers shared by the property suite (imported as ``property_helpers``)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import settings

from hankemalli import Dataset, format_path


def assert_same(expected: object, actual: object, path: tuple[str | int, ...] = ()) -> None:
    """Equal and of exactly the same types all the way down (a lossless round trip).

    ``==`` alone would let an int pass for a Decimal or a datetime.date for a
    pendulum Date; a Decimal must also keep its written form ("0.50" stays "0.50").
    """
    where = format_path(path)
    assert type(actual) is type(expected), f"{where}: {type(actual)} is not {type(expected)}"
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):
            name = field.name
            assert_same(getattr(expected, name), getattr(actual, name), (*path, name))
    elif isinstance(expected, tuple):
        assert isinstance(actual, tuple)
        assert len(actual) == len(expected), f"{where}: {len(actual)} != {len(expected)} items"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, (*path, index))
    elif isinstance(expected, Decimal):
        assert str(actual) == str(expected), f"{where}: {actual} != {expected}"
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def all_dates(dataset: Dataset) -> list[object]:
    """Every date held anywhere in a dataset."""
    programme = dataset.programme
    found: list[object] = [programme.start, programme.end]
    for record in dataset.participants:
        found += [record.profile.unemployed_since]
        found += [day for p in record.periods for day in (p.entry, p.exit)]
        found += [day for e in record.episodes for day in (e.start, e.end)]
        found += [day for s in record.situations for day in (s.start, s.end)]
        found += [e.date for e in record.events]
        if record.exit_situation is not None:
            found.append(record.exit_situation.date)
    return [day for day in found if day is not None]


def strategies_by_class() -> dict[type, object]:
    """Each public class of the model and the public strategy that builds it."""
    import hankemalli as hm
    from hankemalli.testing import strategies as hs

    return {
        hm.Programme: hs.programmes(),
        hm.Funder: hs.funders(),
        hm.Target: hs.targets(),
        hm.Partner: hs.partners(),
        hm.Participant: hs.participants(),
        hm.EntryProfile: hs.entry_profiles(),
        hm.ParticipationPeriod: hs.participation_periods(),
        hm.ServiceEpisode: hs.service_episodes(),
        hm.Employment: hs.employment_spells(),
        hm.Education: hs.education_spells(),
        hm.JobSeeking: hs.job_seeking_spells(),
        hm.ExitSituation: hs.exit_situations(),
        hm.QualificationGained: hs.qualification_gained_events(),
        hm.CertificateObtained: hs.certificate_obtained_events(),
        hm.SituationAfterSixMonths: hs.situation_after_six_months_events(),
        hm.PostExitContact: hs.post_exit_contact_events(),
        hm.Participation: hs.participations(),
        hm.Dataset: hs.datasets(),
    }


def fewer(divisor: int) -> settings:
    """The loaded profile with a ``divisor``-th of its examples (at least five).

    For a test that runs once per case (per class, per rule): the cases together
    then cost about one test's worth, and a longer profile still scales them.
    """
    return settings(max_examples=max(5, settings.default.max_examples // divisor))
