"""Build a synthetic PROSESSI dataset (``prosessi.json``) from a fixed seed.

PROSESSI (Kulttuurivoimala ry, Oulu) started in November 2015. Its page says: the
target groups are long-term unemployed people and hard-to-employ adults, especially
young immigrants, and also native Finns and people of foreign background long
resident in Finland; many are assigned to a work trial (työkokeilu) by the employment
office, many come from the integration training (kotoutumiskoulutus) of schools;
wage-subsidised work (palkkatuki) goes first to people already active in the
association; the target is 30–40 participants a year and 10–15 at a time on average,
and in 2016 the targets were clearly exceeded; the main development model is language
immersion for immigrants (Kielikylpy), started early in 2016, on the themes of
intergenerational interaction and experiential and peer learning; contact with
former participants is kept up, as volunteers or as employees in later projects.

Everything else here is invented: the people (pseudonyms ``P-0001``…, in order of first
entry), the end date (2018-12-31), the funder (the page speaks of a grant and a yearly
account of its use, as STEA asks; no share is given), the dates of Kielikylpy's
embedding steps and the outcomes. Outcomes are drawn without regard to Kielikylpy, so
any difference the evidence shows between those who took part in it and those who did
not is chance. Employment, education and registered job seeking are situation spells:
a job or a study goes on (no end) unless the six-month situation drawn for the person
says otherwise, a job seeker who is employed six months on found the job after the
four weeks upon leaving, and wage-subsidised work is a subsidised job for the length of
its episode. What only spells have (when the later job began) draws from a random
stream of its own, so the rest of the records are as the main stream made them. The
same seed always gives the same document (stdlib ``random``, no clock).

Run ``python examples/prosessi/build.py`` to rewrite ``prosessi.json`` next to this
file, or ``--output FILE`` to write it elsewhere.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pendulum
from attrs import evolve

from hankemalli import (
    Answer,
    ContactKind,
    Dataset,
    Education,
    EducationKind,
    ElementRole,
    EmbeddingStage,
    EmbeddingStep,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitReason,
    Funder,
    FunderKind,
    Gender,
    InformationSource,
    IscedBand,
    JobSeeking,
    LabourMarketStatus,
    LanguageSkill,
    OperatingModel,
    OrganisationKind,
    OutcomeEvent,
    Participant,
    Participation,
    ParticipationPeriod,
    Partner,
    PostExitContact,
    Programme,
    ReferralSource,
    ServiceEpisode,
    ServiceType,
    SituationAfterSixMonths,
    SituationKind,
    SituationSpell,
    Target,
    TargetMetric,
    TargetPeriod,
    TransferabilityNote,
)
from hankemalli.serialization import write

SEED = 20151101
JSON_PATH = Path(__file__).with_name("prosessi.json")

START = pendulum.date(2015, 11, 1)
END = pendulum.date(2018, 12, 31)
#: When the records are complete: follow-ups six months after the last exits are in.
DATA_UNTIL = END.add(months=7)
KIELIKYLPY_START = pendulum.date(2016, 2, 1)
ORGANISATION = "Kulttuurivoimala ry"
EMPLOYMENT_OFFICE = "Oulun TE-toimisto"
SCHOOLS = "Oulun kotoutumiskoulutuksen järjestäjät"

S = ServiceType
#: New participants per year and route in: (immigrants via the employment office,
#: immigrants from integration training, native Finns, long-resident people of
#: foreign background, people already active in the association on a wage subsidy).
#: 2015 is November and December only; 2016 is the year of the refugee crisis.
ENTRIES = {
    2015: (4, 1, 3, 1, 1),
    2016: (18, 14, 7, 3, 4),
    2017: (7, 5, 4, 2, 3),
    2018: (8, 6, 4, 2, 3),
}
#: When each year's new participants came: the refugee crisis brought most of 2016's
#: in its first months; nobody new came in the programme's last two months.
ENTRY_WINDOWS = {
    2015: (START, pendulum.date(2015, 12, 31)),
    2016: (pendulum.date(2016, 1, 1), pendulum.date(2016, 9, 30)),
    2017: (pendulum.date(2017, 1, 1), pendulum.date(2017, 12, 31)),
    2018: (pendulum.date(2018, 1, 1), pendulum.date(2018, 10, 31)),
}
ROUTES = ("immigrant", "integration", "native", "long_resident", "association")


def day_in(rng: random.Random, low: pendulum.Date, high: pendulum.Date) -> pendulum.Date:
    """A day from ``low`` to ``high``, both included."""
    return low.add(days=rng.randint(0, (high - low).in_days()))


def profile(rng: random.Random, route: str, entry: pendulum.Date) -> tuple[int, EntryProfile]:
    """The age at entry and the entry profile of a person coming by ``route``."""
    immigrant = route in ("immigrant", "integration")
    age = rng.randint(18, 29) if immigrant and rng.random() < 0.8 else rng.randint(25, 63)
    if immigrant:
        language = rng.choice((LanguageSkill.NONE, LanguageSkill.WEAK, LanguageSkill.WEAK))
    elif route == "long_resident":
        language = rng.choice((LanguageSkill.MODERATE, LanguageSkill.GOOD))
    else:
        language = LanguageSkill.NATIVE
    foreign = Answer.YES if route in ("immigrant", "integration", "long_resident") else Answer.NO
    if route == "association" and rng.random() < 0.5:
        foreign, language = Answer.YES, LanguageSkill.MODERATE
    if rng.random() < 0.03:
        foreign = Answer.REFUSED
    inactive = route == "integration" and rng.random() < 0.3
    months_unemployed = rng.randint(3, 18) if immigrant else rng.randint(12, 72)
    return age, EntryProfile(
        gender=rng.choice((Gender.WOMAN, Gender.MAN, Gender.MAN)),
        labour_market_status=LabourMarketStatus.INACTIVE
        if inactive
        else LabourMarketStatus.UNEMPLOYED,
        unemployed_since=None if inactive else entry.subtract(months=months_unemployed),
        education=rng.choice(
            (IscedBand.ISCED_0_2, IscedBand.ISCED_0_2, IscedBand.ISCED_3_4, IscedBand.ISCED_5_8)
        ),
        vocational_qualification=rng.random() < (0.2 if immigrant else 0.5),
        language_skill=language,
        referral_source={
            "immigrant": ReferralSource.EMPLOYMENT_OFFICE,
            "integration": ReferralSource.INTEGRATION_TRAINING,
            "native": ReferralSource.EMPLOYMENT_OFFICE,
            "long_resident": ReferralSource.EMPLOYMENT_OFFICE,
            "association": ReferralSource.ASSOCIATION,
        }[route],
        foreign_background=foreign,
        third_country_national=Answer.YES if immigrant else Answer.NOT_ASKED,
        asylum_seeker=Answer.NO if immigrant else Answer.NOT_ASKED,
    )


def outcomes(
    rng: random.Random, more: random.Random, exit_: pendulum.Date, immigrant: bool
) -> tuple[ExitReason, list[SituationSpell], list[OutcomeEvent]]:
    """Why a stay ended and what followed it, drawn regardless of Kielikylpy.

    ``more`` is the second random stream, for what only spells have.
    """
    source = InformationSource.PARTICIPANT_REPORTED
    events: list[OutcomeEvent] = []
    spells: list[SituationSpell] = []
    draw = rng.random()
    if draw < 0.18:
        reason = ExitReason.EMPLOYMENT
        spells.append(
            Employment(
                start=exit_.add(days=rng.randint(1, 20)),
                source=InformationSource.DOCUMENT,
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
            )
        )
        situation = SituationKind.EMPLOYED
    elif draw < (0.36 if immigrant else 0.26):
        reason = ExitReason.EDUCATION
        spells.append(
            Education(
                start=exit_.add(days=rng.randint(1, 25)),
                source=source,
                kind=EducationKind.VOCATIONAL,
                degree_oriented=True,
            )
        )
        situation = SituationKind.IN_EDUCATION
    elif draw < 0.9:
        reason = ExitReason.COMPLETED
        seeking = JobSeeking(start=exit_.add(days=rng.randint(0, 14)), source=source)
        situation = rng.choice((SituationKind.JOB_SEARCHING, SituationKind.EMPLOYED))
        if situation is SituationKind.EMPLOYED:
            # Found work after the four weeks upon leaving, by the six-month date.
            after = exit_.add(days=29)
            hired = after.add(days=more.randint(0, (exit_.add(months=6) - after).days))
            seeking = JobSeeking(start=seeking.start, end=hired.subtract(days=1), source=source)
            spells.append(
                Employment(start=hired, source=source, kind=EmploymentKind.OPEN_LABOUR_MARKET)
            )
        spells.append(seeking)
    else:
        reason = ExitReason.DISCONTINUED
        situation = SituationKind.INACTIVE
    six = exit_.add(months=6)
    if six <= DATA_UNTIL and rng.random() < 0.7:
        events.append(SituationAfterSixMonths(date=six, source=source, situation=situation))
    if reason is not ExitReason.DISCONTINUED and rng.random() < 0.4:
        kind = (
            ContactKind.EMPLOYED_BY_ASSOCIATION if rng.random() < 0.2 else ContactKind.VOLUNTEERING
        )
        contact = exit_.add(days=rng.randint(14, 240))
        if contact <= DATA_UNTIL:
            events.append(PostExitContact(date=contact, source=source, kind=kind))
    return reason, spells, sorted(events, key=lambda e: e.date)


def participation(
    rng: random.Random, more: random.Random, route: str, entry: pendulum.Date
) -> Participation:
    """One person's participation, entering by ``route`` on ``entry``."""
    age, entry_profile = profile(rng, route, entry)
    immigrant = route in ("immigrant", "integration")
    if route == "association":
        service, days = S.WAGE_SUBSIDY, rng.randint(180, 330)
    else:
        service, days = S.WORK_TRIAL, rng.randint(110, 250)
    exit_ = min(entry.add(days=days), END)
    main = ServiceEpisode(service=service, start=entry, end=exit_, provider=ORGANISATION, id="e1")
    episodes = [main]
    weak = entry_profile.language_skill in (LanguageSkill.NONE, LanguageSkill.WEAK)
    if weak and exit_ >= KIELIKYLPY_START and rng.random() < 0.85:
        start = max(entry, KIELIKYLPY_START).add(days=rng.randint(0, 14))
        if start < exit_:
            end = min(exit_, start.add(days=rng.randint(40, 120)))
            episodes.append(
                ServiceEpisode(
                    service=S.LANGUAGE_IMMERSION, start=start, end=end, provider=ORGANISATION
                )
            )
    if rng.random() < 0.5:
        start = day_in(rng, entry, exit_)
        episodes.append(
            ServiceEpisode(
                service=S.OTHER,
                label="elämänsuunnittelun valmennus (life-planning training)",
                start=start,
                end=min(exit_, start.add(days=30)),
                provider=ORGANISATION,
            )
        )
    spells: list[SituationSpell] = []
    if service is S.WAGE_SUBSIDY:
        # Wage-subsidised work in the association for the length of the episode.
        spells.append(
            Employment(
                start=entry,
                end=exit_,
                source=InformationSource.DOCUMENT,
                kind=EmploymentKind.SUBSIDISED,
                via_episode="e1",
            )
        )
    reason, later, after = outcomes(rng, more, exit_, immigrant)
    if exit_ == END and reason is ExitReason.DISCONTINUED:
        reason = ExitReason.COMPLETED  # the programme ended
    return Participation(
        participant=Participant(id="P-0000", age_at_entry=age),
        profile=entry_profile,
        periods=(ParticipationPeriod(entry=entry, exit=exit_, exit_reason=reason),),
        episodes=tuple(sorted(episodes, key=lambda e: e.start)),
        situations=tuple(sorted((*spells, *later), key=lambda s: s.start)),
        events=tuple(after),
    )


