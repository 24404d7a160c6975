"""The words of a workbook: what a cell may say for a code, a yes or no, or a kind of row.

A drop-down list shows each code by its label in the workbook's language: the label
the reports use (:func:`hankemalli.reporting.code_labels`), except where a report's
label reads wrong in a cell of one person's row (the reports head their gender
columns "Naiset", "Miehet"; a cell says "nainen"). A code list without labels shows
its codes. Reading, a cell may hold the code itself or its label in any of the three
languages, in any case and with any spacing (:func:`normal`): "Nainen", "nainen" and
"woman" are one code, and nothing else is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from ..indicators import Labels
from ..model import Gender
from ..reporting import code_labels

__all__ = [
    "BOOLEAN_LABELS",
    "EVENT_LABELS",
    "SITUATION_LABELS",
    "Vocabulary",
    "boolean_vocabulary",
    "code_vocabulary",
    "label_of",
    "normal",
    "tag_vocabulary",
]


def normal(text: str) -> str:
    """``text`` as it is compared: spacing collapsed and case folded (``" Ei  kysytty"``)."""
    return " ".join(text.split()).casefold()


# A cell names one person's gender: the report labels are the plural column heads.
_OVERRIDES: dict[tuple[type[StrEnum], str], Labels] = {
    (Gender, "woman"): Labels(fi="nainen", sv="kvinna", en="woman"),
    (Gender, "man"): Labels(fi="mies", sv="man", en="man"),
    (Gender, "non_binary"): Labels(fi="muunsukupuolinen", sv="icke-binär", en="non-binary"),
    (Gender, "not_told"): Labels(fi="ei halua kertoa", sv="vill inte uppge", en="not told"),
}

#: The words of a yes-or-no cell (a blank cell is unknown).
BOOLEAN_LABELS: dict[bool, Labels] = {
    True: Labels(fi="kyllä", sv="ja", en="yes"),
    False: Labels(fi="ei", sv="nej", en="no"),
}

#: The kinds of situation spell by their JSON tag (:data:`hankemalli.SITUATION_TAGS`).
SITUATION_LABELS: dict[str, Labels] = {
    "employment": Labels(
        fi="työsuhde tai yrittäjyys",
        sv="anställning eller företagande",
        en="employment or self-employment",
    ),
    "education": Labels(fi="koulutus", sv="utbildning", en="education or training"),
    "job_seeking": Labels(fi="työnhakijana", sv="arbetssökande", en="job seeking"),
}

#: The kinds of outcome event by their JSON tag (:data:`hankemalli.EVENT_TAGS`).
EVENT_LABELS: dict[str, Labels] = {
    "qualification_gained": Labels(
        fi="tutkinto suoritettu", sv="examen avlagd", en="qualification gained"
    ),
    "certificate_obtained": Labels(
        fi="kortti suoritettu", sv="certifikat erhållet", en="certificate obtained"
    ),
    "situation_after_six_months": Labels(
        fi="tilanne kuuden kuukauden kuluttua",
        sv="situationen sex månader efter avslutad insats",
        en="situation six months after leaving",
    ),
    "post_exit_contact": Labels(
        fi="yhteydenpito päättymisen jälkeen",
        sv="kontakt efter avslutad insats",
        en="contact after leaving",
    ),
}


def label_of(code_list: type[StrEnum], code: str) -> Labels:
    """The labels a cell shows for ``code`` of ``code_list`` (the code where there are none)."""
    override = _OVERRIDES.get((code_list, code))
    return override if override is not None else code_labels(code_list(code))


class Vocabulary:
    """The values one kind of cell may hold, each with the words that name it.

    ``name`` is what a column mapping calls it (a code list's class name, or
    ``boolean``, ``situation`` or ``event``). A value is named by its code and by
    its label in each language; a mapping adds the association's own words.
    """

    def __init__(self, name: str, entries: Iterable[tuple[object, str, Labels]]) -> None:
        self.name = name
        self.values: dict[object, Labels] = {}
        self.codes: dict[object, str] = {}
        self.words: dict[str, object] = {}
        for value, code, labels in entries:
            self.values[value] = labels
            self.codes[value] = code
            for word in (code, labels.fi, labels.sv, labels.en):
                known = self.words.setdefault(normal(word), value)
                if known != value:
                    raise ValueError(f"{name}: {word!r} names both {known!r} and {value!r}")

    def find(self, text: str, own: Mapping[str, object] | None = None) -> object | None:
        """The value ``text`` names (first by the association's ``own`` words), or None."""
        key = normal(text)
        if own is not None and key in own:
            return own[key]
        return self.words.get(key)

    def labels(self, language: str) -> list[str]:
        """The label of every value in ``language``, in the order of the list."""
        return [labels.get(language) for labels in self.values.values()]

    def label(self, value: object, language: str) -> str:
        """The label of ``value`` in ``language``."""
        return self.values[value].get(language)


def code_vocabulary(code_list: type[StrEnum]) -> Vocabulary:
    """The vocabulary of a code list: each code by its code and its labels."""
    return Vocabulary(
        code_list.__name__,
        ((member.value, member.value, label_of(code_list, member.value)) for member in code_list),
    )


def boolean_vocabulary() -> Vocabulary:
    """Yes and no in three languages, and ``true`` and ``false`` as in JSON."""
    entries = (
        (value, "true" if value else "false", BOOLEAN_LABELS[value]) for value in (True, False)
    )
    return Vocabulary("boolean", entries)


def tag_vocabulary(name: str, labels: Mapping[str, Labels]) -> Vocabulary:
    """The kinds of row of a tagged sheet (situations or events) by tag and label."""
    return Vocabulary(name, ((tag, tag, label) for tag, label in labels.items()))


_VOCABULARIES: dict[str, Vocabulary] = {}


def vocabularies() -> dict[str, Vocabulary]:
    """Every vocabulary by the name a column mapping calls it, made once."""
    if not _VOCABULARIES:
        from ..model import CODE_LISTS

        for code_list in CODE_LISTS:
            _VOCABULARIES[code_list.__name__] = code_vocabulary(code_list)
        _VOCABULARIES["boolean"] = boolean_vocabulary()
        _VOCABULARIES["situation"] = tag_vocabulary("situation", SITUATION_LABELS)
        _VOCABULARIES["event"] = tag_vocabulary("event", EVENT_LABELS)
    return _VOCABULARIES
