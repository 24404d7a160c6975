"""The parts of a workbook's layout: kinds of column, columns and sheets (sarakkeet)."""

from __future__ import annotations

from enum import Enum, StrEnum

from attrs import frozen

from ..indicators import Labels
from ..model import InformationSource

__all__ = ["PSEUDONYM", "SOURCE", "Column", "Kind", "Sheet", "code_column", "column", "labels"]


class Kind(Enum):
    """What a column holds, and so how its cells are read and written."""

    TEXT = "text"  #: one line of text
    LINES = "lines"  #: free text, may have several lines
    WHOLE = "whole"  #: a whole number
    DECIMAL = "decimal"  #: a number, kept exactly as written
    DATE = "date"  #: a date: a date cell, 1.3.2016 or 2016-03-01
    BOOLEAN = "boolean"  #: yes or no
    CODE = "code"  #: a code of a code list, by its code or label
    TAG = "tag"  #: the kind of row (a situation or an event)
    PSEUDONYM = "pseudonym"  #: the participant a row belongs to
    ORDINAL = "ordinal"  #: the number that tells one assessment from another
    STAGE = "stage"  #: a stage of a dimension, by its label
    JSON = "json"  #: an object in its JSON form


def labels(fi: str, sv: str, en: str) -> Labels:
    """A text in Finnish, Swedish and English."""
    return Labels(fi=fi, sv=sv, en=en)


@frozen(kw_only=True)
class Column:
    """One column of a sheet (sarake), or one field of the programme form.

    ``path`` is where its value goes in the row's object of the JSON form (the key
    itself unless given). ``only_for`` names the kinds of row (tags) it is for;
    ``many`` that a form field takes several values, one a cell to the right.
    """

    key: str
    header: Labels
    kind: Kind
    path: tuple[str, ...] = ()
    codes: type[StrEnum] | None = None
    required: bool = False
    only_for: tuple[str, ...] = ()
    many: bool = False
    note: Labels | None = None

    @property
    def where(self) -> tuple[str, ...]:
        """The path of the value in the row's object."""
        return self.path or (self.key,)


@frozen(kw_only=True)
class Sheet:
    """One sheet of the workbook (välilehti): its name, what it is for and its columns.

    ``within`` is the list the sheet's rows go to: ``("participants",)`` for the
    participants, ``("periods",)`` in a participant's record for a child sheet,
    ``("programme", "funders")`` for the programme's funders. A ``form`` has one row
    per field, its name in column A and its values from column B on.
    """

    key: str
    name: Labels
    note: Labels
    columns: tuple[Column, ...]
    within: tuple[str, ...] = ()
    form: bool = False
    child: bool = False
    required: bool = False

    def column(self, key: str) -> Column:
        """The column with this key."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


def code_column(
    key: str, fi: str, sv: str, en: str, codes: type[StrEnum], **more: object
) -> Column:
    return Column(key=key, header=labels(fi, sv, en), kind=Kind.CODE, codes=codes, **more)  # type: ignore[arg-type]


def column(key: str, fi: str, sv: str, en: str, kind: Kind, **more: object) -> Column:
    return Column(key=key, header=labels(fi, sv, en), kind=kind, **more)  # type: ignore[arg-type]


#: The pseudonym that links a row to its participant.
PSEUDONYM = column(
    "participant",
    "Pseudonyymi",
    "Pseudonym",
    "Pseudonym",
    Kind.PSEUDONYM,
    required=True,
    note=labels(
        "Osallistujan pseudonyymi, sama kuin Osallistujat-välilehdellä.",
        "Deltagarens pseudonym, samma som på fliken Deltagare.",
        "The participant's pseudonym, as on the Participants sheet.",
    ),
)
#: Where the information comes from.
SOURCE = code_column("source", "Tiedon lähde", "Källa", "Source", InformationSource, required=True)
