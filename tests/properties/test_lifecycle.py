"""A participation's life, step by step: entry, episodes, spells, events, exit, re-entry.

The machine keeps its own plain account of what happened (periods, episodes,
situation spells and events as lists, and the situation recorded at the last exit)
and rebuilds the model's record after every step; the invariants compare the two.
Rules marked "refused" try what the model must not accept.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from property_helpers import assert_same

from hankemalli import (
    CertificateKind,
    CertificateObtained,
    ContactKind,
    DataError,
    Dataset,
    Employment,
    EmploymentKind,
    ExitReason,
    ExitSituation,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    OutcomeEvent,
    Participation,
    ParticipationPeriod,
    PostExitContact,
    Programme,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
    SituationSpell,
    format_path,
    situation_upon_leaving,
)
from hankemalli.serialization import from_dict, to_dict
from hankemalli.testing import strategies as hs


class ParticipationLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.periods: list[ParticipationPeriod] = []
        self.episodes: list[ServiceEpisode] = []
        self.events: list[OutcomeEvent] = []
        self.spells: list[SituationSpell] = []
        self.exit_situation: ExitSituation | None = None

    # --- the account kept by the machine -------------------------------------------

    def record(self, **changes: object) -> Participation:
        fields = {
            "participant": self.participant,
            "profile": self.profile,
            "periods": tuple(self.periods),
            "episodes": tuple(self.episodes),
            "situations": tuple(self.spells),
            "exit_situation": self.exit_situation,
            "events": tuple(self.events),
        }
        return Participation(**{**fields, **changes})

    @property
    def inside(self) -> bool:
        return self.periods[-1].exit is None

    def refused_at(self, path: tuple[str | int, ...], **changes: object) -> None:
        with pytest.raises(DataError) as caught:
            self.record(**changes)
        assert format_path(path) in [format_path(p.path) for p in caught.value.details]

    # --- steps -----------------------------------------------------------------------

    @initialize(
        start=hs.dates_between(pendulum.date(2015, 1, 1), pendulum.date(2020, 12, 31)),
        offset=st.integers(0, 60),
        participant=hs.participants(),
        data=st.data(),
    )
    def enter(
        self, start: pendulum.Date, offset: int, participant: object, data: st.DataObject
    ) -> None:
        self.programme = Programme(
            id="P1", name="Hanke", organisation="Yhdistys ry", start=start, end=start.add(years=3)
        )
        self.today = start.add(days=offset)
        self.participant = participant
        self.profile = data.draw(hs.entry_profiles(first_entry=self.today))
        self.first_entry = self.today
        self.periods.append(ParticipationPeriod(entry=self.today))

    @rule(days=st.sampled_from([0, 1, 28, 29]) | st.integers(0, 200))
    def time_passes(self, days: int) -> None:
        self.today = min(self.today.add(days=days), self.programme.end)

    @precondition(lambda self: self.inside)
    @rule(service=st.sampled_from(ServiceType), with_id=st.booleans(), label=hs.texts())
    def start_episode(self, service: ServiceType, with_id: bool, label: str) -> None:
        self.episodes.append(
            ServiceEpisode(
                service=service,
                start=self.today,
                label=label if service is ServiceType.OTHER else None,
                id=f"jakso-{len(self.episodes)}" if with_id else None,
            )
        )

    @precondition(lambda self: any(e.end is None for e in self.episodes))
    @rule(data=st.data())
    def end_episode(self, data: st.DataObject) -> None:
        open_ones = [i for i, e in enumerate(self.episodes) if e.end is None]
        index = data.draw(st.sampled_from(open_ones))
        self.episodes[index] = attrs.evolve(self.episodes[index], end=self.today)

    @rule(data=st.data())
    def outcome(self, data: st.DataObject) -> None:
        event = data.draw(hs.outcome_events(dates=st.just(self.today)))
        self.events.append(event)

    @rule(data=st.data(), back=st.sampled_from([0, 0, 1, 400]))
    def situation_begins(self, data: st.DataObject, back: int) -> None:
        # A spell may have begun before the first entry (e.g. registered job seeking).
        ids = [e.id for e in self.episodes if e.id is not None]
        spell = data.draw(
            hs.situation_spells(dates=st.just(self.today.subtract(days=back)), episode_ids=ids)
        )
        self.spells.append(attrs.evolve(spell, end=None))

    @precondition(lambda self: any(s.end is None for s in self.spells))
    @rule(data=st.data())
    def situation_ends(self, data: st.DataObject) -> None:
        open_ones = [i for i, s in enumerate(self.spells) if s.end is None]
        index = data.draw(st.sampled_from(open_ones))
        spell = self.spells[index]
        self.spells[index] = attrs.evolve(spell, end=max(spell.start, self.today))

    @precondition(lambda self: self.inside)
    @rule(reason=st.none() | st.sampled_from(ExitReason))
    def exit(self, reason: ExitReason | None) -> None:
        self.episodes = [
            attrs.evolve(e, end=self.today) if e.end is None else e for e in self.episodes
        ]
        self.periods[-1] = attrs.evolve(self.periods[-1], exit=self.today, exit_reason=reason)
        self.exit_situation = None  # a snapshot of an earlier exit goes with it

    @precondition(lambda self: not self.inside)
    @rule(status=st.sampled_from(LeavingStatus), in_education=st.booleans())
    def record_exit_situation(self, status: LeavingStatus, in_education: bool) -> None:
        self.exit_situation = ExitSituation(
            date=self.periods[-1].exit,
            status=status,
            in_education=in_education,
            source=InformationSource.DOCUMENT,
        )

    @precondition(lambda self: not self.inside and self.today > self.periods[-1].exit)
    @rule()
    def reenter(self) -> None:
        self.periods.append(ParticipationPeriod(entry=self.today))
        self.exit_situation = None  # the participation goes on: no situation at exit yet

    @precondition(lambda self: not self.inside)
    @rule(situation=st.sampled_from(SituationKind), contact=st.sampled_from(ContactKind))
    def follow_up(self, situation: SituationKind, contact: ContactKind) -> None:
        # The follow-up may come after the programme has ended.
        exit = self.periods[-1].exit
        source = InformationSource.REGISTER
        self.spells.append(JobSeeking(start=exit.add(days=28), source=source))
        self.events += [
            SituationAfterSixMonths(date=exit.add(months=6), source=source, situation=situation),
            PostExitContact(date=exit.add(months=7), source=source, kind=contact),
        ]

    # --- what the model must refuse ---------------------------------------------------

    @precondition(lambda self: not self.inside)
    @rule()
    def refused_reentry_on_the_exit_day(self) -> None:
        exit = self.periods[-1].exit
        periods = (*self.periods, ParticipationPeriod(entry=exit))
        self.refused_at(("periods", len(self.periods), "entry"), periods=periods)

    @rule()
    def refused_event_before_first_entry(self) -> None:
        early = CertificateObtained(
            date=self.first_entry.subtract(days=1),
            source=InformationSource.REGISTER,
            certificate=CertificateKind.HYGIENE_PASSPORT,
        )
        self.refused_at(("events", len(self.events), "date"), events=(*self.events, early))

    @rule()
    def refused_employment_via_an_unknown_episode(self) -> None:
        known = {e.id for e in self.episodes}
        spell = Employment(
            start=self.today,
            source=InformationSource.REGISTER,
            kind=EmploymentKind.SUBSIDISED,
            via_episode=next(f"tet-{n}" for n in range(100) if f"tet-{n}" not in known),
        )
        where = ("situations", len(self.spells), "via_episode")
        self.refused_at(where, situations=(*self.spells, spell))

    @precondition(lambda self: self.inside)
    @rule()
    def refused_exit_situation_while_inside(self) -> None:
        snapshot = ExitSituation(
            date=self.today, status=LeavingStatus.INACTIVE, source=InformationSource.DOCUMENT
        )
        self.refused_at(("exit_situation",), exit_situation=snapshot)

    @precondition(lambda self: not self.inside)
    @rule(days=st.sampled_from([-1, 1, 28]))
    def refused_exit_situation_off_the_last_exit(self, days: int) -> None:
        snapshot = ExitSituation(
            date=self.periods[-1].exit.add(days=days),
            status=LeavingStatus.EMPLOYED,
            source=InformationSource.DOCUMENT,
        )
        self.refused_at(("exit_situation", "date"), exit_situation=snapshot)

    @precondition(lambda self: not self.inside)
    @rule()
    def refused_open_episode_after_exit(self) -> None:
        episode = ServiceEpisode(service=ServiceType.JOB_COACHING, start=self.today)
        where = ("episodes", len(self.episodes), "end")
        self.refused_at(where, episodes=(*self.episodes, episode))

    # --- invariants -------------------------------------------------------------------

    @invariant()
    def the_record_is_valid_and_inside_the_programme(self) -> None:
        Dataset(programme=self.programme, participants=(self.record(),))

    @invariant()
    def first_entry_and_profile_are_kept(self) -> None:
        record = self.record()
        assert record.first_entry == self.first_entry
        assert record.profile is self.profile

    @invariant()
    def exit_and_reentry_are_as_lived(self) -> None:
        record = self.record()
        assert record.is_reentry == (len(self.periods) > 1)
        assert record.last_exit == self.periods[-1].exit
        assert record.exit_reason == self.periods[-1].exit_reason
        assert record.has_left_by(self.today) == (not self.inside)
        assert record.is_active_on(self.today) == any(p.covers(self.today) for p in self.periods)

    @invariant()
    def episodes_are_open_only_while_inside(self) -> None:
        assert self.inside or all(e.end is not None for e in self.record().episodes)

    @invariant()
    def the_situation_upon_leaving_follows_the_record(self) -> None:
        record = self.record()
        found = situation_upon_leaving(record)
        assert (found is None) is self.inside
        if found is not None:
            assert found.recorded is (self.exit_situation is not None)
            if self.exit_situation is not None:
                assert found.status is self.exit_situation.status

    @invariant()
    def the_record_round_trips(self) -> None:
        record = self.record()
        assert_same(record, from_dict(to_dict(record), Participation))


TestParticipationLifecycle = ParticipationLifecycle.TestCase
