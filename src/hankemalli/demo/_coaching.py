"""The demo's job-coaching strand (työhönvalmennus) and its comparison group.

See :mod:`hankemalli.demo._build` for the figures these records are built to satisfy.
"""

from __future__ import annotations

import random
from functools import partial

import pendulum

from ..model import (
    Answer,
    ContractType,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitReason,
    Gender,
    InformationSource,
    IscedBand,
    JobSeeking,
    LabourMarketStatus,
    LanguageSkill,
    OutcomeEvent,
    QualificationGained,
    ReferralSource,
    ServiceType,
    SituationSpell,
    WorkingTime,
)
from ._common import (
    ASSOCIATIONS,
    END,
    ORGANISATION,
    PARALLEL_PROJECT,
    UPON_LEAVING_DAYS,
    WORKPLACES,
    Ep,
    Placed,
    Plan,
    Record,
    day_between,
    deal,
    draw_age,
    follow_up,
    in_calendar,
    place,
    record,
    settle,
    source,
)

__all__ = ["comparison_group", "job_coaching"]

S = ServiceType
#: The id of a work-trial episode, which an employment may name as its way in.
TRIAL = "tk-1"


def _plan(rng: random.Random, *, rehab_first: bool, immigrant: bool, reentry: bool) -> Plan:
    episodes: list[Ep] = []
    coach_start = rehab_end = 0
    if rehab_first:
        # The KAIKU model: rehabilitative work in an association, job coaching from early on.
        rehab_end = rng.randint(60, 200)
        episodes.append(Ep(S.REHABILITATIVE_WORK, 0, rehab_end, rng.choice(ASSOCIATIONS)))
        coach_start = rng.randint(14, 45)
    coach_end = max(coach_start + rng.randint(90, 300), rehab_end + rng.randint(30, 90))
    episodes.append(Ep(S.JOB_COACHING, coach_start, coach_end, ORGANISATION))

    def extra(service: ServiceType, chance: float, low: int, high: int, provider: str) -> None:
        if rng.random() < chance:
            length = rng.randint(low, high)
            start = coach_start + rng.randint(14, max(14, coach_end - coach_start - length))
            ident = TRIAL if service is S.WORK_TRIAL else None
            episodes.append(Ep(service, start, start + length, provider, id=ident))

    extra(S.WORKLIFE_LANGUAGE_COACHING, 0.45 * immigrant, 40, 90, PARALLEL_PROJECT)
    extra(S.TOWARDS_VOCATIONAL_EDUCATION, 0.2 if immigrant else 0.1, 60, 120, PARALLEL_PROJECT)
    extra(S.SUPPORTED_JOB_SEARCH, 0.2, 30, 90, ORGANISATION)
    extra(S.WORK_TRIAL, 0.15, 30, 90, rng.choice(ASSOCIATIONS + WORKPLACES))
    extra(S.ENTREPRENEURSHIP_COACHING, 0.04, 20, 60, ORGANISATION)
    extra(S.WAGE_SUBSIDY, 0.05, 90, 180, rng.choice(ASSOCIATIONS))
    extra(S.VOLUNTEERING, 0.04, 20, 60, rng.choice(ASSOCIATIONS))
    periods = [(0, max(e.end for e in episodes))]
    if reentry:
        back = periods[0][1] + rng.randint(45, 180)
        leave = back + rng.randint(60, 200)
        episodes.append(Ep(S.JOB_COACHING, back, leave, ORGANISATION))
        periods.append((back, leave))
    return Plan(periods, episodes)


