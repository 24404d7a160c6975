"""The data-quality report's text, pinned in English (rules/_quality.py).

Errors first; a rule whose findings all say the same is told once with the
pseudonyms affected, one whose findings differ gets a line a finding with its path.
"""

from __future__ import annotations

import pendulum

import hankemalli as h
from hankemalli.rules import quality_report

D = pendulum.date
SINCE = D(2015, 1, 1)
PROGRAMME = h.Programme(
    id="X", name="KOKEILU", organisation="Y", start=D(2015, 1, 1), end=D(2018, 12, 31),
    services=(h.ServiceType.JOB_COACHING,),
)  # fmt: skip
OWN_USE = (
    "For the association's own use. The report names the participants by their pseudonyms so "
    "that the data can be corrected; do not send it to a funder or publish it."
)


def contact(day: pendulum.Date) -> h.PostExitContact:
    return h.PostExitContact(
        date=day, source=h.InformationSource.PARTICIPANT_REPORTED, kind=h.ContactKind.VOLUNTEERING
    )


def test_a_quality_report_reads_rule_by_rule_errors_first(rec) -> None:
    tet = h.ServiceEpisode(service=h.ServiceType.TET, start=D(2016, 4, 1), end=D(2016, 4, 10))
    dataset = h.Dataset(
        programme=PROGRAMME,
        participants=(
            rec("A", age=None, since=SINCE),
            rec("B", age=None, since=SINCE, events=(contact(D(2016, 5, 1)),)),
            rec("C", since=SINCE, episodes=(tet,), events=(contact(D(2016, 4, 1)),)),
        ),
    )
    assert quality_report(dataset).text("en") == (
        "# Data quality: KOKEILU\n"
        "\n"
        f"{OWN_USE}\n"
        "\n"
        "Participants 3, findings 5: errors 2, warnings 2, notes 1.\n"
        "\n"
        "## Error: Contact after leaving dated before the exit "
        "(consistency.post_exit_contact_before_exit)\n"
        "\n"
        "Findings 2, participants 2.\n"
        "\n"
        "- B: $.participants[1].events[0].date: contact after leaving is dated 2016-05-01, "
        "not after the last exit (2016-06-01)\n"
        "- C: $.participants[2].events[0].date: contact after leaving is dated 2016-04-01, "
        "not after the last exit (2016-06-01)\n"
        "\n"
        "## Warning: Age not known (completeness.age)\n"
        "\n"
        "Findings 2, participants 2.\n"
        "\n"
        "Age at entry is not known; the record counts in the grand total only, not in the "
        "indicators.\n"
        "\n"
        "Participants: A, B\n"
        "\n"
        "## Note: Service not among the programme's services (consistency.service_not_offered)\n"
        "\n"
        "Findings 1, participants 1.\n"
        "\n"
        "The programme does not list tet among its services.\n"
        "\n"
        "Participants: C\n"
    )


def test_a_quality_report_with_nothing_to_fix_says_so(rec) -> None:
    dataset = h.Dataset(programme=PROGRAMME, participants=(rec("A", since=SINCE),))
    assert quality_report(dataset).text("en") == (
        f"# Data quality: KOKEILU\n\n{OWN_USE}\n\n"
        "Participants 1, findings 0: errors 0, warnings 0, notes 0.\n\n"
        "The checks found nothing to correct.\n"
    )
