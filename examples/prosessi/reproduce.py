"""PROSESSI reproduced: yearly targets, the Kielikylpy model and contacts after leaving.

Reads ``prosessi.json`` (written by ``build.py`` next to it: synthetic records, no real
people) and prints, with hankemalli's calculators:

- each year's participants and average number at a time against the targets of 30–40
  a year and 10–15 at a time (``assess_targets``), and checks that 2016 was above both,
  as the project's page says ("in 2016 the targets were clearly exceeded");
- how people came in (the routes in) and the wage-subsidised hires;
- the Kielikylpy language-immersion model: its embedding, the evidence from the
  records and the transferability assessment point by point;
- the contacts kept after leaving, as volunteers or as employees.

Exits with status 1 if 2016 was not above both targets.

Run: ``python examples/prosessi/reproduce.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

from attrs import evolve

from hankemalli import LanguageSkill, TargetMetric
from hankemalli.indicators import (
    SEED_FIGURES,
    AttainmentLevel,
    Characteristic,
    EventMatch,
    Events,
    ReportingPeriod,
    Window,
    assess_targets,
    assess_transferability,
    compute,
    evidence,
)
from hankemalli.serialization import read

DATA = Path(__file__).with_name("prosessi.json")


def main() -> int:
    dataset = read(DATA)
    programme = dataset.programme
    # The records as they stood seven months after the end: follow-ups are in.
    as_of = programme.end.add(months=7)
    whole = ReportingPeriod(start=programme.start, end=programme.end)
    print(f"{programme.name}, {programme.organisation}, {', '.join(programme.areas)}")
    print(f"{whole}, {len(dataset.participants)} participant records, as of {as_of}")

    # Targets: one row per year, both metrics side by side.
    attainments = assess_targets(programme, dataset.participants, as_of=as_of)
    by_year = {(a.period.start.year, a.target.metric): a for a in attainments}
    targets = {a.target.metric: a.target for a in attainments}
    people, at_a_time = TargetMetric.PARTICIPANTS, TargetMetric.AVERAGE_CONCURRENT
    print()
    wanted = {m: f"{t.minimum}–{t.maximum}" for m, t in targets.items()}
    print(
        f"{'Year':<6}{'Participants':>13}  {'target ' + wanted[people]:<12}"
        f"{'At a time':>12}  target {wanted[at_a_time]}"
    )
    for year in sorted({year for year, _ in by_year}):
        a, b = by_year[year, people], by_year[year, at_a_time]
        mark = "*" if a.partial else ""
        print(
            f"{year}{mark:<2}{float(a.value):>13.0f}  {a.level:<12}"
            f"{float(b.value):>12.1f}  {b.level}"
        )
    print(f"* part of a year only (the programme started on {programme.start})")
    exceeded = all(by_year[2016, m].level is AttainmentLevel.ABOVE for m in (people, at_a_time))
    print(
        f"2016 above both targets, as published ('the targets were clearly exceeded'): "
        f"{'✓' if exceeded else '✗'}"
    )

    # Routes in and wage-subsidised work, over the whole programme.
    # The seed figure counts contacts dated in the period; these are all known by as_of.
    contacts_by_kind = evolve(
        SEED_FIGURES["post_exit_contacts"],
        statistic=Events(
            match=EventMatch(event="post_exit_contact"), window=Window.AFTER_LEAVING, by="kind"
        ),
    )
    figures = compute(
        [
            SEED_FIGURES["referral_sources"],
            SEED_FIGURES["wage_subsidised_hires"],
            SEED_FIGURES["post_exit_contact"],
            contacts_by_kind,
        ],
        dataset.participants,
        period=whole,
        as_of=as_of,
    )
    routes = ", ".join(f"{g.replace('_', ' ')} {n}" for g, n in figures["referral_sources"].counts)
    print()
    print(f"Routes in: {routes}")
    print(f"Hires on a wage subsidy: {figures['wage_subsidised_hires'].numerator}")

    # The Kielikylpy model: embedding, evidence among people with weak Finnish, assessment.
    model = dataset.operating_model("kielikylpy")
    print()
    print(f"{model.name}, started {model.started}: {model.short_description}")
    print(f"  methods: {', '.join(model.methods)}")
    for step in model.embedding:
        print(f"  {step.stage} in {step.organisation} from {step.date}")
    weak_finnish = Characteristic(
        name="language_skill", values=(LanguageSkill.WEAK, LanguageSkill.NONE)
    )
    found = evidence(model, dataset.participants, period=whole, as_of=as_of, among=weak_finnish)
    assessment = assess_transferability(model, found)
    print("  Assessment (among people with weak Finnish, for the evidence):")
    for point in assessment.points:
        print(f"    {point.status:<13} {point.message}")
    print(
        "  (The synthetic outcomes were drawn without regard to Kielikylpy: any "
        "difference is chance.)"
    )

    # Contacts after leaving: a safety net of people, organisations and services.
    kept = figures["post_exit_contact"]
    kinds = ", ".join(f"{g.replace('_', ' ')} {n}" for g, n in figures["post_exit_contacts"].counts)
    print()
    print(f"Contact kept after leaving: {kept.numerator} of {kept.denominator} leavers")
    print(f"Contacts after leaving: {kinds}")
    return 0 if exceeded else 1


if __name__ == "__main__":
    sys.exit(main())
