"""Record-level checks: completeness and internal consistency (tietueen tarkistukset).

In the spirit of the European Commission's "Annex D" guidance on participant data:
each record is checked for the characteristics the indicators need, and for
events and pathways that contradict each other. Checks never raise on the data
they judge; they return findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import (
    Answer,
    Dataset,
    Employment,
    Gender,
    LabourMarketStatus,
    Participation,
    PostExitContact,
    Programme,
    SituationAfterSixMonths,
    derived_upon_leaving,
)
from ._findings import Finding, finding

__all__ = ["check_dataset", "check_record"]


def check_record(record: Participation, programme: Programme | None = None) -> tuple[Finding, ...]:
    """Every finding about one participant record (paths relative to the record)."""
    return tuple(_record_findings(record, programme))


def check_dataset(
    dataset: Dataset | Iterable[Participation], programme: Programme | None = None
) -> tuple[Finding, ...]:
    """Every finding about every record of a dataset, with paths into the document.

    Any iterable of records is read once, one record at a time; memory follows the
    findings, not the records.
    """
    records: Iterable[Participation]
    if isinstance(dataset, Dataset):
        programme, records = dataset.programme, dataset.participants
    else:
        records = dataset
    found: list[Finding] = []
    for index, record in enumerate(records):
        found.extend(f.under("participants", index) for f in _record_findings(record, programme))
    return tuple(found)


def _record_findings(record: Participation, programme: Programme | None) -> Iterator[Finding]:
    yield from _completeness(record)
    yield from _consistency(record)
    yield from _situations(record)
    if programme is not None:
        yield from _services_offered(record, programme)


def _completeness(record: Participation) -> Iterator[Finding]:
    profile = record.profile
    if profile.gender is None or profile.gender is Gender.NOT_TOLD:
        yield finding("completeness.gender", ("profile", "gender"))
    if profile.labour_market_status is None:
        yield finding("completeness.labour_market_status", ("profile", "labour_market_status"))
    if record.participant.age_at_entry is None:
        yield finding("completeness.age", ("participant", "age_at_entry"))
    if profile.education is None:
        yield finding("completeness.education", ("profile", "education"))
    if (
        profile.labour_market_status is LabourMarketStatus.UNEMPLOYED
        and profile.unemployed_since is None
    ):
        yield finding("completeness.unemployed_since", ("profile", "unemployed_since"))


def _consistency(record: Participation) -> Iterator[Finding]:
    last = record.last_exit
    employed_at_entry = (
        record.profile.labour_market_status is not None
        and record.profile.labour_market_status.esf_group is LabourMarketStatus.EMPLOYED
    )
    for index, event in enumerate(record.events):
        where = ("events", index)
        if isinstance(event, SituationAfterSixMonths | PostExitContact) and last is None:
            yield finding(f"consistency.{event.tag}_without_exit", (*where, "date"))
            continue
        if isinstance(event, PostExitContact) and last is not None and event.date <= last:
            yield finding(
                "consistency.post_exit_contact_before_exit",
                (*where, "date"),
                date=event.date,
                last_exit=last,
            )
        if isinstance(event, SituationAfterSixMonths) and last is not None:
            six = last.add(months=6)
            if event.date < six:
                yield finding(
                    "consistency.six_month_situation_too_early",
                    (*where, "date"),
                    date=event.date,
                    six_months=six,
                )
            if event.improvement is not None and not employed_at_entry:
                yield finding(
                    "consistency.improvement_not_employed_at_entry", (*where, "improvement")
                )
    for index, spell in enumerate(record.situations):
        if isinstance(spell, Employment) and spell.via_episode is not None:
            episode = next(e for e in record.episodes if e.id == spell.via_episode)
            if spell.start < episode.start:
                yield finding(
                    "consistency.employment_before_its_episode",
                    ("situations", index, "start"),
                    start=spell.start,
                    episode_start=episode.start,
                )


def _situations(record: Participation) -> Iterator[Finding]:
    """The recorded exit situation against the spells; nationality against background."""
    snapshot = record.exit_situation
    derived = derived_upon_leaving(record)
    if snapshot is not None and derived is not None and record.situations:
        status = snapshot.status is not derived.status
        education = snapshot.in_education is not derived.in_education
        if status or education:
            yield finding(
                "consistency.exit_situation_disagrees_with_spells",
                ("exit_situation",),
                differs="both" if status and education else "status" if status else "education",
                recorded_status=snapshot.status,
                derived_status=derived.status,
                day=derived.day,
                recorded_education=str(snapshot.in_education).lower(),
                derived_education=str(derived.in_education).lower(),
            )
    profile = record.profile
    if (
        profile.third_country_national is Answer.YES
        and profile.foreign_background is Answer.NOT_ASKED
    ):
        yield finding(
            "completeness.foreign_background_not_asked", ("profile", "foreign_background")
        )


def _services_offered(record: Participation, programme: Programme) -> Iterator[Finding]:
    if not programme.services:
        return
    for index, episode in enumerate(record.episodes):
        if episode.service not in programme.services:
            yield finding(
                "consistency.service_not_offered",
                ("episodes", index, "service"),
                service=episode.service,
            )
