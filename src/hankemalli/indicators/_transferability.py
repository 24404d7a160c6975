"""A transferability assessment of an operating model, point by point (siirrettävyyden arvio).

What is documented, what is missing and what the evidence from the records
supports, as data: a tuple of :class:`Point` objects that a report's section on
operating models renders in any language. No adjectives: a point is documented
because the field is filled, supported because a comparison came out better by more
than chance would explain (the 95 % interval of the difference lies wholly on the
better side of zero).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum, unique

from attrs import frozen

from ..model import INNOKYLA_FIELDS, DataError, ElementRole, OperatingModel
from ..model._errors import problem, shown
from ._evidence import Comparison, Evidence, Verdict

__all__ = ["Point", "PointStatus", "TransferabilityAssessment", "assess_transferability"]


@unique
class PointStatus(StrEnum):
    """What a point of the assessment says (arvion kohdan tila)."""

    DOCUMENTED = "documented"  #: kuvattu
    MISSING = "missing"  #: puuttuu
    SUPPORTED = "supported"  #: näyttö tukee
    NOT_SUPPORTED = "not_supported"  #: näyttö ei tue
    TOO_FEW = "too_few"  #: liian vähän vertailuun
    AGAINST = "against"  #: näyttö puhuu vastaan: worse, beyond chance


@frozen(kw_only=True)
class Point:
    """One point of a transferability assessment (arvion kohta).

    ``topic`` is stable: ``field.<name>`` for an Innokylä field, ``embedding``,
    ``elements.core``, ``elements.local``, ``trials``, ``evidence`` (missing when
    none was computed, else the evidence as a whole) and ``evidence.<indicator
    code>``, whose ``comparison`` holds the numbers.
    """

    topic: str
    status: PointStatus
    message: str
    comparison: Comparison | None = None


@frozen(kw_only=True)
class TransferabilityAssessment:
    """What can be said about moving an operating model elsewhere (siirrettävyyden arvio)."""

    model: str
    points: tuple[Point, ...]

    def with_status(self, *statuses: PointStatus) -> tuple[Point, ...]:
        """The points with any of the statuses, in order."""
        return tuple(p for p in self.points if p.status in statuses)

    @property
    def missing(self) -> tuple[Point, ...]:
        """What the description or the records still lack."""
        return self.with_status(PointStatus.MISSING)

    @property
    def documented(self) -> tuple[Point, ...]:
        """What is described."""
        return self.with_status(PointStatus.DOCUMENTED)

    def __getitem__(self, topic: str) -> Point:
        for point in self.points:
            if point.topic == topic:
                return point
        raise KeyError(topic)


_VERDICTS = {
    Verdict.SUPPORTED: PointStatus.SUPPORTED,
    Verdict.INCONCLUSIVE: PointStatus.NOT_SUPPORTED,
    Verdict.AGAINST: PointStatus.AGAINST,
    Verdict.TOO_FEW: PointStatus.TOO_FEW,
}


def assess_transferability(
    model: OperatingModel, evidence: Evidence | None = None
) -> TransferabilityAssessment:
    """Assess a model's description and, if given, the evidence for it from the records."""
    if evidence is not None and evidence.model != model.id:
        raise DataError(
            [
                problem(
                    ("evidence", "model"),
                    "evidence.other_model",
                    evidence_model=shown(evidence.model),
                    model=shown(model.id),
                )
            ]
        )
    points = [
        *_fields(model),
        _embedding(model),
        *_elements(model),
        _trials(model),
        *_evidence(evidence),
    ]
    return TransferabilityAssessment(model=model.id, points=tuple(points))


def _point(topic: str, missing: bool, message: str) -> Point:
    status = PointStatus.MISSING if missing else PointStatus.DOCUMENTED
    return Point(topic=topic, status=status, message=message)


def _fields(model: OperatingModel) -> Iterator[Point]:
    empty = set(model.empty_fields())
    for name, finnish in INNOKYLA_FIELDS:
        label = f"{name.replace('_', ' ')} ({finnish})"
        missing = name in empty
        yield _point(
            f"field.{name}", missing, f"{label} is {'not described' if missing else 'described'}"
        )


