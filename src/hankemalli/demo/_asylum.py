"""The demo's asylum-seeker strand: TET periods and certificate courses.

See :mod:`hankemalli.demo._build` for the figures these records are built to satisfy.
"""

from __future__ import annotations

import random

import pendulum

from ..model import (
    Answer,
    CertificateKind,
    CertificateObtained,
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
    ReferralSource,
    ServiceType,
    SituationSpell,
    WorkingTime,
)
from ._common import (
    END,
    ORGANISATION,
    PARALLEL_PROJECT,
    WORKPLACES,
    Ep,
    Placed,
    Plan,
    Record,
    deal,
    draw_age,
    follow_up,
    in_calendar,
    place,
    record,
    settle,
    source,
)

__all__ = ["asylum_seekers"]

S = ServiceType
#: The certificate courses: the label of the course episode and what it gives.
COURSES: dict[str, tuple[CertificateKind, str | None]] = {
    "Hygieniapassikoulutus": (CertificateKind.HYGIENE_PASSPORT, None),
    "Työturvallisuuskorttikoulutus": (CertificateKind.OCCUPATIONAL_SAFETY_CARD, None),
    "Ensiapukoulutus EA1": (CertificateKind.OTHER, "Ensiapukortti EA1"),
}


def _plan(rng: random.Random, *, tets: int, courses: list[str], reentry: bool) -> Plan:
    """Orientation, then certificate courses, then TET periods; language coaching alongside."""
    orientation = rng.randint(10, 35)
    episodes = [Ep(S.OTHER, 0, orientation, ORGANISATION, label="Työelämäorientaatio")]
    periods = []
    back = 0
    if reentry:
        periods.append((0, orientation))
        back = orientation + rng.randint(30, 120)
    cursor = max(back, orientation)
    for label in rng.sample(courses, len(courses)):
        cursor += rng.randint(3, 30)
        length = rng.randint(0, 2)
        episodes.append(Ep(S.CERTIFICATE_COURSE, cursor, cursor + length, ORGANISATION, label))
        cursor += length
    for number in range(1, tets + 1):
        cursor += rng.randint(5, 40)
        length = rng.randint(10, 30)
        workplace = rng.choice(WORKPLACES)
        episodes.append(Ep(S.TET, cursor, cursor + length, workplace, id=f"tet-{number}"))
        cursor += length
    # A re-entry needs a service to come back to.
    if rng.random() < 0.25 or (reentry and not courses and not tets):
        start = back + rng.randint(5, 30)
        coaching = Ep(
            S.WORKLIFE_LANGUAGE_COACHING, start, start + rng.randint(30, 70), PARALLEL_PROJECT
        )
        episodes.append(coaching)
    periods.append((back, max(e.end for e in episodes) + rng.randint(0, 10)))
    return Plan(periods, episodes)


def _profile(
    rng: random.Random, gender: Gender | None, status: LabourMarketStatus | None
) -> EntryProfile:
    return EntryProfile(
        gender=gender,
        labour_market_status=status,
        in_education_or_training=rng.choice((False, False, False, None)),
        education=rng.choice(
            (IscedBand.ISCED_0_2,) * 4
            + (IscedBand.ISCED_3_4,) * 3
            + (IscedBand.ISCED_5_8,) * 2
            + (None,)
        ),
        vocational_qualification=rng.choice(
            (None, None, None, False, False, False, False, True, True)
        ),
        language_skill=rng.choice(
            (LanguageSkill.NONE,) * 4 + (LanguageSkill.WEAK,) * 5 + (LanguageSkill.MODERATE,)
        ),
        referral_source=rng.choice((ReferralSource.OTHER,) * 5 + (ReferralSource.ASSOCIATION,)),
        foreign_background=Answer.YES,
        third_country_national=Answer.YES,
        asylum_seeker=Answer.YES,
        disability=rng.choice((Answer.NOT_ASKED,) * 8 + (Answer.NO,) * 3 + (Answer.REFUSED,)),
        minority=rng.choice((Answer.NOT_ASKED,) * 6 + (Answer.NO,) * 3 + (Answer.REFUSED,)),
        homeless=Answer.NOT_ASKED,
        rural=rng.choice((Answer.NO,) * 5 + (Answer.NOT_ASKED,) * 2),
    )


