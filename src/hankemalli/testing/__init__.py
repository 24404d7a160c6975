"""Tools for property-based tests of systems built on hankemalli (testausvälineet).

:mod:`hankemalli.testing.strategies` holds Hypothesis strategies for every class of
the model, valid by construction, and for documents that break exactly one rule
(:class:`Violation`). Needs the ``testing`` extra: ``pip install "hankemalli[testing]"``.
"""

try:
    import hypothesis  # noqa: F401  # imported only to fail early and helpfully
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "hankemalli.testing needs Hypothesis, which comes with the 'testing' extra: "
        'pip install "hankemalli[testing]"'
    ) from exc

from ._rules import RULES, Violation

__all__ = ["RULES", "Violation"]
