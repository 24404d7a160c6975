"""Change on staged-scale instruments as indicators (muutos arviointiasteikolla).

The change on a dimension is the stage of the latest review minus the stage of the
entry assessment, counting only assessments dated by the end of the period (or
as_of, if earlier). :class:`StageChange` is a :class:`Measure` and :class:`Improved`
and :class:`Assessed` are selectors, so the results are ordinary indicators: a
:class:`Mean` of the change, a :class:`Share` of those who improved, broken down by
any :class:`Key`. :func:`instrument_indicators` builds them for an instrument.
"""

from __future__ import annotations

from attrs import frozen

from ..model import AssessmentKind, Instrument
from ._context import Context, RecordView, Scope
from ._definition import Catalogue, Indicator, Labels
from ._measures import Measure
from ._selectors import Selector
from ._statistics import Count, Mean, Share

__all__ = ["Assessed", "Improved", "StageChange", "instrument_indicators"]


def stage_pairs(view: RecordView, ctx: Context, instrument: str) -> dict[str, tuple[int, int]]:
    """Per dimension, the entry stage and the latest reviewed stage, as known at the horizon.

    Only dimensions scored both in the entry assessment and in some review count.
    """
    return dict(_pairs(view, ctx, instrument))


def _pairs(view: RecordView, ctx: Context, instrument: str) -> dict[str, tuple[int, int]]:
    """:func:`stage_pairs`, worked out once per record view, instrument and horizon.

    Every indicator of an instrument asks it (the change, the share improved, per
    dimension), and so does every run over a period with the same horizon.
    """
    if not view.record.assessments:
        return {}
    key = ("stage_pairs", instrument, ctx.horizon)
    found = view._memo.get(key)
    if found is None:
        found = view._memo[key] = _work_out_pairs(view, ctx, instrument)
    return found  # type: ignore[return-value]


def _work_out_pairs(view: RecordView, ctx: Context, instrument: str) -> dict[str, tuple[int, int]]:
    horizon = ctx.horizon
    known = [a for a in view.record.assessments if a.instrument == instrument and a.date <= horizon]
    entry = next((a for a in known if a.kind is AssessmentKind.ENTRY), None)
    if entry is None:
        return {}
    latest: dict[str, int] = {}
    reviews = sorted((a for a in known if a.kind is AssessmentKind.REVIEW), key=lambda a: a.date)
    for review in reviews:  # a later review overrides an earlier one
        latest.update((s.dimension, s.stage) for s in review.scores)
    pairs = {}
    for dimension, stage in latest.items():
        start = entry.stage(dimension)
        if start is not None:
            pairs[dimension] = (start, stage)
    return pairs


@frozen(kw_only=True)
class StageChange(Measure):
    """Stages gained from the entry assessment to the latest review (muutos portaina).

    On one ``dimension``, or, if it is None, summed over every dimension scored at
    both. Negative when a person went down; None when there is no entry assessment
    or no review of the dimension by the end of the period.
    """

    instrument: str
    dimension: str | None = None
    unit = "stages"

    def value(self, view: RecordView, ctx: Context) -> int | None:
        """The change in stages, if it can be known."""
        return _change(view, ctx, self.instrument, self.dimension)


def _change(view: RecordView, ctx: Context, instrument: str, dimension: str | None) -> int | None:
    """:meth:`StageChange.value`, for the selectors to ask without building a measure."""
    pairs = _pairs(view, ctx, instrument)
    if dimension is not None:
        pair = pairs.get(dimension)
        return None if pair is None else pair[1] - pair[0]
    if not pairs:
        return None
    return sum(late - early for early, late in pairs.values())


@frozen(kw_only=True)
class Assessed(Selector):
    """Assessed at entry and reviewed later on the instrument (arvioitu kahdesti)."""

    instrument: str
    dimension: str | None = None

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the change is known."""
        if not view.record.assessments:  # most records: never assessed
            return False
        return _change(view, ctx, self.instrument, self.dimension) is not None


@frozen(kw_only=True)
class Improved(Selector):
    """Went up at least one stage since the entry assessment (edistyi).

    On one ``dimension``, or, if it is None, in the stages summed over dimensions.
    """

    instrument: str
    dimension: str | None = None

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the change is known and positive."""
        if not view.record.assessments:
            return False
        value = _change(view, ctx, self.instrument, self.dimension)
        return value is not None and value > 0


def instrument_indicators(
    instrument: Instrument, *, scope: Scope = Scope.ENTERED_BY_END
) -> Catalogue:
    """The indicators of an instrument: who was assessed, the change and the share improved.

    Codes are ``<instrument>.assessed``, ``<instrument>.change`` and
    ``<instrument>.improved`` over all dimensions, then ``<instrument>.<dimension>.change``
    and ``<instrument>.<dimension>.improved`` for each dimension. Each is taken over
    the people assessed at entry and in review; ``scope`` anchors them to the
    period (by default everyone who entered by its end: change is cumulative).
    """
    iid, name = instrument.id, instrument.name
    ref = f"staged-scale instrument {iid!r}"
    assessed = f"{iid}.assessed"
    indicators = [
        Indicator(
            code=assessed,
            labels=Labels(
                fi=f"{name}: arvioitu alussa ja seurannassa",
                sv=f"{name}: bedömda i början och vid uppföljning",
                en=f"{name}: assessed at entry and in review",
            ),
            statistic=Count(),
            scope=scope,
            population=Assessed(instrument=iid),
            reference=ref,
        )
    ]
    parts: list[tuple[str, str | None, str]] = [(iid, None, name)]
    parts += [(f"{iid}.{d.id}", d.id, f"{name} – {d.name}") for d in instrument.dimensions]
    for code, dimension, label in parts:
        population = Assessed(instrument=iid, dimension=dimension)
        indicators += [
            Indicator(
                code=f"{code}.change",
                labels=Labels(
                    fi=f"{label}: muutos (portaita)",
                    sv=f"{label}: förändring (steg)",
                    en=f"{label}: change (stages)",
                ),
                statistic=Mean(measure=StageChange(instrument=iid, dimension=dimension)),
                scope=scope,
                population=population,
                reference=ref,
            ),
            Indicator(
                code=f"{code}.improved",
                labels=Labels(
                    fi=f"{label}: edistyneet", sv=f"{label}: förbättrade", en=f"{label}: improved"
                ),
                statistic=Share(of=Improved(instrument=iid, dimension=dimension)),
                scope=scope,
                population=population,
                within=assessed,
                reference=ref,
            ),
        ]
    return Catalogue(
        name=f"{name} (staged scale)",
        version="1",
        indicators=tuple(indicators),
        description=f"Change on the staged-scale instrument {name!r}, entry to latest review.",
    )
