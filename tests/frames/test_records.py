"""Participant records as frames: rows, columns and types, as known on the as-of date."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import attrs
import pendulum
import pytest

import hankemalli as h
from hankemalli import frames
from hankemalli.demo import demo_dataset
from hankemalli.indicators import ESF_PLUS_2021, CountingRules, ReportingPeriod, compute

D = pendulum.date
DATASET = demo_dataset()
AS_OF = DATASET.programme.end.add(months=7)
SOURCE = h.InformationSource.REGISTER
ENTRY, EXIT = D(2016, 1, 4), D(2016, 6, 30)


def record(
    pid: str = "T-1",
    *,
    entry: pendulum.Date = ENTRY,
    exit_: pendulum.Date | None = EXIT,
    **fields: object,
) -> h.Participation:
    return h.Participation(
        participant=h.Participant(id=pid, age_at_entry=30),
        profile=h.EntryProfile(
            gender=h.Gender.WOMAN,
            labour_market_status=h.LabourMarketStatus.UNEMPLOYED,
            unemployed_since=D(2014, 3, 1),
            education=h.IscedBand.ISCED_3_4,
        ),
        periods=(
            h.ParticipationPeriod(
                entry=entry,
                exit=exit_,
                exit_reason=None if exit_ is None else h.ExitReason.EMPLOYMENT,
            ),
        ),
        **fields,  # type: ignore[arg-type]
    )


# -- participants -------------------------------------------------------------------


def test_one_row_per_participant_in_the_records_order(rows) -> None:
    found = rows(frames.participants(DATASET, backend="polars", as_of=AS_OF))
    assert [r["pseudonym"] for r in found] == [r.id for r in DATASET.participants]


def test_the_entry_profile_is_every_field_of_the_model_with_codes_as_text(rows) -> None:
    found = rows(frames.participants(DATASET, backend="pyarrow", as_of=AS_OF))
    names = [f.name for f in attrs.fields(h.EntryProfile)]
    assert set(names) <= set(found[0])
    for row, rec in zip(found, DATASET.participants, strict=True):
        for name in names:
            value = getattr(rec.profile, name)
            # A code is its text ("woman", "unemployed"); dates and truth values as such.
            expected = value.value if isinstance(value, Enum) else value
            assert row[name] == expected, (rec.id, name)
        assert row["age_at_entry"] == rec.participant.age_at_entry


def test_columns_come_in_a_stable_order_with_dates_as_dates(schema) -> None:
    found = schema(frames.participants(DATASET, backend="polars", as_of=AS_OF))
    assert list(found) == [name for name, _ in frames.PARTICIPANT_COLUMNS]
    assert list(found)[:3] == ["pseudonym", "age_at_entry", "gender"]
    assert list(found)[-6:] == [
        "upon_leaving_status",
        "upon_leaving_in_education",
        "upon_leaving_recorded",
        "six_months_status",
        "six_months_in_education",
        "six_months_recorded",
    ]
    for name in ("first_entry", "last_exit", "unemployed_since"):
        assert found[name] == "Date", name
    assert found["age_at_entry"] == "Int64"
    assert found["gender"] == "String"
    assert found["upon_leaving_recorded"] == "Boolean"


def test_first_entry_and_last_exit_are_the_records(rows) -> None:
    found = rows(frames.participants(DATASET, backend="polars", as_of=AS_OF))
    for row, rec in zip(found, DATASET.participants, strict=True):
        assert type(row["first_entry"]) is dt.date
        assert row["first_entry"] == rec.first_entry
        assert row["last_exit"] == rec.last_exit
        last = rec.periods[-1]
        assert row["exit_reason"] == (None if last.exit_reason is None else str(last.exit_reason))


def test_situations_are_the_ones_the_indicators_count(rows) -> None:
    found = rows(frames.participants(DATASET, backend="polars", as_of=AS_OF))
    for row, rec in zip(found, DATASET.participants, strict=True):
        upon = h.situation_upon_leaving(rec, as_of=AS_OF)
        later = h.situation_six_months_after(rec, as_of=AS_OF)
        assert row["upon_leaving_status"] == (None if upon is None else str(upon.status))
        assert row["upon_leaving_in_education"] == (None if upon is None else upon.in_education)
        assert row["upon_leaving_recorded"] == (None if upon is None else upon.recorded)
        assert row["six_months_status"] == (None if later is None else str(later.status))
        assert row["six_months_recorded"] == (None if later is None else later.recorded)


def test_a_frame_query_gives_the_engines_eecr04(rows) -> None:
    # EECR04: leavers of the period with complete records, unemployed or inactive at
    # entry, in employment (incl. self-employment) upon leaving.
    period = ReportingPeriod.year(2016)
    figure = compute(ESF_PLUS_2021, DATASET.participants, period=period, as_of=AS_OF)["EECR04"]
    found = rows(frames.participants(DATASET, backend="pandas", as_of=AS_OF))
    counted = [
        r
        for r in found
        if r["last_exit"] is not None
        and period.start <= r["last_exit"] <= period.end
        and r["gender"] not in (None, "not_told")
        and None not in (r["labour_market_status"], r["education"], r["age_at_entry"])
        and r["labour_market_status"] in ("unemployed", "inactive")
        and r["upon_leaving_status"] in ("employed", "self_employed")
    ]
    assert figure.numerator > 0
    assert len(counted) == figure.numerator


def test_as_of_hides_what_had_not_happened_yet(rows) -> None:
    later = record("T-2", entry=D(2016, 8, 1), exit_=D(2016, 9, 30))
    left = record(
        "T-1",
        situations=(
            h.Employment(
                start=D(2016, 7, 5), source=SOURCE, kind=h.EmploymentKind.OPEN_LABOUR_MARKET
            ),
        ),
    )
    found = rows(frames.participants([left, later], backend="pyarrow", as_of=D(2016, 6, 15)))
    # T-2 had not entered yet; T-1 was still taking part.
    assert [r["pseudonym"] for r in found] == ["T-1"]
    (row,) = found
    assert row["last_exit"] is None
    assert row["exit_reason"] is None
    assert row["upon_leaving_status"] is None
    after = rows(frames.participants([left, later], backend="pyarrow", as_of=D(2016, 8, 15)))
    assert after[0]["last_exit"] == dt.date(2016, 6, 30)
    assert after[0]["exit_reason"] == "employment"
    assert after[0]["upon_leaving_status"] == "employed"
    # Six months after the exit has not come by mid-August.
    assert after[0]["six_months_status"] is None


def test_the_upon_leaving_window_follows_the_counting_rules(rows) -> None:
    # Employment from the 10th day after the exit: upon leaving by the ESF's 28 days.
    job = h.Employment(
        start=D(2016, 7, 10), source=SOURCE, kind=h.EmploymentKind.OPEN_LABOUR_MARKET
    )
    rec = record(situations=(job,))
    default = rows(frames.participants([rec], backend="polars", as_of=D(2017, 6, 1)))
    narrow = rows(
        frames.participants(
            [rec], backend="polars", as_of=D(2017, 6, 1), rules=CountingRules(upon_leaving_days=5)
        )
    )
    assert default[0]["upon_leaving_status"] == "employed"
    assert narrow[0]["upon_leaving_status"] == "inactive"


# -- periods, episodes, situations, events ------------------------------------------


def test_every_item_is_a_row_linked_by_pseudonym(rows) -> None:
    for name, attribute in (
        ("periods", "periods"),
        ("episodes", "episodes"),
        ("situations", "situations"),
        ("events", "events"),
    ):
        found = rows(getattr(frames, name)(DATASET, backend="polars"))
        expected = [r.id for r in DATASET.participants for _ in getattr(r, attribute)]
        assert [row["pseudonym"] for row in found] == expected, name


def test_episodes_keep_their_fields(rows) -> None:
    found = rows(frames.episodes(DATASET, backend="pyarrow"))
    items = [e for r in DATASET.participants for e in r.episodes]
    for row, episode in zip(found, items, strict=True):
        assert row["service"] == str(episode.service)
        assert (row["start"], row["end"]) == (episode.start, episode.end)
        assert (row["provider"], row["label"], row["id"]) == (
            episode.provider,
            episode.label,
            episode.id,
        )


def test_events_have_their_type_and_only_their_own_fields(rows) -> None:
    found = rows(frames.events(DATASET, backend="polars"))
    items = [e for r in DATASET.participants for e in r.events]
    assert {row["type"] for row in found} == {e.tag for e in items}
    for row, event in zip(found, items, strict=True):
        assert row["type"] == event.tag
        assert row["date"] == event.date
        own = {f.name for f in attrs.fields(type(event))}
        for name in ("kind", "label", "certificate", "situation", "improvement"):
            if name not in own:
                assert row[name] is None, (event.tag, name)
            else:
                value = getattr(event, name)
                assert row[name] == (None if value is None else str(value)), (event.tag, name)


def test_situation_spells_have_their_type_and_open_ends(rows) -> None:
    found = rows(frames.situations(DATASET, backend="polars"))
    items = [s for r in DATASET.participants for s in r.situations]
    assert {row["type"] for row in found} == {"employment", "education", "job_seeking"}
    for row, spell in zip(found, items, strict=True):
        assert (row["type"], row["start"], row["end"]) == (spell.tag, spell.start, spell.end)
        assert row["degree_oriented"] == getattr(spell, "degree_oriented", None)
    assert any(row["end"] is None for row in found)


def test_a_re_entry_is_a_period_row_and_as_of_hides_a_later_exit(rows) -> None:
    rec = attrs.evolve(
        record(),
        periods=(
            h.ParticipationPeriod(
                entry=D(2016, 1, 4), exit=D(2016, 2, 1), exit_reason=h.ExitReason.OTHER
            ),
            h.ParticipationPeriod(entry=D(2016, 3, 1), exit=D(2016, 6, 30)),
        ),
    )
    every = rows(frames.periods([rec], backend="pyarrow"))
    assert [(r["entry"], r["exit"], r["exit_reason"]) for r in every] == [
        (D(2016, 1, 4), D(2016, 2, 1), "other"),
        (D(2016, 3, 1), D(2016, 6, 30), None),
    ]
    then = rows(frames.periods([rec], backend="pyarrow", as_of=D(2016, 4, 1)))
    assert [(r["entry"], r["exit"]) for r in then] == [
        (D(2016, 1, 4), D(2016, 2, 1)),
        (D(2016, 3, 1), None),
    ]


def test_as_of_leaves_out_episodes_and_events_after_it(rows) -> None:
    rec = record(
        episodes=(
            h.ServiceEpisode(
                service=h.ServiceType.JOB_COACHING, start=D(2016, 1, 4), end=D(2016, 2, 1)
            ),
            h.ServiceEpisode(
                service=h.ServiceType.WORK_TRIAL, start=D(2016, 3, 1), end=D(2016, 4, 1)
            ),
        ),
        events=(
            h.QualificationGained(
                date=D(2016, 2, 10), source=SOURCE, kind=h.EducationKind.VOCATIONAL
            ),
            h.QualificationGained(
                date=D(2016, 5, 10), source=SOURCE, kind=h.EducationKind.VOCATIONAL
            ),
        ),
    )
    then = D(2016, 2, 15)
    assert [r["service"] for r in rows(frames.episodes([rec], backend="polars", as_of=then))] == [
        "job_coaching"
    ]
    assert [r["date"] for r in rows(frames.events([rec], backend="polars", as_of=then))] == [
        D(2016, 2, 10)
    ]
    assert len(rows(frames.events([rec], backend="polars"))) == 2


# -- empty and bad input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("participants", frames.PARTICIPANT_COLUMNS),
        ("periods", frames.PERIOD_COLUMNS),
        ("episodes", frames.EPISODE_COLUMNS),
        ("situations", frames.SITUATION_COLUMNS),
        ("events", frames.EVENT_COLUMNS),
    ],
)
def test_no_records_give_an_empty_frame_with_every_column(
    name: str, columns: tuple[tuple[str, str], ...], backend: str, rows, schema
) -> None:
    made = getattr(frames, name)([], backend=backend, as_of=AS_OF)
    assert rows(made) == []
    kinds = {"text": "String", "date": "Date", "integer": "Int64", "boolean": "Boolean"}
    assert schema(made) == {column: kinds[kind] for column, kind in columns}


def test_records_without_events_still_have_the_event_columns(rows, schema) -> None:
    # to_dict leaves out empty lists, which gave users KeyError: 'events'.
    made = frames.events([record()], backend="pandas")
    assert rows(made) == []
    assert "date" in schema(made)
    assert list(made["date"]) == []


def test_anything_but_records_is_refused_saying_where() -> None:
    with pytest.raises(h.DataError) as caught:
        frames.participants([record(), "T-9", 3], backend="polars", as_of=AS_OF)
    problems = caught.value.details
    assert [p.path for p in problems] == [(1,), (2,)]
    assert [p.message for p in problems] == [
        "expected Participation, got str",
        "expected Participation, got int",
    ]
    assert {p.code for p in problems} == {"value.type"}


def test_a_flood_of_non_records_is_counted_not_all_kept() -> None:
    with pytest.raises(h.DataError) as caught:
        frames.events([None] * (h.DataError.LIMIT + 5), backend="polars")
    assert caught.value.count == h.DataError.LIMIT + 5
    assert len(caught.value.details) == h.DataError.LIMIT


def test_as_of_may_be_a_datetime_date(rows) -> None:
    plain = rows(frames.participants(DATASET, backend="polars", as_of=dt.date(2016, 6, 1)))
    same = rows(frames.participants(DATASET, backend="polars", as_of=D(2016, 6, 1)))
    assert plain == same
    assert len(plain) < len(DATASET.participants)


@pytest.mark.parametrize("as_of", ["2016-01-01", dt.datetime(2016, 1, 1), None])
def test_as_of_must_be_a_date(as_of: object) -> None:
    with pytest.raises(h.DataError, match=r"\$\.as_of: expected a date") as caught:
        frames.participants([record()], backend="polars", as_of=as_of)  # type: ignore[arg-type]
    assert caught.value.details[0].code == "value.type"
