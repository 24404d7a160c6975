"""Protecting a published set of reports together (julkaistavien raporttien suojaus).

The reports of a set (every annual report and the final report, and those an
association has already published) are built with exact counts, each count noted
with its identity (:class:`~hankemalli.reporting._build.Ledger`). The identities
between them are collected:

- within a report, a gender table's row adds up to its total, and a single-valued
  breakdown (referral sources) to its total;
- a partition complete in the data: the status at entry (unemployed + inactive +
  employed = participants) and the level of education, when the figures add up
  exactly (for the total and for each gender column);
- across reports, an additive figure of the final report is the sum of the annual
  reports' (each gender column, each breakdown group, a share's numerator and
  denominator), and a cumulative one equals the latest year's, each plus the
  corrections of those years: a listed change is a count of the set (signed), a
  change to a gender group is never shown (unshown), so the final figure minus the
  years' gives neither away. A peak equals the largest year's; the groups of an
  operating model's comparison do not add up over the years and have no identity.

Every identity holds on the exact counts (the tests check it over generated
datasets and corrections), and the protection is audited with bounds: no withheld
count's lowest and highest possible values are equal
(:func:`~hankemalli.reporting.derivable_counts`).

:func:`~hankemalli.reporting._linked.protect_linked` then chooses what to withhold,
and every cell showing a withheld count (or a share whose numerator or denominator
is withheld) becomes :class:`Withheld`. A target's actual value is the figure of its
period (the same count); a share's denominator equal to the count of its base (the
leavers, the new participants) is taken to be it. Counts in no identity are
withheld when small.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import cast

from attrs import evolve

from ..indicators import Catalogue, PeakHeadcount, Scope
from ._build import Ledger, Variable, recording, stop_recording
from ._document import (
    Cell,
    Disclosure,
    FigureList,
    Report,
    Table,
    TableRow,
    Withheld,
)
from ._linked import LinkedProtection, protect_linked

__all__ = ["ExactReport", "exact", "protect_set"]

#: Partitions of participants at entry that hold when every record has the trait:
#: (total, parts). Each is used only where the figures add up exactly.
PARTITIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("COTOTAL", ("CO01", "CO03", "CO05")),
    ("COTOTAL", ("CO09", "CO10", "CO11")),
    ("EECO01", ("EECO02", "EECO04", "EECO05")),
    ("EECO01", ("EECO09", "EECO10", "EECO11")),
    ("EECO01", ("EECO06", "EECO07", "EECO08")),
    # everyone taking part in a period left in it or was still there at its end
    ("participants", ("leavers", "stayers")),
    # the same people by two names: those who entered in the period; and, where
    # nobody came from before it (the first year, the whole programme), everyone
    ("new_participants", ("COGRANDTOTAL",)),
    ("new_participants", ("EEGRANDTOTAL",)),
    ("participants", ("new_participants",)),
)

#: Counts of people within another count by the indicators' definitions (ESF 2014–2020:
#: Annex I of Regulation (EU) No 1304/2013; ESF+: Annex I of Regulation (EU) 2021/1057),
#: and the chain of totals: a count of the results within the leavers with complete
#: records, those within all leavers, within everyone taking part in the period.
WITHIN: dict[str, str] = {
    "CO02": "CO01",
    "CO04": "CO03",
    "CO08": "CO07",
    "CR08": "CR06",
    "CR09": "CR06",
    "EECO03": "EECO02",
    "COTOTAL": "COGRANDTOTAL",
    "EECO01": "EEGRANDTOTAL",
    "COGRANDTOTAL": "new_participants",
    "EEGRANDTOTAL": "new_participants",
    "CRLEAVERS": "leavers",
    "EELEAVERS": "leavers",
    "new_participants": "participants",
    "leavers": "participants",
    "stayers": "participants",
}

#: The total of each scope's counts, where :data:`WITHIN` names none.
_SCOPE_TOTALS = {
    Scope.ENTERED: ("COTOTAL", "EECO01", "new_participants"),
    Scope.LEFT: ("CRLEAVERS", "EELEAVERS", "leavers"),
    Scope.STAYING: ("stayers",),
    Scope.ACTIVE: ("participants",),
}

ExactReport = tuple[Report, Ledger]


def exact(key: Hashable, build: Callable[[], Report]) -> ExactReport:
    """Build a report with exact counts, noting each under the report's ``key``."""
    ledger = Ledger(report=key)
    token = recording(ledger)
    try:
        report = build()
    finally:
        stop_recording(token)
    return report, ledger


