"""Checks over records that return findings, never raise (tarkistukset).

Record-level completeness and consistency in the spirit of the EC's Annex D
guidance. The aggregate checks over computed figures live with the indicators
(:func:`hankemalli.indicators.check_results`).
"""

from ._findings import Finding, Severity
from ._records import check_dataset, check_record

__all__ = ["Finding", "Severity", "check_dataset", "check_record"]