def come_back(rng: random.Random, record: Participation) -> Participation:
    """A former participant, active in the association since, returns on a wage subsidy.

    One record per person: the return is a second period of the same record.
    """
    last = record.periods[-1]
    assert last.exit is not None
    entry = last.exit.add(days=rng.randint(60, 150))
    exit_ = min(entry.add(days=rng.randint(180, 300)), END)
    episode = ServiceEpisode(
        service=S.WAGE_SUBSIDY, start=entry, end=exit_, provider=ORGANISATION, id="e2"
    )
    source = InformationSource.DOCUMENT
    hire = Employment(
        start=entry,
        end=exit_,
        source=source,
        kind=EmploymentKind.SUBSIDISED,
        via_episode="e2",
    )
    # What followed the first stay is kept up to four weeks after it, and ends by the
    # return; a contact "after leaving" would now fall before the last exit, so it is
    # not one.
    upon_leaving = last.exit.add(days=28)
    kept = [
        e for e in record.events if e.date <= upon_leaving and not isinstance(e, PostExitContact)
    ]
    back = entry.subtract(days=1)
    spells = [
        s if s.end is not None and s.end <= back else evolve(s, end=back)
        for s in record.situations
        if s.start <= upon_leaving
    ]
    return Participation(
        participant=record.participant,
        profile=record.profile,
        periods=(
            ParticipationPeriod(entry=last.entry, exit=last.exit, exit_reason=last.exit_reason),
            ParticipationPeriod(entry=entry, exit=exit_, exit_reason=ExitReason.COMPLETED),
        ),
        episodes=(*record.episodes, episode),
        situations=tuple(sorted((*spells, hire), key=lambda s: s.start)),
        events=tuple(sorted(kept, key=lambda e: e.date)),
    )