def _cells(report: Report) -> Iterator[tuple[tuple[int, ...], Cell]]:
    """Every cell of a report by its place: (section, block, row, column)."""
    for s, section in enumerate(report.sections):
        for b, block in enumerate(section.blocks):
            if isinstance(block, FigureList):
                for r, row in enumerate(block.rows):
                    yield (s, b, r, 0), row.value
            elif isinstance(block, Table):
                for r, trow in enumerate(block.rows):
                    for c, value in enumerate(trow.cells):
                        yield (s, b, r, c), value


def _partitions(ledger: Ledger) -> None:
    values, key = ledger.values, ledger.report
    for total, parts in PARTITIONS:
        groups: list[str | None] = [None, *ledger.genders.get(total, ()), "rest"]
        for group in groups:
            names = [(key, code, group, "n") for code in (total, *parts)]
            if all(n in values for n in names) and values[names[0]] == sum(
                values[n] for n in names[1:]
            ):
                ledger.relate((names[0], 1), *((n, -1) for n in names[1:]))


def _within(code: str, catalogue: Catalogue) -> tuple[str, ...]:
    """The counts that hold every person ``code`` counts, the nearest first."""
    if code in WITHIN:
        return (WITHIN[code],)
    if code not in catalogue:
        return ()

    def family(name: str) -> str:
        return "EE" if name.startswith("EE") else "C" if name.startswith("C") else ""

    totals = _SCOPE_TOTALS.get(catalogue[code].scope, ())
    return tuple(t for t in totals if t != code and family(t) == family(code))


def _subsets(ledger: Ledger, catalogue: Catalogue) -> None:
    """Inequalities a reader knows: a count within another, a share's part within its whole.

    Each is an identity with a count that is never shown and cannot be negative (the
    people of the larger count not in the smaller): ``larger = smaller + rest``. So
    the audit's bounds see them: CR09 (disadvantaged, in work six months after)
    within CR06 (in work six months after), with CR06's shown "other" 0, tells
    CR09's "other" is 0 and so its women's count. Added where the counts agree (the
    larger is not smaller), for the nearest containing count found in the report.
    """
    values, key = ledger.values, ledger.report
    nearest: dict[str, tuple[str, ...]] = {}  # each code's, worked out once
    for variable, value in list(values.items()):
        report, code, group, part = variable
        if report != key:
            continue
        if part == "n" and isinstance(code, str):
            holding = nearest.get(code)
            if holding is None:
                holding = nearest[code] = _within(code, catalogue)
            for larger in holding:
                whole = (key, larger, group, "n")
                if whole in values and values[whole] >= value:
                    _rest(ledger, whole, variable)
                    break
            # over the whole programme, everyone who left or stayed entered in it
            whole = (key, "new_participants", group, "n")
            final = key == ("final",) and code in ("leavers", "stayers")
            if final and whole in values and values[whole] >= value:
                _rest(ledger, whole, variable)
        elif part == "share_n":
            whole = (key, code, group, "share_d")
            if whole in values and values[whole] >= value:
                _rest(ledger, whole, variable)


