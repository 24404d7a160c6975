"""Embedding hankemalli: another system keeps its records in SQLite; hankemalli counts.

An association's own client system (here: a few SQLite tables with its own names and
codes, built in memory with invented data) stays the place where the records live.
A small adapter *outside* the library reads its rows into hankemalli's model objects,
one participant at a time (a generator, so nothing needs to fit in memory), and the
library does the rest:

1. rows that break the rules of the domain are reported with their JSON path and the
   table row they came from, and left out;
2. ``hankemalli.rules.check_dataset`` returns findings (completeness, consistency) on
   the records that could be built;
3. ``hankemalli.indicators.compute`` computes the ESF+ common indicators, and
   ``check_results`` checks them against each other (Annex D).

The system keeps what followed a stay as periods with a start and an optional end (a
job, a study, registered job seeking: table ``spell``), which become hankemalli's
situation spells, and for some clients the situation it recorded when they left (table
``leaving``), which becomes the exit situation the results upon leaving count from.

Run: ``python examples/embedding/sqlite_adapter.py``
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pendulum

from hankemalli import (
    Answer,
    DataError,
    Education,
    EducationKind,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitSituation,
    Gender,
    InformationSource,
    IscedBand,
    JobSeeking,
    LabourMarketStatus,
    LeavingStatus,
    Participant,
    Participation,
    ParticipationPeriod,
    Programme,
    ServiceEpisode,
    ServiceType,
    SituationSpell,
)
from hankemalli.indicators import ESF_PLUS_2021, ReportingPeriod, check_results, compute
from hankemalli.rules import check_dataset

# ---------------------------------------------------------------------------------------
# The other system: its own schema, its own codes. Nothing here knows of hankemalli.

SCHEMA = """
CREATE TABLE project (code TEXT, title TEXT, organisation TEXT, starts TEXT, ends TEXT);
CREATE TABLE client (
    pseudonym TEXT PRIMARY KEY, age INTEGER, sex TEXT, situation TEXT,
    jobless_since TEXT, schooling TEXT, foreign_born TEXT
);
CREATE TABLE stay (client TEXT REFERENCES client, came TEXT, went TEXT);
CREATE TABLE activity (client TEXT REFERENCES client, kind TEXT, began TEXT, finished TEXT);
CREATE TABLE spell (client TEXT REFERENCES client, kind TEXT, began TEXT, ended TEXT);
CREATE TABLE leaving (
    client TEXT PRIMARY KEY REFERENCES client, dated TEXT, status TEXT, studying INTEGER
);
"""


def fill(db: sqlite3.Connection, seed: int = 2022) -> None:
    """Invented clients of a 2022–2024 project, with one bad row and one gap on purpose.

    A job or a study may end; job seeking goes on. For about half the clients the
    system recorded the situation when they left, four weeks on, as its spells give it.
    """
    rng = random.Random(seed)
    ends = random.Random(f"{seed}:ends")  # its own stream: the rows above stay as they were
    db.executescript(SCHEMA)
    db.execute(
        "INSERT INTO project VALUES (?, ?, ?, ?, ?)",
        ("tyopaja-2022", "Työpaja 2022–2024", "Esimerkkiyhdistys ry", "2022-01-01", "2024-12-31"),
    )
    start = pendulum.date(2022, 1, 1)
    for n in range(1, 41):
        who = f"TP-{n:03d}"
        came = start.add(days=rng.randint(0, 900))
        went = came.add(days=rng.randint(60, 200))
        situation = rng.choice(["U", "U", "U", "I", "E"])
        jobless = came.subtract(months=rng.randint(2, 40)).isoformat() if situation == "U" else None
        schooling = None if n == 7 else rng.choice(["basic", "vocational", "university"])
        db.execute(
            "INSERT INTO client VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                who,
                rng.randint(17, 62),
                rng.choice("FMFMX"),
                situation,
                jobless,
                schooling,
                rng.choice(["y", "n", "n", "-"]),
            ),
        )
        if n == 12:
            went = came.subtract(days=30)  # a typing error: the stay ends before it began
        db.execute("INSERT INTO stay VALUES (?, ?, ?)", (who, came.isoformat(), went.isoformat()))
        kind = rng.choice(["workshop", "workshop", "coaching"])
        db.execute(
            "INSERT INTO activity VALUES (?, ?, ?, ?)",
            (who, kind, came.isoformat(), went.isoformat()),
        )
        outcome = rng.choice(["job", "study", "search", None])
        if outcome and n != 12:
            began = went.add(days=rng.randint(0, 20))
            ended = None
            if outcome != "search" and ends.random() < 0.4:
                ended = began.add(days=ends.randint(60, 400))
            db.execute(
                "INSERT INTO spell VALUES (?, ?, ?, ?)",
                (who, outcome, began.isoformat(), ended and ended.isoformat()),
            )
        if n != 12 and ends.random() < 0.5:
            # Four weeks on, the job or job seeking (begun within 20 days) goes on.
            status = {"job": "W", "search": "S"}.get(outcome or "", "O")
            db.execute(
                "INSERT INTO leaving VALUES (?, ?, ?, ?)",
                (who, went.isoformat(), status, int(outcome == "study")),
            )


# ---------------------------------------------------------------------------------------
# The adapter: the other system's rows into hankemalli's model objects.

GENDERS = {"F": Gender.WOMAN, "M": Gender.MAN, "X": Gender.NON_BINARY}
SITUATIONS = {
    "U": LabourMarketStatus.UNEMPLOYED,
    "I": LabourMarketStatus.INACTIVE,
    "E": LabourMarketStatus.EMPLOYED,
}
SCHOOLING = {
    "basic": IscedBand.ISCED_0_2,
    "vocational": IscedBand.ISCED_3_4,
    "university": IscedBand.ISCED_5_8,
}
ANSWERS = {"y": Answer.YES, "n": Answer.NO, "-": Answer.REFUSED}
ACTIVITIES = {"workshop": ServiceType.REHABILITATIVE_WORK, "coaching": ServiceType.JOB_COACHING}
SOURCE = InformationSource.PARTICIPANT_REPORTED
SPELLS: dict[str, Callable[[pendulum.Date, pendulum.Date | None], SituationSpell]] = {
    "job": lambda began, ended: Employment(
        start=began, end=ended, source=SOURCE, kind=EmploymentKind.OPEN_LABOUR_MARKET
    ),
    "study": lambda began, ended: Education(
        start=began,
        end=ended,
        source=SOURCE,
        kind=EducationKind.VOCATIONAL,
        degree_oriented=True,
    ),
    "search": lambda began, ended: JobSeeking(start=began, end=ended, source=SOURCE),
}
LEAVING = {
    "W": LeavingStatus.EMPLOYED,
    "S": LeavingStatus.JOB_SEARCHING,
    "O": LeavingStatus.INACTIVE,
}


def day(text: str | None) -> pendulum.Date | None:
    """An ISO date of the other system as a pendulum Date."""
    return None if text is None else pendulum.Date.fromisoformat(text)


def read_programme(db: sqlite3.Connection) -> Programme:
    """The project row as a hankemalli Programme."""
    code, title, organisation, starts, ends = db.execute("SELECT * FROM project").fetchone()
    return Programme(
        id=code,
        name=title,
        organisation=organisation,
        start=pendulum.Date.fromisoformat(starts),
        end=pendulum.Date.fromisoformat(ends),
    )


def rows(
    db: sqlite3.Connection, table: str, who: str, by: str
) -> list[tuple[int, tuple[Any, ...]]]:
    """A client's rows of ``table`` in order of ``by``, each with its row id."""
    found = db.execute(f"SELECT rowid, * FROM {table} WHERE client = ? ORDER BY {by}", (who,))
    return [(rowid, values) for rowid, _, *values in found]


