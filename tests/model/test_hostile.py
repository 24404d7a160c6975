"""The model against hostile and careless input (issue 11, the model's rows).

Each test names the row of the issue it covers. The promise (docs/model.md): whatever
is given, a model object is built or raises one DataError listing every problem with
its path; nothing hangs, no message repeats personal data, and every text the model
keeps can be written as UTF-8 and shown in a terminal.

Speed is measured with a benchmark, never with a timed test (see docs/model.md, "Text,
personal data and dates"). The tests below that feed megabytes of text only make sure
that the check *finishes*: :func:`finishes` fails a test that is still running after
several seconds, tens of times what the check takes, so a slow machine never fails
it while the quadratic search it replaced (23 s for 50,000 characters) would.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from attrs import evolve
from hypothesis import given

from hankemalli import (
    Assessment,
    AssessmentKind,
    CertificateKind,
    CertificateObtained,
    DataError,
    Dimension,
    EmbeddingStep,
    Employment,
    EmploymentKind,
    Funder,
    FunderKind,
    InformationSource,
    Instrument,
    OperatingModel,
    OrganisationKind,
    Participant,
    Participation,
    ParticipationPeriod,
    Partner,
    Programme,
    Score,
    ServiceEpisode,
    ServiceType,
    Target,
    TargetMetric,
    TargetPeriod,
    TransferabilityNote,
    TrialElsewhere,
    format_path,
)
from hankemalli.testing import strategies as hst

D = pendulum.date

#: The most a check below may take before the test fails as hung. Not a timing bound:
#: the checks take well under a second (see the module docstring).
HUNG_AFTER_SECONDS = 10

#: The free-text fields that may hold several lines (line feeds and tabs).
MULTILINE = {
    (OperatingModel, "short_description"),
    (OperatingModel, "basic_idea"),
    (OperatingModel, "operating_environment"),
    (OperatingModel, "conditions_for_working"),
    (OperatingModel, "conditions_for_adoption"),
    (OperatingModel, "resources"),
    (EmbeddingStep, "note"),
    (TransferabilityNote, "depends_on"),
    (TrialElsewhere, "result"),
    (Instrument, "description"),
}

#: The identifier fields; every other text field is free text.
IDENTIFIERS = {
    (Programme, "id"),
    (Participant, "id"),
    (ServiceEpisode, "id"),
    (Employment, "via_episode"),
    (Assessment, "instrument"),
    (Score, "dimension"),
    (OperatingModel, "id"),
    (Instrument, "id"),
    (Dimension, "id"),
}

IDENTITY_CODES = ("131052-308T", "010594Y9032", "131052A308T")
EMAILS = ("matti.meikalainen@example.fi", "k1@yhdistys.fi")
PHONES = ("0401234567", "+358401234567", "00358401234567")
#: Personal data as careless free text holds it.
IN_TEXT = {
    "131052-308T": "asiakas 131052-308T, ks. kansio",
    "matti.meikalainen@example.fi": "yhteys: matti.meikalainen@example.fi",
    "0401234567": "soita 040 123 4567 ennen käyntiä",
    "+358401234567": "puh. +358 40 123 4567",
}


@contextlib.contextmanager
def finishes(seconds: float = HUNG_AFTER_SECONDS) -> Iterator[None]:
    """Fail the test if the block is still running after ``seconds`` (it hung).

    Uses SIGALRM, which Python's regular expression engine also answers, so a
    runaway search is stopped. Where there is no SIGALRM (Windows) or the test does
    not run in the main thread, the block just runs.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: the check does not scale")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _problems(error: DataError) -> dict[str, str]:
    return {format_path(p.path): p.message for p in error.details}


# --- Walking every object of a full dataset --------------------------------------------


def _objects(root: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Any]]:
    """Every attrs object under ``root`` with its path, ``root`` first."""
    yield path, root
    for field in attrs.fields(type(root)):
        value = getattr(root, field.name)
        if attrs.has(type(value)):
            yield from _objects(value, (*path, field.name))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _objects(item, (*path, field.name, index))