def _more_spells(
    rng: random.Random, placed: Placed, spells: list[SituationSpell]
) -> list[SituationSpell]:
    """The own training of the certificate courses, and job seeking after leaving, if no job."""
    more = list(spells)
    for episode in placed.episodes:
        if episode.service is S.CERTIFICATE_COURSE:
            more.append(
                Education(
                    start=episode.start,
                    end=episode.end,
                    source=InformationSource.DOCUMENT,
                    kind=EducationKind.VOCATIONAL,
                    degree_oriented=False,
                    own_training=True,
                )
            )
    if not spells and rng.random() < 0.35:
        more.append(
            JobSeeking(
                start=placed.last_exit.add(days=rng.randint(0, 60)),
                source=InformationSource.REGISTER,
            )
        )
    return more


def asylum_seekers(rng: random.Random, more: random.Random) -> list[Record]:
    """The 120 asylum seekers; ``more`` is the second random stream (see ``_common``).

    The certificate courses are the operation's own training (education spells
    with ``own_training``), which no result counts; some of the people without a
    job register as job seekers after leaving, once they have a residence permit.
    """
    n = 120
    years = deal(rng, [(2016, 58), (2017, 44), (2018, 18)])
    tets = deal(rng, [(2, 14), (1, 44), (0, 62)])
    with_tet = [i for i in range(n) if tets[i]]
    # Two TET periods made a job more likely.
    two = [i for i in with_tet if tets[i] == 2]
    employed = set(rng.sample(two, 10) + rng.sample([i for i in with_tet if tets[i] == 1], 21))
    kinds = iter(
        deal(rng, [(EmploymentKind.OPEN_LABOUR_MARKET, 26), (EmploymentKind.SUBSIDISED, 5)])
    )
    hygiene = set(rng.sample(range(n), 79))
    safety = set(rng.sample(range(n), 42))
    first_aid = set(rng.sample(range(n), 9))
    reentries = set(rng.sample([i for i in range(n) if years[i] <= 2017], 2))
    genders = deal(
        rng,
        [
            (Gender.MAN, 80),
            (Gender.WOMAN, 34),
            (Gender.NON_BINARY, 1),
            (Gender.NOT_TOLD, 3),
            (None, 2),
        ],
    )
    statuses = deal(rng, [(LabourMarketStatus.INACTIVE, 112), (None, 8)])
    ages = [draw_age(rng, 17, 55, 25) for _ in range(n)]
    ages[rng.randrange(n)] = 17
    records = []
    for i in range(n):
        courses = [
            label
            for label, members in zip(COURSES, (hygiene, safety, first_aid), strict=True)
            if i in members
        ]

        def make(i: int = i, courses: list[str] = courses) -> Plan:
            return _plan(rng, tets=tets[i], courses=courses, reentry=i in reentries)

        plan, entry = place(rng, years[i], pendulum.date(2016, 1, 11), make)
        placed = in_calendar(plan, entry)
        events: list[OutcomeEvent] = []
        spells: list[SituationSpell] = []
        for episode in placed.episodes:
            if episode.service is S.CERTIFICATE_COURSE and episode.label is not None:
                kind, label = COURSES[episode.label]
                assert episode.end is not None
                events.append(
                    CertificateObtained(
                        date=episode.end,
                        source=InformationSource.DOCUMENT,
                        certificate=kind,
                        label=label,
                    )
                )
        reason = rng.choice(
            (ExitReason.COMPLETED,) * 4
            + (ExitReason.MOVED_AWAY,) * 3
            + (ExitReason.DISCONTINUED, ExitReason.OTHER)
        )
        if i in employed:
            reason = ExitReason.EMPLOYMENT
            tet = [e for e in placed.episodes if e.service is S.TET][-1]
            assert tet.end is not None
            spells.append(
                Employment(
                    # Inside the programme period, so the figure for the whole
                    # programme holds every one of KAIKU's 31 relationships.
                    start=min(tet.end.add(days=rng.randint(0, 21)), END),
                    source=source(rng),
                    kind=next(kinds),
                    contract=ContractType.FIXED_TERM,
                    working_time=rng.choice(
                        (WorkingTime.PART_TIME,) * 3 + (WorkingTime.FULL_TIME,)
                    ),
                    via_episode=tet.id,
                )
            )
        recorded = follow_up(rng, placed.last_exit, events, spells, chance=0.2)
        situations = settle(more, _more_spells(more, placed, spells), placed.last_exit, recorded)
        reasons = [ExitReason.OTHER] * (len(plan.periods) - 1) + [reason]
        profile = _profile(rng, genders[i], statuses[i])
        records.append(record(ages[i], profile, placed, reasons, events, situations))
    return records
