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
from ._findings import Finding, Severity

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
        for f in _record_findings(record, programme):
            found.append(
                Finding(
                    rule=f.rule,
                    severity=f.severity,
                    path=("participants", index, *f.path),
                    message=f.message,
                )
            )
    return tuple(found)


def _finding(rule: str, severity: Severity, path: tuple[str | int, ...], message: str) -> Finding:
    return Finding(rule=rule, severity=severity, path=path, message=message)


def _record_findings(record: Participation, programme: Programme | None) -> Iterator[Finding]:
    yield from _completeness(record)
    yield from _consistency(record)
    yield from _situations(record)
    if programme is not None:
        yield from _services_offered(record, programme)


def _completeness(record: Participation) -> Iterator[Finding]:
    total_only = "the record counts in the grand total only, not in the indicators"
    profile = record.profile
    if profile.gender is None or profile.gender is Gender.NOT_TOLD:
        yield _finding(
            "completeness.gender",
            Severity.WARNING,
            ("profile", "gender"),
            f"gender is not known; {total_only}",
        )
    if profile.labour_market_status is None:
        yield _finding(
            "completeness.labour_market_status",
            Severity.WARNING,
            ("profile", "labour_market_status"),
            f"labour-market status is not known; {total_only}",
        )
    if record.participant.age_at_entry is None:
        yield _finding(
            "completeness.age",
            Severity.WARNING,
            ("participant", "age_at_entry"),
            f"age at entry is not known; {total_only}",
        )
    if profile.education is None:
        yield _finding(
            "completeness.education",
            Severity.WARNING,
            ("profile", "education"),
            f"education (ISCED band) is not known; {total_only}",
        )
    if (
        profile.labour_market_status is LabourMarketStatus.UNEMPLOYED
        and profile.unemployed_since is None
    ):
        yield _finding(
            "completeness.unemployed_since",
            Severity.WARNING,
            ("profile", "unemployed_since"),
            "the start of unemployment is not known, so long-term unemployment cannot be decided",
        )


def _consistency(record: Participation) -> Iterator[Finding]:
    last = record.last_exit
    employed_at_entry = (
        record.profile.labour_market_status is not None
        and record.profile.labour_market_status.esf_group is LabourMarketStatus.EMPLOYED
    )
    for index, event in enumerate(record.events):
        where = ("events", index)
        if isinstance(event, SituationAfterSixMonths | PostExitContact) and last is None:
            yield _finding(
                f"consistency.{event.tag}_without_exit",
                Severity.ERROR,
                (*where, "date"),
                f"a {event.tag.replace('_', ' ')} event needs an exit; "
                "the participation is still open",
            )
            continue
        if isinstance(event, PostExitContact) and last is not None and event.date <= last:
            yield _finding(
                "consistency.post_exit_contact_before_exit",
                Severity.ERROR,
                (*where, "date"),
                f"contact after leaving is dated {event.date}, not after the last exit ({last})",
            )
        if isinstance(event, SituationAfterSixMonths) and last is not None:
            six = last.add(months=6)
            if event.date < six:
                yield _finding(
                    "consistency.six_month_situation_too_early",
                    Severity.WARNING,
                    (*where, "date"),
                    f"the situation six months after leaving is dated {event.date}, before the "
                    f"six-month date ({six}); it does not count as a longer-term result",
                )
            if event.improvement is not None and not employed_at_entry:
                yield _finding(
                    "consistency.improvement_not_employed_at_entry",
                    Severity.ERROR,
                    (*where, "improvement"),
                    "an improved labour-market situation is only for people employed at entry",
                )
    for index, spell in enumerate(record.situations):
        if isinstance(spell, Employment) and spell.via_episode is not None:
            episode = next(e for e in record.episodes if e.id == spell.via_episode)
            if spell.start < episode.start:
                yield _finding(
                    "consistency.employment_before_its_episode",
                    Severity.ERROR,
                    ("situations", index, "start"),
                    f"the employment ({spell.start}) begins before the episode that led to it "
                    f"started ({episode.start})",
                )


def _situations(record: Participation) -> Iterator[Finding]:
    """The recorded exit situation against the spells; nationality against background."""
    snapshot = record.exit_situation
    derived = derived_upon_leaving(record)
    if snapshot is not None and derived is not None and record.situations:
        differences = []
        if snapshot.status is not derived.status:
            differences.append(
                f"the status recorded at exit is {snapshot.status}, the spells give "
                f"{derived.status} on {derived.day}"
            )
        if snapshot.in_education is not derived.in_education:
            recorded = "in" if snapshot.in_education else "not in"
            spells = "in" if derived.in_education else "not in"
            differences.append(
                f"the exit situation says {recorded} education or training, the spells say {spells}"
            )
        if differences:
            yield _finding(
                "consistency.exit_situation_disagrees_with_spells",
                Severity.WARNING,
                ("exit_situation",),
                "; ".join(differences)
                + "; the recorded situation is what the results count: correct the one "
                "that is wrong",
            )
    profile = record.profile
    if (
        profile.third_country_national is Answer.YES
        and profile.foreign_background is Answer.NOT_ASKED
    ):
        yield _finding(
            "completeness.foreign_background_not_asked",
            Severity.WARNING,
            ("profile", "foreign_background"),
            "the person is a third-country national but was not asked about a foreign "
            "background; ask it: it is a question of its own (EECO14) and cannot be "
            "inferred from nationality (SFC2021 FAQ on EECO13–EECO15)",
        )


def _services_offered(record: Participation, programme: Programme) -> Iterator[Finding]:
    if not programme.services:
        return
    for index, episode in enumerate(record.episodes):
        if episode.service not in programme.services:
            yield _finding(
                "consistency.service_not_offered",
                Severity.NOTE,
                ("episodes", index, "service"),
                f"the programme does not list {episode.service} among its services",
            )