T = TypeVar("T")


def build_all(
    name: str, table: str, found: list[tuple[int, tuple[Any, ...]]], make: Callable[..., T]
) -> tuple[tuple[T, ...], list[str]]:
    """Build one model object per row; a problem says its JSON path and its row."""
    built, problems = [], []
    for index, (rowid, values) in enumerate(found):
        try:
            built.append(make(*values))
        except DataError as error:
            problems += [f"{table} row {rowid}: {p}" for p in error.under(name, index).details]
    return tuple(built), problems


def read_records(
    db: sqlite3.Connection, rejected: list[str] | None = None
) -> Iterator[Participation]:
    """Yield one Participation per client, reading the rows as it goes.

    A client whose rows break a rule of the domain is not yielded; each problem is
    added to ``rejected``, with the table row it came from and its JSON path.
    """
    clients = db.execute("SELECT * FROM client ORDER BY pseudonym")
    for who, age, sex, situation, jobless, schooling, foreign in clients:
        periods, bad_periods = build_all(
            "periods",
            "stay",
            rows(db, "stay", who, by="came"),
            lambda came, went: ParticipationPeriod(entry=day(came), exit=day(went)),
        )
        episodes, bad_episodes = build_all(
            "episodes",
            "activity",
            rows(db, "activity", who, by="began"),
            lambda kind, began, ended: ServiceEpisode(
                service=ACTIVITIES[kind], start=day(began), end=day(ended)
            ),
        )
        situations, bad_spells = build_all(
            "situations",
            "spell",
            rows(db, "spell", who, by="began"),
            lambda kind, began, ended: SPELLS[kind](day(began), day(ended)),
        )
        exits, bad_exits = build_all(
            "exit_situation",
            "leaving",
            rows(db, "leaving", who, by="dated"),
            lambda dated, status, studying: ExitSituation(
                date=day(dated), status=LEAVING[status], in_education=bool(studying), source=SOURCE
            ),
        )
        problems = bad_periods + bad_episodes + bad_spells + bad_exits
        if not problems:
            try:
                record = Participation(
                    participant=Participant(id=who, age_at_entry=age),
                    profile=EntryProfile(
                        gender=GENDERS.get(sex),
                        labour_market_status=SITUATIONS.get(situation),
                        unemployed_since=day(jobless),
                        education=SCHOOLING.get(schooling),
                        foreign_background=ANSWERS.get(foreign, Answer.NOT_ASKED),
                    ),
                    periods=periods,
                    episodes=episodes,
                    situations=situations,
                    exit_situation=exits[0] if exits else None,
                )
            except DataError as error:
                problems = [f"client row: {p}" for p in error.details]
            else:
                yield record
                continue
        if rejected is not None:
            rejected += [f"{who}, {problem}" for problem in problems]