def _rest(ledger: Ledger, whole: Variable, part: Variable) -> None:
    """Note ``whole = part + rest`` with ``rest ≥ 0`` an auxiliary unknown.

    Only where the rest is 0: a count that is not 0 can move both ways, so an
    inequality that holds with room to spare tells nothing exact (the audit asks
    whether a count can move at all), and leaving it out keeps the set small.
    """
    if ledger.values[whole] != ledger.values[part]:
        return
    rest = (ledger.report, part[1], part[2], ("within", whole[1], whole[3], part[3]))
    ledger.values[rest] = 0
    ledger.auxiliary.add(rest)
    ledger.relate((whole, 1), (part, -1), (rest, -1))


def _model_groups(ledger: Ledger) -> None:
    """An operating model's two groups add up to the figure of everyone in the report.

    The users' and the others' counts (numerators of the result, denominators of the
    base) are a partition of everyone's: a reader subtracts one group from the
    figure shown in the results. Found once the whole report is noted (the models
    section is built before the results), where the figures add up exactly.
    """
    values, key = ledger.values, ledger.report
    for used, value in list(values.items()):
        report, code, group, part = used
        if report != key or not (isinstance(group, str) and group.endswith(":used")):
            continue
        others = (key, code, group[: -len("used")] + "not_used", part)
        if others not in values:
            continue
        wholes = [(key, code, None, part)]
        if part == "share_n":
            wholes.append((key, code, None, "n"))
        elif part == "share_d":
            wholes += [(key, base, None, "n") for base in BASES]
        for whole in wholes:
            if values.get(whole) == value + values[others]:
                ledger.relate((whole, 1), (used, -1), (others, -1))
                break


#: Counts of people that are the base of shares: a share's denominator equal to one
#: of them, in the same report and group, is taken to be that count.
BASES = (
    "new_participants",
    "leavers",
    "participants",
    "COGRANDTOTAL",
    "COTOTAL",
    "CRLEAVERS",
    "EEGRANDTOTAL",
    "EECO01",
    "EELEAVERS",
)


def _bases(ledger: Ledger) -> None:
    """A share's denominator is the count of its base (the leavers, the new participants).

    Shown beside a withheld base, a share would tell it; the identity makes the
    protection withhold the share too (equal values are taken to be the same count:
    an identity too many only withholds more).
    """
    for variable, value in list(ledger.values.items()):
        key, _, group, part = variable
        if not (isinstance(part, str) and part.startswith("share_d")):
            continue
        for code in BASES:
            base = (key, code, group, "n")
            if ledger.values.get(base) == value:
                ledger.relate((variable, 1), (base, -1))
                break


#: The groups of an operating model's comparison (reporting/_models.py): who used the
#: model's services in a year is not who used them over the whole programme, so their
#: counts do not add up over the years.
_MODEL_GROUPS = (":used", ":not_used")

#: Which part of a correction's change (numerator "n", denominator "d") each kind of
#: count of a figure takes.
_CHANGED = {"n": "n", "share_n": "n", "share_d": "d", "d": "d"}


def _corrections(final: Ledger) -> dict[tuple[str, str | None, str], list[tuple[Variable, int]]]:
    """The final report's corrections by (code, group, part changed): (change, year)."""
    found: dict[tuple[str, str | None, str], list[tuple[Variable, int]]] = {}
    for variable in final.values:
        key, code, group, part = variable
        if key == final.report and isinstance(part, tuple) and part[0] == "correction":
            _, _, year, changed = part
            found.setdefault((code, group, changed), []).append((variable, year))
    return found


