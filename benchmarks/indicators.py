"""Benchmark: the full indicator catalogue over generated datasets (not a test).

Generates participant records in memory (plausible, random, seeded), then times
one pass of :func:`hankemalli.indicators.compute` with every catalogue
(ESF+ 2021, ESF 2014 and the seed figures) over the whole programme period, and
prints the time per participant. A second pass streams the records from a
generator under ``tracemalloc`` to show that the calculation's memory follows
the report, not the number of records.

Run:  python benchmarks/indicators.py            (10 000 and 100 000 participants)
      python benchmarks/indicators.py 5000 20000 (other sizes)
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from collections.abc import Iterator

import pendulum

import hankemalli as h
from hankemalli import indicators as ind

START, END = pendulum.date(2015, 8, 1), pendulum.date(2018, 12, 31)
SPAN = (END - START).in_days()
CATALOGUE = ind.ESF_PLUS_2021 + ind.ESF_2014 + ind.SEED_FIGURES
SERVICES = list(h.ServiceType)[:-1]


def record(rng: random.Random, index: int) -> h.Participation:
    """One plausible random participant record, with a job or job seeking after exit."""
    entry = START.add(days=rng.randrange(SPAN - 60))
    stay = rng.randrange(14, 400)
    exit_ = entry.add(days=stay)
    exit_ = exit_ if exit_ <= END and rng.random() < 0.9 else None
    last = exit_ or END
    status = rng.choice(list(h.LabourMarketStatus))
    episodes = []
    day = entry
    for n in range(rng.randrange(0, 4)):
        if day >= last:
            break
        end = min(last, day.add(days=rng.randrange(5, 120)))
        episodes.append(
            h.ServiceEpisode(service=rng.choice(SERVICES), start=day, end=end, id=f"e{n}")
        )
        day = end
    spells: list[h.SituationSpell] = []
    events: list[h.OutcomeEvent] = []
    if exit_ is not None and rng.random() < 0.5:
        start = exit_.add(days=rng.randrange(0, 40))
        spells.append(
            h.Employment(
                start=start,
                end=start.add(days=rng.randrange(30, 400)) if rng.random() < 0.5 else None,
                source=h.InformationSource.REGISTER,
                kind=rng.choice(list(h.EmploymentKind)),
                via_episode=episodes[-1].id if episodes and rng.random() < 0.3 else None,
            )
        )
    elif exit_ is not None and rng.random() < 0.5:
        spells.append(
            h.JobSeeking(
                start=exit_.add(days=rng.randrange(0, 40)), source=h.InformationSource.REGISTER
            )
        )
    if exit_ is not None and rng.random() < 0.4:
        events.append(
            h.SituationAfterSixMonths(
                date=exit_.add(months=6, days=rng.randrange(0, 30)),
                source=h.InformationSource.REGISTER,
                situation=rng.choice(list(h.SituationKind)),
            )
        )
    return h.Participation(
        participant=h.Participant(id=f"B-{index:07}", age_at_entry=rng.randrange(16, 66)),
        profile=h.EntryProfile(
            gender=rng.choice(list(h.Gender)),
            labour_market_status=status,
            unemployed_since=entry.subtract(days=rng.randrange(0, 2000))
            if status is h.LabourMarketStatus.UNEMPLOYED
            else None,
            education=rng.choice([*h.IscedBand, None]),
            vocational_qualification=rng.random() < 0.5,
            language_skill=rng.choice(list(h.LanguageSkill)),
            foreign_background=rng.choice(list(h.Answer)),
            disability=rng.choice(list(h.Answer)),
        ),
        periods=(h.ParticipationPeriod(entry=entry, exit=exit_),),
        episodes=tuple(episodes),
        situations=tuple(spells),
        events=tuple(events),
    )


def records(n: int, seed: int = 2015) -> Iterator[h.Participation]:
    """``n`` records from ``seed``, generated one at a time."""
    rng = random.Random(seed)
    return (record(rng, i) for i in range(n))


def bench(n: int) -> None:
    """Time the catalogues over ``n`` records and measure the streamed peak memory."""
    period = ind.ReportingPeriod(start=START, end=END)
    as_of = pendulum.date(2019, 12, 31)
    started = time.perf_counter()
    data = list(records(n))
    built = time.perf_counter() - started

    started = time.perf_counter()
    result = ind.compute(CATALOGUE, data, period=period, as_of=as_of)
    elapsed = time.perf_counter() - started

    del data
    tracemalloc.start()
    ind.compute(CATALOGUE, records(n), period=period, as_of=as_of)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"{n:>7} participants, {len(CATALOGUE)} indicators: {elapsed:6.2f} s "
        f"({elapsed / n * 1e6:6.1f} µs per participant); "
        f"streamed peak memory {peak / 1e6:5.2f} MB; "
        f"EECO01 = {result['EECO01'].numerator} (records built in {built:.1f} s)"
    )


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    for size in sizes:
        bench(size)
