"""The Hypothesis plugin of hankemalli: ``st.from_type`` for the model's classes.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, through the
``hypothesis`` entry point of hankemalli's package metadata. The hook registers a
strategy for each of hankemalli's own classes and for nothing else; the strategies
module itself is imported only when a strategy is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__: list[str] = []

# Each class, by name in hankemalli, and the strategy function that builds it.
_STRATEGIES: dict[str, str] = {
    "Programme": "programmes",
    "Funder": "funders",
    "Target": "targets",
    "Partner": "partners",
    "Participant": "participants",
    "EntryProfile": "entry_profiles",
    "ParticipationPeriod": "participation_periods",
    "ServiceEpisode": "service_episodes",
    "Employment": "employment_spells",
    "Education": "education_spells",
    "JobSeeking": "job_seeking_spells",
    "ExitSituation": "exit_situations",
    "QualificationGained": "qualification_gained_events",
    "CertificateObtained": "certificate_obtained_events",
    "SituationAfterSixMonths": "situation_after_six_months_events",
    "PostExitContact": "post_exit_contact_events",
    "Participation": "participations",
    "Dataset": "datasets",
}


def _lazy(name: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        from . import strategies

        return getattr(strategies, name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register the strategies of hankemalli's classes with Hypothesis (st.from_type)."""
    from hypothesis import strategies as st

    import hankemalli

    from ._rules import Violation

    for class_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(hankemalli, class_name), _lazy(strategy_name))
    st.register_type_strategy(Violation, _lazy("violations"))