def programme() -> Programme:
    """PROSESSI as the page describes it, with an assumed end date and funder."""
    year = TargetPeriod.YEAR
    return Programme(
        id="prosessi-example",
        name="PROSESSI (synthetic example data)",
        organisation=ORGANISATION,
        start=START,
        end=END,
        areas=("Oulu",),
        funders=(
            Funder(
                name="Sosiaali- ja terveysjärjestöjen avustuskeskus STEA", kind=FunderKind.STATE
            ),
        ),
        target_groups=(
            "long-term unemployed people",
            "hard-to-employ adults",
            "young immigrants",
            "native Finns and long-resident people of foreign background",
        ),
        targets=(
            Target(metric=TargetMetric.PARTICIPANTS, per=year, minimum=30, maximum=40),
            Target(metric=TargetMetric.AVERAGE_CONCURRENT, per=year, minimum=10, maximum=15),
        ),
        services=(S.WORK_TRIAL, S.WAGE_SUBSIDY, S.LANGUAGE_IMMERSION, S.OTHER),
        partners=(
            Partner(
                name=EMPLOYMENT_OFFICE,
                kind=OrganisationKind.EMPLOYMENT_OFFICE,
                role="assigns work trials",
            ),
            Partner(
                name=SCHOOLS,
                kind=OrganisationKind.EDUCATION_PROVIDER,
                role="integration training",
            ),
        ),
    )