def _text_fields(cls: type) -> list[tuple[str, bool]]:
    """The text fields of a class: each name, and whether it is a tuple of texts."""
    hints = typing.get_type_hints(cls)
    found = []
    for field in attrs.fields(cls):
        hint = hints[field.name]
        args = typing.get_args(hint)
        if hint is str or (str in args and type(None) in args):
            found.append((field.name, False))
        elif typing.get_origin(hint) is tuple and args[:1] == (str,):
            found.append((field.name, True))
    return found


def _date_fields(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    return [
        f.name
        for f in attrs.fields(cls)
        if pendulum.Date in (hints[f.name], *typing.get_args(hints[f.name]))
    ]


def _classes(build: Any) -> dict[type, tuple[object, bool]]:
    """One instance of every class of the full dataset, and whether it is in a record."""
    found: dict[type, tuple[object, bool]] = {}
    for path, obj in _objects(build.full_dataset()):
        in_record = path[:1] == ("participants",)
        found.setdefault(type(obj), (obj, in_record))
    return found


def _slots(build: Any) -> list[tuple[object, str, bool, bool]]:
    """Every text field of every class: (an instance, field, a tuple of texts, in a record)."""
    slots = []
    for cls, (obj, in_record) in _classes(build).items():
        for name, many in _text_fields(cls):
            slots.append((obj, name, many, in_record))
    return slots


def _key(obj: object, name: str) -> tuple[type, str]:
    return type(obj), name


def _is_identifier(obj: object, name: str) -> bool:
    return _key(obj, name) in IDENTIFIERS


def _put(obj: Any, name: str, many: bool, text: str) -> object:
    """``obj`` with ``text`` in its field ``name`` (the first item, for a tuple)."""
    if many:
        return evolve(obj, **{name: (text, *getattr(obj, name)[1:])})
    return evolve(obj, **{name: text})


def _where(name: str, many: bool) -> str:
    return format_path((name, 0) if many else (name,))


@pytest.fixture
def slots(build: Any) -> list[tuple[object, str, bool, bool]]:
    """Every text field of the model, on an instance from the full dataset."""
    return _slots(build)


def test_the_walk_finds_every_text_field_of_the_model(build):
    found = {(type(obj).__name__, name) for obj, name, _, _ in _slots(build)}
    record = {(type(obj).__name__, name) for obj, name, _, in_record in _slots(build) if in_record}
    assert record == {
        ("Participant", "id"),
        ("ServiceEpisode", "provider"),
        ("ServiceEpisode", "label"),
        ("ServiceEpisode", "id"),
        ("Employment", "via_episode"),
        ("CertificateObtained", "label"),
        ("QualificationGained", "label"),
        ("PostExitContact", "label"),
        ("Assessment", "instrument"),
        ("Score", "dimension"),
    }
    assert len(found) == 43  # a new text field must be added to the rules below


# --- Row: participant id of 50,000 (and 100,000) characters -> rejected in milliseconds ---


@pytest.mark.parametrize("length", [50_000, 100_000])
@pytest.mark.parametrize("unit", ["x", "0", "a@", "1 ", "131052"])
def test_row_long_participant_id_is_rejected_at_once(build, length, unit):
    identifier = (unit * length)[:length]
    with finishes(), pytest.raises(DataError) as caught:
        Participant(id=identifier)
    path, message = build.the_problem(caught.value)
    assert path == "$.id"
    assert "not a valid participant identifier" in message
    assert f"({length:,} characters)" in message
    assert len(message) < 300  # the value is shortened, not repeated


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,
        "0" * 1_000_000,
        "0 " * 500_000,
        "@" * 1_000_000,
        "a@" * 500_000,
        "a@" + "b" * 1_000_000,
        "(" * 1_000_000,
        "+" * 1_000_000,
        "0-" * 500_000,
        "131052-" * 150_000,
        "ä" * 1_000_000,
        "x\x1b" * 500_000,
        "\ud800" * 1_000_000,
    ],
    ids=lambda text: repr(text[:8]),
)
def test_row_a_million_characters_of_free_text_are_checked(build, text):
    # Whatever the shape, the check ends (in about a tenth of a second; see the
    # benchmark command in docs/model.md): no pattern looks at a character twice.
    with finishes():
        messages: tuple[str, ...] = ()
        try:
            build.episode(label=text)
        except DataError as error:
            messages = error.problems
    assert all(len(message) < 400 for message in messages)


