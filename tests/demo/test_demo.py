"""The embedded demo dataset: packaged as built, and consistent with KAIKU's figures.

Every figure is computed here from the records with plain Python, not with the
library's calculators, so that the demo can be trusted to test those calculators.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pendulum
import pytest

import hankemalli as h
from hankemalli.demo import _build, demo_dataset, demo_json
from hankemalli.serialization import dumps, loads

T = h.ServiceType
END = pendulum.date(2018, 12, 31)


def days(later: pendulum.Date, earlier: pendulum.Date) -> int:
    return later.toordinal() - earlier.toordinal()


def coached(dataset: h.Dataset) -> list[h.Participation]:
    """The job-coaching strand: everyone with a job-coaching episode."""
    return [r for r in dataset.participants if any(e.service is T.JOB_COACHING for e in r.episodes)]


def is_placement(event: h.OutcomeEvent) -> bool:
    if isinstance(event, h.EmploymentStarted):
        return event.kind is h.EmploymentKind.OPEN_LABOUR_MARKET
    return isinstance(event, h.EducationStarted) and event.degree_oriented


def placed(record: h.Participation) -> bool:
    """Open labour market or degree-oriented education, from entry to 28 days after exit."""
    assert record.last_exit is not None
    return any(
        is_placement(e)
        and 0 <= days(e.date, record.first_entry) <= days(record.last_exit, record.first_entry) + 28
        for e in record.events
    )


# The packaged dataset and two other seeds: the figures hold by construction, not by luck.
@pytest.fixture(scope="module", params=["packaged", 1, 2])
def dataset(request: pytest.FixtureRequest) -> h.Dataset:
    return demo_dataset() if request.param == "packaged" else _build.build(request.param)


def test_packaged_json_is_a_fresh_build() -> None:
    assert demo_json() == dumps(_build.build()) + "\n"


def test_the_build_script_writes_the_packaged_document(tmp_path, monkeypatch) -> None:
    target = tmp_path / "kaiku.json"
    monkeypatch.setattr(_build, "JSON_PATH", target)
    _build.main()
    assert target.read_text(encoding="utf-8") == demo_json()


def test_demo_dataset_loads_once_and_round_trips() -> None:
    dataset = demo_dataset()
    assert isinstance(dataset, h.Dataset)
    assert demo_dataset() is dataset
    again = loads(dumps(dataset))
    assert again == dataset
    assert type(again.participants[0].first_entry) is pendulum.Date


def test_the_seeds_give_different_records() -> None:
    assert _build.build(1).participants != _build.build(2).participants


def test_programme_is_kaiku(dataset: h.Dataset) -> None:
    programme = dataset.programme
    assert (programme.start, programme.end) == (pendulum.date(2015, 8, 1), END)
    assert programme.organisation == "Pohjois-Karjalan Sosiaaliturvayhdistys ry"
    assert programme.areas == ("Joensuu", "Kontiolahti")
    kinds = [f.kind.value for f in programme.funders]
    assert kinds == ["eu", "state", "regional", "municipal", "municipal", "own"]
    assert sum(f.share for f in programme.funders if f.share is not None) == Decimal(1)
    names = {p.name for p in programme.partners}
    assert {"Joensuun kaupunki", "Pohjois-Karjalan TE-toimisto", "Siun sote"} <= names
    assert any(p.kind is h.OrganisationKind.ASSOCIATION for p in programme.partners)
    used = {e.service for r in dataset.participants for e in r.episodes}
    assert used <= set(programme.services)
    assert programme.targets


def test_job_coaching_strand(dataset: h.Dataset) -> None:
    records = coached(dataset)
    assert len(records) == 135
    assert sum(map(placed, records)) == 59
    assert round(100 * 59 / 135) == 44
    assert sum(r.episodes[0].service is T.REHABILITATIVE_WORK for r in records) == 74
    weak_immigrant = [
        r
        for r in records
        if r.profile.language_skill in (h.LanguageSkill.WEAK, h.LanguageSkill.NONE)
        and r.profile.foreign_background is h.Answer.YES
    ]
    assert len(weak_immigrant) == 61
    assert sum(r.profile.vocational_qualification is False for r in records) == 67
    spells = [
        days(r.first_entry, r.profile.unemployed_since)
        for r in records
        if r.profile.unemployed_since
    ]
    assert len(spells) == 128
    assert sum(spells) / len(spells) == 1096
    assert abs(sum(spells) / len(spells) / 365.25 * 12 - 36) <= 1
    assert Counter(r.first_entry.year for r in records) == {2015: 18, 2016: 45, 2017: 46, 2018: 26}
    assert all(r.profile.asylum_seeker is not h.Answer.YES for r in records)


def test_placement_edges_upon_leaving(dataset: h.Dataset) -> None:
    records = coached(dataset)
    placed_on = Counter(
        days(e.date, r.last_exit)
        for r in records
        for e in r.events
        if is_placement(e) and r.last_exit is not None
    )
    assert placed_on[28] >= 1
    late = sorted(
        days(e.date, r.last_exit)
        for r in records
        if not placed(r) and r.last_exit is not None
        for e in r.events
        if is_placement(e)
    )
    assert late == [29, 45, 120]


def test_job_coaching_shortened_rehabilitative_work(dataset: h.Dataset) -> None:
    def mean_rehab(records: list[h.Participation]) -> float:
        lengths = [
            days(e.end, e.start)
            for r in records
            for e in r.episodes
            if e.service is T.REHABILITATIVE_WORK and e.end is not None
        ]
        return sum(lengths) / len(lengths)

    with_coaching = coached(dataset)
    without = [
        r
        for r in dataset.participants
        if r not in with_coaching and any(e.service is T.REHABILITATIVE_WORK for e in r.episodes)
    ]
    assert len(without) == 15
    assert mean_rehab(with_coaching) < mean_rehab(without)


def test_asylum_seeker_strand(dataset: h.Dataset) -> None:
    records = [r for r in dataset.participants if r.profile.asylum_seeker is h.Answer.YES]
    assert len(records) == 120
    tets = [(r, e) for r in dataset.participants for e in r.episodes if e.service is T.TET]
    assert len(tets) == 72
    assert all(e.id is not None and r in records for r, e in tets)
    via_tet = [
        e
        for r in dataset.participants
        for e in r.events
        if isinstance(e, h.EmploymentStarted)
        and any(x.id == e.via_episode and x.service is T.TET for x in r.episodes)
    ]
    assert len(via_tet) == 31
    certificates = Counter(
        (r.id, e.certificate)
        for r in dataset.participants
        for e in r.events
        if isinstance(e, h.CertificateObtained)
    )
    assert max(certificates.values()) == 1
    kinds = Counter(kind for _, kind in certificates)
    assert kinds[h.CertificateKind.HYGIENE_PASSPORT] == 79
    assert kinds[h.CertificateKind.OCCUPATIONAL_SAFETY_CARD] == 42
    holders = {who for who, kind in certificates if kind is not h.CertificateKind.OTHER}
    assert holders <= {r.id for r in records}


def test_records_have_plausible_variety(dataset: h.Dataset) -> None:
    records = dataset.participants
    assert len(records) == 270
    assert [r.id for r in records] == [f"K-{n:04d}" for n in range(1, 271)]
    ages = [r.participant.age_at_entry for r in records if r.participant.age_at_entry is not None]
    assert (min(ages), max(ages)) == (17, 63)
    genders = Counter(r.profile.gender for r in records)
    assert genders[h.Gender.NON_BINARY]
    assert genders[h.Gender.NOT_TOLD]
    assert genders[None]
    assert any(
        getattr(r.profile, name) is h.Answer.REFUSED
        for r in records
        for name in h.SENSITIVE_CHARACTERISTICS
    )
    assert sum(r.is_reentry for r in records) == 8
    assert all(r.has_left_by(END) for r in records)  # no stayers: the programme is over
    assert any(r.last_exit == END for r in records)
    assert len({r.profile.referral_source for r in records}) >= 5
    assert {type(e).tag for r in records for e in r.events} == set(h.EVENT_TAGS)
    improved = [
        r
        for r in records
        for e in r.events
        if isinstance(e, h.SituationAfterSixMonths) and e.improvement
    ]
    assert improved
    assert all(r.profile.labour_market_status is h.LabourMarketStatus.EMPLOYED for r in improved)
    for r in records:
        for e in r.events:
            if isinstance(e, h.SituationAfterSixMonths):
                assert r.last_exit is not None
                assert e.date == r.last_exit.add(months=6)
            if isinstance(e, h.PostExitContact):
                assert r.last_exit is not None
                assert e.date > r.last_exit


def test_stayers_seen_from_an_earlier_date(dataset: h.Dataset) -> None:
    as_of = pendulum.date(2017, 12, 31)
    assert any(r.first_entry <= as_of and not r.has_left_by(as_of) for r in dataset.participants)
