"""Record-level checks: completeness and internal consistency (tietueen tarkistukset).

In the spirit of the European Commission's "Annex D" guidance on participant data:
each record is checked for the characteristics the indicators need, and for
events and pathways that contradict each other. Checks never raise on the data
they judge; they return findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import (
    Dataset,
    EmploymentStarted,
    Gender,
    LabourMarketStatus,
    Participation,
    PostExitContact,
    Programme,
    SituationAfterSixMonths,
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
        if isinstance(event, EmploymentStarted) and event.via_episode is not None:
            episode = next(e for e in record.episodes if e.id == event.via_episode)
            if event.date < episode.start:
                yield _finding(
                    "consistency.employment_before_its_episode",
                    Severity.ERROR,
                    (*where, "date"),
                    f"the employment ({event.date}) comes before the episode that led to it "
                    f"started ({episode.start})",
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