# --- Row: identity code, e-mail or phone in any text of a participant's record ---------


@pytest.mark.parametrize("value", IDENTITY_CODES + EMAILS + PHONES)
def test_row_personal_data_in_any_text_of_a_record_is_rejected_without_echo(slots, value):
    record_slots = [slot for slot in slots if slot[3]]
    assert record_slots
    for obj, name, many, _ in record_slots:
        texts = [value] if _is_identifier(obj, name) else [value, IN_TEXT.get(value, value)]
        for text in texts:
            with pytest.raises(DataError) as caught:
                _put(obj, name, many, text)
            problems = _problems(caught.value)
            where = _where(name, many)
            assert where in problems, (type(obj).__name__, name, text, problems)
            assert value not in str(caught.value)
            assert text not in str(caught.value)


@pytest.mark.parametrize("value", IDENTITY_CODES)
def test_row_an_identity_code_is_rejected_in_every_text_of_the_model(slots, value):
    for obj, name, many, _ in slots:
        for text in (value, f"ks. {value}", value.lower()):
            with pytest.raises(DataError) as caught:
                _put(obj, name, many, text)
            assert _where(name, many) in _problems(caught.value), (type(obj).__name__, name)
            assert value.lower() not in str(caught.value).lower()


@pytest.mark.parametrize("text", ["Vaihde 013 123 4567", "info@pksty.fi", "puh. +358 13 123 4567"])
def test_the_programmes_own_texts_may_hold_its_public_contact_details(slots, text):
    # An association's switchboard and office e-mail are public; they may be in its
    # organisation, partner, operating-model and instrument texts.
    free_text = [s for s in slots if not s[3] and not _is_identifier(s[0], s[1])]
    assert len(free_text) == 29
    for obj, name, many, _ in free_text:
        assert _put(obj, name, many, text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2016-03-01",
        "1.3.2016",
        "01.03.2016",
        "01-03-2016",
        "20160301",
        "isced_0_2",
        "ISCED 3-4",
        "1 500,00 €",
        "500 000 euroa",
        "1 040 500 000 €",
        "0,5 %",
        "10 kertaa, 12 tuntia",
        "2016–2018",
        "klo 09-16",
        "09.00-16.00",
        "00100 Helsinki",
        "Y-tunnus 1234567-8",
        "tasot 0 1 2 3 4 5 6",
        "K-0001",
        "@kaiku tapaaminen",
        "TET-jakso 2/3, 080 h",
    ],
)
def test_row_ordinary_dates_codes_amounts_and_numbers_pass_in_record_texts(build, text):
    episode = build.episode(service=ServiceType.OTHER, label=text, provider=text)
    assert episode.label == episode.provider == text
    event = CertificateObtained(
        date=D(2016, 5, 2),
        source=InformationSource.DOCUMENT,
        certificate=CertificateKind.OTHER,
        label=text,
    )
    assert event.label == text


@pytest.mark.parametrize(
    "text", ["puh.0401234567", "(09) 1234 5678", "+358 (0)40 123 4567", "１３１０５２-３０８Ｔ"]
)
def test_row_personal_data_in_other_spellings_is_found_too(build, text):
    with pytest.raises(DataError) as caught:
        build.episode(provider=text)
    assert "$.provider" in _problems(caught.value)
    assert text not in str(caught.value)


