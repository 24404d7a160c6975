"""Hypothesis settings profiles for the whole suite (see docs/testing.md).

- ``dev`` (the default): few examples, for a fast edit-test loop.
- ``ci``: derandomized, so every run tries the same examples, with more of them and
  no deadline; chosen when the ``CI`` environment variable is set (CI runs with
  ``CI=true``) or by ``HYPOTHESIS_PROFILE=ci``.
- ``long``: many examples, for a search before a release: ``HYPOTHESIS_PROFILE=long``.
- ``mutation``: derandomized and brief, for the mutation-testing run
  (``tools/mutation.sh``), which runs the suite once per mutant.

``HYPOTHESIS_PROFILE`` wins over ``CI``; pytest's ``--hypothesis-profile NAME`` wins
over both.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=25, deadline=1000)
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation", max_examples=10, derandomize=True, deadline=None, database=None
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "dev"


settings.load_profile(_profile())
