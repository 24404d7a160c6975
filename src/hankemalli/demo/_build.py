"""Build the synthetic KAIKU demo dataset (``kaiku.json``) from a fixed seed.

The records are invented: no real people, pseudonyms ``K-0001`` … ``K-0270``
given in order of first entry. Only the programme's frame (name, organisation,
period, areas, funders, partners, services) and the published KAIKU figures come
from the project's own page; budget, funding shares and targets are invented.
Running ``python -m hankemalli.demo._build`` rewrites ``kaiku.json``; the same
seed always gives the same document (stdlib :class:`random.Random`, no clock).

Programme: KAIKU, Pohjois-Karjalan Sosiaaliturvayhdistys ry, 2015-08-01 to
2018-12-31, Joensuu and Kontiolahti; six funders (ESF, ELY centre of South Savo,
Regional Council of North Karelia, City of Joensuu, Municipality of Kontiolahti,
the association) with shares 45.6, 30.4, 4, 12, 3 and 5 % of an invented budget of
1 250 000 €.

Three groups of participants, 270 in all, none in two groups:

- **Job-coaching strand** (työhönvalmennus), 135 people: everyone with a
  ``job_coaching`` episode. Built to satisfy, counting these 135 only:

  - 59 are *placed* (59/135 = 44 %): each has an ``employment`` spell of kind
    ``open_labour_market`` or an ``education`` spell with ``degree_oriented`` true
    that *began* from the first entry up to and including the 28th day after the
    last exit (41 jobs, one of them beginning exactly on day 28, about a third
    during participation, and 18 degree-oriented studies). The other 76 began no
    such spell in that window: three find open-labour-market work later (29, 45
    and 120 days after exit, registered as job seekers until then), others
    subsidised jobs or education that is not degree-oriented. Some of the placed
    by a study had a short seasonal job during participation that was over before
    the exit: a placement, but not "in employment upon leaving".
  - 74 start their pathway with ``rehabilitative_work`` (the first episode in
    order of start), with job coaching starting during it.
  - 61 have ``language_skill`` weak or none *and* ``foreign_background`` yes. One
    more has weak Finnish but refused the background question: not counted.
  - 67 have ``vocational_qualification`` false (half); 66 true, 2 unknown.
  - 128 were unemployed at entry, and their mean unemployment at first entry
    (first entry minus ``unemployed_since``) is exactly 1096 days (36.0 months,
    three years); 4 were inactive, 2 employed, 1 unknown.
  - First entries by year: 2015: 18, 2016: 45, 2017: 46, 2018: 26. Six re-entries.

- **Asylum-seeker strand**, 120 people with ``asylum_seeker`` yes (nobody else has
  yes): 72 ``tet`` episodes with ids ``tet-1``/``tet-2`` (58 people, 14 of them
  with two), of which 31 led to an ``employment`` spell (fixed-term) whose
  ``via_episode`` names the TET episode (26 open labour market, 5 subsidised); 79
  ``certificate_obtained`` hygiene passports and 42 occupational safety cards, at
  most one of each per person and nobody else with either, each dated at the end
  of a ``certificate_course`` episode. The courses are the operation's own
  training (``education`` spells with ``own_training`` true, which no result
  counts). Some of those without a job register as job seekers after leaving.
  First entries by year: 2016: 58, 2017: 44, 2018: 18. Two re-entries.

- **Comparison group**, 15 people in rehabilitative work in the association
  network without job coaching. They are invented, to make "job coaching
  shortened the rehabilitative periods" checkable: their ``rehabilitative_work``
  episodes last 200–420 days, those of the coached 74 last 60–200 days. First
  entries by year: 2015: 4, 2016: 7, 2017: 4.

The operating model and the instrument (see :mod:`hankemalli.demo._model`): KAIKU's
operating model, rehabilitative work activity in an association network plus job
coaching, made permanent in the City of Joensuu from 2017-01-01; and a generic
goal ladder of work-life readiness (four dimensions, five stages), on which every
job-coaching participant is assessed when coaching starts and reviewed when it
ends, except those who left for health reasons, moved away or stopped coming.

Situations (tilanteet) are spells with ends: permanent jobs, self-employment,
registered job seeking and some degree-oriented studies are open; fixed-term jobs
end 3–18 months after they begin and wage-subsidised ones 5–12 months (a
``wage_subsidy`` episode during participation is a subsidised job over by the exit);
the two people employed at entry hold a part-time job begun before it. Registered
job seeking ends the day before a job begins, and some who register after leaving
find a subsidised job within the 28 days (counted once, as employment). Where a
situation six months after leaving is recorded, the spells agree with it (a job
lost or a contract extended after the upon-leaving window). About half the leavers
have the situation at exit recorded (``exit_situation``), always as the spells give
it. All of this draws from random streams of its own, so the records' designed
counts above, which count starts, do not depend on it.

Ages at entry run from 17 to 63. Every period is closed: the programme ended on
2018-12-31, so the demo has no stayers at its end (a few people leave on that very
day). Seen from an earlier date, such as the end of 2017, people whose periods go on
are stayers. Events and spells may come after the programme: follow-ups six months
after exit reach into 2019.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from attrs import evolve

from ..model import (
    Dataset,
    ExitSituation,
    Funder,
    FunderKind,
    InformationSource,
    OrganisationKind,
    Participant,
    Participation,
    Partner,
    Programme,
    ProgrammingPeriod,
    ServiceType,
    Target,
    TargetMetric,
    TargetPeriod,
    derived_upon_leaving,
)
from ..serialization import write
from ._asylum import asylum_seekers
from ._coaching import comparison_group, job_coaching
from ._common import ASSOCIATIONS, END, ORGANISATION, START
from ._model import assessments, goal_ladder, kaiku_model

__all__ = ["JSON_PATH", "SEED", "build", "main", "programme"]

#: The seed of the demo dataset.
SEED = 20150801

#: Where the packaged demo document lives.
JSON_PATH = Path(__file__).with_name("kaiku.json")

S = ServiceType


def programme() -> Programme:
    """The KAIKU programme (hanke) as the demo describes it."""
    budget = Decimal(1_250_000)
    funders = (
        ("Euroopan sosiaalirahasto (ESR)", FunderKind.EU, "0.456"),
        ("Etelä-Savon ELY-keskus", FunderKind.STATE, "0.304"),
        ("Pohjois-Karjalan maakuntaliitto", FunderKind.REGIONAL, "0.04"),
        ("Joensuun kaupunki", FunderKind.MUNICIPAL, "0.12"),
        ("Kontiolahden kunta", FunderKind.MUNICIPAL, "0.03"),
        (ORGANISATION, FunderKind.OWN, "0.05"),
    )
    partners = (
        ("Joensuun kaupunki", OrganisationKind.MUNICIPALITY, "embedded the model from 2017"),
        ("Pohjois-Karjalan TE-toimisto", OrganisationKind.EMPLOYMENT_OFFICE, "referrals"),
        ("Siun sote", OrganisationKind.WELLBEING_SERVICES, "social work and social guidance"),
        ("Pohjois-Savon ELY-keskus", OrganisationKind.STATE_AUTHORITY, "piloted new services"),
        *((name, OrganisationKind.ASSOCIATION, "rehabilitative work") for name in ASSOCIATIONS),
    )
    year, whole = TargetPeriod.YEAR, TargetPeriod.PROGRAMME
    return Programme(
        id="kaiku-demo",
        name="KAIKU (synthetic demo data)",
        organisation=ORGANISATION,
        start=START,
        end=END,
        # Funded from the ESF 2014–2020 period, as KAIKU was; also its default by date.
        programming_period=ProgrammingPeriod.ESF_2014_2020,
        areas=("Joensuu", "Kontiolahti"),
        funders=tuple(
            Funder(
                name=name,
                kind=kind,
                share=Decimal(share),
                amount=(Decimal(share) * budget).quantize(Decimal(1)),
            )
            for name, kind, share in funders
        ),
        target_groups=(
            "people moving from rehabilitative work activity to education or work",
            "immigrants who need support to find work",
            "asylum seekers who want to get to know Finnish working life",
            "associations interested in offering rehabilitative work activity",
        ),
        targets=(
            Target(metric=TargetMetric.PARTICIPANTS, per=whole, minimum=250),
            Target(metric=TargetMetric.NEW_PARTICIPANTS, per=year, minimum=40, maximum=80),
            Target(metric=TargetMetric.AVERAGE_CONCURRENT, per=year, minimum=30, maximum=60),
            Target(metric=TargetMetric.PLACEMENTS, per=whole, minimum=50),
        ),
        services=(
            S.JOB_COACHING,
            S.REHABILITATIVE_WORK,
            S.WORK_TRIAL,
            S.WAGE_SUBSIDY,
            S.TET,
            S.CERTIFICATE_COURSE,
            S.WORKLIFE_LANGUAGE_COACHING,
            S.TOWARDS_VOCATIONAL_EDUCATION,
            S.SUPPORTED_JOB_SEARCH,
            S.ENTREPRENEURSHIP_COACHING,
            S.VOLUNTEERING,
            S.OTHER,
        ),
        partners=tuple(Partner(name=name, kind=kind, role=role) for name, kind, role in partners),
    )


def exit_situation(rng: random.Random, record: Participation) -> ExitSituation | None:
    """The situation recorded at the last exit, for about half the leavers; else None.

    It agrees with the spells (what :func:`~hankemalli.derived_upon_leaving` gives),
    as a careful organisation's record would: the rules flag any disagreement.
    """
    derived = derived_upon_leaving(record)
    if derived is None or record.last_exit is None or rng.random() >= 0.5:
        return None
    return ExitSituation(
        date=record.last_exit,
        status=derived.status,
        in_education=derived.in_education,
        source=rng.choice(
            (InformationSource.PARTICIPANT_REPORTED,) * 3 + (InformationSource.DOCUMENT,)
        ),
    )


def build(seed: int = SEED) -> Dataset:
    """The demo dataset: the programme and its 270 invented participant records."""
    rng = random.Random(seed)
    # What only spells have (their ends and more) draws from a stream of its own, so
    # the main stream, and the records' designed counts, stay as they were.
    more = random.Random(f"{seed}:situations")
    records = [
        *job_coaching(rng, more),
        *asylum_seekers(rng, more),
        *comparison_group(rng, more),
    ]
    records.sort(key=lambda r: r.periods[0].entry)  # stable: ties keep the build order
    participants = tuple(
        Participation(
            participant=Participant(id=f"K-{number:04d}", age_at_entry=r.age),
            profile=r.profile,
            periods=r.periods,
            episodes=r.episodes,
            situations=r.situations,
            events=r.events,
        )
        for number, r in enumerate(records, start=1)
    )
    # The situation at exit draws from a stream of its own, too.
    snapshots = random.Random(f"{seed}:exit-situation")
    participants = tuple(
        evolve(p, exit_situation=exit_situation(snapshots, p)) for p in participants
    )
    # The goal ladder draws from a stream of its own: the records above stay as they are.
    ladder = random.Random(f"{seed}:goal-ladder")
    participants = tuple(evolve(p, assessments=assessments(ladder, p)) for p in participants)
    return Dataset(
        programme=programme(),
        participants=participants,
        operating_models=(kaiku_model(),),
        instruments=(goal_ladder(),),
    )


def main() -> None:
    """Rewrite the packaged ``kaiku.json`` from :func:`build`."""
    write(build(), JSON_PATH)
    print(f"wrote {JSON_PATH}")


if __name__ == "__main__":
    main()
