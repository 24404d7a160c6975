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
from hankemalli.rules import check_dataset
from hankemalli.serialization import dumps, loads

T = h.ServiceType
END = pendulum.date(2018, 12, 31)


def days(later: pendulum.Date, earlier: pendulum.Date) -> int:
    return later.toordinal() - earlier.toordinal()


def coached(dataset: h.Dataset) -> list[h.Participation]:
    """The job-coaching strand: everyone with a job-coaching episode."""
    return [r for r in dataset.participants if any(e.service is T.JOB_COACHING for e in r.episodes)]


def is_placement(spell: h.SituationSpell) -> bool:
    if isinstance(spell, h.Employment):
        return spell.kind is h.EmploymentKind.OPEN_LABOUR_MARKET
    return isinstance(spell, h.Education) and spell.degree_oriented and not spell.own_training


def placed(record: h.Participation) -> bool:
    """Open labour market or degree-oriented education begun from entry to 28 days after exit."""
    assert record.last_exit is not None
    return any(
        is_placement(s)
        and 0
        <= days(s.start, record.first_entry)
        <= days(record.last_exit, record.first_entry) + 28
        for s in record.situations
    )


def status_on(record: h.Participation, day: pendulum.Date) -> str:
    """The labour-market status on ``day`` by hand: a job outranks job seeking."""
    going_on = [s for s in record.situations if s.start <= day and (s.end is None or day <= s.end)]
    if any(isinstance(s, h.Employment) for s in going_on):
        return "employed"
    if any(isinstance(s, h.JobSeeking) for s in going_on):
        return "job_searching"
    return "inactive"


def studying(record: h.Participation, low: pendulum.Date, high: pendulum.Date) -> bool:
    """In education or training, not the operation's own, on some day from low to high."""
    return any(
        isinstance(s, h.Education)
        and not s.own_training
        and s.start <= high
        and (s.end is None or s.end >= low)
        for s in record.situations
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
        days(s.start, r.last_exit)
        for r in records
        for s in r.situations
        if is_placement(s) and r.last_exit is not None
    )
    assert placed_on[28] >= 1
    late = sorted(
        days(s.start, r.last_exit)
        for r in records
        if not placed(r) and r.last_exit is not None
        for s in r.situations
        if is_placement(s) and s.start >= r.first_entry
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
        s
        for r in dataset.participants
        for s in r.situations
        if isinstance(s, h.Employment)
        and any(x.id == s.via_episode and x.service is T.TET for x in r.episodes)
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
    assert {type(s).tag for r in records for s in r.situations} == set(h.SITUATION_TAGS)
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


def test_spells_tell_the_cases_the_rules_tell_apart(dataset: h.Dataset) -> None:
    """Jobs held at exit, jobs over before it, jobs after job seeking, own training."""
    records = dataset.participants
    began_during: Counter[str] = Counter()
    for r in records:
        assert r.last_exit is not None
        for s in r.situations:
            if isinstance(s, h.Employment) and r.first_entry <= s.start <= r.last_exit:
                held = s.end is None or s.end >= r.last_exit
                began_during["held at exit" if held else "over before exit"] += 1
    assert began_during["held at exit"] >= 10
    assert began_during["over before exit"] >= 3
    # Fixed-term and subsidised jobs end, some of them months after the exit.
    jobs = [s for r in records for s in r.situations if isinstance(s, h.Employment)]
    assert any(s.contract is h.ContractType.FIXED_TERM and s.end is not None for s in jobs)
    assert all(s.end is not None for s in jobs if s.kind is h.EmploymentKind.SUBSIDISED)
    assert any(s.end is None for s in jobs)
    # Some people employed at entry hold a job that began before it.
    assert any(s.start < r.first_entry for r in records for s in r.situations)
    # Registered as a job seeker after leaving, then a job within the 28 days.
    found_work = [
        r
        for r in records
        if r.last_exit is not None
        and any(
            isinstance(s, h.JobSeeking)
            and s.start >= r.last_exit
            and s.end is not None
            and days(s.end, r.last_exit) < 28
            for s in r.situations
        )
        and status_on(r, r.last_exit.add(days=28)) == "employed"
    ]
    assert found_work
    # The operation's own training (the certificate courses) during participation.
    own = [
        s for r in records for s in r.situations if isinstance(s, h.Education) and s.own_training
    ]
    assert own
    assert all(not s.degree_oriented for s in own)


def test_exit_situations_agree_with_the_spells(dataset: h.Dataset) -> None:
    leavers = [r for r in dataset.participants if r.last_exit is not None]
    recorded = [r for r in leavers if r.exit_situation is not None]
    assert 0.4 <= len(recorded) / len(leavers) <= 0.6
    for r in recorded:
        assert r.exit_situation is not None
        assert r.last_exit is not None
        assert r.exit_situation.date == r.last_exit
        last = r.last_exit.add(days=28)
        status = r.exit_situation.status.value
        assert ("employed" if status == "self_employed" else status) == status_on(r, last)
        assert r.exit_situation.in_education is studying(r, r.last_exit, last)
    findings = check_dataset(dataset.participants, dataset.programme)
    assert not [f for f in findings if f.rule.startswith("consistency.")]


def test_spells_agree_with_the_six_month_follow_up(dataset: h.Dataset) -> None:
    wanted = {
        h.SituationKind.EMPLOYED: "employed",
        h.SituationKind.SELF_EMPLOYED: "employed",
        h.SituationKind.JOB_SEARCHING: "job_searching",
        h.SituationKind.INACTIVE: "inactive",
        h.SituationKind.IN_EDUCATION: "inactive",
    }
    follow_ups = [
        (r, e)
        for r in dataset.participants
        for e in r.events
        if isinstance(e, h.SituationAfterSixMonths)
    ]
    assert follow_ups
    for r, e in follow_ups:
        assert status_on(r, e.date) == wanted[e.situation], r.id
        if e.situation is h.SituationKind.IN_EDUCATION:
            assert studying(r, e.date, e.date), r.id
        elif e.situation in (h.SituationKind.JOB_SEARCHING, h.SituationKind.INACTIVE):
            assert not studying(r, e.date, e.date), r.id