# ---------------------------------------------------------------------------------------
# Using it.


def noting_ids(records: Iterator[Participation], ids: list[str]) -> Iterator[Participation]:
    """Pass records on, noting each one's pseudonym."""
    for record in records:
        ids.append(record.id)
        yield record


def main() -> None:
    db = sqlite3.connect(":memory:")
    fill(db)
    programme = read_programme(db)
    print(f"{programme.name} ({programme.organisation}), {programme.start}–{programme.end}")

    # First pass: the rules. A finding's path counts the records read, so remember
    # whose record each one was.
    rejected: list[str] = []
    read: list[str] = []
    findings = check_dataset(noting_ids(read_records(db, rejected), read), programme)
    print()
    print(f"Rows left out ({len(rejected)}):")
    for line in rejected:
        print(f"  {line}")
    print(f"Findings on the {len(read)} records read ({len(findings)}):")
    for finding in findings:
        print(f"  {read[int(finding.path[1])]}, {finding}")

    # A second pass for the figures: the generator reads the tables again, row by row.
    period = ReportingPeriod(start=programme.start, end=programme.end)
    results = compute(
        ESF_PLUS_2021, read_records(db), period=period, as_of=pendulum.date(2025, 1, 31)
    )
    print()
    print(f"ESF+ common indicators, {period}:")
    for indicator in ESF_PLUS_2021.values():
        figure = results[indicator.code]
        if figure.numerator:
            print(f"  {indicator.code:<10}{figure.numerator:>4}  {indicator.labels.en}")
    problems = check_results(results, ESF_PLUS_2021)
    print(f"Aggregate checks (Annex D): {'; '.join(map(str, problems)) or 'all pass'}")


if __name__ == "__main__":
    main()