def _profile(
    rng: random.Random,
    *,
    gender: Gender | None,
    status: LabourMarketStatus | None,
    unemployed_since: pendulum.Date | None,
    vocational: bool | None,
    background: str,
    rehab_first: bool,
) -> EntryProfile:
    immigrant = background in ("weak", "fluent")
    education = None
    if vocational is not None:
        bands = (IscedBand.ISCED_3_4, IscedBand.ISCED_5_8) if vocational else (IscedBand.ISCED_0_2,)
        education = rng.choice(bands * 3 + (IscedBand.ISCED_3_4,))
    language = {
        "weak": rng.choice((LanguageSkill.WEAK, LanguageSkill.WEAK, LanguageSkill.NONE)),
        "fluent": rng.choice((LanguageSkill.MODERATE, LanguageSkill.GOOD)),
        "refused": LanguageSkill.WEAK,
        "native": rng.choice((LanguageSkill.NATIVE,) * 9 + (LanguageSkill.GOOD,)),
    }[background]
    foreign = {"weak": Answer.YES, "fluent": Answer.YES, "refused": Answer.REFUSED}
    referrals = [ReferralSource.EMPLOYMENT_OFFICE] * 4 + [
        ReferralSource.OWN_INITIATIVE,
        ReferralSource.ASSOCIATION,
        ReferralSource.OTHER,
    ]
    referrals += [ReferralSource.INTEGRATION_TRAINING] * (3 * immigrant)
    return EntryProfile(
        gender=gender,
        labour_market_status=status,
        unemployed_since=unemployed_since,
        in_education_or_training=False if rng.random() < 0.95 else None,
        education=education,
        vocational_qualification=vocational,
        language_skill=language,
        referral_source=ReferralSource.SOCIAL_SERVICES if rehab_first else rng.choice(referrals),
        foreign_background=foreign.get(background, Answer.NO),
        third_country_national=(
            rng.choice((Answer.YES,) * 4 + (Answer.NO,))
            if immigrant
            else foreign.get(background, Answer.NO)
        ),
        asylum_seeker=Answer.REFUSED if background == "refused" else Answer.NO,
        disability=rng.choice((Answer.NO,) * 14 + (Answer.YES, Answer.REFUSED, Answer.NOT_ASKED)),
        minority=rng.choice((Answer.NO,) * 10 + (Answer.REFUSED, Answer.NOT_ASKED)),
        homeless=rng.choice((Answer.NO,) * 30 + (Answer.YES,)),
        rural=rng.choice((Answer.NO,) * 8 + (Answer.YES, Answer.NOT_ASKED)),
        other_disadvantaged=_other_disadvantaged(gender, status, unemployed_since, background),
    )


def _other_disadvantaged(
    gender: Gender | None,
    status: LabourMarketStatus | None,
    unemployed_since: pendulum.Date | None,
    background: str,
) -> Answer:
    """Drawn from a generator of its own, so that the rest of the data stays as it was."""
    aside = random.Random(repr((gender, status, unemployed_since, background)))
    return aside.choice(
        (Answer.NO,) * 6 + (Answer.YES, Answer.YES, Answer.REFUSED, Answer.NOT_ASKED)
    )