def _cumulation(
    final: Ledger, annual: Sequence[Ledger], catalogue: Catalogue
) -> list[tuple[tuple[Variable, int], ...]]:
    """The identities between the final report's counts and the annual reports'.

    A final count is the sum of the years' (an additive figure) or the latest
    year's (a cumulative one), plus the corrections of those years to it: the
    changes listed in the final report, and those applied to a gender group and not
    listed (:attr:`Ledger.unshown`).
    """
    found: list[tuple[tuple[Variable, int], ...]] = []
    if not annual:
        return found  # the final report alone: no year to add up
    latest = annual[-1]
    changes = _corrections(final)

    def corrected(code: str, group: str | None, part: Hashable) -> list[tuple[Variable, int]]:
        changed = _CHANGED.get(part) if isinstance(part, str) else None
        if changed is None:
            return []
        latest_year = latest.report[1] if isinstance(latest.report, tuple) else None
        return [
            (variable, -1)
            for variable, year in changes.get((code, group, changed), ())
            if not catalogue[code].cumulative or year == latest_year
        ]

    for variable in final.values:
        key, code, group, part = variable
        if (
            key != final.report
            or code not in catalogue
            or isinstance(part, tuple)
            or (isinstance(part, str) and part.endswith("recomputed"))
        ):
            continue  # a year's figure among the targets, the recomputation, a change
        indicator = catalogue[code]
        if group is not None and code in final.genders:
            continue  # gender columns: below
        if isinstance(group, str) and group.endswith(_MODEL_GROUPS):
            continue  # who used a model's services differs between a year and the whole
        if isinstance(indicator.statistic, PeakHeadcount):
            # the whole programme's peak is the largest year's: equal to that year
            # (the first such year; when a correction makes it differ, none)
            peaks = [
                (a.values[same], same)
                for a in annual
                if (same := (a.report, code, group, part)) in a.values
            ]
            if peaks:
                value, year = max(peaks, key=lambda peak: peak[0])
                if value == final.values[variable]:
                    found.append(((variable, 1), (year, -1)))
            continue
        if indicator.cumulative:
            same = (latest.report, code, group, part)
            if same in latest.values:
                found.append(((variable, 1), (same, -1), *corrected(code, group, part)))
        elif indicator.additive:
            years = [(a.report, code, group, part) for a in annual]
            if not any(y in a.values for y, a in zip(years, annual, strict=True)):
                continue  # no year has it: nothing to add up
            found.append(
                (
                    (variable, 1),
                    *((y, -1) for y, a in zip(years, annual, strict=True) if y in a.values),
                    *corrected(code, group, part),
                )
            )
    # Gender columns: a gender shown in every report adds up over the years; the
    # others add up together with the "other or unknown" column.
    for code, shown in final.genders.items():
        if code not in catalogue or not catalogue[code].additive:
            continue
        having = [a for a in annual if code in a.genders]
        if not having:
            continue
        every = set(shown).intersection(*(a.genders[code] for a in having))
        for gender in sorted(every):
            found.append(
                (
                    ((final.report, code, gender, "n"), 1),
                    *(((a.report, code, gender, "n"), -1) for a in having),
                    *corrected(code, gender, "n"),
                )
            )
        # The rest is the total less the genders shown: its change is the total's
        # less theirs.
        rest: list[tuple[Variable, int]] = [((final.report, code, "rest", "n"), 1)]
        rest += [((final.report, code, g, "n"), 1) for g in shown if g not in every]
        for a in having:
            rest.append(((a.report, code, "rest", "n"), -1))
            rest += [((a.report, code, g, "n"), -1) for g in a.genders[code] if g not in every]
        rest += corrected(code, None, "n")
        rest += [(v, 1) for gender in sorted(every) for v, _ in corrected(code, gender, "n")]
        found.append(tuple(rest))
    return found


def _known(published: Report, rebuilt: ExactReport) -> dict[Variable, bool]:
    """What a published report showed (True) and withheld (False), by count."""
    exact_report, ledger = rebuilt
    given = dict(_cells(published))
    known: dict[Variable, bool] = {}
    for place, shown in _cells(exact_report):
        noted = ledger.cells.get(id(shown))
        if noted is None or place not in given:
            continue
        withheld = isinstance(given[place], Withheld)
        for variable in noted[1]:
            known[variable] = known.get(variable, True) and not withheld
    return known