def kielikylpy() -> OperatingModel:
    """PROSESSI's main development model: language immersion for immigrants."""
    return OperatingModel(
        id="kielikylpy",
        name="Kielikylpy",
        short_description="Language immersion for immigrants in the everyday work of a "
        "cultural association, alongside people of every age.",
        basic_idea="Finnish is learnt by doing things together with native speakers of "
        "several generations, not in a classroom.",
        target_groups=("young immigrants", "immigrants in work trials"),
        operating_environment="A cultural association with workshops, events and "
        "volunteers of several generations.",
        place="Oulu",
        funders=("Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",),
        author=ORGANISATION,
        methods=("intergenerational interaction", "experiential learning", "peer learning"),
        services=(S.LANGUAGE_IMMERSION,),
        started=KIELIKYLPY_START,
        embedding=(
            EmbeddingStep(
                stage=EmbeddingStage.COMMUNICATED,
                date=pendulum.date(2016, 10, 1),
                organisation=EMPLOYMENT_OFFICE,
                note="presented to the employment office's immigrant services (invented)",
            ),
            EmbeddingStep(
                stage=EmbeddingStage.VARIED,
                date=pendulum.date(2017, 8, 1),
                organisation=ORGANISATION,
                note="a version for integration-training groups (invented)",
            ),
        ),
        transferability=(
            TransferabilityNote(
                element="learning Finnish in shared work with native speakers",
                role=ElementRole.CORE,
            ),
            TransferabilityNote(
                element="the association's workshops and events",
                role=ElementRole.LOCAL,
                depends_on="a community with volunteers of several generations",
            ),
        ),
    )


def build(seed: int = SEED) -> Dataset:
    """The programme, its invented participant records and the Kielikylpy model."""
    rng = random.Random(seed)
    # What only spells have draws from a stream of its own: the main one stays as it was.
    more = random.Random(f"{seed}:situations")
    planned: list[tuple[pendulum.Date, str]] = []
    for year, counts in ENTRIES.items():
        routes = [route for route, count in zip(ROUTES, counts, strict=True) for _ in range(count)]
        rng.shuffle(routes)
        first, last = ENTRY_WINDOWS[year]
        # Entries spread evenly over the window, a week either way.
        step = (last - first).in_days() / len(routes)
        for i, route in enumerate(routes):
            entry = first.add(days=round((i + 0.5) * step) + rng.randint(-7, 7))
            planned.append((min(max(entry, first), last), route))
    planned.sort()
    records = [participation(rng, more, route, entry) for entry, route in planned]
    # Three people who volunteered after a work trial come back on a wage subsidy: one
    # record per person, with a second period.
    early = [i for i, r in enumerate(records) if r.last_exit and r.last_exit.year == 2016]
    for index in rng.sample(early, 3):
        records[index] = come_back(rng, records[index])
    return Dataset(
        programme=programme(),
        participants=tuple(
            Participation(
                participant=Participant(id=f"P-{n:04d}", age_at_entry=r.participant.age_at_entry),
                profile=r.profile,
                periods=r.periods,
                episodes=r.episodes,
                situations=r.situations,
                events=r.events,
            )
            for n, r in enumerate(records, start=1)
        ),
        operating_models=(kielikylpy(),),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic PROSESSI dataset.")
    parser.add_argument("--output", type=Path, default=JSON_PATH, help="where to write it")
    args = parser.parse_args(argv)
    dataset = build()
    write(dataset, args.output)
    print(f"wrote {len(dataset.participants)} participant records to {args.output}")


if __name__ == "__main__":
    main()