def _events(
    rng: random.Random, placed: Placed, outcome: str, late: int | None
) -> tuple[list[OutcomeEvent], list[SituationSpell], ExitReason]:
    """The outcome events and situation spells of one participant, and the last exit's reason.

    ``outcome`` is ``job`` or ``study`` for a placement (``job28``: exactly on the
    28th day after exit), ``none`` otherwise; ``late`` is the day after exit of an
    open-labour-market job that comes too late to count. The spells have no ends
    yet (:func:`~hankemalli.demo._common.settle` gives them).
    """
    since, exit_ = placed.periods[-1]
    events: list[OutcomeEvent] = []
    spells: list[SituationSpell] = []

    def upon_leaving(day: int | None = None) -> pendulum.Date:
        if day is None and rng.random() < 0.35:
            return exit_.subtract(days=rng.randint(0, min(30, (exit_ - since).days)))
        return exit_.add(days=rng.randint(1, 28) if day is None else day)

    after = exit_.add(days=rng.randint(0, 28))
    reason = rng.choice(
        (ExitReason.COMPLETED,) * 6
        + (ExitReason.OTHER_SERVICE,) * 4
        + (ExitReason.HEALTH, ExitReason.HEALTH, ExitReason.DISCONTINUED, ExitReason.DISCONTINUED)
        + (ExitReason.MOVED_AWAY, ExitReason.OTHER)
    )
    draw = rng.random()
    if outcome.startswith("job"):
        reason = ExitReason.EMPLOYMENT
        trial = any(e.id == TRIAL for e in placed.episodes)
        spells.append(
            Employment(
                start=upon_leaving(28 if outcome == "job28" else None),
                source=source(rng),
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
                contract=rng.choice((ContractType.FIXED_TERM,) * 2 + (ContractType.PERMANENT,)),
                working_time=rng.choice(list(WorkingTime)),
                via_episode=TRIAL if trial and draw < 0.6 else None,
            )
        )
    elif outcome == "study":
        reason = ExitReason.EDUCATION
        kinds = (EducationKind.VOCATIONAL,) * 8 + (EducationKind.HIGHER, EducationKind.GENERAL)
        spells.append(
            Education(
                start=upon_leaving(),
                source=source(rng),
                kind=rng.choice(kinds),
                degree_oriented=True,
            )
        )
    elif late is not None:
        spells.append(
            Employment(
                start=exit_.add(days=late),
                source=InformationSource.REGISTER,
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
                contract=ContractType.FIXED_TERM,
            )
        )
    elif draw < 0.14:
        reason = ExitReason.EMPLOYMENT
        spells.append(
            Employment(
                start=after,
                source=source(rng),
                kind=EmploymentKind.SUBSIDISED,
                contract=ContractType.FIXED_TERM,
                working_time=rng.choice(list(WorkingTime)),
            )
        )
    elif draw < 0.22:
        reason = ExitReason.EDUCATION
        kind = rng.choice((EducationKind.GENERAL, EducationKind.VOCATIONAL))
        spells.append(Education(start=after, source=source(rng), kind=kind, degree_oriented=False))
    elif draw < 0.55:
        spells.append(JobSeeking(start=after, source=InformationSource.REGISTER))
    towards = any(e.service is S.TOWARDS_VOCATIONAL_EDUCATION for e in placed.episodes)
    if towards and rng.random() < 0.3:
        events.append(
            QualificationGained(
                date=exit_.subtract(days=rng.randint(0, 14)),
                source=InformationSource.DOCUMENT,
                kind=EducationKind.VOCATIONAL,
                label="tutkinnon osa",
            )
        )
    return events, spells, reason


def _more_spells(
    rng: random.Random,
    placed: Placed,
    spells: list[SituationSpell],
    *,
    outcome: str,
    late: int | None,
    employed_at_entry: bool,
) -> list[SituationSpell]:
    """Spells that only the second random stream ``rng`` draws, added to ``spells``.

    None of them changes a designed count, which count the starts of
    open-labour-market jobs and degree-oriented studies from the first entry to 28
    days after the last exit: a job held at entry began before it; wage-subsidised
    work during participation (a ``wage_subsidy`` episode) and a job found soon
    after registering as a job seeker are subsidised; a short job during
    participation that ended before the exit is given only to people who are
    placed anyway (by a degree-oriented study), and counts in no result upon
    leaving.
    """
    (entry, first_exit), exit_ = placed.periods[0], placed.last_exit
    window_end = exit_.add(days=UPON_LEAVING_DAYS)
    more = list(spells)
    if employed_at_entry:
        more.append(
            Employment(
                start=entry.subtract(days=rng.randint(60, 900)),
                source=InformationSource.REGISTER,
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
                contract=ContractType.PERMANENT,
                working_time=WorkingTime.PART_TIME,
            )
        )
    for episode in placed.episodes:
        if episode.service is S.WAGE_SUBSIDY:
            more.append(
                Employment(
                    start=episode.start,
                    end=episode.end,
                    source=InformationSource.DOCUMENT,
                    kind=EmploymentKind.SUBSIDISED,
                    contract=ContractType.FIXED_TERM,
                    working_time=rng.choice(list(WorkingTime)),
                )
            )
    room = (first_exit - entry).days
    if outcome == "study" and room > 60 and rng.random() < 0.5:
        # A seasonal job during participation, over before the exit: not upon leaving.
        length = rng.randint(14, min(90, room - 30))
        start = entry.add(days=rng.randint(7, room - length - 14))
        more.append(
            Employment(
                start=start,
                end=start.add(days=length),
                source=InformationSource.PARTICIPANT_REPORTED,
                kind=EmploymentKind.OPEN_LABOUR_MARKET,
                contract=ContractType.FIXED_TERM,
                working_time=WorkingTime.PART_TIME,
            )
        )
    if late is not None:
        # Registered as a job seeker after leaving, until the job that came too late.
        more.append(
            JobSeeking(start=exit_.add(days=rng.randint(0, 14)), source=InformationSource.REGISTER)
        )
    for spell in spells:
        if isinstance(spell, JobSeeking) and spell.start < window_end and rng.random() < 0.3:
            # A wage-subsidised job soon after registering: counted once, as employment.
            more.append(
                Employment(
                    start=day_between(rng, spell.start.add(days=1), window_end),
                    source=InformationSource.REGISTER,
                    kind=EmploymentKind.SUBSIDISED,
                    contract=ContractType.FIXED_TERM,
                    working_time=rng.choice(list(WorkingTime)),
                )
            )
    return more