def test_row_the_message_says_what_was_found_and_where_but_not_the_value(build):
    with pytest.raises(DataError) as caught:
        build.episode(provider="Kauppa Oy, yhteyshenkilö 040 123 4567")
    assert build.the_problem(caught.value) == (
        "$.provider",
        "contains what looks like a phone number near character 26; a participant's record "
        "must not hold contact details (the text is not shown here)",
    )
    with pytest.raises(DataError) as caught:
        build.episode(id="131052-308T")
    assert build.the_problem(caught.value) == (
        "$.id",
        "looks like a Finnish personal identity code (henkilötunnus), which must not be "
        "stored; make up your own episode identifier",
    )


def test_row_a_message_that_shows_a_value_hides_one_that_looks_like_personal_data():
    with pytest.raises(DataError) as caught:
        Funder(name="ESR", kind="131052-308T")  # type: ignore[arg-type]
    assert "131052-308T" not in str(caught.value)
    assert "not shown here: it looks like personal data" in str(caught.value)
    with pytest.raises(DataError) as caught:
        Participant(id="x" * 80 + "131052-308T")
    assert "131052" not in str(caught.value)
    with pytest.raises(DataError) as caught:
        Participant(id="K-1", age_at_entry="040 123 4567")  # type: ignore[arg-type]
    assert caught.value.problems == (
        "$.age_at_entry: expected an age in completed years from 0 to 120, "
        "got (a value not shown here: it looks like personal data)",
    )


# --- Row: lone surrogates and control characters in any text field ---------------------


def test_row_a_lone_surrogate_in_any_text_field_is_rejected_with_its_path(slots):
    for obj, name, many, _ in slots:
        with pytest.raises(DataError) as caught:
            _put(obj, name, many, "Joensuu\ud800")
        problems = _problems(caught.value)
        where = _where(name, many)
        assert where in problems, (type(obj).__name__, name)
        str(caught.value).encode("utf-8")  # the message itself can be written
        if not _is_identifier(obj, name):
            assert problems[where].startswith("contains a lone surrogate U+D800 at character 8")


@pytest.mark.parametrize(
    "text", ["a\x1b[31mred\x1b[0m", "a\x00b", "a\rb", "a\x7fb", "a\x9b31m", "a\x85b"]
)
def test_row_control_characters_are_rejected_in_every_text_field(slots, text):
    for obj, name, many, _ in slots:
        with pytest.raises(DataError) as caught:
            _put(obj, name, many, text)
        assert _where(name, many) in _problems(caught.value), (type(obj).__name__, name)
        assert "\x1b" not in str(caught.value)
        assert "\r" not in str(caught.value)


@pytest.mark.parametrize("text", ["two\nlines", "a\ttab", "a\u2028b"])
def test_row_one_line_fields_refuse_line_breaks_and_tabs(slots, text):
    one_line = [s for s in slots if _key(s[0], s[1]) not in MULTILINE]
    for obj, name, many, _ in one_line:
        with pytest.raises(DataError) as caught:
            _put(obj, name, many, text)
        assert _where(name, many) in _problems(caught.value), (type(obj).__name__, name)


def test_row_free_text_of_several_lines_allows_line_feeds_and_tabs_only(slots):
    several = [s for s in slots if _key(s[0], s[1]) in MULTILINE]
    assert len(several) == len(MULTILINE)
    for obj, name, many, _ in several:
        kept = _put(obj, name, many, "Ensin:\n\t- työhönvalmennus\n\t- TET")
        assert getattr(kept, name) == "Ensin:\n\t- työhönvalmennus\n\t- TET"
        with pytest.raises(DataError) as caught:
            _put(obj, name, many, "Windows\r\nline")
        assert _problems(caught.value) == {
            _where(name, many): "contains U+000D (carriage return) at character 8; free text "
            "may hold line feeds (\\n) and tabs (\\t), but no other control characters"
        }


