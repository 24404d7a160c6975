"""Documents that break exactly one rule: :func:`violations`.

Each breaker starts from the JSON form of a valid dataset whose programme period
has a day to spare at both ends and whose chosen record (the victim) has at least
one episode, one situation spell and one event. It changes that document in one
place, so that the change breaks one rule and nothing else, and returns where a
reader must report it.
"""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..model import (
    EVENT_TAGS,
    SITUATION_TAGS,
    CertificateKind,
    CertificateObtained,
    Dataset,
    Employment,
    EmploymentKind,
    EntryProfile,
    ExitSituation,
    Funder,
    InformationSource,
    JobSeeking,
    LeavingStatus,
    Participant,
    Participation,
    ParticipationPeriod,
    Partner,
    Programme,
    ServiceEpisode,
    ServiceType,
    Target,
    format_path,
)
from ..serialization import TAG_KEY, to_dict
from ._basics import as_date, codes, draw_date, pseudonyms
from ._events import EVENT_KINDS
from ._programme import draw_programme
from ._records import draw_participation
from ._rules import RULES, Violation

__all__ = ["violations"]

T = TypeVar("T")
Path = tuple[str | int, ...]
Doc = dict[str, Any]
Breaker = Callable[[st.DrawFn, Doc, int], Path]


def _day(text: str) -> pendulum.Date:
    return as_date(dt.date.fromisoformat(text))


def _at(doc: Any, path: Path) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Doc, path: Path, value: object) -> None:
    _at(doc, path[:-1])[path[-1]] = value


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    return options[draw(st.integers(0, len(options) - 1))]


def _fresh(taken: Sequence[object], stem: str) -> str:
    """An identifier that is none of ``taken``."""
    number = len(taken)
    while f"{stem}{number}" in taken:
        number += 1
    return f"{stem}{number}"


@st.composite
def _base(draw: st.DrawFn) -> tuple[Doc, int]:
    """A valid dataset document and the index of its victim record."""
    start = draw_date(draw, pendulum.date(2000, 1, 1), pendulum.date(2030, 12, 31))
    end = start.add(days=draw(st.integers(2, 3 * 366)))
    programme = draw_programme(draw, (start, end), None)
    inner = (start.add(days=1), end.subtract(days=1))
    count = draw(st.integers(1, 3))
    ids = draw(st.lists(pseudonyms(), min_size=count, max_size=count, unique=True))
    services = tuple(ServiceType)
    records = [draw_participation(draw, inner, services, EVENT_KINDS, i) for i in ids]
    victim = draw(st.integers(0, count - 1))
    record = records[victim]
    first = record.first_entry
    # The victim gets an episode, a spell and an event if it has none, all valid on
    # the first entry.
    episode = ServiceEpisode(service=ServiceType.TET, start=first, end=first)
    spell = JobSeeking(start=first, source=InformationSource.REGISTER)
    event = CertificateObtained(
        date=first, source=InformationSource.DOCUMENT, certificate=CertificateKind.HYGIENE_PASSPORT
    )
    records[victim] = attrs.evolve(
        record,
        episodes=record.episodes or (episode,),
        situations=record.situations or (spell,),
        events=record.events or (event,),
    )
    dataset = Dataset(programme=programme, participants=tuple(records))
    return to_dict(dataset), victim


def _objects(doc: Doc, victim: int) -> list[tuple[Path, type]]:
    """Every object of the programme and of the victim record, with its class."""
    found: list[tuple[Path, type]] = [(("programme",), Programme)]
    for key, cls in (("funders", Funder), ("targets", Target), ("partners", Partner)):
        found += [(("programme", key, n), cls) for n in range(len(doc["programme"].get(key, [])))]
    at: Path = ("participants", victim)
    record = doc["participants"][victim]
    found += [(at, Participation), ((*at, "participant"), Participant)]
    found += [((*at, "profile"), EntryProfile)]
    found += [((*at, "periods", n), ParticipationPeriod) for n in range(len(record["periods"]))]
    found += [((*at, "episodes", n), ServiceEpisode) for n in range(len(record["episodes"]))]
    found += [
        ((*at, "situations", n), SITUATION_TAGS[spell[TAG_KEY]])
        for n, spell in enumerate(record["situations"])
    ]
    found += [
        ((*at, "events", n), EVENT_TAGS[event[TAG_KEY]]) for n, event in enumerate(record["events"])
    ]
    if "exit_situation" in record:
        found.append(((*at, "exit_situation"), ExitSituation))
    return found