def _fit_total(values: list[int], caps: list[int], total: int) -> list[int]:
    """Scale ``values`` to add up to exactly ``total``, each from 30 up to its cap."""
    factor = total / sum(values)
    out = [min(cap, max(30, round(v * factor))) for v, cap in zip(values, caps, strict=True)]
    index = 0
    while gap := total - sum(out):
        i = index % len(out)
        index += 1
        if gap > 0:
            out[i] += min(gap, caps[i] - out[i], 30)
        else:
            out[i] += max(gap, 30 - out[i], -30)
    return out


def job_coaching(rng: random.Random, more: random.Random) -> list[Record]:
    """The 135 participants of job coaching; ``more`` is the second random stream."""
    n = 135
    years = deal(rng, [(2015, 18), (2016, 45), (2017, 46), (2018, 26)])
    backgrounds = deal(rng, [("weak", 61), ("fluent", 12), ("refused", 1), ("native", 61)])
    weak = [i for i in range(n) if backgrounds[i] == "weak"]
    others = [i for i in range(n) if backgrounds[i] != "weak"]
    # Immigrants with weak Finnish came less often from rehabilitative work and found
    # work or education less often: the groups overlap, as they would.
    rehab_first = set(rng.sample(weak, 16) + rng.sample(others, 58))
    outcomes = ["none"] * n
    placed_ids = sorted(rng.sample(weak, 23) + rng.sample(others, 36))
    for i, outcome in zip(
        placed_ids, deal(rng, [("job", 40), ("job28", 1), ("study", 18)]), strict=True
    ):
        outcomes[i] = outcome
    unplaced = [i for i in range(n) if outcomes[i] == "none"]
    lates = dict(zip(rng.sample(unplaced, 3), (29, 45, 120), strict=True))
    statuses: list[LabourMarketStatus | None] = [LabourMarketStatus.UNEMPLOYED] * n
    not_unemployed = [LabourMarketStatus.INACTIVE] * 4 + [LabourMarketStatus.EMPLOYED] * 2
    for i, status in zip(
        rng.sample([i for i in range(n) if i not in rehab_first], 7),
        [*not_unemployed, None],
        strict=True,
    ):
        statuses[i] = status
    reentries = set(rng.sample([i for i in range(n) if years[i] <= 2016], 6))
    last_day = set(rng.sample([i for i in range(n) if years[i] == 2018], 4))
    vocational = deal(rng, [(False, 67), (True, 66), (None, 2)])
    genders = deal(
        rng,
        [
            (Gender.WOMAN, 60),
            (Gender.MAN, 69),
            (Gender.NON_BINARY, 2),
            (Gender.NOT_TOLD, 3),
            (None, 1),
        ],
    )
    ages = [draw_age(rng, 18, 63, 30) for _ in range(n)]
    ages[rng.randrange(n)] = 63
    unemployed = [i for i in range(n) if statuses[i] is LabourMarketStatus.UNEMPLOYED]
    raw = [
        rng.randint(90, 700)
        if ages[i] < 25
        else rng.choice((rng.randint(90, 364), rng.randint(365, 1460), rng.randint(1000, 3600)))
        for i in unemployed
    ]
    caps = [(ages[i] - 17) * 365 + 30 for i in unemployed]
    durations = dict(zip(unemployed, _fit_total(raw, caps, 1096 * len(unemployed)), strict=True))

    records = []
    for i in range(n):
        immigrant = backgrounds[i] in ("weak", "fluent")
        plan, entry = place(
            rng,
            years[i],
            pendulum.date(2015, 8, 17),
            partial(
                _plan,
                rng,
                rehab_first=i in rehab_first,
                immigrant=immigrant,
                reentry=i in reentries,
            ),
        )
        if i in last_day:
            entry = END.subtract(days=plan.length)
        placed = in_calendar(plan, entry)
        events, spells, reason = _events(rng, placed, outcomes[i], lates.get(i))
        if placed.last_exit == END and outcomes[i] == "none":
            reason = ExitReason.COMPLETED  # the programme ended
        gaps = (ExitReason.HEALTH, ExitReason.DISCONTINUED, ExitReason.OTHER)
        reasons = [rng.choice(gaps) for _ in plan.periods[1:]] + [reason]
        employed = statuses[i] is LabourMarketStatus.EMPLOYED
        recorded = follow_up(
            rng,
            placed.last_exit,
            events,
            spells,
            chance=1 if employed else 0.5,
            employed_at_entry=employed,
        )
        spells = _more_spells(
            more, placed, spells, outcome=outcomes[i], late=lates.get(i), employed_at_entry=employed
        )
        situations = settle(more, spells, placed.last_exit, recorded)
        days = durations.get(i)
        profile = _profile(
            rng,
            gender=genders[i],
            status=statuses[i],
            unemployed_since=None if days is None else entry.subtract(days=days),
            vocational=vocational[i],
            background=backgrounds[i],
            rehab_first=i in rehab_first,
        )
        records.append(record(ages[i], profile, placed, reasons, events, situations))
    return records


