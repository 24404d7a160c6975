"""Every window edge and date boundary the engine uses, pinned one day either side.

Rules (docs/indicators.md): "upon leaving" is the exit day and the 28 days after it,
both included (``CountingRules.upon_leaving_days``; SFC2021 FAQ); "six months after
leaving" is from the date six calendar months after the exit, month arithmetic
clamped to the month's end (31 August -> 28/29 February), up to and including
``follow_up_days`` (28) days after it (Regulation (EU) 2021/1057 and No 1304/2013,
Annex I); a qualification counts from the first entry to 28 days after the exit;
long-term unemployed is *more than* 6 months (under 25) or 12 months (25 or over)
under the EU rule, *at least* 12 months under the Finnish rule; ages are in completed
years at entry, both ends of a band included; a record is known as of ``as_of``
(nothing dated after it); a leaver belongs to the period that contains the exit.

Each record has the date that matters exactly on an edge, or one or two days either
side, with exits on month ends and in leap years. Two things are checked:

* the figure the rule itself gives (worked out here with this file's own calendar
  arithmetic, not the library's), on the engine as it is;
* the compiled engine (issue 14) gives the figures of the reference interpretation
  (``interpreted()``) for every shipped catalogue, by ``compute`` and by ``feed``
  over several periods at once. Where ``interpreted`` does not exist (an engine from
  before compilation) only the first kind of check runs, and ``feed`` is compared
  with ``compute``.
"""

from __future__ import annotations

import calendar
import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hankemalli as h
from hankemalli import indicators as ind
from hankemalli.reporting import catalogue_for

try:
    from hankemalli.indicators._compiled import interpreted as _interpreted
except ImportError:  # an engine from before compilation: nothing to compare with
    _interpreted = None

Interpreted: Callable[[], contextlib.AbstractContextManager[None]] | None = _interpreted

D = pendulum.date
AS_OF = D(2026, 12, 31)
EU = ind.CountingRules()
FINNISH = ind.CountingRules(long_term_unemployment=ind.LongTermUnemploymentRule.FINNISH)
SOURCE = h.InformationSource.PARTICIPANT_REPORTED
PROGRAMMES = (
    h.Programme(id="P14", name="P14", organisation="O", start=D(2015, 1, 1), end=D(2020, 12, 31)),
    h.Programme(id="P21", name="P21", organisation="O", start=D(2022, 1, 1), end=D(2027, 12, 31)),
)
CATALOGUES = (
    ind.ESF_PLUS_2021,
    ind.ESF_2014,
    *(catalogue_for(p) for p in PROGRAMMES),
)

#: Exit dates on month ends, leap days and year ends, in leap and common years.
MONTH_ENDS = (
    D(2016, 1, 31),  # + 1 month: 29 Feb 2016; + 6: 31 Jul
    D(2017, 1, 31),  # + 1 month: 28 Feb 2017
    D(2016, 2, 29),  # leap day: + 6 -> 29 Aug
    D(2017, 2, 28),
    D(2015, 8, 31),  # + 6 -> 29 Feb 2016
    D(2016, 8, 31),  # + 6 -> 28 Feb 2017 (the docs' example)
    D(2019, 8, 31),  # + 6 -> 29 Feb 2020
    D(2015, 12, 31),  # + 6 -> 30 Jun 2016
    D(2016, 12, 31),
    D(2016, 6, 30),  # + 6 -> 30 Dec (not 31)
    D(2017, 3, 31),  # + 6 -> 30 Sep
    D(2016, 7, 31),  # + 6 -> 31 Jan, across the year end
    D(2019, 12, 31),  # + 28 days -> 28 Jan 2020; + 6 months -> 30 Jun 2020
    D(2020, 2, 29),
)


# --- this file's own calendar arithmetic (the rule, not the library) ------------------