def protect_set(
    reports: Sequence[ExactReport],
    *,
    threshold: int,
    catalogue: Catalogue,
    published: Sequence[tuple[Report, ExactReport]] = (),
) -> tuple[Report, ...]:
    """Protect exactly built reports together, against reports already published.

    ``reports`` are built by :func:`exact` with keys ``("annual", year)`` and
    ``("final",)``; ``published`` pairs each report already published with its
    exact rebuild. Returns ``reports`` with withheld counts as :class:`Withheld`
    and each report's :class:`Disclosure`.
    """
    ledgers = [ledger for _, ledger in reports] + [ledger for _, (_, ledger) in published]
    keys = [ledger.report for ledger in ledgers]
    if len(set(keys)) != len(keys):
        raise ValueError(f"a published set cannot hold two reports of one period: {keys}")
    for ledger in ledgers:
        _partitions(ledger)
        _bases(ledger)
        _model_groups(ledger)
        _subsets(ledger, catalogue)
    relations = [r for ledger in ledgers for r in ledger.relations]
    finals = [ledger for ledger in ledgers if ledger.report == ("final",)]
    if finals:
        annual = sorted(
            (ledger for ledger in ledgers if ledger.report != ("final",)),
            key=lambda ledger: repr(ledger.report),
        )
        relations += _cumulation(finals[0], annual, catalogue)
    values: dict[Variable, int] = {}
    for ledger in ledgers:
        values.update(ledger.values)
    fixed: dict[Variable, bool] = {}
    for given, rebuilt in published:
        fixed.update(_known(given, rebuilt))
    found = protect_linked(
        values,
        relations,
        threshold,
        fixed=fixed,
        signed={v for ledger in ledgers for v in ledger.signed},
        unshown={v for ledger in ledgers for v in ledger.unshown},
        auxiliary={v for ledger in ledgers for v in ledger.auxiliary},
    )
    withheld = cast(set[Variable], set(found.withheld))
    return tuple(_replace(report, ledger, withheld, found) for report, ledger in reports)


def _kept(new: Sequence[object], old: Sequence[object]) -> bool:
    """Whether every item of ``new`` is the very item of ``old`` in its place."""
    return all(n is o for n, o in zip(new, old, strict=True))


def _replace(
    report: Report, ledger: Ledger, withheld: set[Variable], found: LinkedProtection
) -> Report:
    def swap(value: Cell) -> Cell:
        noted = ledger.cells.get(id(value))
        if noted is not None and any(v in withheld for v in noted[1]):
            return Withheld()
        return value

    # Only what holds a withheld count is built anew; the rest is kept as it is (the
    # same values: most of a report at a few thousand people).
    sections = []
    for section in report.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, FigureList):
                rows = tuple(
                    r if (value := swap(r.value)) is r.value else evolve(r, value=value)
                    for r in block.rows
                )
                if not _kept(rows, block.rows):
                    block = evolve(block, rows=rows)
            elif isinstance(block, Table):
                table_rows = tuple(
                    r if cells == r.cells else TableRow(label=r.label, cells=cells)
                    for r in block.rows
                    for cells in (tuple(swap(c) for c in r.cells),)
                )
                if not _kept(table_rows, block.rows):
                    block = evolve(block, rows=table_rows)
            blocks.append(block)
        kept = _kept(blocks, section.blocks)
        sections.append(section if kept else evolve(section, blocks=tuple(blocks)))
    own = set(ledger.values) - ledger.unshown - ledger.auxiliary
    return evolve(
        report,
        sections=tuple(sections),
        disclosure=Disclosure(
            counts=len(own),
            withheld=len(own & withheld),
            primary=len(own & withheld - set(found.secondary)),
            secondary=len(own & set(found.secondary)),
            exposed=len(own & set(found.exposed)),
        ),
    )


def counts_of(report: Report) -> Mapping[str, int]:
    """How many cells of a report show a count and how many are withheld (for measuring)."""
    shown = sum(1 for _, c in _cells(report) if c.__class__.__name__ in ("Count", "Ratio"))
    hidden = sum(1 for _, c in _cells(report) if isinstance(c, Withheld))
    return {"shown": shown, "withheld": hidden}