def comparison_group(rng: random.Random, more: random.Random) -> list[Record]:
    """The 15 people in rehabilitative work without job coaching; ``more`` as above."""
    years = deal(rng, [(2015, 4), (2016, 7), (2017, 4)])
    genders = deal(rng, [(Gender.WOMAN, 7), (Gender.MAN, 8)])
    vocational = deal(rng, [(False, 8), (True, 7)])
    records = []
    for year, gender, has_vocational in zip(years, genders, vocational, strict=True):

        def make() -> Plan:
            length = rng.randint(200, 420)
            return Plan(
                [(0, length)], [Ep(S.REHABILITATIVE_WORK, 0, length, rng.choice(ASSOCIATIONS))]
            )

        plan, entry = place(rng, year, pendulum.date(2015, 9, 1), make)
        placed = in_calendar(plan, entry)
        after = placed.last_exit.add(days=rng.randint(0, 28))
        events: list[OutcomeEvent] = []
        spells: list[SituationSpell] = []
        reason = rng.choice((ExitReason.COMPLETED, ExitReason.OTHER_SERVICE, ExitReason.HEALTH))
        draw = rng.random()
        if draw < 0.2:
            reason = ExitReason.EMPLOYMENT
            spells.append(
                Employment(
                    start=after,
                    source=InformationSource.REGISTER,
                    kind=EmploymentKind.SUBSIDISED,
                    contract=ContractType.FIXED_TERM,
                )
            )
        elif draw < 0.5:
            spells.append(JobSeeking(start=after, source=InformationSource.REGISTER))
        recorded = follow_up(rng, placed.last_exit, events, spells, chance=0.4)
        situations = settle(more, spells, placed.last_exit, recorded)
        bands = (IscedBand.ISCED_3_4,) if has_vocational else (IscedBand.ISCED_0_2,)
        profile = EntryProfile(
            gender=gender,
            labour_market_status=LabourMarketStatus.UNEMPLOYED,
            unemployed_since=entry.subtract(days=rng.randint(700, 3000)),
            in_education_or_training=False,
            education=rng.choice(bands * 3 + (IscedBand.ISCED_3_4,)),
            vocational_qualification=has_vocational,
            language_skill=LanguageSkill.NATIVE,
            referral_source=ReferralSource.SOCIAL_SERVICES,
            foreign_background=Answer.NO,
            third_country_national=Answer.NO,
            asylum_seeker=Answer.NO,
            disability=rng.choice((Answer.NO,) * 4 + (Answer.YES,)),
            minority=Answer.NOT_ASKED,
            homeless=Answer.NO,
            rural=rng.choice((Answer.NO,) * 3 + (Answer.YES,)),
        )
        age = draw_age(rng, 25, 60, 42)
        records.append(record(age, profile, placed, [reason], events, situations))
    return records