def _embedding(model: OperatingModel) -> Point:
    permanent = model.permanent_steps
    if permanent:
        where = "; ".join(f"in {s.organisation} from {s.date}" for s in permanent)
        return _point("embedding", False, f"made permanent {where}")
    if not model.embedding:
        return _point(
            "embedding",
            True,
            "no embedding step is recorded (4V: communicated, varied, mainstreamed, "
            "made permanent)",
        )
    furthest = max(model.embedding, key=lambda s: (s.stage.rank, s.date))
    return _point(
        "embedding",
        True,
        f"not made permanent anywhere yet; the furthest step is {furthest.stage} "
        f"in {furthest.organisation} from {furthest.date}",
    )


def _elements(model: OperatingModel) -> Iterator[Point]:
    core = [n.element for n in model.transferability if n.role is ElementRole.CORE]
    local = [n for n in model.transferability if n.role is ElementRole.LOCAL]
    if core:
        yield _point("elements.core", False, f"core elements: {', '.join(core)}")
    else:
        yield _point(
            "elements.core",
            True,
            "no core element is named: say what must be kept wherever the model is used",
        )
    unexplained = [n.element for n in local if n.depends_on is None]
    if not local:
        yield _point(
            "elements.local", True, "no local element is named: say what a new site must adapt"
        )
    elif unexplained:
        yield _point(
            "elements.local",
            True,
            f"local elements without the context they depend on: {', '.join(unexplained)}",
        )
    else:
        told = ", ".join(f"{n.element} (depends on {n.depends_on})" for n in local)
        yield _point("elements.local", False, f"local elements: {told}")


def _trials(model: OperatingModel) -> Point:
    if not model.trials:
        return _point("trials", True, "not tried outside the project yet")
    open_ = [t for t in model.trials if t.result is None]
    if open_:
        where = ", ".join(f"{t.place} (from {t.start})" for t in open_)
        return _point("trials", True, f"no result recorded for the trial in {where}")
    told = "; ".join(f"{t.place} from {t.start}: {t.result}" for t in model.trials)
    return _point("trials", False, f"tried elsewhere: {told}")


def _evidence(evidence: Evidence | None) -> Iterator[Point]:
    if evidence is None or not evidence.comparisons:
        yield _point("evidence", True, "no evidence computed from the records")
        return
    yield _overall(evidence.comparisons)
    for comparison in evidence.comparisons:
        yield Point(
            topic=f"evidence.{comparison.code}",
            status=_VERDICTS[comparison.verdict],
            message=comparison.message,
            comparison=comparison,
        )


def _overall(comparisons: tuple[Comparison, ...]) -> Point:
    """The evidence as a whole (näyttö kokonaisuutena).

    Supported when some criterion is supported and none is against; against when
    some is against and none supported; mixed results, inconclusive ones and too few
    are not support; too few when every comparison is. One criterion in several
    may come out beyond chance by chance (each has a 5 % risk), so a single
    supported criterion among inconclusive ones is the least the word needs.
    """
    by: dict[Verdict, list[str]] = {v: [] for v in Verdict}
    for comparison in comparisons:
        by[comparison.verdict].append(comparison.code)
    supported, against = by[Verdict.SUPPORTED], by[Verdict.AGAINST]
    if supported and not against:
        status = PointStatus.SUPPORTED
        message = f"supported on {', '.join(supported)}, against on none"
    elif against and not supported:
        status = PointStatus.AGAINST
        message = f"against on {', '.join(against)}, supported on none"
    elif supported:
        status = PointStatus.NOT_SUPPORTED
        message = f"mixed: supported on {', '.join(supported)}, against on {', '.join(against)}"
    elif by[Verdict.INCONCLUSIVE]:
        status = PointStatus.NOT_SUPPORTED
        message = (
            f"inconclusive on {', '.join(by[Verdict.INCONCLUSIVE])}: no difference beyond chance"
        )
    else:
        status = PointStatus.TOO_FEW
        message = "too few to compare on every criterion"
    return Point(topic="evidence", status=status, message=message)
