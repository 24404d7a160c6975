"""A participation's life, step by step: entry, episodes, events, exit, re-entry, follow-up.

The machine keeps its own plain account of what happened (periods, episodes and
events as lists) and rebuilds the model's record after every step; the invariants
compare the two. Rules marked "refused" try what the model must not accept.
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
    ContactKind,
    DataError,
    Dataset,
    ExitReason,
    InformationSource,
    JobSearchStarted,
    OutcomeEvent,
    Participation,
    ParticipationPeriod,
    PostExitContact,
    Programme,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
    format_path,
)
from hankemalli.serialization import from_dict, to_dict
from hankemalli.testing import strategies as hs


class ParticipationLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.periods: list[ParticipationPeriod] = []
        self.episodes: list[ServiceEpisode] = []
        self.events: list[OutcomeEvent] = []

    # --- the account kept by the machine -------------------------------------------

    def record(self, **changes: object) -> Participation:
        fields = {
            "participant": self.participant,
            "profile": self.profile,
            "periods": tuple(self.periods),
            "episodes": tuple(self.episodes),
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
        ids = [e.id for e in self.episodes if e.id is not None]
        event = data.draw(hs.outcome_events(dates=st.just(self.today), episode_ids=ids))
        self.events.append(event)

    @precondition(lambda self: self.inside)
    @rule(reason=st.none() | st.sampled_from(ExitReason))
    def exit(self, reason: ExitReason | None) -> None:
        self.episodes = [
            attrs.evolve(e, end=self.today) if e.end is None else e for e in self.episodes
        ]
        self.periods[-1] = attrs.evolve(self.periods[-1], exit=self.today, exit_reason=reason)

    @precondition(lambda self: not self.inside and self.today > self.periods[-1].exit)
    @rule()
    def reenter(self) -> None:
        self.periods.append(ParticipationPeriod(entry=self.today))

    @precondition(lambda self: not self.inside)
    @rule(situation=st.sampled_from(SituationKind), contact=st.sampled_from(ContactKind))
    def follow_up(self, situation: SituationKind, contact: ContactKind) -> None:
        # The follow-up may come after the programme has ended.
        exit = self.periods[-1].exit
        source = InformationSource.REGISTER
        self.events += [
            JobSearchStarted(date=exit.add(days=28), source=source),
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
        early = JobSearchStarted(
            date=self.first_entry.subtract(days=1), source=InformationSource.REGISTER
        )
        self.refused_at(("events", len(self.events), "date"), events=(*self.events, early))

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
    def the_record_round_trips(self) -> None:
        record = self.record()
        assert_same(record, from_dict(to_dict(record), Participation))


TestParticipationLifecycle = ParticipationLifecycle.TestCase
