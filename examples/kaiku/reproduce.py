"""KAIKU reproduced: every published figure computed from participant-level records.

KAIKU (Pohjois-Karjalan Sosiaaliturvayhdistys ry, Joensuu and Kontiolahti,
1.8.2015–31.12.2018) published its results as a handful of figures. hankemalli's demo
dataset is a synthetic participant-level dataset built to be consistent with every one
of them (no real people; see ``hankemalli.demo``). This script computes each figure
from those records with the library's indicators (never by counting by hand), prints
it beside the published one, and exits with status 1 if any of them does not match.

Run: ``python examples/kaiku/reproduce.py``
"""

from __future__ import annotations

import sys
from fractions import Fraction
from typing import NamedTuple

from attrs import evolve

from hankemalli import Answer, ServiceType
from hankemalli.demo import demo_dataset
from hankemalli.indicators import (
    SEED_FIGURES,
    Characteristic,
    Count,
    Everyone,
    Figure,
    Indicator,
    Labels,
    ReportingPeriod,
    Scope,
    Selector,
    UsedService,
    assess_transferability,
    compute,
)

DAYS_A_YEAR = Fraction("365.25")

# KAIKU's two strands: job coaching (työhönvalmennus) and the asylum seekers.
COACHED = UsedService(services=(ServiceType.JOB_COACHING,))
ASYLUM_SEEKERS = Characteristic(name="asylum_seeker", values=(Answer.YES,))


def over(code: str, population: Selector) -> Indicator:
    """A seed figure over the people of ``population`` who entered during the period."""
    indicator = SEED_FIGURES[code]
    if not isinstance(indicator.population, Everyone):
        population = population & indicator.population
    return evolve(indicator, scope=Scope.ENTERED_BY_END, population=population)


def people(code: str, name: str, population: Selector) -> Indicator:
    """The number of people of ``population`` who entered during the period."""
    return Indicator(
        code=code,
        labels=Labels(fi=name, sv=name, en=name),
        statistic=Count(),
        scope=Scope.ENTERED_BY_END,
        population=population,
    )


INDICATORS = (
    people("job_coaching", "Job-coaching participants", COACHED),
    over("placement", COACHED),
    over("started_from_rehabilitative_work", COACHED),
    over("weak_language_foreign_background", COACHED),
    over("no_vocational_qualification", COACHED),
    over("unemployment_duration", COACHED),
    SEED_FIGURES["rehabilitative_days_with_coaching"],
    SEED_FIGURES["rehabilitative_days_without_coaching"],
    people("asylum_seekers", "Asylum seekers", ASYLUM_SEEKERS),
    over("tet_periods", ASYLUM_SEEKERS),
    over("employment_from_tet", ASYLUM_SEEKERS),
    over("certificates", ASYLUM_SEEKERS),
)


class Row(NamedTuple):
    """One line of the comparison: the published figure and the computed one."""

    figure: str
    published: str
    computed: str
    matches: bool


def count(figure: str, published: int, value: int) -> Row:
    return Row(figure, str(published), str(value), value == published)


def percent(share: Figure) -> str:
    return f"{round(share.percent or 0)} % ({share.numerator}/{share.denominator})"


def compare() -> list[Row]:
    """Compute the figures from the demo records and pair each with the published one."""
    dataset = demo_dataset()
    programme = dataset.programme
    # The whole programme, as the records stood seven months after it ended (when the
    # final report is written): every result "upon leaving" (28 days) is known by then.
    results = compute(
        INDICATORS,
        dataset.participants,
        period=ReportingPeriod(start=programme.start, end=programme.end),
        as_of=programme.end.add(months=7),
    )
    placement = results["placement"]
    unqualified = results["no_vocational_qualification"]
    unemployment = results["unemployment_duration"]
    unemployed_years = Fraction(unemployment.value or 0) / DAYS_A_YEAR
    with_, without = (results[f"rehabilitative_days_{w}_coaching"] for w in ("with", "without"))
    certificates = results["certificates"]
    model = dataset.operating_model("kaiku-malli")
    (permanent,) = model.permanent_steps  # the embedding step that made it permanent
    embedding = assess_transferability(model)["embedding"]
    return [
        count("Job-coaching participants", 135, results["job_coaching"].numerator),
        Row(
            "  to open labour market or degree-oriented education",
            "44 %",
            percent(placement),
            round(placement.percent or 0) == 44,
        ),
        count(
            "  started from rehabilitative work activity",
            74,
            results["started_from_rehabilitative_work"].numerator,
        ),
        count(
            "  weak Finnish, immigrant background",
            61,
            results["weak_language_foreign_background"].numerator,
        ),
        Row(
            "  no vocational qualification at entry",
            "half",
            percent(unqualified),
            round(unqualified.percent or 0) == 50,
        ),
        Row(
            "  mean unemployment at entry",
            "3 years",
            f"{float(unemployed_years):.1f} years ({float(unemployment.value or 0):.0f} days)",
            round(unemployed_years) == 3,
        ),
        Row(
            "  rehabilitative work: with vs without coaching",
            "shorter",
            f"{float(with_.value or 0):.0f} vs {float(without.value or 0):.0f} days "
            f"(n = {with_.denominator} vs {without.denominator})",
            (with_.value or 0) < (without.value or 0),
        ),
        count("Asylum seekers", 120, results["asylum_seekers"].numerator),
        count("  TET periods", 72, results["tet_periods"].numerator),
        count("  employment relationships from them", 31, results["employment_from_tet"].numerator),
        count("  hygiene passports", 79, certificates.count("hygiene_passport")),
        count("  occupational safety cards", 42, certificates.count("occupational_safety_card")),
        Row(
            "Model made permanent in the City of Joensuu",
            "from 2017",
            f"{permanent.organisation}, {permanent.date} ({embedding.status})",
            permanent.organisation == "Joensuun kaupunki" and permanent.date.year == 2017,
        ),
    ]


def main() -> int:
    rows = compare()
    header = Row("Figure", "Published", "Computed", True)
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(3)]

    def line(cells: tuple[str, ...], mark: str) -> str:
        cells = tuple(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        return "  ".join((*cells, mark)).rstrip()

    print("KAIKU: published figures beside figures computed from the records")
    print()
    print(line(header[:3], ""))
    print(line(tuple("-" * w for w in widths), "-"))
    for row in rows:
        print(line(row[:3], "✓" if row.matches else "✗"))
    print()
    wrong = [row.figure.strip() for row in rows if not row.matches]
    if wrong:
        print(f"{len(wrong)} of {len(rows)} figures do not match: {'; '.join(wrong)}")
        return 1
    print(f"all {len(rows)} figures match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