def plus_months(day: pendulum.Date, months: int) -> pendulum.Date:
    """``day`` plus calendar months, clamped to the last day of the month reached."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return D(year, month0 + 1, min(day.day, last))


def plus_days(day: pendulum.Date, days: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(day.toordinal() + days)


def test_this_files_calendar_arithmetic_is_the_calendar() -> None:
    assert plus_months(D(2016, 8, 31), 6) == D(2017, 2, 28)
    assert plus_months(D(2015, 8, 31), 6) == D(2016, 2, 29)
    assert plus_months(D(2016, 1, 31), 1) == D(2016, 2, 29)
    assert plus_months(D(2017, 1, 31), 1) == D(2017, 2, 28)
    assert plus_months(D(2016, 7, 31), 6) == D(2017, 1, 31)
    assert plus_months(D(2016, 6, 30), 6) == D(2016, 12, 30)
    assert plus_months(D(2017, 3, 1), -12) == D(2016, 3, 1)
    assert plus_months(D(2016, 2, 29), -12) == D(2015, 2, 28)
    assert plus_days(D(2016, 2, 1), 28) == D(2016, 2, 29)
    assert plus_days(D(2019, 12, 31), 28) == D(2020, 1, 28)


# --- records ---------------------------------------------------------------------------


def record(
    *,
    periods: Sequence[tuple[pendulum.Date, pendulum.Date | None]],
    age: int = 30,
    status: h.LabourMarketStatus = h.LabourMarketStatus.UNEMPLOYED,
    since: pendulum.Date | None = None,
    events: Sequence[h.OutcomeEvent] = (),
    situations: Sequence[h.SituationSpell] = (),
    pid: str = "P-1",
) -> h.Participation:
    return h.Participation(
        participant=h.Participant(id=pid, age_at_entry=age),
        profile=h.EntryProfile(
            gender=h.Gender.WOMAN,
            labour_market_status=status,
            unemployed_since=since,
            education=h.IscedBand.ISCED_0_2,
        ),
        periods=tuple(h.ParticipationPeriod(entry=a, exit=b) for a, b in periods),
        events=tuple(events),
        situations=tuple(situations),
    )


def job(start: pendulum.Date, end: pendulum.Date | None = None) -> h.Employment:
    return h.Employment(
        start=start,
        end=end,
        source=h.InformationSource.REGISTER,
        kind=h.EmploymentKind.OPEN_LABOUR_MARKET,
    )


def follow_up(day: pendulum.Date, improvement: h.ImprovementKind | None = None) -> h.OutcomeEvent:
    return h.SituationAfterSixMonths(
        date=day, source=SOURCE, situation=h.SituationKind.EMPLOYED, improvement=improvement
    )


def qualification(day: pendulum.Date) -> h.OutcomeEvent:
    return h.QualificationGained(date=day, source=SOURCE, kind=h.EducationKind.VOCATIONAL)


# --- computing, and comparing with the reference ----------------------------------------


def _periods_around(period: ind.ReportingPeriod) -> list[ind.ReportingPeriod]:
    """The period itself and the years around it: runs that differ only in period."""
    years = range(period.start.year - 1, period.end.year + 2)
    found = [period, *(ind.ReportingPeriod.year(y) for y in years)]
    return list(dict.fromkeys(found))


def _fed(
    records: list[h.Participation],
    periods: list[ind.ReportingPeriod],
    as_of: pendulum.Date,
    rules: ind.CountingRules,
) -> list[list[Any]]:
    runs_by_catalogue = [
        [
            ind.Calculation(
                indicators=catalogue, context=ind.Context(period=p, as_of=as_of, rules=rules)
            ).start()
            for p in periods
        ]
        for catalogue in CATALOGUES
    ]
    ind.feed([run for runs in runs_by_catalogue for run in runs], records)
    return [[run.results() for run in runs] for runs in runs_by_catalogue]


def _computed(
    records: list[h.Participation],
    periods: list[ind.ReportingPeriod],
    as_of: pendulum.Date,
    rules: ind.CountingRules,
) -> list[list[Any]]:
    return [
        [ind.compute(catalogue, records, period=p, as_of=as_of, rules=rules) for p in periods]
        for catalogue in CATALOGUES
    ]


@contextlib.contextmanager
def _reference() -> Iterator[None]:
    assert Interpreted is not None
    with Interpreted():
        yield


def figures(
    records: list[h.Participation],
    period: ind.ReportingPeriod,
    as_of: pendulum.Date = AS_OF,
    rules: ind.CountingRules = EU,
) -> ind.Results:
    """The period's ESF+ and ESF 2014 figures (one mapping), checked every way it can be.

    The compiled engine by ``compute`` and by ``feed`` (several periods at once) give the
    same figures, and, where ``interpreted()`` exists, the reference gives them too.
    """
    periods = _periods_around(period)
    computed = _computed(records, periods, as_of, rules)
    fed = _fed(records, periods, as_of, rules)
    assert fed == computed, "feed (several periods at once) differs from compute"
    if Interpreted is not None:
        with _reference():
            assert _computed(records, periods, as_of, rules) == computed, (
                "compiled compute differs from interpreted()"
            )
            assert _fed(records, periods, as_of, rules) == fed, (
                "compiled feed differs from interpreted()"
            )
    merged: dict[str, Any] = {}
    for per_catalogue in computed[:2]:
        merged.update(per_catalogue[0])
    return merged  # type: ignore[return-value]


def counted(results: Any, *codes: str) -> list[int]:
    return [results[code].numerator for code in codes]


def year_of(day: pendulum.Date) -> ind.ReportingPeriod:
    return ind.ReportingPeriod.year(day.year)


def leaver(exit_: pendulum.Date, **kw: Any) -> h.Participation:
    return record(periods=((plus_days(exit_, -90), exit_),), **kw)


# --- example tests: each edge, on it and one day either side -----------------------------


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_job_begun_on_the_last_day_of_upon_leaving_counts_one_day_later_does_not(
    exit_: pendulum.Date, offset: int
) -> None:
    start = plus_days(exit_, 28 + offset)
    results = figures([leaver(exit_, situations=(job(start),))], year_of(exit_))
    expected = 1 if offset <= 0 else 0
    assert counted(results, "EECR04", "CR04") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_qualification_counts_from_the_first_entry_to_28_days_after_the_exit(
    exit_: pendulum.Date, offset: int
) -> None:
    late = leaver(exit_, events=(qualification(plus_days(exit_, 28 + offset)),))
    results = figures([late], year_of(exit_))
    expected = 1 if offset <= 0 else 0
    assert counted(results, "EECR03", "CR03") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_follow_up_counts_from_six_calendar_months_after_the_exit(
    exit_: pendulum.Date, offset: int
) -> None:
    six = plus_months(exit_, 6)
    results = figures([leaver(exit_, events=(follow_up(plus_days(six, offset)),))], year_of(exit_))
    expected = 1 if offset >= 0 else 0
    assert counted(results, "EECR05", "CR06") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_follow_up_counts_up_to_28_days_after_the_six_month_date(
    exit_: pendulum.Date, offset: int
) -> None:
    last = plus_days(plus_months(exit_, 6), 28)
    results = figures([leaver(exit_, events=(follow_up(plus_days(last, offset)),))], year_of(exit_))
    expected = 1 if offset <= 0 else 0
    assert counted(results, "EECR05", "CR06") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_an_improvement_counts_only_inside_the_six_month_follow_up_window(
    exit_: pendulum.Date, offset: int
) -> None:
    six = plus_months(exit_, 6)
    improved = h.ImprovementKind.PRECARIOUS_TO_STABLE
    early = leaver(
        exit_,
        status=h.LabourMarketStatus.EMPLOYED,
        pid="early",
        events=(follow_up(plus_days(six, offset), improved),),
    )
    late = leaver(
        exit_,
        status=h.LabourMarketStatus.EMPLOYED,
        pid="late",
        events=(follow_up(plus_days(six, 28 + offset), improved),),
    )
    results = figures([early, late], year_of(exit_))
    expected = (1 if offset >= 0 else 0) + (1 if offset <= 0 else 0)
    assert counted(results, "EECR06", "CR07") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_without_a_follow_up_a_closed_job_must_cover_the_six_month_date(
    exit_: pendulum.Date, offset: int
) -> None:
    six = plus_months(exit_, 6)
    begun = leaver(
        exit_, pid="begun", situations=(job(plus_days(six, offset), plus_days(six, 90)),)
    )
    ended = leaver(
        exit_, pid="ended", situations=(job(plus_days(exit_, 5), plus_days(six, offset)),)
    )
    results = figures([begun, ended], year_of(exit_))
    expected = (1 if offset <= 0 else 0) + (1 if offset >= 0 else 0)
    assert counted(results, "EECR05", "CR06") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_follow_up_dated_after_as_of_is_not_known_yet(exit_: pendulum.Date, offset: int) -> None:
    six = plus_months(exit_, 6)
    as_of = plus_days(six, offset)
    results = figures([leaver(exit_, events=(follow_up(six),))], year_of(exit_), as_of=as_of)
    expected = 1 if offset >= 0 else 0
    assert counted(results, "EECR05", "CR06") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_job_begun_on_as_of_inside_the_upon_leaving_window_counts(
    exit_: pendulum.Date, offset: int
) -> None:
    start = plus_days(exit_, 10)
    as_of = plus_days(start, offset)
    results = figures([leaver(exit_, situations=(job(start),))], year_of(exit_), as_of=as_of)
    expected = 1 if offset >= 0 else 0
    assert counted(results, "EECR04", "CR04") == [expected, expected]


@pytest.mark.parametrize("exit_", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_a_leaver_belongs_to_the_period_that_contains_the_exit(
    exit_: pendulum.Date, offset: int
) -> None:
    ending = ind.ReportingPeriod(start=plus_days(exit_, -400), end=plus_days(exit_, offset))
    starting = ind.ReportingPeriod(start=plus_days(exit_, offset), end=plus_days(exit_, 400))
    person = leaver(exit_, situations=(job(exit_),))
    assert counted(figures([person], ending), "EELEAVERS", "EECR04") == [int(offset >= 0)] * 2
    assert counted(figures([person], starting), "EELEAVERS", "EECR04") == [int(offset <= 0)] * 2


@pytest.mark.parametrize("entry", MONTH_ENDS, ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_an_entrant_belongs_to_the_period_that_contains_the_entry(
    entry: pendulum.Date, offset: int
) -> None:
    person = record(periods=((entry, plus_days(entry, 40)),))
    ending = ind.ReportingPeriod(start=plus_days(entry, -400), end=plus_days(entry, offset))
    starting = ind.ReportingPeriod(start=plus_days(entry, offset), end=plus_days(entry, 400))
    assert counted(figures([person], ending), "EECO01", "CO01") == [int(offset >= 0)] * 2
    assert counted(figures([person], starting), "EECO01", "CO01") == [int(offset <= 0)] * 2


@pytest.mark.parametrize("entry", [*MONTH_ENDS, D(2016, 3, 15), D(2017, 3, 1)], ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
@pytest.mark.parametrize("age", [24, 25, 30])
def test_long_term_unemployment_is_more_than_6_or_12_months_by_the_eu_rule(
    entry: pendulum.Date, offset: int, age: int
) -> None:
    months = 6 if age < 25 else 12
    since = plus_days(plus_months(entry, -months), offset)
    person = record(periods=((entry, None),), age=age, since=since)
    # Month arithmetic from ``since`` (clamping is not invertible: 28 Feb + 6 months is
    # 28 Aug, so someone unemployed since 28 Feb entering on 31 Aug is long-term).
    expected = int(plus_months(since, months) < entry)
    if entry.day < 28:
        assert expected == int(offset < 0)
    assert counted(figures([person], year_of(entry)), "EECO03", "CO02") == [expected] * 2


@pytest.mark.parametrize("entry", [*MONTH_ENDS, D(2016, 3, 15), D(2017, 3, 1)], ids=str)
@pytest.mark.parametrize("offset", [-1, 0, 1])
@pytest.mark.parametrize("age", [24, 30])
def test_long_term_unemployment_is_at_least_12_months_by_the_finnish_rule(
    entry: pendulum.Date, offset: int, age: int
) -> None:
    since = plus_days(plus_months(entry, -12), offset)
    person = record(periods=((entry, None),), age=age, since=since)
    expected = int(plus_months(since, 12) <= entry)
    if entry.day < 28:
        assert expected == int(offset <= 0)
    results = figures([person], year_of(entry), rules=FINNISH)
    assert counted(results, "EECO03", "CO02") == [expected] * 2


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (17, {"EECO06": 1, "EECO07": 0, "EECO08": 0, "CO06": 1, "CO07": 0}),
        (18, {"EECO06": 0, "EECO07": 1, "EECO08": 0, "CO06": 1, "CO07": 0}),
        (24, {"EECO06": 0, "EECO07": 1, "EECO08": 0, "CO06": 1, "CO07": 0}),
        (25, {"EECO06": 0, "EECO07": 1, "EECO08": 0, "CO06": 0, "CO07": 0}),
        (29, {"EECO06": 0, "EECO07": 1, "EECO08": 0, "CO06": 0, "CO07": 0}),
        (30, {"EECO06": 0, "EECO07": 0, "EECO08": 0, "CO06": 0, "CO07": 0}),
        (54, {"EECO06": 0, "EECO07": 0, "EECO08": 0, "CO06": 0, "CO07": 0}),
        (55, {"EECO06": 0, "EECO07": 0, "EECO08": 1, "CO06": 0, "CO07": 1}),
    ],
)
def test_age_bands_include_both_ends(age: int, expected: dict[str, int]) -> None:
    person = record(periods=((D(2016, 2, 29), None),), age=age)
    results = figures([person], ind.ReportingPeriod.year(2016))
    assert {code: results[code].numerator for code in expected} == expected


def test_re_entry_the_windows_count_from_the_last_exit_known_on_as_of() -> None:
    first_exit, second_exit = D(2016, 8, 31), D(2017, 8, 31)
    periods = ((D(2016, 3, 1), first_exit), (D(2017, 3, 1), second_exit))
    events = (follow_up(plus_months(first_exit, 6)),)  # 28 Feb 2017: before the return
    person = record(periods=periods, events=events)
    # Known on 28 Feb 2017: left on 31 Aug 2016, followed up on the six-month date.
    early = figures([person], ind.ReportingPeriod.year(2016), as_of=D(2017, 2, 28))
    assert counted(early, "EECR05", "CR06") == [1, 1]
    # Known on 1 Mar 2017: back again, a stayer, not a leaver of 2016.
    back = figures([person], ind.ReportingPeriod.year(2016), as_of=D(2017, 3, 1))
    assert counted(back, "EELEAVERS", "EECR05") == [0, 0]
    # Later: the last exit is 31 Aug 2017; its six-month date is 28 Feb 2018.
    later = figures([person], ind.ReportingPeriod.year(2017), as_of=AS_OF)
    assert counted(later, "EELEAVERS", "EECR05") == [1, 0]


# --- the property: any exit date, every edge, two days either side ------------------------

_EXITS = st.sampled_from(MONTH_ENDS) | st.dates(D(2015, 1, 1), D(2021, 12, 31)).map(
    lambda d: D(d.year, d.month, d.day)
)
_EDGES = (
    "upon_leaving_end",
    "qualification_end",
    "six_months_start",
    "six_months_end",
    "improvement_start",
    "improvement_end",
    "spell_covers_six_months",
    "as_of_on_follow_up",
    "period_end_on_exit",
    "ltu_eu",
    "ltu_finnish",
)


def _case(
    edge: str, exit_: pendulum.Date, offset: int
) -> tuple[h.Participation, ind.ReportingPeriod, pendulum.Date, ind.CountingRules, str, int]:
    """A record with one date ``offset`` days from ``edge``, and the figure the rule gives."""
    six = plus_months(exit_, 6)
    before, after = int(offset <= 0), int(offset >= 0)
    period, as_of, rules = year_of(exit_), AS_OF, EU
    improved = h.ImprovementKind.HIGHER_SKILLED_JOB
    employed = h.LabourMarketStatus.EMPLOYED
    if edge == "upon_leaving_end":
        person, code, expected = (
            leaver(exit_, situations=(job(plus_days(exit_, 28 + offset)),)),
            "EECR04",
            before,
        )
    elif edge == "qualification_end":
        person = leaver(exit_, events=(qualification(plus_days(exit_, 28 + offset)),))
        code, expected = "CR03", before
    elif edge == "six_months_start":
        person, code, expected = (
            leaver(exit_, events=(follow_up(plus_days(six, offset)),)),
            "EECR05",
            after,
        )
    elif edge == "six_months_end":
        person = leaver(exit_, events=(follow_up(plus_days(six, 28 + offset)),))
        code, expected = "CR06", before
    elif edge == "improvement_start":
        person = leaver(
            exit_, status=employed, events=(follow_up(plus_days(six, offset), improved),)
        )
        code, expected = "EECR06", after
    elif edge == "improvement_end":
        person = leaver(
            exit_, status=employed, events=(follow_up(plus_days(six, 28 + offset), improved),)
        )
        code, expected = "CR07", before
    elif edge == "spell_covers_six_months":
        person = leaver(exit_, situations=(job(plus_days(exit_, 1), plus_days(six, offset)),))
        code, expected = "EECR05", after
    elif edge == "as_of_on_follow_up":
        person, code, expected = leaver(exit_, events=(follow_up(six),)), "CR06", after
        as_of = plus_days(six, offset)
    elif edge == "period_end_on_exit":
        person, code, expected = leaver(exit_), "EELEAVERS", after
        period = ind.ReportingPeriod(start=plus_days(exit_, -30), end=plus_days(exit_, offset))
    elif edge == "ltu_eu":
        since = plus_days(plus_months(exit_, -12), offset)
        person, code, expected = (
            record(periods=((exit_, None),), since=since),
            "EECO03",
            int(plus_months(since, 12) < exit_),
        )
    else:
        since = plus_days(plus_months(exit_, -12), offset)
        person, code, expected = (
            record(periods=((exit_, None),), since=since),
            "CO02",
            int(plus_months(since, 12) <= exit_),
        )
        rules = FINNISH
    return person, period, as_of, rules, code, expected


@settings(max_examples=150, deadline=None)
@given(edge=st.sampled_from(_EDGES), exit_=_EXITS, offset=st.integers(-2, 2))
def test_every_edge_two_days_either_side(edge: str, exit_: pendulum.Date, offset: int) -> None:
    person, period, as_of, rules, code, expected = _case(edge, exit_, offset)
    results = figures([person], period, as_of=as_of, rules=rules)
    assert results[code].numerator == expected


@pytest.mark.skipif(Interpreted is None, reason="no interpreted() in this engine")
def test_the_reference_is_reachable() -> None:
    """The comparisons above run: ``interpreted()`` switches the engine to ``matches``."""
    assert Interpreted is not None
    from hankemalli.indicators._compiled import is_interpreted

    assert not is_interpreted()
    with _reference():
        assert is_interpreted()
