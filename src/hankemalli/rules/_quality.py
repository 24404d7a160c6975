"""The data-quality report: the findings of the checks grouped by rule (laaturaportti).

Like the data-quality reports that the US HMIS data warehouses give their providers,
it counts each rule's findings and names the participants affected, so that the
association can correct its records before it reports. It names people by their
pseudonyms, so it is for the association's own use, and says so.
"""

from __future__ import annotations

from attrs import frozen

from ..model import Dataset
from ..model._errors import format_path
from ._findings import Finding
from ._messages import PHRASES, RULES, TERMS
from ._records import check_dataset
from ._rule import Rule, Severity, fill, language_of

__all__ = ["QualityReport", "RuleFindings", "quality_report"]

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.NOTE)


@frozen(kw_only=True)
class RuleFindings:
    """The findings of one rule in a data-quality report (säännön havainnot).

    ``participants`` gives the pseudonym of each finding's record, finding by finding.
    """

    rule: Rule
    findings: tuple[Finding, ...]
    participants: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many findings the rule has."""
        return len(self.findings)

    @property
    def pseudonyms(self) -> tuple[str, ...]:
        """The participants affected, each once, in the order of the records."""
        return tuple(dict.fromkeys(self.participants))


@frozen(kw_only=True)
class QualityReport:
    """A data-quality report of a dataset (laaturaportti), for the association's own use.

    ``rules`` holds the rules that found something, errors first, then warnings and
    notes, each in the order of :data:`~hankemalli.rules.RULES`. It names
    participants by their pseudonyms: it is not for a funder or for publication.
    """

    programme: str
    participants: int
    rules: tuple[RuleFindings, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, rule by rule."""
        return tuple(f for group in self.rules for f in group.findings)

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(g.count for g in self.rules if g.rule.severity is severity)

    @property
    def has_errors(self) -> bool:
        """True if a finding is an error: the figures will be wrong until it is fixed."""
        return self.count(Severity.ERROR) > 0

    def text(self, language: str = "fi") -> str:
        """The report as text (Markdown) in ``language`` (``"fi"``, ``"sv"`` or ``"en"``).

        Each rule gets a heading with its severity, title and code, and its counts;
        then its message once and the pseudonyms affected, when every finding says
        the same, or else a line a finding: pseudonym, JSON path and message.
        """
        lang = language_of(language)

        def phrase(key: str, **params: object) -> str:
            return fill(PHRASES[key], lang, {k: str(v) for k, v in params.items()}, TERMS)

        lines = [f"# {phrase('heading', programme=self.programme)}", "", phrase("own_use"), ""]
        lines.append(
            phrase(
                "summary",
                participants=self.participants,
                findings=len(self.findings),
                errors=self.count(Severity.ERROR),
                warnings=self.count(Severity.WARNING),
                notes=self.count(Severity.NOTE),
            )
        )
        if not self.rules:
            lines += ["", phrase("none")]
        for group in self.rules:
            rule = group.rule
            heading = f"{phrase(str(rule.severity))}: {rule.title.template(lang)} ({rule.code})"
            lines += ["", f"## {heading}", ""]
            lines.append(phrase("counts", findings=group.count, participants=len(group.pseudonyms)))
            lines.append("")
            texts = [f.text(lang) for f in group.findings]
            if len(set(texts)) == 1:
                lines += [_sentence(texts[0]), ""]
                lines.append(f"{phrase('participants')}: {', '.join(group.pseudonyms)}")
            else:
                lines += [
                    f"- {who}: {format_path(f.path)}: {text}"
                    for who, f, text in zip(group.participants, group.findings, texts, strict=True)
                ]
        return "\n".join(lines) + "\n"


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def quality_report(dataset: Dataset) -> QualityReport:
    """The data-quality report of a dataset (laaturaportti), for the association's own use.

    Every finding of :func:`check_dataset`, grouped by rule, errors first, with the
    pseudonyms of the participants affected.
    """
    ids = [record.id for record in dataset.participants]
    grouped: dict[str, list[Finding]] = {}
    for found in check_dataset(dataset):
        grouped.setdefault(found.rule, []).append(found)
    groups = [
        RuleFindings(
            rule=rule,
            findings=tuple(grouped[code]),
            participants=tuple(_pseudonym(f, ids) for f in grouped[code]),
        )
        for code, rule in RULES.items()
        if code in grouped
    ]
    groups.sort(key=lambda g: _ORDER.index(g.rule.severity))  # stable: RULES order within
    return QualityReport(
        programme=dataset.programme.name, participants=len(ids), rules=tuple(groups)
    )


def _pseudonym(found: Finding, ids: list[str]) -> str:
    """The pseudonym of the record a dataset finding is about (its path starts there)."""
    index = found.path[1]
    assert isinstance(index, int)
    return ids[index]