def test_row_an_ansi_escape_is_named_and_not_repeated(build):
    with pytest.raises(DataError) as caught:
        build.episode(label="TET\x1b[2J")
    assert build.the_problem(caught.value) == (
        "$.label",
        "contains U+001B (escape, which starts an ANSI terminal sequence) at character 4; "
        "this text is one line of printable characters, without line breaks, tabs or "
        "other control characters",
    )


# --- Row: programme end 9999-12-31 -> a clear error -----------------------------------


def test_row_programme_end_9999_12_31_is_a_clear_error(build):
    with finishes(), pytest.raises(DataError) as caught:
        build.programme(end=D(9999, 12, 31))
    assert build.the_problem(caught.value) == (
        "$.end",
        "the date 9999-12-31 is outside the years hankemalli accepts: "
        "from 1900-01-01 to 2100-12-31",
    )


@pytest.mark.parametrize(
    ("start", "end", "latest"),
    [
        (D(2015, 8, 1), D(2030, 12, 31), "2025-07-31"),
        (D(2014, 1, 1), D(2024, 1, 1), "2023-12-31"),
        (D(2021, 1, 1), D(2031, 1, 1), "2030-12-31"),
    ],
)
def test_row_a_programme_longer_than_ten_years_is_refused_citing_why(build, start, end, latest):
    with pytest.raises(DataError) as caught:
        build.programme(start=start, end=end)
    path, message = build.the_problem(caught.value)
    assert path == "$.end"
    assert message.startswith("a programme may last at most 10 years")
    assert "Regulation (EU) No 1303/2013, Article 65(2)" in message
    assert "Regulation (EU) 2021/1060, Article 63(2)" in message
    assert f"ends on {latest} at the latest, not {end}." in message


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2014, 1, 1), D(2023, 12, 31)), (D(2021, 1, 1), D(2029, 12, 31))],
)
def test_a_programme_of_a_whole_esf_eligibility_period_is_accepted(build, start, end):
    assert build.programme(start=start, end=end).end == end


