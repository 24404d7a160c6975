"""Checks over records that return findings, never raise (tarkistukset).

Record-level completeness and consistency in the spirit of the EC's Annex D
guidance. The aggregate checks over computed figures live with the indicators
(:func:`hankemalli.indicators.check_results`). Every rule has a stable code and
its words in Finnish, Swedish and English (:data:`RULES`); :func:`quality_report`
groups a dataset's findings by rule, for the association's own data-quality work.
"""

from ._findings import Finding
from ._messages import RULES
from ._quality import QualityReport, RuleFindings, quality_report
from ._records import check_dataset, check_record
from ._rule import Rule, Severity

__all__ = [
    "RULES",
    "Finding",
    "QualityReport",
    "Rule",
    "RuleFindings",
    "Severity",
    "check_dataset",
    "check_record",
    "quality_report",
]
