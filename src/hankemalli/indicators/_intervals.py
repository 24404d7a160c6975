"""Confidence intervals for shares and their differences (luottamusvälit).

A comparison of two small groups needs its uncertainty beside it: 7 of 47 against
2 of 16 is +2.4 percentage points, and the 95 % interval of that difference runs
from about −22 to +18 points. Two standard, closed-form methods are used:

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

For a difference of two means (days in a service, say), **Welch's interval**
(B. L. Welch, "The generalization of 'Student's' problem when several different
population variances are involved", *Biometrika* 34 (1947) 28–35): the standard error
√(s₁²/n₁ + s₂²/n₂) with the Welch–Satterthwaite degrees of freedom and Student's t.

The share intervals are without continuity correction. The arithmetic is in floating point: the
bounds are estimates, shown rounded, never counts.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from attrs import frozen

__all__ = ["Interval", "newcombe_difference", "welch_difference", "wilson"]

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


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularised incomplete beta function (Lentz's method)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-15:
            break
    return result


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), for 0 <= x <= 1."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _continued_fraction(a, b, x) / a
    return 1 - front * _continued_fraction(b, a, 1 - x) / b


def _t_cdf(t: float, df: float) -> float:
    """Student's t distribution function with ``df`` (not necessarily whole) degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


def t_quantile(probability: float, df: float) -> float:
    """The ``probability`` quantile of Student's t with ``df`` degrees of freedom (t-jakauma).

    For ``probability`` above one half, found by bisection on the distribution
    function to within about 1e-12.
    """
    if not 0.5 <= probability < 1 or df <= 0:
        raise ValueError(f"expected 0.5 <= probability < 1 and df > 0, got {probability}, {df}")
    low, high = 0.0, 1.0
    while _t_cdf(high, df) < probability:
        low, high = high, 2 * high
    for _ in range(200):
        middle = (low + high) / 2
        if _t_cdf(middle, df) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2


def welch_difference(
    first: tuple[int, float, float],
    second: tuple[int, float, float],
    *,
    confidence: float = CONFIDENCE,
) -> Interval | None:
    """Welch's interval for a difference of two means (keskiarvojen erotuksen väli).

    ``first`` and ``second`` are (n, mean, sample variance); the estimate is the
    first mean minus the second. None when a group has fewer than two values (no
    variance to estimate). When neither group varies, the interval is the
    difference itself: there is no spread to be uncertain about.
    """
    (n1, m1, v1), (n2, m2, v2) = first, second
    if n1 < 2 or n2 < 2:
        return None
    _z(confidence)  # the same check of the level as for shares
    difference = m1 - m2
    a, b = v1 / n1, v2 / n2
    if a + b == 0:
        return Interval(
            estimate=difference, lower=difference, upper=difference, confidence=confidence
        )
    df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
    half = t_quantile(0.5 + confidence / 2, df) * math.sqrt(a + b)
    return Interval(
        estimate=difference,
        lower=difference - half,
        upper=difference + half,
        confidence=confidence,
    )