@functools.cache
def _field_kinds(cls: type) -> dict[str, type]:
    """Each field of an attrs class and the type it holds, ``None`` left out."""
    hints = typing.get_type_hints(cls)
    kinds: dict[str, type] = {}
    for field in attrs.fields(cls):
        args = [arg for arg in typing.get_args(hints[field.name]) if arg is not type(None)]
        origin = typing.get_origin(hints[field.name])
        kinds[field.name] = tuple if origin is tuple else args[0] if args else hints[field.name]
    return kinds


def _required(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]


def _wrong_values(kind: type) -> tuple[object, ...]:
    if kind is bool:
        return ("true", 1, "yes")
    if kind is int:
        return ("30", True, [30])
    if kind is Decimal:
        return (True, ["0.5"], {})
    if kind is tuple:
        return ("text", 1, {})
    if attrs.has(kind):
        return ("text", 1, [])
    if kind is pendulum.Date:
        return (20160101, True, ["2016-01-01"])
    return (7, True, ["text"], {})  # text and codes


def _wrong_type(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    choices: list[tuple[Path, type]] = [(("schema_version",), int), (("participants",), tuple)]
    for path, cls in _objects(doc, victim):
        choices += [((*path, name), kind) for name, kind in _field_kinds(cls).items()]
    path, kind = _pick(draw, choices)
    _set(doc, path, _pick(draw, _wrong_values(kind)))
    return path


def _missing_key(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    choices: list[Path] = [("schema_version",), ("programme",)]
    for path, cls in _objects(doc, victim):
        choices += [(*path, name) for name in _required(cls)]
        if cls in EVENT_KINDS or cls in SITUATION_TAGS.values():
            choices.append((*path, TAG_KEY))
    path = _pick(draw, choices)
    del _at(doc, path[:-1])[path[-1]]
    return path


_UNKNOWN_KEYS = ("comment", "birth_date", "email", "notes", "x-extra")


def _extra_key(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    objects: list[Path] = [(), *(path for path, _ in _objects(doc, victim))]
    path = (*_pick(draw, objects), _pick(draw, _UNKNOWN_KEYS))
    _set(doc, path, _pick(draw, ("", 1, None, {"a": 1})))
    return path


def _present(doc: Doc, victim: int, wanted: Callable[[type], bool]) -> list[Path]:
    """Paths of the fields present in the document whose type is ``wanted``."""
    found: list[Path] = []
    for path, cls in _objects(doc, victim):
        found += [
            (*path, name)
            for name, kind in _field_kinds(cls).items()
            if wanted(kind) and _at(doc, path).get(name) is not None
        ]
    return found


def _bad_date(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    path = _pick(draw, _present(doc, victim, lambda kind: kind is pendulum.Date))
    year = draw(st.integers(1990, 2035))
    common = year + 1 if year % 4 == 0 else year  # not a leap year in this range
    bad: tuple[str, ...] = (
        f"{common}-02-29",
        f"{year}-02-30",
        f"{year}-04-31",
        f"{year}-13-01",
        f"{year}-00-10",
    )
    bad += (f"{year}-01-00", f"{year}-1-5", f"1.8.{year}", f"{year}0105", f"{year}-01-05T08:00")
    _set(doc, path, _pick(draw, (*bad, "", "yesterday")))
    return path


def _end_before_start(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    programme = doc["programme"]
    choices: list[Path] = [("programme", "end")]
    record: Path = ("participants", victim)
    for n, period in enumerate(doc["participants"][victim]["periods"]):
        if "exit" in period and period["exit"] != period["entry"]:
            choices.append((*record, "periods", n, "exit"))
    for n, episode in enumerate(doc["participants"][victim]["episodes"]):
        if "end" in episode and episode["end"] != episode["start"]:
            choices.append((*record, "episodes", n, "end"))
    # Any spell, open or not: spells are not bound to the programme period.
    spells = doc["participants"][victim]["situations"]
    choices += [(*record, "situations", n, "end") for n in range(len(spells))]
    path = _pick(draw, choices)
    owner = _at(doc, path[:-1])
    if len(path) > 3 and path[-3] == "situations":
        start = _day(owner["start"])
        end = draw_date(draw, start.subtract(years=1), start.subtract(days=1))
        owner["end"] = end.isoformat()
    elif owner is programme or "exit" in owner:
        # Swapping keeps both dates inside the programme and between the neighbours.
        begin = "start" if owner is programme else "entry"
        owner[begin], owner[path[-1]] = owner[path[-1]], owner[begin]
    else:
        # An episode ends before it starts, still inside the programme period.
        start = _day(owner["start"])
        lowest = _day(programme["start"])
        owner["end"] = draw_date(draw, lowest, start.subtract(days=1)).isoformat()
    return path


def _unknown_code(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    choices = _present(doc, victim, lambda kind: issubclass(kind, Enum))
    services = doc["programme"].get("services", [])
    choices += [("programme", "services", n) for n in range(len(services))]
    path = _pick(draw, choices)
    code = _at(doc, path)
    _set(doc, path, _pick(draw, (code.upper(), f"{code}_x", "unknown", "muu", "")))
    return path


def _unknown_event_tag(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    events = doc["participants"][victim]["events"]
    index = draw(st.integers(0, len(events) - 1))
    tag = events[index][TAG_KEY]
    # A version-1 outcome event in a version-2 document is no event any more.
    others = (tag.upper(), tag.replace("_", "-"), "employment", "employment_started", "")
    events[index][TAG_KEY] = _pick(draw, [other for other in others if other != tag])
    return ("participants", victim, "events", index, TAG_KEY)


def _unknown_situation_tag(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    spells = doc["participants"][victim]["situations"]
    index = draw(st.integers(0, len(spells) - 1))
    tag = spells[index][TAG_KEY]
    others = (tag.upper(), tag.replace("_", "-"), "unemployment", "job_search_started", "")
    spells[index][TAG_KEY] = _pick(draw, [other for other in others if other != tag])
    return ("participants", victim, "situations", index, TAG_KEY)


def _duplicate_id(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    records = doc["participants"]
    if draw(st.booleans()):
        # A second record of the same person instead of a re-entry.
        records.append(_copy(records[victim]))
        return ("participants", len(records) - 1, "participant", "id")
    episodes = records[victim]["episodes"]
    last = episodes[-1]
    if "id" not in last:
        last["id"] = _fresh([e.get("id") for e in episodes], "jakso-")
    episodes.append(_copy(last))  # starts with the last one: the order of starts holds
    return ("participants", victim, "episodes", len(episodes) - 1, "id")


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY_SIGNS = {18: "+", 19: "-YXWVU", 20: "ABCDEF"}


def _personal_identity_code_id(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    born = draw_date(draw, pendulum.date(1890, 1, 1), pendulum.date(2023, 12, 31))
    number = f"{born:%d%m%y}{draw(st.integers(2, 899)):03d}"
    check = _CHECK_CHARACTERS[int(number) % 31]
    code = f"{number[:6]}{_pick(draw, _CENTURY_SIGNS[born.year // 100])}{number[6:]}{check}"
    path: Path = ("participants", victim, "participant", "id")
    _set(doc, path, _pick(draw, (code, code.lower(), f"P-{code}")))
    return path


def _contact_details_id(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    digits = f"{draw(st.integers(0, 9_999_999)):07d}"
    name = _pick(draw, ("matti.meikalainen", "anna", "osallistuja7"))
    contacts = (f"{name}@example.fi", f"+35840{digits}", f"040 {digits[:3]} {digits[3:]}")
    path: Path = ("participants", victim, "participant", "id")
    _set(doc, path, _pick(draw, (*contacts, f"050-{digits}", f"0035850{digits}")))
    return path


def _episode_outside_participation(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    record = doc["participants"][victim]
    episodes = record["episodes"]
    first = _day(record["periods"][0]["entry"])
    last = record["periods"][-1].get("exit")
    variant = draw(st.integers(0, 2 if last is not None else 0))
    if variant == 0:  # starts before the first entry (the programme has a day to spare)
        start = draw_date(draw, _day(doc["programme"]["start"]), first.subtract(days=1))
        end = draw_date(draw, start, first)
        episodes.insert(0, {"service": "tet", "start": start.isoformat(), "end": end.isoformat()})
        return ("participants", victim, "episodes", 0, "start")
    added: Doc = {"service": "job_coaching", "start": last}
    if variant == 1:  # ends after the last exit
        end = draw_date(draw, _day(last).add(days=1), _day(doc["programme"]["end"]))
        added["end"] = end.isoformat()
    episodes.append(added)  # else still open although the participation has ended
    return ("participants", victim, "episodes", len(episodes) - 1, "end")


def _event_before_entry(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    record = doc["participants"][victim]
    first = _day(record["periods"][0]["entry"])
    index = draw(st.integers(0, len(record["events"]) - 1))
    day = draw_date(draw, first.subtract(years=10), first.subtract(days=1))
    record["events"][index]["date"] = day.isoformat()
    return ("participants", victim, "events", index, "date")


def _overlapping_periods(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    periods = doc["participants"][victim]["periods"]
    index = draw(st.integers(1, len(periods) - 1)) if len(periods) > 1 else 1
    if len(periods) > 1:  # a re-entry on or before the previous exit
        before = periods[index - 1]
        entry = draw_date(draw, _day(before["entry"]), _day(before["exit"]))
        periods[index]["entry"] = entry.isoformat()
    elif "exit" in periods[0]:  # a second stay that starts on or before the exit
        entry = draw_date(draw, _day(periods[0]["entry"]), _day(periods[0]["exit"]))
        periods.append({"entry": entry.isoformat(), "exit": periods[0]["exit"]})
    else:  # an earlier one-day stay that the open one overlaps
        periods.insert(0, {"entry": periods[0]["entry"], "exit": periods[0]["entry"]})
    return ("participants", victim, "periods", index, "entry")


def _unknown_episode_reference(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    record = doc["participants"][victim]
    known = [episode.get("id") for episode in record["episodes"]]
    spell = to_dict(
        Employment(
            start=_day(record["periods"][0]["entry"]),
            source=InformationSource.DOCUMENT,
            kind=draw(codes(EmploymentKind)),
            via_episode=_fresh(known, "tet-"),
        )
    )
    spell[TAG_KEY] = Employment.tag
    spells = record["situations"]
    index = draw(st.integers(0, len(spells)))
    spells.insert(index, spell)
    return ("participants", victim, "situations", index, "via_episode")


def _exit_situation_doc(draw: st.DrawFn, day: str) -> Doc:
    status = draw(codes(LeavingStatus))
    return {"date": day, "status": status.value, "source": InformationSource.DOCUMENT.value}


def _exit_situation_without_exit(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    record = doc["participants"][victim]
    last = record["periods"][-1]
    if "exit" in last:
        # The participation is opened again: its last exit goes, the snapshot stays.
        record.setdefault("exit_situation", _exit_situation_doc(draw, last["exit"]))
        del last["exit"]
        last.pop("exit_reason", None)
    else:
        record["exit_situation"] = _exit_situation_doc(draw, last["entry"])
    return ("participants", victim, "exit_situation")


def _exit_situation_off_last_exit(draw: st.DrawFn, doc: Doc, victim: int) -> Path:
    record = doc["participants"][victim]
    last = record["periods"][-1]
    if "exit" not in last:
        # Close the participation on the programme's last day, its episodes with it.
        last["exit"] = doc["programme"]["end"]
        for episode in record["episodes"]:
            episode.setdefault("end", last["exit"])
    exit = _day(last["exit"])
    others = [exit.subtract(days=1), exit.add(days=1), exit.add(days=28), _day(last["entry"])]
    others += [_day(p["exit"]) for p in record["periods"][:-1]]
    day = _pick(draw, [d for d in others if d != exit])
    snapshot = record.get("exit_situation") or _exit_situation_doc(draw, exit.isoformat())
    snapshot["date"] = day.isoformat()
    record["exit_situation"] = snapshot
    return ("participants", victim, "exit_situation", "date")


_BREAKERS: dict[str, Breaker] = {
    "wrong_type": _wrong_type,
    "missing_key": _missing_key,
    "extra_key": _extra_key,
    "bad_date": _bad_date,
    "end_before_start": _end_before_start,
    "unknown_code": _unknown_code,
    "unknown_event_tag": _unknown_event_tag,
    "unknown_situation_tag": _unknown_situation_tag,
    "duplicate_id": _duplicate_id,
    "personal_identity_code_id": _personal_identity_code_id,
    "contact_details_id": _contact_details_id,
    "episode_outside_participation": _episode_outside_participation,
    "event_before_entry": _event_before_entry,
    "overlapping_periods": _overlapping_periods,
    "unknown_episode_reference": _unknown_episode_reference,
    "exit_situation_without_exit": _exit_situation_without_exit,
    "exit_situation_off_last_exit": _exit_situation_off_last_exit,
}
assert tuple(_BREAKERS) == RULES


@st.composite
def _violations(draw: st.DrawFn, rules: tuple[str, ...]) -> Violation:
    rule = draw(st.sampled_from(rules))
    doc, victim = draw(_base())
    path = _BREAKERS[rule](draw, doc, victim)
    return Violation(rule=rule, document=doc, path=format_path(path))


def violations(*, rules: Sequence[str] | None = None) -> st.SearchStrategy[Violation]:
    """Dataset documents that break exactly one rule, with the rule and its JSON path.

    ``rules`` chooses among :data:`~hankemalli.testing.RULES` (all by default). A
    reader of the document, such as :func:`hankemalli.serialization.from_dict`,
    must refuse it with a :class:`~hankemalli.DataError` whose problems include
    one at :attr:`Violation.path`.
    """
    chosen = RULES if rules is None else tuple(rules)
    unknown = sorted(set(chosen) - set(RULES))
    if unknown or not chosen:
        raise InvalidArgument(f"rules must be some of {RULES}, got {chosen!r}")
    return _violations(chosen)
