"""Selectors for results: the person's situation upon leaving and six months after.

Each asks the one place that decides a situation (:mod:`hankemalli.model._timeline`,
through :class:`RecordView`), so every result indicator, in every catalogue, counts
by the same rule:

- upon leaving is the exit day and the 28 days after it; the last labour-market
  status in that window counts, so job searching and employment are mutually
  exclusive (SFC2021 FAQ on the reference period of immediate result indicators);
- the situation recorded at the last exit, when there is one, is the source;
  otherwise the spells are;
- six months after leaving is the date six calendar months after the exit, from a
  recorded follow-up when there is one, otherwise from the spells.
"""

from __future__ import annotations

from attrs import frozen

from ..model import CertificateObtained, LeavingStatus, QualificationGained
from ._context import Context, RecordView
from ._selectors import Selector, Window

__all__ = [
    "IN_EMPLOYMENT",
    "GainedQualification",
    "InEducationUponLeaving",
    "StatusSixMonthsAfter",
    "StatusUponLeaving",
]


#: Employment, including self-employment: the ESF's "in employment".
IN_EMPLOYMENT = (LeavingStatus.EMPLOYED, LeavingStatus.SELF_EMPLOYED)


@frozen(kw_only=True)
class StatusUponLeaving(Selector):
    """The last labour-market status upon leaving is one of ``statuses`` (tilanne lähdettäessä).

    ``StatusUponLeaving(statuses=(LeavingStatus.EMPLOYED, LeavingStatus.SELF_EMPLOYED))``
    is "in employment, including self-employment, upon leaving" (EECR04 / CR04).
    Only leavers can match.
    """

    statuses: tuple[LeavingStatus, ...]

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the person left and the status that counts is one of ``statuses``."""
        situation = view.upon_leaving(ctx)
        return situation is not None and situation.status in self.statuses


@frozen(kw_only=True)
class InEducationUponLeaving(Selector):
    """In education or training upon leaving, not the operation's own (koulutuksessa).

    ESF EECR02 / CR02: education or training going on on any day of the four weeks
    from the exit; the operation's own training is the support, not a result.
    """

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the person left and was in education or training upon leaving."""
        situation = view.upon_leaving(ctx)
        return situation is not None and situation.in_education


@frozen(kw_only=True)
class GainedQualification(Selector):
    """Gained a qualification during participation or upon leaving (tutkinto tai pätevyys).

    ESF EECR03 / CR03. A qualification proper, or a certificate of a kind the
    counting rules accept (:attr:`CountingRules.qualifying_certificates`, a programme
    setting), dated from the first entry to the end of the four weeks after the last
    exit: a qualification gained during participation is held upon leaving.
    """

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the person left and gained a qualification in the window."""
        bounds = Window.DURING_OR_UPON_LEAVING.bounds(view, ctx)
        if bounds is None:
            return False
        low, high = bounds
        accepted = ctx.rules.qualifying_certificates
        return any(
            low <= event.date <= high
            and (
                isinstance(event, QualificationGained)
                or (isinstance(event, CertificateObtained) and event.certificate in accepted)
            )
            for event in view.events
        )


@frozen(kw_only=True)
class StatusSixMonthsAfter(Selector):
    """The status six months after leaving is one of ``statuses`` (tilanne puolen vuoden päästä).

    ESF EECR05 / CR06 with employment and self-employment. Only leavers whose
    six-month date has come (as known on ``as_of``) can match.
    """

    statuses: tuple[LeavingStatus, ...]

    def _reads_period(self) -> bool:
        return False

    def matches(self, view: RecordView, ctx: Context) -> bool:
        """True if the situation six months after leaving has one of ``statuses``."""
        situation = view.six_months_after(ctx)
        return situation is not None and situation.status in self.statuses