@pytest.mark.parametrize("day", [D(1899, 12, 31), D(2101, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_row_every_date_of_the_model_is_bounded_to_the_years_1900_to_2100(build, day):
    dated = 0
    for cls, (obj, _) in _classes(build).items():
        for name in _date_fields(cls):
            dated += 1
            with pytest.raises(DataError) as caught:
                evolve(obj, **{name: day})
            message = _problems(caught.value).get(format_path((name,)), "")
            assert "outside the years hankemalli accepts: from 1900-01-01 to 2100-12-31" in (
                message
            ), (cls.__name__, name)
    assert dated == 22


@pytest.mark.parametrize("day", [D(1900, 1, 1), D(2100, 12, 31)])
def test_the_first_and_last_day_of_the_range_are_accepted(day):
    assert ParticipationPeriod(entry=day, exit=day).entry == day


@given(period=hst.programme_periods())
def test_the_strategies_programme_periods_stay_valid_under_the_bounds(period):
    start, end = period
    assert Programme(id="p", name="P", organisation="O ry", start=start, end=end).end == end


# --- Row: every field problem of a record is reported at once --------------------------


def test_row_a_participant_with_two_bad_fields_gives_both_problems(build):
    with pytest.raises(DataError) as caught:
        Participant(id="131052-308T", age_at_entry=200)
    assert build.paths(caught.value) == ["$.id", "$.age_at_entry"]
    assert "131052-308T" not in str(caught.value)


def test_row_every_class_reports_every_bad_text_and_date_at_once(build):
    for cls, (obj, _) in _classes(build).items():
        changes: dict[str, object] = {}
        expected = []
        for name, many in _text_fields(cls):
            changes[name] = ("\ud800",) if many else "\ud800"
            expected.append(_where(name, many))
        for name in _date_fields(cls):
            changes[name] = D(9999, 12, 31)
            expected.append(format_path((name,)))
        if len(expected) < 2:
            continue
        with pytest.raises(DataError) as caught:
            evolve(obj, **changes)
        assert set(expected) <= set(build.paths(caught.value)), cls.__name__


def test_row_a_record_reports_every_field_that_is_not_what_it_should_be(build):
    with pytest.raises(DataError) as caught:
        Participation(
            participant="K-0001",  # type: ignore[arg-type]
            profile={},  # type: ignore[arg-type]
            periods={},  # type: ignore[arg-type]
            episodes=("x",),  # type: ignore[arg-type]
            exit_situation="left",  # type: ignore[arg-type]
        )
    assert build.paths(caught.value) == [
        "$.participant",
        "$.profile",
        "$.periods",
        "$.episodes[0]",
        "$.exit_situation",
    ]


def test_row_the_programme_reports_every_bad_part_at_once(build):
    with pytest.raises(DataError) as caught:
        Programme(
            id="131052-308T",
            name="\x1b[31mKAIKU",
            organisation=" ",
            start=D(2015, 8, 1),
            end=D(9999, 12, 31),
            areas=("Joensuu\n",),
            funders=(Funder(name="ESR", kind=FunderKind.EU, share=Decimal("0.5")),),
            targets=(Target(metric=TargetMetric.PARTICIPANTS, per=TargetPeriod.YEAR, minimum=3),),
            partners=(Partner(name="Joensuu", kind=OrganisationKind.MUNICIPALITY),),
        )
    assert build.paths(caught.value) == [
        "$.id",
        "$.name",
        "$.organisation",
        "$.end",
        "$.areas[0]",
        "$.funders",
    ]


def test_a_repeated_value_that_cannot_be_compared_is_reported_by_its_type_only():
    # A list where a stage label belongs is not hashable: it is reported as such,
    # and looking for repeated labels does not fail on it.
    with pytest.raises(DataError) as caught:
        Dimension(id="d", name="n", stages=(["a"], "b", ["a"]))  # type: ignore[arg-type]
    assert caught.value.problems == (
        "$.stages[0]: expected str, got list",
        "$.stages[2]: expected str, got list",
    )


def test_a_long_list_of_known_ids_in_a_message_is_cut(build):
    episodes = tuple(
        build.episode(id=f"e{n:03d}", start=D(2016, 3, 1), end=D(2016, 3, 1)) for n in range(30)
    )
    job = Employment(
        start=D(2016, 4, 1),
        source=InformationSource.DOCUMENT,
        kind=EmploymentKind.OPEN_LABOUR_MARKET,
        via_episode="tet-9",
    )
    with pytest.raises(DataError) as caught:
        build.participation(episodes=episodes, situations=(job,))
    path, message = build.the_problem(caught.value)
    assert path == "$.situations[0].via_episode"
    assert message.endswith(
        "known episode ids: 'e000', 'e001', 'e002', 'e003', 'e004', 'e005', 'e006', 'e007', "
        "'e008', 'e009', … (+20)"
    )


def test_an_assessment_names_its_instrument_by_an_identifier_that_is_no_personal_data():
    with pytest.raises(DataError) as caught:
        Assessment(
            instrument="040 123 4567",
            date=D(2016, 3, 7),
            kind=AssessmentKind.ENTRY,
            scores=(Score(dimension="d", stage=0),),
        )
    assert caught.value.problems == (
        "$.instrument: looks like a phone number, which must not be stored; make up your "
        "own instrument identifier",
    )


def test_a_text_field_that_is_not_text_is_named_by_its_type(build):
    with pytest.raises(DataError) as caught:
        build.episode(provider=["Kauppa Oy", "040 123 4567"])
    assert build.the_problem(caught.value) == ("$.provider", "expected text, got list")
