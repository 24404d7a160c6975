"""Confidence intervals for shares and their differences (luottamusvälit).

A comparison of two small groups needs its uncertainty beside it: 7 of 47 against
2 of 16 is +2.4 percentage points, and the 95 % interval of that difference runs
from about −19 to +17 points. Two standard, closed-form methods are used:

- **Wilson's score interval** for one share (E. B. Wilson, "Probable inference, the law
  of succession, and statistical inference", *JASA* 22 (1927) 209–212), which keeps
  its coverage near the nominal level for small groups and for shares near 0 or 1,
  where the textbook (Wald) interval fails;
- **Newcombe's hybrid score interval** for the difference of two independent shares
  (R. G. Newcombe, "Interval estimation for the difference between independent
  proportions: comparison of eleven methods", *Statistics in Medicine* 17 (1998)
  873–890, method 10), built from the two Wilson intervals, recommended for small and
  moderate samples by M. W. Fagerland, S. Lydersen and P. Laake, "Recommended
  confidence intervals for two independent binomial proportions", *Statistical Methods
  in Medical Research* 24 (2015) 224–254.

Both are without continuity correction. The arithmetic is in floating point: the
bounds are estimates, shown rounded, never counts.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from attrs import frozen

__all__ = ["Interval", "newcombe_difference", "wilson"]

#: The confidence level used throughout unless another is asked for.
CONFIDENCE = 0.95


@frozen(kw_only=True)
class Interval:
    """An estimate with the lower and upper bounds of its confidence interval (luottamusväli).

    For a share the values are fractions of one (0.25 is 25 %); for a difference of
    shares they lie between −1 and 1.
    """

    estimate: float
    lower: float
    upper: float
    confidence: float = CONFIDENCE

    def excludes(self, value: float) -> bool:
        """True if ``value`` lies outside the interval (say, zero for a difference)."""
        return value < self.lower or value > self.upper


def _z(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, not {confidence!r}")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson(successes: int, total: int, *, confidence: float = CONFIDENCE) -> Interval:
    """Wilson's score interval for the share ``successes / total`` (osuuden luottamusväli).

    ``0 <= successes <= total`` and ``total >= 1``: a share of nobody has no interval.
    """
    if total < 1 or not 0 <= successes <= total:
        raise ValueError(
            f"expected 0 <= successes <= total and total >= 1, got {successes} of {total}"
        )
    z = _z(confidence)
    share = successes / total
    z2 = z * z
    centre = (share + z2 / (2 * total)) / (1 + z2 / total)
    half = (z / (1 + z2 / total)) * math.sqrt(share * (1 - share) / total + z2 / (4 * total**2))
    # Exact at the ends: no rounding error may put 0 of n above zero or n of n below one.
    lower = 0.0 if successes == 0 else max(0.0, centre - half)
    upper = 1.0 if successes == total else min(1.0, centre + half)
    return Interval(estimate=share, lower=lower, upper=upper, confidence=confidence)


def newcombe_difference(
    first: tuple[int, int], second: tuple[int, int], *, confidence: float = CONFIDENCE
) -> Interval:
    """Newcombe's hybrid score interval for a difference of two shares (erotuksen väli).

    ``first`` and ``second`` are (successes, total); the estimate is the first share
    minus the second. With Wilson intervals (l₁, u₁) and (l₂, u₂) of the shares
    p₁ and p₂, the bounds are d − √((p₁ − l₁)² + (u₂ − p₂)²) and
    d + √((u₁ − p₁)² + (p₂ − l₂)²), where d = p₁ − p₂ (Newcombe 1998, method 10).
    """
    one = wilson(*first, confidence=confidence)
    two = wilson(*second, confidence=confidence)
    difference = one.estimate - two.estimate
    lower = difference - math.hypot(one.estimate - one.lower, two.upper - two.estimate)
    upper = difference + math.hypot(one.upper - one.estimate, two.estimate - two.lower)
    return Interval(
        estimate=difference,
        lower=max(-1.0, lower),
        upper=min(1.0, upper),
        confidence=confidence,
    )
